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

from .columns import CLAIM_COLUMNS, CLAIM_CSV_HEADER, CLAIM_FIELDS, claim_csv_row, claim_export_values

CHUNK_SIZE = 2000


def claim_rows(queryset: QuerySet) -> Iterator[list[dict]]:
    """The claims as dicts named as CLAIM_FIELDS, a chunk at a time (a server-side cursor on PostgreSQL)."""
    rows = queryset.values_list(*CLAIM_COLUMNS.values()).iterator(chunk_size=CHUNK_SIZE)
    chunk = []
    for row in rows:
        chunk.append(claim_export_values(dict(zip(CLAIM_FIELDS, row, strict=True))))
        if len(chunk) == CHUNK_SIZE:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def json_lines(queryset: QuerySet) -> Iterator[bytes]:
    for chunk in claim_rows(queryset):
        yield b"".join(orjson.dumps(claim, option=orjson.OPT_APPEND_NEWLINE) for claim in chunk)


def csv_lines(queryset: QuerySet) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CLAIM_CSV_HEADER)
    for chunk in claim_rows(queryset):
        for claim in chunk:
            writer.writerow([cell(value) for value in claim_csv_row(claim)])
        yield buffer.getvalue().encode()
        buffer.seek(0)
        buffer.truncate()
