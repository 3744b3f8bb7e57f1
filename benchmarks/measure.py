"""The measurements of one database, run by `benchmarks.run` in a process of its own (DATABASE_URL set).

Prints nothing but progress; writes its figures as JSON to --output for the table `run` prints.
"""

from __future__ import annotations

import argparse
import os
import time
import warnings
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
django.setup()

import orjson  # noqa: E402
import psutil  # noqa: E402
import spacy  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from rich.progress import Progress  # noqa: E402

from articles.models import Article  # noqa: E402
from benchmarks.corpus import corpus_fill, synthetic_drafts  # noqa: E402
from benchmarks.figures import Figure, seconds_of  # noqa: E402
from benchmarks.linking import measure_linking  # noqa: E402
from benchmarks.web import measure_bulk_api, measure_exports, measure_pages  # noqa: E402
from claims.extraction.nlp import FRENCH_MODEL, load_trained_pipelines  # noqa: E402
from claims.models import Claim  # noqa: E402
from claims.services import articles_extract_claims_batch, articles_submit  # noqa: E402

IMPORT_CHUNK = 500
warnings.filterwarnings("ignore", "No directory at")  # WhiteNoise: static files are served by the finders


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def import_drafts(drafts, advance=lambda n: None) -> None:
    for offset in range(0, len(drafts), IMPORT_CHUNK):
        chunk = drafts[offset : offset + IMPORT_CHUNK]
        articles_submit(drafts=chunk)
        advance(len(chunk))


def measure_extraction(progress: Progress, *, worker_articles: int, throughput_articles: int) -> list[Figure]:
    pending = list(
        Article.objects.filter(extraction_status=Article.ExtractionStatus.PENDING)
        .order_by("pk")
        .values_list("pk", "body")[:worker_articles]
    )
    load_trained_pipelines()  # as a worker process does before its first task
    bare = spacy.load(FRENCH_MODEL)  # the same model with every component, as the extractor runs it
    list(bare.pipe(body for _, body in pending[:5]))  # warm both sides equally
    task = progress.add_task("Extracting (worker path)", total=len(pending))
    size = settings.EXTRACTION_BATCH_SIZE
    words = bare_seconds = worker_seconds = 0.0
    rss_after_100 = None
    for offset in range(0, len(pending), size):
        batch = pending[offset : offset + size]
        if offset < throughput_articles:
            # Batch by batch, side by side, so both sides see the same load on a shared machine.
            started = time.perf_counter()
            words += sum(len(doc) for doc in bare.pipe((body for _, body in batch), batch_size=size))
            bare_seconds += time.perf_counter() - started
            worker_seconds += seconds_of(lambda b=batch: articles_extract_claims_batch(article_ids=[pk for pk, _ in b]))
        else:
            articles_extract_claims_batch(article_ids=[pk for pk, _ in batch])
        if rss_after_100 is None and offset + size >= 100:
            rss_after_100 = rss_mb()
        progress.advance(task, len(batch))
    rss_end = rss_mb()
    ratio = bare_seconds / worker_seconds
    return [
        Figure("Extraction words/s: worker path (DB writes included)", f"{words / worker_seconds:,.0f}"),
        Figure("Extraction words/s: bare nlp.pipe, same texts", f"{words / bare_seconds:,.0f}"),
        Figure("Extraction: worker path / bare nlp.pipe", f"{ratio:.2f}×", "≥ 0.70×", ratio >= 0.7),
        Figure(
            f"Worker memory after {len(pending)} / after 100 articles",
            f"{rss_end / rss_after_100:.2f}× ({rss_after_100:.0f} → {rss_end:.0f} MB)",
            "≤ 1.20×",
            rss_end / rss_after_100 <= 1.2,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--claims", type=int, required=True)
    parser.add_argument("--import-articles", type=int, required=True)
    parser.add_argument("--worker-articles", type=int, required=True)
    parser.add_argument("--throughput-articles", type=int, required=True)
    parser.add_argument("--requests", type=int, required=True)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    figures: list[Figure] = []
    with Progress(transient=False) as progress:
        label = connection.vendor
        progress.console.print(f"[bold]{label}[/]: {args.articles} articles, {args.claims} claims")
        import_drafts(synthetic_drafts(5, first_number=9_000_000))  # first connections and outlets, untimed
        task = progress.add_task(f"Import {args.import_articles} into an empty database", total=args.import_articles)
        into_empty = seconds_of(
            lambda: import_drafts(
                synthetic_drafts(args.import_articles, first_number=0), lambda n: progress.advance(task, n)
            )
        )
        extra = max(0, args.worker_articles - args.import_articles)
        task = progress.add_task("Import articles for the worker", total=extra)
        import_drafts(synthetic_drafts(extra, first_number=args.import_articles), lambda n: progress.advance(task, n))
        figures += measure_extraction(
            progress, worker_articles=args.worker_articles, throughput_articles=args.throughput_articles
        )

        task = progress.add_task("Build the corpus", total=args.articles - Article.objects.count())
        corpus_fill(articles=args.articles, claims=args.claims, advance=lambda n: progress.advance(task, n))
        held = Claim.objects.count()
        task = progress.add_task(f"Import {args.import_articles} into {held:,} claims", total=args.import_articles)
        into_full = seconds_of(
            lambda: import_drafts(
                synthetic_drafts(args.import_articles, first_number=5_000_000), lambda n: progress.advance(task, n)
            )
        )
        ratio = into_full / into_empty
        figures.append(
            Figure(
                f"Import {args.import_articles} articles: into {held:,} claims / into empty",
                f"{ratio:.2f}× ({into_full:.1f} s vs {into_empty:.1f} s)",
                "≤ 1.50×",
                ratio <= 1.5,
            )
        )
        figures += measure_pages(progress, requests=args.requests)
        figures += measure_exports(progress)
        figures += measure_bulk_api(progress)
        figures += measure_linking(progress, requests=args.requests)
    args.output.write_bytes(orjson.dumps([figure.as_dict() for figure in figures]))


if __name__ == "__main__":
    main()
