import datetime

from django import forms
from django.core.exceptions import ValidationError
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from rest_framework import serializers
from rest_framework.filters import SearchFilter

# What one search box or text filter takes: more is no search a person types, and a pattern of tens of
# thousands of characters or words is more than SQLite's LIKE and expression depth allow (a server error).
TEXT_FILTER_MAX_CHARS = 1000
SEARCH_MAX_WORDS = 20
TIME_OUT_OF_RANGE = "Give a time between the years 1 and 9999."


def utc(moment: datetime.datetime) -> datetime.datetime:
    """The time in UTC, which PostgreSQL and SQLite store whatever ISO 8601 offset it came with (ISO allows
    up to ±23:59, PostgreSQL only ±15:59); a time that falls outside year 1 to 9999 there is refused."""
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        raise ValidationError(TIME_OUT_OF_RANGE, code="out_of_range") from None


class UtcIsoDateTimeField(IsoDateTimeField):
    def clean(self, value):
        cleaned = super().clean(value)
        return utc(cleaned) if cleaned else cleaned


class UtcDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField


# The largest id the databases store (a signed 64-bit integer).
MAX_ID = 2**63 - 1


class IdFilter(filters.NumberFilter):
    """A row's id as a query parameter: a whole number an id can be, else a 400 with a message (a float such
    as 1e124 went to the database and overflowed)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **{"min_value": 1, "max_value": MAX_ID, **kwargs})


class UtcDateTimeSerializerField(serializers.DateTimeField):
    """A query parameter's time, in UTC (see `utc`); a time no database can hold is a 400, not an overflow."""

    # DRF finds some of those times out of range itself: the same words as the list filters then.
    default_error_messages = {"overflow": TIME_OUT_OF_RANGE}

    def to_internal_value(self, value):
        try:
            return utc(super().to_internal_value(value))
        except OverflowError:
            raise serializers.ValidationError(TIME_OUT_OF_RANGE) from None


class BoundedSearchFilter(SearchFilter):
    """DRF's `search`, refused with a 400 past a few words: each word adds a condition over every field."""

    def get_search_terms(self, request):
        terms = super().get_search_terms(request)
        text = request.query_params.get(self.search_param, "")
        if len(terms) > SEARCH_MAX_WORDS or len(text) > TEXT_FILTER_MAX_CHARS:
            limits = f"at most {SEARCH_MAX_WORDS} words and {TEXT_FILTER_MAX_CHARS:,} characters"
            raise serializers.ValidationError({self.search_param: f"Search for {limits}."})
        return terms
