"""How long a text correction's re-anchoring and a wire-copy fingerprint take (issue 15), on the seed texts.

    .venv/bin/python -m benchmarks.desk_speed

Re-anchoring runs in the editor's request, so it must stay well under a second for a long article with
many claims; the fingerprint runs in the worker after each extraction. Plain Python: no database here.
"""

from __future__ import annotations

import time
from pathlib import Path

from claims.anchoring import Outcome, Quote, TextCorrection
from claims.fingerprints import text_signature

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted([*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/devset/extraction/*.txt")])


def long_text(articles: int) -> str:
    """Several different articles end to end: as long as the longest a newsroom stores, without repeats."""
    return "\n\n".join(path.read_text(encoding="utf-8") for path in TEXTS[:articles])


def quotes_every(text: str, step: int, width: int = 12) -> list[Quote]:
    return [
        Quote(
            start,
            start + width,
            text[start : start + width],
            text[max(0, start - 30) : start],
            text[start + width : start + width + 30],
        )
        for start in range(0, len(text) - width, step)
    ]


def corrected(text: str) -> str:
    """A correction notice on top, a word fixed in the middle, a paragraph withdrawn near the end."""
    middle = len(text) // 2
    paragraphs = text.split("\n")
    withdrawn = paragraphs[len(paragraphs) * 3 // 4]
    text = text[:middle] + text[middle:].replace(" de ", " du ", 1)
    return "Correction : cet article a été mis à jour.\n\n" + text.replace(withdrawn, "", 1)


def main() -> None:
    for articles in (1, 5, len(TEXTS)):
        old = long_text(articles)
        new = corrected(old)
        quotes = quotes_every(old, 40)
        started = time.perf_counter()
        correction = TextCorrection(old, new)
        outcomes = [correction.place(quote).outcome for quote in quotes]
        elapsed = time.perf_counter() - started
        kept = sum(outcome == Outcome.KEPT for outcome in outcomes)
        print(
            f"re-anchoring: {len(old):>7} characters, {len(quotes):>5} claims: {elapsed * 1000:7.1f} ms "
            f"({kept} kept, {len(quotes) - kept} changed or lost)"
        )
    text = long_text(1)
    started = time.perf_counter()
    for _ in range(20):
        text_signature(text)
    print(f"wire-copy fingerprint: {len(text)} characters: {(time.perf_counter() - started) / 20 * 1000:.1f} ms")


if __name__ == "__main__":
    main()
