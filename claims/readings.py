"""A claim's reading for the Django layers: the type in `claims.extraction.readings`, with its refusals as
ValidationErrors naming the field, for the services, the model's check, the forms and the API."""

from typing import Any

from django.core.exceptions import ValidationError

from .extraction.readings import ReadingError, reading_as_dict, reading_check, reading_parse


def reading_clean(kind: str, data: Any) -> dict:
    """The checked reading for a claim of this kind, or a ValidationError naming the faulty field."""
    try:
        return reading_as_dict(reading_parse(kind, data))
    except ReadingError as error:
        raise ValidationError({error.field: error.message}) from None


def reading_validate(kind: str, data: Any) -> None:
    """The model's check of a stored reading (see `reading_check`)."""
    try:
        reading_check(kind, data)
    except ReadingError as error:
        raise ValidationError({"normalized": f"{error.field}: {error.message}"}) from None
