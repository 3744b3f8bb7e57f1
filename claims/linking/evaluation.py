"""Score the linking engine on the linking development set (tests/devset/linking): plain Python, no database.

Each article is run through the extractor; each gold mention takes the extracted claim of its kind that
overlaps it most (a mention no claim covers cannot be linked and is counted apart, as the coverage
ceiling); every mention is then ranked against all the other mentions of the set, every event together.

- recall@5: of the same-fact partners in other articles, the share among the first 5 suggestions from
  other articles; MRR: the mean of 1/rank of the first partner (0 beyond the suggestion limit).
- contradictions: a pair is flagged when either side's suggestions call it a contradiction; precision
  is over every flagged pair, recall over the gold contradictions.
- distractors: the share of look-alike pairs where one is the other's first suggestion, or flagged.
- updates: the share of gold updates typed as updates.
Figures are given overall and per language pair (fr-fr, en-en, en-fr). Every pair scored wrong is kept as a
`Miss`; `format_misses` lists them with both keys and the engine's reasons, for a developer to read.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from claims.extraction import ClaimRecord, Document, extract_documents

from .keys import ClaimKey, claim_key
from .ranking import Relation, Suggestion, compare, rank

RECALL_AT = 5
SUGGESTION_LIMIT = 20
LANGUAGE_PAIRS = ("fr-fr", "en-en", "en-fr")


@dataclass(frozen=True)
class Mention:
    id: str
    file: str
    kind: str
    language: str
    start: int
    end: int


@dataclass
class Tally:
    """Hits over totals for one measure, kept per language pair."""

    hits: Counter = field(default_factory=Counter)
    totals: Counter = field(default_factory=Counter)

    def add(self, pair: str, hit: float, total: float = 1) -> None:
        for name in (pair, "all"):
            self.hits[name] += hit
            self.totals[name] += total

    def share(self, name: str = "all") -> float | None:
        return self.hits[name] / self.totals[name] if self.totals[name] else None


@dataclass(frozen=True)
class Miss:
    """A gold pair the engine got wrong, seen from `a`: for a same-fact partner, `rank` is b's place among a's
    suggestions from other articles (None when not among them) and `ahead` what a reviewer sees first instead."""

    what: str
    a: str
    b: str
    languages: str
    rank: int | None = None
    ahead: tuple[str, ...] = ()


@dataclass
class LinkingReport:
    recall: Tally = field(default_factory=Tally)
    reciprocal_rank: Tally = field(default_factory=Tally)
    contradiction_precision: Tally = field(default_factory=Tally)
    contradiction_recall: Tally = field(default_factory=Tally)
    distractors: Tally = field(default_factory=Tally)
    updates: Tally = field(default_factory=Tally)
    coverage: Tally = field(default_factory=Tally)
    mentions: int = 0
    linked_mentions: int = 0
    misses: list[Miss] = field(default_factory=list)


def load_devset(directory: Path) -> tuple[dict, dict[str, str]]:
    gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
    bodies = {
        article["file"]: (directory / article["file"]).read_text(encoding="utf-8") for article in gold["articles"]
    }
    return gold, bodies


def extract_articles(gold: dict, bodies: dict[str, str]) -> dict[str, list[ClaimRecord]]:
    articles = gold["articles"]
    documents = [
        Document(bodies[article["file"]], article["language"], date.fromisoformat(article["published"]))
        for article in articles
    ]
    return {article["file"]: records for article, records in zip(articles, extract_documents(documents), strict=True)}


def mention_keys(
    gold: dict, claims_by_file: dict[str, list[ClaimRecord]], bodies: dict[str, str]
) -> dict[str, ClaimKey]:
    """The key of the extracted claim that covers each gold mention best (same kind, largest overlap)."""
    articles = {article["file"]: article for article in gold["articles"]}
    keys = {}
    for mention in gold["mentions"]:
        claim = covering_claim(mention, claims_by_file[mention["file"]])
        if claim is None:
            continue
        article = articles[mention["file"]]
        keys[mention["id"]] = claim_key(
            kind=claim.kind,
            reading=claim.fields,
            text=claim.text,
            sentence=claim.sentence,
            entities=[entity.text for entity in claim.entities],
            language=article["language"],
            published=date.fromisoformat(article["published"]),
            before=bodies[mention["file"]][: claim.start],
        )
    return keys


def covering_claim(mention: dict, claims: Iterable):
    """The claim (a record or a stored claim) of the mention's kind that overlaps it most, if any."""
    best, best_overlap = None, 0
    for claim in claims:
        overlap = min(claim.end, mention["end"]) - max(claim.start, mention["start"])
        if claim.kind == mention["kind"] and overlap > best_overlap:
            best, best_overlap = claim, overlap
    return best


