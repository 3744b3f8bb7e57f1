"""Work that follows a stored extraction (link suggestions, wire copies), queued on the light queue once the
claims are committed, so it never lengthens the extraction a worker is doing."""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def queue_on_commit(task, ids: list[int], *, what: str) -> None:
    """Publish `task(ids)` once the transaction commits; a broker failure is logged, not raised: the stored
    claims are what matters. `index_claims_for_linking` catches missed link suggestions up; a missed wire-copy
    fingerprint waits for the article's next extraction."""
    if not ids:
        return
    ids = list(ids)

    def publish() -> None:
        try:
            task.delay(ids)
        except Exception:  # any broker failure: logged, see above
            logger.warning("Could not queue %s for %s ids.", what, len(ids))

    transaction.on_commit(publish)
