import csv
import io
import json

import orjson
import pytest

from claims.models import ClaimLink, Rating
from claims.services import claim_confirm, claim_link, fact_set_verdict
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_claims_as_csv_by_format_parameter_or_accept_header(api):
    claim = ClaimFactory(normalized={"value": -3.5, "qualifier": "exact", "unit": "%"})

    by_parameter = csv_rows(api.get("/api/v1/claims/", {"format": "csv"}))
    by_header = csv_rows(api.get("/api/v1/claims/", HTTP_ACCEPT="text/csv"))

    assert by_parameter == by_header
    assert by_parameter[0]["id"] == str(claim.pk)
    assert by_parameter[0]["normalized.unit"] == "%"
    assert by_parameter[0]["normalized.value"] == "-3.5"  # a number is not a formula


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"])
def test_csv_never_lets_a_spreadsheet_evaluate_a_cell(api, dangerous):
    ArticleFactory(title=dangerous)

    row = csv_rows(api.get("/api/v1/articles/", {"format": "csv"}))[0]

    assert row["title"] == "'" + dangerous


def test_csv_pages_point_to_the_next_page(api):
    ClaimFactory(), ClaimFactory()

    response = api.get("/api/v1/claims/", {"format": "csv", "page_size": 1})

    assert len(csv_rows(response)) == 1
    assert 'rel="next"' in response["Link"]


def test_the_jsonl_dump_streams_every_matching_claim(api, reviewer, django_assert_max_num_queries):
    confirmed = [ClaimFactory() for _ in range(3)]
    for claim in confirmed:
        claim_confirm(claim=claim, user=reviewer)
    ClaimFactory()

    with django_assert_max_num_queries(4):
        response = api.get("/api/v1/export/claims.jsonl", {"status": "confirmed"})
        lines = b"".join(response.streaming_content).decode().splitlines()

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/x-ndjson"
    assert [json.loads(line)["id"] for line in lines] == [claim.pk for claim in confirmed]


def test_a_bad_filter_on_the_dump_is_a_400_line(api):
    response = api.get("/api/v1/export/claims.jsonl", {"status": "nonsense"})

    assert response.status_code == 400
    assert "status" in json.loads(response.content)


@pytest.fixture
def reviewed_fact(reviewer):
    first = ClaimFactory(
        kind="quote",
        normalized={"speaker": "Jens Stoltenberg", "quote": "Nous sommes unis"},
        article=ArticleFactory(
            source=SourceFactory(name="Le Soir"), published_on="2026-03-10", url="https://a.example"
        ),
    )
    later = ClaimFactory(
        kind="quote",
        normalized={"speaker": "Jens Stoltenberg", "quote": "Nous sommes unis"},
        article=ArticleFactory(
            source=SourceFactory(name="Le Matin"), published_on="2026-03-12", url="https://b.example"
        ),
    )
    claim_confirm(claim=later, user=reviewer)
    claim_link(from_claim=later, to_claim=first, relation=ClaimLink.Relation.SAME_AS, user=reviewer)
    later.refresh_from_db()
    return later.fact


def test_a_fact_with_a_verdict_is_a_claimreview_on_the_newsrooms_scale(api, reviewer, reviewed_fact):
    Rating.objects.all().delete()
    scale = [
        Rating.objects.create(value=value, name=name) for value, name in [(0, "Faux"), (2, "Vrai"), (1, "Trompeur")]
    ]
    fact_set_verdict(fact=reviewed_fact, rating=scale[2], note="Hors contexte.", user=reviewer)

    review = api.get(f"/api/v1/claim-reviews/{reviewed_fact.pk}/").json()

    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "Nous sommes unis"
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 2,
        "worstRating": 0,
        "alternateName": "Trompeur",
    }
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    # The review's address is the fact's page, which a reader can open (issue 15), not the API.
    assert review["url"].endswith(f"/facts/{reviewed_fact.pk}/")
    assert item["@id"].endswith(f"/facts/{reviewed_fact.pk}/#claim")
    assert item["author"] == {"@type": "Person", "name": "Jens Stoltenberg"}
    assert [work["publisher"]["name"] for work in item["appearance"]] == ["Le Soir", "Le Matin"]
    assert item["firstAppearance"]["url"] == "https://a.example"
    assert item["firstAppearance"]["datePublished"] == "2026-03-10"


