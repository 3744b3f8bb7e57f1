"""Score the extraction pipeline against the gold annotations: P/R/F1 and value accuracy per kind."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.extraction.evaluation import evaluate, format_report, load_gold


class Command(BaseCommand):
    help = "Compare extracted quantities, dates and quotes with tests/gold (no database access)."

    def add_arguments(self, parser: CommandParser) -> None:
        base = Path(getattr(settings, "BASE_DIR", Path.cwd()))
        parser.add_argument("--gold", default=str(base / "tests" / "gold"))
        parser.add_argument("--seeds", default=str(base / "seeds"), help="directory holding the gold's texts")
        parser.add_argument("--details", action="store_true", help="list misses, spurious finds and wrong values")

    def handle(self, *args, **options) -> None:
        gold_dir, seeds_dir = Path(options["gold"]), Path(options["seeds"])
        if not gold_dir.is_dir():
            raise CommandError(f"No gold directory at {gold_dir}")
        try:
            documents = load_gold(gold_dir, seeds_dir)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Cannot load gold from {gold_dir}: {error}") from None
        if not documents:
            raise CommandError(f"No *.json gold files in {gold_dir}")
        self.stdout.write(f"{len(documents)} documents, gold in {gold_dir}")
        self.stdout.write(format_report(evaluate(documents), details=options["details"]))
