"""Dates as a reader resolves them: against the publication date, by tense, and against the date the
text gave last ("la veille", "the month before", "la même année").

With no publication date, what only the publication date could place (a weekday, "l'an dernier",
"next week", a quarter with no year) is left relative: its precision is kept and its date is None. A
day or a month given without its year ("le 9 novembre", "en mars") keeps what the text says as an ISO
8601 partial date ("--11-09", "--03"): guessing the year would read as a fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from .lexicons import Lexicon
from .lexicons.calendar import Calendar, calendar_for
from .readings import Precision, partial_date
from .records import ClaimRecord, Kind
from .spans import DocIndex, make_record, overlaps
from .syntax import governing_verb, is_conditional, is_future_oriented
from .text import matches_opening_with, paragraph_bounds

_YEAR = r"(?:1[89]|20)\d\d"
_NOT_MONTH_END = r"(?![\w])"
# Rules whose reading needs the date the text gave before them: resolved last, in reading order.
_ANAPHORIC = "date.anaphoric"
# Words before a weekday that make it a series: "le quatrième samedi", "chaque jeudi", "every Friday".
_SERIES_WORDS = (
    r"\d+(?:e|er|eme|th|nd|rd|st)|\w+ieme|premier|chaque|tous les|first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth|tenth|every|each"
)


@dataclass(frozen=True)
class _YearLess:
    """A month, or a month and a day, the text gives with no year and the article with no date to take it from."""

    month: int
    day: int | None = None

    def __post_init__(self):
        date(2000, self.month, self.day or 1)  # a leap year: 29 February stands, "31 avril" is a ValueError

    def isoformat(self) -> str:
        return f"--{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")


@dataclass(frozen=True)
class _Found:
    rule: str
    start: int
    end: int
    match: re.Match[str]


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _initials(*word_lists) -> str:
    """The first letters of the words, for a character class."""
    return "".join(sorted({re.escape(word[0]) for words in word_lists for word in words}))


@dataclass(frozen=True)
class _Rule:
    """A date rule's pattern, with what spares running it over the whole text, which is costly: the words, or the
    shapes (patterns cheap to search for), one of which its every match holds (most texts hold no quarter or
    season), and what its every match opens with (see `matches_opening_with`)."""

    name: str
    pattern: re.Pattern[str]
    words: tuple[str, ...] = ()
    shapes: tuple[re.Pattern[str], ...] = ()
    opening: re.Pattern[str] | None = None

    def matches(self, folded: str) -> Iterator[re.Match[str]]:
        if (self.words or self.shapes) and not self._held_in(folded):
            return iter(())
        if self.opening is None:
            return self.pattern.finditer(folded)
        return matches_opening_with(self.pattern, self.opening, folded)

    def _held_in(self, folded: str) -> bool:
        return any(word in folded for word in self.words) or any(shape.search(folded) for shape in self.shapes)


@cache
def _rules(lexicon: Lexicon) -> list[_Rule]:
    """The language's rules, in the order they take their spans."""
    calendar = calendar_for(lexicon.language)
    months = _alternation([*lexicon.months, *calendar.month_abbreviations])
    weekdays = _alternation(lexicon.weekdays)
    ordinals = _alternation(calendar.quarter_ordinals)
    quarters = _alternation(calendar.quarter_nouns)
    seasons = _alternation(calendar.seasons)
    relative_words = (*lexicon.relative_dates, *calendar.relative_dates)
    anaphoric_words = tuple(calendar.anaphoric_dates)

    # "Mai 68": two digits after a month that no day can be, and no noun after them ("mars 45 personnes").
    def short_year(name: str) -> str:
        return rf"\s+(?P<{name}>[3-9]\d)\b(?!\s*(?:%|[a-z]))"

    # The engine tries a pattern at every position of the text, and trying its assertions and optional
    # leading words there is costly: a rule with no opening first tests the letter or digit a match can start
    # with (the quarter, run over few texts, the word boundary).
    if lexicon.language == "fr":
        week_span = (
            rf"\b(?:(?:la\s+)?semaine\s+)?du\s+(?:(?:{weekdays})\s+)?(?P<day>1er|[0-3]?\d)\s+au\s+"
            rf"(?:(?:{weekdays})\s+)?(?P<day_end>[0-3]?\d)\s+(?P<month>{months}){_NOT_MONTH_END}"
            rf"(?:\s+(?P<year>{_YEAR})\b)?"
        )
        # "les 12 et 19 juin": the first day takes the month of the second.
        day_list = (
            rf"\b(?P<day>1er|[0-3]?\d)(?=\s+(?:et|,)\s+(?:(?:{weekdays})\s+)?[0-3]?\d\s+(?P<month>{months})"
            rf"{_NOT_MONTH_END}(?:\s+(?P<year>{_YEAR})\b)?)"
        )
        french_only = [
            _Rule("date.week", re.compile(week_span), opening=re.compile(r"(?:la\s+semaine|semaine|du)\s")),
            _Rule("date.day_list", re.compile(day_list), opening=re.compile(r"\d(?:er|\d)?\s+(?:et|,)\s")),
        ]
        day_prefixes = ("le", "du", "au", "ce", "depuis le", "jusqu'au")
        day_month = (
            rf"(?=[{_initials(day_prefixes, lexicon.weekdays)}\d])"
            rf"(?:\b(?:{'|'.join(day_prefixes)})\s+)?(?:(?P<weekday>{weekdays})\s+)?"
            rf"\b(?P<day>1er|[0-3]?\d)\s+(?P<month>{months}){_NOT_MONTH_END}(?:\s+(?P<year>{_YEAR})\b)?"
        )
        quarter = (
            rf"\b(?:(?:\b(?:au|du|le|ce|un|depuis le)\s+)?\b(?P<ordinal>{ordinals})\s+(?:{quarters})\b"
            rf"(?:\s+(?:de\s+l'annee\s+|de\s+)?(?P<year>{_YEAR})\b)?|t(?P<number>[1-4])\s+(?P<year2>{_YEAR})\b)"
        )
        part_openers = ("depuis", "en", "a", "d'ici", "jusqu'a", "la", "le")  # the words before the part below
        year_part = (
            rf"(?=[{_initials(part_openers, calendar.year_parts)}])"
            rf"(?:\b(?P<part>debut|fin|mi)(?:-|\s+)(?:de\s+l'annee\s+|de\s+l'an\s+)?(?P<year>{_YEAR})\b"
            rf"|(?:\b(?P<since>depuis)\s+|\b(?:en|a|d'ici|jusqu'a)\s+)?(?:\b(?:la|le)\s+)?\b(?P<part2>debut|fin|milieu|mi)\s*"
            rf"(?:de\s+l'annee|d'annee)(?:\s+(?P<year2>{_YEAR})\b)?)"
        )
        # What a part of a year holds: "annee", else a part and its year ("fin 2022").
        year_part_words = ("annee",)
        year_part_shapes = (rf"(?:debut|fin|mi)[\s-]+(?:de\s+l'an\s+)?{_YEAR}",)
        # "été" needs its article ("à l'été", "cet été"): "a été" is a verb. "L'hiver austral" or "l'approche
        # de l'hiver" name a season, not a time: "l'" counts after a preposition of time only.
        season = (
            rf"(?:\b(?:au|du|le|ce|cet|en|depuis le)\s+|\b(?:a|des|depuis|pendant|durant|avant|apres)\s+l')"
            rf"(?P<season>{seasons})\b"
            rf"(?:\s+(?:de\s+)?(?P<year>{_YEAR})\b)?"
        )
        month_prefixes = ("en", "depuis", "d'", "de", "fin", "debut", "courant", "mi-", "au mois de", "jusqu'en")
        month = (
            rf"(?=[{_initials(month_prefixes, lexicon.months, calendar.month_abbreviations)}])"
            rf"(?:\b(?:{'|'.join(month_prefixes)})\s*(?P<month>{months})"
            rf"{_NOT_MONTH_END}(?:\s+(?P<year>{_YEAR})\b|{short_year('short_year')})?|\b(?P<month2>{months})\s+(?P<year2>{_YEAR})\b"
            rf"|\b(?P<month3>{months}){short_year('short_year2')})"
        )
        weekday = (
            rf"\b(?P<weekday>{weekdays})\b"
            r"(?:\s+(?:soir|matin|midi|apres-midi|dernier|prochain))?"
        )
        quarter_words = (*calendar.quarter_nouns, "t1", "t2", "t3", "t4")
        # "ete" is mostly "a ete", a verb: a season holds another season's name, "l'ete", or "ete" after an article.
        season_words = (*(season for season in calendar.seasons if season != "ete"), "l'ete")
        season_shapes = (r"(?:au|du|le|cet?|en)\s+ete\b",)
        # A French month name hides in common words ("mai" in "semaine"): every text would hold one. A day and
        # its month do not.
        month_words = ()
        day_month_shapes = (rf"\d(?:er)?\s+(?:{months})",)
    else:
        french_only = []
        day_month = (
            rf"(?=[{_initials(lexicon.weekdays, lexicon.months, calendar.month_abbreviations)}\d])"
            rf"(?:(?:(?P<weekday>{weekdays}),?\s+)?\b(?P<month>{months}){_NOT_MONTH_END}\s*(?P<day>[0-3]?\d)"
            rf"(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>{_YEAR})\b)?|\b(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+"
            rf"(?P<month2>{months}){_NOT_MONTH_END}(?:,?\s+(?P<year2>{_YEAR})\b)?)"
        )
        quarter = (
            rf"\b(?:(?:\bthe\s+)?\b(?P<ordinal>{ordinals})\s+(?:{quarters})\b(?:\s+of)?(?:\s+(?P<year>{_YEAR})\b)?"
            rf"|q(?P<number>[1-4])\s*(?P<year2>{_YEAR})\b)"
        )
        year_part = (
            rf"(?=[{_initials(('since', 'the'), calendar.year_parts)}])"
            rf"(?:\b(?P<part>early|late|mid|end)(?:-|\s+)(?P<year>{_YEAR})\b"
            rf"|(?:\b(?P<since>since)\s+)?\bthe\s+(?P<part2>start|beginning|end|middle)\s+of\s+"
            rf"(?:(?P<year2>{_YEAR})\b|the\s+year|this\s+year))"
        )
        year_part_words = ()
        year_part_shapes = (rf"(?:early|late|mid|end)[\s-]+{_YEAR}", rf"of\s+(?:{_YEAR}|the\s+year|this\s+year)")
        season = (
            rf"\b(?:in|this|last|next|since|during|by|of)\s+(?:the\s+)?(?P<season>{seasons})\b"
            rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR})\b)?|\b(?:the\s+)?fall\s+of\s+(?P<year2>{_YEAR})\b"
        )
        month = (
            rf"\b(?:in|since|early|late|mid-|until|by|before|after|from|through|last|next|the\s+year\s+to)\s*"
            rf"(?P<month>{months}){_NOT_MONTH_END}(?:\s+(?P<year>{_YEAR})\b)?"
        )
        weekday = rf"\b(?P<weekday>{weekdays})\b(?:'s)?(?:\s+(?:night|morning|evening|afternoon))?"
        quarter_words = (*calendar.quarter_nouns, "q1", "q2", "q3", "q4")
        season_words = (*calendar.seasons, "fall")
        season_shapes = ()
        month_words = (*lexicon.months, *calendar.month_abbreviations)
        day_month_shapes = ()
    # A year-shaped number alone is a year unless it counts something: see `_counts_something`.
    year = rf"(?<![\d.,'’/-])\b(?P<year>{_YEAR})\b(?!\s?%)(?![.,]\d)"
    # Not after an apostrophe: "les lignes rouges d'hier" is figurative, not a day.
    relative = rf"(?<![\w'-])(?:{_alternation(relative_words)})(?![\w-])"
    anaphoric = rf"(?<![\w'-])(?:{_alternation(anaphoric_words)})(?![\w-])"
    return [
        _Rule(
            "date.iso",
            re.compile(r"\b(?P<year>\d{4})-(?P<month>[01]\d)(?:-(?P<day>[0-3]\d))?\b"),
            # Not "\d{4}": the engine skips ahead to a literal or a character class, not to a repeat.
            opening=re.compile(r"\d\d\d\d-"),
        ),
        _Rule("date.numeric", re.compile(r"\b(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>\d{4})\b"), words=("/",)),
        *french_only,
        _Rule(
            "date.dateparser",
            re.compile(day_month),
            words=month_words,
            shapes=tuple(map(re.compile, day_month_shapes)),
        ),
        _Rule("date.quarter", re.compile(quarter), words=quarter_words),
        _Rule(
            "date.year_part",
            re.compile(year_part),
            words=year_part_words,
            shapes=tuple(map(re.compile, year_part_shapes)),
        ),
        _Rule("date.season", re.compile(season), words=season_words, shapes=tuple(map(re.compile, season_shapes))),
        _Rule("date.month", re.compile(month), words=month_words),
        _Rule(
            "date.relative",
            re.compile(relative),
            words=relative_words,
            opening=re.compile(_alternation(relative_words)),
        ),
        _Rule(
            _ANAPHORIC, re.compile(anaphoric), words=anaphoric_words, opening=re.compile(_alternation(anaphoric_words))
        ),
        _Rule("date.weekday", re.compile(weekday), opening=re.compile(weekdays)),
        _Rule("date.year", re.compile(year), opening=re.compile(_YEAR)),
    ]


