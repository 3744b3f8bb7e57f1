"""A claim's language-independent key: what it counts, how much, when, where, whose figure, about whom."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from .entities import canonical_entities, canonical_name, entities_in
from .lexicon import PhraseIndex, base_form, lexicon
from .text import fold, tokens, words

# An exact figure is read as the rounding outlets use: "506 000" may be "505 000" elsewhere (1.5 %), a
# figure ending in zeros may stand for anything within half its last significant digit, up to 5 %.
EXACT_TOLERANCE = 0.015
ROUNDING_CAP = 0.05
ABOUT_TOLERANCE = 0.12
# "More than 1,400" is read as 1,400 to 1,500: the next step of its last significant digit (and a margin).
OPEN_MARGIN = 0.05
# Search tokens are plain words any full-text engine indexes alike (FTS5, PostgreSQL): "interior_ministry"
# becomes "interiorministry".
SEARCH_TOKEN_JUNK = re.compile(r"[^a-z0-9]")
SALIENT_WORDS = 8
# Retrieval asks the archive for more than ranking will call compatible, so near misses can be shown too.
RETRIEVAL_WIDENING = 0.25
# How far before or after the claim in its sentence a unit word may stand when the reading has none.
UNIT_WINDOW = 4
YEAR = re.compile(r"(?<![\d.,])(?<!\d[.,])(1[89]\d\d|20\d\d)(?!\d|[.,]\d)")
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("janvier", "january", "jan"),
            ("fevrier", "february", "feb"),
            ("mars", "march", "mar"),
            ("avril", "april", "apr"),
            ("mai", "may"),
            ("juin", "june", "jun"),
            ("juillet", "july", "jul"),
            ("aout", "august", "aug"),
            ("septembre", "september", "sept", "sep"),
            ("octobre", "october", "oct"),
            ("novembre", "november", "nov"),
            ("decembre", "december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# "10 septembre", "1er juin 2025", "October 2", "Oct. 2, 2025" (in folded text).
DAY_MONTH = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{_MONTH_NAMES})\b|(?P<month_first>{_MONTH_NAMES})\.?\s+"
    rf"(?P<day_after>\d{{1,2}})\b(?!\s*(?:[.,]\d|\d)))(?:,?\s+(?P<year>(?:19|20)\d\d))?"
)
# A place a figure is about: "à Paiporta", "dans la province de Kounar", "in the Valencia region".
PLACE = re.compile(
    r"\b(?i:à|au|aux|en|dans|in|at|near|province de|région de|region of|province of|ville de|city of)\s+"
    r"(?:la |le |les |l'|l’|the )?((?:[A-ZÀ-Ý][\w'’-]+)(?:\s+[A-ZÀ-Ý][\w'’-]+)*)"
)
# A place named before the event it hosts: "the Nantes march", "the Valencia floods".
PLACE_BEFORE_EVENT = re.compile(
    r"\b(?i:the)\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*)\s+(?:march|rally|protest|procession|demonstration)"
)
SINCE = re.compile(r"\b(?:depuis|since)\s+(?:l'an\s+|the\s+year\s+)?$", re.IGNORECASE)
# Where a clause ends; a comma between digits is a thousands separator ("1,411"), not a break.
CLAUSE_BREAK = re.compile(r"[;:()\[\]—–]|(?<!\d),|,(?!\d)")


@dataclass(frozen=True)
class ClaimKey:
    kind: str
    language: str
    unit_concept: str | None = None
    low: float | None = None
    high: float | None = None
    date_start: date | None = None
    date_end: date | None = None
    entities: frozenset[str] = frozenset()
    speaker: str | None = None
    scope_place: str | None = None
    scope_period: str | None = None
    source: str | None = None
    published: datetime | None = None
    text: str = ""
    sentence: str = ""
    # Beyond the interface: what ranking compares, computed once here.
    value: float | None = None
    qualifier: str = "exact"
    forecast: bool = False
    cumulative: bool = False
    subset: bool = False  # "of which around 10 were destroyed": a part of another figure
    recalled: bool = False  # "le ministère avait alors compté …": a count of an earlier time, told again
    clause_units: frozenset[str] = frozenset()  # every unit named in the claim's clause ("26 officers were hurt")
    features: frozenset[str] = field(default_factory=frozenset)
    wording: frozenset[str] = field(default_factory=frozenset)  # the clause's features, the claim itself cut out
    numbers: frozenset[float] = field(default_factory=frozenset)
    rivals: frozenset[float] = field(default_factory=frozenset)  # figures of the sentence another side gives

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (ISO dates, sorted lists), so a key can be stored beside its claim and ranked
        again without re-reading the sentence."""
        data = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if isinstance(value, frozenset):
                value = sorted(value)
            elif isinstance(value, date):  # datetime too
                value = value.isoformat()
            data[name] = value
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ClaimKey:
        """The key `as_dict` wrote; fields it does not know are ignored, missing ones take their default."""
        values = {}
        for name, spec in cls.__dataclass_fields__.items():
            if name not in data:
                continue
            value = data[name]
            if value is not None and name in {"date_start", "date_end"}:
                value = date.fromisoformat(value)
            elif value is not None and name == "published":
                value = datetime.fromisoformat(value)
            elif str(spec.type).startswith("frozenset"):
                value = frozenset(value or ())
            values[name] = value
        return cls(**values)


