"""Load the demo articles in seeds/ (see seeds/manifest.json). Running it twice adds nothing."""

import json
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.services import ArticleDraft, is_duplicate
from claims.services import articles_submit


class Command(BaseCommand):
    help = "Load the seed articles and queue their claim extraction; skips those already loaded."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=str(settings.BASE_DIR / "seeds"), help="Folder with manifest.json.")

    def handle(self, *args, **options):
        folder = Path(options["dir"])
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            drafts = [
                ArticleDraft(
                    title=entry["title"],
                    body=(folder / entry["file"]).read_text(encoding="utf-8"),
                    source=entry.get("source") or "Unknown outlet",
                    language=entry["language"],
                    published_on=date.fromisoformat(entry["published"]) if entry.get("published") else None,
                )
                for entry in manifest
            ]
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Cannot read the seeds in {folder}: {error}") from error
        result = articles_submit(drafts=drafts)
        for position, error in result.refused:
            if not is_duplicate(error):
                self.stderr.write(f"Skipped {drafts[position].title}: {'; '.join(error.messages)}")
        self.stdout.write(f"Seeds: {len(result.created)} article(s) added, {result.duplicates} already there.")
