from rest_framework.routers import DefaultRouter

from core.converters import RowIdConverter


class RowIdRouter(DefaultRouter):
    """Detail URLs take row ids only: anything else, or an id too large for the database, is a 404."""

    def get_lookup_regex(self, viewset, lookup_prefix=""):
        if getattr(viewset, "lookup_value_regex", None) is None:
            viewset.lookup_value_regex = RowIdConverter.regex
        return super().get_lookup_regex(viewset, lookup_prefix)
