"""The review desk's pages: dashboard, edit, add, comment, undo, queue, Related panel, facts."""

from itertools import pairwise

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import services
from claims.models import Claim, ClaimComment, ClaimLink, Fact, Rating
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db
BODY = "Plus de 30 pays ont signé le 9 novembre. Texte."


@pytest.fixture
def claim():
    return ClaimFactory(article=ArticleFactory(title="Sommet", body=BODY), start=0, text="Plus de 30 pays")


def test_dashboard_shows_queue_state_and_extractor_shares(reviewer_client, reviewer, claim):
    rejected = ClaimFactory(article=claim.article, start=16, text="ont signé", extractor_version="1.2.0")
    claim.extractor_version = "1.2.0"
    claim.save()
    services.claim_reject(claim=rejected, user=reviewer)

    html = reviewer_client.get(reverse("claims:dashboard")).content.decode()

    assert "candidates to review" in html
    assert "50% confirmed (0)" not in html
    assert "0% confirmed (0) · 0% corrected (0) · 100% rejected (1)" in html
    assert "Sommet" in html  # among the articles with most to review


def test_a_person_without_a_role_sees_no_figures(client):
    client.force_login(UserFactory(username="nobody"))

    html = client.get(reverse("claims:dashboard")).content.decode()

    assert "no role yet" in html


def test_edit_form_over_htmx_saves_and_returns_the_card(reviewer_client, claim):
    url = reverse("claims:claim_edit", args=[claim.pk])
    form = reviewer_client.get(url, HTTP_HX_REQUEST="true").content.decode()

    response = reviewer_client.post(
        url,
        {"version": 1, "start": 0, "end": 15, "value": "31", "qualifier": "at_least", "unit": "pays"},
        HTTP_HX_REQUEST="true",
    )

    assert 'name="value"' in form and "<html" not in form
    claim.refresh_from_db()
    assert claim.reading == "≥ 31 pays" and claim.edited
    assert "≥ 31 pays" in response.content.decode()


def test_edit_without_javascript_redirects_back_to_the_article(reviewer_client, claim):
    response = reviewer_client.post(
        reverse("claims:claim_edit", args=[claim.pk]),
        {"version": 1, "start": 0, "end": 15, "value": "30", "qualifier": "more_than", "unit": "États"},
    )

    assert response.status_code == 302
    assert response.url.endswith(f"#claim-{claim.pk}")


