"""API wiring shared by the apps: the error handler that keeps bad input a 400 (and a stale write a 409),
and cursor pagination. Loaded while DRF itself loads (settings name it), so it imports no DRF views."""

import datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from rest_framework import exceptions, pagination, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from claims.services import ClaimConflict


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = "Send the version you read, in the body or as an If-Match header."
    default_code = "precondition_required"


def exception_handler(exc, context):
    if isinstance(exc, ClaimConflict):
        # RFC 9110 §15.5.10: the client re-reads, sees what changed, and decides again.
        return Response(
            {"detail": str(exc), "changes": exc.changes, "version": exc.claim.version},
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail=detail)
    return drf_exception_handler(exc, context)


class NewestFirstCursorPagination(pagination.CursorPagination):
    """Cursor pagination keeps deep pages as cheap as the first; ids give a stable, unique order."""

    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 500


class UtcIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time turned to UTC: ISO allows offsets up to ±23:59, PostgreSQL only ±15:59."""

    def clean(self, value):
        cleaned = super().clean(value)
        return cleaned.astimezone(datetime.UTC) if cleaned else cleaned


class UtcDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField
