from .api_token import ApiToken
from .claim import Claim, ClaimQuerySet, format_number, quantity_reading
from .comment import ClaimComment
from .fact import Fact, Rating
from .link import ClaimLink
from .webhook import WebhookDelivery, WebhookEvent, WebhookSubscription

__all__ = [
    "ApiToken",
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
