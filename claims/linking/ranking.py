"""Rank the archive's candidates for one claim and type each pair, with the reasons in words a reviewer reads."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from difflib import SequenceMatcher
from enum import StrEnum
from functools import lru_cache

from .keys import ClaimKey
from .lexicon import lexicon

# Two spellings of one name this alike are one name (Nangarhar/Nangahar, Fitrat/Fetrat, Zelensky/Zelesky).
NAME_SIMILARITY = 0.85
NAME_FUZZY_LENGTH = 5
# A candidate scoring below this shares too little with the claim to be worth a reviewer's look.
MIN_SCORE = 2.0
# Shared sentence features (Jaccard) above which two claims speak of the same subject, and above which
# they are worded so alike that different figures must disagree rather than count at different times.
SAME_SUBJECT = 0.05
SAME_WORDING = 0.3
# Share of the shorter clause's words (the claims themselves left out) the other clause also has, above which
# both say the same thing and differ only in the detail one adds ("27 pays ont signé", "Plus de 30 pays ont
# signé le texte final"): different figures then disagree.
SAME_STATEMENT = 0.75
# Counts published this far apart are different bulletins.
BULLETIN_HOURS = 6
# Sources that dispute one count rarely differ by more than this factor (police 12,000 vs organisers 40,000);
# figures further apart count different things.
DISPUTE_RATIO = 4.0
# Figures published further apart than this belong to different news cycles: never a contradiction or update.
NEWS_CYCLE_HOURS = 24 * 10
# A count of a day, told this many days after it, is that day's final count (unless the count only grows).
SETTLED_DAYS = 2
# A later article that recalls an earlier count ("le ministère avait alors compté …") reaches further back.
RECALL_CYCLES = 6
WEIGHTS = {
    "same_unit": 2.5,
    "related_unit": 1.0,
    "other_unit": -3.0,
    "compatible": 2.0,
    "equal": 0.5,
    "entities": 2.5,
    "sentence": 4.0,
    "time": 2.0,
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
    suggestions = [_compare(key, other, candidate_id, rarity) for candidate_id, other in candidates]
    kept = [s for s in suggestions if s is not None and (s.score >= MIN_SCORE or s.relation == Relation.CONTRADICTS)]
    kept.sort(key=lambda s: (-s.score, s.candidate_id))
    # A likely contradiction is what a reviewer most needs to see: it takes the place of the weakest others.
    flagged = [s for s in kept[limit:] if s.relation == Relation.CONTRADICTS]
    shown = kept[:limit]
    for contradiction in flagged:
        weakest = next((s for s in reversed(shown) if s.relation != Relation.CONTRADICTS), None)
        if weakest is None:
            break
        shown.remove(weakest)
        shown.append(contradiction)
    return shown


def compare(
    key: ClaimKey, other: ClaimKey, *, entity_frequency: Mapping[str, int] | None = None, archive_size: int = 0
) -> Suggestion | None:
    """The engine's verdict on one pair, whatever its score (None across kinds): what `rank` would say of it."""
    return _compare(key, other, 0, _Rarity(entity_frequency or {}, archive_size))


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
    wording: float = 0.0
    shared_names: int = 0
    partial_scope: bool = False

    def add(self, weight: float, reason: str | None = None) -> None:
        self.score += weight
        if reason:
            self.reasons.append(reason)


def _compare(key: ClaimKey, other: ClaimKey, candidate_id: int, rarity: _Rarity) -> Suggestion | None:
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
    names = ", ".join(name.replace("_", " ") for name in sorted(shared)[:3])
    pair.add(WEIGHTS["entities"] * weight + 0.2 * len(shared), f"same names ({names})")


def _has_name(names: frozenset[str], name: str) -> bool:
    return name in names or any(_same_name(*sorted((name, other))) for other in names)


