"""Words and numbers of a sentence, folded so French and English, accented or not, compare."""

from __future__ import annotations

import re

# The extractor's folding (lower case, no accents, straight apostrophes; cached for short words), so a claim's
# words compare the same way in both packages: "Belaïa" → "belaia", "l’Intérieur" → "l'interieur".
from ..extraction.text import fold

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


def tokens(text: str) -> list[tuple[str, str]]:
    """(folded, as written) for each word, elided articles dropped and hyphenated words split:
    "l'Intérieur" → ("interieur", "Intérieur")."""
    found = []
    for match in WORD.finditer(text):
        word = match.group().replace("’", "'")
        if "'" in word:
            head, _, tail = word.partition("'")
            word = tail if len(head) <= 2 else word
        found.extend((fold(part), part) for part in word.split("-") if part)
    return found


def words(text: str) -> list[str]:
    """The folded words of a text."""
    return [folded for folded, _ in tokens(text)]
