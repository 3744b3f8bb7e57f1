"""Requests an attacker or a careless tool sends: each answers a 4xx with a message, never a server error,
and stores nothing.

Each case is one test id marked `hostile`, like the hostile files and imports of tests/claims; after each one
tests/conftest.py checks that the app still answers /healthz. Count the corpus with
    pytest --collect-only -q -m hostile tests/api tests/claims | grep -c ::
"""

import pytest
from django.urls import reverse

from articles.models import Article
from claims.models import Claim
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = [pytest.mark.django_db, pytest.mark.hostile]
HUGE_ID = "9223372036854775808"  # one past the largest id PostgreSQL and SQLite store


@pytest.fixture
def claim():
    return ClaimFactory(article=ArticleFactory(body="Plus de 30 pays ont signé le 9 novembre."), text="Plus de 30 pays")


@pytest.mark.parametrize("write", ["push an article", "change a claim"])
def test_deeply_nested_json_is_a_400_on_every_write(editor_api, reviewer_api, claim, write):
    deep = "[" * 1100 + "]" * 1100

    if write == "push an article":
        response = editor_api.post("/api/v1/articles/", deep, content_type="application/json")
    else:
        response = reviewer_api.patch(f"/api/v1/claims/{claim.pk}/", deep, content_type="application/json")

    assert response.status_code == 400
    assert "nested deeper than 32 levels" in response.json()["detail"]
    assert not Article.objects.exclude(pk=claim.article_id).exists()
    claim.refresh_from_db()
    assert claim.version == 1


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


@pytest.mark.parametrize("form", ["edit", "add"])
@pytest.mark.parametrize("value", ["NaN", "inf", "-Infinity", "1e400", "1e16"])
def test_the_edit_and_add_forms_refuse_numbers_no_database_stores(reviewer_client, claim, form, value):
    if form == "edit":
        response = reviewer_client.post(
            reverse("claims:claim_edit", args=[claim.pk]),
            {"version": 1, "start": 0, "end": 15, "value": value, "qualifier": "exact", "unit": "pays"},
        )
    else:
        start = claim.article.body.index("9 novembre")
        response = reviewer_client.post(
            reverse("claims:claim_create", args=[claim.article_id]),
            {"kind": "quantity", "start": start, "end": start + 1, "value": value, "qualifier": "exact"},
        )

    assert response.status_code in (200, 400)
    assert "Give a number between" in response.content.decode()
    assert Claim.objects.count() == 1
    claim.refresh_from_db()
    assert claim.version == 1


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00", "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00"])
@pytest.mark.parametrize(
    ("feed", "parameter"),
    [
        ("claims/", "updated_since"),
        ("links/", "updated_since"),
        ("claims/deleted/", "since"),
        ("links/deleted/", "since"),
    ],
)
def test_a_time_outside_what_the_database_stores_is_a_400(api, feed, parameter, moment):
    response = api.get(f"/api/v1/{feed}", {parameter: moment})

    assert response.status_code == 400
    assert "Give a time between the years 1 and 9999." in str(response.json())


@pytest.mark.parametrize(
    ("caller", "method", "url"),
    [
        ("api", "get", f"/api/v1/claims/{HUGE_ID}/"),
        ("api", "get", f"/api/v1/articles/{HUGE_ID}/"),
        ("editor_client", "post", f"/articles/{HUGE_ID}/retry/"),
        ("reviewer_client", "get", f"/articles/{HUGE_ID}/"),
        ("reviewer_client", "post", f"/claims/{HUGE_ID}/confirm/"),
    ],
)
def test_an_id_too_large_for_the_database_is_a_404(request, caller, method, url):
    client = request.getfixturevalue(caller)

    response = getattr(client, method)(url, {"version": 1} if method == "post" else {})

    assert response.status_code == 404


@pytest.mark.parametrize("uploaded", ["²", HUGE_ID, "-1", "1e3", "٣", ""])
def test_junk_in_the_upload_progress_list_is_dropped_from_the_page(editor_client, uploaded):
    article = ArticleFactory()

    page = editor_client.get(reverse("claims:article_upload"), {"uploaded": [uploaded, article.pk]})

    assert page.status_code == 200
    assert article.title in page.content.decode()


