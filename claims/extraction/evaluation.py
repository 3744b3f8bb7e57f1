"""Scoring the pipeline against hand-made gold annotations (tests/gold/*.json).

Matching: a predicted record matches a gold item of the same kind when their spans overlap; pairs
are taken greediest overlap first, one to one. Precision, recall and F1 count matches only.
"Value accuracy" is the share of matched items whose normalised reading also agrees:

- quantity: same value and value_max (relative tolerance 1e-6), qualifier and unit (case- and
  accent-insensitive);
- date: same precision, and the date compared as far as the gold fixes it. Gold for a document with
  no publication date cannot know the year of "le 9 novembre", so it is written as an ISO 8601
  partial date: "--11-09" (month and day) or "--03" (month), and only those parts are compared (the
  extractor writes such a date the same way, and a year-less prediction agrees with nothing else);
  a weekday with no reference date has gold date null and only its precision is compared;
- quote: the same speaker, leniently: both absent, or sharing a content word ("le porte-parole" and
  "un porte-parole du Premier ministre britannique Keir Starmer" agree; "Witkoff" and "Starmer" do not).
  The seeds' gold wrote the speaker as the text names them: it is compared with `speaker_mention`, and
  the canonical `speaker` must not contradict it: a mention with a name shares a word of it ("Witkoff",
  "Steve Witkoff"), and a role ("le dirigeant ukrainien") resolves to nobody or to someone the gold of
  that document credits by name ("Volodymyr Zelensky", not "UE").

Field accuracies are reported beside it, on matched items, one field at a time, per language and kind
(the development set in tests/devset/extraction/README.md extends the gold with these fields):

- value: value and value_max agree, and value_old too where the gold records a change "from X to Y";
- unit: the canonical `unit_key` when both sides have one, else the surface unit (case- and
  accent-insensitive); where the gold is a rate or a proportion (`per`), the `per` must agree as well;
- unit_key: the same canonical key (case-insensitive), on the matched items whose gold has one;
- qualifier: the same qualifier;
- date: the same precision and the date as far as the gold fixes it (as above);
- speaker: strictly the canonical name (case- and accent-insensitive): "Volodymyr Zelensky" is right,
  "M. Zelensky" or "le président ukrainien" is not; a gold with no speaker wants none.
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
ALL_LANGUAGES = "all"
# The fields whose accuracy is reported on matched items, by kind.
CHECKED_FIELDS = {
    Kind.QUANTITY: ("value", "unit", "unit_key", "qualifier"),
    Kind.DATE: ("date",),
    Kind.QUOTE: ("speaker",),
}
FIELD_COLUMNS = ("value", "unit", "unit_key", "qualifier", "date", "speaker")
# Fields only some gold items record: their accuracy counts only the matched items whose gold has them.
OPTIONAL_GOLD_FIELDS = frozenset({"unit_key"})
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
    field_matches: dict[str, int] = field(default_factory=dict)
    field_checked: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong_values: list[str] = field(default_factory=list)

    @property
    def gold(self) -> int:
        return self.true_positives + self.false_negatives

    @property
    def found(self) -> int:
        return self.true_positives + self.false_positives

    def field_accuracy(self, name: str) -> float | None:
        """Share of matched items whose `name` agrees; None where the kind has no such field."""
        checked = self.field_checked.get(name, 0)
        if name not in CHECKED_FIELDS.get(self.kind, ()) or not checked:
            return None
        return self.field_matches.get(name, 0) / checked

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
    """Every `*.json` gold file of `gold_dir` with its text from `seeds_dir` (a manifest is skipped)."""
    documents = []
    for path in sorted(Path(gold_dir).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "items" not in data:
            continue  # manifest.json beside the gold of the development set
        text = (Path(seeds_dir) / data["file"]).read_text(encoding="utf-8")
        published = date.fromisoformat(data["published"]) if data.get("published") else None
        documents.append(GoldDocument(data["file"], text, data.get("language", "fr"), published, data["items"]))
    return documents


def evaluate(documents: Iterable[GoldDocument]) -> dict[str, KindScore]:
    """Scores per kind over all the documents."""
    return evaluate_by_language(documents)[ALL_LANGUAGES]


def evaluate_by_language(documents: Iterable[GoldDocument]) -> dict[str, dict[str, KindScore]]:
    """Scores per language ("fr", "en", … and "all") and per kind; the pipeline runs once."""
    documents = list(documents)
    predictions = extract_documents(Document(doc.text, doc.language, doc.published) for doc in documents)
    return score_documents(documents, predictions)


def score_documents(
    documents: list[GoldDocument], predictions: Iterable[list[ClaimRecord]]
) -> dict[str, dict[str, KindScore]]:
    languages = sorted({document.language for document in documents})
    scores = {language: {kind: KindScore(kind) for kind in EVALUATED_KINDS} for language in [*languages, ALL_LANGUAGES]}
    for document, records in zip(documents, predictions, strict=True):
        for kind in EVALUATED_KINDS:
            gold = [item for item in document.items if item["kind"] == kind]
            predicted = [record for record in records if record.kind == kind]
            for language in (document.language, ALL_LANGUAGES):
                _score(scores[language][kind], document.name, gold, predicted)
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
        credited = frozenset().union(*(_named_words(other.get("speaker")) for other in gold))
        wrong_fields = []
        for field_name in CHECKED_FIELDS[score.kind]:
            if field_name in OPTIONAL_GOLD_FIELDS and not item.get(field_name):
                continue
            score.field_checked[field_name] = score.field_checked.get(field_name, 0) + 1
            if field_agrees(field_name, item, record, credited=credited):
                score.field_matches[field_name] = score.field_matches.get(field_name, 0) + 1
            else:
                wrong_fields.append(field_name)
        if values_agree(item, record, credited=credited):
            score.value_matches += 1
        if wrong_fields:
            score.wrong_values.append(
                f"{name}: {item['text'][:50]!r} [{','.join(wrong_fields)}] gold={_reading(item)} got={record.fields}"
            )
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


def values_agree(item: dict, record: ClaimRecord, *, credited: frozenset[str] = frozenset()) -> bool:
    """`credited`: the words of the names the document's gold credits (see `_contradicts`)."""
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
        recorded = _recorded_speaker(item, fields)
        return same_speaker(item.get("speaker"), recorded) and not _contradicts(item, fields, credited)
    return True


