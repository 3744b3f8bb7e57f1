import hashlib
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .text import article_text_check


class Language(models.TextChoices):
    FRENCH = "fr", "French"
    ENGLISH = "en", "English"


class Source(models.Model):
    """An outlet that publishes articles."""

    name = models.CharField(max_length=200, unique=True)
    default_language = models.CharField(max_length=8, choices=Language.choices, default=Language.FRENCH)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def content_hash(body: str) -> str:
    """Hash of the text as a reader sees it, so re-encoded or re-wrapped copies are recognised."""
    normalised = " ".join(unicodedata.normalize("NFC", body).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


class ArticleQuerySet(models.QuerySet):
    def stale_extractions(self, *, older_than):
        """Articles whose extraction message was probably lost: still pending or running past a timeout."""
        return self.filter(
            extraction_status__in=[Article.ExtractionStatus.PENDING, Article.ExtractionStatus.RUNNING],
            extraction_status_changed_at__lt=older_than,
        )


class Article(models.Model):
    class ExtractionStatus(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    # Which status may follow which: a redelivered task may start again from running (its worker died);
    # a task that used up its retries before it could start fails from pending.
    ALLOWED_TRANSITIONS = {
        ExtractionStatus.PENDING: {ExtractionStatus.PENDING, ExtractionStatus.RUNNING, ExtractionStatus.FAILED},
        ExtractionStatus.RUNNING: {
            ExtractionStatus.RUNNING,
            ExtractionStatus.DONE,
            ExtractionStatus.FAILED,
            ExtractionStatus.PENDING,
        },
        ExtractionStatus.DONE: {ExtractionStatus.PENDING},
        ExtractionStatus.FAILED: {ExtractionStatus.PENDING},
    }

    title = models.CharField(max_length=500)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="articles")
    url = models.URLField(max_length=1000, blank=True)
    language = models.CharField(max_length=8, choices=Language.choices, default=Language.FRENCH)
    published_on = models.DateField(null=True, blank=True)
    body = models.TextField()
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    extraction_status = models.CharField(
        max_length=16, choices=ExtractionStatus.choices, default=ExtractionStatus.PENDING, db_index=True
    )
    extraction_error = models.TextField(blank=True)
    extraction_status_changed_at = models.DateTimeField(default=timezone.now)
    extractor_version = models.CharField(max_length=32, blank=True)

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["extraction_status_changed_at"])

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["published_on"]), models.Index(fields=["-uploaded_at", "-id"])]
        constraints = [
            models.CheckConstraint(condition=~models.Q(body=""), name="article_body_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("claims:article_reader", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        try:
            article_text_check(self.body)
        except ValidationError as error:
            raise ValidationError({"body": error}) from error
        # PostgreSQL stores no NUL character in text; the forms and the API refuse one, and so must an import.
        refused = {}
        for name in ("title", "body", "url"):
            try:
                ProhibitNullCharactersValidator()(getattr(self, name))
            except ValidationError as error:
                refused[name] = error
        if refused:
            raise ValidationError(refused)

    def set_extraction_status(self, status: str, *, error: str = "") -> None:
        if status not in self.ALLOWED_TRANSITIONS[self.extraction_status]:
            raise ValidationError(
                f"An extraction cannot go from {self.get_extraction_status_display().lower()} to {status}."
            )
        self.extraction_status = status
        self.extraction_error = error
        self.extraction_status_changed_at = timezone.now()
