"""The linking engine's side in the database: index claims' keys, store ranked suggestions, accept or dismiss them.

The engine itself (keys, terms, ranking) is plain Python in `claims.linking`; this module feeds it the archive's
candidates (see `selectors.linking`) and keeps its answers as `Suggestion` rows for reviewers.
"""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..linking import rank
from ..models import Claim, ClaimEntityKey, ClaimLink, ClaimLinkKey, Suggestion, WebhookEvent
from ..selectors.linking import (
    archive_size,
    claim_link_key_row,
    entity_frequencies,
    key_from_row,
    link_candidate_ids,
)
from .follow_up import queue_on_commit
from .links import claim_link
from .webhooks import webhook_event_publish

# The best few are what a reviewer looks at; more would bury them.
SUGGESTIONS_PER_CLAIM = 10
# Entity mentions are context for the other kinds, not facts to link.
LINKED_KINDS = [kind for kind in Claim.Kind.values if kind != Claim.Kind.ENTITY]


def claims_index_for_linking(*, claim_ids: Iterable[int]) -> list[int]:
    """(Re)write the link keys of these claims; a rejected, deleted or entity claim loses its key. Idempotent."""
    claim_ids = list(claim_ids)
    claims = list(
        Claim.objects.select_related("article")
        .filter(pk__in=claim_ids, kind__in=LINKED_KINDS)
        .exclude(status=Claim.Status.REJECTED)
    )
    rows = [claim_link_key_row(claim) for claim in claims]
    entity_rows = [
        ClaimEntityKey(claim_id=row.claim_id, entity=entity, kind=row.kind)
        for row in rows
        for entity in set(row.entities.split("\n"))
        if entity
    ]
    with transaction.atomic():
        # Delete and insert rather than update: the full-text index follows the rows through the triggers.
        ClaimLinkKey.objects.filter(claim_id__in=claim_ids).delete()
        ClaimEntityKey.objects.filter(claim_id__in=claim_ids).delete()
        ClaimLinkKey.objects.bulk_create(rows, batch_size=500)
        ClaimEntityKey.objects.bulk_create(entity_rows, batch_size=1000)
    return [row.claim_id for row in rows]


def claim_rank_candidates(*, row: ClaimLinkKey, total: int | None = None) -> list:
    """The engine's ranked suggestions for one indexed claim against the whole archive."""
    key = key_from_row(row)
    entity_counts = entity_frequencies(key.entities)
    total = archive_size() if total is None else total
    candidate_ids = link_candidate_ids(row=row, key=key, entity_counts=entity_counts, total=total)
    if not candidate_ids:
        return []
    candidates = [
        (other.claim_id, key_from_row(other))
        for other in ClaimLinkKey.objects.filter(claim_id__in=candidate_ids).exclude(article_id=row.article_id)
    ]
    return rank(key, candidates, entity_frequency=entity_counts, archive_size=total, limit=SUGGESTIONS_PER_CLAIM)


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


# No savepoint of its own inside the task's batch transaction: a failure rolls the batch back, and the task retries.
@transaction.atomic(savepoint=False)
def claim_suggestions_store(*, claim_id: int, ranked: list) -> list[Suggestion]:
    """Make the claim's pending suggestions the engine's current answer. Decided and linked pairs are left alone.

    A pair is stored once whichever side found it; a pending suggestion the engine no longer makes goes.
    A contradiction that is new, against a fact with a verdict, is sent to the webhooks.
    """
    existing = {
        _pair(s.claim_id, s.candidate_id): s
        for s in Suggestion.objects.select_for_update().filter(Q(claim_id=claim_id) | Q(candidate_id=claim_id))
    }
    linked = {
        _pair(a, b)
        for a, b in ClaimLink.objects.filter(Q(from_claim_id=claim_id) | Q(to_claim_id=claim_id)).values_list(
            "from_claim_id", "to_claim_id"
        )
    }
    kept, to_create, to_update, new_contradictions = set(), [], [], []
    for proposal in ranked:
        pair = _pair(claim_id, proposal.candidate_id)
        if pair in linked or pair in kept:
            continue
        kept.add(pair)
        relation, reasons = str(proposal.relation), list(proposal.reasons)
        suggestion = existing.get(pair)
        if suggestion is None:
            suggestion = Suggestion(
                claim_id=claim_id,
                candidate_id=proposal.candidate_id,
                score=proposal.score,
                relation=relation,
                reasons=reasons,
            )
            to_create.append(suggestion)
        elif suggestion.status == Suggestion.Status.PENDING and (
            suggestion.score,
            suggestion.relation,
            suggestion.reasons,
        ) != (proposal.score, relation, reasons):
            if relation == Suggestion.Relation.CONTRADICTS != suggestion.relation:
                new_contradictions.append(suggestion)
            suggestion.score, suggestion.relation, suggestion.reasons = proposal.score, relation, reasons
            to_update.append(suggestion)
    now = timezone.now()
    for suggestion in to_update:
        suggestion.updated_at = now  # bulk_update skips auto_now
    stale = [s.pk for pair, s in existing.items() if pair not in kept and s.status == Suggestion.Status.PENDING]
    Suggestion.objects.filter(pk__in=stale).delete()
    if to_update:
        Suggestion.objects.bulk_update(to_update, ["score", "relation", "reasons", "updated_at"])
    created = Suggestion.objects.bulk_create(to_create)
    new_contradictions += [s for s in created if s.relation == Suggestion.Relation.CONTRADICTS]
    contradictions_publish(suggestions=new_contradictions)
    return created + to_update