def find_dates(index: DocIndex, quoted: list[tuple[int, int]]) -> list[ClaimRecord]:
    """Dates in reading order; `quoted` are the spans inside quote marks."""
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for date_rule in _rules(index.lexicon):
        rule = date_rule.name
        for match in date_rule.matches(index.folded):
            start, end = match.span()
            if rule == "date.year":
                start = match.start("year")
            if start == end or overlaps(start, end, taken) or not _is_date(index, rule, match):
                continue
            # "Today is an act of resistance": inside a quote, the speaker's day, not the paper's (the
            # speaker's year, "l'an dernier", is the paper's too).
            relative = rule in {"date.relative", _ANAPHORIC}
            if relative and _relative_precision(index, match) == Precision.DAY and overlaps(start, end, quoted):
                continue
            found.append(_Found(rule, start, end, match))
            taken.append((start, end))
    # In reading order, so "la veille" or "la même année" can read the date given just before.
    records: list[ClaimRecord] = []
    for item in sorted(found, key=lambda item: item.start):
        resolved = _resolve(index, item, records)
        if resolved is None:
            continue
        value, precision = resolved
        # A year-less date is what the text says, not a guess: as sure as a resolved one.
        anchored = (
            index.published is not None or item.rule in {"date.iso", "date.numeric"} or isinstance(value, _YearLess)
        )
        confidence = 0.9 if value is not None and anchored else 0.5
        fields = {"date": value.isoformat() if value else None, "precision": precision}
        records.append(
            make_record(
                index,
                kind=Kind.DATE,
                start=item.start,
                end=item.end,
                fields=fields,
                rule=item.rule,
                confidence=confidence,
            )
        )
        if item.rule == "date.year":
            records.extend(_following_years(index, item.end, taken))
    return sorted(records, key=lambda record: record.start)


