"""The article reader: the text with its claims highlighted, and the claim list beside it; and the
article context the review queue shows beside the selected claim."""

from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django_htmx.http import HttpResponseClientRefresh

from articles.models import Article

from .. import selectors
from ..forms import ClaimCreateForm
from ..models import Claim

REVIEWED_KINDS = [kind for kind in Claim.Kind.values if kind != Claim.Kind.ENTITY]


def kind_counts(claims: list[Claim]) -> dict[str, int]:
    counts = {label: 0 for label in Claim.Kind.labels}
    for claim in claims:
        counts[claim.get_kind_display()] += 1
    return counts


def candidate_kinds(claims: list[Claim]) -> list[tuple[str, str, int]]:
    """(kind, label, how many candidates) for the "select all candidates of this kind" buttons."""
    counts = {kind: 0 for kind in REVIEWED_KINDS}
    for claim in claims:
        if claim.status == Claim.Status.CANDIDATE and claim.kind in counts:
            counts[claim.kind] += 1
    return [(kind, Claim.Kind(kind).label, count) for kind, count in counts.items() if count]


@require_GET
@login_required
@permission_required("claims.view_claim", raise_exception=True)
def article_reader(request, pk: int):
    try:
        article = selectors.article_for_review(article_id=pk)
    except Article.DoesNotExist as missing:
        raise Http404("No such article.") from missing
    # Orphaned claims point into a text that is gone: the desk panel lists them apart.
    claims = [claim for claim in article.claims.all() if not claim.orphaned]
    shown_kinds = request.GET.getlist("kind") or REVIEWED_KINDS
    listed = [claim for claim in claims if claim.kind in shown_kinds]
    history = selectors.claims_history(claim_ids=[claim.pk for claim in listed])
    for claim in listed:
        claim.recent_history = history[claim.pk]
    context = {
        "article": article,
        "claims": listed,
        "segments": selectors.article_segments(body=article.body, claims=listed),
        "kind_counts": kind_counts(claims),
        "candidate_kinds": candidate_kinds(listed),
        "left": sum(1 for claim in claims if claim.status == Claim.Status.CANDIDATE and claim.kind in REVIEWED_KINDS),
        "shown_kinds": shown_kinds,
        "kinds": Claim.Kind.choices,
        "create_form": ClaimCreateForm(auto_id="new-claim-%s"),
    }
    if request.htmx and request.GET.get("partial") == "status":
        if article.extraction_status in {Article.ExtractionStatus.DONE, Article.ExtractionStatus.FAILED}:
            return HttpResponseClientRefresh()  # the claims list changed too: show the whole page anew
        return render(request, "claims/article_reader.html#extraction-status", context)
    return render(request, "claims/article_reader.html", context)


@require_GET
@login_required
@permission_required("claims.view_claim", raise_exception=True)
def claim_context(request, pk: int):
    """The selected claim's paragraph and article, for the queue's right column."""
    claim = get_object_or_404(selectors.claim_list(), pk=pk)
    context = {
        "claim": claim,
        "passage": selectors.claim_passage(claim),
        "left": Claim.objects.awaiting_review().filter(article_id=claim.article_id).count(),
    }
    return render(request, "claims/claim_context.html", context)
