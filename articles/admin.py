from django.contrib import admin, messages
from django.db.models import Count

from claims.admin import ClaimInline
from claims.services import article_queue_extraction
from tracker.admin import AuditedAdmin

from .models import Article, Source


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
    list_display = [
        "title",
        "source",
        "language",
        "published_on",
        "extraction_status",
        "claim_count",
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
    inlines = [ClaimInline]
    actions = ["rerun_extraction"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_count=Count("claims"))

    @admin.display(ordering="claim_count", description="Claims")
    def claim_count(self, article):
        return article.claim_count

    @admin.action(description="Re-run claim extraction", permissions=["change"])
    def rerun_extraction(self, request, queryset):
        for article in queryset:
            article_queue_extraction(article=article)
        self.message_user(
            request,
            f"Extraction queued for {queryset.count()} article(s); reviewed claims are kept.",
            messages.SUCCESS,
        )
