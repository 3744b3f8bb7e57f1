"""Facts: the claims joined by same-as links, side by side, with their contradictions and verdict."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from .. import selectors, services
from ..forms import VerdictForm
from ..models import Fact


@require_GET
@login_required
@permission_required("claims.view_fact", raise_exception=True)
def fact_list(request):
    page = Paginator(selectors.fact_list(), 50).get_page(request.GET.get("page"))
    return render(request, "claims/fact_list.html", {"page": page})


@require_GET
@login_required
@permission_required("claims.view_fact", raise_exception=True)
def fact_detail(request, pk: int):
    try:
        view = selectors.fact_detail(fact_id=pk)
    except Fact.DoesNotExist as missing:
        raise Http404("No such fact.") from missing
    fact = view.fact
    form = VerdictForm(initial={"rating": fact.verdict_id, "note": fact.verdict_note})
    return render(request, "claims/fact_detail.html", {"view": view, "fact": fact, "verdict_form": form})


@require_POST
@login_required
@permission_required("claims.change_fact", raise_exception=True)
def fact_verdict(request, pk: int):
    fact = get_object_or_404(Fact, pk=pk)
    form = VerdictForm(request.POST)
    if form.is_valid():
        services.fact_set_verdict(
            fact=fact, rating=form.cleaned_data["rating"], note=form.cleaned_data["note"], user=request.user
        )
        messages.success(request, "Verdict saved.")
    else:
        messages.error(request, "Choose a verdict from the newsroom's scale.")
    return redirect(fact.get_absolute_url())