@pytest.mark.parametrize("uploaded", ["²", HUGE_ID, "-1", "1e3", "٣", ""])
def test_junk_in_the_upload_progress_list_is_dropped_from_a_retry(editor_client, uploaded):
    article = ArticleFactory()

    retry = editor_client.post(reverse("claims:article_retry", args=[article.pk]), {"uploaded": [uploaded]})

    assert retry.status_code == 302
    assert retry.url == f"{reverse('claims:article_upload')}?uploaded={article.pk}"


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


NUL = "Plus de 30\x00 pays"


@pytest.mark.parametrize("field", ["title", "body", "source"])
def test_a_null_byte_in_a_pushed_article_is_a_400_naming_the_field(editor_api, field):
    article = {"title": "Sommet", "body": "Plus de 30 pays.", "source": "AFP", "language": "fr", field: NUL}

    response = editor_api.post("/api/v1/articles/", article, format="json")

    assert response.status_code == 400
    assert "Null characters are not allowed." in str(response.json()[field])
    assert not Article.objects.exists()


def test_a_lone_surrogate_in_a_pushed_article_is_a_400(editor_api):
    body = '{"title": "Sommet \\ud800", "body": "Plus de 30 pays.", "source": "AFP", "language": "fr"}'

    response = editor_api.post("/api/v1/articles/", body, content_type="application/json")

    assert response.status_code == 400, response.content
    assert not Article.objects.exists()


def test_a_body_that_is_not_utf8_is_a_400(editor_api):
    body = b'{"title": "Sommet \xff", "body": "Plus de 30 pays.", "source": "AFP"}'

    response = editor_api.post("/api/v1/articles/", body, content_type="application/json")

    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]


def test_a_content_length_that_is_not_a_number_is_a_400(editor_api):
    response = editor_api.post("/api/v1/articles/", b"{}", content_type="application/json", CONTENT_LENGTH="ten")

    assert response.status_code == 400
    assert response.json() == {"detail": "The Content-Length header is not a number."}


def test_a_list_of_more_articles_than_one_push_takes_is_a_400(editor_api):
    articles = [{"title": f"N°{n}", "body": f"Plus de {n} pays.", "source": "AFP"} for n in range(101)]

    response = editor_api.post("/api/v1/articles/", articles, format="json")

    assert response.status_code == 400
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("url", "javascript:alert(1)"), ("language", "xx"), ("published_on", "10000-01-01"), ("body", {"text": "a"})],
)
def test_a_pushed_article_field_of_the_wrong_shape_is_a_400_naming_it(editor_api, field, value):
    article = {"title": "Sommet", "body": "Plus de 30 pays.", "source": "AFP", field: value}

    response = editor_api.post("/api/v1/articles/", article, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("version", "status"), [("1e400", 400), ('"NaN"', 400), ("-1", 400), ("[1]", 400), ("99999999999999999999", 409)]
)
def test_a_claim_change_with_an_unreadable_version_is_refused(reviewer_api, claim, version, status):
    body = f'{{"status": "confirmed", "version": {version}}}'

    response = reviewer_api.patch(f"/api/v1/claims/{claim.pk}/", body, content_type="application/json")

    assert response.status_code == status, response.content
    assert "version" in response.json()
    claim.refresh_from_db()
    assert claim.status == Claim.Status.CANDIDATE


@pytest.mark.parametrize("etag", ['"abc"', '"99999999999999999999"', "*", '"1", "2"'])
def test_a_claim_change_with_an_unreadable_if_match_is_a_4xx(reviewer_api, claim, etag):
    response = reviewer_api.patch(f"/api/v1/claims/{claim.pk}/", {"status": "confirmed"}, HTTP_IF_MATCH=etag)

    assert response.status_code in (400, 409), response.content
    claim.refresh_from_db()
    assert claim.status == Claim.Status.CANDIDATE


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"search": "\x00"}, "Null characters are not allowed."),
        ({"unit": "\x00"}, "Null characters are not allowed."),
        ({"entity": "pa\x00ys"}, "Null characters are not allowed."),
        ({"status": "bogus"}, "bogus is not one of the available choices."),
        ({"kind": ["quantity", "nope"]}, "nope is not one of the available choices."),
        ({"published_after": "2025-02-30"}, "Enter a valid date."),
        ({"source": "abc"}, "That choice is not one of the available choices."),
        ({"search": "pays " * 20_000}, "Search for at most 20 words and 1,000 characters."),
        ({"entity": "e" * 5000}, "Ensure this value has at most 1000 characters (it has 5000)."),
    ],
)
def test_a_hostile_claim_filter_is_a_400_saying_what_is_wrong(api, claim, query, message):
    response = api.get("/api/v1/claims/", query)

    assert response.status_code == 400, response.content
    assert message in str(response.json())


