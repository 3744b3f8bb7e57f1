from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from .claim import Claim


class ClaimLink(models.Model):
    """A reviewer's statement that two claims from different articles relate."""

    class Relation(models.TextChoices):
        SAME_AS = "same_as", "Same claim"
        SUPPORTS = "supports", "Supports"
        CONTRADICTS = "contradicts", "Contradicts"
        # The same count at a later time (a toll that rises bulletin by bulletin): neither the same nor a contradiction.
        UPDATE = "update", "Update"

    from_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="outgoing_links")
    to_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="incoming_links")
    relation = models.CharField(max_length=16, choices=Relation.choices)
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(from_claim=F("to_claim")), name="claimlink_not_to_itself"),
            models.UniqueConstraint(fields=["from_claim", "to_claim", "relation"], name="claimlink_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.from_claim_id} {self.relation} {self.to_claim_id}"
