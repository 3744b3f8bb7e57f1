import datetime

from django.core.exceptions import ValidationError
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from rest_framework import serializers


def utc(moment: datetime.datetime) -> datetime.datetime:
    """The time in UTC, which PostgreSQL and SQLite store whatever ISO 8601 offset it came with (ISO allows
    up to ±23:59, PostgreSQL only ±15:59); a time that falls outside year 1 to 9999 there is refused."""
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        raise ValidationError("Give a time between the years 1 and 9999.", code="out_of_range") from None


class UtcIsoDateTimeField(IsoDateTimeField):
    def clean(self, value):
        cleaned = super().clean(value)
        return utc(cleaned) if cleaned else cleaned


class UtcDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField


class UtcDateTimeSerializerField(serializers.DateTimeField):
    """A query parameter's time, in UTC (see `utc`); a time no database can hold is a 400, not an overflow."""

    def to_internal_value(self, value):
        try:
            return utc(super().to_internal_value(value))
        except OverflowError:
            raise serializers.ValidationError("Give a time between the years 1 and 9999.") from None