@lru_cache(maxsize=65536)
def _same_name(left: str, right: str) -> bool:
    """One name spelt two ways (a letter dropped or changed); called with the pair sorted, so cached once."""
    if min(len(left), len(right)) < NAME_FUZZY_LENGTH or abs(len(left) - len(right)) > 2 or left[0] != right[0]:
        return False
    matcher = SequenceMatcher(None, left, right)
    return matcher.quick_ratio() >= NAME_SIMILARITY and matcher.ratio() >= NAME_SIMILARITY


def _compare_sentences(key: ClaimKey, other: ClaimKey, pair: _Pair) -> None:
    if not key.features or not other.features:
        return
    similarity = len(key.features & other.features) / len(key.features | other.features)
    pair.similarity = similarity
    if similarity >= 0.05:
        pair.add(WEIGHTS["sentence"] * similarity, f"similar sentence ({similarity:.0%} shared)")
    if key.wording and other.wording:
        pair.wording = len(key.wording & other.wording) / min(len(key.wording), len(other.wording))


def _compare_scope(key: ClaimKey, other: ClaimKey, pair: _Pair) -> None:
    places = key.scope_place, other.scope_place
    if all(places) and places[0] != places[1]:
        scopes = f"{_scope_words(places[0])} vs {_scope_words(places[1])}"
        pair.add(WEIGHTS["other_scope"], f"different scope ({scopes})")
        pair.conflict = True
    elif bool(places[0]) != bool(places[1]) and "national" not in places and not _names_place(key, other):
        # One names a place, the other none: maybe the same count, but not sure enough to call a contradiction.
        pair.add(WEIGHTS["other_scope"] / 4)
        pair.partial_scope = True
    if _other_period(key.scope_period, other.scope_period, key, other):
        periods = (
            f"{key.scope_period or 'the time of publication'} vs {other.scope_period or 'the time of publication'}"
        )
        pair.add(WEIGHTS["other_period"], f"different period ({periods})")
        pair.conflict = True
    if key.subset != other.subset:
        pair.add(WEIGHTS["other_scope"], "a part vs the whole")
        pair.conflict = True
    if key.forecast != other.forecast:
        pair.add(WEIGHTS["forecast"], "a forecast vs a count")
        pair.conflict = True


def _other_period(left: str | None, right: str | None, key: ClaimKey, other: ClaimKey) -> bool:
    """Two named periods that differ at the coarser of them; or, against a figure naming none, a year long
    past, or a day after that figure was published (it cannot have counted a day still to come)."""
    if left and right:
        width = min(len(left), len(right))
        return left[:width] != right[:width]
    named, unnamed = (left, other) if left else (right, key)
    if named is None or unnamed.published is None:
        return False
    if len(named) == 4:
        return str(unnamed.published.year) != named
    return named > unnamed.published.date().isoformat()


def _names_place(key: ClaimKey, other: ClaimKey) -> bool:
    """Whether the side that names no place still names, in its sentence, the other side's place."""
    place, silent = (key.scope_place, other) if key.scope_place else (other.scope_place, key)
    return _has_name(silent.entities, place)


def _scope_words(scope: str) -> str:
    return {"national": "the whole country", "outside": "all but one place"}.get(scope, scope.replace("_", " "))


