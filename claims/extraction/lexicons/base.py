"""The shape of a language's word lists. All entries are folded (lower case, no accents).

Cardinal number words are deliberately absent: they are recognised and valued by text2num.
"""

from __future__ import annotations

from dataclasses import dataclass, field


# eq=False: hashed by identity, so compiled patterns can be cached per lexicon.
@dataclass(frozen=True, eq=False)
class Lexicon:
    language: str
    months: dict[str, int]
    weekdays: dict[str, int]
    # Nouns that multiply the number before them ("1,5 milliard", "deux millions").
    multipliers: dict[str, float]
    # Collective nouns of the "trentaine" kind, mapped to the cardinal word text2num reads.
    approx_nouns: dict[str, str]
    # (folded prefix regex, qualifier), tried longest first against the text before a number.
    qualifiers: tuple[tuple[str, str], ...]
    range_open: tuple[str, ...]  # "entre" X "et" Y, "de" X "a" Y
    range_joiners: dict[str, tuple[str, ...]]
    # Determiners that turn a bare plural multiplier into an order of magnitude ("des milliers").
    vague_determiners: tuple[str, ...]
    # Linkers between a number and the counted noun ("de soldats", "d'euros").
    of_words: tuple[str, ...]
    percent_words: tuple[str, ...]
    currencies: dict[str, str]
    # Nouns that measure rather than name what is counted: their complement is not part of the unit
    # ("2 mois de négociations" counts months).
    measure_units: frozenset[str]
    # Words after a number that make it a date, a time or a reference, not a count.
    not_units: frozenset[str]
    # Words before a number that make it a reference ("article 5", "page 3").
    reference_words: frozenset[str]
    attribution_lemmas: frozenset[str]
    according_to: tuple[str, ...]
    negators: frozenset[str]
    hypothetical_words: frozenset[str]
    condition_marks: frozenset[str]
    # Conditional forms the morphologizer misses when accents are missing ("pourrait" is unambiguous).
    conditional_stems: tuple[str, ...]
    relative_dates: dict[str, tuple[str, int]] = field(default_factory=dict)
    pronouns: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
