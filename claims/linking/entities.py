"""Canonical names: one spelling for a person, body or place, whatever the outlet's language or transliteration."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .lexicon import base_form, lexicon
from .text import fold, tokens

LEADING_ARTICLES = ("le ", "la ", "les ", "l'", "the ")
# Spelling rules that make French and English transliterations meet: Maliouk/Maliuk, Moudjahid/Mujahid,
# Belaïa/Belaya, Zelenskyy/Zelenskiy/Zelensky, Kharkiv/Kharkov is left to the lexicon.
TRANSLITERATIONS = (("ou", "u"), ("dj", "j"), ("tch", "ch"), ("y", "i"), ("ck", "k"), ("ph", "f"), ("w", "v"))
DOUBLED = re.compile(r"(\w)\1+")


@lru_cache(maxsize=4096)
def canonical_name(name: str) -> str:
    """The lexicon's name for an alias ("Moscou" → "russia"), else the name's spelling skeleton."""
    words_of_name = fold(name).split()
    # Titles and articles before a name are not the name: "M. Zelensky", "President Zelensky", "la France".
    while len(words_of_name) > 1 and words_of_name[0].rstrip(".") in lexicon().not_names:
        words_of_name = words_of_name[1:]
    folded = " ".join(words_of_name)
    for article in LEADING_ARTICLES:
        if folded.startswith(article):
            folded = folded[len(article) :]
    bases = [base_form(word) for word, _ in tokens(folded)]
    for start, end, names in lexicon().entities.find(bases):
        if start == 0 and end == len(bases):
            return sorted(names)[0]
    skeleton = folded
    for written, spoken in TRANSLITERATIONS:
        skeleton = skeleton.replace(written, spoken)
    return DOUBLED.sub(r"\1", skeleton)


def canonical_entities(names: Iterable[str]) -> set[str]:
    found = set()
    for name in names:
        if name and name.strip():
            found.add(canonical_name(name))
            surname = fold(name).split()[-1] if len(name.split()) > 1 else ""
            if len(surname) >= 4 and surname[0].isalpha():
                found.add(canonical_name(surname))
    return found


def entities_in(sentence: str) -> set[str]:
    """Names in a sentence without a named-entity model: lexicon aliases and runs of capitalised words."""
    found_words = tokens(sentence)
    bases = [base_form(word) for word, _ in found_words]
    capitals = [written.isupper() for _, written in found_words]
    found = {name for _, _, names in lexicon().entities.find(bases, capitals=capitals) for name in names}
    run: list[str] = []
    for index, (folded, written) in enumerate([*found_words, ("", "")]):
        if written[:1].isupper() and folded not in lexicon().not_names and (index > 0 or len(written) > 1):
            run.append(written)
            continue
        if run and not (len(run) == 1 and index == 1 and fold(run[0]) in lexicon().not_names):
            found |= canonical_entities([" ".join(run)])
        run = []
    return found
