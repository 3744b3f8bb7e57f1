"""Reads of facts: the claims joined by same-as links, who reported them first, what contradicts them."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Func, IntegerField, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from ..models import Claim, ClaimLink, Fact
from .review import link_list


def contradiction_count() -> Coalesce:
    """Contradicts-links touching any claim of the row's fact, counted in a subquery per row shown."""
    links = (
        ClaimLink.objects.filter(relation=ClaimLink.Relation.CONTRADICTS)
        .filter(Q(from_claim__fact=OuterRef("pk")) | Q(to_claim__fact=OuterRef("pk")))
        .order_by()
        .annotate(count=Func(F("pk"), function="COUNT"))  # an aggregate without GROUP BY: one row
        .values("count")
    )
    return Coalesce(Subquery(links, output_field=IntegerField()), 0)


def fact_list() -> QuerySet[Fact]:
    """Facts with what the list shows: statement, outlets (claims prefetched with their sources), first
    report, contradictions, candidates left, verdict."""
    claims = Claim.objects.select_related("article__source").order_by(
        F("article__published_on").asc(nulls_last=True), "article__uploaded_at", "pk"
    )
    return (
        Fact.objects.select_related("verdict")
        .prefetch_related(Prefetch("claims", queryset=claims))
        .annotate(
            claim_count=Count("claims", distinct=True),
            source_count=Count("claims__article__source", distinct=True),
            first_reported_on=Min("claims__article__published_on"),
            candidate_count=Count("claims", filter=Q(claims__status=Claim.Status.CANDIDATE), distinct=True),
            contradiction_count=contradiction_count(),
        )
        .order_by("-updated_at", "-id")
    )


@dataclass
class TimelinePoint:
    claim: Claim
    x: float
    y: float


@dataclass
class Timeline:
    """Who reported the fact when, laid out for a small SVG chart: one row per outlet, time across."""

    outlets: list[tuple[str, float]]
    points: list[TimelinePoint]
    ticks: list[tuple[date, float, str]]  # day, x, text-anchor (the ends align inwards, so no date is cut)
    undated: list[Claim]
    width: int
    height: int

    LEFT = 150
    RIGHT = 24
    ROW = 28
    TOP = 40


def fact_timeline(claims: list[Claim], *, width: int = 640) -> Timeline:
    dated = [claim for claim in claims if claim.article.published_on]
    outlets = list(dict.fromkeys(claim.article.source.name for claim in dated))
    rows = {name: Timeline.TOP + Timeline.ROW * index for index, name in enumerate(outlets)}
    height = Timeline.TOP + Timeline.ROW * max(len(outlets), 1) + 10
    if not dated:
        return Timeline([], [], [], list(claims), width, height)
    first = min(claim.article.published_on for claim in dated)
    last = max(claim.article.published_on for claim in dated)
    span = max((last - first).days, 1)
    usable = width - Timeline.LEFT - Timeline.RIGHT

    def x_of(day: date) -> float:
        if first == last:
            return Timeline.LEFT + usable / 2
        return Timeline.LEFT + usable * (day - first).days / span

    ticks = [(first, x_of(first), "start" if first != last else "middle")]
    ticks += [(last, x_of(last), "end")] if last != first else []
    points = [
        TimelinePoint(claim, x_of(claim.article.published_on), rows[claim.article.source.name]) for claim in dated
    ]
    return Timeline(
        outlets=[(name, y) for name, y in rows.items()],
        points=points,
        ticks=ticks,
        undated=[claim for claim in claims if not claim.article.published_on],
        width=width,
        height=height,
    )


@dataclass
class FactView:
    fact: Fact
    claims: list[Claim]
    contradictions: list[ClaimLink]

    @property
    def first(self) -> Claim | None:
        return self.claims[0] if self.claims else None

    @property
    def candidates(self) -> int:
        return sum(1 for claim in self.claims if claim.status == Claim.Status.CANDIDATE)

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(claim.article.source.name for claim in self.claims))

    @property
    def timeline(self) -> Timeline:
        return fact_timeline(self.claims)


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
