from .claim import BATCH_REASON, UNDO_REASON, Claim, ClaimQuerySet, format_number, quantity_reading
from .comment import ClaimComment
from .fact import Fact, Rating
from .link import ClaimLink
from .suggestion import ClaimEntityKey, ClaimLinkKey, Suggestion
from .webhook import WebhookDelivery, WebhookEvent, WebhookSubscription

__all__ = [
    "BATCH_REASON",
    "UNDO_REASON",
    "Claim",
    "ClaimComment",
    "ClaimEntityKey",
    "ClaimLink",
    "ClaimLinkKey",
    "ClaimQuerySet",
    "Fact",
    "Rating",
    "Suggestion",
    "WebhookDelivery",
    "WebhookEvent",
    "WebhookSubscription",
    "format_number",
    "quantity_reading",
]
