"""Facts: the claims joined by same-as links, with their statement, timeline, contradictions and verdict."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from .. import selectors, services
from ..exports.claimreview import claimreview_script, fact_claimreview
from ..filters import FactListFilter
from ..forms import FactStatementForm, VerdictForm
from ..models import Claim, Fact


@require_GET
@login_required
@permission_required("claims.view_fact", raise_exception=True)
def fact_list(request):
    filters = FactListFilter(request.GET, queryset=selectors.fact_list())
    page = Paginator(filters.qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "claims/fact_list.html", {"page": page, "filters": filters, "query": query.urlencode()})


def fact_page(request, pk: int, *, verdict_form=None, statement_form=None, status: int = 200):
    try:
        view = selectors.fact_detail(fact_id=pk)
    except Fact.DoesNotExist as missing:
        raise Http404("No such fact.") from missing
    fact = view.fact
    context = {
        "view": view,
        "fact": fact,
        "verdict_form": verdict_form or VerdictForm(initial={"rating": fact.verdict_id, "note": fact.verdict_note}),
        "statement_form": statement_form or FactStatementForm(initial={"statement": fact.statement}),
    }
    if any(claim.status == Claim.Status.CONFIRMED for claim in view.claims):
        # The same ClaimReview the API publishes, embedded for search engines (https://schema.org/ClaimReview).
        best, worst = selectors.rating_scale_bounds()
        review = fact_claimreview(
            fact, url=request.build_absolute_uri(fact.get_absolute_url()), newsroom=settings.NEWSROOM_NAME,
            best=best, worst=worst,
        )  # fmt: skip
        context["claimreview"] = claimreview_script(review)
    return render(request, "claims/fact_detail.html", context, status=status)


@require_GET
@login_required
@permission_required("claims.view_fact", raise_exception=True)
def fact_detail(request, pk: int):
    return fact_page(request, pk)


@require_POST
@login_required
@permission_required("claims.change_fact", raise_exception=True)
def fact_statement(request, pk: int):
    fact = get_object_or_404(Fact, pk=pk)
    form = FactStatementForm(request.POST)
    if form.is_valid():
        try:
            services.fact_set_statement(fact=fact, statement=form.cleaned_data["statement"], user=request.user)
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(request, "Statement saved.")
            return redirect(fact.get_absolute_url())
    return fact_page(request, pk, statement_form=form, status=400)


@require_POST
@login_required
@permission_required("claims.change_fact", raise_exception=True)
def fact_verdict(request, pk: int):
    fact = get_object_or_404(Fact, pk=pk)
    form = VerdictForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a verdict from the newsroom's scale.")
        return redirect(fact.get_absolute_url())
    rating = form.cleaned_data["rating"]
    candidates = fact.claims.filter(status=Claim.Status.CANDIDATE).count()
    if rating and candidates and not form.cleaned_data["despite_candidates"]:
        # A verdict over claims nobody has checked yet is asked for twice, not refused.
        context_form = VerdictForm(initial={**form.cleaned_data, "despite_candidates": True})
        context_form.candidates_pending = candidates
        return fact_page(request, pk, verdict_form=context_form)
    services.fact_set_verdict(fact=fact, rating=rating, note=form.cleaned_data["note"], user=request.user)
    messages.success(request, "Verdict saved.")
    return redirect(fact.get_absolute_url())
