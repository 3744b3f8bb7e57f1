"""An editor corrects an article: its details, or its text, with every claim carried over to the new words.

`articles` stores the new text (audited, hash recomputed); this module, on the claims side, re-anchors each
claim by its quoted words and context (`claims.anchoring`), sends the claims whose words changed back to
the reviewers with a note, lists the ones it cannot find (never moving them on a guess), and queues the
extraction of the changed paragraphs only.
"""

import logging
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from articles.models import Article
from articles.services import article_set_extraction_status, article_update

from ..anchoring import Outcome, Quote, TextCorrection, paragraph_ranges
from ..extraction import EXTRACTOR_VERSION, extract_passages
from ..extraction.spans import CONTEXT_CHARS
from ..models import TEXT_CORRECTED, ArticleCorrection, Claim, ClaimComment
from .extraction import article_queue_extraction, claims_store_candidates
from .wire import articles_queue_wire_copies

logger = logging.getLogger(__name__)
Status = Article.ExtractionStatus
MOVED_FIELDS = ["start", "end", "text", "sentence", "context_before", "context_after", "status", "version", "orphaned"]


@dataclass
class ArticleCorrected:
    """What a correction did: the saved article, and for a new text what became of its claims."""

    article: Article
    extraction_changed: bool = False
    correction: ArticleCorrection | None = None
    changed: list[Claim] = field(default_factory=list)
    lost: list[Claim] = field(default_factory=list)


@transaction.atomic
def article_correct(*, article: Article, user: AbstractBaseUser, note: str = "", **fields) -> ArticleCorrected:
    """Correct an article's details or text (see `article_update`) and bring its claims along.

    A new language or date extracts every claim again; a new text re-anchors the claims and extracts the
    changed paragraphs again. Reviewed, edited, human-made and linked claims are never deleted.
    """
    old_body, old_status = (
        Article.objects.select_for_update().values_list("body", "extraction_status").get(pk=article.pk)
    )
    article, extraction_changed = article_update(article=article, user=user, change_reason=note, **fields)
    result = ArticleCorrected(article=article, extraction_changed=extraction_changed)
    if article.body != old_body:
        result = claims_reanchor(article=article, old_body=old_body, user=user, note=note)
        # Extracting the changed paragraphs alone is enough only if the claims were up to date with the old
        # text; an extraction still to come (or failed) was of an older text, so all of it is extracted again.
        extraction_changed = extraction_changed or old_status != Status.DONE
        result.extraction_changed = extraction_changed
        if not extraction_changed:
            article_queue_passages(correction=result.correction)
    if extraction_changed:
        article_queue_extraction(article=article)
    return result


def claims_reanchor(*, article: Article, old_body: str, user: AbstractBaseUser, note: str = "") -> ArticleCorrected:
    """Carry every claim of the article from its old text to its new one, and record the correction."""
    correction = TextCorrection(old_body, article.body)
    claims = list(Claim.objects.filter(article=article, orphaned=False).order_by("start", "pk"))
    untouched = set(article.claims.filter(orphaned=False).untouched_candidates().values_list("pk", flat=True))
    result = ArticleCorrected(article=article)
    moved, deleted, taken, notes, kept = [], [], set(), {}, 0
    now = timezone.now()
    for claim in claims:
        placement = correction.place(
            Quote(claim.start, claim.end, claim.text, claim.context_before, claim.context_after)
        )
        span = (claim.kind, placement.start, placement.end)
        if placement.outcome == Outcome.LOST or span in taken:
            if claim.pk in untouched:
                deleted.append(claim.pk)  # nobody's work: the re-extraction proposes the new words
                continue
            claim.orphaned = True
            result.lost.append(claim)
            moved.append(claim)
            continue
        taken.add(span)
        if (placement.start, placement.end, placement.text) == (claim.start, claim.end, claim.text):
            kept += 1
            continue
        if placement.outcome == Outcome.CHANGED and claim.pk not in untouched:
            result.changed.append(claim)
            notes[claim.pk] = f"The text was corrected: “{claim.text}” now reads “{placement.text}”. Check its reading."
            claim.status = Claim.Status.CANDIDATE
        claim.sentence = moved_sentence(correction, claim)
        claim.start, claim.end, claim.text = placement.start, placement.end, placement.text
        claim.context_before = article.body[max(0, claim.start - CONTEXT_CHARS) : claim.start]
        claim.context_after = article.body[claim.end : claim.end + CONTEXT_CHARS]
        moved.append(claim)
        if placement.outcome == Outcome.KEPT:
            kept += 1

    Claim.objects.filter(pk__in=deleted).delete()
    for claim in moved:
        # A changed span is a new version: a form read before it is refused, and no older decision is undone over it.
        claim.version += 1
        claim.updated_at = now  # bulk updates skip auto_now
    if moved:
        # Out of the way first (past the end of either text), so no move meets a span not yet moved.
        Claim.objects.filter(pk__in=[claim.pk for claim in moved]).update(
            start=F("start") + len(old_body) + len(article.body) + 1,
            end=F("end") + len(old_body) + len(article.body) + 1,
        )
        bulk_update_with_history(
            moved, Claim, [*MOVED_FIELDS, "updated_at"], default_user=user, default_change_reason=TEXT_CORRECTED
        )
    ClaimComment.objects.bulk_create(
        [ClaimComment(claim=claim, author=user, body=notes[claim.pk]) for claim in result.changed]
    )
    result.correction = ArticleCorrection.objects.create(
        article=article,
        corrected_by=user,
        note=note,
        content_hash=article.content_hash,
        passages=[list(passage) for passage in paragraph_ranges(article.body, correction.changed_ranges())],
        claims_kept=kept,
        claims_changed=len(result.changed),
        claims_lost=len(result.lost),
    )
    return result


