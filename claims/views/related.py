"""The Related panel: the claim's stored suggestions, a number-aware search of the archive, one-click links;
and unlinking, with its undo."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from .. import selectors, services
from ..forms import ClaimLinkForm
from ..models import ClaimLink
from .cards import cards_oob, claim_card_or_redirect, claim_with_history, safe_next

SEARCH_PAGE_SIZE = 15


def related_context(request, claim, *, notice: str = "", error: str = "") -> dict:
    query = request.GET.get("q", request.POST.get("q", ""))[:200].strip()
    page = None
    if query:
        page = Paginator(selectors.claims_search_for_link(claim=claim, query=query), SEARCH_PAGE_SIZE).get_page(
            request.GET.get("page", request.POST.get("page"))
        )
        items = selectors.link_panel_items(claim=claim, others=list(page.object_list))
    else:
        items = selectors.claim_link_panel_suggestions(claim=claim)
    return {
        "claim": claim,
        "query": query,
        "page": page,
        "items": items,
        "relations": ClaimLink.Relation.choices,
        "notice": notice,
        "error": error,
    }


def related_response(request, claim, **extra):
    template = "claims/claim_related.html#related-panel" if request.htmx else "claims/claim_related.html"
    return render(request, template, related_context(request, claim, **extra))


@require_GET
@login_required
@permission_required("claims.view_claim", raise_exception=True)
def claim_related(request, pk: int):
    return related_response(request, get_object_or_404(selectors.claim_list(), pk=pk))


@require_POST
@login_required
@permission_required("claims.add_claimlink", raise_exception=True)
def claim_link(request, pk: int):
    claim = get_object_or_404(selectors.claim_list(), pk=pk)
    form = ClaimLinkForm(request.POST)
    if not form.is_valid():
        error = "Pick a claim and a relation."
    else:
        try:
            services.claim_link(from_claim=claim, user=request.user, **form.cleaned_data)
        except ValidationError as invalid:
            error = " ".join(invalid.messages)
        else:
            relation = dict(ClaimLink.Relation.choices)[form.cleaned_data["relation"]]
            notice = f"Linked: {relation.lower()} “{form.cleaned_data['to_claim'].text[:60]}”."
            if not request.htmx:
                messages.success(request, notice)
                return redirect(reverse("claims:claim_related", args=[claim.pk]))
            response = related_response(request, claim_with_history(claim.pk), notice=notice)
            response["HX-Trigger"] = f'{{"claim-changed": {claim.pk}}}'
            return response
    if not request.htmx:
        messages.error(request, error)
        return redirect(reverse("claims:claim_related", args=[claim.pk]))
    return related_response(request, claim, error=error)


@require_POST
@login_required
@permission_required("claims.delete_claimlink", raise_exception=True)
def link_delete(request, pk: int):
    link = get_object_or_404(ClaimLink.objects.select_related("from_claim", "to_claim"), pk=pk)
    # The card the button was on: either end of the link.
    claim = link.to_claim if request.POST.get("claim") == str(link.to_claim_id) else link.from_claim
    removal = services.claim_unlink(link=link, user=request.user)
    if not request.htmx:
        messages.success(request, "Link removed. Press u to undo.")
    restore_url = reverse("claims:link_restore", args=[removal])
    return claim_card_or_redirect(request, claim, notice="Link removed.", restore_url=restore_url)


@require_POST
@login_required
@permission_required("claims.add_claimlink", raise_exception=True)
def link_restore(request, history_id: int):
    """Undo an unlink: the link comes back as it was, and both its claims' cards with it."""
    try:
        link = services.link_restore(history_id=history_id, user=request.user)
    except ValidationError as error:
        if request.htmx:
            return render(request, "claims/toast.html", {"text": " ".join(error.messages), "level": "error"})
        messages.error(request, " ".join(error.messages))
        return redirect(safe_next(request, "/"))
    if request.htmx:
        return cards_oob(request, [link.from_claim, link.to_claim], toast="Link restored.")
    messages.success(request, "Link restored.")
    return redirect(safe_next(request, f"{link.from_claim.article.get_absolute_url()}#claim-{link.from_claim_id}"))
