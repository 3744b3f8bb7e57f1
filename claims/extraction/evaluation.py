"""Scoring the pipeline against hand-made gold annotations (tests/gold/*.json).

Matching: a predicted record matches a gold item of the same kind when their spans overlap; pairs
are taken greediest overlap first, one to one. Precision, recall and F1 count matches only.
"Value accuracy" is the share of matched items whose normalised reading also agrees:

- quantity: same value and value_max (relative tolerance 1e-6), qualifier and unit (case- and
  accent-insensitive);
- date: same precision, and the date compared as far as the gold fixes it. Gold for a document with
  no publication date cannot know the year of "le 9 novembre", so it is written as an ISO 8601
  partial date: "--11-09" (month and day) or "--03" (month), and only those parts are compared;
  a weekday with no reference date has gold date null and only its precision is compared;
- quote: the same speaker, leniently: both absent, or sharing a content word ("le porte-parole" and
  "un porte-parole du Premier ministre britannique Keir Starmer" agree; "Witkoff" and "Starmer" do not).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .pipeline import Document, extract_documents
from .records import ClaimRecord, Kind
from .text import fold

EVALUATED_KINDS = (Kind.QUANTITY, Kind.DATE, Kind.QUOTE)
_SPEAKER_STOPWORDS = frozenset({"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "m", "mme", "mr", "et"})


@dataclass(frozen=True)
class GoldDocument:
    name: str
    text: str
    language: str
    published: date | None
    items: list[dict[str, Any]]


@dataclass
class KindScore:
    kind: str
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    value_matches: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong_values: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_matches / self.true_positives if self.true_positives else 0.0


def load_gold(gold_dir: Path, seeds_dir: Path) -> list[GoldDocument]:
    documents = []
    for path in sorted(Path(gold_dir).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = (Path(seeds_dir) / data["file"]).read_text(encoding="utf-8")
        published = date.fromisoformat(data["published"]) if data.get("published") else None
        documents.append(GoldDocument(data["file"], text, data.get("language", "fr"), published, data["items"]))
    return documents


def evaluate(documents: Iterable[GoldDocument]) -> dict[str, KindScore]:
    documents = list(documents)
    scores = {kind: KindScore(kind) for kind in EVALUATED_KINDS}
    predictions = extract_documents(Document(doc.text, doc.language, doc.published) for doc in documents)
    for document, records in zip(documents, predictions, strict=True):
        for kind in EVALUATED_KINDS:
            gold = [item for item in document.items if item["kind"] == kind]
            predicted = [record for record in records if record.kind == kind]
            _score(scores[kind], document.name, gold, predicted)
    return scores


def _score(score: KindScore, name: str, gold: list[dict], predicted: list[ClaimRecord]) -> None:
    pairs = sorted(
        (
            (min(item["end"], record.end) - max(item["start"], record.start), gold_index, predicted_index)
            for gold_index, item in enumerate(gold)
            for predicted_index, record in enumerate(predicted)
            if item["start"] < record.end and record.start < item["end"]
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for _overlap, gold_index, predicted_index in pairs:
        if gold_index in used_gold or predicted_index in used_predicted:
            continue
        used_gold.add(gold_index)
        used_predicted.add(predicted_index)
        score.true_positives += 1
        item, record = gold[gold_index], predicted[predicted_index]
        if values_agree(item, record):
            score.value_matches += 1
        else:
            score.wrong_values.append(f"{name}: {item['text'][:50]!r} gold={_reading(item)} got={record.fields}")
    for gold_index, item in enumerate(gold):
        if gold_index not in used_gold:
            score.false_negatives += 1
            score.misses.append(f"{name}: {item['text'][:60]!r}")
    for predicted_index, record in enumerate(predicted):
        if predicted_index not in used_predicted:
            score.false_positives += 1
            score.spurious.append(f"{name}: {record.text[:60]!r} ({record.rule})")


def _reading(item: dict) -> dict:
    return {key: value for key, value in item.items() if key not in {"kind", "text", "start", "end", "quote"}}


def values_agree(item: dict, record: ClaimRecord) -> bool:
    fields = record.fields
    if item["kind"] == Kind.QUANTITY:
        return (
            _same_number(item["value"], fields.get("value"))
            and _same_number(item.get("value_max"), fields.get("value_max"))
            and item["qualifier"] == fields.get("qualifier")
            and fold(item.get("unit") or "") == fold(fields.get("unit") or "")
        )
    if item["kind"] == Kind.DATE:
        return item["precision"] == fields.get("precision") and _same_date(item.get("date"), fields.get("date"))
    if item["kind"] == Kind.QUOTE:
        return same_speaker(item.get("speaker"), fields.get("speaker"))
    return True


def _same_number(expected: float | None, got: float | None) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    return math.isclose(float(expected), float(got), rel_tol=1e-6)


def _same_date(expected: str | None, got: str | None) -> bool:
    if expected is None:
        return True  # nothing to anchor it on (a weekday with no publication date)
    if got is None:
        return False
    if expected.startswith("--"):
        return got[4:].startswith(expected[1:])  # "--11-09" against "2025-11-09"
    return expected == got


def same_speaker(expected: str | None, got: str | None) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    return bool(_content_words(expected) & _content_words(got))


def _content_words(name: str) -> set[str]:
    return {word for word in re.findall(r"[\w-]+", fold(name)) if word not in _SPEAKER_STOPWORDS}


def format_report(scores: dict[str, KindScore], *, details: bool = False) -> str:
    lines = [
        f"{'kind':<10}{'gold':>6}{'found':>7}{'match':>7}{'P':>7}{'R':>7}{'F1':>7}{'value acc':>11}",
    ]
    for score in scores.values():
        gold = score.true_positives + score.false_negatives
        found = score.true_positives + score.false_positives
        lines.append(
            f"{score.kind:<10}{gold:>6}{found:>7}{score.true_positives:>7}{score.precision:>7.2f}"
            f"{score.recall:>7.2f}{score.f1:>7.2f}{score.value_accuracy:>11.2f}"
        )
    lines.append(
        "match = same kind and overlapping span; value acc = matched items whose normalised "
        "reading (value/unit/qualifier, date/precision, speaker) also agrees."
    )
    if details:
        for score in scores.values():
            for label, entries in (
                ("missed", score.misses),
                ("spurious", score.spurious),
                ("wrong value", score.wrong_values),
            ):
                lines.extend(f"  {score.kind} {label}: {entry}" for entry in entries)
    return "\n".join(lines)
