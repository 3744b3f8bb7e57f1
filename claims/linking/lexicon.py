"""The linking lexicon (lexicon.toml), read once: phrases folded and indexed for lookup in a sentence."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .text import fold, words

LEXICON_FILE = Path(__file__).with_name("lexicon.toml")
# Acronyms this short ("UN", "US", "FO") are also common words ("un", "us"): matched only when written in capitals.
ACRONYM_LENGTH = 3


def base_form(word: str) -> str:
    """A folded word without its plural or feminine ending, the same for every form of it: "blessées",
    "blessés" and "blessé" give "bless", "warplanes" and "warplane" give "warplan"."""
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    while len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


@dataclass(frozen=True)
class PhraseIndex:
    """Phrases (tuples of base forms) → names, for finding every listed phrase in a list of words."""

    phrases: dict[tuple[str, ...], frozenset[str]]
    acronyms: frozenset[tuple[str, ...]]
    longest: int

    @classmethod
    def build(cls, table: dict[str, list[str]]) -> PhraseIndex:
        phrases: dict[tuple[str, ...], set[str]] = {}
        acronyms = set()
        for name, aliases in table.items():
            for alias in [name.replace("_", " "), *aliases]:
                folded = fold(alias)
                phrase = tuple(base_form(word) for word in words(folded)) or (folded,)
                phrases.setdefault(phrase, set()).add(name)
                if len(folded) <= ACRONYM_LENGTH:
                    acronyms.add(phrase)
        return cls(
            {phrase: frozenset(names) for phrase, names in phrases.items()},
            frozenset(acronyms),
            max((len(phrase) for phrase in phrases), default=1),
        )

    def find(self, tokens: list[str], *, capitals: list[bool] | None = None) -> list[tuple[int, int, frozenset[str]]]:
        """(start, end, names) of each listed phrase in `tokens` (base forms), longest match first."""
        found, i = [], 0
        while i < len(tokens):
            for size in range(min(self.longest, len(tokens) - i), 0, -1):
                phrase = tuple(tokens[i : i + size])
                names = self.phrases.get(phrase)
                if names is None:
                    continue
                if phrase in self.acronyms and capitals is not None and not all(capitals[i : i + size]):
                    continue
                found.append((i, i + size, names))
                i += size - 1
                break
            i += 1
        return found


@dataclass(frozen=True)
class Lexicon:
    units: PhraseIndex
    unit_parents: dict[str, frozenset[str]]
    interchangeable: frozenset[frozenset[str]]
    conversions: dict[str, tuple[str, float, float]]
    cumulative: frozenset[str]
    sources: PhraseIndex
    source_sides: dict[str, str]
    entities: PhraseIndex
    scope: PhraseIndex
    forecast: PhraseIndex
    subset: PhraseIndex
    recalled: PhraseIndex
    concepts: PhraseIndex
    stopwords: frozenset[str]
    countries: frozenset[str]
    not_names: frozenset[str]

    def parent_of(self, concept: str) -> str | None:
        for parent, children in self.unit_parents.items():
            if concept in children:
                return parent
        return None


def _with_nationalities(data: dict) -> dict[str, list[str]]:
    """Sources plus "<noun> <nationality>" and "<nationality> <noun>" for each side's nationality adjectives."""
    sources = {side: list(aliases) for side, aliases in data["sources"].items()}
    nouns = data["source_nouns"]["nouns"]
    for side, adjectives in data["source_nationalities"].items():
        sources.setdefault(side, []).extend(
            phrase
            for adjective in adjectives
            for noun in nouns
            for phrase in (f"{adjective} {noun}", f"{noun} {adjective}")
        )
    return sources


@cache
def lexicon() -> Lexicon:
    data = tomllib.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    return Lexicon(
        units=PhraseIndex.build(data["units"]),
        unit_parents={parent: frozenset(children) for parent, children in data["unit_parents"].items()},
        interchangeable=frozenset(frozenset(pair) for pair in data["interchangeable"]["pairs"]),
        conversions={
            unit: (rule["to"], float(rule["factor"]), float(rule["tolerance"]))
            for unit, rule in data["conversions"].items()
        },
        cumulative=frozenset(data["cumulative"]["concepts"]),
        sources=PhraseIndex.build(_with_nationalities(data)),
        source_sides={source: side for side, sources in data["source_sides"].items() for source in sources},
        entities=PhraseIndex.build(data["entities"]),
        scope=PhraseIndex.build(data["scope"]),
        forecast=PhraseIndex.build({"forecast": data["forecast"]["words"]}),
        subset=PhraseIndex.build({"subset": data["subset"]["words"]}),
        recalled=PhraseIndex.build({"recalled": data["recalled"]["words"]}),
        concepts=PhraseIndex.build(data["concepts"]),
        stopwords=frozenset(data["stopwords"]["words"].split()),
        countries=frozenset(data["countries"]["names"]),
        not_names=frozenset(data["not_names"]["words"].split()),
    )
