"""Cross-source linking at archive scale (issue 14): suggestions for one new claim, the suggestions API, and
the suggestion task's throughput against extraction's, measured in one run.

Called by `benchmarks.measure` once the archive is built (so `benchmarks.run` prints these with the rest),
or alone on an archive of its own, much quicker than the whole benchmark:

    .venv/bin/python -m benchmarks.linking --claims 200000 \\
        --postgres postgres://postgres@127.0.0.1:5432/tracker_bench_linking
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def index_archive(progress) -> int:
    """Write the link keys of every claim not yet indexed (a synthetic archive is bulk-inserted, bypassing the task)."""
    from claims.models import Claim
    from claims.services import claims_index_for_linking

    missing = list(Claim.objects.filter(link_key__isnull=True).order_by("pk").values_list("pk", flat=True))
    task = progress.add_task("Index the archive for linking", total=len(missing))
    for start in range(0, len(missing), 2000):
        claims_index_for_linking(claim_ids=missing[start : start + 2000])
        progress.advance(task, len(missing[start : start + 2000]))
    return len(missing)


def measure_devset_in_archive(progress) -> str:
    """Recall@5 of the linking development set's same-fact pairs when its articles join the archive: each
    mention's suggestions come from the task's own retrieval and ranking over every indexed claim, not from
    the set alone as in `evaluate_linking`. Per language pair, as "all 0.80 · en-fr 0.78 …"."""
    from articles.services import ArticleDraft
    from claims.linking.evaluation import LANGUAGE_PAIRS, RECALL_AT, Tally, covering_claim, load_devset
    from claims.models import Claim, ClaimLinkKey
    from claims.services import articles_extract_claims_batch, articles_submit, claims_index_for_linking
    from claims.services.suggestions import claims_rank_candidates

    gold, bodies = load_devset(ROOT / "tests" / "devset" / "linking")
    drafts = [
        ArticleDraft(
            title=f"Linking set {article['file']} {time.time_ns()}",  # a kept archive takes the set again
            body=bodies[article["file"]],
            source=article.get("outlet") or article["file"],
            language=article["language"],
            published_on=date.fromisoformat(article["published"]),
        )
        for article in gold["articles"]
    ]
    created = articles_submit(drafts=drafts).created
    task = progress.add_task("Linking set inside the archive", total=len(created) + len(gold["mentions"]))
    articles_extract_claims_batch(article_ids=[article.pk for article in created])
    claims_index_for_linking(claim_ids=list(Claim.objects.filter(article__in=created).values_list("pk", flat=True)))
    progress.advance(task, len(created))
    article_of = {article["file"]: stored for article, stored in zip(gold["articles"], created, strict=True)}
    claims = {stored.pk: list(stored.claims.all()) for stored in created}
    mentions = {mention["id"]: mention for mention in gold["mentions"]}
    claim_of = {
        mention_id: covering_claim(mention, claims[article_of[mention["file"]].pk])
        for mention_id, mention in mentions.items()
    }
    rows = {
        row.claim_id: row for row in ClaimLinkKey.objects.filter(claim_id__in=[c.pk for c in claim_of.values() if c])
    }
    language = {article["file"]: article["language"] for article in gold["articles"]}
    recall = Tally()
    for fact in gold["facts"]:
        for a in fact["mentions"]:
            progress.advance(task)
            claim = claim_of.get(a)
            if claim is None or claim.pk not in rows:
                continue
            shown = [s.candidate_id for s in claims_rank_candidates(rows=[rows[claim.pk]])[claim.pk]][:RECALL_AT]
            for b in fact["mentions"]:
                partner = claim_of.get(b)
                if b != a and partner is not None and mentions[b]["file"] != mentions[a]["file"]:
                    pair = "-".join(sorted((language[mentions[a]["file"]], language[mentions[b]["file"]])))
                    recall.add(pair, partner.pk in shown)
    return " · ".join(
        f"{name} {recall.share(name):.2f}" for name in ("all", *LANGUAGE_PAIRS) if recall.share(name) is not None
    )


def measure_linking(progress, *, requests: int, extraction_articles: int = 64):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.test import Client

    from articles.models import Article
    from benchmarks.corpus import synthetic_drafts
    from benchmarks.figures import Figure, p95, seconds_of
    from claims.models import Claim, ClaimLinkKey, Suggestion
    from claims.selectors.linking import archive_size
    from claims.services import articles_extract_claims_batch, articles_submit, claims_suggest_links
    from claims.services.suggestions import claims_rank_candidates, claims_suggestions_store

    index_archive(progress)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE claims_claimlinkkey; ANALYZE claims_claimentitykey; ANALYZE claims_suggestion")
    held = ClaimLinkKey.objects.count()

    # One run: extract fresh articles batch by batch, then compute their suggestions, each timed.
    user, _ = get_user_model().objects.get_or_create(username="bench-linking")
    user.groups.add(*Group.objects.filter(name__in=["editor", "reviewer"]))
    # Numbered past every article already there, so a rerun on a kept archive extracts new texts.
    first_number = 7_000_000 + Article.objects.count()
    created = articles_submit(drafts=synthetic_drafts(extraction_articles, first_number=first_number)).created
    ids = [article.pk for article in created]
    task = progress.add_task("Extraction, then link suggestions", total=2 * len(ids))
    extraction_seconds = suggestion_seconds = 0.0
    for start in range(0, len(ids), 32):
        batch = ids[start : start + 32]
        extraction_seconds += seconds_of(lambda b=batch: articles_extract_claims_batch(article_ids=b))
        progress.advance(task, len(batch))
        # Every claim of the batch in one call: the task would queue past `SUGGESTION_SLICE` claims, and nothing
        # here runs what it queues.
        claim_ids = list(Claim.objects.filter(article_id__in=batch).values_list("pk", flat=True))
        suggestion_seconds += seconds_of(lambda c=claim_ids: claims_suggest_links(claim_ids=c))
        progress.advance(task, len(batch))
    new_claims = list(ClaimLinkKey.objects.filter(article_id__in=ids).values_list("claim_id", flat=True))

    # One new claim: retrieval, ranking and storing its suggestions, as the task does for each.
    total = archive_size()
    samples = []
    task = progress.add_task("Suggestions for one new claim", total=min(200, len(new_claims)))
    for claim_id in new_claims[:200]:
        row = ClaimLinkKey.objects.get(claim_id=claim_id)
        started = time.perf_counter()
        claims_suggestions_store(ranked=claims_rank_candidates(rows=[row], total=total))
        samples.append(time.perf_counter() - started)
        progress.advance(task)
    median_ms = statistics.median(samples) * 1000

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE claims_suggestion")  # what autovacuum does after such a burst of rows
    client = Client()
    client.force_login(user)
    with_suggestions = (
        list(Suggestion.objects.filter(status=Suggestion.Status.PENDING).values_list("claim_id", flat=True)[:requests])
        or new_claims[:requests]
    )
    urls = [f"/api/v1/claims/{claim_id}/suggestions/" for claim_id in with_suggestions]
    urls += ["/api/v1/suggestions/", "/api/v1/suggestions/?relation=contradicts", "/api/v1/suggestions/?language=en"]
    timings = []
    task = progress.add_task("Suggestions API", total=len(urls) * 2)
    for url in urls * 2:
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        progress.advance(task)
    api_p95_ms = p95(timings) * 1000

    devset_recall = measure_devset_in_archive(progress)
    extraction_rate = len(ids) / extraction_seconds
    suggestion_rate = len(ids) / suggestion_seconds
    claims_count = Claim.objects.filter(article_id__in=ids).count()
    return [
        Figure(
            f"Suggestions for one new claim, {held:,} indexed claims (median)",
            f"{median_ms:.1f} ms",
            "< 50 ms",
            median_ms < 50,
        ),
        Figure("Suggestions API, per claim and lists (p95)", f"{api_p95_ms:.0f} ms", "< 150 ms", api_p95_ms < 150),
        Figure(
            f"Suggestion task / extraction throughput ({len(ids)} articles, {claims_count} claims)",
            f"{suggestion_rate / extraction_rate:.1f}× ({suggestion_rate:.1f} vs {extraction_rate:.1f} articles/s)",
            "≥ 1.0×",
            suggestion_rate >= extraction_rate,
        ),
        Figure("Suggestions stored", f"{Suggestion.objects.count():,}"),
        Figure(
            "Linking set recall@5 inside the archive (evaluate_linking ranks the set alone)",
            devset_recall,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=200_000)
    parser.add_argument("--articles", type=int, help="default: one article per 20 claims")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/tracker_bench_linking")
    parser.add_argument("--keep", action="store_true", help="reuse the database as it is (built by an earlier run)")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from benchmarks.run import postgres_recreate

    if not args.keep:
        postgres_recreate(args.postgres)
    os.environ.update(
        {"DATABASE_URL": args.postgres, "DJANGO_SETTINGS_MODULE": "tracker.settings", "ALLOWED_HOSTS": "testserver"}
    )
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()
    from django.core.management import call_command
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table

    from benchmarks.corpus import corpus_fill
    from tracker import celery_app

    call_command("migrate", verbosity=0)
    # The suggestion tasks an extraction queues are run by this process itself (timed), not sent anywhere.
    celery_app.conf.CELERY_TASK_ALWAYS_EAGER = False
    celery_app.conf.CELERY_BROKER_URL = "memory://"
    with Progress(transient=False) as progress:
        task = progress.add_task("Build the corpus", total=args.articles or args.claims // 20)
        corpus_fill(
            articles=args.articles or args.claims // 20, claims=args.claims, advance=lambda n: progress.advance(task, n)
        )
        figures = measure_linking(progress, requests=args.requests)
    table = Table(title="Cross-source linking at archive scale (PostgreSQL)")
    for column in ("Figure", "Value", "Goal"):
        table.add_column(column)
    for figure in figures:
        verdict = {True: " [green]PASS[/]", False: " [red]MISS[/]", None: ""}[figure.passed]
        table.add_row(figure.name, figure.value + verdict, figure.goal)
    Console(width=140).print(table)


if __name__ == "__main__":
    main()
