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

# Thousands grouped by a space (the folded form of the nbsp / narrow nbsp French typesetting uses),
# optional decimal comma; or a plain run of digits with an optional decimal mark.
_DIGITS = re.compile(r"(?<![\d,.])(?:\d{1,3}(?: \d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\d])")
# English groups thousands with commas ("1,200", "12,500,000") and marks decimals with a point.
_DIGITS_EN = re.compile(r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:[.,]\d+)?)(?![\d])")
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# Indefinite articles read as 1 by text2num; they only count in front of a multiplier ("un million").
_ARTICLES = frozenset({"un", "une", "a", "an", "one"})


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
    compact = raw.replace(" ", "")
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
    matches = [
        NumberMatch(m.start(), m.end(), digits_value(m.group(), lexicon.language), False)
        for m in pattern.finditer(folded)
    ]
    matches.extend(_find_number_words(folded, lexicon))
    matches.sort(key=lambda match: match.start)
    return matches


def _find_number_words(folded: str, lexicon: Lexicon) -> list[NumberMatch]:
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded)]
    found: list[NumberMatch] = []
    index = 0
    while index < len(words):
        start, end, word = words[index]
        if words_value(word, lexicon.language) is None:
            index += 1
            continue
        # Extend the run while text2num keeps accepting it ("deux cent mille", "vingt et un").
        best_end_index, best_value = index, words_value(word, lexicon.language)
        probe = index + 1
        while probe < len(words) and words[probe][0] - words[probe - 1][1] <= 1:
            phrase = folded[start : words[probe][1]]
            value = words_value(phrase, lexicon.language)
            if value is not None:
                best_end_index, best_value = probe, value
            elif words[probe][2] not in {"et", "and"}:
                break
            probe += 1
        end = words[best_end_index][1]
        is_article = best_end_index == index and word in _ARTICLES
        found.append(NumberMatch(start, end, best_value, True, is_article))
        index = best_end_index + 1
    return found
