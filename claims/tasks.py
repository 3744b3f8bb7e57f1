"""Celery tasks: thin wrappers that take ids and own only the retry policy."""

from celery import Task, shared_task
from celery.signals import worker_init
from celery.worker import WorkController
from celery.worker.request import Request
from django.conf import settings
from django.db import DatabaseError

from . import services
from .extraction.nlp import load_trained_pipelines
from .services.webhooks import RETRY_BACKOFF_MAX, WebhookDeliveryFailed

# A database that is briefly down or locked is worth waiting for; a bug in the extractor is not (the service
# marks the article failed at once). A message is acknowledged only once its work is stored.
EXTRACTION_RETRIES = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (DatabaseError,),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "max_retries": 8,
}


@worker_init.connect
def prepare_extraction_worker(sender: WorkController, **_) -> None:
    # In the main process, before the pool forks: every pool process starts with the pipelines already loaded
    # and shares their memory, and one replaced after a time limit is ready at once (a process that loads them
    # itself outlasts the pool's few seconds to report ready, and is killed and replaced again and again).
    # Only where extractions run (the queue their tasks are routed to): a worker started with -Q light never
    # loads a model.
    if settings.CELERY_TASK_ROUTES[article_extract_claims.name]["queue"] in sender.app.amqp.queues.consume_from:
        load_trained_pipelines()


class ExtractionRequest(Request):
    def on_timeout(self, soft, timeout):
        super().on_timeout(soft, timeout)
        if not soft:
            # The pool killed the process mid-extraction, so the task's own failure handling never ran: without
            # this the article would stay running, and the sweep would send it to be killed again and again.
            article_id = self.kwargs.get("article_id", self.args[0] if self.args else None)
            reason = "The extraction took longer than its hard time limit and was stopped; split the article."
            services.article_extraction_failed(article_id=article_id, reason=reason)


class ExtractionTask(Task):
    Request = ExtractionRequest

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Called once the retries are used up (never between them): the article must not stay "running".
        article_id = kwargs.get("article_id", args[0] if args else None)
        reason = f"The extraction kept failing ({type(exc).__name__}: {exc}); retry it later."
        services.article_extraction_failed(article_id=article_id, reason=reason)


@shared_task(base=ExtractionTask, **EXTRACTION_RETRIES)
def article_extract_claims(article_id: int) -> None:
    services.article_extract_claims(article_id=article_id)


@shared_task(**EXTRACTION_RETRIES)
def article_extract_passages(correction_id: int) -> None:
    services.article_extract_passages(correction_id=correction_id)


@shared_task(**EXTRACTION_RETRIES)
def articles_extract_claims_batch(article_ids: list[int]) -> None:
    services.articles_extract_claims_batch(article_ids=article_ids)


@shared_task(ignore_result=True)
def articles_requeue_stale_extractions(stale_after_seconds: int | None = None) -> int:
    return services.articles_requeue_stale_extractions(stale_after_seconds=stale_after_seconds)


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


# On the light queue (the default): linking is quick next to extraction and must not wait behind it.
@shared_task(acks_late=True, autoretry_for=(DatabaseError,), retry_backoff=True, retry_backoff_max=300, max_retries=8)
def articles_suggest_links(article_ids: list[int]) -> int:
    return services.articles_suggest_links(article_ids=article_ids)


@shared_task(acks_late=True, autoretry_for=(DatabaseError,), retry_backoff=True, retry_backoff_max=300, max_retries=8)
def claims_suggest_links(claim_ids: list[int]) -> int:
    return services.claims_suggest_links_in_turn(claim_ids=claim_ids)


@shared_task(acks_late=True, autoretry_for=(DatabaseError,), retry_backoff=True, retry_backoff_max=300, max_retries=8)
def articles_find_wire_copies(article_ids: list[int]) -> None:
    services.articles_find_wire_copies(article_ids=article_ids)
