"""The desk's front page: what waits, what was decided, and how the extractor fares by reviewers' account."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import selectors


@require_GET
@login_required
def dashboard(request):
    can_view = request.user.has_perm("claims.view_claim")
    context = {"can_view": can_view}
    if can_view:
        context |= {
            "extraction": selectors.extraction_counts(),
            "to_review": selectors.candidates_to_review(),
            "decisions": selectors.recent_decisions(),
            "busiest": selectors.articles_most_to_review(),
            "scores": selectors.extractor_scores(),
            "contradicted_verdicts": list(selectors.contradictions_against_verdicts()),
            "entity_mentions": selectors.entity_mentions_count(),
            "pace": selectors.desk_pace(),
        }
    return render(request, "claims/dashboard.html", context)
