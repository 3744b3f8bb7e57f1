"""The admin for claims, links, facts and webhooks. Every change goes through the same services as the pages.

A service refusal (a bad reading, a stale version) comes back as the form's error, not as a server error.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count

from articles.admin import ArticleAdmin
from articles.models import Article
from core.admin import AuditedAdmin

from . import services
from .models import Claim, ClaimLink, Fact, Rating, WebhookDelivery, WebhookSubscription


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = [
        "kind",
        "text",
        "start",
        "end",
        "normalized",
        "status",
        "origin",
        "reviewed_by",
        "extractor_version",
    ]
    # Read-only: a claim changes through its own page (and so through the review services).
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False
    ordering = ["start"]


@admin.register(Claim)
class ClaimAdmin(AuditedAdmin):
    list_display = [
        "text",
        "kind",
        "reading",
        "status",
        "article",
        "origin",
        "rule",
        "confidence",
        "reviewed_by",
    ]
    list_filter = ["kind", "status", "origin", "extractor_version", "negated", "hypothetical", "reported"]
    search_fields = ["text", "sentence", "article__title"]
    list_select_related = ["article", "reviewed_by"]
    # Status and reading change through the review services; the span is fixed on the reader page.
    fields = ["article", "kind", "text", "start", "end", "sentence", "status", "normalized", "origin", "edited"]
    readonly_fields = ["article", "kind", "text", "start", "end", "sentence", "origin", "edited", "version"]
    fields = [*fields, "version", "reviewed_by", "reviewed_at", "rule", "confidence", "extractor_version"]
    readonly_fields = [*readonly_fields, "reviewed_by", "reviewed_at", "rule", "confidence", "extractor_version"]

    def has_add_permission(self, request):
        return False  # a missed claim is added on the reader page, where its span is selected in the text

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return service_form(form, lambda instance, data: claim_admin_save(instance, data, request.user))

    def save_model(self, request, obj, form, change):
        pass  # saved by the form's clean, through the services


def link_admin_save(link: ClaimLink, user) -> None:
    # Through the link service, so a same-as link forms or merges a fact and the webhook is sent.
    stored = services.claim_link(
        from_claim=link.from_claim, to_claim=link.to_claim, relation=link.relation, note=link.note, user=user
    )
    link.pk = stored.pk


def claim_admin_save(claim: Claim, changed: dict, user) -> None:
    stored = Claim.objects.get(pk=claim.pk)
    if "normalized" in changed:
        reading = changed["normalized"] if isinstance(changed["normalized"], dict) else None
        if reading is None:
            raise ValidationError({"normalized": "Write the reading as a JSON object."})
        stored = services.claim_update(claim=stored, user=user, expected_version=claim.version, reading=reading)
        version = stored.version
    else:
        version = claim.version
    if "status" in changed and changed["status"] != stored.status:
        services.claim_status_set(claim=stored, user=user, status=changed["status"], expected_version=version)


def service_form(form_class, save):
    """The admin's form, whose clean calls `save(instance, changed fields)` and shows a refusal on the form.

    Django's admin saves after the form is valid, with no way left to refuse; saving from clean keeps a
    service's ValidationError (or a stale version) where the editor sees it.
    """

    class ServiceForm(form_class):
        def _post_clean(self):
            super()._post_clean()
            if self.errors:
                return
            changed = {name: self.cleaned_data[name] for name in self.changed_data if name in self.cleaned_data}
            try:
                save(self.instance, changed)
            except services.ClaimConflict as conflict:
                self.add_error(None, str(conflict))
            except ValidationError as error:
                self.add_error(None, error)

    return ServiceForm


@admin.register(ClaimLink)
class ClaimLinkAdmin(AuditedAdmin):
    list_display = ["from_claim", "relation", "to_claim", "created_by", "created_at"]
    list_filter = ["relation"]
    search_fields = ["note", "from_claim__text", "to_claim__text"]
    list_select_related = ["from_claim", "to_claim", "created_by"]
    raw_id_fields = ["from_claim", "to_claim"]
    fields = ["from_claim", "relation", "to_claim", "note"]

    def has_change_permission(self, request, obj=None):
        return False  # a link is made or removed, never rewritten: its fact depends on it

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return service_form(form, lambda instance, data: link_admin_save(instance, request.user))

    def save_model(self, request, obj, form, change):
        pass  # saved by the form's clean, through the link service

    def delete_model(self, request, obj):
        services.claim_unlink(link=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for link in queryset:
            services.claim_unlink(link=link, user=request.user)


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "url"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    """The delivery log: what was sent to whom, how often, and what the subscriber answered."""

    list_display = ["created_at", "event", "subscription", "status", "attempts", "response_status", "delivered_at"]
    list_filter = ["status", "event", "subscription"]
    list_select_related = ["subscription"]
    search_fields = ["uuid", "error"]
    readonly_fields = [field.name for field in WebhookDelivery._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Fact)
class FactAdmin(AuditedAdmin):
    list_display = ["__str__", "verdict", "verdict_by", "verdict_at", "updated_at"]
    list_filter = ["verdict"]
    search_fields = ["statement", "verdict_note", "claims__text"]
    list_select_related = ["verdict", "verdict_by"]
    fields = ["statement", "verdict", "verdict_note", "verdict_by", "verdict_at", "created_at", "updated_at"]
    # The statement is edited on the fact's page, through its service, like the verdict here.
    readonly_fields = ["statement", "verdict_by", "verdict_at", "created_at", "updated_at"]

    def has_add_permission(self, request):
        return False  # a fact forms when claims are linked as the same

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return service_form(
            form,
            lambda fact, data: services.fact_set_verdict(
                fact=fact, rating=fact.verdict, note=fact.verdict_note, user=request.user
            ),
        )

    def save_model(self, request, obj, form, change):
        pass  # saved by the form's clean, through the verdict service


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["value", "name", "description"]
    search_fields = ["name"]


admin.site.unregister(Article)


@admin.register(Article)
class ArticleWithClaimsAdmin(ArticleAdmin):
    """The articles app's admin, plus the article's claims and a re-extraction action."""

    list_display = [*ArticleAdmin.list_display, "claim_count"]
    inlines = [ClaimInline]
    actions = ["rerun_extraction"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_count=Count("claims"))

    @admin.display(ordering="claim_count", description="Claims")
    def claim_count(self, article):
        return article.claim_count

    def article_save(self, *, article: Article, user, fields: dict) -> None:
        services.article_correct(article=article, user=user, **fields)

    @admin.action(description="Re-run claim extraction", permissions=["change"])
    def rerun_extraction(self, request, queryset):
        for article in queryset:
            services.article_queue_extraction(article=article)
        self.message_user(
            request, f"Extraction queued for {queryset.count()} article(s); reviewed claims are kept.", messages.SUCCESS
        )
