from django.conf import settings
from django.db import models

from articles.models import Article

# The change reason of the history entries a correction writes for the claims it moved: not a decision to undo.
TEXT_CORRECTED = "text corrected"


class ArticleCorrection(models.Model):
    """An editor's correction of an article's text, and what it did to the claims (the re-extraction's job too)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    corrected_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=100, blank=True, help_text="What was corrected and why, for the audit trail.")
    # The corrected text's hash: the re-extraction of these passages applies only while the text is this one.
    content_hash = models.CharField(max_length=64)
    passages = models.JSONField(default=list, help_text="[start, end] of each paragraph to extract again.")
    claims_kept = models.PositiveIntegerField(default=0)
    claims_changed = models.PositiveIntegerField(default=0)
    claims_lost = models.PositiveIntegerField(default=0)
    extracted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-corrected_at", "-id"]

    def __str__(self) -> str:
        return f"Correction of {self.article_id} at {self.corrected_at:%Y-%m-%d %H:%M}"
