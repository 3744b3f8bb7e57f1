from .articles import article_edit, article_list, article_retry, article_upload
from .dashboard import dashboard
from .decisions import (
    claim_card,
    claim_comment,
    claim_create,
    claim_decide,
    claim_edit,
    claim_revert,
    claim_span,
    claim_undo,
    claims_decide,
)
from .desk import (
    article_assign,
    article_presence,
    article_release,
    article_take,
    my_queue,
    queue_presence,
    wire_copy_link,
)
from .facts import fact_detail, fact_list, fact_statement, fact_verdict
from .queue import review_queue
from .reader import article_reader, claim_context
from .related import claim_link, claim_related, link_delete, link_restore
from .suggestions import suggestion_accept, suggestion_dismiss, suggestion_list

__all__ = [
    "article_assign",
    "article_edit",
    "article_list",
    "article_presence",
    "article_reader",
    "article_release",
    "article_retry",
    "article_take",
    "article_upload",
    "claim_card",
    "claim_comment",
    "claim_context",
    "claim_create",
    "claim_decide",
    "claim_edit",
    "claim_link",
    "claim_related",
    "claim_revert",
    "claim_span",
    "claim_undo",
    "claims_decide",
    "dashboard",
    "fact_detail",
    "fact_list",
    "fact_statement",
    "fact_verdict",
    "link_delete",
    "link_restore",
    "my_queue",
    "queue_presence",
    "review_queue",
    "suggestion_accept",
    "suggestion_dismiss",
    "suggestion_list",
    "wire_copy_link",
]