def _relative_precision(index: DocIndex, match: re.Match[str]) -> str:
    calendar, expression = calendar_for(index.lexicon.language), match.group().strip()
    return (
        index.lexicon.relative_dates.get(expression)
        or calendar.relative_dates.get(expression)
        or calendar.anaphoric_dates[expression]
    )[0]


def _is_date(index: DocIndex, rule: str, match: re.Match[str]) -> bool:
    if rule == "date.week":
        day = 1 if match.group("day") == "1er" else int(match.group("day"))
        return int(match.group("day_end")) - day == 6  # "du 10 au 16 juin" is a week; other spans are two dates
    if rule == "date.weekday":
        # "le quatrième samedi consécutif", "chaque jeudi", "every Friday": a series, not one day.
        before = index.folded[max(0, match.start() - 14) : match.start()]
        return not re.search(rf"\b(?:{_SERIES_WORDS})\s+$", before)
    if rule == "date.year":
        return not _counts_something(index, match)
    if rule == _ANAPHORIC:
        # "the day after Trump's inauguration", "la veille du scrutin": dated by an event, not by a date.
        return not re.match(r"\s+(?:of|de|du|des|d'|[A-Z])", index.text[match.end() : match.end() + 4])
    return True


def _counts_something(index: DocIndex, match: re.Match[str]) -> bool:
    """ "2025 participants", "1969 voix": a number that counts a noun after it is a quantity, not a year."""
    before = index.folded[max(0, match.start("year") - 12) : match.start("year")]
    if re.search(r"(?:[$€£]|n°|no\.?|article|page|numero)\s*$", before):
        return True
    if re.search(r"\b(?:in|en|since|depuis|until|jusqu'en|from|d'ici|before|after|avant|apres)\s+$", before):
        return False  # "in 2019 prices fell": a year after a preposition of time
    token = index.token_at(match.start("year"))
    following = token.doc[token.i + 1] if token is not None and token.i + 1 < len(token.doc) else None
    if following is None or following.is_punct or not following.is_alpha:
        return following is not None and following.text in {"€", "$", "£"}
    folded = following.lower_
    if folded in index.lexicon.multipliers or folded in index.lexicon.currencies:
        return True
    if following.pos_:
        return following.pos_ == "NOUN" and "Plur" in following.morph.get("Number")
    # No tagger: a plural-looking lower-case word after the number is what it counts.
    return following.is_lower and folded.endswith("s") and not following.is_stop and len(folded) > 3


