"""A claim's reading, kind by kind: the one definition the extractor, the model's check, the review forms,
the API, relatedness and the exports all use.

Plain Python (no Django), so the extraction pipeline can build readings too. A reading is read from a
mapping with `reading_parse` (what a reviewer or a tool sends: strings allowed, refused with a
`ReadingError` naming the field) or checked as stored with `reading_check`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum
from typing import Any, ClassVar


class Kind(StrEnum):
    QUANTITY = "quantity"
    DATE = "date"
    QUOTE = "quote"
    ENTITY = "entity"


KIND_LABELS = {Kind.QUANTITY: "Quantity", Kind.DATE: "Date", Kind.QUOTE: "Quote", Kind.ENTITY: "Entity mention"}


class Qualifier(StrEnum):
    EXACT = "exact"
    ABOUT = "about"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    RANGE = "range"
    ORDER_OF_MAGNITUDE = "order_of_magnitude"


QUALIFIER_LABELS = {
    Qualifier.EXACT: "exactly",
    Qualifier.ABOUT: "about (≈)",
    Qualifier.MORE_THAN: "more than (>)",
    Qualifier.LESS_THAN: "less than (<)",
    Qualifier.AT_LEAST: "at least (≥)",
    Qualifier.AT_MOST: "at most (≤)",
    Qualifier.RANGE: "a range (from–to)",
    Qualifier.ORDER_OF_MAGNITUDE: "an order of magnitude (thousands of…)",
}
# How a reading is written for a person: "> 30 pays", "≈ 2 mois", "1 000+ soldats".
QUALIFIER_SIGNS = {
    Qualifier.EXACT: "",
    Qualifier.ABOUT: "≈ ",
    Qualifier.MORE_THAN: "> ",
    Qualifier.LESS_THAN: "< ",
    Qualifier.AT_LEAST: "≥ ",
    Qualifier.AT_MOST: "≤ ",
    Qualifier.ORDER_OF_MAGNITUDE: "~",
}


class Precision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"  # a quarter, a season, "fin 2022": dated by its first day
    YEAR = "year"


# Far beyond any count or amount in the news (10^15: a thousand trillion), and well inside what every
# database and JSON reader stores exactly enough: a larger figure is a typing slip or an attack.
VALUE_LIMIT = 1e15
UNIT_MAX_LENGTH = 80
UNIT_KEY_MAX_LENGTH = 40
SPEAKER_MAX_LENGTH = 200
QUOTE_MAX_LENGTH = 5000
LABEL_MAX_LENGTH = 40


# ISO 8601 with the year left out: what an article with no publication date says of "le 9 novembre" or "en mars".
_PARTIAL_DATE = re.compile(r"--(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?")


def partial_date(value: Any) -> tuple[int, int | None] | None:
    """Month and day (None for a month alone) of a year-less date ("--11-09", "--03"); None for anything else,
    a full date included."""
    match = _PARTIAL_DATE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    month, day = int(match.group("month")), int(match.group("day")) if match.group("day") else None
    try:
        date(2000, month, day or 1)  # a leap year, so "--02-29" stands
    except ValueError:
        return None
    return month, day


class ReadingError(ValueError):
    """A reading that does not fit its kind; `field` names the faulty field for the form or the API."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def _number(raw: Any, field: str, *, required: bool) -> float | None:
    if raw is None or raw == "":
        if required:
            raise ReadingError(field, "Give a number.")
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise ReadingError(field, "Give a number.")
    if isinstance(raw, str):
        cleaned = raw.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", ".")
        try:
            raw = float(cleaned)
        except ValueError:
            raise ReadingError(field, f"“{raw[:40]}” is not a number.") from None
    try:
        number = float(raw)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number) or abs(number) > VALUE_LIMIT:
        raise ReadingError(field, f"Give a number between -{VALUE_LIMIT:.0e} and {VALUE_LIMIT:.0e}.")
    return number


def _choice(raw: Any, field: str, choices: type[StrEnum], default: StrEnum) -> str:
    if raw is None or raw == "":
        return default.value
    if not isinstance(raw, str) or raw not in choices.__members__.values():
        raise ReadingError(field, f"Choose one of: {', '.join(choices)}.")
    return raw


def _text(raw: Any, field: str, *, required: bool, limit: int) -> str | None:
    if raw is not None and not isinstance(raw, str | int | float):
        raise ReadingError(field, "Give a text.")
    text = " ".join(str(raw or "").split())
    if required and not text:
        raise ReadingError(field, "This cannot be empty.")
    if len(text) > limit:
        raise ReadingError(field, f"Keep it under {limit} characters.")
    return text or None


def _flag(raw: Any, field: str) -> bool:
    if raw is None or raw == "" or isinstance(raw, bool):
        return bool(raw)
    if isinstance(raw, str) and raw.lower() in {"true", "on", "1", "yes", "false", "off", "0", "no"}:
        return raw.lower() in {"true", "on", "1", "yes"}
    raise ReadingError(field, "Give true or false.")


