"""Events sent to the newsroom tools' webhooks: recorded with the change, POSTed by a worker after commit.

A subscriber checks `X-Tracker-Signature: sha256=<hex>`, the HMAC-SHA256 of the raw body keyed with its
secret, and may drop a repeated `X-Tracker-Delivery` (a retry after a lost answer sends the same event again).
"""

import hashlib
import hmac
import json
import logging
from datetime import timedelta

import requests
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from ..models import Claim, ClaimLink, WebhookDelivery, WebhookEvent, WebhookSubscription

logger = logging.getLogger(__name__)
Status = WebhookDelivery.Status
SIGNATURE_HEADER = "X-Tracker-Signature"
RETRY_BACKOFF_MAX = 3600  # seconds between the last retries of a delivery


class WebhookDeliveryFailed(Exception):
    """The subscriber did not take the event (an error or a non-2xx answer); the task retries later."""


def webhook_signature(*, secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def webhook_event_publish(*, event: str, data: dict) -> list[WebhookDelivery]:
    """Log the event for every active subscriber, and send it once the surrounding transaction commits.

    Nothing here talks to a subscriber, so a slow or dead one never slows down the reviewer's click.
    """
    subscription_ids = list(WebhookSubscription.objects.filter(is_active=True).values_list("pk", flat=True))
    deliveries = [WebhookDelivery(subscription_id=pk, event=event, payload={}) for pk in subscription_ids]
    for delivery in deliveries:
        delivery.payload = {
            "id": str(delivery.uuid),
            "event": event,
            "created_at": timezone.now().isoformat(),
            "data": data,
        }
    deliveries = WebhookDelivery.objects.bulk_create(deliveries)
    if deliveries:
        transaction.on_commit(lambda ids=[d.pk for d in deliveries]: webhook_deliveries_queue(delivery_ids=ids))
    return deliveries


def claim_confirmed_publish(*, claim: Claim) -> None:
    if claim.status == Claim.Status.CONFIRMED:
        data = {"claim": claim.pk, "article": claim.article_id, "version": claim.version, "fact": claim.fact_id}
        webhook_event_publish(event=WebhookEvent.CLAIM_CONFIRMED, data=data)


def link_created_publish(*, link: ClaimLink) -> None:
    data = {"link": link.pk, "relation": link.relation, "from_claim": link.from_claim_id, "to_claim": link.to_claim_id}
    webhook_event_publish(event=WebhookEvent.LINK_CREATED, data=data)


def fact_changed_publish(*, fact_ids: set[int]) -> None:
    """One event per fact whose claims or verdict changed; a fact that no longer exists answers 404 in the API."""
    for fact_id in sorted(fact_ids):
        webhook_event_publish(event=WebhookEvent.FACT_CHANGED, data={"fact": fact_id})


def webhook_deliveries_queue(*, delivery_ids: list[int]) -> None:
    from ..tasks import webhook_deliver as task  # the task module imports this one

    for delivery_id in delivery_ids:
        try:
            task.delay(delivery_id)
        except Exception:  # any broker failure: the row is the truth and the sweep retries
            logger.warning("Could not queue webhook delivery %s; the sweep will retry.", delivery_id)


def webhook_deliver(*, delivery_id: int, last_attempt: bool = False) -> WebhookDelivery | None:
    """POST one logged event to its subscriber. Safe to run twice: a delivered event is not sent again."""
    delivery = WebhookDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != Status.PENDING:
        return delivery
    body = json.dumps(delivery.payload, cls=DjangoJSONEncoder).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "fact-tracker-webhooks/1",
        "X-Tracker-Event": delivery.event,
        "X-Tracker-Delivery": str(delivery.uuid),
        SIGNATURE_HEADER: webhook_signature(secret=delivery.subscription.secret, body=body),
    }
    response_status, error = None, ""
    try:
        response = requests.post(
            delivery.subscription.url,
            data=body,
            headers=headers,
            timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
            allow_redirects=False,
        )
        response_status = response.status_code
        if not 200 <= response.status_code < 300:
            error = f"The subscriber answered HTTP {response.status_code}."
    except requests.RequestException as exc:
        error = f"{type(exc).__name__}: {exc}"[:2000]

    now = timezone.now()
    status = (Status.FAILED if last_attempt else Status.PENDING) if error else Status.DELIVERED
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=status,
        attempts=F("attempts") + 1,
        response_status=response_status,
        error=error,
        last_attempt_at=now,
        delivered_at=now if status == Status.DELIVERED else None,
    )
    if error and not last_attempt:
        raise WebhookDeliveryFailed(error)
    delivery.refresh_from_db()
    return delivery


def webhook_deliveries_requeue_stale() -> int:
    """Queue again the pending deliveries whose message was lost (Redis was down when they were logged or retried).

    A retry waits at most `RETRY_BACKOFF_MAX` seconds, so a pending delivery untried for twice that has no message.
    """
    now = timezone.now()
    never_tried = Q(
        last_attempt_at__isnull=True, created_at__lt=now - timedelta(seconds=settings.WEBHOOK_STALE_AFTER_SECONDS)
    )
    retry_lost = Q(last_attempt_at__lt=now - timedelta(seconds=2 * RETRY_BACKOFF_MAX))
    stale = WebhookDelivery.objects.filter(never_tried | retry_lost, status=Status.PENDING)
    delivery_ids = list(stale.values_list("pk", flat=True)[:500])
    webhook_deliveries_queue(delivery_ids=delivery_ids)
    return len(delivery_ids)
