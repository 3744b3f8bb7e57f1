"""Reads of facts: the claims joined by same-as links, who reported them first, what contradicts them."""

from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q, QuerySet

from ..models import Claim, ClaimLink, Fact
from .review import link_list


def fact_list() -> QuerySet[Fact]:
    return (
        Fact.objects.select_related("verdict")
        .annotate(
            claim_count=Count("claims", distinct=True), source_count=Count("claims__article__source", distinct=True)
        )
        .order_by("-updated_at", "-id")
    )


@dataclass
class FactView:
    fact: Fact
    claims: list[Claim]
    contradictions: list[ClaimLink]

    @property
    def first(self) -> Claim | None:
        return self.claims[0] if self.claims else None


def fact_detail(*, fact_id: int) -> FactView:
    """The fact with its claims in order of publication (earliest first, undated last) and its contradictions."""
    claims = Claim.objects.select_related("article__source", "reviewed_by").order_by(
        F("article__published_on").asc(nulls_last=True), "article__uploaded_at", "pk"
    )
    fact = (
        Fact.objects.select_related("verdict", "verdict_by")
        .prefetch_related(Prefetch("claims", queryset=claims))
        .get(pk=fact_id)
    )
    members = list(fact.claims.all())
    ids = [claim.pk for claim in members]
    contradictions = list(
        link_list().filter(Q(from_claim_id__in=ids) | Q(to_claim_id__in=ids), relation=ClaimLink.Relation.CONTRADICTS)
    )
    return FactView(fact=fact, claims=members, contradictions=contradictions)
