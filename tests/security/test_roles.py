"""Every action a role does not allow, tried as every role: in the pages, the admin and the API."""

import pytest
from django.urls import reverse

from articles.models import Article
from claims.models import ClaimLink, Fact
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, UserFactory
from tracker.roles import ROLES

pytestmark = pytest.mark.django_db
ALL_ROLES = [*ROLES, "admin"]


@pytest.fixture
def objects():
    claim = ClaimFactory(article=ArticleFactory(extraction_status=Article.ExtractionStatus.FAILED))
    other = ClaimFactory()
    link = ClaimLink.objects.create(from_claim=claim, to_claim=other, relation=ClaimLink.Relation.SUPPORTS)
    fact = Fact.objects.create()
    return {
        "article": claim.article,
        "source": claim.article.source,
        "claim": claim,
        "other": other,
        "link": link,
        "fact": fact,
    }


# Page actions: (what, method, (url name, the object it acts on), the permission that allows it).
PAGE_ACTIONS = [
    ("see the article list", "get", ("claims:article_list", None), "articles.view_article"),
    ("open the upload form", "get", ("claims:article_upload", None), "articles.add_article"),
    ("upload an article", "post", ("claims:article_upload", None), "articles.add_article"),
    ("retry an extraction", "post", ("claims:article_retry", "article"), "articles.change_article"),
    ("edit an article's details", "post", ("claims:article_edit", "article"), "articles.change_article"),
    ("open an article's claims", "get", ("claims:article_reader", "article"), "claims.view_claim"),
    ("confirm a claim", "post", ("claims:claim_confirm", "claim"), "claims.change_claim"),
    ("reject a claim", "post", ("claims:claim_reject", "claim"), "claims.change_claim"),
    ("edit a claim", "post", ("claims:claim_edit", "claim"), "claims.change_claim"),
    ("add a missed claim", "post", ("claims:claim_create", "article"), "claims.add_claim"),
    ("comment on a claim", "post", ("claims:claim_comment", "claim"), "claims.add_claimcomment"),
    ("undo a decision", "post", ("claims:claim_undo", None), "claims.change_claim"),
    ("see the review queue", "get", ("claims:review_queue", None), "claims.view_claim"),
    ("open the Related panel", "get", ("claims:claim_related", "claim"), "claims.view_claim"),
    ("link two claims", "post", ("claims:claim_link", "claim"), "claims.add_claimlink"),
    ("remove a link", "post", ("claims:link_delete", "link"), "claims.delete_claimlink"),
    ("see the facts", "get", ("claims:fact_list", None), "claims.view_fact"),
    ("set a fact's verdict", "post", ("claims:fact_verdict", "fact"), "claims.change_fact"),
]


def page_url(objects, url_name: str, key: str | None) -> str:
    return reverse(url_name, args=[objects[key].pk] if key else [])


def role_allows(role: str, permission: str) -> bool:
    return role == "admin" or permission in ROLES[role]


def forbidden(actions, roles=ALL_ROLES):
    return [
        pytest.param(role, *action[1:], id=f"{role} cannot {action[0]}")
        for role in roles
        for action in actions
        if not role_allows(role, action[-1])
    ]


@pytest.mark.parametrize(("role", "method", "url", "permission"), forbidden(PAGE_ACTIONS))
def test_role_is_refused_a_page_action_it_lacks_the_permission_for(client, objects, role, method, url, permission):
    client.force_login(UserFactory(username=f"someone-{role}", roles=[role]))
    before = {"articles": Article.objects.count(), "claim": objects["claim"].status, "links": ClaimLink.objects.count()}

    data = {"to_claim": objects["other"].pk, "relation": "same_as", "body": "x", "kind": "date", "start": 0, "end": 3}
    response = getattr(client, method)(page_url(objects, *url), data)

    assert response.status_code == 403
    objects["claim"].refresh_from_db()
    after = {"articles": Article.objects.count(), "claim": objects["claim"].status, "links": ClaimLink.objects.count()}
    assert after == before


@pytest.mark.parametrize(("method", "url"), [(a[1], a[2]) for a in PAGE_ACTIONS], ids=[a[0] for a in PAGE_ACTIONS])
def test_anonymous_visitor_is_sent_to_sign_in_for_every_page_action(client, objects, method, url):
    response = getattr(client, method)(page_url(objects, *url))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


