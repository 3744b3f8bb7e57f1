"""Rank the archive's candidates for one claim and type each pair, with the reasons in words a reviewer reads."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher
from enum import StrEnum

from .keys import ClaimKey
from .lexicon import lexicon

# Two spellings of one name this alike are one name (Nangarhar/Nangahar, Fitrat/Fetrat, Zelensky/Zelesky).
NAME_SIMILARITY = 0.85
NAME_FUZZY_LENGTH = 5
# A candidate scoring below this shares too little with the claim to be worth a reviewer's look.
MIN_SCORE = 1.5
# Shared sentence features (Jaccard) above which two claims speak of the same subject, and above which
# they are worded so alike that different figures must disagree rather than count at different times.
SAME_SUBJECT = 0.1
SAME_WORDING = 0.3
# Counts published this far apart are different bulletins.
BULLETIN_HOURS = 6
# Sources that dispute one count rarely differ by more than this factor (police 12,000 vs organisers 40,000);
# figures further apart count different things.
DISPUTE_RATIO = 4.0
# Figures published further apart than this belong to different news cycles: never a contradiction or update.
NEWS_CYCLE_HOURS = 24 * 10
WEIGHTS = {
    "same_unit": 2.5,
    "related_unit": 1.0,
    "other_unit": -3.0,
    "compatible": 2.0,
    "equal": 0.5,
    "entities": 2.5,
    "sentence": 4.0,
    "time": 0.6,
    "other_scope": -2.5,
    "other_period": -2.5,
    "forecast": -2.0,
    "same_date": 2.5,
    "other_date": -1.5,
    "speaker": 2.0,
}


class Relation(StrEnum):
    SAME_AS = "same_as"
    CONTRADICTS = "contradicts"
    SUPPORTS = "supports"
    UPDATE = "update"


@dataclass(frozen=True)
class Suggestion:
    candidate_id: int
    score: float
    relation: Relation
    reasons: tuple[str, ...]


def rank(
    key: ClaimKey,
    candidates: Iterable[tuple[int, ClaimKey]],
    *,
    entity_frequency: Mapping[str, int] | None = None,
    archive_size: int = 0,
    limit: int = 20,
) -> list[Suggestion]:
    """The candidates most likely to state the same fact as `key`, best first, each typed and explained.

    `entity_frequency` (claims per canonical entity) and `archive_size` weight a shared name by how rare it
    is: the country every article names says little, the spokesman's name much more.
    """
    rarity = _Rarity(entity_frequency or {}, archive_size)
    suggestions = [compare(key, other, candidate_id, rarity) for candidate_id, other in candidates]
    kept = [s for s in suggestions if s is not None and (s.score >= MIN_SCORE or s.relation == Relation.CONTRADICTS)]
    kept.sort(key=lambda s: (-s.score, s.candidate_id))
    return kept[:limit]


class _Rarity:
    def __init__(self, frequency: Mapping[str, int], archive_size: int):
        self.frequency, self.size = frequency, archive_size

    def weight(self, name: str) -> float:
        if not self.size:
            return 1.0
        return math.log((self.size + 1) / (self.frequency.get(name, 0) + 1)) / math.log(self.size + 1) + 0.2


@dataclass
class _Pair:
    score: float = 0.0
    reasons: list[str] | None = None
    conflict: bool = False  # a different scope, period or kind of figure: never the same thing
    similarity: float = 0.0
    shared_names: int = 0
    partial_scope: bool = False

    def add(self, weight: float, reason: str | None = None) -> None:
        self.score += weight
        if reason:
            self.reasons.append(reason)


def compare(key: ClaimKey, other: ClaimKey, candidate_id: int, rarity: _Rarity) -> Suggestion | None:
    if key.kind != other.kind:
        return None
    pair = _Pair(reasons=[])
    _compare_entities(key, other, pair, rarity)
    _compare_sentences(key, other, pair)
    _compare_scope(key, other, pair)
    if key.published and other.published:
        days = abs((key.published - other.published).total_seconds()) / 86400
        pair.add(WEIGHTS["time"] * math.exp(-days / 7))
    relation = Relation.SAME_AS
    if key.kind == "quantity":
        relation = _compare_quantities(key, other, pair)
    elif key.kind == "date":
        relation = _compare_dates(key, other, pair)
    elif key.kind == "quote" and key.speaker and key.speaker == other.speaker:
        pair.add(WEIGHTS["speaker"], f"same speaker ({key.speaker})")
    if relation == Relation.SAME_AS and pair.conflict:
        relation = Relation.SUPPORTS
    return Suggestion(candidate_id, round(pair.score, 3), relation, tuple(pair.reasons))


def _compare_entities(key: ClaimKey, other: ClaimKey, pair: _Pair, rarity: _Rarity) -> None:
    shared = {name for name in key.entities if _has_name(other.entities, name)}
    if not shared:
        return
    pair.shared_names = len(shared)
    union = key.entities | other.entities
    weight = sum(rarity.weight(name) for name in shared) / max(sum(rarity.weight(name) for name in union), 1e-9)
    pair.add(WEIGHTS["entities"] * weight + 0.2 * len(shared), "same " + ", ".join(sorted(shared)[:3]))


def _has_name(names: frozenset[str], name: str) -> bool:
    if name in names:
        return True
    if len(name) < NAME_FUZZY_LENGTH:
        return False
    return any(
        len(other) >= NAME_FUZZY_LENGTH and SequenceMatcher(None, name, other).ratio() >= NAME_SIMILARITY
        for other in names
    )


def _compare_sentences(key: ClaimKey, other: ClaimKey, pair: _Pair) -> None:
    if not key.features or not other.features:
        return
    similarity = len(key.features & other.features) / len(key.features | other.features)
    pair.similarity = similarity
    if similarity >= 0.05:
        pair.add(WEIGHTS["sentence"] * similarity, f"similar sentence ({similarity:.0%} shared)")


def _compare_scope(key: ClaimKey, other: ClaimKey, pair: _Pair) -> None:
    places = key.scope_place, other.scope_place
    if all(places) and places[0] != places[1]:
        pair.add(WEIGHTS["other_scope"], f"different scope ({_scope_words(places[0])} vs {_scope_words(places[1])})")
        pair.conflict = True
    elif bool(places[0]) != bool(places[1]) and "national" not in places:
        # One names a place, the other none: maybe the same count, but not sure enough to call a contradiction.
        pair.add(WEIGHTS["other_scope"] / 4)
        pair.partial_scope = True
    if _other_period(key.scope_period, other.scope_period, key, other):
        periods = (
            f"{key.scope_period or 'the time of publication'} vs {other.scope_period or 'the time of publication'}"
        )
        pair.add(WEIGHTS["other_period"], f"different period ({periods})")
        pair.conflict = True
    if key.forecast != other.forecast:
        pair.add(WEIGHTS["forecast"], "a forecast vs a count")
        pair.conflict = True


def _other_period(left: str | None, right: str | None, key: ClaimKey, other: ClaimKey) -> bool:
    """Two named periods that differ at the coarser of them; or a year long past against none named."""
    if left and right:
        width = min(len(left), len(right))
        return left[:width] != right[:width]
    named, unnamed = (left, other) if left else (right, key)
    if named is None:
        return False
    return len(named) == 4 and (unnamed.published is None or str(unnamed.published.year) != named)


def _scope_words(scope: str) -> str:
    return {"national": "the whole country", "outside": "all but one place"}.get(scope, scope)


def _compare_quantities(key: ClaimKey, other: ClaimKey, pair: _Pair) -> Relation:
    same_unit = bool(key.unit_concept) and key.unit_concept == other.unit_concept
    related = not same_unit and _related_units(key.unit_concept, other.unit_concept)
    if same_unit:
        pair.add(WEIGHTS["same_unit"], f"same unit ({key.unit_concept})")
    elif related:
        pair.add(WEIGHTS["related_unit"], f"related units ({key.unit_concept}, {other.unit_concept})")
    elif key.unit_concept and other.unit_concept:
        pair.add(WEIGHTS["other_unit"])
        return Relation.SUPPORTS
    compatible = _overlap(key, other)
    if compatible is None:
        return Relation.SUPPORTS
    if compatible:
        pair.add(WEIGHTS["compatible"], "compatible values")
        if key.value is not None and key.value == other.value:
            pair.add(WEIGHTS["equal"])
        return Relation.SAME_AS
    interchangeable = frozenset((key.unit_concept, other.unit_concept)) in lexicon().interchangeable
    if not (same_unit or interchangeable) or pair.conflict:
        return Relation.SUPPORTS
    return _incompatible(key, other, pair)


def _incompatible(key: ClaimKey, other: ClaimKey, pair: _Pair) -> Relation:
    """Same thing, same scope, values that cannot both be true: sources that disagree, or a later bulletin.

    Anything less sure is left untyped (supports): a false contradiction costs a reviewer more than a missed one.
    """
    hours = abs((key.published - other.published).total_seconds()) / 3600 if key.published and other.published else 0.0
    if (
        key.subset
        or other.subset
        or hours > NEWS_CYCLE_HOURS
        or _states_figure(other, key)
        or _states_figure(key, other)
    ):
        return Relation.SUPPORTS
    comparable = _ratio(key, other) <= DISPUTE_RATIO and not pair.partial_scope
    sides = _side(key.source), _side(other.source)
    if comparable and all(sides) and sides[0] != sides[1] and (pair.similarity >= SAME_SUBJECT or pair.shared_names):
        pair.reasons.append(f"{_source_words(key.source)} figure vs {_source_words(other.source)} figure")
        return Relation.CONTRADICTS
    if key.sentence == other.sentence:
        return Relation.SUPPORTS  # two figures of one sentence count two things
    if key.cumulative and other.cumulative and (hours >= BULLETIN_HOURS or pair.similarity < SAME_WORDING):
        earlier, later = (key, other) if _published(key) <= _published(other) else (other, key)
        pair.reasons.append(f"a count that grows: {earlier.text} then {later.text}")
        return Relation.UPDATE
    if comparable and pair.similarity >= SAME_WORDING and hours < BULLETIN_HOURS:
        pair.reasons.append("same thing counted the same day, incompatible values")
        return Relation.CONTRADICTS
    return Relation.SUPPORTS


def _ratio(key: ClaimKey, other: ClaimKey) -> float:
    values = sorted(abs(value) for value in (key.value, other.value) if value is not None)
    if len(values) < 2 or values[0] == 0:
        return math.inf
    return values[1] / values[0]


def _states_figure(key: ClaimKey, other: ClaimKey) -> bool:
    """Whether `key`'s sentence also gives `other`'s figure: then its own figure counts something else
    ("8 km deep, 27 km from Jalalabad")."""
    return any(other.low <= number <= other.high for number in key.numbers if number != key.value)


def _published(key: ClaimKey) -> datetime:
    return key.published or datetime.min


def _side(source: str | None) -> str | None:
    if source is None:
        return None
    return lexicon().source_sides.get(source, source)


def _source_words(source: str) -> str:
    return {"police": "police/authorities'", "organisers": "organisers'", "united_nations": "UN"}.get(
        source, source.replace("_", " ") + "'s"
    )


def _related_units(left: str | None, right: str | None) -> bool:
    if not left or not right:
        return False
    parents = lexicon()
    return parents.parent_of(left) == right or parents.parent_of(right) == left


def _overlap(key: ClaimKey, other: ClaimKey) -> bool | None:
    if key.low is None or key.high is None or other.low is None or other.high is None:
        return None
    return key.low <= other.high and other.low <= key.high


def _compare_dates(key: ClaimKey, other: ClaimKey, pair: _Pair) -> Relation:
    if not key.date_start or not other.date_start:
        return Relation.SUPPORTS
    if key.date_start <= other.date_end and other.date_start <= key.date_end:
        pair.add(WEIGHTS["same_date"], f"same date ({other.date_start.isoformat()})")
        return Relation.SAME_AS
    pair.add(WEIGHTS["other_date"])
    return Relation.SUPPORTS
