"""The admin base class for every model with an audit trail, and the API tokens' admin."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from .models import ApiToken
from .services import api_token_create


class AuditedAdmin(SimpleHistoryAdmin):
    """simple-history's admin (history list, diffs, revert), where reverting needs the change permission.

    simple-history 3.13 saves a POST to a past version's form for anyone who may merely view the
    object, so a view-only role could overwrite it; refuse that here.
    """

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "access", "key_prefix", "is_active", "created_at"]
    list_filter = ["access", "is_active"]
    search_fields = ["name", "user__username"]
    raw_id_fields = ["user"]
    readonly_fields = ["key_prefix", "created_at"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        token, key = api_token_create(name=obj.name, user=obj.user, access=obj.access)
        # The admin goes on with its own instance (log entry, redirect): make it the stored token.
        for name in ("pk", "key_digest", "key_prefix", "created_at"):
            setattr(obj, name, getattr(token, name))
        messages.warning(request, f"The key for {obj.name} is {key} — copy it now: it is not shown again.")