def test_a_fact_without_a_verdict_has_no_rating_and_unconfirmed_facts_are_not_reviews(api, reviewer, reviewed_fact):
    loose = ClaimFactory()
    claim_link(from_claim=loose, to_claim=ClaimFactory(), relation=ClaimLink.Relation.SAME_AS, user=reviewer)

    reviews = api.get("/api/v1/claim-reviews/").json()["results"]

    assert [review["@id"].rstrip("/").rsplit("/", 1)[1] for review in reviews] == [str(reviewed_fact.pk)]
    assert "reviewRating" not in reviews[0]


def test_claimreview_is_served_as_json_ld_on_request(api, reviewed_fact):
    response = api.get(f"/api/v1/claim-reviews/{reviewed_fact.pk}/", HTTP_ACCEPT="application/ld+json")

    assert response["Content-Type"].startswith("application/ld+json")
    assert json.loads(response.content)["@context"] == "https://schema.org"


def test_facts_list_their_claims_and_contradictions(api, reviewer, reviewed_fact):
    member = reviewed_fact.claims.first()
    contradiction = claim_link(from_claim=ClaimFactory(), to_claim=member, relation="contradicts", user=reviewer)

    fact = api.get(f"/api/v1/facts/{reviewed_fact.pk}/").json()

    assert len(fact["claims"]) == 2
    assert fact["contradictions"] == [
        {"link": contradiction.pk, "from_claim": contradiction.from_claim_id, "to_claim": member.pk, "note": ""}
    ]


def test_the_csv_dump_streams_fixed_columns_and_escapes_formulas(api, django_assert_max_num_queries):
    ClaimFactory(text="=HYPERLINK(1)", normalized={"value": 30.0, "qualifier": "more_than", "unit": "pays"})
    ClaimFactory(kind="date", normalized={"date": "2025-03-17", "precision": "day"})

    with django_assert_max_num_queries(4):
        response = api.get("/api/v1/export/claims.csv")
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    header, *lines = rows
    assert response["Content-Type"].startswith("text/csv")
    assert "normalized.unit" in header and "normalized.date" in header
    by_kind = {line[header.index("kind")]: line for line in lines}
    assert by_kind["quantity"][header.index("text")] == "'=HYPERLINK(1)"
    assert by_kind["quantity"][header.index("normalized.unit")] == "pays"
    assert by_kind["date"][header.index("normalized.date")] == "2025-03-17"


def test_every_csv_page_has_the_same_header_whatever_kinds_it_holds(api):
    article = ArticleFactory(body="Plus de 30 pays, le 9 novembre, « Nous tiendrons », a dit Jean Martin.")
    ClaimFactory(article=article)
    ClaimFactory(article=article, kind="date", start=17, normalized={"date": "2025-11-09", "precision": "day"})
    ClaimFactory(article=article, kind="quote", start=31, normalized={"speaker": "Jean Martin", "quote": "Nous"})

    headers, url = [], "/api/v1/claims/?format=csv&page_size=1"
    while url:
        response = api.get(url)
        headers.append(response.content.decode().splitlines()[0])
        url = response.get("Link", "").removeprefix("<").split(">;")[0] or None

    assert len(headers) == 3
    assert len(set(headers)) == 1
    dump_header = b"".join(api.get("/api/v1/export/claims.csv").streaming_content).decode().splitlines()[0]
    assert headers[0] == dump_header


def test_times_are_written_the_same_way_in_the_json_the_dump_and_both_csvs(api):
    ClaimFactory()

    from_json = api.get("/api/v1/claims/").json()["results"][0]
    from_jsonl = orjson.loads(b"".join(api.get("/api/v1/export/claims.jsonl").streaming_content).splitlines()[0])
    from_page_csv = csv_rows(api.get("/api/v1/claims/", {"format": "csv"}))[0]
    dump = b"".join(api.get("/api/v1/export/claims.csv").streaming_content).decode()
    from_dump_csv = next(csv.DictReader(io.StringIO(dump)))

    for name in ["created_at", "updated_at"]:
        assert from_json[name] == from_jsonl[name] == from_page_csv[name] == from_dump_csv[name]
    assert set(from_json) == set(from_jsonl)
