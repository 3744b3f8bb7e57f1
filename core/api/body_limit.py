"""API request bodies no larger than the upload limit allows (`DATA_UPLOAD_MAX_MEMORY_SIZE`).

Django checks that limit only where it parses a form itself; DRF's parsers read the whole body
whatever its size. Refused from its Content-Length, before a byte of it is read.
"""

from django.conf import settings
from django.http import JsonResponse
from django.template.defaultfilters import filesizeformat

API_PATH_PREFIX = "/api/"


class ApiBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(API_PATH_PREFIX):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                return JsonResponse({"detail": "The Content-Length header is not a number."}, status=400)
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            if length > limit:
                return JsonResponse(
                    {"detail": f"The request body is {filesizeformat(length)}; the limit is {filesizeformat(limit)}."},
                    status=413,
                )
        return self.get_response(request)