def test_a_stale_edit_is_refused_with_what_changed(reviewer_client, claim):
    services.claim_confirm(claim=claim, user=UserFactory(username="alice"))

    response = reviewer_client.post(
        reverse("claims:claim_edit", args=[claim.pk]),
        {"version": 1, "start": 0, "end": 15, "value": "99", "qualifier": "exact", "unit": "pays"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Someone saved this claim after you opened it" in html and "alice changed status" in html
    claim.refresh_from_db()
    assert claim.normalized["value"] == 30.0


def test_a_bad_value_is_reported_next_to_the_form(reviewer_client, claim):
    response = reviewer_client.post(
        reverse("claims:claim_edit", args=[claim.pk]),
        {"version": 1, "start": 0, "end": 15, "value": "trente", "qualifier": "exact", "unit": "pays"},
    )

    assert "is not a number" in response.content.decode()


def test_a_reviewer_adds_a_missed_date_from_a_selection(reviewer_client, claim):
    start = BODY.index("le 9 novembre")
    data = {"kind": "date", "start": start, "end": start + 13, "date": "2025-11-09", "precision": "day"}

    response = reviewer_client.post(reverse("claims:claim_create", args=[claim.article.pk]), data)

    assert response.status_code == 302
    added = Claim.objects.get(kind="date")
    assert (added.text, added.origin) == ("le 9 novembre", Claim.Origin.HUMAN)


def test_adding_a_claim_with_a_missing_reading_explains_what_is_missing(reviewer_client, claim):
    data = {"kind": "quantity", "start": 16, "end": 25}

    response = reviewer_client.post(reverse("claims:claim_create", args=[claim.article.pk]), data)

    assert response.status_code == 200
    assert "Give a number." in response.content.decode()
    assert Claim.objects.count() == 1


def test_viewer_cannot_edit_add_or_comment(viewer_client, claim):
    assert viewer_client.post(reverse("claims:claim_edit", args=[claim.pk]), {}).status_code == 403
    assert viewer_client.post(reverse("claims:claim_create", args=[claim.article.pk]), {}).status_code == 403
    assert viewer_client.post(reverse("claims:claim_comment", args=[claim.pk]), {"body": "x"}).status_code == 403
    assert viewer_client.post(reverse("claims:claim_undo")).status_code == 403


def test_a_comment_appears_on_the_card(reviewer_client, claim):
    response = reviewer_client.post(
        reverse("claims:claim_comment", args=[claim.pk]), {"body": "Chiffre à vérifier"}, HTTP_HX_REQUEST="true"
    )

    assert "Chiffre à vérifier" in response.content.decode()
    assert ClaimComment.objects.get().claim == claim


def test_undo_over_htmx_swaps_the_card_out_of_band(reviewer_client, reviewer, claim):
    services.claim_reject(claim=claim, user=reviewer)

    response = reviewer_client.post(reverse("claims:claim_undo"), HTTP_HX_REQUEST="true")

    html = response.content.decode()
    claim.refresh_from_db()
    assert claim.status == Claim.Status.CANDIDATE
    assert f'id="claim-{claim.pk}"' in html and 'hx-swap-oob="true"' in html
    assert "Undid your last decision" in html


def test_history_lists_decisions_and_offers_undo_on_the_latest(reviewer_client, reviewer, claim):
    services.claim_confirm(claim=claim, user=reviewer)

    html = reviewer_client.get(claim.article.get_absolute_url()).content.decode()

    assert "History (2)" in html and "confirmed it" in html and "extracted it" in html
    assert reverse("claims:claim_revert", args=[claim.pk, claim.history.latest().history_id]) in html


def test_queue_filters_by_kind_source_and_text(reviewer_client, claim):
    other = ClaimFactory(
        article=ArticleFactory(body="Le 3 mars, rien."),
        kind="date",
        text="Le 3 mars",
        normalized={"date": "2025-03-03"},
    )

    by_kind = reviewer_client.get(reverse("claims:review_queue"), {"kind": "date"}).content.decode()
    by_source = reviewer_client.get(
        reverse("claims:review_queue"), {"source": claim.article.source_id}
    ).content.decode()
    by_text = reviewer_client.get(reverse("claims:review_queue"), {"q": "30 pays"}).content.decode()

    assert f'id="claim-{other.pk}"' in by_kind and f'id="claim-{claim.pk}"' not in by_kind
    assert f'id="claim-{claim.pk}"' in by_source and f'id="claim-{other.pk}"' not in by_source
    assert f'id="claim-{claim.pk}"' in by_text and f'id="claim-{other.pk}"' not in by_text


def test_queue_shows_only_candidates_by_default(reviewer_client, reviewer, claim):
    services.claim_confirm(claim=claim, user=reviewer)

    html = reviewer_client.get(reverse("claims:review_queue")).content.decode()

    assert f'id="claim-{claim.pk}"' not in html
    assert "The queue is clear" in html


def test_a_bad_filter_value_is_explained_not_an_error(reviewer_client, claim):
    response = reviewer_client.get(reverse("claims:review_queue"), {"published_after": "yesterday", "kind": "nope"})

    assert response.status_code == 200
    assert "Enter a valid date" in response.content.decode()


def test_queue_runs_a_constant_number_of_queries(reviewer_client, django_assert_max_num_queries):
    for index in range(30):
        ClaimFactory(article=ArticleFactory(body=f"{index} pays. " * 3), start=0, text=f"{index} pays")

    # What is left to review is the page's own count while the queue shows candidates: no query of its own.
    with django_assert_max_num_queries(12):
        response = reviewer_client.get(reverse("claims:review_queue"))

    assert response.content.decode().count('class="claim card') == 25


def test_related_panel_flags_a_likely_contradiction(reviewer_client, claim):
    rival = ClaimFactory(
        article=ArticleFactory(body="27 pays ont signé."),
        text="27 pays",
        normalized={"value": 27.0, "value_max": None, "qualifier": "exact", "unit": "pays"},
    )

    html = reviewer_client.get(reverse("claims:claim_related", args=[claim.pk])).content.decode()

    assert f"#claim-{rival.pk}" in html
    assert "Possible contradiction" in html and "incompatible values" in html


def test_one_click_same_as_link_from_the_panel_makes_a_fact(reviewer_client, claim):
    twin = ClaimFactory(article=ArticleFactory(body="Plus de 30 pays, dit Londres."), text="Plus de 30 pays")

    response = reviewer_client.post(
        reverse("claims:claim_link", args=[claim.pk]),
        {"to_claim": twin.pk, "relation": "same_as", "note": ""},
        HTTP_HX_REQUEST="true",
    )

    assert "Linked: same claim" in response.content.decode()
    assert response["HX-Trigger"] == f'{{"claim-changed": {claim.pk}}}'
    assert ClaimLink.objects.get().relation == "same_as"
    assert Fact.objects.get().claims.count() == 2


def test_fact_page_shows_both_sources_and_the_verdict_form(reviewer_client, reviewer, claim):
    twin = ClaimFactory(article=ArticleFactory(body="Plus de 30 pays, dit Londres."), text="Plus de 30 pays")
    services.claim_link(from_claim=claim, to_claim=twin, relation="same_as", user=reviewer)
    fact = Fact.objects.get()
    rating = Rating.objects.create(value=-1, name="Faux")
    for member in (claim, twin):  # checked claims: a verdict over candidates asks for confirmation first
        services.claim_confirm(claim=member, user=reviewer)

    page = reviewer_client.get(fact.get_absolute_url()).content.decode()
    reviewer_client.post(reverse("claims:fact_verdict", args=[fact.pk]), {"rating": rating.pk, "note": "Source: AFP"})

    assert claim.article.source.name in page and twin.article.source.name in page
    assert "First reported" in page
    fact.refresh_from_db()
    assert fact.verdict == rating and fact.verdict_by == reviewer


def test_viewer_cannot_set_a_verdict_or_link(viewer_client, claim):
    twin = ClaimFactory(article=ArticleFactory(body="Plus de 30 pays, dit Londres."), text="Plus de 30 pays")

    linked = viewer_client.post(
        reverse("claims:claim_link", args=[claim.pk]), {"to_claim": twin.pk, "relation": "same_as"}
    )

    assert linked.status_code == 403
    assert not ClaimLink.objects.exists()


def test_dashboard_and_fact_view_run_a_constant_number_of_queries(reviewer_client, reviewer):
    def fact_with(claims: int):
        members = [ClaimFactory(article=ArticleFactory(), text="Plus de 30 pays") for _ in range(claims)]
        for left, right in pairwise(members):
            services.claim_link(from_claim=left, to_claim=right, relation="same_as", user=reviewer)
            services.claim_confirm(claim=left, user=reviewer)
        return Fact.objects.get(claims=members[0])

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert reviewer_client.get(url).status_code == 200
        return len(captured)

    small, large = fact_with(2), fact_with(12)
    dashboard_small = queries(reverse("claims:dashboard"))
    fact_with(12)
    assert queries(reverse("claims:dashboard")) == dashboard_small
    assert queries(small.get_absolute_url()) == queries(large.get_absolute_url())
