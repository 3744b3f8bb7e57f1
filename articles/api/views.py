from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import viewsets

from articles import selectors
from core.api.sync import DeletionsMixin

from .serializers import SourceSerializer


@extend_schema_view(
    list=extend_schema(
        description="Every outlet, with how many of its articles the tracker holds.",
        examples=[
            OpenApiExample(
                "An outlet",
                value={
                    "id": 4,
                    "name": "Le Quotidien",
                    "default_language": "fr",
                    "article_count": 120,
                    "created_at": "2026-01-05T12:00:00+01:00",
                },
            )
        ],
    ),
    retrieve=extend_schema(description="One outlet."),
)
class SourceViewSet(DeletionsMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = SourceSerializer
    queryset = selectors.source_list()
    filterset_fields = ["default_language"]
    search_fields = ["name"]
    ordering_fields = ["id", "name"]
