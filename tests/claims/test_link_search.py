"""The Link panel's search: figures written any way find the same value, words match the sentence, same kind first."""

import pytest
from django.urls import reverse

from claims.selectors.search import claims_search_for_link, search_query_parse
from tests.factories import ArticleFactory, ClaimFactory


@pytest.mark.parametrize("query", ["12000", "12 000", "12,000", "12.000", "12k", "12 mille", "douze mille"])
def test_every_way_of_writing_twelve_thousand_reads_as_twelve_thousand(query):
    assert search_query_parse(query).figures == [12000.0]


def test_decimals_and_scale_words_read_as_one_figure():
    assert search_query_parse("2,4 millions").figures == [2_400_000.0]
    assert search_query_parse("2.4 million").figures == [2_400_000.0]


def test_words_are_kept_apart_from_figures():
    parsed = search_query_parse("12 000 manifestants à Paris")

    assert parsed.figures == [12000.0]
    assert parsed.words == ["manifestants", "paris"]


def march(body: str, text: str, value: float, unit: str = "personne", **kwargs):
    start = body.index(text)
    return ClaimFactory(
        article=ArticleFactory(body=body),
        start=start,
        text=text,
        sentence=body,
        normalized={"value": value, "value_max": None, "qualifier": "exact", "unit": unit},
        **kwargs,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["12000", "12 000", "12,000", "12k", "douze mille"])
def test_a_figure_finds_the_claim_whatever_its_form(query):
    claim = march("Selon la police, 40 000 personnes ont défilé à Lyon.", "40 000 personnes", 40000)
    police = march("The police counted 12,000 people in Lyon.", "12,000 people", 12000, unit="person")
    march("Les organisateurs revendiquent 15 000 personnes à Lille.", "15 000 personnes", 15000)

    found = claims_search_for_link(claim=claim, query=query)

    assert [other.pk for other in found] == [police.pk]


@pytest.mark.django_db
def test_words_match_the_sentence_accents_folded_and_the_same_kind_comes_first():
    claim = march("Selon la police, 40 000 personnes ont défilé à Lyon.", "40 000 personnes", 40000)
    date = ClaimFactory(
        article=ArticleFactory(body="La manifestation de Lyon a eu lieu le 7 mars."),
        kind="date",
        start=38,
        text="le 7 mars",
        normalized={"date": "2026-03-07", "precision": "day"},
    )
    count = march("À Lyon, 12 000 manifestants selon la préfecture.", "12 000 manifestants", 12000)

    found = claims_search_for_link(claim=claim, query="lyon")

    assert [other.pk for other in found] == [count.pk, date.pk]
    assert claims_search_for_link(claim=claim, query="prefecture") == [count]


@pytest.mark.django_db
def test_the_panel_pages_beyond_fifteen_results_and_shows_the_matched_claim(reviewer_client):
    claim = march("Selon la police, 40 000 personnes ont défilé à Lyon.", "40 000 personnes", 40000)
    for number in range(20):
        march(f"Cortège numéro {number} à Lyon, 12 000 personnes.", "12 000 personnes", 12000)
    url = reverse("claims:claim_related", args=[claim.pk])

    first = reviewer_client.get(url, {"q": "12 000"}).content.decode()
    second = reviewer_client.get(url, {"q": "12 000", "page": 2}).content.decode()

    assert first.count('<li class="suggestion') == 15 and second.count('<li class="suggestion') == 5
    assert "20 matches" in first
    assert "<mark>12 000 personnes</mark>" in first
