"""Dates and times, resolved against the publication date with dateparser."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import cache, lru_cache

import dateparser

from .lexicons import Lexicon
from .records import ClaimRecord, Kind
from .spans import DocIndex, make_record, overlaps
from .syntax import is_future_oriented

_YEAR = r"(?:1[89]|20)\d\d"


@cache
def _patterns(lexicon: Lexicon) -> list[tuple[str, re.Pattern[str]]]:
    months = "|".join(sorted(lexicon.months, key=len, reverse=True))
    weekdays = "|".join(lexicon.weekdays)
    if lexicon.language == "fr":
        day_month = (
            rf"(?:\b(?:le|du|au|ce|depuis le|jusqu'au)\s+)?(?:(?P<weekday>{weekdays})\s+)?"
            rf"\b(?P<day>1er|[0-3]?\d)\s+(?P<month>{months})\b(?:\s+(?P<year>{_YEAR})\b)?"
        )
        # A bare month name needs a cue: "en mars", "mi-août", "début septembre" (or a year after it).
        month = (
            rf"(?:\b(?:en|depuis|d'|de|fin|debut|courant|mi-|au mois de|jusqu'en)\s*)(?P<month>{months})\b"
            rf"(?:\s+(?P<year>{_YEAR})\b)?|\b(?P<month2>{months})\s+(?P<year2>{_YEAR})\b"
        )
        weekday = rf"\b(?P<weekday>{weekdays})\b(?:\s+(?:soir|matin|midi|apres-midi|dernier|prochain))?"
        year = rf"(?:\b(?:en|depuis|de|d'ici|avant|apres|jusqu'en|des|entre|fin|debut)\s+)(?P<year>{_YEAR})\b"
    else:
        day_month = (
            rf"(?:(?P<weekday>{weekdays}),?\s+)?\b(?P<month>{months})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
            rf"(?:,?\s+(?P<year>{_YEAR})\b)?|\b(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month2>{months})\b"
            rf"(?:,?\s+(?P<year2>{_YEAR})\b)?"
        )
        month = (
            rf"\b(?:in|since|early|late|mid-|until|by|before|after|from|through|last|next)\s*"
            rf"(?P<month>{months})\b(?:\s+(?P<year>{_YEAR})\b)?"
        )
        weekday = rf"\b(?P<weekday>{weekdays})\b(?:\s+(?:night|morning|evening|afternoon))?"
        year = rf"(?:\b(?:in|since|from|until|by|before|after|between)\s+)(?P<year>{_YEAR})\b"
    relative = "|".join(re.escape(key) for key in sorted(lexicon.relative_dates, key=len, reverse=True))
    return [
        ("date.iso", re.compile(r"\b(?P<year>\d{4})-(?P<month>[01]\d)(?:-(?P<day>[0-3]\d))?\b")),
        ("date.numeric", re.compile(r"\b(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>\d{4})\b")),
        ("date.dateparser", re.compile(day_month)),
        ("date.month", re.compile(month)),
        # Not after an apostrophe: "les lignes rouges d'hier" is figurative, not a day.
        ("date.relative", re.compile(rf"(?<![\w'-])(?:{relative})(?![\w-])")),
        ("date.weekday", re.compile(weekday)),
        ("date.year", re.compile(year)),
    ]


def find_dates(index: DocIndex) -> list[ClaimRecord]:
    records: list[ClaimRecord] = []
    taken: list[tuple[int, int]] = []
    for rule, pattern in _patterns(index.lexicon):
        for match in pattern.finditer(index.folded):
            start, end = match.span()
            if rule == "date.year":
                start = match.start("year")
            if overlaps(start, end, taken):
                continue
            resolved = _resolve(index, rule, match)
            if resolved is None:
                continue
            value, precision = resolved
            confidence = 0.9 if index.published or rule in {"date.iso", "date.numeric"} else 0.5
            fields = {"date": value.isoformat() if value else None, "precision": precision}
            records.append(
                make_record(
                    index, kind=Kind.DATE, start=start, end=end, fields=fields, rule=rule, confidence=confidence
                )
            )
            taken.append((start, end))
            if rule == "date.year":
                records.extend(_following_years(index, end, taken))
    return sorted(records, key=lambda record: record.start)


def _following_years(index: DocIndex, end: int, taken: list[tuple[int, int]]) -> list[ClaimRecord]:
    """ "de 2014 et 2022": each year of an enumeration is a date of its own."""
    records = []
    joined = re.compile(rf"\s*(?:,|et|and|a|to|-)\s*({_YEAR})\b")
    while match := joined.match(index.folded, end):
        start, end = match.span(1)
        fields = {"date": date(int(match.group(1)), 1, 1).isoformat(), "precision": "year"}
        records.append(
            make_record(index, kind=Kind.DATE, start=start, end=end, fields=fields, rule="date.year", confidence=0.8)
        )
        taken.append((start, end))
    return records


def _resolve(index: DocIndex, rule: str, match: re.Match[str]) -> tuple[date | None, str] | None:
    lexicon, published = index.lexicon, index.published
    groups = {key: value for key, value in match.groupdict().items() if value}
    for key in ("day", "month", "year"):
        if key + "2" in groups:
            groups[key] = groups[key + "2"]
    if rule in {"date.iso", "date.numeric"}:
        try:
            day = int(groups.get("day", "1"))
            return date(int(groups["year"]), int(groups["month"]), day), "day" if "day" in groups else "month"
        except ValueError:
            return None
    if rule == "date.year":
        return date(int(groups["year"]), 1, 1), "year"
    if rule == "date.relative":
        return _relative(match.group().strip(), lexicon, published)
    future = is_future_oriented(index.token_at(match.start())) if index.doc.has_annotation("DEP") else False
    # "d'ici le 15 juillet", "jeudi prochain": the words themselves point forward.
    future = future or bool(
        re.search(r"(?:d'ici|by|until)\s*$", index.folded[max(0, match.start() - 8) : match.start()])
    )
    # The cue may be part of the match itself ("by March", "next March").
    future = future or bool(re.match(r"(?:by|until|next)\b", match.group()))
    future = future or bool(re.match(r"\s+(?:prochain|prochaine|next)\b", index.folded[match.end() : match.end() + 12]))
    if rule == "date.weekday":
        if published is not None and lexicon.weekdays.get(groups["weekday"]) == published.weekday():
            return published, "day"  # "mercredi" in a Wednesday paper is that day
        parsed = _dateparser(groups["weekday"], lexicon.language, published, future)
        return (parsed, "day") if parsed else None
    month = groups.get("month")
    month = str(lexicon.months[month]) if month in lexicon.months else month
    if rule == "date.month":
        expression = f"1 {_month_name(lexicon, month)} {groups.get('year', '')}".strip()
        parsed = _dateparser(expression, lexicon.language, published, future)
        return (parsed.replace(day=1), "month") if parsed else None
    day = "1" if groups.get("day") == "1er" else groups.get("day")
    expression = f"{day} {_month_name(lexicon, month)} {groups.get('year', '')}".strip()
    parsed = _dateparser(expression, lexicon.language, published, future)
    return (parsed, "day") if parsed else None


def _month_name(lexicon: Lexicon, number: str) -> str:
    return next(name for name, value in lexicon.months.items() if str(value) == number)


def _relative(expression: str, lexicon: Lexicon, published: date | None) -> tuple[date | None, str]:
    precision, shift = lexicon.relative_dates[expression]
    if published is None:
        return None, precision  # "l'an dernier" means nothing without a reference date
    if precision == "day":
        return published + timedelta(days=shift), "day"
    if precision == "week":
        # A week is dated by its Monday, so "last week" in any paper of that week reads the same.
        monday = published - timedelta(days=published.weekday())
        return monday + timedelta(weeks=shift), "week"
    if precision == "month":
        month_index = published.year * 12 + published.month - 1 + shift
        return date(month_index // 12, month_index % 12 + 1, 1), "month"
    return date(published.year + shift, 1, 1), "year"


@lru_cache(maxsize=4096)
def _dateparser(expression: str, language: str, published: date | None, future: bool) -> date | None:
    # News mostly reports what happened: a year-less date or a weekday is the most recent one before
    # publication, unless the clause is in the future ("se réuniront jeudi").
    settings = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    parsed = dateparser.parse(expression, languages=[language], settings=settings)
    return parsed.date() if parsed else None