def _following_years(index: DocIndex, end: int, taken: list[tuple[int, int]]) -> list[ClaimRecord]:
    """ "de 2014 et 2022": each year of an enumeration is a date of its own."""
    records = []
    joined = re.compile(rf"\s*(?:,|et|and|a|to|-)\s*({_YEAR})\b")
    while match := joined.match(index.folded, end):
        start, end = match.span(1)
        if overlaps(start, end, taken):
            break
        fields = {"date": date(int(match.group(1)), 1, 1).isoformat(), "precision": "year"}
        records.append(
            make_record(index, kind=Kind.DATE, start=start, end=end, fields=fields, rule="date.year", confidence=0.8)
        )
        taken.append((start, end))
    return records


def _groups(match: re.Match[str]) -> dict[str, str]:
    groups = {key: value for key, value in match.groupdict().items() if value}
    for key in ("day", "month", "year", "part", "short_year"):
        for suffix in ("2", "3"):
            if key + suffix in groups:
                groups[key] = groups[key + suffix]
    return groups


def _resolve(index: DocIndex, item: _Found, earlier: list[ClaimRecord]) -> tuple[date | _YearLess | None, str] | None:
    lexicon, published, match, rule = index.lexicon, index.published, item.match, item.rule
    calendar = calendar_for(lexicon.language)
    groups = _groups(match)
    if rule in {"date.iso", "date.numeric"}:
        try:
            day = int(groups.get("day", "1"))
            return date(int(groups["year"]), int(groups["month"]), day), "day" if "day" in groups else "month"
        except ValueError:
            return None
    if rule == "date.year":
        return date(int(groups["year"]), 1, 1), Precision.YEAR.value
    if rule == "date.relative":
        return _relative(match.group().strip(), lexicon, calendar, published, _points_forward(index, item))
    if rule == _ANAPHORIC:
        precision, shift = calendar.anaphoric_dates[match.group().strip()]
        return _shifted(_focus(index, item, earlier) or published, precision, shift), precision
    direction = _direction(index, item, calendar)
    if rule == "date.quarter":
        quarter = int(groups["number"]) if "number" in groups else calendar.quarter_ordinals[groups["ordinal"]]
        return _in_year(groups, published, 3 * quarter - 2, direction), Precision.QUARTER.value
    if rule == "date.season":
        season = groups.get("season", "autumn")
        return _in_year(groups, published, calendar.seasons[season], direction), Precision.QUARTER.value
    if rule == "date.year_part":
        return _year_part(index, item, groups, calendar, earlier, direction)
    if rule == "date.weekday":
        weekday = lexicon.weekdays[groups["weekday"]]
        return (_weekday(published, weekday, direction) if published else None), Precision.DAY.value
    month = groups.get("month")
    month_number = lexicon.months.get(month) or calendar.month_abbreviations.get(month)
    if month_number is None:
        return None
    if "short_year" in groups:  # "Mai 68"
        short = int(groups["short_year"])
        pivot = (published or date.today()).year % 100
        return date((1900 if short > pivot else 2000) + short, month_number, 1), Precision.MONTH.value
    if rule == "date.month":
        if "year" in groups:
            return date(int(groups["year"]), month_number, 1), Precision.MONTH.value
        if published is None:
            return _YearLess(month_number), Precision.MONTH.value
        return _nearest(published, month_number, 1, _tense(index, item, direction)), Precision.MONTH.value
    day = 1 if groups.get("day") == "1er" else int(groups["day"])
    precision = Precision.WEEK.value if rule == "date.week" else Precision.DAY.value
    try:
        if "year" in groups:
            return date(int(groups["year"]), month_number, day), precision
        if published is None:
            # A weekday does not give the year either: the same date falls on it every few years.
            return _YearLess(month_number, day), precision
        resolved = _nearest(published, month_number, day, _tense(index, item, direction))
    except ValueError:
        return None  # "31 avril"
    if "weekday" in groups:
        resolved = _year_of_weekday(resolved, lexicon.weekdays[groups["weekday"]], published)
    return resolved, precision


