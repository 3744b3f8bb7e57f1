"""What the linking engine needs of every claim in the archive, and the links it proposes to reviewers."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest, Least

from .claim import Claim


class ClaimLinkKey(models.Model):
    """A claim's language-independent key (claims.linking.ClaimKey), in indexed columns the retrieval queries.

    `key` keeps the whole key for ranking; the columns are what the database narrows the archive with:
    the same kind and unit concept with overlapping value bounds, a nearby date, a shared entity, or a
    full-text match of `search_text` (FTS5 on SQLite, a tsvector with unaccent on PostgreSQL; see migration 0005).
    """

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, primary_key=True, related_name="link_key")
    article_id = models.BigIntegerField(db_index=True)
    kind = models.CharField(max_length=16)
    unit_concept = models.CharField(max_length=64, blank=True)
    low = models.FloatField(null=True, blank=True)
    high = models.FloatField(null=True, blank=True)
    date_start = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=8, blank=True)
    published = models.DateField(null=True, blank=True)
    entities = models.TextField(blank=True, help_text="Canonical entity keys, one per line.")
    search_text = models.TextField(blank=True, help_text="The sentence and its search terms, folded, for full text.")
    key = models.JSONField(default=dict)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["kind", "unit_concept", "low"], name="linkkey_kind_unit_low"),
            models.Index(fields=["kind", "date_start"], name="linkkey_kind_date"),
            models.Index(fields=["low"], name="linkkey_low"),  # the Link panel's search by figure
        ]

    def __str__(self) -> str:
        return f"Key of claim {self.claim_id}"


class ClaimEntityKey(models.Model):
    """One canonical entity of a claim: indexed, so a rare name finds every claim that mentions it."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="entity_keys")
    entity = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, help_text="The claim's kind: only claims of one kind are compared.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entity", "kind", "claim"], name="entitykey_unique")]

    def __str__(self) -> str:
        return self.entity


class Suggestion(models.Model):
    """The engine's proposal that two claims of different articles relate, waiting for a reviewer's word.

    Stored once per pair whichever side it was computed from; a dismissed pair stays dismissed, so it is
    never proposed again, and an accepted one records that the link was made.
    """

    class Relation(models.TextChoices):
        SAME_AS = "same_as", "Same claim"
        CONTRADICTS = "contradicts", "Contradicts"
        SUPPORTS = "supports", "Supports"
        UPDATE = "update", "Update"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        DISMISSED = "dismissed", "Dismissed"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="suggestions")
    candidate = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="suggested_in")
    score = models.FloatField()
    relation = models.CharField(max_length=16, choices=Relation.choices)
    reasons = models.JSONField(default=list)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-score", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(claim=F("candidate")), name="suggestion_not_to_itself"),
            models.UniqueConstraint(
                Least("claim", "candidate"), Greatest("claim", "candidate"), name="suggestion_pair"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-score"], name="suggestion_status_score"),  # the Suggestions page
            models.Index(fields=["status", "-id"], name="suggestion_status_id"),  # the API's cursor pages
            models.Index(fields=["candidate", "status"], name="suggestion_candidate_status"),
            models.Index(fields=["claim", "status"], name="suggestion_claim_status"),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} {self.relation}? {self.candidate_id}"

    @property
    def pair(self) -> tuple[Claim, Claim]:
        """Both claims, the earlier publication first, as a reviewer reads who said it first."""
        return tuple(sorted((self.claim, self.candidate), key=lambda c: (c.article.published_on or date.max, c.pk)))

    def other(self, claim_id: int) -> Claim:
        """The side that is not this claim."""
        return self.candidate if self.claim_id == claim_id else self.claim
