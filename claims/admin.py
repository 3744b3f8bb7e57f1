from django.contrib import admin

from tracker.admin import AuditedAdmin

from .models import Claim, ClaimLink, Fact


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


@admin.register(Fact)
class FactAdmin(AuditedAdmin):
    list_display = ["__str__", "verdict", "verdict_by", "verdict_at", "updated_at"]
    list_filter = ["verdict"]
    search_fields = ["verdict_note", "claims__text"]
    list_select_related = ["verdict", "verdict_by"]
    raw_id_fields = ["verdict_by"]
    readonly_fields = ["created_at", "updated_at"]
