"""What the extraction pipeline returns: plain records, no ORM."""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, field, fields
from typing import Any

from .readings import Kind

__all__ = ["ClaimRecord", "EntityMention", "Kind"]


@dataclass(frozen=True)
class EntityMention:
    text: str
    label: str  # PER, ORG, LOC, MISC (spaCy's French labels)
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        # Written out: `dataclasses.asdict` deep-copies field by field, and every stored claim carries these.
        return {"text": self.text, "label": self.label, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class ClaimRecord:
    """One candidate claim found in a text.

    `text == body[start:end]` always holds. `fields` holds the normalised reading of the kind, as
    `readings.reading_as_dict` writes it (see `readings.READING_TYPES`).
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

    @classmethod
    def made(cls, **values: Any) -> ClaimRecord:
        """`ClaimRecord(**values)` for the rules, which make one per claim, without the costly `__init__` (see
        `replaced`). `values` must hold every field that has no plain default, `fields` included."""
        record = object.__new__(cls)
        record.__dict__.update(_PLAIN_DEFAULTS, **values)
        return record

    def replaced(self, **changes: Any) -> ClaimRecord:
        """`dataclasses.replace` for the pipeline, which rebuilds every record once or twice (modality, then
        offsets in a long text): a frozen dataclass's `__init__` sets each of its 15 fields through
        `object.__setattr__`, four times the cost of copying the fields, and it checks nothing to skip."""
        record = object.__new__(ClaimRecord)
        record.__dict__.update(self.__dict__, **changes)
        return record

    def as_dict(self) -> dict[str, Any]:
        """The flat JSON shape of `extract_claims --format json` and the API."""
        data = asdict(self)
        fields = data.pop("fields")
        data["entities"] = [entity.as_dict() for entity in self.entities]
        return {**data, **fields}


_PLAIN_DEFAULTS = {field.name: field.default for field in fields(ClaimRecord) if field.default is not MISSING}
