from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from articles import selectors as article_selectors
from articles.forms import ArticleEditForm, ArticleUploadForm
from articles.ingest import detect_language
from articles.models import Article
from articles.services import ArticleDraft

from .. import selectors
from ..services import (
    ArticleCorrected,
    article_correct,
    article_retry_extraction,
    articles_submit,
    extraction_queue_reachable,
)

ID_MAX_DIGITS = 18  # below 2**63, the largest id PostgreSQL and SQLite store
QUEUE_DOWN_NOTICE = (
    "The extraction queue is unreachable right now. Your articles are saved as pending and will be "
    "extracted automatically when it is back; there is nothing to do."
)


@require_GET
@login_required
@permission_required("articles.view_article", raise_exception=True)
def article_list(request):
    status = request.GET.get("status", "")
    articles = selectors.articles_with_claim_counts()
    if status:
        articles = articles.filter(extraction_status=status)
    page = Paginator(articles, 50).get_page(request.GET.get("page"))
    context = {"page": page, "status": status, "statuses": Article.ExtractionStatus.choices}
    return render(request, "articles/article_list.html", context)


def uploaded_ids(values: list[str]) -> list[int]:
    """The article ids of an upload's progress list, from the query or a Retry form; junk is dropped."""
    # ASCII digits only ("²" is a digit to Python, not to int()), and no more than a database id can be.
    ids = [int(value) for value in values if value.isascii() and value.isdigit() and len(value) <= ID_MAX_DIGITS]
    return ids[: article_selectors.UPLOAD_PROGRESS_MAX]


def upload_page_url(ids: list[int]) -> str:
    return f"{reverse('claims:article_upload')}?{urlencode({'uploaded': ids}, doseq=True)}"


def progress_context(ids: list[int]) -> dict:
    articles = article_selectors.article_upload_progress(article_ids=ids)
    return {
        "uploaded": articles,
        "uploaded_ids": ids,
        "progress_query": urlencode({"uploaded": ids, "partial": "progress"}, doseq=True),
        "polling": article_selectors.extraction_in_progress(articles),
    }


def upload_drafts(data: dict, documents: list) -> list[ArticleDraft]:
    """One draft per pasted text or readable file, with the outlet, language and date the editor chose."""
    outlet = data["source"].name if data["source"] else data["new_source"]
    return [
        ArticleDraft(
            title=document.document.title or document.name or "Untitled",
            body=document.document.text,
            source=outlet,
            language=data["language"] or detect_language(document.document.text),
            published_on=data["published_on"],
            url=data["url"],
        )
        for document in documents
    ]


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("articles.add_article", raise_exception=True)
def article_upload(request):
    """The upload form, and under it the live extraction progress of the articles just uploaded."""
    ids = uploaded_ids(request.GET.getlist("uploaded"))
    if request.htmx and request.GET.get("partial") == "progress":
        return render(request, "articles/article_upload.html#upload-progress", progress_context(ids))
    form = ArticleUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        readable = [document for document in data["documents"] if document.document]
        outcome = articles_submit(drafts=upload_drafts(data, readable), uploaded_by=request.user)
        ids = [article.pk for article in outcome.created]
        if outcome.created:
            messages.success(request, f"{len(outcome.created)} article(s) saved. Their claims are being extracted.")
            if not extraction_queue_reachable():
                messages.warning(request, QUEUE_DOWN_NOTICE)
        refused = [(document.name, document.error) for document in data["documents"] if document.error]
        refused += [(readable[position].name, error) for position, error in outcome.refused]
        if not refused:
            return redirect(upload_page_url(ids))
        form.add_refusals(refused)
    return render(request, "articles/article_upload.html", {"form": form, **progress_context(ids)})


@require_POST
@login_required
@permission_required("articles.change_article", raise_exception=True)
def article_retry(request, pk: int):
    try:
        article_retry_extraction(article_id=pk)
    except Article.DoesNotExist:
        messages.error(request, "This article no longer exists.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    ids = uploaded_ids(request.POST.getlist("uploaded")) or [pk]
    if request.htmx:
        return render(request, "articles/article_upload.html#upload-progress", progress_context(ids))
    return redirect(upload_page_url(ids))


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("articles.change_article", raise_exception=True)
def article_edit(request, pk: int):
    article = get_object_or_404(Article.objects.select_related("source"), pk=pk)
    form = ArticleEditForm(request.POST or None, instance=article)
    if request.method == "POST" and form.is_valid():
        fields = {
            name: form.cleaned_data[name] for name in form.Meta.fields if name != "source" or form.cleaned_data[name]
        }
        try:
            corrected = article_correct(article=article, user=request.user, **fields)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, correction_message(corrected))
            return redirect(corrected.article.get_absolute_url())
    return render(request, "articles/article_edit.html", {"article": article, "form": form})


def correction_message(corrected: ArticleCorrected) -> str:
    if corrected.correction is None:
        if corrected.extraction_changed:
            return "Details saved. Its claims are extracted again; reviewed ones are kept."
        return "Details saved."
    correction = corrected.correction
    parts = [f"Text corrected: {correction.claims_kept} claim(s) kept on their words"]
    if correction.claims_changed:
        parts.append(f"{correction.claims_changed} whose words changed are back to review with a note")
    if correction.claims_lost:
        parts.append(f"{correction.claims_lost} could not be found and are listed on this page")
    return "; ".join(parts) + ". The changed paragraphs are extracted again."
