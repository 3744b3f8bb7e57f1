"""What a reviewer may write as a claim's normalised reading, kind by kind, and how it is checked."""

from datetime import date

from django.core.exceptions import ValidationError

QUALIFIERS = {
    "exact": "exactly",
    "about": "about (≈)",
    "more_than": "more than (>)",
    "less_than": "less than (<)",
    "at_least": "at least (≥)",
    "at_most": "at most (≤)",
    "range": "a range (from–to)",
    "order_of_magnitude": "an order of magnitude (thousands of…)",
}
PRECISIONS = {"day": "day", "week": "week", "month": "month", "year": "year"}

# The fields a reviewer edits, by kind; the order is the order of the edit form.
READING_FIELDS = {
    "quantity": ["value", "value_max", "qualifier", "unit"],
    "date": ["date", "precision"],
    "quote": ["speaker", "quote"],
    "entity": ["label"],
}


def _number(raw, field: str, *, required: bool) -> float | None:
    if raw in (None, ""):
        if required:
            raise ValidationError({field: "Give a number."})
        return None
    try:
        return float(str(raw).replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", "."))
    except ValueError:
        raise ValidationError({field: f"“{raw}” is not a number."}) from None


def _choice(raw, field: str, choices: dict) -> str:
    if raw not in choices:
        raise ValidationError({field: f"Choose one of: {', '.join(choices)}."})
    return raw


def _text(raw, field: str, *, required: bool, limit: int = 500) -> str | None:
    text = " ".join(str(raw or "").split())
    if required and not text:
        raise ValidationError({field: "This cannot be empty."})
    if len(text) > limit:
        raise ValidationError({field: f"Keep it under {limit} characters."})
    return text or None


def _quantity(data: dict) -> dict:
    qualifier = _choice(data.get("qualifier") or "exact", "qualifier", QUALIFIERS)
    value = _number(data.get("value"), "value", required=True)
    value_max = _number(data.get("value_max"), "value_max", required=qualifier == "range")
    if value_max is not None and value_max < value:
        raise ValidationError({"value_max": "The upper bound is below the value."})
    if qualifier != "range":
        value_max = None
    return {
        "value": value,
        "value_max": value_max,
        "qualifier": qualifier,
        "unit": _text(data.get("unit"), "unit", required=False, limit=80),
    }


def _date(data: dict) -> dict:
    raw = str(data.get("date") or "").strip()
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise ValidationError(
            {"date": "Write the date as YYYY-MM-DD (the first day of the month or year if vaguer)."}
        ) from None
    return {"date": day.isoformat(), "precision": _choice(data.get("precision") or "day", "precision", PRECISIONS)}


def _quote(data: dict) -> dict:
    return {
        "speaker": _text(data.get("speaker"), "speaker", required=False, limit=200),
        "quote": _text(data.get("quote"), "quote", required=True, limit=5000),
    }


def _entity(data: dict) -> dict:
    return {"label": _text(data.get("label"), "label", required=True, limit=40)}


CLEANERS = {"quantity": _quantity, "date": _date, "quote": _quote, "entity": _entity}


def reading_clean(kind: str, data: dict) -> dict:
    """The checked reading for a claim of this kind, or a ValidationError naming the faulty field."""
    if kind not in CLEANERS:
        raise ValidationError({"kind": f"Choose one of: {', '.join(CLEANERS)}."})
    return CLEANERS[kind](data)
