from django.contrib import admin
from django.db import models
from django.db.models import Count

from core.admin import AuditedAdmin

from .models import Article, Source
from .services import article_update


@admin.register(Source)
class SourceAdmin(AuditedAdmin):
    list_display = ["name", "default_language", "article_count", "created_at"]
    list_filter = ["default_language"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(ordering="article_count", description="Articles")
    def article_count(self, source):
        return source.article_count


@admin.register(Article)
class ArticleAdmin(AuditedAdmin):
    # An address typed without its scheme is a web page: https, as the article forms and Django 6 assume.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = [
        "title",
        "source",
        "language",
        "published_on",
        "extraction_status",
        "uploaded_by",
        "uploaded_at",
    ]
    list_filter = ["extraction_status", "language", "source", "published_on"]
    search_fields = ["title", "body", "url", "source__name"]
    date_hierarchy = "uploaded_at"
    list_select_related = ["source", "uploaded_by"]
    readonly_fields = [
        "content_hash",
        "uploaded_by",
        "uploaded_at",
        "updated_at",
        "extraction_status",
        "extraction_error",
        "extraction_status_changed_at",
        "extractor_version",
    ]

    def has_add_permission(self, request):
        # Articles come in through the upload page, the API or `import_articles`, which queue their extraction.
        return False

    def get_readonly_fields(self, request, obj=None):
        # Every claim points into the body by offsets: an edit here would move all highlights onto other words.
        readonly = super().get_readonly_fields(request, obj)
        return [*readonly, "body"] if obj is not None else readonly

    def save_model(self, request, obj, form, change):
        fields = {name: getattr(obj, name) for name in form.changed_data}
        self.article_save(article=obj, user=request.user, fields=fields)

    def article_save(self, *, article: Article, user, fields: dict) -> None:
        article_update(article=article, user=user, **fields)
