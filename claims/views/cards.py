"""How a page or an htmx request gets a claim back after a change: the card fragment, or a redirect.

A card swapped by htmx brings along, out of band, the page's count of what is left to review: the
reader's cards send their article (`hx-vals` article), the queue's cards its filters (`hx-vals` queue).
"""

from django.http import HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme

from .. import selectors
from ..models import Claim
from .queue import queue_filter, queue_left_to_review


def claim_with_history(claim_id: int) -> Claim:
    claim = get_object_or_404(selectors.claims_for_cards(), pk=claim_id)
    claim.recent_history = selectors.claims_history(claim_ids=[claim.pk])[claim.pk]
    return claim


def claims_with_history(claim_ids: list[int]) -> list[Claim]:
    claims = selectors.claims_for_cards().in_bulk(claim_ids)
    history = selectors.claims_history(claim_ids=list(claims))
    for claim in claims.values():
        claim.recent_history = history[claim.pk]
    return [claims[pk] for pk in claim_ids if pk in claims]


def safe_next(request, fallback: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}):
        return candidate
    return fallback


def page_param(request, name: str) -> str:
    return request.POST.get(name, request.GET.get(name, ""))


def in_queue(request) -> bool:
    return page_param(request, "card") == "queue"


def left_to_review(request) -> int | None:
    """What the page the request came from counts as left to review, or None if it did not say."""
    if in_queue(request):
        return queue_left_to_review(queue_filter(QueryDict(page_param(request, "queue")), request=request))
    article = page_param(request, "article")
    if article.isascii() and article.isdigit() and len(article) <= 18:
        return Claim.objects.awaiting_review().filter(article_id=int(article)).count()
    return None


def counts_oob(request) -> str:
    count = left_to_review(request)
    if count is None:
        return ""
    return render_to_string("claims/review_count.html", {"left": count, "oob": True}, request=request)


def cards_oob(request, claims: list[Claim], *, toast: str = "", level: str = "") -> HttpResponse:
    """Several cards at once (a batch, an undo), each swapped where it is on the page, with the counts."""
    context = {"oob": True, "show_article": in_queue(request)}
    html = "".join(
        render_to_string("claims/claim_card.html", {**context, "claim": claim}, request=request)
        for claim in claims_with_history([claim.pk for claim in claims])
    )
    if toast:
        html += render_to_string("claims/toast.html", {"text": toast, "level": level}, request=request)
    return HttpResponse(html + counts_oob(request))


def claim_card_or_redirect(request, claim: Claim, *, notice: str = "", status: int = 200, **extra):
    """The refreshed card for htmx; for a plain form post, back to where the reviewer was (or, for a
    request that could not be read, a page saying so)."""
    if status == 400 and not request.htmx:
        return render(request, "400.html", {"message": notice}, status=400)
    if request.htmx:
        context = {"claim": claim_with_history(claim.pk), "notice": notice, "show_article": in_queue(request), **extra}
        card = render_to_string("claims/claim_card.html", context, request=request)
        return HttpResponse(card + counts_oob(request), status=status)
    return redirect(safe_next(request, f"{claim.article.get_absolute_url()}#claim-{claim.pk}"))
