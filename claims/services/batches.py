"""Extraction at archive scale: import many articles, queue them in batches, extract a batch in one pass.

A batch runs the model once over all its texts (`nlp.pipe`) and writes every new claim with one bulk
insert, so a worker's cost per article stays close to spaCy's own. The single-article path in
`extraction.py` remains the one an upload takes.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from articles.models import Article
from articles.services import ArticleDraft, BulkCreateResult, articles_create_bulk, articles_set_extraction_status

from ..extraction import EXTRACTOR_VERSION, ClaimRecord, Document, extract_documents
from ..models import Claim
from .extraction import article_extract_claims, claim_from_record, claims_store_candidates

logger = logging.getLogger(__name__)
Status = Article.ExtractionStatus


def articles_queue_extraction_batch(*, articles: list[Article]) -> None:
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
                task.delay(batch)
            except Exception:  # any broker failure: the rows are the truth and the sweep retries
                logger.warning("Could not queue extraction of %s articles; the sweep will retry.", len(batch))

    transaction.on_commit(publish)


@transaction.atomic
def articles_import(*, drafts: list[ArticleDraft], uploaded_by: AbstractBaseUser | None = None) -> BulkCreateResult:
    """Store a batch of articles (see `articles_create_bulk`) and queue the new ones' extraction."""
    result = articles_create_bulk(drafts=drafts, uploaded_by=uploaded_by)
    if result.created:
        articles_queue_extraction_batch(articles=result.created)
    return result


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
    except Exception:
        logger.exception("Batch extraction of %s articles failed; extracting them one by one", len(to_run))
        for article in to_run:
            article_extract_claims(article_id=article.pk)
        return [article.pk for article in to_run]

    records_by_id = {article.pk: records for article, records in zip(to_run, extracted, strict=True)}
    with transaction.atomic():
        articles = list(Article.objects.select_for_update().filter(pk__in=list(records_by_id)).order_by("pk"))
        claims_store_batch(articles=articles, records_by_id=records_by_id)
        # One re-queued by the sweep meanwhile (pending) is left to its own task, which will merge again.
        running = [article for article in articles if article.extraction_status == Status.RUNNING]
        articles_set_extraction_status(articles=running, status=Status.DONE, extractor_version=EXTRACTOR_VERSION)
    return list(records_by_id)


def claims_store_batch(*, articles: list[Article], records_by_id: dict[int, list[ClaimRecord]]) -> None:
    """Articles without claims get theirs in one bulk insert; the others go through the careful merge
    (`claims_store_candidates`) that keeps reviewers' work."""
    with_claims = set(Claim.objects.filter(article__in=articles).values_list("article_id", flat=True).distinct())
    new_claims = []
    for article in articles:
        records = records_by_id[article.pk]
        if article.pk in with_claims:
            claims_store_candidates(article=article, records=records, extractor_version=EXTRACTOR_VERSION)
            continue
        spans: dict[tuple, ClaimRecord] = {}
        for record in records:
            spans.setdefault((record.kind, record.start, record.end), record)
        new_claims.extend(
            claim_from_record(article=article, record=record, extractor_version=EXTRACTOR_VERSION)
            for record in spans.values()
        )
    # ignore_conflicts: a racing worker may have stored the same span a moment ago.
    Claim.objects.bulk_create(new_claims, batch_size=1000, ignore_conflicts=True)
