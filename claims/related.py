"""How alike two claims are, and whether they look contradictory: plain functions over claim readings.

A reviewer linking claims across outlets sees the best candidates first, and the pairs that probably
contradict each other flagged, with the reason in words.
"""

import math
import re
import unicodedata
from dataclasses import dataclass

from .extraction.readings import Qualifier

# Words too common to say two sentences speak of the same thing (French and English).
STOPWORD_TEXT = """
le la les un une des de du d l au aux et ou en dans par pour sur avec sans que qui quoi dont ne pas plus se sa son
ses leur leurs ce cet cette ces il elle ils elles on nous vous est sont a ont été être avoir fait selon après avant
entre comme mais aussi the a an of to in on for and or is are was were be by with that this it its from at as has
have had not
"""
STOPWORDS = frozenset(STOPWORD_TEXT.split())
WORD = re.compile(r"\w+")
# How far "about 30" reaches either way when deciding if two figures can both be true.
ABOUT_TOLERANCE = 0.2


def words(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return {word for word in WORD.findall(folded) if word not in STOPWORDS and len(word) > 2}


def overlap(left: set, right: set) -> float:
    """Jaccard similarity: 0 when nothing is shared, 1 when the sets are equal."""
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def quantity_interval(reading: dict) -> tuple[float, float] | None:
    """The values a quantity reading allows, as a closed interval (open ends approximated)."""
    try:
        value = float(reading["value"])
    except (KeyError, TypeError, ValueError):
        return None
    qualifier = reading.get("qualifier") or Qualifier.EXACT
    if qualifier == Qualifier.RANGE and reading.get("value_max") is not None:
        return value, float(reading["value_max"])
    return {
        Qualifier.ABOUT: (value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE)),
        Qualifier.MORE_THAN: (math.nextafter(value, math.inf), math.inf),
        Qualifier.AT_LEAST: (value, math.inf),
        Qualifier.LESS_THAN: (-math.inf, math.nextafter(value, -math.inf)),
        Qualifier.AT_MOST: (-math.inf, value),
        Qualifier.ORDER_OF_MAGNITUDE: (value, value * 10),
    }.get(qualifier, (value, value))


def quantities_compatible(left: dict, right: dict) -> bool | None:
    """Whether both figures can be true at once; None when either has no value."""
    a, b = quantity_interval(left), quantity_interval(right)
    if a is None or b is None:
        return None
    return a[0] <= b[1] and b[0] <= a[1]


PRECISION_DIGITS = {"year": 4, "quarter": 4, "month": 7, "week": 10, "day": 10}


def dates_compatible(left: dict, right: dict) -> bool | None:
    """Whether two dates can name the same day, compared at the coarser of their precisions."""
    a, b = left.get("date"), right.get("date")
    if not a or not b:
        return None
    digits = min(PRECISION_DIGITS.get(left.get("precision"), 10), PRECISION_DIGITS.get(right.get("precision"), 10))
    precisions = (left.get("precision"), right.get("precision"))
    if "week" in precisions:
        return None  # a week is not a prefix of a date: leave it to the reviewer
    if "quarter" in precisions and "year" not in precisions:
        return a[:4] == b[:4] and (int(a[5:7]) - 1) // 3 == (int(b[5:7]) - 1) // 3  # same year, same quarter
    return a[:digits] == b[:digits]


@dataclass(frozen=True)
class ClaimFacts:
    """What the comparison needs to know of a claim, independent of the database."""

    kind: str
    normalized: dict
    sentence: str
    entities: tuple[str, ...]
    negated: bool


@dataclass(frozen=True)
class Relatedness:
    score: float
    reasons: tuple[str, ...]
    contradiction: str  # why the pair looks contradictory, or ""


def relatedness(claim: ClaimFacts, other: ClaimFacts) -> Relatedness:
    """Score how likely `other` states the same fact as `claim`, and flag a likely contradiction."""
    reasons, score, contradiction = [], 0.0, ""
    unit, other_unit = claim.normalized.get("unit"), other.normalized.get("unit")
    same_unit = bool(unit) and unit == other_unit
    if same_unit:
        score += 2.0
        reasons.append(f"same unit ({unit})")
    mine, theirs = {e.lower() for e in claim.entities}, {e.lower() for e in other.entities}
    shared_entities = mine & theirs
    if shared_entities:
        # One shared name (the country every article is about) says little; several say more.
        score += 2.0 * overlap(mine, theirs) + 0.25 * len(shared_entities)
        reasons.append("same " + ", ".join(sorted(shared_entities)[:3]))
    similarity = overlap(words(claim.sentence), words(other.sentence))
    if similarity >= 0.1:
        score += 3.0 * similarity
        reasons.append(f"similar sentence ({similarity:.0%} words shared)")
    same_subject = same_unit or overlap(mine, theirs) >= 0.5 or similarity >= 0.25

    if claim.kind == other.kind == "quantity":
        compatible = quantities_compatible(claim.normalized, other.normalized)
        if compatible and same_unit:
            score += 1.0
            reasons.append("compatible values")
        elif compatible is False and same_unit:
            contradiction = "same subject and unit, incompatible values"
    elif claim.kind == other.kind == "date":
        compatible = dates_compatible(claim.normalized, other.normalized)
        if compatible:
            score += 1.0
            reasons.append("same date")
        elif compatible is False and similarity >= 0.25:
            contradiction = "similar sentence, different dates"
    if not contradiction and same_subject and claim.negated != other.negated and similarity >= 0.2:
        contradiction = "opposite polarity: one is negated"
    return Relatedness(round(score, 3), tuple(reasons), contradiction)