def field_agrees(name: str, item: dict, record: ClaimRecord, *, credited: frozenset[str] = frozenset()) -> bool:
    """Whether one field of a matched prediction agrees with the gold (see the module docstring)."""
    fields = record.fields
    if name == "value":
        return (
            _same_number(item["value"], fields.get("value"))
            and _same_number(item.get("value_max"), fields.get("value_max"))
            and ("value_old" not in item or _same_number(item["value_old"], fields.get("value_old")))
        )
    if name == "unit":
        return same_unit(item, fields)
    if name == "unit_key":
        return fold(item["unit_key"]) == fold(fields.get("unit_key") or "")
    if name == "qualifier":
        return item["qualifier"] == fields.get("qualifier")
    if name == "date":
        return item["precision"] == fields.get("precision") and _same_date(item.get("date"), fields.get("date"))
    if name == "speaker":
        recorded = _recorded_speaker(item, fields)
        return _canonical(item.get("speaker")) == _canonical(recorded) and not _contradicts(item, fields, credited)
    raise ValueError(f"no field {name!r}")


def _recorded_speaker(item: dict, fields: dict) -> str | None:
    """What a gold quote's `speaker` is compared with. Gold that records a `speaker_mention` (the
    development set) names the canonical speaker. The seeds' gold (tests/gold) predates that split:
    it wrote the speaker as the text names them (the extractor's `speaker_mention`), or, for a
    pronoun, the name it stands for, which may be the short form of the extractor's canonical
    `speaker` ("Witkoff" for "Steve Witkoff")."""
    speaker = fields.get("speaker")
    if "speaker_mention" in item:
        return speaker
    gold_words, speaker_words = _canonical(item.get("speaker")).split(), _canonical(speaker).split()
    if gold_words and set(gold_words) <= set(speaker_words):
        return item.get("speaker")
    return fields.get("speaker_mention") or speaker


