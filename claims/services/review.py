"""A reviewer's decisions on claims: confirm, reject, edit, add a missed claim, comment, undo."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from articles.models import Article
from core.errors import VersionConflict

from ..models import TEXT_CORRECTED, UNDO_REASON, Claim, ClaimComment
from ..readings import reading_clean
from .suggestions import claims_queue_link_suggestions
from .webhooks import claim_confirmed_publish

ANCHOR_LENGTH = 60
# The fields a reviewer's decision changes, and so the ones an undo puts back.
DECISION_FIELDS = ["status", "reviewed_by_id", "reviewed_at", "edited", "normalized"]


class ClaimConflict(VersionConflict):
    """A save based on a copy of the claim someone else has changed since it was read."""

    def __init__(self, claim: Claim, changes: list[str]):
        self.claim = claim
        message = f"Claim {claim.pk} changed since you opened it: {', '.join(changes) or 'saved again'}."
        super().__init__(message, changes=changes, version=claim.version)


def _describe_changes(claim: Claim, since_version: int) -> list[str]:
    records = claim.history.filter(version__gt=since_version).select_related("history_user").order_by("history_date")
    changes = []
    for record in records:
        who = record.history_user.get_username() if record.history_user else "someone"
        previous = record.prev_record
        fields = record.diff_against(previous).changed_fields if previous else []
        shown = [f for f in fields if f not in {"version", "updated_at", "reviewed_at", "reviewed_by"}]
        # In the site's time zone, as every page shows times.
        at = timezone.localtime(record.history_date)
        changes.append(f"{who} changed {', '.join(shown) or 'it'} at {at:%H:%M:%S}")
    return changes


def _locked(claim: Claim, expected_version: int | None) -> Claim:
    """The claim re-read inside the transaction, refused if it moved past the version the caller saw."""
    current = Claim.objects.select_for_update().select_related("article").get(pk=claim.pk)
    if expected_version is not None and current.version != expected_version:
        raise ClaimConflict(current, _describe_changes(current, expected_version))
    return current


def _save_decision(claim: Claim, user: AbstractBaseUser, fields: list[str]) -> Claim:
    # Safe without F(): the row is locked (PostgreSQL) or the write transaction is exclusive (SQLite).
    claim.version += 1
    claim._history_user = user
    claim.save(update_fields=[*fields, "version", "updated_at"])
    return claim


@transaction.atomic
def claim_status_set(
    *, claim: Claim, user: AbstractBaseUser, status: str, expected_version: int | None = None, reason: str = ""
) -> Claim:
    """Confirm or reject; `reason` ties the history entry to a decision taken on several claims at once."""
    claim = _locked(claim, expected_version)
    if reason:
        claim._change_reason = reason
    claim.status = status
    claim.reviewed_by = user
    claim.reviewed_at = timezone.now()
    _save_decision(claim, user, ["status", "reviewed_by", "reviewed_at"])
    claim_confirmed_publish(claim=claim)
    if status == Claim.Status.REJECTED:
        claims_queue_link_suggestions(claim_ids=[claim.pk])  # a rejected claim is no longer suggested
    return claim


def claim_confirm(*, claim: Claim, user: AbstractBaseUser, expected_version: int | None = None) -> Claim:
    return claim_status_set(claim=claim, user=user, status=Claim.Status.CONFIRMED, expected_version=expected_version)


def claim_reject(*, claim: Claim, user: AbstractBaseUser, expected_version: int | None = None) -> Claim:
    return claim_status_set(claim=claim, user=user, status=Claim.Status.REJECTED, expected_version=expected_version)


def _span(article: Article, start, end) -> tuple[int, int, str]:
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError):
        raise ValidationError({"start": "The span must be given as two character offsets."}) from None
    if not 0 <= start < end <= len(article.body):
        raise ValidationError({"start": "Select a passage inside the article's text."})
    text = article.body[start:end]
    if not text.strip():
        raise ValidationError({"start": "The selected passage is blank."})
    return start, end, text


def _sentence_around(body: str, start: int, end: int) -> str:
    """The line holding the span: good enough for a reviewer's own claim, which has no parse."""
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    return body[line_start : line_end if line_end != -1 else len(body)].strip()


def _place(claim: Claim, start: int, end: int, text: str) -> None:
    body = claim.article.body
    claim.start, claim.end, claim.text = start, end, text
    claim.orphaned = False  # placed again by a reviewer, e.g. a claim a text correction lost
    claim.sentence = _sentence_around(body, start, end)
    claim.context_before = body[max(0, start - ANCHOR_LENGTH) : start]
    claim.context_after = body[end : end + ANCHOR_LENGTH]


def _refuse_taken_span(article: Article, kind: str, start: int, end: int, *, exclude_pk=None) -> None:
    taken = Claim.objects.filter(article=article, kind=kind, start=start, end=end, orphaned=False).exclude(
        pk=exclude_pk
    )
    if taken.exists():
        raise ValidationError({"start": "There is already a claim of this kind on exactly this passage."})


