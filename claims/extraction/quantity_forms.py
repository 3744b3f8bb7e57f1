"""The words around a number that change its reading: a second number making a range or a change, a
part of a whole or a proportion, a rate, a qualifier after the noun, a fall, and the unit a number
with no noun takes from its subject or from the currency named before it."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from .lexicons import Lexicon
from .lexicons.units import UnitKeys, unit_keys
from .numbers import NumberMatch
from .spans import DocIndex
from .text import paragraph_bounds
from .units import Unit, unit_after

_SYMBOL = r"[€$£]"
# Units of time after which "a"/"an" makes a rate ("£25bn a year", "40,000 appointments a week").
TIME_KEYS = frozenset({"year", "month", "week", "day", "hour"})
# A rate's bare denominator from this size up is a population ("21.6 per 100,000", "pour 100 000").
_POPULATION_BASE = 1000


# Patterns asked of every number are compiled once: these here, those built from the lexicon by the cached
# functions next to the rule that reads them.
_SLASH = re.compile(r"\s*/\s*")
_OPTIONAL_WORD = re.compile(r"\s*(?:[a-z]+\s+)?")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")

# "the number of X", "le nombre de X", "le total des X": the noun a bare figure counts.
_COUNT_OF = re.compile(r"(?<![\w'])(?:number|nombre|total|count)\s+(?:of|de|d'|des)\s*([a-z-]+)")


@dataclass(frozen=True)
class SecondNumber:
    """The number after "et", "à", "to", "-": the upper bound of a range or the new value of a change."""

    is_change: bool
    value: float  # already scaled ("entre 5 et 10 millions")
    multiplier: float  # the scale written after it, which an unscaled first number shares
    end: int
    start: int  # where the whole expression starts (the opener: "entre", "from", "de")


def number_at(numbers: list[NumberMatch], position: int) -> NumberMatch | None:
    return next((number for number in numbers if number.start == position), None)


def second_number(index: DocIndex, number: NumberMatch, numbers: list[NumberMatch], end: int, scale, scale_at):
    """ "entre 120 et 150", "de 290 à 329", "from 62 to 64", "18-25 ans", "100,000 to 200,000": a range, or
    a change when the opener says so ("from", or "de" after a verb of change such as "passe de")."""
    lexicon, folded = index.lexicon, index.folded
    before = folded[max(0, number.start - 40) : number.start]
    opener = _range_opener(lexicon).search(before)
    if opener:
        joiners = lexicon.range_joiners.get(opener.group(1), ())
        start = number.start - (len(before) - opener.start(1))
    else:
        # No opener: a hyphen between two figures, and in English "X to Y".
        joiners = ("-", "to") if lexicon.language == "en" else ("-",)
        start = number.start
    if not joiners:
        return None
    match = _range_joiner(lexicon, joiners).match(folded, end)
    if not match:
        return None
    second = number_at(numbers, match.end())
    if second is None or second.is_article or second.value < 0:
        return None
    if not opener and (number.written_in_words or second.written_in_words):
        return None  # "one-to-one", "two-thirds": words joined by a hyphen are not a range
    scaled = scale_at(second)
    value, second_end = (scaled[0], scaled[1]) if scaled is not None else (second.value * scale, second.end)
    multiplier = scaled[0] / second.value if scaled is not None and second.value else 1.0
    is_change = bool(opener) and (
        opener.group(1) in lexicon.change_openers
        or bool(lexicon.change_verbs and _change_verb_before(lexicon).search(before[: opener.start(1)]))
    )
    return SecondNumber(is_change, value, multiplier, second_end, start)


@cache
def _range_opener(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?:^|[\s(])({'|'.join(map(re.escape, lexicon.range_open))})\s*(?:{_SYMBOL}\s?)?$")


@cache
def _range_joiner(lexicon: Lexicon, joiners: tuple[str, ...]) -> re.Pattern[str]:
    spaced = "|".join(re.escape(joiner) for joiner in joiners if joiner != "-")
    alternatives = [rf"\s+(?:{spaced})\s+"] if spaced else []
    if "-" in joiners:
        alternatives.append(r"-")
    # The upper bound may carry its own bound word: "entre 120 et jusqu'à 150 sièges".
    bound = "|".join(pattern for pattern, qualifier in lexicon.qualifiers if qualifier == "at_most")
    return re.compile(rf"(?:\s*[%{_SYMBOL[1:-1]}])?(?:{'|'.join(alternatives)})(?:(?:{bound})\s*)?(?:{_SYMBOL}\s?)?")


@cache
def _change_verb_before(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?:{lexicon.change_verbs})(?:[\s,]+[\w']+){{0,2}}[\s,]+$")


@cache
def _words_between(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One of `words` standing alone between spaces, as the lexicon lists it; None when it lists none."""
    return re.compile(rf"\s+(?:{'|'.join(map(re.escape, words))})\s+") if words else None


