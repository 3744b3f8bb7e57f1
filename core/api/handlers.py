"""The API's error handler: bad input is a 400 and a stale write a 409, never a server error.

Loaded while DRF itself loads (settings name it), so it imports no DRF views.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from core.errors import VersionConflict


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = "Send the version you read, in the body or as an If-Match header."
    default_code = "precondition_required"


def exception_handler(exc, context):
    if isinstance(exc, VersionConflict):
        # RFC 9110 §15.5.10: the client re-reads, sees what changed, and decides again.
        return Response(
            {"detail": str(exc), "changes": exc.changes, "version": exc.version},
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail=detail)
    return drf_exception_handler(exc, context)
