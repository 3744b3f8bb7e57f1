"""Sharing the work: assigning articles, taking them, the presence heartbeat, and wire copies' claims."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article

from .. import services
from ..models import Claim
from ..selectors.desk import presences_of_others
from .cards import safe_next

ID_MAX_DIGITS = 18
QUEUE_ARTICLES_MAX = 200  # a queue page shows 25 claims; anything longer is not from the page


def posted_id(request, name: str) -> int | None:
    value = request.POST.get(name, "")
    return int(value) if value.isascii() and value.isdigit() and len(value) <= ID_MAX_DIGITS else None


def back_to_article(request, article: Article, error: ValidationError | None = None):
    if error is not None:
        messages.error(request, " ".join(error.messages))
    return redirect(safe_next(request, article.get_absolute_url()))


@require_POST
@login_required
@permission_required("claims.change_articleassignment", raise_exception=True)
def article_assign(request, pk: int):
    article = get_object_or_404(Article, pk=pk)
    reviewer_id = posted_id(request, "reviewer")
    reviewer = get_user_model().objects.filter(pk=reviewer_id).first() if reviewer_id else None
    if reviewer is None:
        return back_to_article(request, article, ValidationError("Choose a reviewer."))
    try:
        services.article_assign(article=article, reviewer=reviewer, user=request.user)
    except ValidationError as error:
        return back_to_article(request, article, error)
    messages.success(request, f"Assigned to {reviewer.get_username()}.")
    return back_to_article(request, article)


def take_or_release(request, pk: int, service, done: str):
    """Take or release an article as the person asking, and say so on its page."""
    article = get_object_or_404(Article, pk=pk)
    try:
        service(article=article, user=request.user)
    except ValidationError as error:
        return back_to_article(request, article, error)
    messages.success(request, done)
    return back_to_article(request, article)


@require_POST
@login_required
@permission_required("claims.change_claim", raise_exception=True)
def article_take(request, pk: int):
    return take_or_release(request, pk, services.article_take, "This article is yours; it is in My queue.")


@require_POST
@login_required
@permission_required("claims.view_claim", raise_exception=True)
def article_release(request, pk: int):
    return take_or_release(request, pk, services.article_release, "Released: the article is nobody's now.")


@require_POST
@login_required
@permission_required("claims.view_claim", raise_exception=True)
def article_presence(request, pk: int):
    """The heartbeat of an open article page: note this reader, answer with who else is on it."""
    article = get_object_or_404(Article, pk=pk)
    claim_id = posted_id(request, "claim")
    claim = Claim.objects.filter(pk=claim_id, article=article).first() if claim_id else None
    services.presence_touch(user=request.user, article=article, claim=claim)
    presences = presences_of_others(article_ids=[article.pk], user=request.user)
    return render(request, "claims/includes/article_desk_panel.html#presence-list", {"presences": presences})


@require_GET
@login_required
@permission_required("claims.view_claim", raise_exception=True)
def queue_presence(request):
    """Who else is on the articles of the queue's page (polled by the page)."""
    values = request.GET.getlist("article")[:QUEUE_ARTICLES_MAX]
    ids = {int(value) for value in values if value.isascii() and value.isdigit() and len(value) <= ID_MAX_DIGITS}
    presences = presences_of_others(article_ids=sorted(ids), user=request.user)
    return render(request, "claims/includes/queue_presence.html", {"presences": presences})


@require_GET
@login_required
@permission_required("claims.view_claim", raise_exception=True)
def my_queue(request):
    """The review queue of the articles assigned to me."""
    return redirect(f"{reverse('claims:review_queue')}?mine=on")


@require_POST
@login_required
@permission_required("claims.add_claimlink", raise_exception=True)
def wire_copy_link(request, pk: int, other_pk: int):
    article = get_object_or_404(Article, pk=pk)
    other = get_object_or_404(Article, pk=other_pk)
    try:
        linked = services.wire_copy_link_claims(article=article, other=other, user=request.user)
    except ValidationError as error:
        return back_to_article(request, article, error)
    messages.success(request, f"{linked} claim(s) linked as the same claim as in “{other.title}”.")
    return back_to_article(request, article)