def contradictions_publish(*, suggestions: list[Suggestion]) -> None:
    """Tell the newsroom's tools about possible contradictions of a fact that already has a verdict."""
    if not suggestions:
        return
    claim_ids = {s.claim_id for s in suggestions} | {s.candidate_id for s in suggestions}
    judged = dict(Claim.objects.filter(pk__in=claim_ids, fact__verdict__isnull=False).values_list("pk", "fact_id"))
    for suggestion in suggestions:
        for claim_id, other_id in (
            (suggestion.candidate_id, suggestion.claim_id),
            (suggestion.claim_id, suggestion.candidate_id),
        ):
            if claim_id in judged:
                data = {
                    "suggestion": suggestion.pk,
                    "fact": judged[claim_id],
                    "claim": other_id,
                    "reasons": suggestion.reasons,
                }
                webhook_event_publish(event=WebhookEvent.CONTRADICTION_SUGGESTED, data=data)
                break


def claims_suggest_links(*, claim_ids: Iterable[int], reindex: bool = True) -> int:
    """Index these claims and compute their suggestions against the archive. Safe to run twice; returns how many.

    A claim that lost its key (rejected) loses its pending suggestions too. `reindex=False` trusts keys
    just written (`index_claims_for_linking` writes the whole archive's first).
    """
    claim_ids = list(claim_ids)
    if reindex:
        indexed = claims_index_for_linking(claim_ids=claim_ids)
        unindexed = set(claim_ids) - set(indexed)
        Suggestion.objects.filter(
            Q(claim_id__in=unindexed) | Q(candidate_id__in=unindexed), status=Suggestion.Status.PENDING
        ).delete()
    else:
        indexed = claim_ids
    total = archive_size()
    stored = 0
    for row in ClaimLinkKey.objects.filter(claim_id__in=indexed):
        stored += len(
            claim_suggestions_store(claim_id=row.claim_id, ranked=claim_rank_candidates(row=row, total=total))
        )
    return stored


def articles_suggest_links(*, article_ids: Iterable[int]) -> int:
    """Suggestions for the claims of freshly extracted articles (the task queued when an extraction finishes)."""
    claim_ids = Claim.objects.filter(article_id__in=list(article_ids)).values_list("pk", flat=True)
    return claims_suggest_links(claim_ids=list(claim_ids))


def articles_queue_link_suggestions(*, article_ids: list[int]) -> None:
    from ..tasks import articles_suggest_links as task  # the task module imports this one

    queue_on_commit(task, article_ids, what="link suggestions")


def claims_queue_link_suggestions(*, claim_ids: list[int]) -> None:
    from ..tasks import claims_suggest_links as task  # the task module imports this one

    queue_on_commit(task, claim_ids, what="link suggestions")


@transaction.atomic
def suggestion_accept(*, suggestion: Suggestion, relation: str, user: AbstractBaseUser, note: str = "") -> ClaimLink:
    """Link the pair as the reviewer says (through the link service, so facts regroup) and mark it accepted."""
    suggestion = Suggestion.objects.select_for_update().select_related("claim", "candidate").get(pk=suggestion.pk)
    if suggestion.status != Suggestion.Status.PENDING:
        raise ValidationError(f"This suggestion was already {suggestion.get_status_display().lower()}.")
    if relation not in ClaimLink.Relation.values:
        raise ValidationError("Pick same claim, contradicts, supports or update.")
    link = claim_link(
        from_claim=suggestion.claim, to_claim=suggestion.candidate, relation=relation, note=note, user=user
    )
    suggestion.status, suggestion.decided_by, suggestion.relation = Suggestion.Status.ACCEPTED, user, relation
    suggestion.save(update_fields=["status", "decided_by", "relation", "updated_at"])
    return link


@transaction.atomic
def suggestion_dismiss(*, suggestion: Suggestion, user: AbstractBaseUser) -> Suggestion:
    """Dismiss a suggestion: the pair is never proposed again."""
    suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.status != Suggestion.Status.PENDING:
        raise ValidationError(f"This suggestion was already {suggestion.get_status_display().lower()}.")
    suggestion.status, suggestion.decided_by = Suggestion.Status.DISMISSED, user
    suggestion.save(update_fields=["status", "decided_by", "updated_at"])
    return suggestion