def shared_scale(index: DocIndex, end: int, numbers: list[NumberMatch], scale_at):
    """ "41 et 37 milliards de dollars": the first number takes the scale and unit of the second.
    Returns (multiplier, end of the second's scale) or None."""
    pattern = _coordinated_number(index.lexicon)
    if pattern is None:
        return None
    match = pattern.match(index.folded, end)
    second = number_at(numbers, match.end()) if match else None
    if second is None or second.is_article or not second.value:
        return None
    scaled = scale_at(second)
    if scaled is None or scaled[2] != "quantity.multiplier":
        return None
    return scaled[0] / second.value, scaled[1]


@cache
def _coordinated_number(lexicon: Lexicon) -> re.Pattern[str] | None:
    coordinators = "|".join(map(re.escape, lexicon.coordinators))
    return re.compile(rf"\s+(?:{coordinators})\s+(?:{_SYMBOL}\s?)?") if coordinators else None


def part_of_whole(index: DocIndex, end: int, numbers: list[NumberMatch]) -> tuple[NumberMatch, int] | None:
    """ "12 des 23 cantons", "412 of the 650 seats": (the whole, where it ends)."""
    pattern = _words_between(index.lexicon.part_of)
    match = pattern.match(index.folded, end) if pattern else None
    whole = number_at(numbers, match.end()) if match else None
    return (whole, whole.end) if whole is not None and not whole.is_article else None


def proportion(index: DocIndex, end: int, numbers: list[NumberMatch], numerator: float) -> tuple[float, int] | None:
    """ "un inscrit sur trois", "one in three": (the denominator, where it ends). Not "1,663 in 2011"."""
    pattern = _words_between(index.lexicon.proportion_words)
    match = pattern.match(index.folded, end) if pattern else None
    denominator = number_at(numbers, match.end()) if match else None
    if denominator is None or not numerator < denominator.value or _is_year(index, denominator):
        return None
    return denominator.value, denominator.end


def rate(index: DocIndex, end: int, numbers: list[NumberMatch]) -> tuple[str, int] | None:
    """ "pour 100 000 habitants", "par jour", "per capita", "a week", "25/1 000": (`per`, where it ends)."""
    lexicon, folded, keys = index.lexicon, index.folded, unit_keys(index.language)
    slash = _SLASH.match(folded, end)
    if slash and (denominator := number_at(numbers, slash.end())) is not None:
        return f"{denominator.value:g}", denominator.end
    pattern = _rate_word(lexicon)
    match = pattern.match(folded, end) if pattern else None
    if not match:
        return None
    count, position = 1.0, match.end()
    denominator = number_at(numbers, position)
    if denominator is not None and not denominator.is_article:
        count, position = denominator.value, denominator.end
    unit = unit_after(index, position)
    key = (unit.key or keys.key_of(unit.name)) if unit is not None and not unit.is_date else None
    if key is None:
        if denominator is None or match.group(1) not in lexicon.rate_words:
            return None
        # "3.1 per 100,000": the denominator's noun left understood; a base of thousands counts people.
        return (f"{count:g} person" if count >= _POPULATION_BASE else f"{count:g}"), position
    if match.group(1) in lexicon.rate_articles and key not in TIME_KEYS:
        return None  # "40 people a day" is a rate; "3 seats a party won" is not
    return f"{count:g} {key}", unit.end


@cache
def _rate_word(lexicon: Lexicon) -> re.Pattern[str] | None:
    words = "|".join(map(re.escape, (*lexicon.rate_words, *lexicon.rate_articles)))
    return re.compile(rf"\s+({words})\s+") if words else None


def bracketed_item(index: DocIndex, number: NumberMatch) -> int | None:
    """Where the bracket opens when `number` is an item of a list in brackets ("(défense 12, santé 9)"):
    still open before it, and the item ends at a comma, a coordinator or the closing bracket."""
    sentence = index.sentence_at(number.start)
    start = sentence.start_char if sentence is not None else 0
    opening = index.text.rfind("(", start, number.start)
    if opening < 0 or ")" in index.text[opening : number.start]:
        return None
    return opening if _item_end(index.lexicon).match(index.folded, number.end) else None


