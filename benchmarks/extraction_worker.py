"""The worker path against a bare `nlp.pipe` over the same texts, per language (issue 13: ≥ 0.85×).

    .venv/bin/python -m benchmarks.extraction_worker [--articles N] [--language fr en]

The texts are the development set's (tests/devset/extraction), each made unique by a numbered dateline,
stored as pending articles in a temporary SQLite database. Batch by batch, side by side so both sides
see the same load on a shared machine, it times the language's pipeline alone (`load_nlp(language).pipe`)
and `articles_extract_claims_batch` (the Celery task's service: status changes, `nlp.pipe`, the rule
layer, storing the candidates with their first history rows).
"""

from __future__ import annotations

import argparse
import json
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
from claims.extraction.nlp import load_nlp  # noqa: E402
from claims.services import articles_extract_claims_batch, articles_submit  # noqa: E402


def devset_drafts(language: str, count: int) -> list[ArticleDraft]:
    entries = [entry for entry in json.loads((DEVSET / "manifest.json").read_text()) if entry["language"] == language]
    drafts = []
    for number in range(count):
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


def measure(language: str, articles: int) -> tuple[float, float, int]:
    articles_submit(drafts=devset_drafts(language, articles))
    pending = list(
        Article.objects.filter(language=language, extraction_status=Article.ExtractionStatus.PENDING)
        .order_by("pk")
        .values_list("pk", "body")
    )
    nlp = load_nlp(language)
    # Warm both sides equally: a first pass adds every new word to the vocabulary, and whichever side read a
    # batch first would pay for that alone.
    list(nlp.pipe((body for _, body in pending), batch_size=settings.EXTRACTION_BATCH_SIZE))
    size = settings.EXTRACTION_BATCH_SIZE
    words, bare_seconds, worker_seconds = 0, 0.0, 0.0
    for offset in range(0, len(pending), size):
        batch = pending[offset : offset + size]
        started = time.perf_counter()
        words += sum(len(doc) for doc in nlp.pipe((body for _, body in batch), batch_size=size))
        bare_seconds += time.perf_counter() - started
        started = time.perf_counter()
        articles_extract_claims_batch(article_ids=[pk for pk, _ in batch])
        worker_seconds += time.perf_counter() - started
    return bare_seconds, worker_seconds, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=160, help="articles per language")
    parser.add_argument("--language", nargs="+", default=["fr", "en"])
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    for language in args.language:
        bare, worker, words = measure(language, args.articles)
        components = ", ".join(load_nlp(language).pipe_names)
        print(
            f"{language}: {args.articles} articles, {words:,} words, pipeline {components}:"
            f" bare nlp.pipe {words / bare:,.0f} words/s, worker path {words / worker:,.0f} words/s,"
            f" ratio {bare / worker:.2f}x (goal >= 0.85x)"
        )


if __name__ == "__main__":
    main()
