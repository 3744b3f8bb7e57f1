"""Wire copies: articles carrying the same agency copy are found when stored, and their claims linked at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from claims import services
from claims.models import ClaimLink, WireCopy
from tests.claims.wire_texts import OUTLET_A, OUTLET_B, UNRELATED
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def pending(body: str, title: str) -> Article:
    return ArticleFactory(body=body, title=title, extraction_status=Article.ExtractionStatus.PENDING)


def test_extracting_an_article_finds_the_other_copies_of_its_dispatch(django_capture_on_commit_callbacks):
    first, second, other = pending(OUTLET_A, "Genève"), pending(OUTLET_B, "Plastique"), pending(UNRELATED, "Piscine")

    # The fingerprints are queued once the claims are stored (eager here; the light queue in production).
    with django_capture_on_commit_callbacks(execute=True):
        services.articles_extract_claims_batch(article_ids=[first.pk, second.pk, other.pk])

    copy = WireCopy.objects.get()
    assert (copy.article_id, copy.other_id) == (first.pk, second.pk)
    assert copy.similarity > 0.7


def test_finding_copies_twice_records_the_pair_once():
    first, second = ArticleFactory(body=OUTLET_A), ArticleFactory(body=OUTLET_B)
    services.article_find_wire_copies(article=first)
    services.article_find_wire_copies(article=second)

    services.article_find_wire_copies(article=second)

    assert WireCopy.objects.count() == 1


def matching_pair():
    first, second = ArticleFactory(body=OUTLET_A, title="Genève"), ArticleFactory(body=OUTLET_B, title="Plastique")
    for article in (first, second):
        services.article_find_wire_copies(article=article)
    claims = []
    for article in (first, second):
        for text in ["Plus de 30 pays", "des milliers de militants"]:
            claims.append(ClaimFactory(article=article, start=article.body.index(text), text=text))
    return first, second, claims


def test_the_reader_offers_to_link_the_matching_claims_of_a_wire_copy(reviewer_client):
    first, _, _ = matching_pair()

    html = reviewer_client.get(first.get_absolute_url()).content.decode()

    assert "Same wire copy as" in html and "Plastique" in html
    assert "Link 2 matching claims as same" in html


def test_one_action_links_every_matching_claim_as_the_same_claim(reviewer_client):
    first, second, claims = matching_pair()

    response = reviewer_client.post(reverse("claims:wire_copy_link", args=[first.pk, second.pk]), follow=True)

    html = response.content.decode()
    assert "2 claim(s) linked as the same claim" in html
    assert ClaimLink.objects.filter(relation="same_as", note="Same wire copy").count() == 2
    for claim in claims:
        claim.refresh_from_db()
    assert claims[0].fact_id == claims[2].fact_id and claims[1].fact_id == claims[3].fact_id
    assert "No matching claim left to link." in html


def test_articles_that_are_not_copies_cannot_be_linked_that_way(reviewer_client):
    first, other = ArticleFactory(body=OUTLET_A), ArticleFactory(body=UNRELATED)

    response = reviewer_client.post(reverse("claims:wire_copy_link", args=[first.pk, other.pk]), follow=True)

    assert "not copies of the same wire story" in response.content.decode()
    assert not ClaimLink.objects.exists()


def test_a_viewer_cannot_link_wire_copies(viewer_client):
    first, second, _ = matching_pair()

    assert viewer_client.post(reverse("claims:wire_copy_link", args=[first.pk, second.pk])).status_code == 403


def reader_queries(client, claims: int) -> int:
    padding = "x" * 400 + f" {claims}\n"
    first, second = ArticleFactory(body=padding + OUTLET_A), ArticleFactory(body=padding + OUTLET_B)
    for article in (first, second):
        services.article_find_wire_copies(article=article)
        for position in range(0, claims * 10, 10):
            ClaimFactory(article=article, start=position, text="x" * 5)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(first.get_absolute_url()).content.decode()
    assert f"Link {claims} matching claim" in html
    return len(queries)


def test_the_reader_with_a_wire_copy_runs_as_many_queries_for_many_claims_as_for_few(reviewer_client):
    assert reader_queries(reviewer_client, 30) == reader_queries(reviewer_client, 3)