def claim_key(
    *,
    kind: str,
    reading: Mapping[str, Any],
    text: str,
    sentence: str,
    entities: Iterable[str],
    language: str,
    published: datetime | date | None,
    before: str = "",
) -> ClaimKey:
    """The key of one claim. `reading` is the claim's normalised fields (a `readings` dict); `before` is the
    article's text before the claim, whose last sentence gives the day and the source a sentence such as "By its
    count, 41 aircraft were destroyed" leaves to the one before it."""
    sentence = sentence or text
    previous = _previous_sentence(before, sentence, text)
    published_at = _as_datetime(published)
    bases = [base_form(word) for word in words(sentence)]
    claim_at = _token_position(sentence, text)
    unit_concept, low, high, value = None, None, None, None
    qualifier = str(reading.get("qualifier") or "exact")
    if kind == "quantity":
        unit_concept = _unit_concept(reading, bases, claim_at, len(words(text)))
        value = None if _is_designation(sentence, text) else _float(reading.get("value"))
        low, high = _interval(value, _float(reading.get("value_max")), qualifier)
        unit_concept, low, high = _converted(unit_concept, low, high)
    date_start, date_end = _date_span(reading) if kind == "date" else (None, None)
    names = canonical_entities(entities) | entities_in(sentence)
    speaker = canonical_name(reading["speaker"]) if reading.get("speaker") else None
    return ClaimKey(
        kind=kind,
        language=(language or "fr").split("-")[0].lower(),
        unit_concept=unit_concept,
        low=low,
        high=high,
        date_start=date_start,
        date_end=date_end,
        entities=frozenset(names),
        speaker=speaker,
        scope_place=_scope_place(sentence, text),
        # A date claim is its own period; a date of something planned is no forecast of a count.
        scope_period=(_scope_period(sentence, text, published_at) or _last_period(previous, published_at))
        if kind != "date"
        else None,
        source=_source(sentence, text) or _last_source(previous),
        published=published_at,
        text=text,
        sentence=sentence,
        value=value,
        qualifier=qualifier,
        forecast=kind == "quantity" and bool(lexicon().forecast.find(bases)),
        cumulative=unit_concept in lexicon().cumulative,
        subset=_is_subset(sentence, text),
        recalled=bool(lexicon().recalled.find(bases)),
        clause_units=_clause_units(sentence, text) if kind == "quantity" else frozenset(),
        features=sentence_features(sentence),
        wording=_wording(sentence, text),
        numbers=frozenset(_sentence_numbers(sentence, designations=False)),
        rivals=_rival_figures(sentence, text),
    )


