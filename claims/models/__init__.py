from .claim import Claim, ClaimQuerySet, format_number, quantity_reading
from .comment import ClaimComment
from .fact import Fact, Rating
from .link import ClaimLink

__all__ = ["Claim", "ClaimComment", "ClaimLink", "ClaimQuerySet", "Fact", "Rating", "format_number", "quantity_reading"]
