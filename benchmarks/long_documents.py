"""Extraction time against document length: one document of each size, built from the seed and
development-set paragraphs, through `extract_documents`, next to a bare spaCy `nlp.pipe` over the same
paragraphs. The ratio (bare seconds / pipeline seconds) should stay flat: extraction linear in the text.

    .venv/bin/python -m benchmarks.long_documents [--sizes 1000,2000,5000,10000,20000,50000,100000] [--repeat 3]

No Django needed. `benchmarks.run` prints the same table at the end (up to 20,000 words with --quick).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from claims.extraction import Document, extract_documents  # noqa: E402
from claims.extraction.nlp import load_nlp, load_trained_pipelines, parse  # noqa: E402

SIZES = (1000, 2000, 5000, 10000, 20000, 50000, 100000)
QUICK_SIZES = (1000, 2000, 5000, 10000, 20000)
SOURCES = ("seeds/*.txt", "tests/devset/extraction/*_fr_*.txt")


def french_paragraphs() -> list[str]:
    return [
        line.strip()
        for pattern in SOURCES
        for path in sorted(ROOT.glob(pattern))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def paragraphs_of(words: int, pool: list[str]) -> list[str]:
    """Paragraphs from `pool`, cycled, until they hold `words` words."""
    chosen, count = [], 0
    while count < words:
        paragraph = pool[len(chosen) % len(pool)]
        chosen.append(paragraph)
        count += len(paragraph.split())
    return chosen


def measure(words: int, pool: list[str], *, repeat: int = 1) -> dict:
    """Each side's best of `repeat` runs, taken in turns and in alternating order, so a busy machine (whose
    speed swings by a third from one second to the next) slows both alike."""
    paragraphs = paragraphs_of(words, pool)
    text = "\n\n".join(paragraphs)
    nlp = load_nlp("fr")
    best = {"bare": float("inf"), "full": float("inf")}
    records = 0

    def bare() -> None:
        for _doc in parse(nlp, paragraphs, batch_size=64):  # batches of at most as much text as extraction's
            pass

    def full() -> None:
        nonlocal records
        records = sum(len(batch) for batch in extract_documents([Document(text, "fr")]))

    for round_number in range(repeat):
        sides = [("bare", bare), ("full", full)]
        for side, run in sides if round_number % 2 == 0 else reversed(sides):
            started = time.perf_counter()
            run()
            best[side] = min(best[side], time.perf_counter() - started)
    return {"words": len(text.split()), "chars": len(text), "records": records, **best}


def long_documents_table(sizes=SIZES, *, repeat: int = 1) -> Table:
    pool = french_paragraphs()
    load_trained_pipelines()  # as a worker process does before its first task
    list(extract_documents([Document(" ".join(pool[:20]), "fr")]))  # load the model and warm the caches
    table = Table(title="Extraction time against document length (goal: ratio ≥ 0.8 at 50,000 words)")
    for column in ("words", "characters", "records", "bare nlp.pipe (s)", "extract_documents (s)", "ratio"):
        table.add_column(column, justify="right")
    for size in sizes:
        row = measure(size, pool, repeat=repeat)
        table.add_row(
            f"{row['words']:,}",
            f"{row['chars']:,}",
            f"{row['records']:,}",
            f"{row['bare']:.2f}",
            f"{row['full']:.2f}",
            f"{row['bare'] / row['full']:.2f}",
        )
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated document sizes in words")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size and side; the best of each is kept")
    args = parser.parse_args()
    Console().print(long_documents_table([int(size) for size in args.sizes.split(",")], repeat=args.repeat))


if __name__ == "__main__":
    main()