def search_terms(key: ClaimKey) -> list[str]:
    """Single lower-case ASCII tokens to find the claim by in the archive: its unit concept, the concepts and
    canonical names of its sentence (the same in French and English), then its longest words.

    The tokens are canonical, so index each stored claim's own `search_terms` (a full-text column) and query
    that index with the new claim's: both sides then meet across languages and spellings.
    """
    concepts = sorted(feature.split(":", 1)[1] for feature in key.features if feature.startswith("concept:"))
    names = [word for name in sorted(key.entities | {key.speaker or ""}) for word in name.split()]
    salient = [word for word in words(key.sentence) if len(word) >= 5 and word not in lexicon().stopwords]
    longest = sorted(set(salient), key=lambda word: (-len(word), word))[:SALIENT_WORDS]
    tokens = [SEARCH_TOKEN_JUNK.sub("", token) for token in [key.unit_concept or "", *concepts, *names, *longest]]
    return list(dict.fromkeys(token for token in tokens if len(token) > 1))


def value_bounds(key: ClaimKey) -> tuple[float | None, float | None]:
    """The value range to ask the archive for: the key's interval, widened so near misses come back too.

    In the unit of `unit_concept`, converted where the lexicon converts (dollars and pounds as euros, miles
    as kilometres): match it against stored keys' `low`/`high`, not against raw reading values.
    """
    if key.low is None and key.high is None:
        return None, None
    low = key.low * (1 - RETRIEVAL_WIDENING) if key.low is not None and math.isfinite(key.low) else None
    high = key.high * (1 + RETRIEVAL_WIDENING) if key.high is not None and math.isfinite(key.high) else None
    return low, high


def sentence_features(sentence: str) -> frozenset[str]:
    """What two sentences in French or English can share: concepts, cognate stems, entities, numbers."""
    folded = words(sentence)
    bases = [base_form(word) for word in folded]
    features = {f"concept:{name}" for _, _, names in lexicon().concepts.find(bases) for name in names}
    features |= {f"stem:{word[:5]}" for word in folded if len(word) >= 5 and word not in lexicon().stopwords}
    features |= {f"entity:{name}" for name in entities_in(sentence)}
    features |= {f"number:{number:g}" for number in _sentence_numbers(sentence)}
    return frozenset(features)


NUMBER = re.compile(r"\d+(?:[  \u202f.,]\d{3})*(?:[.,]\d+)?")


def _sentence_numbers(sentence: str, *, designations: bool = True) -> list[float]:
    """The sentence's numbers; without the model names ("A-50", "Tu-22 M3") unless `designations`."""
    numbers = []
    for match in NUMBER.finditer(sentence):
        if not designations and _designation_at(sentence, match.start()):
            continue
        raw = re.sub(r"[  \u202f]", "", match.group())
        if re.fullmatch(r"\d{1,3}([.,]\d{3})+", raw):
            raw = re.sub(r"[.,]", "", raw)
        try:
            numbers.append(float(raw.replace(",", ".")))
        except ValueError:
            continue
    return numbers


def _rival_figures(sentence: str, text: str) -> frozenset[float]:
    """The sentence's other figures that a source of another side gives ("over 4,000 according to the Taliban,
    about 1,500 according to the UN"): set against the claim's figure, not counts of something else."""
    own = _source_side(sentence, text)
    at = sentence.find(text)
    rivals = set()
    for match in NUMBER.finditer(sentence):
        if at <= match.start() < at + len(text):
            continue
        side = _source_side(sentence, match.group())
        if side and own and side != own:
            rivals.update(_sentence_numbers(match.group()))
    return frozenset(rivals)


def _source_side(sentence: str, text: str) -> str | None:
    source = _source(sentence, text)
    return lexicon().source_sides.get(source, source) if source else None


def _clause_units(sentence: str, text: str) -> frozenset[str]:
    at = max(sentence.find(text), 0)
    clause = sentence[slice(*_clause_bounds(sentence, at, at + len(text)))]
    bases = [base_form(word) for word in words(clause)]
    return frozenset(name for _, _, names in lexicon().units.find(bases) for name in names)


