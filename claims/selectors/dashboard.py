"""The figures of the dashboard: the state of the queue, and how well the extractor does by reviewers' account."""

from dataclasses import dataclass

from django.db.models import Count, Q

from articles.models import Article

from ..models import Claim


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
    """Per kind and extractor version: what reviewers did with the machine's candidates.

    Shares are of the reviewed ones; "added by hand" counts the claims of that kind reviewers had to
    add themselves in articles that version extracted — the extractor's misses, as people saw them.
    """
    machine = Q(origin=Claim.Origin.MACHINE)
    rows = (
        Claim.objects.filter(machine)
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
        .values("kind", "article__extractor_version")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in added:
        key = (row["kind"], row["article__extractor_version"])
        score = scores.setdefault(key, ExtractorScore(row["kind"], key[1], 0, 0, 0, 0, 0))
        score.added_by_hand = row["n"]
    return sorted(scores.values(), key=lambda s: (s.kind, s.extractor_version))
