"""The desk's front page: what waits, what was decided, and how the extractor fares by reviewers' account."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import selectors
from ..models import Claim


@require_GET
@login_required
def dashboard(request):
    can_view = request.user.has_perm("claims.view_claim")
    context = {"can_view": can_view}
    if can_view:
        context |= {
            "extraction": selectors.extraction_counts(),
            "to_review": Claim.objects.filter(status=Claim.Status.CANDIDATE)
            .exclude(kind="entity")
            .aggregate(n=Count("pk"))["n"],
            "decisions": selectors.recent_decisions(),
            "busiest": selectors.articles_most_to_review(),
            "scores": selectors.extractor_scores(),
        }
    return render(request, "claims/dashboard.html", context)
