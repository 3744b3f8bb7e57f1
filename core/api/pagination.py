from rest_framework import pagination


class NewestFirstCursorPagination(pagination.CursorPagination):
    """Cursor pagination keeps deep pages as cheap as the first; ids give a stable, unique order."""

    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 500
