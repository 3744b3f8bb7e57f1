from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from articles.models import Article

from ..extraction.readings import KIND_LABELS, QUALIFIER_SIGNS, Qualifier, partial_date
from ..extraction.readings import Kind as ReadingKind
from ..readings import reading_validate

# How history rows written by an undo or by one multi-claim decision are told apart (history_change_reason).
UNDO_REASON = "undo of "
BATCH_REASON = "batch "


class ClaimQuerySet(models.QuerySet):
    def reviewed(self):
        return self.exclude(status=Claim.Status.CANDIDATE)

    def awaiting_review(self):
        """Candidates a reviewer still has to decide on; entity mentions are context, not claims to check."""
        return self.filter(status=Claim.Status.CANDIDATE).exclude(kind=Claim.Kind.ENTITY)

    def untouched_candidates(self):
        """Machine suggestions nobody has reviewed, edited or linked: safe to replace on re-extraction."""
        return self.filter(status=Claim.Status.CANDIDATE, origin=Claim.Origin.MACHINE, edited=False).exclude(
            Q(outgoing_links__isnull=False) | Q(incoming_links__isnull=False)
        )


class Claim(models.Model):
    # The kinds, and each kind's reading, are defined once, in claims.extraction.readings.
    Kind = models.TextChoices("Kind", [(kind.name, (kind.value, KIND_LABELS[kind])) for kind in ReadingKind])

    class Status(models.TextChoices):
        CANDIDATE = "candidate", "Candidate"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    class Origin(models.TextChoices):
        MACHINE = "machine", "Extractor"
        HUMAN = "human", "Reviewer"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    start = models.PositiveIntegerField(help_text="Offset of the first character in the article body.")
    end = models.PositiveIntegerField(help_text="Offset just past the last character in the article body.")
    text = models.TextField(help_text="The article text between start and end.")
    sentence = models.TextField(blank=True)
    # The anchor: a little text either side, so the span can be found again after the body is corrected.
    context_before = models.CharField(max_length=200, blank=True)
    context_after = models.CharField(max_length=200, blank=True)
    normalized = models.JSONField(
        default=dict,
        blank=True,
        help_text="Reading by kind: value, value_max, qualifier, unit; date, precision; speaker, quote; label.",
    )
    negated = models.BooleanField(default=False)
    hypothetical = models.BooleanField(default=False)
    reported = models.BooleanField(default=False)
    entities = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.CANDIDATE, db_index=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    origin = models.CharField(max_length=16, choices=Origin.choices, default=Origin.MACHINE)
    edited = models.BooleanField(default=False, help_text="A reviewer changed the extractor's reading.")
    extractor_version = models.CharField(max_length=32, blank=True)
    rule = models.CharField(max_length=100, blank=True, help_text="The rule or component that produced it.")
    confidence = models.FloatField(default=0.5)
    fact = models.ForeignKey(
        "claims.Fact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims",
        help_text="The fact this claim states, shared with the claims it is linked to as the same.",
    )
    # Bumped on every reviewer change, so a save made from a stale copy is refused, not silently applied.
    version = models.PositiveIntegerField(default=1)
    # Its words could not be found again after the text was corrected: listed for a reviewer, never guessed.
    orphaned = models.BooleanField(
        default=False,
        help_text="Its words were not found again after the text was corrected: start and end are of the old text.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["context_before", "context_after", "sentence", "entities"])

    class Meta:
        ordering = ["article", "start", "end", "kind"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="claim_span_not_empty"),
            # An orphaned claim's offsets point into a text that is gone: they may meet a new claim's.
            models.UniqueConstraint(
                fields=["article", "kind", "start", "end"], condition=Q(orphaned=False), name="claim_unique_span"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "kind"]),
            models.Index(fields=["-updated_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"

    @property
    def sentence_parts(self) -> tuple[str, str, str]:
        """The claim's sentence cut around the claim, so a page can mark it; the anchors if it is not there."""
        position = self.sentence.find(self.text)
        if position == -1:
            return self.context_before[-80:], self.text, self.context_after[:80]
        return self.sentence[:position], self.text, self.sentence[position + len(self.text) :]

    def clean(self):
        reading_validate(self.kind, self.normalized)

    @property
    def reading(self) -> str:
        """The normalised reading as a reviewer says it: "> 30 pays", "≈ 2 mois", "2026-01-07"."""
        data = self.normalized
        if self.kind == self.Kind.QUANTITY:
            return quantity_reading(data)
        if self.kind == self.Kind.DATE:
            return date_reading(data)
        if self.kind == self.Kind.QUOTE:
            return f"{data.get('speaker') or 'unknown speaker'}: “{data.get('quote', '')}”"
        return data.get("label", "")


def format_number(value) -> str:
    if value is None:
        return "?"
    number = float(value)
    if number.is_integer():
        return f"{int(number):,}".replace(",", "\u202f")
    return f"{number:,.2f}".rstrip("0").rstrip(".").replace(",", "\u202f")


_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_reading(data: dict) -> str:
    """ "2025-11-09 (day)"; a date the article gave without a year says so ("9 Nov, year not stated"), so no
    reviewer takes a year for a fact."""
    precision = data.get("precision", "?")
    if not data.get("date"):
        # "mardi" in an article with no publication date: the words are a date, the day is unknown.
        return f"not resolved ({precision})"
    year_less = partial_date(data.get("date"))
    if year_less is None:
        return f"{_coarse(str(data['date']), precision)} ({precision})"
    month, day = year_less
    words = f"{day} {_MONTH_ABBREVIATIONS[month - 1]}" if day else _MONTH_ABBREVIATIONS[month - 1]
    # The precision goes without saying for a day or a month; a week or a quarter is named.
    shown = f" ({precision})" if precision not in {"day", "month"} else ""
    return f"{words}, year not stated{shown}"


def _coarse(iso: str, precision: str) -> str:
    """A date only as precise as its words: "2025-03" for "en mars 2025", "2024" for "l'an dernier"."""
    return {"month": iso[:7], "quarter": iso[:7], "year": iso[:4]}.get(precision, iso)


def quantity_reading(data: dict) -> str:
    unit = data.get("unit") or ""
    qualifier = data.get("qualifier", Qualifier.EXACT)
    if qualifier == Qualifier.RANGE:
        return f"{format_number(data.get('value'))}–{format_number(data.get('value_max'))} {unit}".strip()
    suffix = "+" if qualifier == Qualifier.ORDER_OF_MAGNITUDE else ""
    sign = QUALIFIER_SIGNS.get(qualifier, "")
    text = f"{sign}{format_number(data.get('value'))}{suffix} {unit}".strip()
    if data.get("per"):
        text += f" per {data['per']}"  # a rate or a proportion: "412 cas per 100000 inhabitant"
    if data.get("value_old") is not None:
        text += f" (from {format_number(data['value_old'])})"  # a change: "329 cas (from 290)"
    return text
