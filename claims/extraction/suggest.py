"""A reading suggested for words a reviewer selected: the extractor's own date and quantity rules run on
the selection alone, so the add-claim form starts filled in ("plus de 40 délégations" → > 40 délégation)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .pipeline import extract
from .readings import Kind

SUGGESTED_KINDS = (Kind.DATE, Kind.QUANTITY)


@dataclass(frozen=True)
class SuggestedReading:
    kind: str
    fields: dict[str, Any]


def reading_suggest(selection: str, *, language: str = "fr", published: date | None = None) -> SuggestedReading | None:
    """The date or quantity that covers most of the selection, or None when the rules find neither."""
    if not selection.strip():
        return None
    found = [
        record
        for record in extract(selection, language=language, published=published)
        if record.kind in SUGGESTED_KINDS
    ]
    if not found:
        return None
    best = max(found, key=lambda record: (record.end - record.start, record.kind == Kind.DATE))
    return SuggestedReading(kind=best.kind, fields=dict(best.fields))
