"""What the extraction pipeline returns: plain records, no ORM."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


class Kind:
    QUANTITY = "quantity"
    DATE = "date"
    QUOTE = "quote"
    ENTITY = "entity"


@dataclass(frozen=True)
class EntityMention:
    text: str
    label: str  # PER, ORG, LOC, MISC (spaCy's French labels)
    start: int
    end: int


@dataclass(frozen=True)
class ClaimRecord:
    """One candidate claim found in a text.

    `text == body[start:end]` always holds. `fields` holds the normalised reading for the kind:
    quantity: value, value_max, qualifier, unit; date: date, precision; quote: speaker, quote;
    entity: label.
    """

    kind: str
    text: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    fields: dict[str, Any] = field(default_factory=dict)
    negated: bool = False
    hypothetical: bool = False
    reported: bool = False
    entities: tuple[EntityMention, ...] = ()
    rule: str = ""
    confidence: float = 0.5
    context_before: str = ""
    context_after: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The flat JSON shape of `extract_claims --format json` and the API."""
        data = asdict(self)
        fields = data.pop("fields")
        data["entities"] = [asdict(entity) for entity in self.entities]
        return {**data, **fields}
