"""Import an archive of articles and queue their claim extraction in batches. Running it twice adds nothing."""

from itertools import islice
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.bulk_readers import Unreadable, count_entries, read_drafts
from articles.models import Language
from articles.services import is_duplicate
from claims.services import articles_submit


class Command(BaseCommand):
    help = (
        "Import articles from a folder of .txt/.html files, a .zip of them, or a JSON Lines file "
        "(title, body, source, language, published_on, url); skips texts already stored."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--source", default="Unknown outlet", help="Outlet of files that do not name one.")
        parser.add_argument(
            "--language", default="", choices=Language.values, help="Language of every file (default: detected)."
        )
        parser.add_argument("--chunk-size", type=int, default=500, help="Articles stored per transaction.")

    def handle(self, *args, path: Path, source: str, language: str, chunk_size: int, **options):
        if not path.exists():
            raise CommandError(f"{path} does not exist.")
        try:
            entries = read_drafts(path, source=source, language=language)
            total = count_entries(path)
        except ValueError as error:
            raise CommandError(str(error)) from error
        created = duplicates = 0
        problems: list[str] = []
        with tqdm(total=total, unit="article", desc="Importing", file=self.stderr) as progress:
            for chunk in iter(lambda: list(islice(entries, chunk_size)), []):
                drafts = [entry for entry in chunk if not isinstance(entry, Unreadable)]
                problems += [f"{entry.name}: {entry.reason}" for entry in chunk if isinstance(entry, Unreadable)]
                # Each chunk commits on its own, so its extraction is queued while the next one is read.
                result = articles_submit(drafts=drafts)
                created += len(result.created)
                duplicates += result.duplicates
                problems += [
                    f"{drafts[position].title[:80]}: {'; '.join(error.messages)}"
                    for position, error in result.refused
                    if not is_duplicate(error)
                ]
                progress.update(len(chunk))
        for problem in problems:
            self.stderr.write(f"Skipped {problem}")
        self.stdout.write(
            f"Imported {created} article(s); skipped {duplicates} duplicate(s) and {len(problems)} unreadable; "
            "their extraction is queued."
        )
