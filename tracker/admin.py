"""The admin base class for every model with an audit trail."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


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
