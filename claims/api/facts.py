from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer

from claims import selectors
from claims.exports.claimreview import JSONLDRenderer, fact_claimreview
from core.api.sync import DeletionsMixin

from . import examples
from .filters import FactFilter
from .serializers import FactSerializer


@extend_schema_view(
    list=extend_schema(
        description="Facts: each is one statement as several outlets word it (claims joined by same-as links), "
        "with the newsroom's verdict and the contradictions recorded against its claims. Filter by verdict, "
        "`has_verdict` and `updated_since` (deletions: `/facts/deleted/`).",
        examples=[examples.FACT_EXAMPLE],
    ),
    retrieve=extend_schema(description="One fact.", examples=[examples.FACT_EXAMPLE]),
)
class FactViewSet(DeletionsMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = FactSerializer
    queryset = selectors.facts_with_claims()
    filterset_class = FactFilter
    ordering_fields = ["id", "updated_at"]


class ClaimReviewSerializer(serializers.BaseSerializer):
    """Shapes a fact as schema.org ClaimReview; the scale's bounds come once per request from the context."""

    def to_representation(self, fact):
        request = self.context["request"]
        url = request.build_absolute_uri(fact.get_absolute_url())  # the fact's page: what a reader can open
        best, worst = self.context["scale_bounds"]
        return fact_claimreview(fact, url=url, newsroom=settings.NEWSROOM_NAME, best=best, worst=worst)


@extend_schema_view(
    list=extend_schema(
        description="schema.org ClaimReview JSON-LD for every fact with a confirmed claim, newest first: the "
        "claim reviewed, where it appeared (each article with its URL, date and outlet) and first appeared, the "
        "speaker of a quote, and, once a verdict is set, `reviewRating` on the newsroom's own scale.",
        operation_id="v1_claim_reviews_list",
        responses=OpenApiTypes.OBJECT,
        examples=[examples.CLAIM_REVIEW_EXAMPLE],
    ),
    retrieve=extend_schema(
        description="One fact's ClaimReview, ready to embed in a page as `application/ld+json`.",
        responses=OpenApiTypes.OBJECT,
        examples=[examples.CLAIM_REVIEW_EXAMPLE],
    ),
)
class ClaimReviewViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ClaimReviewSerializer
    queryset = selectors.facts_reviewed()
    filterset_class = FactFilter
    # Named, not read off the serializer: a JSON-LD shaper has no fields for the browsable API to list.
    ordering_fields = ["id", "updated_at"]
    renderer_classes = [JSONRenderer, JSONLDRenderer, BrowsableAPIRenderer]

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "scale_bounds": selectors.rating_scale_bounds()}
