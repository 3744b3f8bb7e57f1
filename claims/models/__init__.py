from .claim import Claim, ClaimQuerySet, format_number, quantity_reading
from .comment import ClaimComment
from .correction import TEXT_CORRECTED, ArticleCorrection
from .desk import ArticleAssignment, ReviewPresence
from .fact import Fact, Rating
from .link import ClaimLink
from .webhook import WebhookDelivery, WebhookEvent, WebhookSubscription
from .wire import ArticleFingerprint, FingerprintBand, WireCopy

__all__ = [
    "TEXT_CORRECTED",
    "ArticleAssignment",
    "ArticleCorrection",
    "ArticleFingerprint",
    "Claim",
    "ClaimComment",
    "ClaimLink",
    "ClaimQuerySet",
    "Fact",
    "FingerprintBand",
    "Rating",
    "ReviewPresence",
    "WebhookDelivery",
    "WebhookEvent",
    "WebhookSubscription",
    "WireCopy",
    "format_number",
    "quantity_reading",
]