def _nearest(published: date, month: int, day: int, tense: str) -> date:
    """A date given without its year: the occurrence nearest the publication. A clause about the
    future takes the next one, a clause in a past tense the last one; otherwise the past is preferred,
    as news mostly reports what happened, but not against a date much nearer ahead ("les élections
    des 12 et 19 juin" in April)."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # 29 February
            continue
    past = [candidate for candidate in candidates if candidate <= published]
    ahead = [candidate for candidate in candidates if candidate > published]
    if tense == "future" and ahead:
        return ahead[0]
    if tense == "past" and past:
        return past[-1]
    if not past or not ahead:
        return (past or ahead)[-1 if past else 0]
    return ahead[0] if (ahead[0] - published) < (published - past[-1]) / 2 else past[-1]


def _tense(index: DocIndex, item: _Found, direction: str) -> str:
    """ "future", "past" where the clause says so (a future or past verb form), else "open"."""
    if direction in {"future", "next"}:
        return "future"
    if direction == "last":
        return "past"
    token = index.token_at(item.start)
    verb = governing_verb(token) if token is not None and index.doc.has_annotation("DEP") else None
    if verb is None:
        return "open"
    if "Past" in verb.morph.get("Tense") and (
        "Fin" in verb.morph.get("VerbForm") or any(child.dep_.startswith("aux") for child in verb.children)
    ):
        return "past"
    return "open"


def _year_of_weekday(parsed: date, weekday: int, published: date) -> date:
    """ "vendredi 14 mars" with no year: the year, nearest the publication, where the 14th is a Friday."""
    if parsed.weekday() == weekday:
        return parsed
    candidates = []
    for year in range(published.year - 6, published.year + 7):
        try:
            candidate = parsed.replace(year=year)
        except ValueError:  # 29 February
            continue
        if candidate.weekday() == weekday:
            candidates.append(candidate)
    return min(candidates, key=lambda candidate: abs(candidate - published), default=parsed)


@dataclass(frozen=True)
class _DirectionCues:
    """The calendar's words that point a date forward or back, compiled once: they are searched
    around every date."""

    next_word: re.Pattern[str]
    next_word_before: re.Pattern[str]
    last_word_before: re.Pattern[str]
    last_word_after: re.Pattern[str]
    future_cue: re.Pattern[str]


@cache
def _direction_cues(calendar: Calendar) -> _DirectionCues:
    next_words, last_words = _alternation(calendar.next_words), _alternation(calendar.last_words)
    return _DirectionCues(
        next_word=re.compile(rf"\b(?:{next_words})\b"),
        next_word_before=re.compile(rf"\b(?:{next_words})\s+$"),
        last_word_before=re.compile(rf"\b(?:{last_words})\s+$"),
        last_word_after=re.compile(rf"\s*(?:{last_words})\b"),
        future_cue=re.compile(rf"(?<![\w'])(?:{_alternation(calendar.future_cues)})(?![\w'])"),
    )


def _direction(index: DocIndex, item: _Found, calendar: Calendar) -> str:
    """ "next" or "last" where the words say so, else "future" or "past" from the clause's tense."""
    after = index.folded[item.end : item.end + 14]
    inside = index.folded[item.start : item.end]
    before = index.folded[max(0, item.start - 12) : item.start]
    cues = _direction_cues(calendar)
    if cues.next_word.search(inside + after[:12]) or cues.next_word_before.search(before):
        return "next"
    if cues.last_word_before.search(before) or cues.last_word_after.match(after):
        return "last"
    return "future" if _points_forward(index, item) else "past"