def _wording(sentence: str, text: str) -> frozenset[str]:
    """What the claim's clause says around the claim: its own figure and unit are compared apart, and a figure
    two sources disagree on must not make their sentences look worded differently."""
    at = max(sentence.find(text), 0)
    start, end = _clause_bounds(sentence, at, at + len(text))
    return sentence_features(sentence[start:at] + " " + sentence[at + len(text) : end])


def _is_designation(sentence: str, text: str) -> bool:
    """ "A-50", "Tu-95": a model name, not a count."""
    return _designation_at(sentence, sentence.find(text))


def _designation_at(sentence: str, at: int) -> bool:
    """Whether the number at `at` is glued to the letters of a name ("A-50", "M3")."""
    glued = sentence[max(at - 2, 0) : max(at, 0)].replace("-", "")
    return at > 0 and glued[-1:].isalpha()


def _is_subset(sentence: str, text: str) -> bool:
    """ "dont 12 enfants", "of which around 10 were destroyed": a part of a figure given before it."""
    at = sentence.find(text)
    if at < 0:
        return False
    # Only in the figure's own clause: "notamment Belaïa, à 4 300 km" singles out the base, not the distance.
    clause_start = _clause_bounds(sentence, at, at + len(text))[0]
    before = [base_form(word) for word in words(sentence[max(clause_start, at - 40) : at])][-3:]
    return bool(lexicon().subset.find(before))


def _float(raw: Any) -> float | None:
    try:
        number = float(raw)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _significant_step(value: float) -> float:
    """The unit of the last significant digit of a whole figure: 1,400 → 100, 506,000 → 1,000, 41 → 1."""
    if value <= 0 or value != int(value):
        return 0.0
    step, whole = 1, int(value)
    while whole and whole % 10 == 0:
        whole //= 10
        step *= 10
    return float(step)


def _interval(value: float | None, value_max: float | None, qualifier: str) -> tuple[float | None, float | None]:
    if value is None:
        return None, None
    step = _significant_step(value)
    spread = max(abs(value) * EXACT_TOLERANCE, min(step / 2, abs(value) * ROUNDING_CAP))
    if qualifier == "range" and value_max is not None:
        return value - spread, value_max + spread
    if qualifier == "about":
        spread = max(spread, abs(value) * ABOUT_TOLERANCE)
        return value - spread, value + spread
    if qualifier in {"more_than", "at_least"}:
        return value - spread, value + max(step, abs(value) * OPEN_MARGIN) * (1 + OPEN_MARGIN)
    if qualifier in {"less_than", "at_most"}:
        return value - max(step, abs(value) * OPEN_MARGIN) * 3, value + spread
    if qualifier == "order_of_magnitude":
        return value, value * 10
    return value - spread, value + spread


def _converted(concept: str | None, low: float | None, high: float | None):
    """Dollars and pounds as euros, miles as kilometres: the same amount in another unit is the same figure."""
    rule = lexicon().conversions.get(concept or "")
    if rule is None or low is None or high is None:
        return concept, low, high
    target, factor, tolerance = rule
    return target, low * factor * (1 - tolerance), high * factor * (1 + tolerance)


def _token_position(sentence: str, text: str) -> int:
    at = sentence.find(text)
    return len(words(sentence[:at])) if at >= 0 else 0


