"""A reviewer's actions on one claim: confirm, reject, edit, add, comment, undo. Each works over htmx
(the card comes back) and as a plain form post (back to the page the reviewer was on)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from articles.models import Article

from .. import services
from ..extraction.suggest import reading_suggest
from ..forms import ClaimCreateForm, ClaimEditForm, CommentForm, reading_initial, reading_initial_values
from ..models import Claim
from .cards import cards_oob, claim_card_or_redirect, claim_with_history, safe_next

REVIEW_DECISIONS = {"confirm": services.claim_confirm, "reject": services.claim_reject}
SUGGEST_MAX_CHARS = 300  # a selection longer than a sentence or two is not one figure or date
BATCH_STATUSES = {"confirm": Claim.Status.CONFIRMED, "reject": Claim.Status.REJECTED}


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def version_given(value: str) -> bool:
    return value.isascii() and value.isdigit() and len(value) <= 9


def picked_claims(values: list[str]) -> list[tuple[int, int]] | None:
    """The (claim id, version seen) pairs of a multi-claim decision, from "id:version" values; None if malformed."""
    picked = []
    for value in values:
        pk, _, version = value.partition(":")
        if not (pk.isascii() and pk.isdigit() and len(pk) <= 18 and version_given(version)):
            return None
        picked.append((int(pk), int(version)))
    return picked


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
    version = request.POST.get("version", "")
    if not version_given(version):
        # Without the version the reviewer saw, a decision could overwrite a newer one unseen (as in the API).
        notice = "This decision did not say which version of the claim you saw; reload the page and decide again."
        return claim_card_or_redirect(request, claim, notice=notice, status=400)
    try:
        claim = REVIEW_DECISIONS[decision](claim=claim, user=request.user, expected_version=int(version))
    except services.ClaimConflict as conflict:
        if not request.htmx:
            messages.warning(request, conflict_text(conflict))
        return claim_card_or_redirect(request, conflict.claim, notice=conflict_text(conflict))
    return claim_card_or_redirect(request, claim)


@require_POST
@login_required
@permission_required("claims.change_claim", raise_exception=True)
def claims_decide(request):
    """Confirm or reject the selected claims in one action, undone as one."""
    decision = request.POST.get("decision", "")
    picked = picked_claims(request.POST.getlist("claims"))
    if decision not in BATCH_STATUSES or picked is None:
        return render(request, "400.html", {"message": "Select claims, then Confirm or Reject."}, status=400)
    versions = dict(picked)  # a claim ticked twice (two cards of it on one page) is decided once
    claims = Claim.objects.select_related("article").in_bulk(list(versions))
    decisions = [(claims[pk], version) for pk, version in versions.items() if pk in claims]
    try:
        decided = services.claims_decide(decisions=decisions, user=request.user, status=BATCH_STATUSES[decision])
    except services.ClaimConflict as conflict:
        text = f"Nothing was decided: {conflict_text(conflict)}"
        decided, level = [conflict.claim], "error"
    except ValidationError as error:
        text, decided, level = error_text(error), [], "error"
    else:
        text, level = f"{len(decided)} claim(s) {BATCH_STATUSES[decision].label.lower()}. Press u to undo.", ""
    if request.htmx:
        return cards_oob(request, decided, toast=text, level=level)
    (messages.error if level else messages.success)(request, text)
    return redirect(safe_next(request, "/"))


@require_POST
@login_required
@permission_required("claims.change_claim", raise_exception=True)
def claim_span(request, pk: int):
    """Move a claim onto other words (drag handles, or select and press `s`): the card and the text come back."""
    claim = get_object_or_404(Claim, pk=pk)
    version = request.POST.get("version", "")
    if not version_given(version):
        notice = "This change did not say which version of the claim you saw; reload the page and try again."
        return claim_card_or_redirect(request, claim, notice=notice, status=400)
    try:
        claim = services.claim_span_move(
            claim=claim,
            user=request.user,
            expected_version=int(version),
            start=request.POST.get("start"),
            end=request.POST.get("end"),
        )
    except services.ClaimConflict as conflict:
        notice, claim = conflict_text(conflict), conflict.claim
    except ValidationError as error:
        notice = error_text(error)
    else:
        notice = f"Moved to “{claim.text[:60]}”."
        if request.htmx:
            return HttpResponseClientRefresh()  # every highlight of the text is cut again
    if not request.htmx:
        messages.info(request, notice)
    return claim_card_or_redirect(request, claim, notice=notice)


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


def claim_create_initial(article: Article, query) -> tuple[dict, str]:
    """The add-claim form's first values from a selection (?start=&end=): the span, and the reading the
    extractor's rules suggest for the selected words. Returns them with the selected text."""
    initial = query.dict()
    start, end = initial.get("start", ""), initial.get("end", "")
    if not (start.isascii() and start.isdigit() and end.isascii() and end.isdigit() and len(start + end) < 20):
        return initial, ""
    selected = article.body[int(start) : int(end)]
    if "kind" not in initial and 0 < len(selected) <= SUGGEST_MAX_CHARS:
        suggestion = reading_suggest(selected, language=article.language, published=article.published_on)
        if suggestion:
            initial |= {"kind": suggestion.kind, **reading_initial_values(suggestion.fields)}
    return initial, selected


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("claims.add_claim", raise_exception=True)
def claim_create(request, article_pk: int):
    article = get_object_or_404(Article, pk=article_pk)
    initial, selected = claim_create_initial(article, request.GET)
    form = ClaimCreateForm(request.POST or None, initial=initial or None, auto_id="new-claim-%s")
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
    context = {
        "article": article,
        "form": form,
        "selected": selected,
        "suggested": "value" in initial or "date" in initial,
    }
    return render(request, template, context)


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
        undone = services.decision_revert(claim=claim, user=request.user, history_id=history_id)
    except ValidationError as error:
        if not request.htmx:
            messages.error(request, error_text(error))
        return claim_card_or_redirect(request, claim, notice=error_text(error))
    notice = "Decision undone." if len(undone) == 1 else f"Decision undone on {len(undone)} claims."
    if not request.htmx:
        messages.success(request, notice)
        return claim_card_or_redirect(request, claim)
    response = claim_card_or_redirect(request, claim, notice=notice)
    others = [other for other in undone if other.pk != claim.pk]
    if others:
        response.content += cards_oob(request, others).content
    return response


@require_POST
@login_required
@permission_required("claims.change_claim", raise_exception=True)
def claim_undo(request):
    """Undo the reviewer's last decision, wherever it was (the `u` key)."""
    try:
        claims = services.claim_undo_last_decision(user=request.user)
    except ValidationError as error:
        text = error_text(error)
        if request.htmx:
            return render(request, "claims/toast.html", {"text": text, "level": "error"})
        messages.error(request, text)
        return redirect(safe_next(request, "/"))
    first = claims[0]
    if len(claims) == 1:
        text = f"Undid your last decision on “{first.text[:60]}”."
    else:
        text = f"Undid your last decision on {len(claims)} claims."
    if request.htmx:
        return cards_oob(request, claims, toast=text)
    messages.success(request, text)
    return redirect(safe_next(request, f"{first.article.get_absolute_url()}#claim-{first.pk}"))
