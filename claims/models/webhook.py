import uuid

from django.db import models


class WebhookEvent(models.TextChoices):
    CLAIM_CONFIRMED = "claim.confirmed", "A claim was confirmed"
    LINK_CREATED = "link.created", "A link or contradiction was recorded"
    FACT_CHANGED = "fact.changed", "A fact changed (its claims or its verdict)"
    CONTRADICTION_SUGGESTED = "contradiction.suggested", "A new claim may contradict a fact that has a verdict"


class WebhookSubscription(models.Model):
    """A URL a newsroom tool listens on; every event is POSTed to it, signed with its secret."""

    name = models.CharField(max_length=100, unique=True)
    url = models.URLField(max_length=1000)
    secret = models.CharField(
        max_length=200, help_text="Shared with the subscriber, which checks the X-Tracker-Signature header with it."
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class WebhookDelivery(models.Model):
    """One event sent (or still to send) to one subscriber: the delivery log."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"

    subscription = models.ForeignKey(WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries")
    uuid = models.UUIDField(
        default=uuid.uuid4, unique=True, editable=False, help_text="Lets a subscriber drop repeats."
    )
    event = models.CharField(max_length=32, choices=WebhookEvent.choices)
    payload = models.JSONField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "webhook deliveries"
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.event} → {self.subscription}"
