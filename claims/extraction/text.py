"""Accent- and case-folding that never moves an offset.

Seeds are sometimes typed without accents ("deploiement", "Etat"); matching runs on a folded copy of
the body whose character ``i`` is always character ``i`` of the original, so every match can be
reported against the untouched text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# Typographic variants a newsroom CMS produces for the same character; folding them lets one regex
# serve all of them.
_EQUIVALENTS = {
    "\u2019": "'",  # ’ right single quotation mark, used as the apostrophe in most French copy
    "\u02bc": "'",
    "\u00a0": " ",  # no-break space, the French thousands separator and the space before « : ; ! ?
    "\u202f": " ",  # narrow no-break space, same role in typeset copy
    "\u2009": " ",
    "\u2013": "-",
    "\u2011": "-",
    "\u0153": "o",  # œ folds to one char only, to keep offsets; "oeuvre" is not needed for matching
}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _EQUIVALENTS:
        return _EQUIVALENTS[char]
    base = unicodedata.normalize("NFD", char)[0]
    lowered = base.lower()
    # A few characters lower-case to two code points (İ); keep the base to preserve length.
    return lowered if len(lowered) == 1 else base


def fold(text: str) -> str:
    """Lower-case, accent-free copy of `text`, same length, same offsets."""
    if len(text) <= _WORD_LENGTH:
        return _fold_word(text)
    return _fold(text)


# Runs of characters outside ASCII: only they need the table, ASCII folds by lower-casing.
_NON_ASCII_RUNS = re.compile(r"([^\x00-\x7f]+)")


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    # Translating through a table costs a dictionary lookup per character, lower-casing next to nothing: the
    # table is kept for the runs outside ASCII, which `split` puts at the odd positions.
    parts = _NON_ASCII_RUNS.split(text)
    outside = parts[1::2]
    table = {ord(char): _fold_char(char) for char in set("".join(outside))}
    parts[0::2] = [part.lower() for part in parts[0::2]]
    # Every mapping is one character to one character, so offsets survive the translation.
    parts[1::2] = [part.translate(table) for part in outside]
    return "".join(parts)


# Rules fold the same words over and over (a token's text and lemma, a lexicon entry): remember them.
_WORD_LENGTH = 40
_fold_word = lru_cache(maxsize=65536)(_fold)


def paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    """The newline-delimited paragraph holding `offset` (press copy puts one paragraph per line)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end == -1 else end


def matches_opening_with(pattern: re.Pattern[str], opening: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of `pattern.finditer(text)`, trying `pattern` only where `opening` matches: every match of
    `pattern` must start with a match of `opening`, and none may be empty. The engine tries a pattern that
    opens with an assertion ("\\b", a lookbehind) at every character; one that opens with a literal or a
    character class, as `opening` does, it skips straight to where that may match."""
    position = 0
    while (opened := opening.search(text, position)) is not None:
        # Lookbehinds and word boundaries still see the text before the position a match is tried at.
        match = pattern.match(text, opened.start())
        if match is None:
            position = opened.start() + 1
        else:
            yield match
            position = match.end()