@cache
def _item_end(lexicon: Lexicon) -> re.Pattern[str]:
    coordinators = "|".join(map(re.escape, lexicon.coordinators))
    return re.compile(rf"\s*(?:[,;)]|(?:{coordinators})\b)" if coordinators else r"\s*[,;)]")


def names_a_duration(index: DocIndex, position: int) -> bool:
    """Whether the noun at `position` (after an article) is a unit of time: "un quart d'heure"."""
    unit = unit_after(index, position)
    if unit is None:
        article = _OPTIONAL_WORD.match(index.folded, position)
        unit = unit_after(index, article.end())
    return unit is not None and unit_keys(index.language).key_of(unit.name) in TIME_KEYS


def qualifier_after(index: DocIndex, end: int) -> tuple[str, int] | None:
    """ "65 ans et plus", "17 or younger", "deux semaines environ"."""
    for pattern, qualifier in _qualifiers_after(index.lexicon):
        match = pattern.match(index.folded, end)
        if match:
            return qualifier, match.end()
    return None


@cache
def _qualifiers_after(lexicon: Lexicon) -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(rf"\s*,?\s+(?:{pattern})\b"), qualifier) for pattern, qualifier in lexicon.qualifiers_after]


def falls(index: DocIndex, start: int, end: int) -> tuple[bool, int]:
    """Whether the text gives a fall: "a reculé de 0,7 point", "down 3%", "179 000 chômeurs de moins"."""
    lexicon, folded = index.lexicon, index.folded
    if lexicon.decrease_before and _decrease_before(lexicon).search(folded[max(0, start - 40) : start]):
        return True, end
    after = _decrease_after(lexicon).match(folded, end) if lexicon.decrease_after else None
    return (True, after.end()) if after else (False, end)


@cache
def _decrease_before(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?:^|[\s(,])(?:{lexicon.decrease_before})\s*$")


@cache
def _decrease_after(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{lexicon.decrease_after})\b")


def subject_unit(index: DocIndex, number: NumberMatch) -> Unit | None:
    """A number with no noun takes the unit of what it is said of, earlier in its sentence: "le bilan
    s'établit à 347", "the toll passed 1,500" count deaths."""
    sentence = index.sentence_at(number.start)
    if sentence is None:
        return None
    keys = unit_keys(index.language)
    counted = _last(_COUNT_OF.finditer(index.folded, sentence.start_char, number.start))
    if counted is not None and keys.key_of(counted.group(1)) is not None:
        # "the number of structures damaged … at more than 5,300": what the number is the count of; its
        # noun stays the head, so "the number of people killed" counts deaths as "people killed" does.
        noun = index.token_at(counted.start(1))
        return Unit(index.text[counted.start(1) : counted.end(1)], number.end, head=noun.i if noun else None)
    found = _last(_subject_pattern(keys).finditer(index.folded, sentence.start_char, number.start))
    if found is None:
        return None
    key = keys.subjects[found.group(1)]
    return Unit(keys.names.get(key, key), number.end, key=key)


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    last = deque(matches, maxlen=1)
    return last[0] if last else None


def _is_year(index: DocIndex, number: NumberMatch) -> bool:
    return bool(_YEAR.fullmatch(index.folded, number.start, number.end))


@cache
def _subject_pattern(keys: UnitKeys) -> re.Pattern[str]:
    words = sorted(keys.subjects, key=len, reverse=True)
    # Not inside a compound: "age-adjusted" says nothing of what a later figure counts.
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, words)) + r")(?![\w-])")


def currency_in_context(index: DocIndex, position: int) -> Unit | None:
    """The currency last named in this paragraph or the one before ("62 milliards" in a budget in euros)."""
    paragraph_start = paragraph_bounds(index.text, position)[0]
    window_start = paragraph_bounds(index.text, max(0, paragraph_start - 2))[0] if paragraph_start else 0
    found = _last(_currency_pattern(index.lexicon).finditer(index.folded, window_start, position))
    if found is None:
        return None
    return Unit(index.lexicon.currencies[found.group(1)], position)


@cache
def _currency_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    words = sorted(lexicon.currencies, key=len, reverse=True)
    return re.compile(r"(?<![a-z])(" + "|".join(map(re.escape, words)) + r")(?![a-z])")
