"""Extraction of some passages of a text only: the paragraphs an editor's correction touched."""

from __future__ import annotations

import dataclasses
from datetime import date

from .pipeline import Document, extract_documents
from .records import ClaimRecord
from .spans import CONTEXT_CHARS


def extract_passages(
    text: str, passages: list[tuple[int, int]], *, language: str = "fr", published: date | None = None
) -> list[ClaimRecord]:
    """Run the pipeline on `text[start:end]` for each passage; the records' offsets are in the whole text."""
    documents = [Document(text[start:end], language, published) for start, end in passages]
    records = []
    for (offset, _), found in zip(passages, extract_documents(documents), strict=True):
        records.extend(shifted(record, offset=offset, text=text) for record in found)
    records.sort(key=lambda record: (record.start, record.end, record.kind))
    return records


def shifted(record: ClaimRecord, *, offset: int, text: str) -> ClaimRecord:
    start, end = record.start + offset, record.end + offset
    return dataclasses.replace(
        record,
        start=start,
        end=end,
        sentence_start=record.sentence_start + offset,
        entities=tuple(
            dataclasses.replace(entity, start=entity.start + offset, end=entity.end + offset)
            for entity in record.entities
        ),
        # The anchors reach across the passage's edges, as they would have in a whole-text extraction.
        context_before=text[max(0, start - CONTEXT_CHARS) : start],
        context_after=text[end : end + CONTEXT_CHARS],
    )
