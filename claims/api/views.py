from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from claims import selectors

from .serializers import ClaimLinkSerializer, ClaimSerializer


@extend_schema_view(
    list=extend_schema(
        description="Claims with their article, outlet, normalised reading and review status. "
        "Filter by `status`, `kind` or `article`."
    ),
    retrieve=extend_schema(description="One claim."),
)
class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ClaimSerializer
    queryset = selectors.claim_list()
    filterset_fields = ["status", "kind", "article", "origin"]


@extend_schema_view(
    list=extend_schema(description="Links reviewers made between claims of different articles."),
    retrieve=extend_schema(description="One link."),
)
class ClaimLinkViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ClaimLinkSerializer
    queryset = selectors.link_list()
    filterset_fields = ["relation", "from_claim", "to_claim"]
