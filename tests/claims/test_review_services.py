import pytest
from django.core.exceptions import ValidationError

from claims import services
from claims.extraction import ClaimRecord
from claims.models import Claim, ClaimComment
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db
BODY = "Plus de 30 pays ont signé le 9 novembre. Des milliers de soldats."


def record_for(text: str, *, value: float) -> ClaimRecord:
    start = BODY.index(text)
    fields = {"value": value, "value_max": None, "qualifier": "more_than", "unit": "pays"}
    return ClaimRecord(
        kind="quantity", text=text, start=start, end=start + len(text), sentence=BODY, sentence_start=0, fields=fields
    )


@pytest.fixture
def claim():
    return ClaimFactory(article=ArticleFactory(body=BODY), start=0, text="Plus de 30 pays")


@pytest.fixture
def alice():
    return UserFactory(username="alice", roles=["reviewer"])


@pytest.fixture
def bob():
    return UserFactory(username="bob", roles=["reviewer"])


def test_a_decision_bumps_the_version_and_records_who_made_it(claim, alice):
    services.claim_confirm(claim=claim, user=alice, expected_version=1)

    claim.refresh_from_db()
    assert (claim.status, claim.version, claim.reviewed_by) == (Claim.Status.CONFIRMED, 2, alice)
    assert claim.history.latest().history_user == alice


def test_a_save_from_a_stale_copy_is_refused_and_names_what_changed(claim, alice, bob):
    services.claim_update(
        claim=claim, user=alice, expected_version=1, reading={"value": 31, "qualifier": "more_than", "unit": "pays"}
    )

    with pytest.raises(services.ClaimConflict) as conflict:
        services.claim_reject(claim=claim, user=bob, expected_version=1)

    claim.refresh_from_db()
    assert claim.status == Claim.Status.CONFIRMED and claim.normalized["value"] == 31
    assert "alice changed" in conflict.value.changes[0]
    assert "normalized" in conflict.value.changes[0]


def test_an_edit_checks_the_reading_and_marks_the_claim_corrected(claim, alice):
    with pytest.raises(ValidationError) as invalid:
        services.claim_update(claim=claim, user=alice, expected_version=1, reading={"value": "trente"})
    assert "value" in invalid.value.message_dict

    services.claim_update(claim=claim, user=alice, expected_version=1, reading={"value": "31", "unit": "États"})

    claim.refresh_from_db()
    assert claim.normalized == {"value": 31.0, "value_max": None, "qualifier": "exact", "unit": "États"}
    assert claim.edited and claim.status == Claim.Status.CONFIRMED


def test_an_edit_can_move_the_span_and_refreshes_text_and_anchors(claim, alice):
    services.claim_update(claim=claim, user=alice, expected_version=1, reading={"value": 30}, start=0, end=20)

    claim.refresh_from_db()
    assert claim.text == "Plus de 30 pays ont "
    assert claim.context_after.startswith("signé")


def test_a_span_outside_the_text_is_refused(claim, alice):
    with pytest.raises(ValidationError):
        services.claim_update(claim=claim, user=alice, expected_version=1, reading={"value": 30}, start=5, end=9999)


def test_a_reviewer_adds_a_claim_the_extractor_missed(claim, alice):
    start = BODY.index("le 9 novembre")
    added = services.claim_create(
        article=claim.article,
        user=alice,
        kind="date",
        start=start,
        end=start + len("le 9 novembre"),
        reading={"date": "2025-11-09", "precision": "day"},
    )

    assert added.origin == Claim.Origin.HUMAN and added.status == Claim.Status.CONFIRMED
    assert added.text == "le 9 novembre"
    assert added.sentence == BODY


def test_adding_the_same_span_twice_is_refused(claim, alice):
    with pytest.raises(ValidationError, match="already a claim"):
        services.claim_create(
            article=claim.article, user=alice, kind="quantity", start=0, end=15, reading={"value": 30}
        )


def test_undo_puts_back_the_state_before_the_last_decision(claim, alice):
    services.claim_update(claim=claim, user=alice, expected_version=1, reading={"value": 99}, start=0, end=20)

    services.claim_undo_last_decision(user=alice)

    claim.refresh_from_db()
    assert claim.status == Claim.Status.CANDIDATE
    assert claim.normalized["value"] == 30.0 and claim.text == "Plus de 30 pays"
    assert not claim.edited


def test_undo_twice_walks_back_two_decisions(alice):
    article = ArticleFactory(body=BODY)
    first = ClaimFactory(article=article, start=0, text="Plus de 30 pays")
    second = ClaimFactory(article=article, start=BODY.index("Des"), text="Des milliers de soldats")
    services.claim_confirm(claim=first, user=alice)
    services.claim_reject(claim=second, user=alice)

    assert services.claim_undo_last_decision(user=alice) == [second]
    assert services.claim_undo_last_decision(user=alice) == [first]

    assert set(Claim.objects.values_list("status", flat=True)) == {Claim.Status.CANDIDATE}


def test_undo_is_refused_when_someone_changed_the_claim_since(claim, alice, bob):
    services.claim_confirm(claim=claim, user=alice)
    services.claim_reject(claim=claim, user=bob)

    with pytest.raises(ValidationError, match="changed again"):
        services.claim_undo_last_decision(user=alice)


def test_nothing_to_undo_is_a_clear_message(alice):
    with pytest.raises(ValidationError, match="no decision to undo"):
        services.claim_undo_last_decision(user=alice)


def test_comments_are_kept_with_their_author_and_blank_ones_refused(claim, alice):
    services.claim_comment_add(claim=claim, user=alice, body="  Vérifier auprès de l'Élysée.  ")

    with pytest.raises(ValidationError):
        services.claim_comment_add(claim=claim, user=alice, body="   ")

    comment = ClaimComment.objects.get()
    assert (comment.author, comment.body) == (alice, "Vérifier auprès de l'Élysée.")


def test_undo_restores_an_extracted_candidate_after_a_first_correction(alice):
    article = ArticleFactory(body=BODY)
    services.claims_store_candidates(
        records_by_article={article: [record_for("Plus de 30 pays", value=30.0)]},
        extractor_version="1",
    )
    claim = article.claims.get()

    services.claim_update(claim=claim, user=alice, expected_version=1, reading={"value": 99})
    services.claim_undo_last_decision(user=alice)

    claim.refresh_from_db()
    assert claim.normalized["value"] == 30.0 and claim.status == Claim.Status.CANDIDATE
