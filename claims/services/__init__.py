"""Writes to claims, links and facts. Views, the admin, the API, tasks and commands call these."""

from .api_tokens import api_token_create
from .batches import articles_extract_claims_batch, articles_import, articles_queue_extraction_batch
from .extraction import (
    article_create_and_queue,
    article_extract_claims,
    article_extraction_failed,
    article_queue_extraction,
    article_retry_extraction,
    article_update_and_requeue,
    articles_requeue_stale_extractions,
    claims_store_candidates,
    extraction_queue_reachable,
)
from .intake import articles_create_and_queue
from .links import claim_link, claim_unlink, fact_set_verdict, facts_regroup
from .review import (
    ClaimConflict,
    claim_comment_add,
    claim_confirm,
    claim_create,
    claim_reject,
    claim_revert,
    claim_review,
    claim_undo_last_decision,
    claim_update,
)
from .webhooks import (
    WebhookDeliveryFailed,
    webhook_deliver,
    webhook_deliveries_requeue_stale,
    webhook_event_publish,
)

__all__ = [
    "ClaimConflict",
    "WebhookDeliveryFailed",
    "api_token_create",
    "article_create_and_queue",
    "article_extract_claims",
    "article_extraction_failed",
    "article_queue_extraction",
    "article_retry_extraction",
    "article_update_and_requeue",
    "articles_create_and_queue",
    "articles_extract_claims_batch",
    "articles_import",
    "articles_queue_extraction_batch",
    "articles_requeue_stale_extractions",
    "claim_comment_add",
    "claim_confirm",
    "claim_create",
    "claim_link",
    "claim_reject",
    "claim_revert",
    "claim_review",
    "claim_undo_last_decision",
    "claim_unlink",
    "claim_update",
    "claims_store_candidates",
    "extraction_queue_reachable",
    "fact_set_verdict",
    "facts_regroup",
    "webhook_deliver",
    "webhook_deliveries_requeue_stale",
    "webhook_event_publish",
]