ADMIN_MODELS = {
    "source": ("articles", "source"),
    "article": ("articles", "article"),
    "claim": ("claims", "claim"),
    "link": ("claims", "claimlink"),
}


def admin_actions():
    actions = []
    for key, (app, model) in ADMIN_MODELS.items():
        actions += [
            (f"add a {model} in the admin", "get", (key, "add"), f"{app}.add_{model}"),
            (f"change a {model} in the admin", "post", (key, "change"), f"{app}.change_{model}"),
            (f"delete a {model} in the admin", "post", (key, "delete"), f"{app}.delete_{model}"),
            (f"revert a {model} from its history", "post", (key, "simple_history"), f"{app}.change_{model}"),
        ]
    return actions


def admin_url(objects, key: str, view: str) -> str:
    app, model = ADMIN_MODELS[key]
    obj = objects[key]
    if view == "add":
        return reverse(f"admin:{app}_{model}_add")
    if view == "simple_history":
        return reverse(f"admin:{app}_{model}_simple_history", args=[obj.pk, obj.history.earliest().history_id])
    return reverse(f"admin:{app}_{model}_{view}", args=[obj.pk])


@pytest.mark.parametrize(("role", "method", "target", "permission"), forbidden(admin_actions()))
def test_staff_role_is_refused_an_admin_action_it_lacks_the_permission_for(
    client, objects, role, method, target, permission
):
    client.force_login(UserFactory(username=f"staff-{role}", roles=[role], is_staff=True))

    response = getattr(client, method)(admin_url(objects, *target), {"post": "yes"})

    assert response.status_code == 403


def test_a_role_without_staff_status_cannot_enter_the_admin(client):
    client.force_login(UserFactory(username="edith", roles=["editor"]))

    response = client.get(reverse("admin:articles_article_changelist"))

    assert response.status_code == 302
    assert "login" in response.url


# API writes: (method, path, the permission that allows it, or None where the API offers no such write).
API_WRITES = [
    ("post", "/api/v1/sources/", None),
    ("post", "/api/v1/articles/", "articles.add_article"),
    ("delete", "/api/v1/articles/{article}/", None),
    ("patch", "/api/v1/claims/{claim}/", "claims.change_claim"),
    ("delete", "/api/v1/claims/{claim}/", None),
    ("post", "/api/v1/links/", None),
]


def forbidden_api_writes():
    return [
        pytest.param(role, method, path, id=f"{role} cannot {method} {path}")
        for role in ALL_ROLES
        for method, path, permission in API_WRITES
        if permission is None or not role_allows(role, permission)
    ]


@pytest.mark.parametrize(("role", "method", "path"), forbidden_api_writes())
def test_role_cannot_write_through_the_api_what_it_lacks_the_permission_for(client, objects, role, method, path):
    client.force_login(UserFactory(username=f"api-{role}", roles=[role]))
    url = path.format(article=objects["article"].pk, claim=objects["claim"].pk)
    status = objects["claim"].status

    response = getattr(client, method)(url, {"status": "rejected", "version": 1}, content_type="application/json")

    assert response.status_code in {403, 405}
    assert Article.objects.filter(pk=objects["article"].pk).exists()
    objects["claim"].refresh_from_db()
    assert objects["claim"].status == status


@pytest.mark.parametrize("path", ["/api/v1/sources/", "/api/v1/articles/", "/api/v1/claims/", "/api/v1/links/"])
def test_anonymous_caller_cannot_read_the_api(client, objects, path):
    assert client.get(path).status_code in {401, 403}


def test_view_only_staff_cannot_revert_a_source_with_a_complete_history_form(client):
    source = SourceFactory(name="AFP")
    client.force_login(UserFactory(username="vic", roles=["viewer"], is_staff=True))
    url = reverse("admin:articles_source_simple_history", args=[source.pk, source.history.earliest().history_id])

    response = client.post(url, {"name": "Hacked", "default_language": "fr"})

    assert response.status_code == 403
    source.refresh_from_db()
    assert source.name == "AFP"
