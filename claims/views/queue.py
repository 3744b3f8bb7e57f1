"""The review queue: claims across all articles, filtered, sorted and paged, with the same actions."""

from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import selectors
from ..filters import ClaimQueueFilter

PAGE_SIZE = 25


@require_GET
@login_required
@permission_required("claims.view_claim", raise_exception=True)
def review_queue(request):
    params = request.GET.copy()
    if "status" not in params:
        params["status"] = "candidate"  # a reviewer comes here for what is left to do
    base = (
        selectors.claims_for_cards().exclude(kind="entity") if not params.get("kind") else selectors.claims_for_cards()
    )
    filters = ClaimQueueFilter(params, queryset=base.order_by("-article_id", "start"), request=request)
    page = Paginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    claims = list(page.object_list)
    history = selectors.claims_history(claim_ids=[claim.pk for claim in claims])
    for claim in claims:
        claim.recent_history = history[claim.pk]
    query = params.copy()
    query.pop("page", None)
    context = {"filters": filters, "page": page, "claims": claims, "query": query.urlencode()}
    return render(request, "claims/review_queue.html", context)
