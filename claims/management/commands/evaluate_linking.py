"""Score cross-source linking on the linking development set: recall@5, MRR, contradictions, distractors."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.linking.evaluation import (
    evaluate,
    extract_articles,
    format_misses,
    format_report,
    load_devset,
    mention_keys,
)


class Command(BaseCommand):
    help = (
        "Extract the claims of the linking development set (tests/devset/linking), rank every gold mention "
        "against all the others and print recall@5, MRR, contradiction precision and recall and the share of "
        "distractors ranked first or flagged, per language pair. No database access."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--devset", help="folder holding gold.json and the articles (default: the project's)")
        parser.add_argument(
            "--misses",
            action="store_true",
            help="after the figures, list every pair scored wrong (same-fact partners not in the first 5, false "
            "and missed contradictions, distractors ranked first or flagged, updates not typed) with both claims' "
            "keys and the engine's reasons",
        )

    def handle(self, *args, **options) -> None:
        base = Path(getattr(settings, "BASE_DIR", Path.cwd()))
        directory = Path(options["devset"] or base / "tests" / "devset" / "linking")
        try:
            gold, bodies = load_devset(directory)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Cannot load the linking set from {directory}: {error}") from None
        keys = mention_keys(gold, extract_articles(gold, bodies), bodies)
        report = evaluate(gold, keys)
        self.stdout.write(format_report(report))
        if options["misses"]:
            self.stdout.write(format_misses(report, gold, keys))
