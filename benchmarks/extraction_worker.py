"""The worker path against a bare `nlp.pipe` over the same texts, per language (issue 13: ≥ 0.85×).

    .venv/bin/python -m benchmarks.extraction_worker [--articles N] [--rounds R] [--language fr en]

The texts are the development set's (tests/devset/extraction), each made unique by a numbered dateline,
stored as pending articles in a temporary SQLite database. Batch by batch, side by side so both sides
see the same load on a shared machine, it times the language's pipeline alone (`load_nlp(language).pipe`)
and `articles_extract_claims_batch` (the Celery task's service: status changes, `nlp.pipe`, the rule
layer, storing the candidates with their first history rows). The process is prepared as a worker's is
(`prepare_worker_process`), and each round stores the articles anew: for each batch, each side's best
round counts, since a shared machine's speed swings by a third from one second to the next.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "devset" / "extraction"
WORKDIR = Path(tempfile.mkdtemp(prefix="extraction-worker-"))
os.environ.update(
    DJANGO_SETTINGS_MODULE="tracker.settings",
    DATABASE_URL=f"sqlite:///{WORKDIR / 'db.sqlite3'}",
    TRACKER_VAR_DIR=str(WORKDIR),
    REDIS_URL="redis://127.0.0.1:9/0",  # nothing listens: the queued messages are dropped, the rows stay pending
    LOG_LEVEL="CRITICAL",
)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from articles.models import Article  # noqa: E402
from articles.services import ArticleDraft  # noqa: E402
from claims.extraction.nlp import load_nlp, load_trained_pipelines, parse  # noqa: E402
from claims.services import articles_extract_claims_batch, articles_submit  # noqa: E402


def devset_drafts(language: str, count: int, *, first: int = 0) -> list[ArticleDraft]:
    entries = [entry for entry in json.loads((DEVSET / "manifest.json").read_text()) if entry["language"] == language]
    drafts = []
    for number in range(first, first + count):
        entry = entries[number % len(entries)]
        body = (DEVSET / entry["file"]).read_text(encoding="utf-8").strip()
        drafts.append(
            ArticleDraft(
                title=f"{number}: {entry['title'][:120]}",
                body=f"{body}\n\nDépêche n° {number}.",  # last, so the claims keep their offsets
                source=entry["outlet"],
                language=language,
                published_on=date.fromisoformat(entry["published"]) if entry["published"] else None,
            )
        )
    return drafts


def measure(language: str, articles: int, rounds: int) -> tuple[float, float, int, list[float]]:
    """Both sides' seconds (each batch's best round, summed), the words, and each round's own ratio."""
    nlp = load_nlp(language)
    size = settings.EXTRACTION_BATCH_SIZE
    offsets = range(0, articles, size)
    best_bare, best_worker = [math.inf] * len(offsets), [math.inf] * len(offsets)
    round_ratios, words = [], 0
    for round_number in range(rounds):
        drafts = devset_drafts(language, articles, first=round_number * articles)
        ids = [article.pk for article in articles_submit(drafts=drafts).created]
        pending = list(Article.objects.filter(pk__in=ids).order_by("pk").values_list("pk", "body"))
        # Warm both sides equally: a first pass adds every new word to the vocabulary, and whichever side
        # read a batch first would pay for that alone.
        list(nlp.pipe((body for _, body in pending), batch_size=size))
        bare_seconds = worker_seconds = 0.0
        words = 0
        for number, offset in enumerate(offsets):
            batch = pending[offset : offset + size]
            started = time.perf_counter()
            # Cut as the worker cuts its batch for spaCy, so the ratio is the rule layer's and storage's cost alone.
            words += sum(len(doc) for doc in parse(nlp, (body for _, body in batch), batch_size=size))
            bare = time.perf_counter() - started
            started = time.perf_counter()
            articles_extract_claims_batch(article_ids=[pk for pk, _ in batch])
            worker = time.perf_counter() - started
            bare_seconds, worker_seconds = bare_seconds + bare, worker_seconds + worker
            best_bare[number], best_worker[number] = min(best_bare[number], bare), min(best_worker[number], worker)
        round_ratios.append(bare_seconds / worker_seconds)
    return sum(best_bare), sum(best_worker), words, round_ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=160, help="articles per language")
    parser.add_argument("--rounds", type=int, default=3, help="times each batch is timed, on fresh articles")
    parser.add_argument("--language", nargs="+", default=["fr", "en"])
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    load_trained_pipelines()  # as a worker process does before its first task
    for language in args.language:
        bare, worker, words, round_ratios = measure(language, args.articles, args.rounds)
        components = ", ".join(load_nlp(language).pipe_names)
        print(
            f"{language}: {args.articles} articles, {words:,} words, pipeline {components}:"
            f" bare nlp.pipe {words / bare:,.0f} words/s, worker path {words / worker:,.0f} words/s,"
            f" ratio {bare / worker:.2f}x (goal >= 0.85x; rounds alone {', '.join(f'{r:.2f}' for r in round_ratios)})"
        )


if __name__ == "__main__":
    main()
