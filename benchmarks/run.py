"""The newsroom-scale benchmark (issue 7): build a synthetic archive from the seed articles, measure
import, extraction, worker memory, pages, API, cursor depth and exports on SQLite and on PostgreSQL,
and print every figure next to its goal.

    .venv/bin/python -m benchmarks.run --quick
    .venv/bin/python -m benchmarks.run --articles 10000 --claims 200000 \\
        --postgres postgres://postgres@127.0.0.1:5432/tracker_bench

Each database runs in a process of its own (`benchmarks.measure`) on a fresh database: a temporary
SQLite file, and the PostgreSQL database named in --postgres, dropped and created anew (so give it a
name used for nothing else). Extraction messages go to a Redis of its own (`tracker.embedded_redis`)
and are thrown away with it. Ratios compare two things measured side by side in the same process.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import orjson
import psycopg
from psycopg import sql
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
QUICK = {"articles": 1000, "claims": 20000, "import_articles": 200, "worker_articles": 300, "requests": 20}
FULL = {"articles": 10000, "claims": 200000, "import_articles": 1000, "worker_articles": 5000, "requests": 50}


def postgres_recreate(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def run_database(label: str, url: str, args, redis_url: str, workdir: Path) -> list[dict]:
    output = workdir / f"{label}.json"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": redis_url,
        "TRACKER_VAR_DIR": str(workdir / label),
        "ALLOWED_HOSTS": "testserver",
        "DEBUG": "",
        "LOG_LEVEL": "ERROR",  # the bulk-import probe logs a 405 while that API is missing
        "EXTRACTION_BATCH_SIZE": str(args.batch_size),
    }
    command = [
        sys.executable, "-m", "benchmarks.measure", "--output", str(output),
        "--articles", str(args.articles), "--claims", str(args.claims),
        "--import-articles", str(args.import_articles), "--worker-articles", str(args.worker_articles),
        "--throughput-articles", str(min(200, args.worker_articles)), "--requests", str(args.requests),
    ]  # fmt: skip
    subprocess.run(command, cwd=ROOT, env=env, check=True)  # noqa: S603
    return orjson.loads(output.read_bytes())


def print_table(results: dict[str, list[dict]]) -> None:
    table = Table(title="Fact tracker at newsroom scale")
    table.add_column("Figure", max_width=46)
    for label in results:
        table.add_column(label)
    table.add_column("Goal")
    by_label = {label: {figure["name"]: figure for figure in rows} for label, rows in results.items()}
    names = dict.fromkeys(name for figures in by_label.values() for name in figures)
    for name in names:
        cells, goal = [], ""
        for label in results:
            figure = by_label[label].get(name)
            if figure is None:
                cells.append("—")
                continue
            goal = figure["goal"] or goal
            verdict = {True: " [green]PASS[/]", False: " [red]MISS[/]", None: ""}[figure["passed"]]
            cells.append(f"{figure['value']}{verdict}")
        table.add_row(name, *cells, goal)
    Console(width=max(140, Console().width)).print(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small archive that runs in a few minutes")
    parser.add_argument("--articles", type=int, help="articles in the archive")
    parser.add_argument("--claims", type=int, help="claims in the archive")
    parser.add_argument("--import-articles", type=int, help="articles imported into the empty and the full database")
    parser.add_argument("--worker-articles", type=int, help="articles one worker extracts (memory is compared at 100)")
    parser.add_argument("--requests", type=int, help="requests per URL for the 95th percentile")
    parser.add_argument("--batch-size", type=int, default=32, help="articles per extraction task")
    parser.add_argument("--databases", default="sqlite,postgres", help="comma-separated: sqlite, postgres")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/tracker_bench")
    args = parser.parse_args()
    for key, value in (QUICK if args.quick else FULL).items():
        if getattr(args, key) is None:
            setattr(args, key, value)

    sys.path.insert(0, str(ROOT))
    from tracker.embedded_redis import EmbeddedRedis

    results = {}
    with EmbeddedRedis() as redis, tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        workdir = Path(tmp)
        for database in args.databases.split(","):
            if database == "sqlite":
                results["SQLite"] = run_database("SQLite", f"sqlite:///{workdir / 'bench.sqlite3'}", args, redis.url,
                                                 workdir)  # fmt: skip
            elif database == "postgres":
                postgres_recreate(args.postgres)
                results["PostgreSQL"] = run_database("PostgreSQL", args.postgres, args, redis.url, workdir)
            else:
                parser.error(f"unknown database {database!r}")
    print_table(results)
    from benchmarks.long_documents import QUICK_SIZES, SIZES, long_documents_table

    Console(width=max(140, Console().width)).print(long_documents_table(QUICK_SIZES if args.quick else SIZES))


if __name__ == "__main__":
    main()
