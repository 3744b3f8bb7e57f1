from django.http import StreamingHttpResponse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics

from claims import selectors
from claims.exports.dump import csv_lines, json_lines
from claims.exports.jsonl import JSONLinesRenderer
from core.api.csv import CSVRenderer
from core.api.filters import BoundedSearchFilter

from . import examples
from .filters import ClaimFilter
from .serializers import ClaimSerializer


class ClaimExportView(generics.GenericAPIView):
    """The whole claim list as one JSON Lines download, streamed, with the list's filters."""

    queryset = selectors.claim_list()
    serializer_class = ClaimSerializer
    filterset_class = ClaimFilter
    filter_backends = [DjangoFilterBackend, BoundedSearchFilter]
    search_fields = ["text", "sentence", "article__title"]
    renderer_classes = [JSONLinesRenderer]
    pagination_class = None

    @extend_schema(
        description="Every claim matching the filters (the same as `/claims/`), one JSON object per line, oldest "
        "first, streamed with bounded memory: e.g. `?status=confirmed` takes all confirmed claims at once.",
        responses={
            (200, "application/x-ndjson"): OpenApiResponse(
                response=OpenApiTypes.STR, description="One claim per line.", examples=[examples.JSONL_EXAMPLE]
            )
        },
    )
    def get(self, request):
        claims = self.filter_queryset(self.get_queryset()).order_by("id")
        response = StreamingHttpResponse(json_lines(claims), content_type="application/x-ndjson")
        response["Content-Disposition"] = 'attachment; filename="claims.jsonl"'
        return response


class ClaimCsvExportView(ClaimExportView):
    """The same dump as a spreadsheet: one row per claim, one column per field and per reading key."""

    renderer_classes = [CSVRenderer]

    @extend_schema(
        description="Every claim matching the filters as CSV, streamed with bounded memory. The reading is spread "
        "over fixed `normalized.*` columns; a text cell starting with `=`, `+`, `-` or `@` is prefixed with `'` "
        "so a spreadsheet never evaluates it.",
        responses={
            (200, "text/csv"): OpenApiResponse(
                response=OpenApiTypes.STR, description="A header, then one row per claim."
            )
        },
    )
    def get(self, request):
        claims = self.filter_queryset(self.get_queryset()).order_by("id")
        response = StreamingHttpResponse(csv_lines(claims), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="claims.csv"'
        return response