@pytest.mark.parametrize(
    "cursor", ["garbage", "cD0xMjM=", "cD1hYmM=", "cD05OTk5OTk5OTk5OTk5OTk5OTk5OTk5", "bz0tNSZwPTE=", "%00"]
)
def test_a_forged_cursor_is_a_404_saying_so(api, claim, cursor):
    response = api.get("/api/v1/claims/", {"cursor": cursor})

    assert response.status_code in (200, 404), response.content
    if response.status_code == 404:
        assert response.json() == {"detail": "Invalid cursor"}


@pytest.mark.parametrize("size", ["-1", "0", "99999999999999999999999", "1e3", "NaN"])
def test_an_odd_page_size_falls_back_to_a_bounded_page(api, claim, size):
    response = api.get("/api/v1/claims/", {"page_size": size, "limit": "1000000000"})

    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [claim.pk]


@pytest.mark.parametrize(
    ("path", "query", "message"),
    [
        ("/review/", {"page": "-1"}, ""),
        ("/review/", {"page": "99999999999999999999"}, ""),
        ("/review/", {"status": "bogus", "kind": "nope"}, "Select a valid choice. bogus is not one of"),
        ("/review/", {"q": "pa\x00ys"}, "Null characters are not allowed."),
        ("/review/", {"q": "pays " * 20_000}, "Ensure this value has at most 1000 characters (it has 99999)."),
        ("/articles/", {"page": "²", "status": "nope"}, ""),
        ("/facts/", {"page": "0", "verdict": "abc", "q": "\x00"}, ""),
    ],
)
def test_a_hostile_page_query_answers_the_page_with_what_was_refused(reviewer_client, claim, path, query, message):
    response = reviewer_client.get(path, query)

    assert response.status_code == 200
    assert message in response.content.decode()


def test_too_many_query_parameters_are_a_400(api):
    response = api.get("/api/v1/claims/?" + "&".join(f"f{n}=1" for n in range(2000)))

    assert response.status_code == 400
    assert "This request could not be read." in response.content.decode()


def test_a_null_byte_in_the_edit_form_is_refused_next_to_the_field(reviewer_client, claim):
    response = reviewer_client.post(
        reverse("claims:claim_edit", args=[claim.pk]),
        {"version": 1, "start": 0, "end": 15, "value": "30", "qualifier": "exact", "unit": NUL},
    )

    assert response.status_code in (200, 400)
    assert "Null characters are not allowed." in response.content.decode()
    claim.refresh_from_db()
    assert claim.version == 1


def test_a_null_byte_in_a_pasted_title_is_refused_next_to_it(editor_client):
    response = editor_client.post(
        reverse("claims:article_upload"), {"new_source": "AFP", "title": "Som\x00met", "body": "Plus de 30 pays."}
    )

    assert response.status_code == 200
    assert "Null characters are not allowed." in response.context["form"].errors["title"]
    assert not Article.objects.exists()


@pytest.mark.parametrize("export", ["/api/v1/claims/?format=csv", "/api/v1/export/claims.csv"])
def test_a_formula_in_an_article_title_is_text_in_every_csv(api, export):
    ClaimFactory(article=ArticleFactory(title='=HYPERLINK("http://x")', body="Plus de 30 pays."), text="30 pays")

    response = api.get(export)

    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert '"\'=HYPERLINK(""http://x"")"' in content.decode()


@pytest.mark.parametrize("value", ["-1.0572898552193098e+124", HUGE_ID, "0", "1.5"])
@pytest.mark.parametrize(
    ("feed", "parameter"),
    [("suggestions/", "article"), ("suggestions/", "claim"), ("claims/", "article"), ("claims/", "fact")],
)
def test_an_id_filter_that_no_row_can_have_is_a_400(api, feed, parameter, value):
    response = api.get(f"/api/v1/{feed}", {parameter: value})

    assert response.status_code == 400
    assert parameter in response.json()
