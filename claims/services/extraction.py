"""The extraction steps: queue an article, run the extractor, merge its candidates into the claims."""

import logging
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from articles.models import Article
from articles.services import article_set_extraction_status
from core.selectors import broker_reachable

from ..extraction import EXTRACTOR_VERSION, ClaimRecord, extract
from ..models import Claim
from .candidate_rows import claims_insert
from .suggestions import articles_queue_link_suggestions
from .wire import articles_queue_wire_copies

logger = logging.getLogger(__name__)
Status = Article.ExtractionStatus


def article_queue_extraction(*, article: Article) -> None:
    """Mark the article pending and send its extraction to a worker once the transaction commits.

    If the broker is unreachable the article simply stays pending: the periodic sweep
    (`articles_requeue_stale_extractions`) sends it again, so nothing accepted is lost.
    """
    from ..tasks import article_extract_claims as task  # the task module imports this one

    article_set_extraction_status(article=article, status=Status.PENDING)
    article_id = article.pk

    def publish() -> None:
        try:
            task.apply_async((article_id,), **extraction_time_limits())
        except Exception:  # any broker failure: the row is the truth and the sweep retries
            logger.warning("Could not queue extraction of article %s; the sweep will retry.", article_id)

    transaction.on_commit(publish)


def extraction_time_limits() -> dict[str, int]:
    """The soft and hard time limits an extraction message carries (the worker enforces them)."""
    return {
        "soft_time_limit": settings.EXTRACTION_SOFT_TIME_LIMIT_SECONDS,
        "time_limit": settings.EXTRACTION_HARD_TIME_LIMIT_SECONDS,
    }


def extraction_queue_reachable() -> bool:
    """Whether the broker answers now, so an editor can be told their extraction will wait for it."""
    return broker_reachable(timeout_seconds=2)


@transaction.atomic
def article_retry_extraction(*, article_id: int) -> Article:
    """Queue again an extraction that failed for good (the Retry button)."""
    article = Article.objects.select_for_update().get(pk=article_id)
    if article.extraction_status != Status.FAILED:
        raise ValidationError(
            f"Only a failed extraction can be retried; this one is {article.get_extraction_status_display().lower()}."
        )
    article_queue_extraction(article=article)
    return article


@transaction.atomic
def article_extraction_failed(*, article_id: int, reason: str) -> Article | None:
    """Mark an extraction failed for good once its task has used up its retries, with a reason for people."""
    article = Article.objects.select_for_update().filter(pk=article_id).first()
    if article is None or article.extraction_status not in {Status.PENDING, Status.RUNNING}:
        return article
    return article_set_extraction_status(article=article, status=Status.FAILED, error=reason)


def articles_requeue_stale_extractions(*, stale_after_seconds: int | None = None) -> int:
    """Re-send extractions left pending or running past the timeout (a lost message or a dead worker)."""
    if stale_after_seconds is None:
        stale_after_seconds = settings.EXTRACTION_STALE_AFTER_SECONDS
    cutoff = timezone.now() - timedelta(seconds=stale_after_seconds)
    stale_ids = list(Article.objects.stale_extractions(older_than=cutoff).values_list("pk", flat=True)[:500])
    for article_id in stale_ids:
        with transaction.atomic():
            article = Article.objects.select_for_update().get(pk=article_id)
            if article.extraction_status in {Status.PENDING, Status.RUNNING}:
                article_queue_extraction(article=article)
    return len(stale_ids)


def article_extract_claims(*, article_id: int) -> Article | None:
    """Run the extractor on one article and store its candidates. Safe to run twice or concurrently."""
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None:
            return None
        if article.extraction_status == Status.DONE and article.extractor_version == EXTRACTOR_VERSION:
            return article  # a duplicate message: the work is done
        if article.extraction_status == Status.FAILED:
            return article  # failed for good; only an explicit retry re-queues it
        article_set_extraction_status(article=article, status=Status.RUNNING)

    try:
        records = extract(article.body, language=article.language, published=article.published_on)
    except Exception as error:
        logger.exception("Extraction of article %s failed", article_id)
        if isinstance(error, SoftTimeLimitExceeded):
            reason = (
                "The extraction took longer than its time limit and was stopped so that other articles do not "
                "wait; split the article into shorter ones, then retry."
            )
        else:
            reason = f"The extractor could not read this article ({type(error).__name__}: {error})."
        return article_extraction_failed(article_id=article_id, reason=reason)

    extracted_hash = article.content_hash
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article_id)
        if article.content_hash != extracted_hash:
            return article  # its text was corrected meanwhile: the correction queued the work on the new text
        claims_store_candidates(records_by_article={article: records}, extractor_version=EXTRACTOR_VERSION)
        if article.extraction_status != Status.DONE:
            article_set_extraction_status(article=article, status=Status.DONE, extractor_version=EXTRACTOR_VERSION)
        articles_queue_link_suggestions(article_ids=[article.pk])
        articles_queue_wire_copies(article_ids=[article.pk])
    return article