def moved_sentence(correction: TextCorrection, claim: Claim) -> str:
    """The claim's sentence as it now reads, found through the same mapping as the claim."""
    start = correction.old.rfind(claim.sentence, 0, claim.start + 1) if claim.sentence else -1
    if start == -1:
        return claim.sentence
    new_start, _ = correction.map_position(start)
    new_end, _ = correction.map_position(start + len(claim.sentence), towards_end=True)
    return correction.new[new_start:new_end].strip() or claim.sentence


def article_queue_passages(*, correction: ArticleCorrection) -> None:
    """Mark the article pending and send the extraction of its corrected paragraphs once this commits."""
    from ..tasks import article_extract_passages as task  # the task module imports this one

    article_set_extraction_status(article=correction.article, status=Status.PENDING)
    correction_id = correction.pk

    def publish() -> None:
        try:
            task.delay(correction_id)
        except Exception:  # any broker failure: the sweep re-queues the pending article (a full extraction)
            logger.warning("Could not queue the extraction of correction %s; the sweep will retry.", correction_id)

    transaction.on_commit(publish)


def article_extract_passages(*, correction_id: int) -> ArticleCorrection | None:
    """Extract the paragraphs a correction changed and merge their candidates. Safe to run twice.

    If the text was corrected again meanwhile, these passages no longer describe it: that later correction
    queued the extraction of the whole text, and this does nothing.
    """
    with transaction.atomic():
        correction = ArticleCorrection.objects.select_related("article").filter(pk=correction_id).first()
        if correction is None or correction.extracted_at is not None:
            return correction
        article = Article.objects.select_for_update().get(pk=correction.article_id)
        if article.content_hash != correction.content_hash:
            return correction  # corrected again since: that correction extracts the whole text (`article_correct`)
        if article.extraction_status not in {Status.PENDING, Status.RUNNING}:
            return correction
        article_set_extraction_status(article=article, status=Status.RUNNING)

    passages = [tuple(passage) for passage in correction.passages]
    records = extract_passages(article.body, passages, language=article.language, published=article.published_on)

    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=correction.article_id)
        if article.content_hash != correction.content_hash:
            return correction  # corrected again while this ran: that correction queued its own work
        claims_store_candidates(
            records_by_article={article: records}, extractor_version=EXTRACTOR_VERSION, within={article.pk: passages}
        )
        if article.extraction_status == Status.RUNNING:
            article_set_extraction_status(article=article, status=Status.DONE, extractor_version=EXTRACTOR_VERSION)
        articles_queue_wire_copies(article_ids=[article.pk])
        correction.extracted_at = timezone.now()
        correction.save(update_fields=["extracted_at"])
    return correction
