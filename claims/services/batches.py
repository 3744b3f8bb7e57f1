"""Extraction at archive scale: queue many articles in batches, extract a batch in one pass.

A batch runs the model once over all its texts (`nlp.pipe`) and writes every new claim with one bulk
insert, so a worker's cost per article stays close to spaCy's own. Every submission takes it; the single-article
path in `extraction.py` is the one a retry, an edited article and the sweep take.
"""

import logging
from collections.abc import Iterable

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import transaction

from articles.models import Article
from articles.services import articles_set_extraction_status

from ..extraction import EXTRACTOR_VERSION, Document, extract_documents
from .extraction import (
    article_extract_claims,
    article_queue_extraction,
    claims_store_candidates,
    extraction_time_limits,
)
from .suggestions import articles_queue_link_suggestions
from .wire import articles_queue_wire_copies

logger = logging.getLogger(__name__)
Status = Article.ExtractionStatus


def articles_queue_extraction(*, articles: list[Article]) -> None:
    """Mark the articles pending and, once the transaction commits, send them in batches of
    `EXTRACTION_BATCH_SIZE` ids. A batch the broker refuses stays pending for the sweep, as in
    `article_queue_extraction`."""
    from ..tasks import articles_extract_claims_batch as task  # the task module imports this one

    articles_set_extraction_status(articles=articles, status=Status.PENDING)
    article_ids = [article.pk for article in articles]
    size = settings.EXTRACTION_BATCH_SIZE

    def publish() -> None:
        for offset in range(0, len(article_ids), size):
            batch = article_ids[offset : offset + size]
            try:
                task.apply_async((batch,), **extraction_time_limits())
            except Exception:  # any broker failure: the rows are the truth and the sweep retries
                logger.warning("Could not queue extraction of %s articles; the sweep will retry.", len(batch))

    transaction.on_commit(publish)


def articles_extract_claims_batch(*, article_ids: Iterable[int]) -> list[int]:
    """Extract a batch of articles in one `nlp.pipe` pass and store their candidates.

    Safe to run twice or concurrently with the single-article path: articles already done or failed
    are skipped, and storing is the same idempotent merge. If the batch
    as a whole fails, each article is retried alone, so one unreadable text fails only itself.
    Returns the ids it extracted.
    """
    with transaction.atomic():
        articles = list(Article.objects.select_for_update().filter(pk__in=list(article_ids)).order_by("pk"))
        # Pending, or running under a worker that died: done and failed ones wait for an explicit re-queue.
        startable = {status for status, following in Article.ALLOWED_TRANSITIONS.items() if Status.RUNNING in following}
        to_run = [article for article in articles if article.extraction_status in startable]
        if not to_run:
            return []
        articles_set_extraction_status(articles=to_run, status=Status.RUNNING)

    documents = [Document(article.body, article.language, article.published_on) for article in to_run]
    try:
        extracted = list(extract_documents(documents, batch_size=len(documents)))
    except SoftTimeLimitExceeded:
        # The batch ran out of time: each article gets a task (and a time limit) of its own, so the one
        # too long to extract fails alone and the others are extracted.
        logger.warning("Batch extraction of %s articles ran out of time; queuing them one by one", len(to_run))
        with transaction.atomic():
            for article in Article.objects.select_for_update().filter(pk__in=[article.pk for article in to_run]):
                if article.extraction_status == Status.RUNNING:
                    article_queue_extraction(article=article)
        return []
    except Exception:
        logger.exception("Batch extraction of %s articles failed; extracting them one by one", len(to_run))
        for article in to_run:
            article_extract_claims(article_id=article.pk)
        return [article.pk for article in to_run]

    records_by_id = {article.pk: records for article, records in zip(to_run, extracted, strict=True)}
    extracted_hashes = {article.pk: article.content_hash for article in to_run}
    with transaction.atomic():
        articles = list(Article.objects.select_for_update().filter(pk__in=list(records_by_id)).order_by("pk"))
        # A text corrected meanwhile is left to the correction's own extraction.
        articles = [article for article in articles if article.content_hash == extracted_hashes[article.pk]]
        claims_store_candidates(
            records_by_article={article: records_by_id[article.pk] for article in articles},
            extractor_version=EXTRACTOR_VERSION,
        )
        # One re-queued by the sweep meanwhile (pending) is left to its own task, which will merge again.
        running = [article for article in articles if article.extraction_status == Status.RUNNING]
        articles_set_extraction_status(articles=running, status=Status.DONE, extractor_version=EXTRACTOR_VERSION)
        articles_queue_link_suggestions(article_ids=list(records_by_id))
        articles_queue_wire_copies(article_ids=[article.pk for article in articles])
    return list(records_by_id)
