"""A reviewer's actions on one claim: confirm, reject, edit, add, comment, undo. Each works over htmx
(the card comes back) and as a plain form post (back to the page the reviewer was on)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from articles.models import Article

from .. import services
from ..forms import ClaimCreateForm, ClaimEditForm, CommentForm, reading_initial
from ..models import Claim, ClaimLink
from .cards import claim_card_or_redirect, claim_with_history, safe_next

REVIEW_DECISIONS = {"confirm": services.claim_confirm, "reject": services.claim_reject}


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def conflict_text(conflict: services.ClaimConflict) -> str:
    changed = "; ".join(conflict.changes) or "it was saved again"
    return f"Someone saved this claim after you opened it ({changed}). Check it and decide again."


@require_GET
@login_required
@permission_required("claims.view_claim", raise_exception=True)
def claim_card(request, pk: int):
    return claim_card_or_redirect(request, get_object_or_404(Claim, pk=pk))


@require_POST
@login_required
@permission_required("claims.change_claim", raise_exception=True)
def claim_decide(request, pk: int, decision: str):
    claim = get_object_or_404(Claim, pk=pk)
    version = request.POST.get("version")
    try:
        expected = int(version) if version else None
        claim = REVIEW_DECISIONS[decision](claim=claim, user=request.user, expected_version=expected)
    except ValueError:
        return claim_card_or_redirect(request, claim, notice="That form was damaged; try again.")
    except services.ClaimConflict as conflict:
        if not request.htmx:
            messages.warning(request, conflict_text(conflict))
        return claim_card_or_redirect(request, conflict.claim, notice=conflict_text(conflict))
    return claim_card_or_redirect(request, claim)


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("claims.change_claim", raise_exception=True)
def claim_edit(request, pk: int):
    claim = claim_with_history(pk)
    initial = {"version": claim.version, "start": claim.start, "end": claim.end, **reading_initial(claim)}
    # Ids unique per claim: several edit forms and the add form can be on one page.
    form = ClaimEditForm(request.POST or None, initial=initial, kind=claim.kind, auto_id=f"edit-{claim.pk}-%s")
    if request.method == "POST" and form.is_valid():
        try:
            claim = services.claim_update(
                claim=claim,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                reading=form.reading(),
                start=form.cleaned_data["start"],
                end=form.cleaned_data["end"],
            )
        except services.ClaimConflict as conflict:
            form.add_error(None, conflict_text(conflict))
            # The next save is checked against what the reviewer has now seen.
            form.data = form.data.copy()
            form.data["version"] = conflict.claim.version
            claim = claim_with_history(conflict.claim.pk)
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            if not request.htmx:
                messages.success(request, "Claim corrected.")
            return claim_card_or_redirect(request, claim)
    template = "claims/claim_edit.html#edit-form" if request.htmx else "claims/claim_edit.html"
    return render(request, template, {"claim": claim, "form": form, "next": safe_next(request, "")})


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("claims.add_claim", raise_exception=True)
def claim_create(request, article_pk: int):
    article = get_object_or_404(Article, pk=article_pk)
    form = ClaimCreateForm(request.POST or None, initial=request.GET.dict() or None, auto_id="new-claim-%s")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            claim = services.claim_create(
                article=article,
                user=request.user,
                kind=data["kind"],
                start=data["start"],
                end=data["end"],
                reading=form.reading(),
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error_text(error))
        else:
            messages.success(request, f"Claim “{claim.text[:60]}” added.")
            if request.htmx:
                return HttpResponseClientRefresh()  # the highlights of the whole text change
            return redirect(f"{article.get_absolute_url()}#claim-{claim.pk}")
    template = "claims/claim_create.html#create-form" if request.htmx else "claims/claim_create.html"
    return render(request, template, {"article": article, "form": form})


@require_POST
@login_required
@permission_required("claims.add_claimcomment", raise_exception=True)
def claim_comment(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    form = CommentForm(request.POST)
    notice = ""
    if form.is_valid():
        try:
            services.claim_comment_add(claim=claim, user=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            notice = error_text(error)
    else:
        notice = "Write a comment first (at most 5,000 characters)."
    if notice and not request.htmx:
        messages.error(request, notice)
    return claim_card_or_redirect(request, claim, notice=notice)


@require_POST
@login_required
@permission_required("claims.change_claim", raise_exception=True)
def claim_revert(request, pk: int, history_id: int):
    claim = get_object_or_404(Claim, pk=pk)
    try:
        claim = services.claim_revert(claim=claim, user=request.user, history_id=history_id)
    except ValidationError as error:
        if not request.htmx:
            messages.error(request, error_text(error))
        return claim_card_or_redirect(request, claim, notice=error_text(error))
    if not request.htmx:
        messages.success(request, "Decision undone.")
    return claim_card_or_redirect(request, claim, notice="Decision undone.")


@require_POST
@login_required
@permission_required("claims.change_claim", raise_exception=True)
def claim_undo(request):
    """Undo the reviewer's last decision, wherever it was (the `u` key)."""
    try:
        claim = services.claim_undo_last_decision(user=request.user)
    except ValidationError as error:
        text = error_text(error)
        if request.htmx:
            return render(request, "claims/toast.html", {"text": text, "level": "error"})
        messages.error(request, text)
        return redirect(safe_next(request, "/"))
    text = f"Undid your last decision on “{claim.text[:60]}”."
    if request.htmx:
        card = render_to_string(
            "claims/claim_card.html", {"claim": claim_with_history(claim.pk), "oob": True}, request=request
        )
        toast = render_to_string("claims/toast.html", {"text": text}, request=request)
        return HttpResponse(card + toast)
    messages.success(request, text)
    return redirect(safe_next(request, f"{claim.article.get_absolute_url()}#claim-{claim.pk}"))


@require_POST
@login_required
@permission_required("claims.delete_claimlink", raise_exception=True)
def link_delete(request, pk: int):
    link = get_object_or_404(ClaimLink.objects.select_related("from_claim", "to_claim"), pk=pk)
    # The card the button was on: either end of the link.
    claim = link.to_claim if request.POST.get("claim") == str(link.to_claim_id) else link.from_claim
    services.claim_unlink(link=link, user=request.user)
    if not request.htmx:
        messages.success(request, "Link removed.")
    return claim_card_or_redirect(request, claim, notice="Link removed.")
