"""Full dumps of claims, streamed: rows read straight from the database in chunks, serialised without DRF.

A dump of hundreds of thousands of claims must run near the speed of the database and in constant memory,
so rows come from `values_list` (no model instances) and are written chunk by chunk.
"""

import csv
import io
from collections.abc import Iterator

import orjson
from django.db.models import QuerySet

from core.api.csv import cell

CHUNK_SIZE = 2000
# Output name → ORM path; the same fields and names as the claim list's JSON (ClaimSerializer).
COLUMNS = {
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
    "fact": "fact_id",
    "reviewed_by": "reviewed_by__username",
    "reviewed_at": "reviewed_at",
    "extractor_version": "extractor_version",
    "rule": "rule",
    "confidence": "confidence",
    "created_at": "created_at",
    "updated_at": "updated_at",
}
NAMES = list(COLUMNS)
# A spreadsheet needs fixed columns: the reading's keys of every kind, one column each.
READING_KEYS = ["value", "value_max", "qualifier", "unit", "date", "precision", "speaker", "quote", "label"]
CSV_HEADER = [name for name in NAMES if name != "normalized"] + [f"normalized.{key}" for key in READING_KEYS]


def claim_rows(queryset: QuerySet) -> Iterator[list[tuple]]:
    """The claims as tuples in COLUMNS order, a chunk at a time (a server-side cursor on PostgreSQL)."""
    rows = queryset.values_list(*COLUMNS.values()).iterator(chunk_size=CHUNK_SIZE)
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK_SIZE:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def json_lines(queryset: QuerySet) -> Iterator[bytes]:
    for chunk in claim_rows(queryset):
        yield b"".join(
            orjson.dumps(dict(zip(NAMES, row, strict=True)), option=orjson.OPT_APPEND_NEWLINE) for row in chunk
        )


def csv_lines(queryset: QuerySet) -> Iterator[bytes]:
    reading_at = NAMES.index("normalized")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for chunk in claim_rows(queryset):
        for row in chunk:
            reading = row[reading_at] or {}
            plain = row[:reading_at] + row[reading_at + 1 :]
            writer.writerow([cell(value) for value in plain] + [cell(reading.get(key)) for key in READING_KEYS])
        yield buffer.getvalue().encode()
        buffer.seek(0)
        buffer.truncate()
