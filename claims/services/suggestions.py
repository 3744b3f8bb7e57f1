"""The linking engine's side in the database: index claims' keys, store ranked suggestions, accept or dismiss them.

The engine itself (keys, terms, ranking) is plain Python in `claims.linking`; this module feeds it the archive's
candidates (see `selectors.linking`) and keeps its answers as `Suggestion` rows for reviewers.
"""

from collections import defaultdict
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
# The most claims one task ranks (10-20 s): a long document's thousands (5,000 in 40,000 words, over a minute
# of work) are ranked a slice per task, each queuing the rest, so the light tasks queued meanwhile run between
# slices instead of waiting behind them. A worker batch of ordinary articles fits in one slice.
SUGGESTION_SLICE = 2000
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


def claims_rank_candidates(*, rows: list[ClaimLinkKey], total: int | None = None) -> dict[int, list]:
    """The engine's ranked suggestions for indexed claims against the whole archive, by claim id.

    Each claim's routes are its own queries; the candidates' keys are read once for the whole batch, and the
    claims of an article share most of their candidates and names.
    """
    total = archive_size() if total is None else total
    keys = {row.claim_id: key_from_row(row) for row in rows}
    entity_counts = entity_frequencies({entity for key in keys.values() for entity in key.entities})
    candidate_ids = {
        row.claim_id: link_candidate_ids(row=row, key=keys[row.claim_id], entity_counts=entity_counts, total=total)
        for row in rows
    }
    wanted = {claim_id for ids in candidate_ids.values() for claim_id in ids} - keys.keys()
    found = {other.claim_id: other for other in ClaimLinkKey.objects.filter(claim_id__in=wanted)}
    keys |= {claim_id: key_from_row(other) for claim_id, other in found.items()}
    articles = {row.claim_id: row.article_id for row in rows} | {
        claim_id: other.article_id for claim_id, other in found.items()
    }
    ranked = {}
    for row in rows:
        candidates = [
            (claim_id, keys[claim_id])
            for claim_id in candidate_ids[row.claim_id]
            if claim_id in keys and articles[claim_id] != row.article_id
        ]
        ranked[row.claim_id] = rank(
            keys[row.claim_id],
            candidates,
            entity_frequency=entity_counts,
            archive_size=total,
            limit=SUGGESTIONS_PER_CLAIM,
        )
    return ranked


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


@transaction.atomic
def claims_suggestions_store(*, ranked: dict[int, list]) -> list[Suggestion]:
    """Make each claim's pending suggestions the engine's current answer. Decided and linked pairs are left alone.

    A pair is stored once whichever side found it; a pending suggestion the engine no longer makes goes. The
    claims are taken in order, the later one's answer standing for a pair both found, and written in a few
    queries for the whole batch. A contradiction that is new, against a fact with a verdict, is sent to the
    webhooks.
    """
    claim_ids = list(ranked)
    pairs = {
        _pair(s.claim_id, s.candidate_id): s
        for s in Suggestion.objects.select_for_update().filter(
            Q(claim_id__in=claim_ids) | Q(candidate_id__in=claim_ids)
        )
    }
    linked = {
        _pair(a, b)
        for a, b in ClaimLink.objects.filter(Q(from_claim_id__in=claim_ids) | Q(to_claim_id__in=claim_ids)).values_list(
            "from_claim_id", "to_claim_id"
        )
    }
    involving = defaultdict(set)
    for pair in pairs:
        involving[pair[0]].add(pair)
        involving[pair[1]].add(pair)
    changed, stale, new_contradictions = set(), set(), set()
    for claim_id, proposals in ranked.items():
        kept = set()
        for proposal in proposals:
            pair = _pair(claim_id, proposal.candidate_id)
            if pair in linked or pair in kept:
                continue
            kept.add(pair)
            relation, reasons = str(proposal.relation), list(proposal.reasons)
            suggestion = pairs.get(pair)
            if suggestion is None:
                pairs[pair] = Suggestion(
                    claim_id=claim_id,
                    candidate_id=proposal.candidate_id,
                    score=proposal.score,
                    relation=relation,
                    reasons=reasons,
                )
                involving[pair[0]].add(pair)
                involving[pair[1]].add(pair)
                changed.add(pair)
            elif suggestion.status == Suggestion.Status.PENDING and (
                suggestion.score,
                suggestion.relation,
                suggestion.reasons,
            ) != (proposal.score, relation, reasons):
                if relation == Suggestion.Relation.CONTRADICTS != suggestion.relation:
                    new_contradictions.add(pair)
                suggestion.score, suggestion.relation, suggestion.reasons = proposal.score, relation, reasons
                changed.add(pair)
        for pair in involving[claim_id] - kept:
            suggestion = pairs.get(pair)
            if suggestion is not None and suggestion.status == Suggestion.Status.PENDING:
                del pairs[pair]
                changed.discard(pair)
                if suggestion.pk is not None:
                    stale.add(suggestion.pk)
    now = timezone.now()
    to_update = [pairs[pair] for pair in changed if pairs[pair].pk is not None]
    for suggestion in to_update:
        suggestion.updated_at = now  # bulk_update skips auto_now
    Suggestion.objects.filter(pk__in=stale).delete()
    if to_update:
        Suggestion.objects.bulk_update(to_update, ["score", "relation", "reasons", "updated_at"], batch_size=500)
    created = Suggestion.objects.bulk_create(
        [pairs[pair] for pair in changed if pairs[pair].pk is None], batch_size=500
    )
    contradictions = [pairs[pair] for pair in new_contradictions if pair in pairs]
    contradictions += [s for s in created if s.relation == Suggestion.Relation.CONTRADICTS]
    contradictions_publish(suggestions=contradictions)
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
    rows = list(ClaimLinkKey.objects.filter(claim_id__in=indexed).order_by("claim_id"))
    return len(claims_suggestions_store(ranked=claims_rank_candidates(rows=rows)))


def claims_suggest_links_in_turn(*, claim_ids: Iterable[int]) -> int:
    """The tasks' way to `claims_suggest_links`: the first `SUGGESTION_SLICE` claims now, the rest queued as a
    task of their own (which does the same), once these are stored."""
    claim_ids = sorted(claim_ids)
    suggested = claims_suggest_links(claim_ids=claim_ids[:SUGGESTION_SLICE])
    claims_queue_link_suggestions(claim_ids=claim_ids[SUGGESTION_SLICE:])
    return suggested


def articles_suggest_links(*, article_ids: Iterable[int]) -> int:
    """Suggestions for the claims of freshly extracted articles (the task queued when an extraction finishes)."""
    claim_ids = Claim.objects.filter(article_id__in=list(article_ids)).values_list("pk", flat=True)
    return claims_suggest_links_in_turn(claim_ids=claim_ids)


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
