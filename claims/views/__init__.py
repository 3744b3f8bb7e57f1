from .articles import article_edit, article_list, article_retry, article_upload
from .dashboard import dashboard
from .decisions import (
    claim_card,
    claim_comment,
    claim_create,
    claim_decide,
    claim_edit,
    claim_revert,
    claim_undo,
    link_delete,
)
from .facts import fact_detail, fact_list, fact_verdict
from .queue import review_queue
from .reader import article_reader
from .related import claim_link, claim_related
from .suggestions import suggestion_accept, suggestion_dismiss, suggestion_list

__all__ = [
    "article_edit",
    "article_list",
    "article_reader",
    "article_retry",
    "article_upload",
    "claim_card",
    "claim_comment",
    "claim_create",
    "claim_decide",
    "claim_edit",
    "claim_link",
    "claim_related",
    "claim_revert",
    "claim_undo",
    "dashboard",
    "fact_detail",
    "fact_list",
    "fact_verdict",
    "link_delete",
    "review_queue",
    "suggestion_accept",
    "suggestion_dismiss",
    "suggestion_list",
]
