from django.conf import settings
from django.db import models

from .claim import Claim


class ClaimComment(models.Model):
    """A reviewer's note on a claim, for colleagues."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.CheckConstraint(condition=~models.Q(body=""), name="claimcomment_body_not_empty")]

    def __str__(self) -> str:
        return f"{self.author}: {self.body[:60]}"
