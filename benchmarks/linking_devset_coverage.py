"""How much of the linking development set the extractor can see: run it with

    .venv/bin/python -m benchmarks.linking_devset_coverage

Linking is measured on the claims the extractor finds, so a gold mention no claim covers can never be
suggested. This prints, per kind and language, the share of gold mentions overlapped by an extracted claim
of the same kind, and the share of gold same-fact, contradiction and distractor pairs whose two mentions
are both covered: the ceiling any linker reaches on this set with the current extractor.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from datetime import date
from pathlib import Path

from claims.extraction import Document, extract_documents

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "devset" / "linking"


def covered_mentions(gold: dict) -> set[str]:
    articles = gold["articles"]
    documents = [
        Document(
            (DEVSET / article["file"]).read_text(encoding="utf-8"),
            article["language"],
            date.fromisoformat(article["published"]),
        )
        for article in articles
    ]
    claims_by_file = {
        article["file"]: records for article, records in zip(articles, extract_documents(documents), strict=True)
    }
    return {
        mention["id"]
        for mention in gold["mentions"]
        if any(
            record.kind == mention["kind"] and record.start < mention["end"] and mention["start"] < record.end
            for record in claims_by_file[mention["file"]]
        )
    }


def main() -> None:
    gold = json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))
    language_of = {article["file"]: article["language"] for article in gold["articles"]}
    mentions = {mention["id"]: mention for mention in gold["mentions"]}
    covered = covered_mentions(gold)

    total, found = Counter(), Counter()
    for mention in gold["mentions"]:
        key = (mention["kind"], language_of[mention["file"]])
        total[key] += 1
        found[key] += mention["id"] in covered
    print("gold mentions covered by an extracted claim of the same kind")
    for key in sorted(total):
        print(f"  {key[0]:<9} {key[1]}  {found[key]:>4}/{total[key]:<4} {found[key] / total[key]:.2f}")
    all_found = sum(found.values())
    print(f"  all           {all_found:>4}/{len(mentions):<4} {all_found / len(mentions):.2f}")

    def languages(a: str, b: str) -> str:
        return "-".join(sorted((language_of[mentions[a]["file"]], language_of[mentions[b]["file"]])))

    same_fact = [
        pair
        for fact in gold["facts"]
        for pair in itertools.combinations(fact["mentions"], 2)
        if mentions[pair[0]]["file"] != mentions[pair[1]]["file"]
    ]
    print("pairs whose two mentions are both covered")
    for name, pairs in (
        ("same fact", same_fact),
        ("contradiction", [(c["a"], c["b"]) for c in gold["contradictions"]]),
        ("update", [(u["earlier"], u["later"]) for u in gold["updates"]]),
        ("distractor", [(d["a"], d["b"]) for d in gold["distractors"]]),
    ):
        both = sum(a in covered and b in covered for a, b in pairs)
        print(f"  {name:<13} {both:>4}/{len(pairs):<4} {both / len(pairs):.2f}", end="")
        for pair_languages in ("fr-fr", "en-en", "en-fr"):
            subset = [(a, b) for a, b in pairs if languages(a, b) == pair_languages]
            both = sum(a in covered and b in covered for a, b in subset)
            print(f"   {pair_languages} {both}/{len(subset)}", end="")
        print()


if __name__ == "__main__":
    main()
