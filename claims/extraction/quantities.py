"""Quantities: a number, what it counts, and how the text qualifies it."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from . import quantity_forms as forms
from .lexicons import Lexicon
from .lexicons.units import unit_keys
from .numbers import ARTICLES, NumberMatch, find_numbers, words_value
from .quantity_units import unit_at, unit_key_of
from .records import ClaimRecord, Kind
from .spans import DocIndex, make_record, overlaps
from .text import fold
from .units import Unit, unit_after

# A digit run glued to these is an ordinal or a clock time ("1er", "2e", "14h30"), not a count.
_ORDINAL_OR_TIME = re.compile(r"(?:er|re|e|eme|ieme|nd|st|th|rd|h\d*|:\d\d)(?![a-z])")
_QUOTE = r"[\"'“”«»‘’]?"
# "4:17 a.m.", "14h30", "11 a.m.": a time of day.
_CLOCK_BEFORE = re.compile(r"\d[:h]$")
_YEAR_BEFORE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d[-/]$")
_CLOCK_AFTER = re.compile(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b)")
# "à 10 heures", "at 10 hours": a time of day.
_AT_BEFORE = re.compile(r"(?:^|\s)(?:a|vers|at|des)\s*$")
# The word before a number, which may make it a reference ("article 12", "n° 3") rather than a count. Read
# backwards: a pattern anchored at the end would be tried from every letter of the text before the number.
_REFERENCE_WORD_BACKWARDS = re.compile(r"\s*([a-z°.]+)")
# The word after a number, which may scale it ("1,5 milliard", "une trentaine"), and a multiplier of that word.
_SCALE_WORD = re.compile(rf"\s*{_QUOTE}\s*([a-z]+)\b")
_OF_WORD = re.compile(r"\s+(?:de|d'|of)\s*([a-z]+)\b")
# Words between a qualifier and its number that add nothing to the reading ("around a further 1,000").
_ADDITIVE = r"(?:a further|another|an additional|an extra|some|encore|quelque)"
# Bare "billions", "des milliards": at this scale a figure with no noun is money, in the currency named last.
_MONEY_SCALE = 1e9


@dataclass(frozen=True)
class Reading:
    start: int
    end: int
    value: float
    value_max: float | None
    qualifier: str
    unit: Unit | None
    rule: str
    has_multiplier: bool
    per: str | None = None  # a rate's or proportion's denominator, "100000 inhabitant"
    value_old: float | None = None  # "from X to Y": X
    scale: float = 1.0  # the scale word's multiplier: 1e9 for "41 milliards"


def find_quantities(index: DocIndex, excluded: list[tuple[int, int]]) -> list[ClaimRecord]:
    numbers = find_numbers(index.folded, index.lexicon)
    readings = _vague_magnitudes(index)
    blocked = excluded + [(reading.start, reading.end) for reading in readings]
    readings += [share for share in _fractions(index, numbers) if not overlaps(share.start, share.end, blocked)]
    taken = [(reading.start, reading.end) for reading in readings]
    consumed_until = -1
    for number in numbers:
        if number.start < consumed_until or overlaps(number.start, number.end, excluded + taken):
            continue
        reading = _read_number(index, number, numbers, readings)
        if reading is None:
            continue
        if reading.unit is None and reading.has_multiplier:
            # A scale word with no noun ("62 milliards", "£40bn … billions more") counts the currency last
            # named, else what its subject counts ("attendance at 1.6 million"), else what the figure before
            # it in the sentence counts ("3,4 millions … dont 1,7 million").
            unit = forms.currency_in_context(index, reading.start) or forms.subject_unit(index, number)
            if unit is None and (previous := _previous_in_sentence(index, readings, number.start)) is not None:
                unit = dataclasses.replace(previous.unit, end=reading.end, head=None)
            reading = dataclasses.replace(reading, unit=unit)
        readings.append(reading)
        taken.append((reading.start, reading.end))
        consumed_until = reading.end
    return [_record(index, reading) for reading in sorted(readings, key=lambda r: r.start)]


def _previous_in_sentence(
    index: DocIndex, readings: list[Reading], start: int, *, sentences_back: int = 0
) -> Reading | None:
    """The closest figure before `start`, in its sentence (or as many sentences back), whose unit a later
    figure may leave understood: "25.6 million people, more than half of the population, … more than
    755,000" counts people, not halves."""
    sentence = index.sentence_at(start)
    if sentence is None:
        return None
    first = bisect_right(index.sentence_starts, sentence.start_char) - 1 - sentences_back
    window_start = index.sentence_starts[max(first, 0)]
    # Only the figures of the window, nearest first: asking each figure of the document whether its unit may be
    # understood made long articles quadratic.
    nearest_first = sorted(
        (reading for reading in readings if reading.start >= window_start and reading.end <= start),
        key=lambda reading: reading.end,
        reverse=True,
    )
    return next((reading for reading in nearest_first if _may_be_understood(index, reading)), None)


