import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from claims.models import Claim, ClaimLink
from claims.services import claim_confirm
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    article = ArticleFactory(title="Sommet", body="Plus de 30 pays ont signé. Texte.")
    return ClaimFactory(article=article, start=0, text="Plus de 30 pays")


def test_review_page_highlights_spans_and_offers_confirm_and_reject_buttons(reviewer_client, claim):
    response = reviewer_client.get(claim.article.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<a href="#claim-\d+" class="hl kind-quantity st-candidate"[^>]*>Plus de 30 pays</a>', html)
    assert re.search(r'<button type="submit" class="confirm"[^>]*>Confirm</button>', html)
    assert re.search(r'<button type="submit" class="reject"[^>]*>Reject</button>', html)
    assert "&gt; 30 pays" in html  # the normalised reading


def test_viewer_sees_claims_but_no_review_buttons(viewer_client, claim):
    html = viewer_client.get(claim.article.get_absolute_url()).content.decode()

    assert "Plus de 30 pays" in html
    assert ">Confirm</button>" not in html


def test_reviewer_confirms_with_a_plain_form_post(reviewer_client, reviewer, claim):
    response = reviewer_client.post(reverse("claims:claim_confirm", args=[claim.pk]), {"version": claim.version})

    claim.refresh_from_db()
    assert response.status_code == 302
    assert claim.status == Claim.Status.CONFIRMED
    assert claim.reviewed_by == reviewer


def test_reviewer_rejects_through_htmx_and_gets_the_updated_card(reviewer_client, claim):
    response = reviewer_client.post(
        reverse("claims:claim_reject", args=[claim.pk]), {"version": claim.version}, HTTP_HX_REQUEST="true"
    )

    claim.refresh_from_db()
    assert claim.status == Claim.Status.REJECTED
    html = response.content.decode()
    assert re.search(f'^<div class="claim card kind-quantity st-rejected" id="claim-{claim.pk}"', html.lstrip(), re.M)
    assert "<html" not in html


@pytest.mark.hostile
@pytest.mark.parametrize("version", [None, "", "abc", "²", "99999999999999999999"])
def test_a_decision_without_the_version_seen_is_refused_not_applied(reviewer_client, claim, version):
    claims_service_confirm(claim)  # someone else decided meanwhile
    data = {} if version is None else {"version": version}

    plain = reviewer_client.post(reverse("claims:claim_reject", args=[claim.pk]), data)
    over_htmx = reviewer_client.post(reverse("claims:claim_reject", args=[claim.pk]), data, HTTP_HX_REQUEST="true")

    claim.refresh_from_db()
    assert claim.status == Claim.Status.CONFIRMED
    assert (plain.status_code, over_htmx.status_code) == (400, 400)
    assert "which version of the claim you saw" in plain.content.decode()
    assert "which version of the claim you saw" in over_htmx.content.decode()


def test_a_conflict_message_gives_the_time_as_the_pages_do(reviewer_client, claim, settings):
    settings.TIME_ZONE = "Europe/Paris"
    first_version = claim.version
    claims_service_confirm(claim)
    claim.refresh_from_db()
    paris_time = timezone.localtime(claim.history.latest("history_date").history_date)

    response = reviewer_client.post(
        reverse("claims:claim_reject", args=[claim.pk]), {"version": first_version}, HTTP_HX_REQUEST="true"
    )

    assert f"at {paris_time:%H:%M:%S}" in response.content.decode()


def claims_service_confirm(claim) -> None:
    claim_confirm(claim=claim, user=UserFactory(username="alice"))


def test_viewer_cannot_confirm(viewer_client, claim):
    response = viewer_client.post(reverse("claims:claim_confirm", args=[claim.pk]))

    claim.refresh_from_db()
    assert response.status_code == 403
    assert claim.status == Claim.Status.CANDIDATE


def test_confirm_needs_post(reviewer_client, claim):
    assert reviewer_client.get(reverse("claims:claim_confirm", args=[claim.pk])).status_code == 405


def test_reviewer_links_a_claim_to_another_article_as_contradiction(reviewer_client, claim):
    other = ClaimFactory(article=ArticleFactory(body="27 pays ont signé."), text="27 pays")
    url = reverse("claims:claim_link", args=[claim.pk])

    page = reviewer_client.get(reverse("claims:claim_related", args=[claim.pk]), {"q": "27"}).content.decode()
    response = reviewer_client.post(url, {"to_claim": other.pk, "relation": "contradicts", "note": "27 ≠ 30"})

    assert "27 pays" in page
    assert response.status_code == 302
    link = ClaimLink.objects.get()
    assert (link.from_claim, link.to_claim, link.relation, link.note) == (claim, other, "contradicts", "27 ≠ 30")
    assert "Contradicts" in reviewer_client.get(claim.article.get_absolute_url()).content.decode()


def test_linking_to_a_claim_of_the_same_article_is_refused(reviewer_client, claim):
    sibling = ClaimFactory(article=claim.article, start=16, text="ont signé")

    response = reviewer_client.post(
        reverse("claims:claim_link", args=[claim.pk]), {"to_claim": sibling.pk, "relation": "same_as"}
    )

    assert response.status_code == 302
    page = reviewer_client.get(response.url).content.decode()
    assert "Link a claim to a claim of another article." in page
    assert not ClaimLink.objects.exists()


def test_hostile_article_text_is_shown_as_text_never_as_markup(viewer_client):
    body = '<script>alert("x")</script> Plus de 30 <img src=x onerror=alert(1)> pays.'
    article = ArticleFactory(title="<b>titre</b>", body=body)
    ClaimFactory(article=article, start=0, text=body[:20])

    html = viewer_client.get(article.get_absolute_url()).content.decode()

    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html
    assert "<b>titre</b>" not in html


def test_unknown_article_is_a_404_page(viewer_client):
    response = viewer_client.get(reverse("claims:article_reader", args=[999999]))

    assert response.status_code == 404


def reader_queries(client, claims: int) -> int:
    article = ArticleFactory(body=f"{claims} " + "x" * 400)
    for position in range(0, claims * 10, 10):
        ClaimFactory(article=article, start=position, text="x" * 5)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.get_absolute_url())
    assert response.content.decode().count('class="claim card') == claims
    return len(queries)


def test_review_page_runs_a_constant_number_of_queries(viewer_client):
    assert reader_queries(viewer_client, 40) == reader_queries(viewer_client, 4) <= 12