def _unit_concept(reading: Mapping[str, Any], bases: list[str], claim_at: int, claim_length: int) -> str | None:
    """The canonical unit: the extractor's `unit_key` when it has one, else the lexicon's concept for the unit;
    a generic one made specific by a word next to the figure ("1,411 people dead" counts the dead)."""
    units = lexicon().units
    unit = fold(str(reading.get("unit") or ""))
    unit_bases = [base_form(word) for word in words(unit)] or ([unit] if unit else [])
    found = units.find(unit_bases)
    # The claim's own words may name its unit in a longer phrase than the reading kept ("117 unmanned aerial
    # vehicles" read as "vehicle", "four air bases" as "basis"): the longer phrase says what is counted.
    in_text = units.find(bases[claim_at : claim_at + claim_length])
    longest = max(in_text, key=lambda item: item[1] - item[0], default=None)
    if longest and longest[1] - longest[0] > max((end - start for start, end, _ in found), default=0):
        found = [longest]
    concept = sorted(found[0][2])[0] if found else None
    children = lexicon().unit_parents.get(concept, frozenset())
    # What follows a generic unit says what it counts ("personnes tuées", "134 personnes placées en garde à
    # vue"), more surely than a key the extractor may have taken from a verb of the clause before.
    after = _nearby_unit(bases, claim_at, claim_length, skip=concept, after_only=True)
    if after in children:
        return after
    if reading.get("unit_key"):
        concept = _key_concept(str(reading["unit_key"]))
        children = lexicon().unit_parents.get(concept, frozenset())
    elif concept is None:
        # No unit, or a word the lexicon does not know ("20 Russian warplanes", "magnitude 6 de dimanche"):
        # the unit named closest to the figure, either side.
        # Before the figure, only right before it ("magnitude 6") when the extractor saw a unit of its own.
        reach = 2 if unit_bases else UNIT_WINDOW
        nearby = _nearby_unit(bases, claim_at, claim_length, skip=None, after_only=False, reach_before=reach)
        return nearby or (unit_bases[0] if unit_bases else None)
    # A generic unit is also made specific by a toll's verb before it ("a tué 812 personnes"), never by a source
    # named before it ("selon la police, 12 000 personnes").
    before = _nearby_unit(bases, claim_at, claim_length, skip=concept, after_only=False)
    if before in lexicon().cumulative and before in children:
        return before
    return concept


def _key_concept(unit_key: str) -> str:
    """The extractor's key in the lexicon's words ("death" → dead, "EUR" → euro), so a claim read with a key
    meets one whose unit the lexicon recognised, and cumulative counts and conversions apply to both; a key
    the lexicon does not list stays as it is."""
    phrase = tuple(base_form(word) for word in words(unit_key.replace("_", " ")))
    names = lexicon().units.phrases.get(phrase)
    return sorted(names)[0] if names else unit_key


def _nearby_unit(
    bases: list[str],
    claim_at: int,
    claim_length: int,
    *,
    skip: str | None,
    after_only: bool,
    reach_before: int = UNIT_WINDOW,
) -> str | None:
    """The unit concept named closest to the figure, within a few words of it."""
    best, best_distance = None, UNIT_WINDOW + 1
    for start, _end, names in lexicon().units.find(bases):
        if skip in names:
            continue
        if claim_at <= start < claim_at + claim_length:
            distance = 0
        elif start >= claim_at + claim_length:
            distance = start - (claim_at + claim_length) + 1
        elif after_only or claim_at - start > reach_before:
            continue
        else:
            distance = claim_at - start + 1.5  # on a tie, the word after the figure names what it counts
        if distance < best_distance:
            best, best_distance = sorted(names)[0], distance
    return best


def _date_span(reading: Mapping[str, Any]) -> tuple[date | None, date | None]:
    try:
        start = date.fromisoformat(str(reading.get("date") or ""))
    except ValueError:
        return None, None
    precision = reading.get("precision") or "day"
    if precision == "year":
        return start.replace(month=1, day=1), start.replace(month=12, day=31)
    if precision == "month":
        following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return start.replace(day=1), following - timedelta(days=1)
    if precision == "week":
        return start, start + timedelta(days=6)
    return start, start


def _as_datetime(published: datetime | date | None) -> datetime | None:
    """A naive UTC time, so keys built from aware database times and from plain dates compare; a date alone
    is read as its noon."""
    if published is None:
        return None
    if isinstance(published, datetime):
        return published.astimezone(UTC).replace(tzinfo=None) if published.tzinfo else published
    return datetime.combine(published, time(12))


def _scope_place(sentence: str, text: str) -> str | None:
    """Where the figure counts: "national" (the whole country, or a country named), "outside" (all but one
    place), a named place ("à Paiporta", "in the Valencia region"), or None when the sentence does not say."""
    return _nearest(
        lambda part, **where: _phrases_in(lexicon().scope, part) + _named_places(part, **where), sentence, text
    )