def _record(index: DocIndex, reading: Reading) -> ClaimRecord:
    fields = {
        "value": reading.value,
        "value_max": reading.value_max,
        "qualifier": reading.qualifier,
        "unit": reading.unit.name if reading.unit else None,
        "unit_key": unit_key_of(index, reading.unit),
        "per": reading.per,
        "value_old": reading.value_old,
    }
    confidence = 0.9 if reading.unit else 0.6
    return make_record(
        index,
        kind=Kind.QUANTITY,
        start=reading.start,
        end=reading.end,
        fields=fields,
        rule=reading.rule,
        confidence=confidence,
    )


@cache
def _magnitude_pattern(lexicon: Lexicon) -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The words one of which every order of magnitude holds ("milliers", "dozens"), and its pattern."""
    plural_collectives = [noun + "s" for noun in lexicon.approx_nouns if not noun.endswith("s")]
    plural_collectives += [noun for noun in lexicon.approx_nouns if noun.endswith("s")]
    plural_multipliers = [word for word in lexicon.multipliers if word.endswith("s")]
    head_words = tuple(sorted(plural_collectives + plural_multipliers, key=len, reverse=True))
    heads = "|".join(head_words)
    determiners = "|".join(re.escape(d) for d in lexicon.vague_determiners if d)
    optional = "?" if "" in lexicon.vague_determiners else ""
    of_words = "|".join(re.escape(word) for word in lexicon.of_words)
    return head_words, re.compile(
        rf"(?<![\w'])(?:(?P<det>{determiners})\s*){optional}{_QUOTE}\s*(?P<head>{heads})\b{_QUOTE}"
        rf"(?:\s+(?:{of_words})\s*(?P<second>{'|'.join(plural_multipliers)})\b)?"
    )


def _vague_magnitudes(index: DocIndex) -> list[Reading]:
    """ "des milliers de soldats", "des dizaines de milliers": an order of magnitude, no number."""
    lexicon = index.lexicon
    head_words, pattern = _magnitude_pattern(lexicon)
    # Most texts hold none of the words: opening with a lookbehind, the pattern would be tried at every character.
    if not any(word in index.folded for word in head_words):
        return []
    readings = []
    for match in pattern.finditer(index.folded):
        value = _collective_value(match.group("head"), lexicon)
        if match.group("second"):
            value *= lexicon.multipliers[match.group("second")]
        unit = unit_after(index, match.end())
        if unit is not None and fold(unit.name) in unit_keys(index.language).others:
            unit = None  # "billions more": no noun
        if unit is None and value >= _MONEY_SCALE:
            unit = forms.currency_in_context(index, match.end())
        # Keep "des" in the span (it is what makes the number vague) but not a bare linking "de".
        det = match.group("det") or ""
        start = match.start() if det not in {"de", "d'"} else match.start("head")
        if index.text[start - 1 : start] in "\"“«'‘" and start > 0:
            start -= 1
        end = unit.end if unit and not unit.is_date else match.end()
        readings.append(
            Reading(
                start,
                end,
                value,
                None,
                "order_of_magnitude",
                unit if unit and not unit.is_date else None,
                "quantity.order_of_magnitude",
                True,
            )
        )
    return readings


@cache
def _fraction_patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A fraction noun before its link word ("tiers des", "half the"), and the share it ends, numerator first."""
    nouns = "|".join(sorted(lexicon.fractions, key=len, reverse=True))
    links = "|".join(map(re.escape, lexicon.fraction_links))
    noun = rf"(?P<noun>{nouns})(?P<plural>s?)\s+(?:{links})(?:(?<=')|(?![a-z]))"
    return re.compile(noun), re.compile(rf"(?<![\w'-])(?:(?P<numerator>[a-z]+)[\s-]+)?{noun}")


