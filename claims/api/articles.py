"""The articles API: read articles with their claim counts, and push new ones to be extracted."""

from drf_spectacular.utils import OpenApiExample, PolymorphicProxySerializer, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from articles.api.filters import ArticleFilter
from articles.api.serializers import ArticleDetailSerializer, ArticleInputSerializer, ArticleSerializer
from articles.services import ArticleDraft
from core.api.sync import DeletionsMixin

from .. import selectors
from ..services import articles_submit

MAX_ARTICLES_PER_REQUEST = 100
ARTICLE_EXAMPLE = {
    "id": 57,
    "title": "Sommet de l'OTAN : plus de 30 pays réunis à Vilnius",
    "source": "Le Quotidien",
    "url": "https://example.org/otan-vilnius",
    "language": "fr",
    "published_on": "2026-03-17",
    "uploaded_at": "2026-03-17T09:58:40+01:00",
    "updated_at": "2026-03-17T09:58:52+01:00",
    "content_hash": "9f2c…",
    "extraction_status": "done",
    "extraction_error": "",
    "extractor_version": "1.2.0",
    "claim_count": 12,
    "unreviewed_count": 3,
}
ARTICLE_INPUT = {
    "title": "Sommet de l'OTAN : plus de 30 pays réunis à Vilnius",
    "body": "Plus de 30 pays ont envoyé des délégations à Vilnius, selon l'OTAN.",
    "source": "Le Quotidien",
    "language": "fr",
    "published_on": "2026-03-17",
    "url": "https://example.org/otan-vilnius",
}


@extend_schema_view(
    list=extend_schema(
        description="Articles with their extraction status and claim counts. Filter by language, source, "
        "extraction status, publication dates and `updated_since` (deletions: `/articles/deleted/`).",
        examples=[OpenApiExample("An article", value=ARTICLE_EXAMPLE, response_only=True)],
    ),
    retrieve=extend_schema(
        description="One article with its full text.",
        examples=[OpenApiExample("An article", value={**ARTICLE_EXAMPLE, "body": ARTICLE_INPUT["body"]})],
    ),
    create=extend_schema(
        description="Push one article (an object) or up to 100 (a list, stored all or none) with a read-write "
        "token of an account that may add articles. Each is stored at once and its claims are extracted in "
        "the background, as for an upload; a text already in the tracker is refused.",
        request=PolymorphicProxySerializer(
            component_name="ArticleInputOneOrMany",
            serializers=[ArticleInputSerializer, ArticleInputSerializer(many=True)],
            resource_type_field_name=None,
            many=False,
        ),
        responses={
            201: PolymorphicProxySerializer(
                component_name="ArticleOneOrMany",
                serializers=[ArticleSerializer, ArticleSerializer(many=True)],
                resource_type_field_name=None,
                many=False,
            )
        },
        examples=[
            OpenApiExample("One article", value=ARTICLE_INPUT, request_only=True),
            OpenApiExample("Several articles", value=[ARTICLE_INPUT], request_only=True),
            OpenApiExample(
                "Stored, extraction queued",
                value={**ARTICLE_EXAMPLE, "extraction_status": "pending"},
                response_only=True,
            ),
        ],
    ),
)
class ArticleViewSet(DeletionsMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    queryset = selectors.articles_with_claim_counts()
    filterset_class = ArticleFilter
    search_fields = ["title", "source__name"]
    ordering_fields = ["id", "uploaded_at", "updated_at"]

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleSerializer

    def create(self, request, *args, **kwargs):
        many = isinstance(request.data, list)
        if many:
            articles = ArticleInputSerializer(data=request.data, many=True, max_length=MAX_ARTICLES_PER_REQUEST)
        else:
            articles = ArticleInputSerializer(data=request.data)
        articles.is_valid(raise_exception=True)
        items = articles.validated_data if many else [articles.validated_data]
        drafts = [ArticleDraft(**item) for item in items]
        created = articles_submit(drafts=drafts, uploaded_by=request.user, all_or_none=True).created
        stored = {article.pk: article for article in self.get_queryset().filter(pk__in=[a.pk for a in created])}
        data = ArticleSerializer([stored[article.pk] for article in created], many=True).data
        return Response(data if many else data[0], status=status.HTTP_201_CREATED)
