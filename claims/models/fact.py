from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Rating(models.Model):
    """One step of the newsroom's verdict scale (e.g. 1 "False" … 5 "True"); the scale is whatever rows exist."""

    value = models.SmallIntegerField(unique=True, help_text="Higher is more accurate. Best and worst come from here.")
    name = models.CharField(max_length=80, unique=True, help_text='The verdict as readers see it, e.g. "Misleading".')
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["value"]

    def __str__(self) -> str:
        return f"{self.value} · {self.name}"


class Fact(models.Model):
    """One statement of fact as several sources word it: the claims joined by same-as links."""

    statement = models.CharField(
        max_length=500, blank=True, help_text="The fact in words, as readers see it; first proposed from its claims."
    )
    verdict = models.ForeignKey(Rating, null=True, blank=True, on_delete=models.PROTECT, related_name="facts")
    verdict_note = models.TextField(blank=True, help_text="Why the verdict, for readers of the fact check.")
    verdict_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verdict_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["-updated_at"])]

    def __str__(self) -> str:
        return self.statement or f"Fact {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("claims:fact_detail", args=[self.pk])