def _fractions(index: DocIndex, numbers: list[NumberMatch]) -> list[Reading]:
    """ "un tiers des électeurs", "two-thirds of MPs", "plus de la moitié des", "half the population": a
    share, read as its numerator with the fraction as unit and the denominator as `per`."""
    noun, share = _fraction_patterns(index.lexicon)
    # Most documents name no share: a look for the fraction nouns, then one quick search for a noun with its link
    # word, spare them the full pattern, which, opening with a lookbehind, the regex engine tries at every character.
    if not any(word in index.folded for word in index.lexicon.fractions) or not noun.search(index.folded):
        return []
    readings = []
    for match in share.finditer(index.folded):
        reading = _fraction(index, match, numbers)
        if reading is not None:
            readings.append(reading)
    return readings


def _fraction(index: DocIndex, match: re.Match[str], numbers: list[NumberMatch]) -> Reading | None:
    lexicon = index.lexicon
    start = _fraction_start(index, match)
    if start is None:
        return None
    if forms.names_a_duration(index, match.end()):
        return None  # "un quart d'heure", "a quarter of an hour": a length of time
    value = _numerator(lexicon, match.group("numerator")) or 1.0  # a bare "half" is one half
    qualifier, start = _qualifier_before(index.folded, start, lexicon, "exact")
    unit = Unit(index.text[match.start("noun") : match.end("noun")].lower(), match.end("plural"), key="fraction")
    end = unit.end
    # The whole may be a figure of its own ("deux tiers des 60 milliards"): it is part of the share.
    part = forms.part_of_whole(index, end, numbers)
    if part is not None:
        whole, whole_end = part
        scaled = _scale(index.folded, whole_end, whole.value, whole.is_article, lexicon)
        end = unit_at(index, scaled[1] if scaled else whole_end, whole)[1]
    per = f"{lexicon.fractions[match.group('noun')]}"
    return Reading(start, end, value, None, qualifier, unit, "quantity.fraction", False, per)


def _fraction_start(index: DocIndex, match: re.Match[str]) -> int | None:
    """Where a fraction starts: at its numerator ("deux tiers", "a third"); a bare "moitié" or "half"
    at its determiner ("la moitié"). None when the words make a period, not a share ("the third quarter
    of 2024", "the second half of the year")."""
    lexicon, word = index.lexicon, match.group("numerator")
    if _numerator(lexicon, word) is not None:
        return match.start("numerator")
    before = index.token_at(match.start("numerator")) if word else None
    if match.group("noun") not in lexicon.bare_fractions or (before is not None and before.pos_ == "ADJ"):
        return None
    return match.start("numerator") if before is not None and before.pos_ == "DET" else match.start("noun")


def _numerator(lexicon: Lexicon, word: str | None) -> float | None:
    if not word:
        return None
    return 1.0 if word in ARTICLES else words_value(word, lexicon.language)


def _collective_value(word: str, lexicon: Lexicon) -> float:
    if word in lexicon.multipliers:
        return lexicon.multipliers[word]
    singular = word if word in lexicon.approx_nouns else word[:-1]
    return words_value(lexicon.approx_nouns[singular], lexicon.language) or 0.0


