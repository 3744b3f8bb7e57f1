"""Domain errors every layer may raise and the API turns into answers (see core.api.handlers)."""


class VersionConflict(Exception):
    """A write based on a copy of a row that someone else has changed since it was read.

    `changes` says who changed what, in words; `version` is the row's current version, so a client can
    re-read and decide again.
    """

    def __init__(self, message: str, *, changes: list[str], version: int):
        super().__init__(message)
        self.changes = changes
        self.version = version