def _points_forward(index: DocIndex, item: _Found) -> bool:
    """Whether the clause holding the date speaks of what is to come: a future or a conditional verb
    ("restera fermé jeudi", "arriveraient samedi"), or a cue before the date in its clause ("doit se
    réunir", "is expected to", "would"). News mostly reports what happened, so past is the default."""
    calendar = calendar_for(index.lexicon.language)
    clause_start = max(index.folded.rfind(mark, 0, item.start) for mark in ".;:!?,\n")
    clause = index.folded[max(clause_start + 1, item.start - 90) : item.start]
    if _direction_cues(calendar).future_cue.search(clause):
        return True
    token = index.token_at(item.start)
    if token is None or not index.doc.has_annotation("DEP"):
        return False
    if is_future_oriented(token):
        return True
    verb = governing_verb(token)
    # A simple conditional looks ahead ("arriveraient samedi"); a compound one reports ("auraient été tués").
    return (
        verb is not None
        and is_conditional(verb, index.lexicon.conditional_stems)
        and not any(child.dep_.startswith("aux") for child in verb.children)
    )


def _weekday(published: date, weekday: int, direction: str) -> date:
    ahead = (weekday - published.weekday()) % 7
    if direction == "next":
        return published + timedelta(days=ahead or 7)  # "samedi prochain" is never the publication day
    if direction == "future":
        return published + timedelta(days=ahead)
    behind = (published.weekday() - weekday) % 7
    if direction == "last":
        return published - timedelta(days=behind or 7)
    return published - timedelta(days=behind)  # "mercredi" in a Wednesday paper is that day


