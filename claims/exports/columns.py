"""One shape for an exported claim: the API's claim, the JSON Lines dump and both CSVs come from this list.

A spreadsheet needs the same columns on every page and in every dump, whatever kinds of claims it holds,
so the reading is spread over one `normalized.<field>` column per field of every kind.
"""

import datetime

from rest_framework import serializers

from ..extraction.readings import all_reading_fields

# Output name → ORM path (for the dumps, which read rows with values_list).
CLAIM_COLUMNS = {
    "id": "id",
    "version": "version",
    "article": "article_id",
    "article_title": "article__title",
    "source": "article__source__name",
    "source_id": "article__source_id",
    "language": "article__language",
    "published_on": "article__published_on",
    "article_url": "article__url",
    "kind": "kind",
    "text": "text",
    "start": "start",
    "end": "end",
    "sentence": "sentence",
    "normalized": "normalized",
    "negated": "negated",
    "hypothetical": "hypothetical",
    "reported": "reported",
    "entities": "entities",
    "status": "status",
    "origin": "origin",
    "edited": "edited",
    "orphaned": "orphaned",
    "fact": "fact_id",
    "reviewed_by": "reviewed_by__username",
    "reviewed_at": "reviewed_at",
    "extractor_version": "extractor_version",
    "rule": "rule",
    "confidence": "confidence",
    "created_at": "created_at",
    "updated_at": "updated_at",
}
CLAIM_FIELDS = list(CLAIM_COLUMNS)
READING_COLUMN = "normalized"
CLAIM_CSV_HEADER = [name for name in CLAIM_FIELDS if name != READING_COLUMN] + [
    f"{READING_COLUMN}.{name}" for name in all_reading_fields()
]

_TIME = serializers.DateTimeField()


def time_text(value: datetime.datetime) -> str:
    """A time as the API writes it (ISO 8601 in the site's time zone), so every export agrees with it."""
    return _TIME.to_representation(value)


def claim_export_values(claim: dict) -> dict:
    """A claim's fields with times written as the API writes them; dates and numbers stay as they are."""
    return {name: time_text(value) if isinstance(value, datetime.datetime) else value for name, value in claim.items()}


def claim_csv_row(claim: dict) -> list:
    """A claim (named as in CLAIM_FIELDS) as CSV values in CLAIM_CSV_HEADER order."""
    reading = claim.get(READING_COLUMN) or {}
    plain = [claim.get(name) for name in CLAIM_FIELDS if name != READING_COLUMN]
    return plain + [reading.get(name) for name in all_reading_fields()]
