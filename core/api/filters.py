import datetime

from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField


class UtcIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time turned to UTC: ISO allows offsets up to ±23:59, PostgreSQL only ±15:59."""

    def clean(self, value):
        cleaned = super().clean(value)
        return cleaned.astimezone(datetime.UTC) if cleaned else cleaned


class UtcDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField
