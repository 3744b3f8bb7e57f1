from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from articles.models import Article

from . import selectors, services
from .forms import ClaimLinkForm
from .models import Claim


def kind_counts(claims: list[Claim]) -> dict[str, int]:
    counts = {label: 0 for label in Claim.Kind.labels}
    for claim in claims:
        counts[claim.get_kind_display()] += 1
    return counts


@require_GET
@login_required
@permission_required("claims.view_claim", raise_exception=True)
def article_review(request, pk: int):
    try:
        article = selectors.article_for_review(article_id=pk)
    except Article.DoesNotExist as missing:
        raise Http404("No such article.") from missing
    claims = list(article.claims.all())
    shown_kinds = request.GET.getlist("kind") or [k for k in Claim.Kind.values if k != Claim.Kind.ENTITY]
    listed = [claim for claim in claims if claim.kind in shown_kinds]
    context = {
        "article": article,
        "claims": listed,
        "segments": selectors.article_segments(body=article.body, claims=listed),
        "kind_counts": kind_counts(claims),
        "shown_kinds": shown_kinds,
        "kinds": Claim.Kind.choices,
    }
    if request.htmx and request.GET.get("partial") == "status":
        if article.extraction_status in {Article.ExtractionStatus.DONE, Article.ExtractionStatus.FAILED}:
            return HttpResponseClientRefresh()  # the claims list changed too: show the whole page anew
        return render(request, "claims/article_review.html#extraction-status", context)
    return render(request, "claims/article_review.html", context)


def claim_partial_or_redirect(request, claim: Claim):
    if request.htmx:
        return render(request, "claims/article_review.html#claim-card", {"claim": claim})
    return redirect(f"{claim.article.get_absolute_url()}#claim-{claim.pk}")


REVIEW_DECISIONS = {"confirm": services.claim_confirm, "reject": services.claim_reject}


@require_POST
@login_required
@permission_required("claims.change_claim", raise_exception=True)
def claim_review(request, pk: int, decision: str):
    claim = REVIEW_DECISIONS[decision](claim=get_object_or_404(Claim, pk=pk), user=request.user)
    return claim_partial_or_redirect(request, claim)


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("claims.add_claimlink", raise_exception=True)
def claim_link(request, pk: int):
    claim = get_object_or_404(selectors.claim_list(), pk=pk)
    form = ClaimLinkForm(request.POST or None, targets=selectors.claim_link_targets(claim=claim))
    if request.method == "POST" and form.is_valid():
        try:
            services.claim_link(from_claim=claim, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Link recorded.")
            return redirect(f"{claim.article.get_absolute_url()}#claim-{claim.pk}")
    return render(request, "claims/claim_link.html", {"claim": claim, "form": form})
