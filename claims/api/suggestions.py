"""The linking engine's suggestions in the API: one claim's, ranked, and every pending one, filtered and paged."""

from django.db.models import Q
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets

from articles.models import Language, Source
from claims import selectors
from claims.models import Claim, Suggestion
from core.api.filters import IdFilter, UtcDateTimeFilter

SIDE = {
    "id": 977,
    "text": "27 pays",
    "kind": "quantity",
    "article": 61,
    "outlet": "The Daily Wire",
    "language": "en",
    "published_on": "2026-03-18",
    "reading": {"value": 27.0, "value_max": None, "qualifier": "exact", "unit": "pays"},
    "status": "candidate",
}
REASONS = ["same unit (country)", "incompatible values: > 30 vs 27", "same entities: NATO, Vilnius"]
CLAIM_SUGGESTION_EXAMPLE = OpenApiExample(
    "A possible contradiction of claim 812",
    value=[
        {
            "id": 4410,
            "claim": SIDE,
            "score": 0.87,
            "relation": "contradicts",
            "reasons": REASONS,
            "status": "pending",
            "created_at": "2026-03-18T08:12:03+01:00",
        }
    ],
    response_only=True,
)
SUGGESTION_EXAMPLE = OpenApiExample(
    "A pending contradiction",
    value={
        "id": 4410,
        "claim": {**SIDE, "id": 812, "text": "plus de 30 pays", "article": 57, "outlet": "Le Quotidien",
                  "language": "fr", "published_on": "2026-03-17",
                  "reading": {"value": 30.0, "value_max": None, "qualifier": "more_than", "unit": "pays"}},
        "candidate": SIDE,
        "score": 0.87,
        "relation": "contradicts",
        "reasons": REASONS,
        "status": "pending",
        "created_at": "2026-03-18T08:12:03+01:00",
        "updated_at": "2026-03-18T08:12:03+01:00",
    },
    response_only=True,
)  # fmt: skip


class SuggestedClaimSerializer(serializers.ModelSerializer):
    outlet = serializers.CharField(source="article.source.name")
    language = serializers.CharField(source="article.language")
    published_on = serializers.DateField(source="article.published_on", allow_null=True)
    reading = serializers.JSONField(source="normalized", help_text="The normalised reading, as in /claims/.")

    class Meta:
        model = Claim
        fields = ["id", "text", "kind", "article", "outlet", "language", "published_on", "reading", "status"]


class ClaimSuggestionSerializer(serializers.ModelSerializer):
    """A suggestion seen from one claim: `claim` is the other side of the pair."""

    claim = serializers.SerializerMethodField()
    reasons = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = Suggestion
        fields = ["id", "claim", "score", "relation", "reasons", "status", "created_at"]

    @extend_schema_field(SuggestedClaimSerializer)
    def get_claim(self, suggestion) -> dict:
        # Both sides come joined from the selector: no query per row.
        return SuggestedClaimSerializer(suggestion.other(self.context["claim_id"])).data


class SuggestionSerializer(serializers.ModelSerializer):
    claim = SuggestedClaimSerializer()
    candidate = SuggestedClaimSerializer()
    reasons = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = Suggestion
        fields = ["id", "claim", "candidate", "score", "relation", "reasons", "status", "created_at", "updated_at"]


class SuggestionFilter(filters.FilterSet):
    claim = IdFilter(method="filter_claim", label="A claim on either side")
    article = IdFilter(method="filter_article", label="An article on either side")
    source = extend_schema_field(OpenApiTypes.INT)(
        filters.ModelChoiceFilter(method="filter_source", queryset=Source.objects.all(), label="Outlet id, either side")
    )
    language = filters.ChoiceFilter(method="filter_language", choices=Language.choices, label="Language, either side")
    kind = filters.ChoiceFilter(field_name="claim__kind", choices=Claim.Kind.choices)
    min_score = filters.NumberFilter(field_name="score", lookup_expr="gte")
    updated_since = UtcDateTimeFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = Suggestion
        fields = ["relation"]

    def either_side(self, queryset, lookup, value):
        return queryset.filter(Q(**{f"claim__{lookup}": value}) | Q(**{f"candidate__{lookup}": value}))

    def filter_claim(self, queryset, name, value):
        return queryset.filter(Q(claim_id=value) | Q(candidate_id=value))

    def filter_article(self, queryset, name, value):
        return self.either_side(queryset, "article_id", value)

    def filter_source(self, queryset, name, value):
        return self.either_side(queryset, "article__source", value)

    def filter_language(self, queryset, name, value):
        return self.either_side(queryset, "article__language", value)


@extend_schema_view(
    list=extend_schema(
        description="Pending suggestions of the linking engine across the archive, newest first (cursor pages): "
        "pairs of claims of different articles that may state the same fact (`same_as`), support it (`supports`), "
        "update it (`update`: the same count at a later time) or contradict it (`contradicts`), with a score and "
        "the reasons in words. Filter by relation, claim, article, outlet or language (either side), kind, "
        "`min_score` and `updated_since`. Reviewers decide on them on the Suggestions page.",
        examples=[SUGGESTION_EXAMPLE],
    ),
    retrieve=extend_schema(description="One suggestion, pending or decided.", examples=[SUGGESTION_EXAMPLE]),
)
class SuggestionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = SuggestionSerializer
    filterset_class = SuggestionFilter
    ordering_fields = ["id"]

    def get_queryset(self):
        if self.action == "list":
            return selectors.suggestions_pending().order_by("-id")
        return selectors.suggestion_list()