def _contradicts(item: dict, fields: dict, credited: frozenset[str]) -> bool:
    """Whether the canonical speaker contradicts a gold that holds only the mention (the seeds'): matching
    the mention alone let "le dirigeant ukrainien" pass when it had been resolved to "UE"."""
    speaker = fields.get("speaker")
    if "speaker_mention" in item or not item.get("speaker") or speaker is None:
        return False  # the development set compares canonical names already; nobody contradicts nothing
    if _canonical(speaker) == _canonical(fields.get("speaker_mention")):
        return False  # left as the text words it: unresolved, not resolved wrongly
    names = _named_words(item["speaker"])
    return not _content_words(speaker) & (names or credited)


def _named_words(speaker: str | None) -> set[str]:
    """The content words of a speaker's capitalised words: "Keir Starmer" of "un porte-parole du Premier
    ministre britannique Keir Starmer" (and "premier"), nothing of "le porte-parole"."""
    return _content_words(" ".join(word for word in (speaker or "").split() if word[:1].isupper()))


def same_unit(item: dict, fields: dict) -> bool:
    """Canonical keys where both sides have one, else surface units; a rate's `per` must agree too."""
    if item.get("unit_key") and fields.get("unit_key"):
        unit_agrees = fold(item["unit_key"]) == fold(fields["unit_key"])
    else:
        unit_agrees = fold(item.get("unit") or "") == fold(fields.get("unit") or "")
    if not item.get("per"):
        return unit_agrees
    return unit_agrees and _canonical(item["per"]) == _canonical(fields.get("per"))


def _canonical(text: str | None) -> str:
    return " ".join(re.findall(r"[\w'-]+", fold(text or "")))


def _same_number(expected: float | None, got: float | None) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    return math.isclose(float(expected), float(got), rel_tol=1e-6)


def _same_date(expected: str | None, got: str | None) -> bool:
    if expected is None:
        return True  # nothing to anchor it on (a weekday with no publication date)
    if got is None:
        return False
    if got.startswith("--"):
        return expected == got  # a year-less reading is right only where the gold has no year either
    if expected.startswith("--"):
        return got[4:].startswith(expected[1:])  # "--11-09" against "2025-11-09"
    return expected == got


def same_speaker(expected: str | None, got: str | None) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    return bool(_content_words(expected) & _content_words(got))


def _content_words(name: str) -> set[str]:
    return {word for word in re.findall(r"[\w-]+", fold(name)) if word not in _SPEAKER_STOPWORDS}


_COLUMN_LABELS = {"unit_key": "ukey"}


def format_report(scores: dict[str, KindScore], *, details: bool = False) -> str:
    """One table per kind over all documents (kept for callers of `evaluate`)."""
    return format_language_report({ALL_LANGUAGES: scores}, details=details)


def format_language_report(scores: dict[str, dict[str, KindScore]], *, details: bool = False) -> str:
    """The table `evaluate_extraction` prints: a row per language and kind."""
    header = f"{'lang':<5}{'kind':<10}{'gold':>6}{'found':>7}{'match':>7}{'P':>7}{'R':>7}{'F1':>7}{'reading':>9}"
    lines = [header + "".join(f"{_COLUMN_LABELS.get(name, name[:4]):>7}" for name in FIELD_COLUMNS)]
    for language, by_kind in scores.items():
        for score in by_kind.values():
            row = (
                f"{language:<5}{score.kind:<10}{score.gold:>6}{score.found:>7}{score.true_positives:>7}"
                f"{score.precision:>7.2f}{score.recall:>7.2f}{score.f1:>7.2f}{score.value_accuracy:>9.2f}"
            )
            for name in FIELD_COLUMNS:
                accuracy = score.field_accuracy(name)
                row += f"{'-' if accuracy is None else f'{accuracy:.2f}':>7}"
            lines.append(row)
    lines.append(
        "match = same kind and overlapping span; reading = matched items whose whole normalised reading agrees "
        "(speaker leniently); valu/unit/ukey/qual/date/spea = accuracy of that field on matched items (unit by "
        "unit_key where both have one, else the surface unit; ukey = the canonical unit_key alone, on items whose "
        "gold has one; speaker by canonical name)."
    )
    if details:
        for score in scores.get(ALL_LANGUAGES, next(iter(scores.values()), {})).values():
            for label, entries in (
                ("missed", score.misses),
                ("spurious", score.spurious),
                ("wrong value", score.wrong_values),
            ):
                lines.extend(f"  {score.kind} {label}: {entry}" for entry in entries)
    return "\n".join(lines)
