from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from articles import selectors

from .serializers import ArticleDetailSerializer, ArticleSerializer, SourceSerializer


@extend_schema_view(
    list=extend_schema(description="Every outlet, with how many of its articles the tracker holds."),
    retrieve=extend_schema(description="One outlet."),
)
class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = SourceSerializer
    queryset = selectors.source_list()
    filterset_fields = ["default_language"]


@extend_schema_view(
    list=extend_schema(description="Articles, newest upload first, with their extraction status and claim counts."),
    retrieve=extend_schema(description="One article with its full text."),
)
class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = selectors.article_list()
    filterset_fields = ["language", "source", "extraction_status", "published_on"]

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleSerializer
