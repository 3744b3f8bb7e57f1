"""Writes to claims, links and facts, and the use cases that span articles and claims.

Views, the admin, the API, tasks and commands call these.
"""

from .batches import articles_extract_claims_batch, articles_queue_extraction
from .correction import ArticleCorrected, article_correct, article_extract_passages
from .decisions import claim_undo_last_decision, claims_decide, decision_revert, link_restore
from .desk import article_assign, article_release, article_take, presence_touch
from .extraction import (
    article_extract_claims,
    article_extraction_failed,
    article_queue_extraction,
    article_retry_extraction,
    articles_requeue_stale_extractions,
    claims_store_candidates,
    extraction_queue_reachable,
)
from .links import (
    claim_link,
    claim_unlink,
    fact_set_statement,
    fact_set_verdict,
    fact_statement_propose,
    facts_regroup,
)
from .review import (
    ClaimConflict,
    claim_comment_add,
    claim_confirm,
    claim_create,
    claim_reject,
    claim_revert,
    claim_span_move,
    claim_status_set,
    claim_update,
)
from .submission import article_submit, articles_submit
from .suggestions import (
    articles_queue_link_suggestions,
    articles_suggest_links,
    claims_index_for_linking,
    claims_queue_link_suggestions,
    claims_suggest_links,
    claims_suggest_links_in_turn,
    suggestion_accept,
    suggestion_dismiss,
)
from .webhooks import (
    WebhookDeliveryFailed,
    webhook_deliver,
    webhook_deliveries_requeue_stale,
    webhook_event_publish,
)
from .wire import article_find_wire_copies, articles_find_wire_copies, wire_copy_link_claims

__all__ = [
    "ArticleCorrected",
    "ClaimConflict",
    "WebhookDeliveryFailed",
    "article_assign",
    "article_correct",
    "article_extract_claims",
    "article_extract_passages",
    "article_extraction_failed",
    "article_find_wire_copies",
    "article_queue_extraction",
    "article_release",
    "article_retry_extraction",
    "article_submit",
    "article_take",
    "articles_extract_claims_batch",
    "articles_find_wire_copies",
    "articles_queue_extraction",
    "articles_queue_link_suggestions",
    "articles_requeue_stale_extractions",
    "articles_submit",
    "articles_suggest_links",
    "claim_comment_add",
    "claim_confirm",
    "claim_create",
    "claim_link",
    "claim_reject",
    "claim_revert",
    "claim_span_move",
    "claim_status_set",
    "claim_undo_last_decision",
    "claim_unlink",
    "claim_update",
    "claims_decide",
    "claims_index_for_linking",
    "claims_queue_link_suggestions",
    "claims_store_candidates",
    "claims_suggest_links",
    "claims_suggest_links_in_turn",
    "decision_revert",
    "extraction_queue_reachable",
    "fact_set_statement",
    "fact_set_verdict",
    "fact_statement_propose",
    "facts_regroup",
    "link_restore",
    "presence_touch",
    "suggestion_accept",
    "suggestion_dismiss",
    "webhook_deliver",
    "webhook_deliveries_requeue_stale",
    "webhook_event_publish",
    "wire_copy_link_claims",
]