@dataclass(frozen=True)
class QuantityReading:
    value: float
    value_max: float | None = None
    qualifier: str = Qualifier.EXACT.value
    unit: str | None = None
    # The language-independent key of what is counted ("protester" for "manifestants" and "protesters"),
    # so claims compare across languages (lexicons/units.json).
    unit_key: str | None = None
    # A rate's or a proportion's denominator, "<number> <unit key>": "100000 inhabitant", "1 week", "3".
    per: str | None = None
    # A change "from X to Y" is one quantity: `value` is Y, `value_old` is X.
    value_old: float | None = None

    kind: ClassVar[Kind] = Kind.QUANTITY
    # Stored only when known, so readings made before these fields existed keep their shape.
    omitted_when_empty: ClassVar[tuple[str, ...]] = ("unit_key", "per", "value_old")

    @classmethod
    def parse(cls, data: Mapping[str, Any]) -> QuantityReading:
        qualifier = _choice(data.get("qualifier"), "qualifier", Qualifier, Qualifier.EXACT)
        value = _number(data.get("value"), "value", required=True)
        value_max = _number(data.get("value_max"), "value_max", required=qualifier == Qualifier.RANGE)
        if qualifier != Qualifier.RANGE:
            value_max = None
        elif value_max < value:
            raise ReadingError("value_max", "The upper bound is below the value.")
        unit = _text(data.get("unit"), "unit", required=False, limit=UNIT_MAX_LENGTH)
        unit_key = _text(data.get("unit_key"), "unit_key", required=False, limit=UNIT_KEY_MAX_LENGTH)
        per = _text(data.get("per"), "per", required=False, limit=UNIT_MAX_LENGTH)
        value_old = _number(data.get("value_old"), "value_old", required=False)
        return cls(
            value=value,
            value_max=value_max,
            qualifier=qualifier,
            unit=unit,
            unit_key=unit_key,
            per=per,
            value_old=value_old,
        )


@dataclass(frozen=True)
class DateReading:
    # ISO 8601: YYYY-MM-DD, or "--MM-DD" / "--MM" when the article gives no year and has no publication
    # date; None when the text gives no way to place it (a weekday with no date).
    date: str | None
    precision: str = Precision.DAY.value

    kind: ClassVar[Kind] = Kind.DATE

    @classmethod
    def parse(cls, data: Mapping[str, Any]) -> DateReading:
        raw = data.get("date")
        precision = _choice(data.get("precision"), "precision", Precision, Precision.DAY)
        if isinstance(raw, date):
            return cls(date=raw.isoformat(), precision=precision)
        text = str(raw or "").strip()
        year_less = partial_date(text)
        if year_less is not None:
            with_day = year_less[1] is not None
            if with_day != (precision in {Precision.DAY, Precision.WEEK}) or precision == Precision.YEAR:
                raise ReadingError(
                    "date", "A date without its year is --MM-DD for a day or a week, --MM for a month or a quarter."
                )
            return cls(date=text, precision=precision)
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise ReadingError(
                "date",
                "Write the date as YYYY-MM-DD (the first day of the month or year if vaguer), or --MM-DD or --MM "
                "when the article gives no year.",
            ) from None
        return cls(date=day.isoformat(), precision=precision)


@dataclass(frozen=True)
class QuoteReading:
    speaker: str | None  # the canonical full name of the person or body ("Volodymyr Zelensky")
    quote: str
    speaker_mention: str | None = None  # the words the text credits it to ("le chef de l'État", "she")
    fragment: bool = False  # a few words set in the reporter's sentence (« menace inacceptable »)

    kind: ClassVar[Kind] = Kind.QUOTE

    @classmethod
    def parse(cls, data: Mapping[str, Any]) -> QuoteReading:
        return cls(
            speaker=_text(data.get("speaker"), "speaker", required=False, limit=SPEAKER_MAX_LENGTH),
            quote=_text(data.get("quote"), "quote", required=True, limit=QUOTE_MAX_LENGTH),
            speaker_mention=_text(
                data.get("speaker_mention"), "speaker_mention", required=False, limit=SPEAKER_MAX_LENGTH
            ),
            fragment=_flag(data.get("fragment"), "fragment"),
        )


@dataclass(frozen=True)
class EntityReading:
    label: str  # PER, ORG, LOC, MISC (spaCy's labels)

    kind: ClassVar[Kind] = Kind.ENTITY

    @classmethod
    def parse(cls, data: Mapping[str, Any]) -> EntityReading:
        return cls(label=_text(data.get("label"), "label", required=True, limit=LABEL_MAX_LENGTH))


Reading = QuantityReading | DateReading | QuoteReading | EntityReading
READING_TYPES: dict[Kind, type[Reading]] = {
    Kind.QUANTITY: QuantityReading,
    Kind.DATE: DateReading,
    Kind.QUOTE: QuoteReading,
    Kind.ENTITY: EntityReading,
}


def reading_fields(kind: str) -> list[str]:
    """The fields of a kind's reading, in the order forms and exports show them."""
    return [field.name for field in fields(READING_TYPES[Kind(kind)])]


def all_reading_fields() -> list[str]:
    """Every reading field of every kind, once each, in kind order: the export's reading columns."""
    return list(dict.fromkeys(name for kind in Kind for name in reading_fields(kind)))


def reading_parse(kind: str, data: Mapping[str, Any]) -> Reading:
    """The checked reading of this kind from what a reviewer or a tool sent, or a ReadingError."""
    if kind not in Kind.__members__.values():
        raise ReadingError("kind", f"Choose one of: {', '.join(Kind)}.")
    if not isinstance(data, Mapping):
        raise ReadingError("reading", "Send the reading as an object of fields.")
    return READING_TYPES[Kind(kind)].parse(data)


def reading_check(kind: str, data: Mapping[str, Any]) -> None:
    """Refuse a stored reading that does not fit its kind; a date the text gave no way to place may be None."""
    if kind == Kind.DATE and isinstance(data, Mapping) and data.get("date") is None:
        _choice(data.get("precision"), "precision", Precision, Precision.DAY)
        return
    reading_parse(kind, data)


def reading_as_dict(reading: Reading) -> dict[str, Any]:
    # Every field is a plain value, so the deep copy `asdict` makes (asked once per claim) is not needed; a
    # reading's attributes are its fields, set by its `__init__` in their declared order.
    omitted = getattr(reading, "omitted_when_empty", ())
    return {name: value for name, value in vars(reading).items() if value is not None or name not in omitted}
