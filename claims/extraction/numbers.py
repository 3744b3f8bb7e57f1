"""Finding numbers written in digits or in words, and reading their value.

Number words are recognised and valued by text2num, never by a table of our own: a run of words is a
number when text2num accepts it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from .lexicons import Lexicon
from .text import matches_opening_with

# Thousands grouped by an apostrophe (Swiss copy and some wires: "1'664'224"), in both languages.
_APOSTROPHE_GROUPS = r"\d{1,3}(?:'\d{3})+(?![\d])"
# Thousands grouped by a space (the folded form of the nbsp / narrow nbsp / thin space French typesetting
# uses) with an optional decimal comma, or by points ("3.418.600"); or a plain run of digits with an
# optional decimal mark.
_DIGITS = re.compile(
    rf"(?<![\d,.'])(?:{_APOSTROPHE_GROUPS}|\d{{1,3}}(?: \d{{3}})+(?:,\d+)?|\d{{1,3}}(?:\.\d{{3}}){{2,}}(?![\d,.])"
    r"|\d+(?:[.,]\d+)?)(?![\d])"
)
# English groups thousands with commas ("1,200", "12,500,000") and marks decimals with a point.
_DIGITS_EN = re.compile(
    rf"(?<![\d,.'])(?:{_APOSTROPHE_GROUPS}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d,])|\d+(?:[.,]\d+)?)(?![\d])"
)
# A minus sign glued to a number, after a space, a bracket or a line start: "(-14.500, -0,7 %)".
# A hyphen between two numbers ("18-25 ans") is a range, not a sign.
_DIGIT = re.compile(r"\d")
_SIGN = re.compile(r"(?:^|(?<=[\s(\[;:]))-$")
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# Indefinite articles read as 1 by text2num; they only count in front of a multiplier ("un million").
ARTICLES = frozenset({"un", "une", "a", "an", "one"})


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    value: float
    written_in_words: bool
    is_article: bool = False


@lru_cache(maxsize=8192)
def words_value(words: str, language: str) -> float | None:
    """Value of a run of number words, or None when text2num does not read it as a cardinal."""
    try:
        value = text2num(words, language)
    except (ValueError, IndexError, KeyError):
        return None
    return float(value)


def digits_value(raw: str, language: str = "fr") -> float:
    compact = raw.replace(" ", "").replace("'", "")
    if compact.count(".") > 1:
        compact = compact.replace(".", "")  # "3.418.600": points group thousands
    if language == "en" and _COMMA_THOUSANDS.fullmatch(compact):
        # The comma is a decimal mark in French copy ("1,5 milliard") but groups thousands in English.
        return float(compact.replace(",", ""))
    if "," in compact:
        compact = compact.replace(",", ".")
    elif compact.count(".") == 1 and len(compact.split(".")[1]) == 3:
        # "10.000" in copy from English-style sources is a thousands separator, not a decimal point.
        compact = compact.replace(".", "")
    return float(compact)


def find_numbers(folded: str, lexicon: Lexicon) -> list[NumberMatch]:
    pattern = _DIGITS_EN if lexicon.language == "en" else _DIGITS
    matches = []
    # Every number starts with a digit: opening with a lookbehind, the pattern would be tried at every character.
    for match in matches_opening_with(pattern, _DIGIT, folded):
        start, value = match.start(), digits_value(match.group(), lexicon.language)
        if _SIGN.search(folded, max(0, start - 2), start):
            start, value = start - 1, -value
        matches.append(NumberMatch(start, match.end(), value, False))
    matches.extend(_find_number_words(folded, lexicon))
    matches.sort(key=lambda match: match.start)
    return matches


def _find_number_words(folded: str, lexicon: Lexicon) -> list[NumberMatch]:
    language = lexicon.language
    # Match objects, not (start, end, word) tuples: only the few number words need their offsets read.
    words = list(_WORD.finditer(folded))
    # The words that are numbers on their own, picked in one comprehension: the loop below then steps over the
    # few runs that open with one rather than over every word of the document.
    openers = [
        (index, value) for index, word in enumerate(words) if (value := words_value(word.group(), language)) is not None
    ]
    found: list[NumberMatch] = []
    consumed_until = 0
    for index, value in openers:
        if index < consumed_until:
            continue  # part of the run before
        first = words[index]
        # Extend the run while text2num keeps accepting it ("deux cent mille", "vingt et un").
        start = first.start()
        best_end_index, best_value = index, value
        probe = index + 1
        while probe < len(words) and words[probe].start() - words[probe - 1].end() <= 1:
            phrase = folded[start : words[probe].end()]
            value = words_value(phrase, language)
            if value is not None:
                best_end_index, best_value = probe, value
            elif words[probe].group() not in {"et", "and"}:
                break
            probe += 1
        end = words[best_end_index].end()
        is_article = best_end_index == index and first.group() in ARTICLES
        found.append(NumberMatch(start, end, best_value, True, is_article))
        consumed_until = best_end_index + 1
    return found
