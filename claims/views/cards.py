"""How a page or an htmx request gets a claim back after a change: the card fragment, or a redirect."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from .. import selectors
from ..models import Claim


def claim_with_history(claim_id: int) -> Claim:
    claim = get_object_or_404(selectors.claims_for_cards(), pk=claim_id)
    claim.recent_history = selectors.claims_history(claim_ids=[claim.pk])[claim.pk]
    return claim


def safe_next(request, fallback: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}):
        return candidate
    return fallback


def claim_card_or_redirect(request, claim: Claim, *, notice: str = "", status: int = 200):
    """The refreshed card for htmx; for a plain form post, back to where the reviewer was (or, for a
    request that could not be read, a page saying so)."""
    if status == 400 and not request.htmx:
        return render(request, "400.html", {"message": notice}, status=400)
    if request.htmx:
        # Cards in the review queue carry hx-vals card=queue, so they come back with their article named.
        in_queue = request.POST.get("card", request.GET.get("card")) == "queue"
        context = {"claim": claim_with_history(claim.pk), "notice": notice, "show_article": in_queue}
        return render(request, "claims/claim_card.html", context, status=status)
    return redirect(safe_next(request, f"{claim.article.get_absolute_url()}#claim-{claim.pk}"))