def _read_number(
    index: DocIndex, number: NumberMatch, numbers: list[NumberMatch], readings: list[Reading]
) -> Reading | None:
    lexicon, folded = index.lexicon, index.folded
    if not number.written_in_words and _ORDINAL_OR_TIME.match(folded, number.end):
        return None
    if _CLOCK_BEFORE.search(folded, max(0, number.start - 3), number.start) or _CLOCK_AFTER.match(folded, number.end):
        return None
    if _YEAR_BEFORE.search(folded, max(0, number.start - 5), number.start):
        return None  # "24" in "2023-24": the end of a span of years
    if _is_reference(folded, number.start, lexicon):
        return None
    value, end, rule, qualifier = number.value, number.end, "quantity.number", "exact"
    has_multiplier = False
    if number.written_in_words and folded[number.start : number.end] in lexicon.multipliers:
        return None  # a lone "million" belongs to the number or the "des" before it
    scaled = _scale(folded, end, value, number.is_article, lexicon)
    if scaled is not None:
        value, end, rule, approximate = scaled
        has_multiplier = True
        qualifier = "about" if approximate else qualifier
    # "un porte-parole", "une source": an article, not a count ("une trentaine", "un TGV sur trois" count).
    article_only = number.is_article and scaled is None
    scale = value / number.value if number.value else 1.0
    second = None if article_only else forms.second_number(index, number, numbers, end, scale, _scale_of(index))
    start, value_max, value_old = number.start, None, None
    if second is not None and _looks_like_year(folded, number):
        return None  # "2023-24", "de 2019 à 2021": a span of years is a date
    if second is not None and not has_multiplier and second.multiplier != 1.0:
        value, has_multiplier = value * second.multiplier, True  # "entre 5 et 10 millions": both in millions
    if second is not None and second.is_change:
        value, value_old, end, start = second.value, value, second.end, second.start
        rule = "quantity.change"
    elif second is not None:
        value_max, end, start = second.value, second.end, second.start
        qualifier, rule = "range", "quantity.range"
    else:
        qualifier, start = _qualifier_before(folded, start, lexicon, qualifier)
    unit, end = unit_at(index, end, number)
    # How far back the figure whose unit this one may leave understood is looked for.
    sentences_back = 0
    if unit is not None and fold(unit.name) in unit_keys(index.language).others:
        # "500 autres arriveraient", "12 more": the unit is the one named last, here or a sentence before.
        unit, end, sentences_back = None, number.end, 1
    per = None
    if unit is None and not has_multiplier and second is None and not article_only:
        listed = _head_of_bracketed_list(index, readings, number)
        neighbours = _unit_from_neighbours(index, number, numbers, end, value, readings, sentences_back, listed)
        unit, end, per, value, has_multiplier = neighbours
    elif unit is None and second is not None:
        unit = _understood_unit(index, number, end, readings, sentences_back)
    if unit is not None and unit.is_date:
        return None
    per, unit, end = _per(index, unit, end, numbers, per, value)
    if article_only and per is None and (qualifier == "exact" or unit is None):
        return None  # "près d'une année", "more than a decade": a qualifier makes the article a measure
    if qualifier == "exact" and (after := forms.qualifier_after(index, end)) is not None:
        qualifier, end = after
    no_unit = unit is None and per is None and not has_multiplier
    if no_unit and (qualifier in {"exact", "range"} or _looks_like_year(folded, number)):
        return None
    if _looks_like_year(folded, number) and qualifier == "exact" and unit_key_of(index, unit) is None:
        return None  # "the 2001 election", "le budget 2025": a year naming something, not a count
    if _is_clock_time(folded, number, unit):
        return None
    is_fall, end = forms.falls(index, start, end)
    if is_fall and value > 0 and value_max is None:
        value = -value
    if qualifier != "exact" and rule == "quantity.number":
        rule = "quantity.qualified"
    scale = value / number.value if has_multiplier and number.value and rule != "quantity.change" else 1.0
    return Reading(start, end, value, value_max, qualifier, unit, rule, has_multiplier, per, value_old, abs(scale))


