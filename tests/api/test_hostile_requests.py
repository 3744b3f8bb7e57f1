"""Requests an attacker or a careless tool sends: each answers a 4xx with a message, never a server error,
and stores nothing."""

import pytest
from django.urls import reverse

from articles.models import Article
from claims.models import Claim
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db
HUGE_ID = "9223372036854775808"  # one past the largest id PostgreSQL and SQLite store


@pytest.fixture
def claim():
    return ClaimFactory(article=ArticleFactory(body="Plus de 30 pays ont signé le 9 novembre."), text="Plus de 30 pays")


def test_deeply_nested_json_is_a_400_on_every_write(editor_api, reviewer_api, claim):
    deep = "[" * 1100 + "]" * 1100

    pushed = editor_api.post("/api/v1/articles/", deep, content_type="application/json")
    patched = reviewer_api.patch(f"/api/v1/claims/{claim.pk}/", deep, content_type="application/json")

    assert (pushed.status_code, patched.status_code) == (400, 400)
    assert "nested deeper" in pushed.json()["detail"]
    assert not Article.objects.exclude(pk=claim.article_id).exists()


def test_brackets_inside_strings_are_text_not_nesting(editor_api):
    article = {"title": "[[[[" * 20, "body": "Plus de 30 pays " + "{" * 200, "source": "AFP", "language": "fr"}

    assert editor_api.post("/api/v1/articles/", article, format="json").status_code == 201


@pytest.mark.parametrize(
    "reading",
    [
        '{"value": 30, "qualifier": ["more_than"]}',
        '{"value": {"a": 1}}',
        '{"value": "NaN"}',
        '{"value": "Infinity"}',
        '{"value": 1e400}',
        '{"value": "1e400"}',
        '{"value": 30, "value_max": "-inf", "qualifier": "range"}',
        '{"value": 1' + "0" * 300 + "}",
        '{"value": 30, "unit": ["pays"]}',
        '"not an object"',
    ],
)
def test_an_unreadable_reading_is_a_400_naming_the_field(reviewer_api, claim, reading):
    body = f'{{"reading": {reading}, "version": {claim.version}}}'

    response = reviewer_api.patch(f"/api/v1/claims/{claim.pk}/", body, content_type="application/json")

    assert response.status_code == 400, response.content
    claim.refresh_from_db()
    assert claim.version == 1


def test_a_date_precision_that_is_an_object_is_a_400(reviewer_api):
    date_claim = ClaimFactory(kind="date", normalized={"date": "2025-11-09", "precision": "day"})

    response = reviewer_api.patch(
        f"/api/v1/claims/{date_claim.pk}/",
        {"reading": {"date": "2025-11-09", "precision": {"x": 1}}, "version": 1},
        format="json",
    )

    assert response.status_code == 400
    assert "precision" in response.json()


def test_json_nan_literals_are_refused(reviewer_api, claim):
    body = '{"reading": {"value": NaN}, "version": 1}'

    response = reviewer_api.patch(f"/api/v1/claims/{claim.pk}/", body, content_type="application/json")

    assert response.status_code == 400


@pytest.mark.parametrize("value", ["NaN", "inf", "-Infinity", "1e400", "1e16"])
def test_the_edit_and_add_forms_refuse_numbers_no_database_stores(reviewer_client, claim, value):
    edited = reviewer_client.post(
        reverse("claims:claim_edit", args=[claim.pk]),
        {"version": 1, "start": 0, "end": 15, "value": value, "qualifier": "exact", "unit": "pays"},
    )
    start = claim.article.body.index("9 novembre")
    added = reviewer_client.post(
        reverse("claims:claim_create", args=[claim.article_id]),
        {"kind": "quantity", "start": start, "end": start + 1, "value": value, "qualifier": "exact"},
    )

    assert edited.status_code in (200, 400)
    assert added.status_code in (200, 400)
    assert "Give a number between" in edited.content.decode()
    assert Claim.objects.count() == 1
    claim.refresh_from_db()
    assert claim.version == 1


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00", "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00"])
@pytest.mark.parametrize("resource", ["claims", "links"])
def test_a_time_outside_what_the_database_stores_is_a_400(api, resource, moment):
    listed = api.get(f"/api/v1/{resource}/", {"updated_since": moment})
    deleted = api.get(f"/api/v1/{resource}/deleted/", {"since": moment})

    assert listed.status_code == 400
    assert deleted.status_code == 400
    assert "years 1 and 9999" in str(listed.json())


def test_an_id_too_large_for_the_database_is_a_404(api, editor_client, reviewer_client):
    assert api.get(f"/api/v1/claims/{HUGE_ID}/").status_code == 404
    assert api.get(f"/api/v1/articles/{HUGE_ID}/").status_code == 404
    assert editor_client.post(f"/articles/{HUGE_ID}/retry/").status_code == 404
    assert reviewer_client.get(f"/articles/{HUGE_ID}/").status_code == 404
    assert reviewer_client.post(f"/claims/{HUGE_ID}/confirm/", {"version": 1}).status_code == 404


@pytest.mark.parametrize("uploaded", ["²", HUGE_ID, "-1", "1e3", "٣", ""])
def test_junk_in_the_upload_progress_list_is_dropped(editor_client, uploaded):
    article = ArticleFactory()

    page = editor_client.get(reverse("claims:article_upload"), {"uploaded": [uploaded, article.pk]})
    retry = editor_client.post(reverse("claims:article_retry", args=[article.pk]), {"uploaded": [uploaded]})

    assert page.status_code == 200
    assert article.title in page.content.decode()
    assert retry.status_code == 302


def test_an_api_body_over_the_upload_limit_is_a_413_with_a_json_error(editor_api):
    body = b'{"title": "Gros", "source": "AFP", "body": "' + b"Plus de 30 pays. " * (12 * 1024 * 1024 // 17) + b'"}'

    response = editor_api.post("/api/v1/articles/", body, content_type="application/json")

    assert response.status_code == 413
    assert "the limit is 11.0\xa0MB" in response.json()["detail"]
    assert not Article.objects.exists()


def test_an_article_over_the_length_limit_is_a_400_naming_the_body(editor_api, settings):
    settings.ARTICLE_MAX_CHARS = 100

    response = editor_api.post(
        "/api/v1/articles/", {"title": "Long", "source": "AFP", "body": "Plus de 30 pays. " * 10}, format="json"
    )

    assert response.status_code == 400
    assert "The text is 169 characters long; the limit is 100." in str(response.json())
    assert not Article.objects.exists()


@pytest.mark.parametrize("body", ["\u200b\u200d\u2060" * 10, "\x01\x02\x1b\x7f", "\ufeff\u00ad \u200e"])
def test_an_article_of_only_invisible_characters_is_a_400(editor_api, body):
    response = editor_api.post("/api/v1/articles/", {"title": "Vide", "source": "AFP", "body": body}, format="json")

    assert response.status_code == 400
    assert "nothing to read" in str(response.json())
    assert not Article.objects.exists()


def test_a_text_longer_than_spacy_reads_is_refused_at_the_door_not_failed_later(editor_api):
    body = "Plus de 30 pays. " * (1_000_001 // 17 + 1)

    response = editor_api.post("/api/v1/articles/", {"title": "Énorme", "source": "AFP", "body": body}, format="json")

    assert response.status_code == 400
    assert "the limit is 500,000" in str(response.json())
    assert not Article.objects.exists()
