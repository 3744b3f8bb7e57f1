from .claim import BATCH_REASON, UNDO_REASON, Claim, ClaimQuerySet, format_number, quantity_reading
from .comment import ClaimComment
from .fact import Fact, Rating
from .link import ClaimLink
from .webhook import WebhookDelivery, WebhookEvent, WebhookSubscription

__all__ = [
    "BATCH_REASON",
    "UNDO_REASON",
    "Claim",
    "ClaimComment",
    "ClaimLink",
    "ClaimQuerySet",
    "Fact",
    "Rating",
    "WebhookDelivery",
    "WebhookEvent",
    "WebhookSubscription",
    "format_number",
    "quantity_reading",
]
