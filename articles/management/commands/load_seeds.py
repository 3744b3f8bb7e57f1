"""Load the demo articles in seeds/ (see seeds/manifest.json). Running it twice adds nothing."""

import json
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.models import Article, content_hash
from articles.services import source_get_or_create
from claims.services import article_create_and_queue


class Command(BaseCommand):
    help = "Load the seed articles and queue their claim extraction; skips those already loaded."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=str(settings.BASE_DIR / "seeds"), help="Folder with manifest.json.")

    def handle(self, *args, **options):
        folder = Path(options["dir"])
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {folder / 'manifest.json'}: {error}") from error
        created = 0
        for entry in manifest:
            body = (folder / entry["file"]).read_text(encoding="utf-8").strip()
            if Article.objects.filter(content_hash=content_hash(body)).exists():
                continue
            source = source_get_or_create(
                name=entry.get("source") or "Unknown outlet", default_language=entry["language"]
            )
            article_create_and_queue(
                title=entry["title"],
                body=body,
                source=source,
                language=entry["language"],
                published_on=date.fromisoformat(entry["published"]) if entry.get("published") else None,
            )
            created += 1
        self.stdout.write(f"Seeds: {created} article(s) added, {len(manifest) - created} already there.")
