"""Score the extraction pipeline against gold annotations: P/R/F1 and field accuracy per language and kind."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.extraction.evaluation import evaluate_by_language, format_language_report, load_gold


def _gold_sets(base: Path) -> dict[str, tuple[Path, Path]]:
    """Each named set: (gold directory, directory holding the gold's texts)."""
    development = base / "tests" / "devset" / "extraction"
    return {"seeds": (base / "tests" / "gold", base / "seeds"), "dev": (development, development)}


class Command(BaseCommand):
    help = (
        "Compare extracted quantities, dates and quotes with gold annotations (no database access): "
        "the seeds (tests/gold, the default) or the development set (--set dev, tests/devset/extraction)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--set", dest="gold_set", choices=("seeds", "dev"), default="seeds")
        parser.add_argument("--gold", help="gold directory (overrides --set)")
        parser.add_argument("--seeds", help="directory holding the gold's texts (overrides --set)")
        parser.add_argument("--details", action="store_true", help="list misses, spurious finds and wrong values")

    def handle(self, *args, **options) -> None:
        base = Path(getattr(settings, "BASE_DIR", Path.cwd()))
        default_gold, default_texts = _gold_sets(base)[options["gold_set"]]
        gold_dir = Path(options["gold"] or default_gold)
        texts_next_to_gold = options["gold"] and options["gold_set"] == "dev"
        texts_dir = Path(options["seeds"] or (gold_dir if texts_next_to_gold else default_texts))
        if not gold_dir.is_dir():
            raise CommandError(f"No gold directory at {gold_dir}")
        try:
            documents = load_gold(gold_dir, texts_dir)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Cannot load gold from {gold_dir}: {error}") from None
        if not documents:
            raise CommandError(f"No *.json gold files in {gold_dir}")
        languages = sorted({document.language for document in documents})
        self.stdout.write(f"{len(documents)} documents ({', '.join(languages)}), gold in {gold_dir}")
        self.stdout.write(format_language_report(evaluate_by_language(documents), details=options["details"]))
