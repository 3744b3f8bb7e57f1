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
    # (folded regex, qualifier) read right after the counted noun: "65 ans et plus", "17 or younger".
    qualifiers_after: tuple[tuple[str, str], ...] = ()
    # Folded regexes ending right before a number that make it a fall: "a reculé de", "fell by", "down".
    decrease_before: str = ""
    decrease_after: str = ""  # after the counted noun: "179 000 chômeurs de moins"
    # Verbs before "de X à Y" that make it a change of one quantity rather than a range; openers that
    # always do ("from X to Y").
    change_verbs: str = ""
    change_openers: tuple[str, ...] = ()
    # "X <coordinator> Y milliards": X shares Y's scale and unit.
    coordinators: tuple[str, ...] = ()
    # "12 des 23 cantons", "412 of the 650 seats": a part of a counted whole.
    part_of: tuple[str, ...] = ()
    # "un inscrit sur trois", "one in three": a proportion.
    proportion_words: tuple[str, ...] = ()
    # Fraction nouns and their denominators ("un tiers des", "two-thirds of"); the unit a fraction's
    # numerator counts. `bare_fractions` need no numerator ("la moitié des", "more than half of").
    fractions: dict[str, int] = field(default_factory=dict)
    bare_fractions: frozenset[str] = frozenset()
    # Words after a fraction noun that make it a share of something ("un tiers de", "half the").
    fraction_links: tuple[str, ...] = ()
    # "pour 100 000 habitants", "par jour", "per capita", "a week": a rate's denominator.
    rate_words: tuple[str, ...] = ()
    # "a", "an" make a rate only before a unit of time ("£25bn a year").
    rate_articles: tuple[str, ...] = ()
    pronouns: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
