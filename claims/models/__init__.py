from .claim import BATCH_REASON, UNDO_REASON, Claim, ClaimQuerySet, date_reading, format_number, quantity_reading
from .comment import ClaimComment
from .correction import TEXT_CORRECTED, ArticleCorrection
from .desk import ArticleAssignment, ReviewPresence
from .fact import Fact, Rating
from .link import ClaimLink
from .suggestion import ClaimEntityKey, ClaimLinkKey, Suggestion
from .webhook import WebhookDelivery, WebhookEvent, WebhookSubscription
from .wire import ArticleFingerprint, FingerprintBand, WireCopy

__all__ = [
    "BATCH_REASON",
    "TEXT_CORRECTED",
    "UNDO_REASON",
    "ArticleAssignment",
    "ArticleCorrection",
    "ArticleFingerprint",
    "Claim",
    "ClaimComment",
    "ClaimEntityKey",
    "ClaimLink",
    "ClaimLinkKey",
    "ClaimQuerySet",
    "Fact",
    "FingerprintBand",
    "Rating",
    "ReviewPresence",
    "Suggestion",
    "WebhookDelivery",
    "WebhookEvent",
    "WebhookSubscription",
    "WireCopy",
    "date_reading",
    "format_number",
    "quantity_reading",
]
