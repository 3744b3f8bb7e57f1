from .claim import Claim, ClaimQuerySet, format_number, quantity_reading
from .comment import ClaimComment
from .fact import Fact, Rating
from .link import ClaimLink
from .webhook import WebhookDelivery, WebhookEvent, WebhookSubscription

__all__ = [
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
