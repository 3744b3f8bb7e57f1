"""Sharing the work: who an article is assigned to, and who has it open right now."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from articles.models import Article

from .claim import Claim


class ArticleAssignment(models.Model):
    """The reviewer an article is given to, by an editor or by taking it."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="assignment")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments")
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-assigned_at", "-id"]

    def __str__(self) -> str:
        return f"{self.article_id} → {self.reviewer_id}"


class ReviewPresence(models.Model):
    """Someone had this article (and perhaps one of its claims) open: opened when, last seen when."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="presences")
    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    opened_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "article"], name="reviewpresence_one_per_user")]

    def __str__(self) -> str:
        return f"{self.user_id} on {self.article_id}"
