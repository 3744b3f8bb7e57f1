"""The newsroom roles as groups with model permissions; the pages, admin and API all check these.

Made after every migrate (and after a test flush) the way Django makes permissions, so they always exist.
"""

from django.apps import apps as global_apps
from django.db.models.signals import post_migrate

VIEW = [
    "articles.view_source",
    "articles.view_article",
    "claims.view_claim",
    "claims.view_claimlink",
    "claims.view_claimcomment",
    "claims.view_fact",
    "claims.view_rating",
    "claims.view_suggestion",
]
ROLES = {
    "viewer": VIEW,
    "editor": [
        *VIEW,
        "articles.add_article",
        "articles.change_article",
        "articles.add_source",
        "articles.change_source",
        # Giving articles to reviewers (a reviewer may take one with change_claim).
        "claims.add_articleassignment",
        "claims.change_articleassignment",
        "claims.delete_articleassignment",
    ],
    "reviewer": [
        *VIEW,
        "claims.add_claim",
        "claims.change_claim",
        "claims.add_claimlink",
        "claims.delete_claimlink",
        "claims.add_claimcomment",
        "claims.change_fact",
        "claims.change_suggestion",
    ],
}
ADMIN_ROLE = "admin"


def roles_ensure(*, apps=global_apps, using="default", **kwargs) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.using(using)
        .filter(content_type__app_label__in=["core", "articles", "claims"])
        .values_list("pk", "content_type__app_label", "codename")
    }
    for role, codes in [*ROLES.items(), (ADMIN_ROLE, list(permissions))]:
        group, _ = Group.objects.using(using).get_or_create(name=role)
        group.permissions.add(*(permissions[code] for code in codes if code in permissions))


def connect() -> None:
    # Sent for the claims app after auth has made the permissions of articles and claims.
    post_migrate.connect(roles_ensure, sender=global_apps.get_app_config("claims"), dispatch_uid="tracker.roles")