def span_within(start: int, end: int, passages: list[tuple[int, int]]) -> bool:
    return any(first <= start and end <= last for first, last in passages)


CANDIDATE_FIELDS = [
    "text",
    "sentence",
    "context_before",
    "context_after",
    "normalized",
    "negated",
    "hypothetical",
    "reported",
    "entities",
    "rule",
    "confidence",
    "extractor_version",
]


def candidate_values(*, record: ClaimRecord, extractor_version: str) -> dict:
    """A record's columns as a machine candidate, by attribute name."""
    return {
        "kind": record.kind,
        "start": record.start,
        "end": record.end,
        "text": record.text,
        "sentence": record.sentence,
        "context_before": record.context_before,
        "context_after": record.context_after,
        "normalized": record.fields,
        "negated": record.negated,
        "hypothetical": record.hypothetical,
        "reported": record.reported,
        "entities": [entity.as_dict() for entity in record.entities],
        "rule": record.rule,
        "confidence": record.confidence,
        "extractor_version": extractor_version,
        "origin": Claim.Origin.MACHINE,
    }


def claims_record_creation(*, articles: list[Article]) -> None:
    """Give the articles' claims that have no history yet their first entry ("+", by nobody), so undoing
    a first decision restores a bulk-created candidate.

    bulk_create skips simple-history's save hook; building the history rows in Python
    (`bulk_history_create`) cost more than storing the claims. One INSERT … SELECT copies the tracked
    columns inside the database instead, whatever the number of articles and claims.
    """
    if not articles:
        return
    history = Claim.history.model
    quote = connection.ops.quote_name
    tracked = [field.column for field in history._meta.concrete_fields if not field.name.startswith("history_")]
    columns = ", ".join(quote(column) for column in tracked)
    placeholders = ", ".join(["%s"] * len(articles))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(history._meta.db_table)} ({columns}, {quote('history_date')}, "  # noqa: S608  # nosec B608: names from the models, values bound
            f"{quote('history_type')}, {quote('history_change_reason')}, {quote('history_user_id')}) "
            f"SELECT {columns}, %s, %s, NULL, NULL FROM {quote(Claim._meta.db_table)} AS claim "
            f"WHERE claim.{quote('article_id')} IN ({placeholders}) AND NOT EXISTS "
            f"(SELECT 1 FROM {quote(history._meta.db_table)} AS entry WHERE entry.{quote('id')} = claim.{quote('id')})",
            [timezone.now(), "+", *(article.pk for article in articles)],
        )


@transaction.atomic
def claims_store_candidates(
    *,
    records_by_article: dict[Article, list[ClaimRecord]],
    extractor_version: str,
    within: dict[int, list[tuple[int, int]]] | None = None,
) -> dict:
    """Merge a fresh extraction into each article's claims without destroying human work.

    The one way candidates are stored, for one article or a batch. Reviewed, edited, human-made and
    linked claims are kept as they are; an untouched candidate at the same span is refreshed; new spans
    are added, each with its first history entry; untouched candidates the extractor no longer finds
    are dropped. With `within` (article id to passages), only the claims inside those passages are
    merged: the records were extracted from those passages alone. Orphaned claims (lost in a correction)
    are left for their reviewer. The query count does not depend on the number of articles.
    """
    articles = list(records_by_article)
    existing: dict[tuple, Claim] = {
        (claim.article_id, claim.kind, claim.start, claim.end): claim
        for claim in Claim.objects.filter(article__in=articles, orphaned=False)
        if within is None or span_within(claim.start, claim.end, within.get(claim.article_id, []))
    }
    untouched_ids = (
        set(Claim.objects.filter(article__in=articles).untouched_candidates().values_list("pk", flat=True))
        if existing
        else set()
    )
    fresh: dict[tuple, dict] = {}
    for article, records in records_by_article.items():
        for record in records:
            key = (article.pk, record.kind, record.start, record.end)
            if key not in fresh:
                fresh[key] = {
                    "article_id": article.pk,
                    **candidate_values(record=record, extractor_version=extractor_version),
                }

    to_create, to_update = [], []
    now = timezone.now()
    for key, candidate in fresh.items():
        claim = existing.get(key)
        if claim is None:
            to_create.append(candidate)
        elif claim.pk in untouched_ids:
            for name in CANDIDATE_FIELDS:
                setattr(claim, name, candidate[name])
            claim.updated_at = now  # bulk_update skips auto_now
            to_update.append(claim)
    dropped_ids = [claim.pk for key, claim in existing.items() if key not in fresh and claim.pk in untouched_ids]

    if dropped_ids:
        Claim.objects.filter(pk__in=dropped_ids).delete()
    if to_update:
        Claim.objects.bulk_update(to_update, [*CANDIDATE_FIELDS, "updated_at"], batch_size=1000)
    claims_insert(rows=to_create)
    if to_create:
        claims_record_creation(articles=articles)
    return {"created": len(to_create), "refreshed": len(to_update), "dropped": len(dropped_ids)}
