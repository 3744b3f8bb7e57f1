"""Writes to claims, links and facts. Views, the admin, the API, tasks and commands call these."""

from .batches import articles_extract_claims_batch, articles_import, articles_queue_extraction_batch
from .extraction import (
    article_create_and_queue,
    article_extract_claims,
    article_queue_extraction,
    articles_requeue_stale_extractions,
    claims_store_candidates,
)
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

__all__ = [
    "ClaimConflict",
    "article_create_and_queue",
    "article_extract_claims",
    "article_queue_extraction",
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
    "fact_set_verdict",
    "facts_regroup",
]