def evaluate(gold: dict, keys: dict[str, ClaimKey]) -> LinkingReport:
    articles = {article["file"]: article for article in gold["articles"]}
    mentions = {
        mention["id"]: Mention(
            mention["id"],
            mention["file"],
            mention["kind"],
            articles[mention["file"]]["language"],
            mention["start"],
            mention["end"],
        )
        for mention in gold["mentions"]
    }
    report = LinkingReport(mentions=len(mentions), linked_mentions=len(keys))
    ids = sorted(keys)
    number = {mention_id: index for index, mention_id in enumerate(ids)}
    frequency = Counter(name for key in keys.values() for name in key.entities)
    suggestions: dict[str, list[tuple[str, Suggestion]]] = {}
    for mention_id in ids:
        candidates = [(number[other], keys[other]) for other in ids if other != mention_id]
        ranked = rank(
            keys[mention_id], candidates, entity_frequency=frequency, archive_size=len(keys), limit=SUGGESTION_LIMIT
        )
        suggestions[mention_id] = [(ids[s.candidate_id], s) for s in ranked]

    def languages(a: str, b: str) -> str:
        return "-".join(sorted((mentions[a].language, mentions[b].language)))

    def shown(mention_id: str) -> list[str]:
        """What a reviewer sees first: suggestions from other articles."""
        return [other for other, _ in suggestions[mention_id] if mentions[other].file != mentions[mention_id].file]

    _score_facts(gold, mentions, keys, shown, languages, report)
    flagged = {
        frozenset((mention_id, other))
        for mention_id, ranked in suggestions.items()
        for other, suggestion in ranked
        if suggestion.relation == Relation.CONTRADICTS
    }
    gold_contradictions = {frozenset((c["a"], c["b"])) for c in gold["contradictions"]}
    for pair in flagged:
        a, b = sorted(pair)
        _tally(
            report, report.contradiction_precision, "false contradiction", a, b, languages, pair in gold_contradictions
        )
    for pair in gold_contradictions:
        a, b = sorted(pair)
        if a in keys and b in keys:
            _tally(report, report.contradiction_recall, "missed contradiction", a, b, languages, pair in flagged)
    for distractor in gold["distractors"]:
        a, b = distractor["a"], distractor["b"]
        if a in keys and b in keys:
            first = (shown(a)[:1] == [b]) or (shown(b)[:1] == [a])
            taken = first or frozenset((a, b)) in flagged
            _tally(
                report, report.distractors, "distractor first or flagged", a, b, languages, taken, wrong_when_hit=True
            )
    for update in gold["updates"]:
        a, b = update["earlier"], update["later"]
        if a in keys and b in keys:
            typed = {s.relation for other, s in suggestions[a] if other == b}
            typed |= {s.relation for other, s in suggestions[b] if other == a}
            _tally(report, report.updates, "update not typed", a, b, languages, Relation.UPDATE in typed)
    return report


def _tally(report, tally: Tally, what: str, a: str, b: str, languages, hit: bool, wrong_when_hit=False) -> None:
    """Count the pair; keep it as a miss when it went wrong (for distractors, a hit is what goes wrong)."""
    tally.add(languages(a, b), hit)
    if hit == wrong_when_hit:
        report.misses.append(Miss(what, a, b, languages(a, b)))


def _score_facts(gold, mentions, keys, shown, languages, report: LinkingReport) -> None:
    for fact in gold["facts"]:
        for a, b in itertools.permutations(fact["mentions"], 2):
            if mentions[a].file == mentions[b].file:
                continue
            report.coverage.add(languages(a, b), a in keys and b in keys)
    partners = defaultdict(set)
    for fact in gold["facts"]:
        for a, b in itertools.permutations(fact["mentions"], 2):
            if mentions[a].file != mentions[b].file and a in keys and b in keys:
                partners[a].add(b)
    for mention_id, others in partners.items():
        ranking = shown(mention_id)
        by_pair = defaultdict(set)
        ahead = tuple(other for other in ranking[:RECALL_AT] if other not in others)
        for other in sorted(others):
            by_pair[languages(mention_id, other)].add(other)
            found = other in ranking[:RECALL_AT]
            report.recall.add(languages(mention_id, other), found)
            if not found:
                place = ranking.index(other) + 1 if other in ranking else None
                report.misses.append(
                    Miss("same fact missed", mention_id, other, languages(mention_id, other), place, ahead)
                )
        for pair, group in by_pair.items():
            first = next((index for index, other in enumerate(ranking) if other in group), None)
            report.reciprocal_rank.add(pair, 0.0 if first is None else 1 / (first + 1))


