"""Claims of other articles that may state the same fact as a given claim, best first."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from ..models import Claim, ClaimLink
from ..related import ClaimFacts, Relatedness, relatedness
from .review import claim_list

# How many recent candidates are scored in Python; the database narrows the archive down to these first.
CANDIDATE_POOL = 400
# Below this, a suggestion is mostly a shared common word: not worth a reviewer's look unless searched for.
MIN_SCORE = 1.0
WEAK_SHOWN = 5


@dataclass(frozen=True)
class Suggestion:
    claim: Claim
    relatedness: Relatedness


def claim_facts(claim: Claim) -> ClaimFacts:
    return ClaimFacts(
        kind=claim.kind,
        normalized=claim.normalized,
        sentence=claim.sentence,
        entities=tuple(entity["text"] for entity in claim.entities if entity.get("text")),
        negated=claim.negated,
    )


def _linked_ids(claim: Claim) -> set[int]:
    pairs = ClaimLink.objects.filter(Q(from_claim=claim) | Q(to_claim=claim)).values_list(
        "from_claim_id", "to_claim_id"
    )
    return {claim_id for pair in pairs for claim_id in pair} - {claim.pk}


def _pool(claim: Claim, query: str) -> QuerySet[Claim]:
    others = claim_list().exclude(article_id=claim.article_id).exclude(status=Claim.Status.REJECTED)
    if query:
        return others.filter(
            Q(text__icontains=query) | Q(sentence__icontains=query) | Q(article__title__icontains=query)
        )
    unit = claim.normalized.get("unit")
    entity_texts = [entity["text"] for entity in claim.entities if entity.get("text")][:5]
    near = Q()
    if unit:
        near |= Q(normalized__unit=unit)
    for text in entity_texts:
        near |= Q(sentence__icontains=text)
    return others.filter(near, kind=claim.kind) if near else others.filter(kind=claim.kind)


def claim_related_suggestions(*, claim: Claim, query: str = "", limit: int = 15) -> list[Suggestion]:
    """Rank candidates by shared unit, entities, compatible value and sentence; flag likely contradictions."""
    linked = _linked_ids(claim)
    pool = _pool(claim, query.strip()).exclude(pk__in=linked).order_by("-id")[:CANDIDATE_POOL]
    facts = claim_facts(claim)
    scored = [Suggestion(other, relatedness(facts, claim_facts(other))) for other in pool]
    scored.sort(key=lambda s: (bool(s.relatedness.contradiction), s.relatedness.score), reverse=True)
    if not query:
        strong = [s for s in scored if s.relatedness.score >= MIN_SCORE or s.relatedness.contradiction]
        # With nothing convincing, the closest few of the same kind still beat an empty panel.
        scored = strong or scored[:WEAK_SHOWN]
    return scored[:limit]
