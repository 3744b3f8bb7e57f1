from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from claims.services import article_create_and_queue

from . import selectors
from .forms import ArticleUploadForm
from .models import Article
from .services import source_get_or_create


@require_GET
@login_required
@permission_required("articles.view_article", raise_exception=True)
def article_list(request):
    status = request.GET.get("status", "")
    articles = selectors.article_list()
    if status:
        articles = articles.filter(extraction_status=status)
    page = Paginator(articles, 50).get_page(request.GET.get("page"))
    context = {"page": page, "status": status, "statuses": Article.ExtractionStatus.choices}
    return render(request, "articles/article_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("articles.add_article", raise_exception=True)
def article_upload(request):
    form = ArticleUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            source = data["source"] or source_get_or_create(name=data["new_source"], default_language=data["language"])
            article = article_create_and_queue(
                title=data["title"],
                body=data["text"],
                source=source,
                language=data["language"],
                published_on=data["published_on"],
                url=data["url"],
                uploaded_by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Article saved. Its claims are being extracted.")
            return redirect(article)
    return render(request, "articles/article_upload.html", {"form": form})


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's refusal next to the field it concerns (the text when it names none)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error("body", error)
