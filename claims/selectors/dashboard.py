"""The figures of the dashboard: the state of the queue, and how well the extractor does by reviewers' account."""

import statistics
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Func, OuterRef, Q, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone

from articles.models import Article

from ..models import UNDO_REASON, Claim


def extraction_counts() -> dict[str, int]:
    counts = dict(Article.objects.values_list("extraction_status").annotate(n=Count("pk")).order_by())
    return {status: counts.get(status, 0) for status in Article.ExtractionStatus.values}


def recent_decisions(*, limit: int = 10) -> list:
    return list(
        Claim.history.filter(history_type="~", history_user__isnull=False)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:limit]
    )


def candidates_to_review() -> int:
    return Claim.objects.awaiting_review().count()


def articles_most_to_review(*, limit: int = 8):
    return (
        Article.objects.select_related("source")
        .annotate(
            to_review=Count("claims", filter=Q(claims__status=Claim.Status.CANDIDATE) & ~Q(claims__kind="entity"))
        )
        .filter(to_review__gt=0)
        .order_by("-to_review", "-pk")[:limit]
    )


@dataclass
class ExtractorScore:
    kind: str
    extractor_version: str
    total: int
    confirmed: int
    edited: int
    rejected: int
    pending: int
    added_by_hand: int = 0

    def share(self, count: int) -> float:
        reviewed = self.confirmed + self.edited + self.rejected
        return count / reviewed if reviewed else 0.0

    @property
    def confirmed_share(self) -> float:
        return self.share(self.confirmed)

    @property
    def edited_share(self) -> float:
        return self.share(self.edited)

    @property
    def rejected_share(self) -> float:
        return self.share(self.rejected)


def extractor_scores() -> list[ExtractorScore]:
    """Per kind of factual claim and extractor version: what reviewers did with the machine's candidates.

    Shares are of the reviewed ones; "added by hand" counts the claims of that kind reviewers had to
    add themselves in articles that version extracted — the extractor's misses, as people saw them.
    """
    machine = Q(origin=Claim.Origin.MACHINE)
    rows = (
        Claim.objects.filter(machine)
        .exclude(kind=Claim.Kind.ENTITY)  # mentions are not reviewed: counted apart, see entity_mentions_count
        .values("kind", "extractor_version")
        .annotate(
            total=Count("pk"),
            confirmed=Count("pk", filter=Q(status=Claim.Status.CONFIRMED, edited=False)),
            edited=Count("pk", filter=Q(edited=True) & ~Q(status=Claim.Status.REJECTED)),
            rejected=Count("pk", filter=Q(status=Claim.Status.REJECTED)),
            pending=Count("pk", filter=Q(status=Claim.Status.CANDIDATE)),
        )
        .order_by("kind", "-extractor_version")
    )
    scores = {(row["kind"], row["extractor_version"]): ExtractorScore(**row) for row in rows}
    added = (
        Claim.objects.filter(origin=Claim.Origin.HUMAN)
        .exclude(kind=Claim.Kind.ENTITY)
        .values("kind", "article__extractor_version")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in added:
        key = (row["kind"], row["article__extractor_version"])
        score = scores.setdefault(key, ExtractorScore(row["kind"], key[1], 0, 0, 0, 0, 0))
        score.added_by_hand = row["n"]
    return sorted(scores.values(), key=lambda s: (s.kind, s.extractor_version))


PACE_DAYS = 14


@dataclass
class DeskPace:
    """How fast the desk works: decisions per day over the last days, and how long an upload waits."""

    days: list[tuple[date, int]]
    median_wait: timedelta | None
    articles_waited: int

    BAR_WIDTH = 24
    BAR_GAP = 6
    BAR_MAX = 70  # the chart is 100 high: room for the count above and the day below

    @property
    def chart_width(self) -> int:
        return len(self.days) * (self.BAR_WIDTH + self.BAR_GAP)

    @property
    def bars(self) -> list[dict]:
        """Each day's bar, laid out for the dashboard's SVG chart (drawn by the app, no script)."""
        busiest = max((count for _, count in self.days), default=0) or 1
        bars = []
        for index, (day, count) in enumerate(self.days):
            height = round(self.BAR_MAX * count / busiest)
            x = index * (self.BAR_WIDTH + self.BAR_GAP)
            bars.append({"day": day, "count": count, "x": x, "y": 85 - height, "height": height,
                         "middle": x + self.BAR_WIDTH // 2})  # fmt: skip
        return bars

    @property
    def total(self) -> int:
        return sum(count for _, count in self.days)


def desk_pace(*, days: int = PACE_DAYS) -> DeskPace:
    """Decisions per day (a reviewer's change to a claim; undos do not count) and the median time from an
    article's upload to the first decision on one of its claims, over articles uploaded in the period."""
    today = timezone.localdate()
    since = today - timedelta(days=days - 1)
    start = timezone.make_aware(datetime.combine(since, time.min))
    decisions = Claim.history.filter(history_type="~", history_user__isnull=False).exclude(
        history_change_reason__startswith=UNDO_REASON
    )
    per_day = dict(
        decisions.filter(history_date__gte=start)
        .annotate(day=TruncDate("history_date", tzinfo=timezone.get_current_timezone()))
        .values_list("day")
        .annotate(n=Count("history_id"))
        .order_by()
    )
    first_decision = (
        decisions.filter(article_id=OuterRef("pk"))
        .order_by()
        .annotate(first=Func(F("history_date"), function="MIN"))  # an aggregate without GROUP BY: one row
        .values("first")
    )
    waits = [
        first - uploaded
        for uploaded, first in Article.objects.filter(uploaded_at__gte=start)
        .annotate(first=Subquery(first_decision))
        .filter(first__isnull=False)
        .values_list("uploaded_at", "first")
    ]
    return DeskPace(
        days=[
            (since + timedelta(days=offset), per_day.get(since + timedelta(days=offset), 0)) for offset in range(days)
        ],
        median_wait=statistics.median(waits) if waits else None,
        articles_waited=len(waits),
    )


def entity_mentions_count() -> int:
    """Entity mentions are context for reviewers, not claims to check: counted apart from the queue."""
    return Claim.objects.filter(kind=Claim.Kind.ENTITY).count()
