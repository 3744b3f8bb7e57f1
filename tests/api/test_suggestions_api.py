"""The suggestions in the API: one claim's, ranked, and every pending one, filtered and paged by cursor."""

import pytest

from claims.models import Suggestion
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db


def countries(body: str, text: str, value: float, qualifier: str, outlet: str, language: str = "fr"):
    article = ArticleFactory(body=body, source=SourceFactory(name=outlet), language=language)
    reading = {"value": value, "value_max": None, "qualifier": qualifier, "unit": "pays"}
    return ClaimFactory(article=article, start=body.index(text), text=text, sentence=body, normalized=reading)


@pytest.fixture
def claims():
    summit = countries(
        "Plus de 30 pays rejoindront la coalition, dit Paris.", "Plus de 30 pays", 30, "more_than", "Le Quotidien"
    )
    twin = countries(
        "Plus de 30 pays rejoindront la coalition, dit Londres.", "Plus de 30 pays", 30, "more_than", "Wire"
    )
    rival = countries("27 pays rejoindront la coalition.", "27 pays", 27, "exact", "Gazette")
    return summit, twin, rival  # fmt: skip


def test_a_claims_suggestions_name_the_other_claim_with_score_relation_and_reasons(api, claims):
    summit, twin, rival = claims

    response = api.get(f"/api/v1/claims/{summit.pk}/suggestions/")

    assert response.status_code == 200
    body = response.json()
    assert {item["claim"]["id"] for item in body} == {twin.pk, rival.pk}
    assert [item["score"] for item in body] == sorted((item["score"] for item in body), reverse=True)
    contradiction = next(item for item in body if item["claim"]["id"] == rival.pk)
    assert contradiction["relation"] == "contradicts" and contradiction["reasons"]
    assert contradiction["claim"] | {"reading": None} == {
        "id": rival.pk, "text": "27 pays", "kind": "quantity", "article": rival.article_id, "outlet": "Gazette",
        "language": "fr", "published_on": None, "reading": None, "status": "candidate",
    }  # fmt: skip
    assert contradiction["claim"]["reading"]["value"] == 27


def test_the_pending_list_filters_and_pages_by_cursor(api, claims):
    rival = claims[2]

    first = api.get("/api/v1/suggestions/", {"page_size": 1}).json()
    contradictions = api.get("/api/v1/suggestions/", {"relation": "contradicts"}).json()
    of_rival = api.get("/api/v1/suggestions/", {"claim": rival.pk}).json()

    assert len(first["results"]) == 1 and "cursor=" in first["next"]
    assert {s["relation"] for s in contradictions["results"]} == {"contradicts"}
    assert all(rival.pk in (s["claim"]["id"], s["candidate"]["id"]) for s in of_rival["results"])
    assert (
        len(of_rival["results"])
        == Suggestion.objects.filter(claim=rival).count() + Suggestion.objects.filter(candidate=rival).count()
    )


def test_a_dismissed_suggestion_leaves_both_endpoints(api, reviewer, claims):
    from claims.services import suggestion_dismiss

    summit, twin, _ = claims
    suggestion = Suggestion.objects.get(claim__in=[summit, twin], candidate__in=[summit, twin])
    suggestion_dismiss(suggestion=suggestion, user=reviewer)

    per_claim = api.get(f"/api/v1/claims/{summit.pk}/suggestions/").json()
    pending = api.get("/api/v1/suggestions/").json()["results"]

    assert twin.pk not in {item["claim"]["id"] for item in per_claim}
    assert suggestion.pk not in {item["id"] for item in pending}


def test_a_bad_filter_answers_400_and_an_unknown_claim_404(api):
    assert api.get("/api/v1/suggestions/", {"relation": "nonsense"}).status_code == 400
    assert api.get("/api/v1/claims/999999/suggestions/").status_code == 404


def test_both_endpoints_are_in_the_schema_with_examples(api):
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/json").json()

    per_claim = schema["paths"]["/api/v1/claims/{id}/suggestions/"]["get"]
    listed = schema["paths"]["/api/v1/suggestions/"]["get"]
    assert "examples" in per_claim["responses"]["200"]["content"]["application/json"]
    assert "examples" in listed["responses"]["200"]["content"]["application/json"]


def test_the_list_runs_a_constant_number_of_queries(api, claims, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        api.get("/api/v1/suggestions/")
