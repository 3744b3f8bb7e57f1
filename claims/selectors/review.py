"""Reads for reviewing one article: its claims, links, comments and history, joins applied."""

from dataclasses import dataclass, field
from itertools import pairwise

from django.db.models import Prefetch, QuerySet

from articles.models import Article

from ..models import BATCH_REASON, TEXT_CORRECTED, UNDO_REASON, Claim, ClaimComment, ClaimLink
from .suggestions import suggestion_summary_annotations


def claim_list() -> QuerySet[Claim]:
    return Claim.objects.select_related("article", "article__source", "reviewed_by", "fact")


def link_list() -> QuerySet[ClaimLink]:
    return ClaimLink.objects.select_related("from_claim__article__source", "to_claim__article__source", "created_by")


def claims_for_cards() -> QuerySet[Claim]:
    """Claims with all a review card shows: article, reviewer, links both ways, comments, suggestions."""
    links = link_list()
    return (
        claim_list()
        .annotate(**suggestion_summary_annotations())
        .prefetch_related(
            Prefetch("outgoing_links", queryset=links),
            Prefetch("incoming_links", queryset=links),
            Prefetch("comments", queryset=ClaimComment.objects.select_related("author")),
        )
    )


def article_for_review(*, article_id: int) -> Article:
    """The article with its claims (orphaned ones included: the reader lists them apart) and its assignment."""
    claims = claims_for_cards()
    return (
        Article.objects.select_related("source", "uploaded_by", "assignment__reviewer")
        .prefetch_related(Prefetch("claims", queryset=claims))
        .get(pk=article_id)
    )


def history_summary(record, older) -> str:
    """One line of a claim's history in words: what this change did, compared with the state before it."""
    if record.history_type == "+":
        return "added it" if record.origin == Claim.Origin.HUMAN else "extracted it"
    if record.history_type == "-":
        return "deleted it"
    if record.history_change_reason == TEXT_CORRECTED and record.orphaned:
        return "corrected the article's text; this claim's words are no longer in it"
    if record.history_change_reason == TEXT_CORRECTED:
        return f"corrected the article's text; the claim now reads “{record.text}”"
    if record.is_undo:
        return f"undid a decision (now {record.get_status_display().lower()})"
    if older is None:
        return f"set it {record.get_status_display().lower()}"
    parts = []
    if (record.start, record.end) != (older.start, older.end):
        parts.append(f"moved the span to “{record.text}”")
    if record.normalized != older.normalized:
        parts.append("corrected the reading")
    if record.status != older.status:
        parts.append({"confirmed": "confirmed it", "rejected": "rejected it"}.get(record.status, "reopened it"))
    summary = ", ".join(parts) or "saved it unchanged"
    return f"{summary} (with other claims, in one action)" if record.in_batch else summary


def claims_history(*, claim_ids: list[int]) -> dict[int, list]:
    """Each claim's history, newest first, in one query: who changed what, for the page and for undo."""
    history: dict[int, list] = {claim_id: [] for claim_id in claim_ids}
    records = (
        Claim.history.filter(id__in=claim_ids).select_related("history_user").order_by("-history_date", "-history_id")
    )
    for record in records:
        reason = record.history_change_reason or ""
        record.is_undo, record.in_batch = reason.startswith(UNDO_REASON), reason.startswith(BATCH_REASON)
        history[record.id].append(record)
    for records in history.values():
        for newer, older in zip(records, [*records[1:], None], strict=False):
            newer.summary = history_summary(newer, older)
    return history


PASSAGE_MARGIN = 400


def claim_passage(claim: Claim) -> tuple[str, str, str]:
    """The paragraph holding the claim, cut around it, for the queue's context column: (before, claim, after)."""
    body = claim.article.body
    start = body.rfind("\n", 0, claim.start) + 1
    end = body.find("\n", claim.end)
    end = len(body) if end == -1 else end
    before, after = body[max(start, claim.start - PASSAGE_MARGIN) : claim.start], body[claim.end : end]
    if len(after) > PASSAGE_MARGIN:
        after = after[:PASSAGE_MARGIN] + "…"
    return ("…" if claim.start - start > PASSAGE_MARGIN else "") + before, body[claim.start : claim.end], after


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