def _named_places(part: str, *, whole_sentence: bool, at: int) -> list[tuple[int, int, frozenset[str]]]:
    """Places named in `part`; in the whole sentence, only those of the opening clause or of the clause just
    before the figure's, when that clause has no figure of its own ("À Paris, 55 000 …", "the Nantes march,
    25,000 strong" name the place of what follows; "… parmi lesquelles 55 000 à Paris" does not)."""
    found = []
    breaks = [0, *(match.end() for match in CLAUSE_BREAK.finditer(part)), len(part) + 1]
    clauses = list(itertools.pairwise(breaks))
    own = next((index for index, (start, end) in enumerate(clauses) if start <= at < end), 0)
    allowed = [clauses[index] for index in {0, own - 1} if 0 <= index < own]
    allowed = [(start, end) for start, end in allowed if not any(ch.isdigit() for ch in part[start:end])]
    for match in [*PLACE.finditer(part), *PLACE_BEFORE_EVENT.finditer(part)]:
        if whole_sentence and not any(start <= match.start() and match.end() < end for start, end in allowed):
            continue
        name = match.group(1)
        if fold(name.split()[0]) in lexicon().not_names:
            continue
        canonical = canonical_name(name)
        place = "national" if canonical in lexicon().countries else canonical
        at = len(words(part[: match.start(1)]))
        found.append((at, at + len(words(name)), frozenset({place})))
    return found


def _scope_period(sentence: str, text: str, published: datetime | None) -> str | None:
    """The day or year the figure counts, when its sentence says: a day named with its month ("du 10
    septembre", "on October 2") as an ISO date, else a year other than the publication's ("en 2023")."""
    at = max(sentence.find(text), 0)
    clause_start, clause_end = _clause_bounds(sentence, at, at + len(text))
    days = [
        (abs(start - at), day)
        for start, day in _days(sentence, published)
        # A day in the figure's clause, or before it ("Le 10 septembre, 175 000 …"); one named after it
        # in another clause dates something else ("…, the force used on September 10").
        if clause_start <= start < clause_end or start < at
    ]
    if days:
        return min(days)[1].isoformat()
    years = _years(sentence, published)
    return str(min(years)) if years else None


def _last_period(previous: str, published: datetime | None) -> str | None:
    """The day or year the sentence before the claim's ends on ("That day, September 10, had been called…")."""
    days = _days(previous, published)
    if days:
        return days[-1][1].isoformat()
    years = _years(previous, published)
    return str(years[-1]) if years else None


def _days(sentence: str, published: datetime | None) -> list[tuple[int, date]]:
    """(position, day) of each day named with its month, in order."""
    found = ((match.start(), _day_of(match, published)) for match in DAY_MONTH.finditer(fold(sentence)))
    return [(start, day) for start, day in found if day is not None]


def _years(sentence: str, published: datetime | None) -> list[int]:
    """The years named other than the publication's, in order; not one a comparison reaches back to ("du jamais
    vu depuis 2010", "the most since 2010")."""
    return [
        int(match.group())
        for match in YEAR.finditer(sentence)
        if not SINCE.search(sentence[: match.start()]) and (published is None or int(match.group()) != published.year)
    ]


def _day_of(match: re.Match, published: datetime | None) -> date | None:
    number = match.group("day") or match.group("day_after")
    month = MONTHS.get(match.group("month") or match.group("month_first"))
    year = int(match.group("year")) if match.group("year") else (published.year if published else None)
    if year is None or month is None:
        return None
    if not match.group("year") and published is not None and month > published.month + 1:
        year -= 1  # "le 28 décembre" written in January is last year's
    try:
        return date(year, month, int(number))
    except ValueError:
        return None


def _source(sentence: str, text: str) -> str | None:
    """Whose figure: the kind of source cited closest to it (police, organisers, a ministry, the UN…)."""
    return _nearest(lambda part, **_: _sources_in(part), sentence, text)