def _unit_from_neighbours(
    index: DocIndex,
    number: NumberMatch,
    numbers: list[NumberMatch],
    end: int,
    value: float,
    readings: list[Reading],
    sentences_back: int,
    listed: Reading | None,
):
    """A number with no noun of its own: "12 des 23 cantons" (the whole's), "41 et 37 milliards de
    dollars" (the next number's scale and unit), "41 milliards d'euros (défense 12, santé 9)" (the scale
    and unit of the figure its bracketed list details), "le bilan s'établit à 347" (its subject's), "1 800
    morts et 3 700 blessés … dont 8 000 dans la capitale" (the unit of the figure before it in the sentence,
    left out as understood). Returns (unit, end, per, value, has_multiplier)."""
    if listed is not None:
        return dataclasses.replace(listed.unit, end=end, head=None), end, None, value * listed.scale, True
    part = forms.part_of_whole(index, end, numbers)
    if part is not None:
        whole, whole_end = part
        unit, unit_end = unit_at(index, whole_end, whole)
        if unit is not None and not unit.is_date:
            return unit, unit_end, f"{whole.value:g} {unit_key_of(index, unit) or unit.name}", value, False
    shared = forms.shared_scale(index, end, numbers, _scale_of(index))
    if shared is not None:
        multiplier, scale_end = shared
        unit = unit_at(index, scale_end, number)[0]
        return unit, end, None, value * multiplier, True
    return _understood_unit(index, number, end, readings, sentences_back), end, None, value, False


def _head_of_bracketed_list(index: DocIndex, readings: list[Reading], number: NumberMatch) -> Reading | None:
    """The scaled figure a bracket opened right after it details: "41 milliards d'euros (défense 12, santé
    9)", "$41 billion (defence 12, health 9)": the parts are written in the total's scale."""
    opening = forms.bracketed_item(index, number)
    if opening is None or _looks_like_year(index.folded, number):
        return None
    return next(
        (
            reading
            for reading in readings
            if reading.scale != 1.0 and reading.unit is not None and not index.text[reading.end : opening].strip()
        ),
        None,
    )


# Durations and ratios ("three days later", "2.8 times") are not what a following bare figure counts.
_NEVER_UNDERSTOOD = forms.TIME_KEYS | {"times", "fraction"}


def _may_be_understood(index: DocIndex, reading: Reading) -> bool:
    """A count's unit may be left understood; a duration's or a ratio's is not."""
    if reading.unit is None or reading.unit.is_date:
        return False
    return unit_key_of(index, reading.unit) not in _NEVER_UNDERSTOOD


def _understood_unit(
    index: DocIndex, number: NumberMatch, end: int, readings: list[Reading], sentences_back: int
) -> Unit | None:
    """The unit of a figure written without one: its subject's, else the figure's before it (in its sentence,
    or as many sentences back). That figure is looked for only here, where it may be used: most numbers have a
    unit of their own."""
    if _looks_like_year(index.folded, number):
        return None
    unit = forms.subject_unit(index, number)
    if unit is not None:
        return unit
    previous = _previous_in_sentence(index, readings, number.start, sentences_back=sentences_back)
    if previous is None:
        return None
    # The figure's own words refine the key: "1 800 morts et 3 700 blessés", "died and 3,700 were hurt".
    token = index.token_at(number.end - 1)
    return dataclasses.replace(previous.unit, end=end, key=None, head=token.i if token is not None else None)


def _per(index: DocIndex, unit: Unit | None, end: int, numbers: list[NumberMatch], per: str | None, value: float):
    """A rate's or proportion's denominator after the counted noun ("412 cas pour 100 000 habitants",
    "un TGV sur trois", "one in three Americans": the noun may follow the denominator).
    Returns (per, unit, end of the expression)."""
    found = forms.rate(index, end, numbers)
    if found is not None:
        return found[0], unit, found[1]
    found = forms.proportion(index, end, numbers, abs(value))
    if found is None:
        return per or _fraction_denominator(index, unit), unit, end
    denominator, end = found
    if unit is None:
        counted = unit_after(index, end)
        if counted is not None and not counted.is_date:
            unit, end = counted, counted.end
    key = unit_key_of(index, unit)
    return (f"{denominator:g} {key}" if key else f"{denominator:g}"), unit, end


