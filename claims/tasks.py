"""Celery tasks: thin wrappers that take ids and own only the retry policy."""

from celery import shared_task
from django.db import DatabaseError

from . import services
from .services.webhooks import RETRY_BACKOFF_MAX, WebhookDeliveryFailed


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


@shared_task(ignore_result=True)
def articles_requeue_stale_extractions() -> int:
    return services.articles_requeue_stale_extractions()


# About two hours of retries (30 s, 1 min, 2 min … then hourly) before a delivery is marked failed.
@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(WebhookDeliveryFailed, DatabaseError),
    retry_backoff=30,
    retry_backoff_max=RETRY_BACKOFF_MAX,
    retry_jitter=True,
    max_retries=8,
)
def webhook_deliver(self, delivery_id: int) -> None:
    services.webhook_deliver(delivery_id=delivery_id, last_attempt=self.request.retries >= self.max_retries)


@shared_task(ignore_result=True)
def webhook_deliveries_requeue_stale() -> int:
    return services.webhook_deliveries_requeue_stale()