@transaction.atomic
def claim_update(
    *, claim: Claim, user: AbstractBaseUser, expected_version: int | None, reading: dict, start=None, end=None
) -> Claim:
    """Correct a claim's reading and, optionally, its span. The corrected claim counts as confirmed."""
    claim = _locked(claim, expected_version)
    normalized = {**claim.normalized, **reading_clean(claim.kind, reading)}
    fields = ["normalized", "edited", "status", "reviewed_by", "reviewed_at"]
    if start is not None or end is not None:
        start, end, text = _span(
            claim.article, claim.start if start is None else start, claim.end if end is None else end
        )
        _refuse_taken_span(claim.article, claim.kind, start, end, exclude_pk=claim.pk)
        _place(claim, start, end, text)
        fields += ["start", "end", "text", "sentence", "context_before", "context_after", "orphaned"]
    claim.normalized = normalized
    claim.edited = claim.origin == Claim.Origin.MACHINE
    claim.status = Claim.Status.CONFIRMED
    claim.reviewed_by = user
    claim.reviewed_at = timezone.now()
    _save_decision(claim, user, fields)
    claim_confirmed_publish(claim=claim)
    claims_queue_link_suggestions(claim_ids=[claim.pk])
    return claim


@transaction.atomic
def claim_span_move(*, claim: Claim, user: AbstractBaseUser, expected_version: int | None, start, end) -> Claim:
    """Put a claim on other words of its article (drag handles, or a new selection and `s`); its reading
    stays. Like any correction, the claim then counts as confirmed, and one undo puts the old span back."""
    claim = _locked(claim, expected_version)
    start, end, text = _span(claim.article, start, end)
    _refuse_taken_span(claim.article, claim.kind, start, end, exclude_pk=claim.pk)
    _place(claim, start, end, text)
    claim.edited = claim.origin == Claim.Origin.MACHINE
    claim.status = Claim.Status.CONFIRMED
    claim.reviewed_by = user
    claim.reviewed_at = timezone.now()
    fields = ["start", "end", "text", "sentence", "context_before", "context_after"]
    _save_decision(claim, user, [*fields, "edited", "status", "reviewed_by", "reviewed_at"])
    claim_confirmed_publish(claim=claim)
    return claim


@transaction.atomic
def claim_create(*, article: Article, user: AbstractBaseUser, kind: str, start, end, reading: dict) -> Claim:
    """A claim the extractor missed, added by a reviewer from a passage they selected."""
    start, end, text = _span(article, start, end)
    _refuse_taken_span(article, kind, start, end)
    claim = Claim(
        article=article,
        kind=kind,
        normalized=reading_clean(kind, reading),
        origin=Claim.Origin.HUMAN,
        status=Claim.Status.CONFIRMED,
        reviewed_by=user,
        reviewed_at=timezone.now(),
        rule="human",
        confidence=1.0,
    )
    _place(claim, start, end, text)
    claim._history_user = user
    claim.full_clean(validate_constraints=False)
    claim.save()
    claims_queue_link_suggestions(claim_ids=[claim.pk])
    return claim


@transaction.atomic
def claim_comment_add(*, claim: Claim, user: AbstractBaseUser, body: str) -> ClaimComment:
    comment = ClaimComment(claim=claim, author=user, body=body.strip())
    if not comment.body:
        raise ValidationError({"body": "Write something first."})
    if len(comment.body) > 5000:
        raise ValidationError({"body": "Keep a comment under 5,000 characters."})
    comment.save()
    return comment


@transaction.atomic
def claim_revert(*, claim: Claim, user: AbstractBaseUser, history_id: int) -> Claim:
    """Undo one decision: put back the claim as it was before that change, if nothing changed since."""
    claim = _locked(claim, None)
    record = claim.history.filter(history_id=history_id).first()
    if record is None or record.history_type != "~" or record.history_change_reason == TEXT_CORRECTED:
        raise ValidationError("That entry of the history cannot be undone.")
    if record.version != claim.version:
        raise ValidationError("The claim changed again after that decision; undo the later change first.")
    before = record.prev_record
    if before is None:
        raise ValidationError("No earlier state of this claim is recorded; correct it by hand instead.")
    for field in DECISION_FIELDS:
        setattr(claim, field, getattr(before, field))
    fields = [field.removesuffix("_id") for field in DECISION_FIELDS]
    if (before.start, before.end) != (claim.start, claim.end):
        _place(claim, before.start, before.end, before.text)
        fields += ["start", "end", "text", "sentence", "context_before", "context_after", "orphaned"]
    claim._change_reason = f"{UNDO_REASON}{record.history_id}"
    claims_queue_link_suggestions(claim_ids=[claim.pk])
    return _save_decision(claim, user, fields)