def _in_year(groups: dict[str, str], published: date | None, month: int, direction: str) -> date | None:
    """A quarter or a season: in the year the text gives, else the latest one begun by publication
    (the next one in a clause about the future)."""
    if "year" in groups:
        return date(int(groups["year"]), month, 1)
    if published is None:
        return None
    year = published.year
    if direction in {"future", "next"}:
        return date(year if month > published.month else year + 1, month, 1)
    return date(year if month <= published.month else year - 1, month, 1)


def _year_part(index, item, groups, calendar, earlier, direction) -> tuple[date | None, str]:
    """ "fin 2022", "début 2015", "mid-2024", "la fin de l'année (2023)"; with no year, the year of the
    date given just before in the paragraph ("Fin 2019, … en fin d'année"), or the publication's."""
    month, precision = calendar.year_parts[groups["part"]]
    if groups.get("since") and month == 1:
        precision = Precision.YEAR.value  # "depuis le début de l'année" is the year so far
    if "year" in groups:
        return date(int(groups["year"]), month, 1), precision
    reference = None if direction in {"future", "next"} else _focus(index, item, earlier, same_paragraph=True)
    reference = reference or index.published
    if reference is None:
        return None, precision
    return date(reference.year, month, 1), precision


def _focus(index: DocIndex, item: _Found, earlier: list[ClaimRecord], *, same_paragraph: bool = False) -> date | None:
    """The date the text gave last before `item`; None when that one has no year, as nothing can count from it."""
    floor = paragraph_bounds(index.text, item.start)[0] if same_paragraph else 0
    for record in reversed(earlier):
        if record.start < floor:
            break
        if record.fields.get("date"):
            value = record.fields["date"]
            return None if partial_date(value) else date.fromisoformat(value)
    return None


def _relative(
    expression: str, lexicon: Lexicon, calendar: Calendar, published: date | None, forward: bool
) -> tuple[date | None, str]:
    precision, shift = lexicon.relative_dates.get(expression) or calendar.relative_dates[expression]
    if published is None:
        return None, precision  # "l'an dernier" means nothing without a reference date
    if expression.startswith("en debut de semaine") and forward and published.weekday() > 1:
        shift = 1  # said after Tuesday of a week to come ("doit s'adresser … en début de semaine"): the next one
    return _shifted(published, precision, shift), precision


def _shifted(reference: date | None, precision: str, shift: int) -> date | None:
    if reference is None:
        return None
    if precision == "day":
        return reference + timedelta(days=shift)
    if precision == "week":
        # A week is dated by its Monday, so "last week" in any paper of that week reads the same.
        monday = reference - timedelta(days=reference.weekday())
        return monday + timedelta(weeks=shift)
    if precision == "month":
        month_index = reference.year * 12 + reference.month - 1 + shift
        return date(month_index // 12, month_index % 12 + 1, 1)
    return date(reference.year + shift, 1, 1)
