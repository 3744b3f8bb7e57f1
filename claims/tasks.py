"""Celery tasks: thin wrappers that take ids and own only the retry policy."""

from celery import shared_task
from django.db import DatabaseError

from . import services


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=8,
)
def article_extract_claims(article_id: int) -> None:
    services.article_extract_claims(article_id=article_id)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=8,
)
def articles_extract_claims_batch(article_ids: list[int]) -> None:
    services.articles_extract_claims_batch(article_ids=article_ids)


@shared_task(ignore_result=True)
def articles_requeue_stale_extractions() -> int:
    return services.articles_requeue_stale_extractions()
