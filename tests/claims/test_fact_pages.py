"""Facts a reader understands: a statement in words, a list with outlets, first report, contradictions and
verdict, a page with a timeline and its ClaimReview, and a verdict over unchecked claims asked twice."""

import json
import re
from datetime import date

import pytest
from django.urls import reverse

from claims import services
from claims.models import Claim, Fact, Rating
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db


def report(outlet: str, published: str, sentence: str, figure: str = "Plus de 30 pays") -> Claim:
    article = ArticleFactory(
        source=SourceFactory(name=outlet), published_on=date.fromisoformat(published), body=sentence
    )
    return ClaimFactory(article=article, start=sentence.index(figure), text=figure, sentence=sentence)


@pytest.fixture
def fact(reviewer):
    first = report("Le Soir", "2025-03-10", "Plus de 30 pays rejoindront la coalition, selon Londres.")
    later = report("Le Matin", "2025-03-12", "La coalition comptera plus de 30 pays.", figure="plus de 30 pays")
    services.claim_link(from_claim=later, to_claim=first, relation="same_as", user=reviewer)
    rival = report("La Dépêche", "2025-03-13", "Seuls 27 pays rejoindront la coalition.", figure="27 pays")
    services.claim_link(from_claim=rival, to_claim=first, relation="contradicts", user=reviewer)
    return Fact.objects.get()


def test_a_new_fact_is_proposed_a_statement_from_its_earliest_report(fact):
    assert fact.statement == "Plus de 30 pays rejoindront la coalition, selon Londres."


def test_an_edited_statement_is_the_facts_title(reviewer_client, fact):
    reviewer_client.post(reverse("claims:fact_statement", args=[fact.pk]), {"statement": "30 pays et plus"})

    html = reviewer_client.get(fact.get_absolute_url()).content.decode()
    assert re.search(r"<h1>\s*30 pays et plus\s*</h1>", html)


def test_a_blank_statement_is_refused_with_a_message(reviewer_client, fact):
    response = reviewer_client.post(reverse("claims:fact_statement", args=[fact.pk]), {"statement": "   "})

    assert response.status_code == 400
    fact.refresh_from_db()
    assert fact.statement.startswith("Plus de 30 pays")


def test_the_list_shows_statement_outlets_first_report_contradictions_and_verdict(reviewer_client, fact):
    html = reviewer_client.get(reverse("claims:fact_list")).content.decode()

    assert "Plus de 30 pays rejoindront la coalition" in html
    assert "Le Soir, Le Matin" in html
    assert "2025-03-10" in html
    assert '<span class="badge rel-contradicts">1</span>' in html


def test_the_list_filters_on_contradictions_and_verdict(reviewer_client, fact):
    assert "rejoindront" in reviewer_client.get(reverse("claims:fact_list"), {"contradicted": "true"}).content.decode()
    assert (
        "rejoindront" not in reviewer_client.get(reverse("claims:fact_list"), {"has_verdict": "true"}).content.decode()
    )


def test_a_verdict_over_candidate_claims_is_asked_for_twice(reviewer_client, fact):
    rating = Rating.objects.create(value=0, name="Trompeur")
    url = reverse("claims:fact_verdict", args=[fact.pk])

    asked = reviewer_client.post(url, {"rating": rating.pk}).content.decode()
    fact.refresh_from_db()
    assert fact.verdict is None
    assert "2 claims of this fact are still candidates" in asked and "Save verdict anyway" in asked

    reviewer_client.post(url, {"rating": rating.pk, "despite_candidates": "True"})
    fact.refresh_from_db()
    assert fact.verdict == rating


def test_the_fact_page_draws_a_timeline_and_embeds_its_claimreview(reviewer_client, reviewer, fact):
    services.claim_confirm(claim=fact.claims.first(), user=reviewer)

    html = reviewer_client.get(fact.get_absolute_url()).content.decode()

    assert html.count('class="tl-dot') == 2 and "<svg" in html
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    review = json.loads(found.group(1))
    assert review["url"].endswith(fact.get_absolute_url())
    assert [work["publisher"]["name"] for work in review["itemReviewed"]["appearance"]] == ["Le Soir", "Le Matin"]


def test_claimreview_names_each_article_once(reviewer, fact):
    from claims.exports.claimreview import fact_claimreview

    first = fact.claims.order_by("article__published_on").first()
    again = ClaimFactory(article=first.article, start=first.article.body.index("coalition"), text="coalition")
    services.claim_link(from_claim=again, to_claim=ClaimFactory(), relation="same_as", user=reviewer)
    services.facts_regroup(claim_ids=[again.pk])
    Claim.objects.filter(pk=again.pk).update(fact=fact)
    services.claim_confirm(claim=first, user=reviewer)

    review = fact_claimreview(fact, url="https://example.org/facts/1/", newsroom="Desk", best=None, worst=None)

    assert len(review["itemReviewed"]["appearance"]) == 2


def test_a_long_sentence_proposes_only_the_clause_holding_the_claim(reviewer):
    sentence = (
        "Plus de 30 pays devraient rejoindre la coalition que tentent de constituer Paris et Londres, "
        "et un nombre significatif d'entre eux seront disposés à fournir des troupes, a assuré Londres lundi."
    )
    first = report("Le Soir", "2025-03-10", sentence)
    services.claim_link(from_claim=report("Le Matin", "2025-03-12", "Plus de 30 pays, dit-on."), to_claim=first,
                        relation="same_as", user=reviewer)  # fmt: skip

    assert Fact.objects.get().statement == (
        "Plus de 30 pays devraient rejoindre la coalition que tentent de constituer Paris et Londres"
    )
