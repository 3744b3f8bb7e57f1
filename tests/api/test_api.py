import pytest
from rest_framework.test import APIClient

from claims.models import ClaimLink
from claims.services import facts_regroup
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db
LISTS = [
    "/api/v1/sources/",
    "/api/v1/articles/",
    "/api/v1/claims/",
    "/api/v1/links/",
    "/api/v1/facts/",
    "/api/v1/claim-reviews/",
]


@pytest.mark.parametrize("url", [*LISTS, "/api/schema/", "/api/docs/"])
def test_nothing_is_readable_without_a_token_or_session(client, url):
    assert client.get(url).status_code in {401, 403}


def test_a_bad_token_is_refused(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    assert client.get("/api/v1/claims/").status_code == 401


@pytest.mark.parametrize("url", LISTS)
def test_every_list_answers_with_a_token_in_constant_queries(api, url, django_assert_max_num_queries):
    for _ in range(5):
        first, second = ClaimFactory(status="confirmed"), ClaimFactory()
        ClaimLink.objects.create(from_claim=first, to_claim=second, relation="same_as")
        ClaimLink.objects.create(from_claim=first, to_claim=ClaimFactory(), relation="contradicts")
        facts_regroup(claim_ids=[first.pk])

    # Two of them read the account's permissions (its own and its role's).
    with django_assert_max_num_queries(8):
        response = api.get(url)

    assert response.status_code == 200
    assert response.json()["results"]


def test_claims_embed_their_article_source_and_reading(api):
    article = ArticleFactory(title="Sommet", url="https://example.org/a", published_on="2025-03-17")
    ClaimFactory(article=article, text="Plus de 30 pays")

    claim = api.get("/api/v1/claims/").json()["results"][0]

    assert claim["article"] == article.pk
    assert claim["source"] == article.source.name
    assert claim["published_on"] == "2025-03-17"
    assert claim["article_url"] == "https://example.org/a"
    assert claim["normalized"]["qualifier"] == "more_than"
    assert claim["status"] == "candidate"


def test_claims_filter_by_status_and_kind(api, reviewer):
    confirmed = ClaimFactory(status="confirmed")
    ClaimFactory(status="candidate")
    ClaimFactory(kind="date", status="confirmed")

    results = api.get("/api/v1/claims/", {"status": "confirmed", "kind": "quantity"}).json()["results"]

    assert [claim["id"] for claim in results] == [confirmed.pk]


def test_a_bad_filter_value_is_a_400_not_a_500(api):
    response = api.get("/api/v1/claims/", {"status": "nonsense"})

    assert response.status_code == 400
    assert "status" in response.json()


def test_article_detail_includes_the_text(api):
    article = ArticleFactory(body="Plus de 30 pays.")

    assert api.get(f"/api/v1/articles/{article.pk}/").json()["body"] == "Plus de 30 pays."


def test_cursor_pagination_walks_every_claim_once(api):
    ids = {ClaimFactory().pk for _ in range(7)}
    seen, url = [], "/api/v1/claims/?page_size=3"
    while url:
        page = api.get(url).json()
        seen += [claim["id"] for claim in page["results"]]
        url = page["next"]

    assert sorted(seen) == sorted(ids)


def test_claims_cannot_be_created_through_the_api(reviewer_api):
    assert reviewer_api.post("/api/v1/claims/", {"text": "x"}, format="json").status_code == 405


def test_openapi_schema_describes_every_endpoint(api):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    paths = response.json()["paths"]
    for url in LISTS:
        assert url in paths
    assert response.json()["openapi"].startswith("3.")


def test_swagger_ui_is_served_from_local_assets(api, client, viewer):
    client.force_login(viewer)
    html = client.get("/api/docs/").content.decode()

    assert "swagger-ui" in html
    assert "//cdn" not in html and "unpkg" not in html
