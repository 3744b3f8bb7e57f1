"""API wiring shared by the apps: the error handler that keeps bad input a 400, never a 500."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, pagination
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail=detail)
    return drf_exception_handler(exc, context)


class NewestFirstCursorPagination(pagination.CursorPagination):
    """Cursor pagination keeps deep pages as cheap as the first; ids give a stable, unique order."""

    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 500
