"""Calendar words per language for the date rules: quarters, parts of a year, seasons, abbreviated
months, words that point to the future, and dates read against the one the text last gave.

All entries are folded (lower case, no accents), like the rest of the lexicons.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, eq=False)
class Calendar:
    # "Feb.", "sept.": written with their full stop, so "mar" or "sept" alone never reads as a month.
    month_abbreviations: dict[str, int]
    # Ordinal words of a quarter ("troisieme trimestre", "third quarter"); "dernier"/"final" is the fourth.
    quarter_ordinals: dict[str, int]
    quarter_nouns: tuple[str, ...]
    # A season is dated by the quarter it mostly falls in (tests/devset/extraction/README.md).
    seasons: dict[str, int]
    # Words that place a date at the start, middle or end of a year: (first month, precision). "Fin 2019"
    # is its last quarter, "mid-2024" its July (tests/devset/extraction/README.md).
    year_parts: dict[str, tuple[int, str]]
    # Words before a date in its clause that make it one to come ("doit se reunir", "is expected to").
    future_cues: tuple[str, ...]
    # Words right after a weekday that fix the direction: "samedi prochain", "last Thursday".
    next_words: tuple[str, ...]
    last_words: tuple[str, ...]
    # Relative dates read from the publication date, beside the lexicon's own: (precision, shift).
    relative_dates: dict[str, tuple[str, int]]
    # Dates read from the date the text gave last ("la veille", "the week before"): (precision, shift).
    anaphoric_dates: dict[str, tuple[str, int]]


FRENCH_CALENDAR = Calendar(
    month_abbreviations={"janv.": 1, "fevr.": 2, "avr.": 4, "juil.": 7, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12},
    quarter_ordinals={
        "premier": 1,
        "1er": 1,
        "deuxieme": 2,
        "second": 2,
        "2e": 2,
        "2eme": 2,
        "troisieme": 3,
        "3e": 3,
        "3eme": 3,
        "quatrieme": 4,
        "4e": 4,
        "4eme": 4,
        "dernier": 4,
    },
    quarter_nouns=("trimestre",),
    seasons={"printemps": 4, "ete": 7, "automne": 10, "hiver": 1},
    year_parts={"debut": (1, "quarter"), "fin": (10, "quarter"), "mi": (7, "month"), "milieu": (7, "month")},
    future_cues=(
        "doit",
        "doivent",
        "devra",
        "devront",
        "devrait",
        "devraient",
        "prevu",
        "prevue",
        "prevus",
        "prevues",
        "va",
        "vont",
        "d'ici",
        "attendu",
        "attendue",
        "attendus",
        "attendues",
    ),
    next_words=("prochain", "prochaine", "qui vient"),
    last_words=("dernier", "derniere", "passe", "passee"),
    relative_dates={
        "la semaine derniere": ("week", -1),
        "la semaine passee": ("week", -1),
        "la semaine prochaine": ("week", 1),
        "cette semaine": ("week", 0),
        "en debut de semaine": ("week", 0),
        "en fin de semaine": ("week", 0),
        "aujourd'hui": ("day", 0),
        "l'an prochain": ("year", 1),
        "l'annee en cours": ("year", 0),
    },
    anaphoric_dates={
        "la veille": ("day", -1),
        "le lendemain": ("day", 1),
        "la semaine precedente": ("week", -1),
        "la semaine d'avant": ("week", -1),
        "la semaine suivante": ("week", 1),
        "le mois precedent": ("month", -1),
        "le mois d'avant": ("month", -1),
        "le mois suivant": ("month", 1),
        "l'annee precedente": ("year", -1),
        "l'annee d'avant": ("year", -1),
        "l'an d'avant": ("year", -1),
        "l'annee suivante": ("year", 1),
        "la meme annee": ("year", 0),
        "cette annee-la": ("year", 0),
    },
)

ENGLISH_CALENDAR = Calendar(
    month_abbreviations={
        "jan.": 1,
        "feb.": 2,
        "mar.": 3,
        "apr.": 4,
        "jun.": 6,
        "jul.": 7,
        "aug.": 8,
        "sep.": 9,
        "sept.": 9,
        "oct.": 10,
        "nov.": 11,
        "dec.": 12,
    },
    quarter_ordinals={
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
        "final": 4,
    },
    quarter_nouns=("quarter",),
    seasons={"spring": 4, "summer": 7, "autumn": 10, "winter": 1},
    year_parts={
        "early": (1, "quarter"),
        "start": (1, "quarter"),
        "beginning": (1, "quarter"),
        "late": (10, "quarter"),
        "end": (10, "quarter"),
        "mid": (7, "month"),
        "middle": (7, "month"),
    },
    future_cues=(
        "will",
        "'ll",
        "shall",
        "would",
        "expected to",
        "due to",
        "set to",
        "scheduled",
        "going to",
        "plans to",
        "plan to",
        "is to",
        "are to",
    ),
    next_words=("next", "this coming"),
    last_words=("last", "this past"),
    relative_dates={"today": ("day", 0)},
    anaphoric_dates={
        "the day before": ("day", -1),
        "the previous day": ("day", -1),
        "the day after": ("day", 1),
        "the next day": ("day", 1),
        "the following day": ("day", 1),
        "the week before": ("week", -1),
        "the previous week": ("week", -1),
        "the following week": ("week", 1),
        "the month before": ("month", -1),
        "the previous month": ("month", -1),
        "the following month": ("month", 1),
        "the year before": ("year", -1),
        "the previous year": ("year", -1),
        "a year earlier": ("year", -1),
        "the following year": ("year", 1),
        "the same year": ("year", 0),
        "that year": ("year", 0),
    },
)


def calendar_for(language: str) -> Calendar:
    return ENGLISH_CALENDAR if language == "en" else FRENCH_CALENDAR
