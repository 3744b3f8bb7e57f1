"""The review queue: claims across all articles, filtered, sorted and paged, with the same actions."""

import json

from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import selectors
from ..filters import ClaimQueueFilter
from ..models import Claim

PAGE_SIZE = 25


def queue_filter(params: QueryDict, *, request) -> ClaimQueueFilter:
    """The queue as these parameters filter it for this reviewer: candidates by default, entity mentions on demand."""
    params = params.copy()
    if "status" not in params:
        params["status"] = "candidate"  # a reviewer comes here for what is left to do
    base = selectors.claims_for_cards()
    if not params.get("kind"):
        base = base.exclude(kind="entity")
    return ClaimQueueFilter(params, queryset=base.order_by("-article_id", "start"), request=request)


def queue_left_to_review(filters: ClaimQueueFilter, *, matching: int | None = None) -> int:
    """The candidates among what the filters match: what the reviewer still has to decide on here.

    `matching` is the count the page already made: when the queue shows only candidates, it is the answer.
    """
    if (
        matching is not None
        and filters.is_valid()
        and filters.form.cleaned_data.get("status") == Claim.Status.CANDIDATE
    ):
        return matching
    return filters.qs.filter(status=Claim.Status.CANDIDATE).count()


@require_GET
@login_required
@permission_required("claims.view_claim", raise_exception=True)
def review_queue(request):
    filters = queue_filter(request.GET, request=request)
    page = Paginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    claims = list(page.object_list)
    history = selectors.claims_history(claim_ids=[claim.pk for claim in claims])
    for claim in claims:
        claim.recent_history = history[claim.pk]
    query = filters.data.copy()
    query.pop("page", None)
    # Every card action says it comes from the queue and with which filters, so the count can be redone.
    hx_vals = json.dumps({"card": "queue", "queue": query.urlencode()})
    context = {
        "filters": filters,
        "page": page,
        "claims": claims,
        "query": query.urlencode(),
        "hx_vals": hx_vals,
        "left": queue_left_to_review(filters, matching=page.paginator.count),
    }
    return render(request, "claims/review_queue.html", context)
