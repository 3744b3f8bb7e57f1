"""The Suggestions page: the engine's proposals across the archive, best first, each decided with one key."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from .. import selectors, services
from ..models import ClaimLink, Suggestion
from .cards import safe_next

PAGE_SIZE = 20
# The key that takes each decision on the page (and the button's label says it).
DECISION_KEYS = [("same_as", "s"), ("contradicts", "x"), ("supports", "p"), ("update", "u")]


def suggestions_filtered(params):
    suggestions = selectors.suggestions_pending()
    relation = params.get("relation", "")
    if relation in Suggestion.Relation.values:
        suggestions = suggestions.filter(relation=relation)
    claim = params.get("claim", "")
    if claim.isdigit() and len(claim) <= 18:
        suggestions = selectors.claim_suggestions(claim_id=int(claim))
        if relation in Suggestion.Relation.values:
            suggestions = suggestions.filter(relation=relation)
    return suggestions, relation, claim


@require_GET
@login_required
@permission_required("claims.view_suggestion", raise_exception=True)
def suggestion_list(request):
    suggestions, relation, claim = suggestions_filtered(request.GET)
    page = Paginator(suggestions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "relation": relation,
        "claim_filter": claim,
        "relations": Suggestion.Relation.choices,
        "decisions": [(value, key, ClaimLink.Relation(value).label) for value, key in DECISION_KEYS],
        "query": query.urlencode(),
    }
    return render(request, "claims/suggestion_list.html", context)


def decided_response(request, suggestion: Suggestion, *, notice: str = "", error: str = ""):
    if request.htmx:
        context = {"suggestion": suggestion, "notice": notice, "error": error}
        return render(request, "claims/suggestion_list.html#suggestion-decided", context)
    (messages.error if error else messages.success)(request, error or notice)
    return redirect(safe_next(request, reverse("claims:suggestion_list")))


@require_POST
@login_required
@permission_required(["claims.change_suggestion", "claims.add_claimlink"], raise_exception=True)
def suggestion_accept(request, pk: int):
    suggestion = get_object_or_404(selectors.suggestion_list(), pk=pk)
    relation = request.POST.get("relation", "")
    try:
        services.suggestion_accept(suggestion=suggestion, relation=relation, user=request.user)
    except ValidationError as invalid:
        return decided_response(request, suggestion, error=" ".join(invalid.messages))
    label = ClaimLink.Relation(relation).label.lower()
    return decided_response(request, suggestion, notice=f"Linked as {label}: “{suggestion.claim.text[:60]}”.")


@require_POST
@login_required
@permission_required("claims.change_suggestion", raise_exception=True)
def suggestion_dismiss(request, pk: int):
    suggestion = get_object_or_404(selectors.suggestion_list(), pk=pk)
    try:
        services.suggestion_dismiss(suggestion=suggestion, user=request.user)
    except ValidationError as invalid:
        return decided_response(request, suggestion, error=" ".join(invalid.messages))
    notice = (
        f"Dismissed: “{suggestion.claim.text[:60]}” and “{suggestion.candidate.text[:60]}” will not be suggested again."
    )
    return decided_response(request, suggestion, notice=notice)
