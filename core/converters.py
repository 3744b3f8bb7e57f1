"""URL converters shared by the apps' URLs."""


class RowIdConverter:
    """A row id: at most 18 digits, so an id too large for the database is a 404, not a server error."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
