"""Canonical unit keys, read from `units.json` (the file to extend; its `_about` says how)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..text import fold

UNITS_FILE = Path(__file__).with_name("units.json")


# eq=False: hashed by identity, so compiled patterns can be cached per language.
@dataclass(frozen=True, eq=False)
class UnitKeys:
    """One language's view of the lexicon: folded words to keys."""

    language: str
    units: dict[str, str]
    participles: dict[str, str]
    subjects: dict[str, str]
    generic: frozenset[str]
    before: dict[str, str]  # units written before the number: "magnitude 7.8"
    others: frozenset[str]  # "500 autres", "12 more": the unit is the one named before
    names: dict[str, str]  # key → the lexicon's first word for it, the unit shown when only the key is known
    phrases: dict[str, str]  # multi-word units, each word singular: "char lourd", "square mile"
    phrase_starts: frozenset[str]  # the first word of each multi-word unit: "char", "square"

    def phrase_key(self, folded_words: str) -> str | None:
        """The key of a run of folded words when the lexicon lists it as one multi-word unit."""
        return self.phrases.get(_singular_phrase(folded_words))

    def may_start_phrase(self, folded_words: str) -> bool:
        """Whether a multi-word unit may start with these folded words; a blank leaves the question open."""
        first = _singular_phrase(folded_words).partition(" ")[0]
        return not first or first in self.phrase_starts

    def key_of(self, unit: str | None) -> str | None:
        """The key of a surface unit: the whole phrase, else its head noun (first word in French, "char de
        combat"; last in English, "hospital appointment"), else its first word's singular."""
        return _key_of(self, unit) if unit else None

    def is_generic(self, unit: str | None) -> bool:
        """Whether the unit is a generic noun ("people", "personnes") the words next to it may make precise."""
        return unit is not None and fold(unit) in self.generic

    def refined(self, key: str | None, unit: str | None, neighbours: list[str]) -> str | None:
        """A generic noun's key made precise by a participle or adjective next to it ("people killed")."""
        if not self.is_generic(unit):
            return key
        for word in neighbours:
            if (refined := _lookup(self.participles, fold(word))) is not None:
                return refined
        return key


# Rules ask for the key of the same few words around every number: remembered rather than worked out again.
@lru_cache(maxsize=8192)
def _key_of(keys: UnitKeys, unit: str) -> str | None:
    folded = " ".join(fold(unit).split())
    if folded in keys.units:
        return keys.units[folded]
    if (phrase := keys.phrase_key(folded)) is not None:
        return phrase
    words = folded.split()
    head = words[0] if keys.language == "fr" else words[-1]
    return _lookup(keys.units, head)


def _lookup(mapping: dict[str, str], word: str) -> str | None:
    """The key of a folded word as written or singular; "marches" → "march" (an English -es plural, which
    the -s rule alone, like the lemmatizer, turns into "marche")."""
    es_plural = word[:-2] if word.endswith(("ches", "shes", "sses", "xes")) else word
    for candidate in (word, _singular(word), es_plural):
        if candidate in mapping:
            return mapping[candidate]
    return None


@lru_cache(maxsize=8192)
def _singular_phrase(words: str) -> str:
    return " ".join(_singular(word) for word in words.replace("-", " - ").split())


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("s", "x")) and len(word) > 3:
        return word[:-1]
    return word


@cache
def unit_keys(language: str) -> UnitKeys:
    data = json.loads(UNITS_FILE.read_text(encoding="utf-8"))
    language = language if language in {"fr", "en"} else "fr"

    def words_to_key(section: dict) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for key, by_language in section.items():
            for word in by_language.get(language, []):
                mapping.setdefault(fold(word), key)
        return mapping

    units = words_to_key(data["units"])
    phrases = {_singular_phrase(words): key for words, key in units.items() if " " in words or "-" in words}
    return UnitKeys(
        language=language,
        units=units,
        names={key: words[language][0] for key, words in data["units"].items() if words.get(language)},
        phrases=phrases,
        phrase_starts=frozenset(phrase.partition(" ")[0] for phrase in phrases),
        participles=words_to_key(data["participles"]),
        subjects=words_to_key(data["subjects"]),
        generic=frozenset(fold(word) for word in data["generic"].get(language, [])),
        before=words_to_key(data["before"]),
        others=frozenset(fold(word) for word in data["others"].get(language, [])),
    )
