from django.contrib import admin, messages

from tracker.admin import AuditedAdmin

from .models import ApiToken, Claim, ClaimLink, Fact, WebhookDelivery, WebhookSubscription


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
    readonly_fields = ["kind", "text", "start", "end", "origin", "reviewed_by", "extractor_version"]
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
    raw_id_fields = ["article", "reviewed_by"]
    readonly_fields = ["created_at", "updated_at", "extractor_version", "rule", "confidence"]


@admin.register(ClaimLink)
class ClaimLinkAdmin(AuditedAdmin):
    list_display = ["from_claim", "relation", "to_claim", "created_by", "created_at"]
    list_filter = ["relation"]
    search_fields = ["note", "from_claim__text", "to_claim__text"]
    list_select_related = ["from_claim", "to_claim", "created_by"]
    raw_id_fields = ["from_claim", "to_claim", "created_by"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "access", "key_prefix", "is_active", "created_at"]
    list_filter = ["access", "is_active"]
    search_fields = ["name", "user__username"]
    raw_id_fields = ["user"]
    readonly_fields = ["key_prefix", "created_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            key = obj.issue_key()
            messages.warning(request, f"The key for {obj.name} is {key} — copy it now: it is not shown again.")
        super().save_model(request, obj, form, change)


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
    search_fields = ["verdict_note", "claims__text"]
    list_select_related = ["verdict", "verdict_by"]
    raw_id_fields = ["verdict_by"]
    readonly_fields = ["created_at", "updated_at"]