def _fraction_denominator(index: DocIndex, unit: Unit | None) -> str | None:
    """ "deux tiers", "three quarters" with no whole named: the fraction noun gives the denominator."""
    if unit is None or unit_key_of(index, unit) != "fraction":
        return None
    denominator = index.lexicon.fractions.get(fold(unit.name))  # the unit is a lemma: "quart", "third"
    return f"{denominator}" if denominator else None


def _scale_of(index: DocIndex):
    def scale_at(number: NumberMatch):
        return _scale(index.folded, number.end, number.value, number.is_article, index.lexicon)

    return scale_at


def _scale(folded: str, end: int, value: float, is_article: bool, lexicon: Lexicon):
    """A multiplier or collective noun right after the number: "1,5 milliard", "une trentaine"."""
    match = _SCALE_WORD.match(folded, end)
    if not match:
        return None
    word = match.group(1)
    if word in lexicon.multipliers:
        return value * lexicon.multipliers[word], match.end(), "quantity.multiplier", False
    singular = word[:-1] if word.endswith("s") and word[:-1] in lexicon.approx_nouns else word
    if singular in lexicon.approx_nouns:
        collective = words_value(lexicon.approx_nouns[singular], lexicon.language) or 0.0
        scaled, new_end = value * collective, match.end()
        # "une dizaine de milliers": the collective can itself be multiplied.
        more = _OF_WORD.match(folded, new_end)
        if more and more.group(1) in lexicon.multipliers:
            scaled, new_end = scaled * lexicon.multipliers[more.group(1)], more.end()
        # "une trentaine" is approximate by meaning; "deux douzaines" multiplies a count.
        return scaled, new_end, "quantity.approx_noun", is_article
    return None


def _qualifier_before(folded: str, start: int, lexicon: Lexicon, default: str) -> tuple[str, int]:
    before = folded[max(0, start - 45) : start]
    # Most numbers have no qualifier: one pass over all of them at once rules that out far faster than asking
    # each in turn, which is still needed to honour the lexicon's order when one matches.
    if not _any_qualifier_pattern(lexicon).search(before):
        return default, start
    for words, ending, qualifier in _qualifier_patterns(lexicon):
        # The qualifier's words alone, which open with a literal the engine skips ahead to, rule most out far faster
        # than its ending pattern, which opens with an assertion tried at every character.
        if not words.search(before):
            continue
        match = ending.search(before)
        if match:
            return qualifier, start - (len(before) - match.start(1))
    return default, start


@cache
def _qualifier_patterns(lexicon: Lexicon) -> list[tuple[re.Pattern[str], re.Pattern[str], str]]:
    """The lexicon's qualifiers, alone and as they end the text before a number, compiled once (asked of every
    number)."""
    return [(re.compile(pattern), _qualifier_ending(pattern), qualifier) for pattern, qualifier in lexicon.qualifiers]


@cache
def _any_qualifier_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    return _qualifier_ending("|".join(pattern for pattern, _ in lexicon.qualifiers))


def _qualifier_ending(qualifier: str) -> re.Pattern[str]:
    # The qualifier may stand before a currency sign and an additive ("around a further £1bn").
    return re.compile(rf"(?:^|[\s(\"'“«])({qualifier})(?:\s+{_ADDITIVE})?\s*[€$£]?\s*$")


def _is_reference(folded: str, start: int, lexicon: Lexicon) -> bool:
    previous = _REFERENCE_WORD_BACKWARDS.match(folded[max(0, start - 15) : start][::-1])
    return bool(previous and previous.group(1)[::-1] in lexicon.reference_words)


def _looks_like_year(folded: str, number: NumberMatch) -> bool:
    raw = folded[number.start : number.end]
    return raw.isdigit() and len(raw) == 4 and 1800 <= number.value <= 2100


def _is_clock_time(folded: str, number: NumberMatch, unit: Unit | None) -> bool:
    """ "à 10 heures" is a time of day; "10 heures de négociations" is a duration."""
    if unit is None or unit.name not in {"heure", "hour", "h"}:
        return False
    return bool(_AT_BEFORE.search(folded[max(0, number.start - 6) : number.start]))
