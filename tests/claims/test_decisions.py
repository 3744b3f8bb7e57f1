"""Deciding on several claims at once, undoing it in one step, undoing an unlink, moving a span, and the
reading suggested for a selection."""

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims import services
from claims.extraction.suggest import reading_suggest
from claims.models import Claim, ClaimLink
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db
BODY = "Plus de 30 pays ont signé le 9 novembre. Des milliers de soldats."


@pytest.fixture
def alice():
    return UserFactory(username="alice", roles=["reviewer"])


@pytest.fixture
def three_claims():
    article = ArticleFactory(body=BODY)
    return [
        ClaimFactory(article=article, start=0, text="Plus de 30 pays"),
        ClaimFactory(
            article=article,
            start=BODY.index("le 9"),
            text="le 9 novembre",
            kind=Claim.Kind.DATE,
            normalized={"date": "2025-11-09", "precision": "day"},
        ),
        ClaimFactory(article=article, start=BODY.index("Des"), text="Des milliers de soldats"),
    ]


def test_a_batch_decision_is_undone_in_one_step(three_claims, alice):
    services.claims_decide(decisions=[(claim, 1) for claim in three_claims], user=alice, status="confirmed")
    assert set(Claim.objects.values_list("status", flat=True)) == {"confirmed"}

    undone = services.claim_undo_last_decision(user=alice)

    assert sorted(claim.pk for claim in undone) == sorted(claim.pk for claim in three_claims)
    assert set(Claim.objects.values_list("status", flat=True)) == {"candidate"}


def test_a_batch_with_one_stale_claim_decides_nothing(three_claims, alice):
    bob = UserFactory(username="bob", roles=["reviewer"])
    services.claim_reject(claim=three_claims[1], user=bob)

    with pytest.raises(services.ClaimConflict):
        services.claims_decide(decisions=[(claim, 1) for claim in three_claims], user=alice, status="confirmed")

    assert list(Claim.objects.order_by("start").values_list("status", flat=True)) == [
        "candidate",
        "rejected",
        "candidate",
    ]


def test_the_history_undo_of_one_claim_of_a_batch_undoes_the_batch(three_claims, alice):
    services.claims_decide(decisions=[(claim, 1) for claim in three_claims], user=alice, status="rejected")
    record = three_claims[0].history.latest("history_id")

    services.decision_revert(claim=three_claims[0], user=alice, history_id=record.history_id)

    assert set(Claim.objects.values_list("status", flat=True)) == {"candidate"}


def test_an_unlink_is_undone_by_the_undo_key_with_its_note(alice):
    ours = ClaimFactory(article=ArticleFactory(body=BODY), start=0, text="Plus de 30 pays")
    theirs = ClaimFactory(article=ArticleFactory(body=BODY + " Ailleurs."), start=0, text="Plus de 30 pays")
    link = services.claim_link(from_claim=ours, to_claim=theirs, relation="same_as", note="même chiffre", user=alice)
    services.claim_unlink(link=link, user=alice)
    assert ours.__class__.objects.get(pk=ours.pk).fact_id is None

    services.claim_undo_last_decision(user=alice)

    restored = ClaimLink.objects.get()
    assert (restored.from_claim, restored.to_claim, restored.note) == (ours, theirs, "même chiffre")
    ours.refresh_from_db()
    assert ours.fact_id is not None
    with pytest.raises(ValidationError, match="no decision to undo"):
        services.claim_undo_last_decision(user=alice)


def test_a_span_move_keeps_the_reading_and_can_be_undone(three_claims, alice):
    claim = three_claims[0]
    services.claim_span_move(claim=claim, user=alice, expected_version=1, start=8, end=15)

    claim.refresh_from_db()
    assert (claim.text, claim.status, claim.normalized["value"]) == ("30 pays", "confirmed", 30.0)
    services.claim_undo_last_decision(user=alice)
    claim.refresh_from_db()
    assert (claim.text, claim.status) == ("Plus de 30 pays", "candidate")


def test_a_span_cannot_move_outside_the_text(three_claims, alice):
    with pytest.raises(ValidationError, match="inside the article"):
        services.claim_span_move(claim=three_claims[0], user=alice, expected_version=1, start=0, end=10_000)


def test_bulk_decision_page_answers_400_to_malformed_picks(client, alice, three_claims):
    client.force_login(alice)

    response = client.post(reverse("claims:claims_decide"), {"decision": "confirm", "claims": ["1:x"]})

    assert response.status_code == 400


def test_bulk_decision_over_htmx_returns_every_card_and_the_count(client, alice, three_claims):
    client.force_login(alice)
    picks = [f"{claim.pk}:{claim.version}" for claim in three_claims[:2]]

    response = client.post(
        reverse("claims:claims_decide"),
        {"decision": "confirm", "claims": picks, "article": three_claims[0].article_id},
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    assert html.count('hx-swap-oob="true"') == 4  # two cards, the toast, the count
    assert "<strong>1</strong> to review" in html


def test_the_add_claim_form_suggests_a_reading_for_the_selection(client, alice):
    article = ArticleFactory(body="Le sommet a réuni plus de 40 délégations.", published_on=date(2025, 3, 17))
    client.force_login(alice)
    start = article.body.index("plus")

    response = client.get(reverse("claims:claim_create", args=[article.pk]), {"start": start, "end": start + 22})

    html = response.content.decode()
    assert "Selected: “plus de 40 délégations”" in html
    assert 'value="40"' in html and 'value="more_than" selected' in html


def test_suggestion_reads_dates_and_quantities_and_nothing_else():
    assert reading_suggest("le 9 novembre", published=date(2025, 12, 1)).fields["date"] == "2025-11-09"
    suggested = reading_suggest("des milliers de soldats")
    assert (suggested.kind, suggested.fields["qualifier"]) == ("quantity", "order_of_magnitude")
    assert reading_suggest("Emmanuel Macron") is None


def test_unlink_offers_an_undo_that_brings_the_link_back(client, alice):
    ours = ClaimFactory(article=ArticleFactory(body=BODY), start=0, text="Plus de 30 pays")
    theirs = ClaimFactory(article=ArticleFactory(body=BODY + " Londres."), start=0, text="Plus de 30 pays")
    link = services.claim_link(from_claim=ours, to_claim=theirs, relation="contradicts", user=alice)
    client.force_login(alice)

    card = client.post(
        reverse("claims:link_delete", args=[link.pk]), {"claim": ours.pk}, headers={"HX-Request": "true"}
    ).content.decode()
    restore = re.search(r'hx-post="(/links/restore/\d+/)"', card).group(1)
    response = client.post(restore, headers={"HX-Request": "true"})

    assert "Link restored." in response.content.decode()
    assert ClaimLink.objects.filter(from_claim=ours, to_claim=theirs, relation="contradicts").exists()
    assert client.post(restore, headers={"HX-Request": "true"}).content.decode().count("already back") == 1


def test_a_card_action_from_the_queue_with_junk_filters_still_answers(client, alice, three_claims):
    client.force_login(alice)
    claim = three_claims[0]

    response = client.post(
        reverse("claims:claim_confirm", args=[claim.pk]),
        {"version": 1, "card": "queue", "queue": "status=nonsense&published_after=yesterday&source=abc"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert 'id="left-to-review"' in response.content.decode()