def format_report(report: LinkingReport) -> str:
    rows = [
        (f"recall@{RECALL_AT} (same fact)", report.recall),
        ("MRR", report.reciprocal_rank),
        ("contradiction precision", report.contradiction_precision),
        ("contradiction recall", report.contradiction_recall),
        ("distractors first or flagged", report.distractors),
        ("updates typed as updates", report.updates),
        ("same-fact pairs covered by extraction", report.coverage),
        (f"recall@{RECALL_AT} of all same-fact pairs", Tally(report.recall.hits, report.coverage.totals)),
    ]
    columns = ("all", *LANGUAGE_PAIRS)
    width = max(len(name) for name, _ in rows)
    lines = [
        f"{report.linked_mentions}/{report.mentions} gold mentions covered by an extracted claim; "
        f"each ranked against all the others (limit {SUGGESTION_LIMIT}).",
        "Shares are of gold pairs whose two mentions are covered (how many in brackets; for precision, of the "
        "pairs flagged); the last row counts uncovered pairs as missed.",
        f"{'':<{width}}  " + "  ".join(f"{column:>14}" for column in columns),
    ]
    for name, tally in rows:
        cells = []
        for column in columns:
            share = tally.share(column)
            total = tally.totals[column]
            cells.append(f"{'—':>14}" if share is None else f"{share:>6.2f} ({total:>5g})")
        lines.append(f"{name:<{width}}  " + "  ".join(cells))
    return "\n".join(lines)


def format_misses(report: LinkingReport, gold: dict, keys: dict[str, ClaimKey]) -> str:
    """Each pair scored wrong, grouped by what went wrong: both claims as the engine keyed them (unit, value
    range, place, period, source) and the engine's verdict on the pair, with its reasons."""
    sentences = {mention["id"]: mention["sentence"] for mention in gold["mentions"]}
    frequency = Counter(name for key in keys.values() for name in key.entities)
    lines = []
    for what in dict.fromkeys(miss.what for miss in report.misses):
        misses = [miss for miss in report.misses if miss.what == what]
        lines += ["", f"== {what} ({len(misses)})"]
        for miss in misses:
            place = (
                "" if miss.what != "same fact missed" else f"  rank {miss.rank or 'beyond ' + str(SUGGESTION_LIMIT)}"
            )
            lines.append(f"{miss.a} ~ {miss.b}  [{miss.languages}]{place}")
            for mention_id in (miss.a, miss.b):
                lines.append(f"    {_key_words(keys[mention_id])}")
                lines.append(f"      {sentences[mention_id]}")
            verdict = partial(_verdict, keys[miss.a], frequency=frequency, archive_size=len(keys))
            lines.append(f"    engine: {verdict(keys[miss.b])}")
            lines += [f"    ahead: {other} «{keys[other].text}» {verdict(keys[other])}" for other in miss.ahead]
            if miss.what == "same fact missed" and not miss.ahead:
                lines.append(f"    ahead: only other partners (more than {RECALL_AT})")
    return "\n".join(lines)


def _verdict(key: ClaimKey, other: ClaimKey, *, frequency: Counter, archive_size: int) -> str:
    verdict = compare(key, other, entity_frequency=frequency, archive_size=archive_size)
    if verdict is None:
        return "not compared (another kind)"
    return f"{verdict.relation} {verdict.score:g}: {'; '.join(verdict.reasons) or 'no reason'}"


def _key_words(key: ClaimKey) -> str:
    if key.kind == "date":
        what = f"{key.date_start} – {key.date_end}"
    else:
        what = f"{key.unit_concept} {key.low:g}–{key.high:g}" if key.low is not None else str(key.unit_concept)
    scope = (
        f"{name} {value}"
        for name, value in (("place", key.scope_place), ("period", key.scope_period), ("source", key.source))
        if value
    )
    return f"«{key.text}» {key.kind}: {what}; " + ", ".join(scope)
