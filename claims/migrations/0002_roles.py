"""The newsroom roles as groups with model permissions; the pages, admin and API all check these."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW = [
    "articles.view_source",
    "articles.view_article",
    "claims.view_claim",
    "claims.view_claimlink",
]
ROLES = {
    "viewer": VIEW,
    "editor": [*VIEW, "articles.add_article", "articles.change_article", "articles.add_source", "articles.change_source"],
    "reviewer": [*VIEW, "claims.add_claim", "claims.change_claim", "claims.add_claimlink", "claims.delete_claimlink"],
}


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        for code in codes:
            app_label, codename = code.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    admin, _ = Group.objects.get_or_create(name="admin")
    admin.permissions.add(*Permission.objects.filter(content_type__app_label__in=["articles", "claims"]))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[*ROLES, "admin"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
