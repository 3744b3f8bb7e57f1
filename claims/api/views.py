import re

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from claims import selectors, services
from claims.exports.columns import CLAIM_CSV_HEADER, claim_csv_row
from core.api.handlers import PreconditionRequired
from core.api.sync import DeletionsMixin

from . import examples
from .filters import ClaimFilter, ClaimLinkFilter
from .serializers import ClaimChangeSerializer, ClaimLinkSerializer, ClaimSerializer, ConflictSerializer
from .suggestions import CLAIM_SUGGESTION_EXAMPLE, ClaimSuggestionSerializer

ENTITY_TAG = re.compile(r'^\s*(?:W/)?"?(\d+)"?\s*$')
# A claim's suggestions are few (the engine keeps its best ten per side); this caps a pathological pair count.
SUGGESTIONS_SHOWN = 50
IF_MATCH = OpenApiParameter(
    "If-Match", str, OpenApiParameter.HEADER, description='The version you read, as its ETag (`"3"`).'
)


def expected_version(request, change: dict) -> int:
    """The claim version the client based its change on: the body's `version`, else the If-Match header."""
    if "version" in change:
        return change["version"]
    header = request.headers.get("If-Match")
    if header is None:
        raise PreconditionRequired()
    match = ENTITY_TAG.match(header)
    if not match:
        raise serializers.ValidationError({"If-Match": 'Send the ETag you read, e.g. "3".'})
    return int(match[1])


@extend_schema_view(
    list=extend_schema(
        description="Claims with their article (id, outlet, language, publication date, URL), normalised reading, "
        "status and reviewer. Filter by status, kind, article, source, language, unit, entity, publication dates "
        "and `updated_since` (incremental sync; deletions are in `/claims/deleted/`); `search` the text; "
        "`ordering` by id, updated_at or created_at. `?format=csv` or `Accept: text/csv` for a spreadsheet.",
        examples=[examples.CLAIM_EXAMPLE],
    ),
    retrieve=extend_schema(
        description="One claim. The `ETag` header holds its version, for `If-Match` on a later change.",
        examples=[examples.CLAIM_EXAMPLE],
    ),
    partial_update=extend_schema(
        description="A reviewer's decision, with a read-write token of an account that may review: confirm or "
        "reject (`status`), or correct the `reading` or span (which confirms it). Send the `version` you read "
        "(or `If-Match`); if someone changed the claim since, the answer is 409 with the list of their changes.",
        request=ClaimChangeSerializer,
        parameters=[IF_MATCH],
        responses={
            200: ClaimSerializer,
            409: ConflictSerializer,
            428: OpenApiResponse(description="No version was sent."),
        },
        examples=[
            examples.CONFIRM_EXAMPLE,
            examples.CORRECT_EXAMPLE,
            examples.CLAIM_EXAMPLE,
            examples.CONFLICT_EXAMPLE,
        ],
    ),
)
class ClaimViewSet(DeletionsMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ClaimSerializer
    queryset = selectors.claim_list()
    csv_header = CLAIM_CSV_HEADER
    csv_row = staticmethod(claim_csv_row)
    filterset_class = ClaimFilter
    search_fields = ["text", "sentence", "article__title"]
    ordering_fields = ["id", "updated_at", "created_at"]
    http_method_names = ["get", "patch", "head", "options"]

    @extend_schema(
        description="The linking engine's suggestions for this claim, best first: each names the other `claim` "
        "(id, text, article, outlet, language, reading), a `score`, the `relation` it would have (same_as, "
        "contradicts, supports, update) and the `reasons` in words. Dismissed and accepted ones are left out.",
        responses=ClaimSuggestionSerializer(many=True),
        filters=False,
        examples=[CLAIM_SUGGESTION_EXAMPLE],
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def suggestions(self, request, pk=None):
        claim = self.get_object()
        suggestions = selectors.claim_suggestions(claim_id=claim.pk)[:SUGGESTIONS_SHOWN]
        return Response(ClaimSuggestionSerializer(suggestions, many=True, context={"claim_id": claim.pk}).data)

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        response["ETag"] = f'"{response.data["version"]}"'
        return response

    def partial_update(self, request, *args, **kwargs):
        claim = self.get_object()
        change = ClaimChangeSerializer(data=request.data)
        change.is_valid(raise_exception=True)
        data, version = change.validated_data, expected_version(request, change.validated_data)
        if {"reading", "start", "end"} & data.keys():
            services.claim_update(
                claim=claim,
                user=request.user,
                expected_version=version,
                reading=data.get("reading", claim.normalized),
                start=data.get("start"),
                end=data.get("end"),
            )
        else:
            services.claim_status_set(claim=claim, user=request.user, status=data["status"], expected_version=version)
        claim = self.get_queryset().get(pk=claim.pk)
        return Response(ClaimSerializer(claim).data, headers={"ETag": f'"{claim.version}"'})


@extend_schema_view(
    list=extend_schema(
        description="Links reviewers made between claims of different articles: same_as, supports, contradicts. "
        "Filter by relation or claim, and `updated_since` for links made since (deletions: `/links/deleted/`).",
        examples=[examples.LINK_EXAMPLE],
    ),
    retrieve=extend_schema(description="One link.", examples=[examples.LINK_EXAMPLE]),
)
class ClaimLinkViewSet(DeletionsMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ClaimLinkSerializer
    queryset = selectors.link_list()
    filterset_class = ClaimLinkFilter
    search_fields = ["note"]
    ordering_fields = ["id", "created_at"]