def _last_source(previous: str) -> str | None:
    """The source the sentence before the claim's names last ("Ukraine's security service, the SBU, says…").
    Not a country named alone: there it is more often what the sentence is about ("Ukraine had never hit
    Siberia") than who speaks."""
    found_words = tokens(previous)
    found = [
        (start, names)
        for start, end, names in _sources_in(previous)
        if canonical_name(" ".join(written for _, written in found_words[start:end])) not in lexicon().countries
    ]
    return sorted(max(found, key=lambda item: item[0])[1])[0] if found else None


# After these, a country is where something happens, not who speaks: "launched from bases in Russia".
PLACE_PREPOSITIONS = frozenset(base_form(word) for word in ("in", "inside", "near", "en", "au", "aux", "dans"))


def _sources_in(part: str) -> list[tuple[int, int, frozenset[str]]]:
    """The sources `part` cites: not a country after a place preposition, nor words that only qualify the noun
    right after them ("four Russian military airfields", "80,000 police officers")."""
    found_words = tokens(part)
    bases = [base_form(word) for word, _ in found_words]
    folded = fold(part)
    units = lexicon().units

    def qualifies_next(end: int) -> bool:
        if end >= len(bases) or not any(start == 0 for start, _, _ in units.find(bases[end : end + units.longest])):
            return False
        # Only the very next word: "the CGT union 250,000 people" cites the union.
        last, following = found_words[end - 1][0], found_words[end][0]
        return re.search(rf"\b{re.escape(last)}\s+{re.escape(following)}\b", folded) is not None

    return [
        (start, end, names)
        for start, end, names in _phrases_in(lexicon().sources, part)
        if not (start > 0 and bases[start - 1] in PLACE_PREPOSITIONS) and not qualifies_next(end)
    ]


# Where a sentence ends: a full stop, question or exclamation mark (and a closing quote) before a space; a line end.
# Longer than any sentence a figure's day or source is taken from.
PREVIOUS_SENTENCE_REACH = 2000
SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"”]?\s+|\n")


def _previous_sentence(before: str, sentence: str, text: str) -> str:
    """The sentence before the claim's, in the same paragraph: a new paragraph starts a new statement."""
    at = sentence.find(text)
    head = sentence[:at] if at >= 0 else ""
    if not before.endswith(head):
        return ""
    # Only the end of the text before is read: splitting a whole article for each of its claims made keying an
    # article quadratic in its length.
    preceding = before[max(len(before) - len(head) - PREVIOUS_SENTENCE_REACH, 0) : len(before) - len(head)]
    preceding = preceding.rstrip(" \t")
    if not preceding or preceding.endswith("\n"):
        return ""
    return SENTENCE_END.split(preceding.rstrip())[-1]


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    breaks = [match.start() for match in CLAUSE_BREAK.finditer(sentence)]
    return max([b + 1 for b in breaks if b < start], default=0), min(
        [b for b in breaks if b >= end], default=len(sentence)
    )


def _nearest(find, sentence: str, text: str) -> str | None:
    """The phrase `find` finds closest to the claim, looked for first in the claim's own clause: in "over 4,000
    according to the Taliban, about 1,500 according to the UN" each figure has its own source."""
    at = max(sentence.find(text), 0)
    clause = sentence[slice(*_clause_bounds(sentence, at, at + len(text)))]
    for part, whole_sentence in ((clause, False), (sentence, True)):
        found = find(part, whole_sentence=whole_sentence, at=max(part.find(text), 0))
        if found:
            # Words between the phrase and the claim, either side: "25 000 à Nantes et plus de 20 000 à Nice"
            # puts the second figure in Nice.
            claim_at = _token_position(part, text)
            claim_end = claim_at + len(words(text))
            _start, _end, names = min(
                found, key=lambda item: (max(claim_at - item[1], item[0] - claim_end, 0), -item[0])
            )
            return sorted(names)[0]
    return None


def _phrases_in(phrases: PhraseIndex, part: str) -> list[tuple[int, int, frozenset[str]]]:
    found_words = tokens(part)
    capitals = [written.isupper() for _, written in found_words]
    return phrases.find([base_form(word) for word, _ in found_words], capitals=capitals)
