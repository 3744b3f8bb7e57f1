"""Pages, API lists, exports and the bulk-import API, timed in-process through Django's test client.

Server time here is the whole request inside Django (middleware, queries, rendering), without the
network. A URL whose view does not exist on this branch is printed as "not available", not failed.
"""

from __future__ import annotations

import time
from base64 import b64encode
from urllib.parse import urlencode

import orjson
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from rich.progress import Progress

from articles.models import Article
from benchmarks.corpus import synthetic_drafts
from benchmarks.figures import Figure, PeakMemory, p95, seconds_of
from claims.models import Claim, Fact
from claims.services import articles_submit

PAGE_GOAL_MS = 150
# Names the review queue and the fact view may have once they are merged: the first that resolves is used.
REVIEW_QUEUE_NAMES = ["claims:review_queue", "claims:queue", "claims:claim_queue"]
FACT_VIEW_NAMES = ["claims:fact_detail", "claims:fact", "claims:fact_view"]
EXPORT_PATHS = ["/api/v1/export/claims.jsonl", "/api/v1/export/claims.csv"]


def admin_client() -> Client:
    user, _ = get_user_model().objects.get_or_create(username="bench-admin", is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(user)
    return client


def first_url(names: list[str], args=()) -> str | None:
    for name in names:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return None


def last_page_cursor(page_size: int) -> str:
    """The cursor DRF would give for the oldest page of /api/v1/claims/ (ordering -id)."""
    ids = Claim.objects.order_by("id").values_list("id", flat=True)[page_size : page_size + 1]
    position = ids[0] if ids else 1
    return b64encode(urlencode({"p": str(position)}).encode("ascii")).decode("ascii")


def timed_gets(client: Client, url: str, requests: int) -> tuple[list[float], int]:
    executed = []  # counted with a wrapper: the request_started signal empties connection.queries

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}")
    samples = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
    return samples, len(executed)


def measure_pages(progress: Progress, *, requests: int) -> list[Figure]:
    client = admin_client()
    article = Article.objects.filter(claims__isnull=False).order_by("-pk").first()
    fact = Fact.objects.order_by("pk").first()
    urls = {
        "Article list page": "/articles/",
        "Reader (claims:article_reader)": reverse("claims:article_reader", args=[article.pk]),
        "Review queue": first_url(REVIEW_QUEUE_NAMES),
        "Fact view": first_url(FACT_VIEW_NAMES, args=[fact.pk]) if fact else None,
        "Fact list": first_url(["claims:fact_list"]),
        "Dashboard": first_url(["claims:dashboard"]),
        "API /articles/": "/api/v1/articles/",
        "API /claims/": "/api/v1/claims/",
        "API /claims/?status=confirmed": "/api/v1/claims/?status=confirmed&kind=quantity",
        "API /links/": "/api/v1/links/",
        "API /sources/": "/api/v1/sources/",
        "API /claims/ last page by cursor": f"/api/v1/claims/?cursor={last_page_cursor(50)}",
    }
    task = progress.add_task("Pages and API", total=len(urls))
    figures, p95_of = [], {}
    for name, url in urls.items():
        progress.advance(task)
        if url is None:
            figures.append(Figure(f"{name}: p95", "not available (no such URL on this branch)"))
            continue
        samples, query_count = timed_gets(client, url, requests)
        p95_of[name] = p95(samples)
        figures.append(
            Figure(
                f"{name}: p95",
                f"{p95_of[name]:.0f} ms, {query_count} queries",
                f"< {PAGE_GOAL_MS} ms",
                p95_of[name] < PAGE_GOAL_MS,
            )
        )
    ratio = p95_of["API /claims/ last page by cursor"] / p95_of["API /claims/"]
    figures.append(Figure("API /claims/: last page / first page (p95)", f"{ratio:.2f}×", "≤ 1.50×", ratio <= 1.5))
    return figures


def measure_exports(progress: Progress) -> list[Figure]:
    client = admin_client()
    figures = []
    fields = [field.attname for field in Claim._meta.concrete_fields]
    for path in EXPORT_PATHS:
        name = path.rsplit(".", 1)[-1].upper()
        try:
            resolve(path.split("?")[0])
        except Resolver404:
            figures.append(Figure(f"Export {name}", "not available (no export endpoint on this branch)"))
            continue
        progress.console.print(f"Export {path}…")
        rows = 0
        with PeakMemory() as memory:
            started = time.perf_counter()
            response = client.get(path)
            for chunk in response.streaming_content:
                rows += chunk.count(b"\n")
            export_seconds = time.perf_counter() - started
        bare_seconds = seconds_of(
            lambda: [orjson.dumps(row) for row in Claim.objects.values(*fields).iterator(chunk_size=2000)] and None
        )
        claims = Claim.objects.count()
        ratio = (claims / export_seconds) / (claims / bare_seconds)
        figures += [
            Figure(f"Export {name}: peak memory growth", f"{memory.peak_growth_mb:.0f} MB", "< 250 MB",
                   memory.peak_growth_mb < 250),
            Figure(f"Export {name}: rows/s / bare .values()+orjson", f"{ratio:.2f}× ({rows:,} lines)", "≥ 0.50×",
                   ratio >= 0.5),
        ]  # fmt: skip
    return figures


def measure_bulk_api(progress: Progress, *, count: int = 100) -> list[Figure]:
    client = admin_client()
    payload = [
        {"title": draft.title, "body": draft.body, "source": draft.source, "language": draft.language}
        for draft in synthetic_drafts(count, first_number=7_000_000)
    ]
    started = time.perf_counter()
    response = client.post("/api/v1/articles/", orjson.dumps(payload), content_type="application/json")
    api_seconds = time.perf_counter() - started
    if response.status_code not in (200, 201):
        return [Figure("Bulk import API", f"not available (POST /api/v1/articles/ answered {response.status_code})")]
    service_seconds = seconds_of(lambda: articles_submit(drafts=synthetic_drafts(count, first_number=8_000_000)))
    return [
        Figure(f"Bulk import API: {count} articles in one POST", f"{count / api_seconds:,.0f} articles/s"),
        Figure("Bulk import API / the service alone", f"{service_seconds / api_seconds:.2f}×"),
    ]
