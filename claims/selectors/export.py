"""Reads behind the API's facts and ClaimReview export."""

from django.db.models import Exists, Max, Min, OuterRef, Prefetch, QuerySet

from ..models import Claim, ClaimLink, Fact, Rating
from .review import claim_list


def facts_with_claims() -> QuerySet[Fact]:
    """Facts with their verdict, their claims (and articles), and the contradictions touching those claims."""
    contradictions = ClaimLink.objects.filter(relation=ClaimLink.Relation.CONTRADICTS)
    claims = claim_list().prefetch_related(
        Prefetch("outgoing_links", queryset=contradictions, to_attr="contradicts_out"),
        Prefetch("incoming_links", queryset=contradictions, to_attr="contradicts_in"),
    )
    return Fact.objects.select_related("verdict", "verdict_by").prefetch_related(Prefetch("claims", queryset=claims))


def facts_reviewed() -> QuerySet[Fact]:
    """Facts at least one of whose claims a reviewer confirmed: the ones published as ClaimReviews."""
    confirmed = Claim.objects.filter(fact=OuterRef("pk"), status=Claim.Status.CONFIRMED)
    return facts_with_claims().filter(Exists(confirmed))


def rating_scale_bounds() -> tuple[int | None, int | None]:
    """The best and worst values of the newsroom's verdict scale, whatever it is."""
    bounds = Rating.objects.aggregate(best=Max("value"), worst=Min("value"))
    return bounds["best"], bounds["worst"]
