from django.core.exceptions import ValidationError
from rest_framework import pagination
from rest_framework.exceptions import NotFound


class NewestFirstCursorPagination(pagination.CursorPagination):
    """Cursor pagination keeps deep pages as cheap as the first; ids give a stable, unique order."""

    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 500

    def paginate_queryset(self, queryset, request, view=None):
        self.paged_model = queryset.model
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        cursor = super().decode_cursor(request)
        if cursor is not None and cursor.position is not None:
            # A position is a value of the ordering field that this API wrote; a forged one the field cannot
            # read (p=abc for an id) would otherwise fail inside the ORM, as a server error.
            field = self.paged_model._meta.get_field(self.ordering[0].lstrip("-"))
            try:
                field.to_python(cursor.position)
            except ValidationError:
                raise NotFound(self.invalid_cursor_message) from None
        return cursor
