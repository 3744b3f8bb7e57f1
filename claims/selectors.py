"""Reads of claims and links, with their joins already applied."""

from dataclasses import dataclass, field
from itertools import pairwise

from django.db.models import Case, Exists, IntegerField, Max, Min, OuterRef, Prefetch, Q, QuerySet, Value, When

from articles.models import Article

from .models import Claim, ClaimLink, Fact, Rating


def claim_list() -> QuerySet[Claim]:
    return Claim.objects.select_related("article", "article__source", "reviewed_by")


def link_list() -> QuerySet[ClaimLink]:
    return ClaimLink.objects.select_related("from_claim__article__source", "to_claim__article__source", "created_by")


def article_for_review(*, article_id: int) -> Article:
    links = link_list()
    claims = Claim.objects.select_related("reviewed_by").prefetch_related(
        Prefetch("outgoing_links", queryset=links), Prefetch("incoming_links", queryset=links)
    )
    return (
        Article.objects.select_related("source", "uploaded_by")
        .prefetch_related(Prefetch("claims", queryset=claims))
        .get(pk=article_id)
    )


def claim_link_targets(*, claim: Claim) -> QuerySet[Claim]:
    """Claims of other articles a reviewer may link this one to: same kind, same unit first."""
    same_unit = Q(normalized__unit=claim.normalized.get("unit")) if claim.normalized.get("unit") else Q(pk=None)
    return (
        claim_list()
        .filter(kind=claim.kind)
        .exclude(article_id=claim.article_id)
        .exclude(status=Claim.Status.REJECTED)
        .annotate(unit_rank=Case(When(same_unit, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("unit_rank", "-article__published_on", "article_id", "start")
    )


@dataclass
class TextSegment:
    text: str
    claims: list[Claim] = field(default_factory=list)

    @property
    def main_claim(self) -> Claim | None:
        """The claim a highlight stands for: a factual claim before an entity mention, shortest first."""
        if not self.claims:
            return None
        return min(self.claims, key=lambda c: (c.kind == Claim.Kind.ENTITY, c.end - c.start))


def article_segments(*, body: str, claims: list[Claim]) -> list[TextSegment]:
    """Cut the body at every claim boundary so each piece knows which claims cover it."""
    cuts = {0, len(body)}
    for claim in claims:
        cuts.update((claim.start, claim.end))
    points = sorted(point for point in cuts if 0 <= point <= len(body))
    segments = []
    for start, end in pairwise(points):
        covering = [claim for claim in claims if claim.start <= start and claim.end >= end]
        segments.append(TextSegment(body[start:end], covering))
    return segments


def fact_list() -> QuerySet[Fact]:
    """Facts with their verdict, their claims (and articles), and the contradictions touching those claims."""
    contradictions = ClaimLink.objects.filter(relation=ClaimLink.Relation.CONTRADICTS)
    claims = claim_list().prefetch_related(
        Prefetch("outgoing_links", queryset=contradictions, to_attr="contradicts_out"),
        Prefetch("incoming_links", queryset=contradictions, to_attr="contradicts_in"),
    )
    return Fact.objects.select_related("verdict", "verdict_by").prefetch_related(Prefetch("claims", queryset=claims))


def fact_reviewed_list() -> QuerySet[Fact]:
    """Facts at least one of whose claims a reviewer confirmed: the ones published as ClaimReviews."""
    confirmed = Claim.objects.filter(fact=OuterRef("pk"), status=Claim.Status.CONFIRMED)
    return fact_list().filter(Exists(confirmed))


def rating_scale_bounds() -> tuple[int | None, int | None]:
    """The best and worst values of the newsroom's verdict scale, whatever it is."""
    bounds = Rating.objects.aggregate(best=Max("value"), worst=Min("value"))
    return bounds["best"], bounds["worst"]
