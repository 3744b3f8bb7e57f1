"""Decisions on several claims at once, and undoing whatever a reviewer did last: one claim, a batch of
claims decided in one action, or an unlink. A batch is recorded as history rows sharing one change
reason, so undoing it puts every claim back in one step."""

from uuid import uuid4

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import BATCH_REASON, TEXT_CORRECTED, UNDO_REASON, Claim, ClaimLink
from .links import claim_link
from .review import claim_revert, claim_status_set

BATCH_MAX = 500  # a page of the reader or the queue holds far fewer; more is a malformed request


@transaction.atomic
def claims_decide(*, decisions: list[tuple[Claim, int | None]], user: AbstractBaseUser, status: str) -> list[Claim]:
    """Confirm or reject several claims in one action, each checked against the version the reviewer saw.

    All or nothing: if one claim changed since it was read, none is decided (ClaimConflict names it).
    """
    if not decisions:
        raise ValidationError("Select at least one claim first.")
    if len(decisions) > BATCH_MAX:
        raise ValidationError(f"Decide on at most {BATCH_MAX} claims at once.")
    batch = f"{BATCH_REASON}{uuid4().hex}"
    return [
        claim_status_set(claim=claim, user=user, status=status, expected_version=version, reason=batch)
        for claim, version in decisions
    ]


def _undone_ids(records) -> set[int]:
    reasons = records.filter(history_change_reason__startswith=UNDO_REASON).values_list(
        "history_change_reason", flat=True
    )
    return {int(reason.removeprefix(UNDO_REASON)) for reason in reasons}


@transaction.atomic
def decision_revert(*, claim: Claim, user: AbstractBaseUser, history_id: int) -> list[Claim]:
    """Undo the decision of this history entry; one taken on several claims at once is undone on all of them."""
    record = claim.history.filter(history_id=history_id).first()
    reason = record.history_change_reason if record else None
    if not reason or not reason.startswith(BATCH_REASON):
        return [claim_revert(claim=claim, user=user, history_id=history_id)]
    batch = Claim.history.filter(history_change_reason=reason).order_by("history_id")
    claims = Claim.objects.in_bulk([entry.id for entry in batch])
    return [
        claim_revert(claim=claims[entry.id], user=user, history_id=entry.history_id)
        for entry in batch
        if entry.id in claims
    ]


@transaction.atomic
def link_restore(*, history_id: int, user: AbstractBaseUser) -> ClaimLink:
    """Put back a link someone removed (the Undo after Unlink), as it was, with its note."""
    removed = ClaimLink.history.filter(history_id=history_id, history_type="-").first()
    if removed is None:
        raise ValidationError("That link removal cannot be undone.")
    reason = f"{UNDO_REASON}{history_id}"
    if ClaimLink.history.filter(history_change_reason=reason).exists():
        raise ValidationError("That link is already back.")
    ends = Claim.objects.in_bulk([removed.from_claim_id, removed.to_claim_id])
    if len(ends) < 2:
        raise ValidationError("One of the two claims no longer exists.")
    link = claim_link(
        from_claim=ends[removed.from_claim_id],
        to_claim=ends[removed.to_claim_id],
        relation=removed.relation,
        note=removed.note,
        user=user,
    )
    # The restored link's first history row says which removal it undid, so it is not undone twice.
    ClaimLink.history.filter(id=link.pk, history_type="+").update(history_change_reason=reason)
    return link


def claim_undo_last_decision(*, user: AbstractBaseUser) -> list[Claim]:
    """Undo this person's most recent decision (the `u` key): on one claim, on a batch, or an unlink.

    Returns the claims whose cards changed.
    """
    decisions = Claim.history.filter(history_user=user, history_type="~")
    latest = (
        decisions.exclude(history_change_reason__startswith=UNDO_REASON)
        .exclude(history_change_reason=TEXT_CORRECTED)
        .exclude(history_id__in=_undone_ids(decisions))
        .order_by("-history_date", "-history_id")
        .first()
    )
    # Whoever put a link back, it is back: restores are looked up among everyone's.
    unlink = (
        ClaimLink.history.filter(history_user=user, history_type="-")
        .exclude(history_id__in=_undone_ids(ClaimLink.history.all()))
        .order_by("-history_date", "-history_id")
        .first()
    )
    if unlink is not None and (latest is None or unlink.history_date > latest.history_date):
        link = link_restore(history_id=unlink.history_id, user=user)
        return [link.from_claim, link.to_claim]
    if latest is None:
        raise ValidationError("You have no decision to undo.")
    claim = Claim.objects.filter(pk=latest.id).first()
    if claim is None:
        raise ValidationError("The claim of your last decision no longer exists.")
    return decision_revert(claim=claim, user=user, history_id=latest.history_id)