def _compare_quantities(key: ClaimKey, other: ClaimKey, pair: _Pair) -> Relation:
    same_unit = bool(key.unit_concept) and key.unit_concept == other.unit_concept
    related = not same_unit and (
        _related_units(key.unit_concept, other.unit_concept)
        # "26 officers were hurt" and "26 blessés parmi les policiers": each names the other's unit too.
        or (key.unit_concept in other.clause_units and other.unit_concept in key.clause_units)
    )
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
    later = key if _published(key) > _published(other) else other
    cycle = NEWS_CYCLE_HOURS * (RECALL_CYCLES if later.recalled else 1)
    if key.subset or other.subset or hours > cycle or _states_figure(other, key) or _states_figure(key, other):
        return Relation.SUPPORTS
    comparable = _ratio(key, other) <= DISPUTE_RATIO and not pair.partial_scope
    same_period = _same_period(key, other)
    sides = _side(key.source), _side(other.source)
    disputed = all(sides) and sides[0] != sides[1] and (pair.similarity >= SAME_SUBJECT or pair.shared_names)
    # A day named on one side only may be another day than the other side's: not sure enough to call a dispute.
    if comparable and same_period and disputed:
        sources = f"{_source_words(key.source)} figure vs {_source_words(other.source)} figure"
        pair.reasons.append(f"{sources} for the same thing counted")
        return Relation.CONTRADICTS
    if key.sentence == other.sentence:
        return Relation.SUPPORTS  # two figures of one sentence count two things
    if _settled(key, other) and comparable and (pair.similarity >= SAME_SUBJECT or pair.shared_names):
        # A count of a time long past is no bulletin any more: two figures for it disagree.
        pair.reasons.append(f"two counts for the same past time ({key.scope_period})")
        return Relation.CONTRADICTS
    if key.cumulative and other.cumulative and (hours >= BULLETIN_HOURS or pair.similarity < SAME_WORDING):
        earlier, later = (key, other) if _published(key) <= _published(other) else (other, key)
        pair.reasons.append(f"a count that grows: {earlier.text} then {later.text}")
        return Relation.UPDATE
    if comparable and same_period and pair.wording >= SAME_STATEMENT and hours < BULLETIN_HOURS:
        pair.reasons.append("same thing counted the same day, incompatible values")
        return Relation.CONTRADICTS
    return Relation.SUPPORTS


def _same_period(key: ClaimKey, other: ClaimKey) -> bool:
    """Both count the same time: the same period named, or none; or a day named on one side only that the other
    side's publication covers (a count published that day, or the morning after, without saying which day)."""
    if key.scope_period == other.scope_period:
        return True
    named, unnamed = (key, other) if key.scope_period else (other, key)
    if unnamed.scope_period or len(named.scope_period) != len("yyyy-mm-dd") or unnamed.published is None:
        return False
    day = date.fromisoformat(named.scope_period)
    return timedelta(0) <= unnamed.published.date() - day <= timedelta(days=1)


def _settled(key: ClaimKey, other: ClaimKey) -> bool:
    """Whether both count a period that was over when either was published: a past year; or a day some days
    before both, for a count that does not grow (a march's turnout is final by then, a death toll is not)."""
    period = key.scope_period
    if not period or period != other.scope_period:
        return False
    if _past_period(key):
        return True
    if (
        len(period) != len("yyyy-mm-dd")
        or key.cumulative
        or other.cumulative
        or not (key.published and other.published)
    ):
        return False
    return min(key.published, other.published).date() - date.fromisoformat(period) >= timedelta(days=SETTLED_DAYS)


def _past_period(key: ClaimKey) -> bool:
    period = key.scope_period
    return bool(period) and key.published is not None and period[:4].isdigit() and int(period[:4]) < key.published.year


def _ratio(key: ClaimKey, other: ClaimKey) -> float:
    values = sorted(abs(value) for value in (key.value, other.value) if value is not None)
    if len(values) < 2 or values[0] == 0:
        return math.inf
    return values[1] / values[0]


def _states_figure(key: ClaimKey, other: ClaimKey) -> bool:
    """Whether `key`'s sentence also gives `other`'s figure: then its own figure counts something else
    ("8 km deep, 27 km from Jalalabad"), unless another side gives it there, to dispute the claim's figure."""
    return any(other.low <= number <= other.high for number in key.numbers - key.rivals if number != key.value)


def _published(key: ClaimKey) -> datetime:
    return key.published or datetime.min


def _side(source: str | None) -> str | None:
    if source is None:
        return None
    return lexicon().source_sides.get(source, source)


SOURCE_WORDS = {
    "police": "police",
    "authorities": "the authorities'",
    "organisers": "the organisers'",
    "united_nations": "the UN's",
    "analysts": "analysts'",
    "united_states": "US officials'",
}


def _source_words(source: str) -> str:
    return SOURCE_WORDS.get(source, source.replace("_", " ").title() + "'s")


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
