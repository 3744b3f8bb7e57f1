"""Index every claim of the archive for linking, then compute its suggestions: for an archive that predates them."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from claims import services
from claims.models import Claim

BATCH = 500


class Command(BaseCommand):
    help = "Write the link keys of every claim, then compute each claim's suggestions against the whole archive."

    def add_arguments(self, parser):
        parser.add_argument("--index-only", action="store_true", help="Write the keys, skip the suggestions.")

    def handle(self, *args, index_only: bool = False, **options):
        claim_ids = list(Claim.objects.order_by("pk").values_list("pk", flat=True))
        batches = [claim_ids[start : start + BATCH] for start in range(0, len(claim_ids), BATCH)]
        # Every key first, so the first claims are compared with the whole archive, not just what came before.
        indexed = []
        for batch in tqdm(batches, unit="batch", desc="Indexing", file=self.stderr):
            indexed += services.claims_index_for_linking(claim_ids=batch)
        stored = 0
        if not index_only:
            for start in tqdm(range(0, len(indexed), BATCH), unit="batch", desc="Suggesting", file=self.stderr):
                stored += services.claims_suggest_links(claim_ids=indexed[start : start + BATCH], reindex=False)
        self.stdout.write(f"Indexed {len(indexed)} claims; {stored} suggestions stored or refreshed.")
