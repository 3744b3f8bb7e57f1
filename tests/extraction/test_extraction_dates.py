"""Dates and times, resolved against the publication date."""

from datetime import date

import pytest

from claims.extraction import extract

PUBLISHED = date(2025, 3, 17)  # a Monday


def dates(text, published=PUBLISHED, **kwargs):
    return [record for record in extract(text, published=published, **kwargs) if record.kind == "date"]


def only_date(text, published=PUBLISHED, **kwargs):
    found = dates(text, published, **kwargs)
    assert len(found) == 1, [(record.text, record.fields) for record in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "expected", "precision"),
    [
        ("Le sommet s'est tenu le 9 novembre à Londres.", "2024-11-09", "day"),
        ("Le texte a été signé le 7 janvier.", "2025-01-07", "day"),
        ("Il a parlé lundi 17 mars devant la presse.", "2025-03-17", "day"),
        ("La rencontre a eu lieu le 2 mars 2025 à Londres.", "2025-03-02", "day"),
        ("L'invasion a commencé en février 2022.", "2022-02-01", "month"),
        ("L'idée a été lancée en mars par Londres.", "2025-03-01", "month"),
        ("Le plan a été relancé à la mi-août.", "2024-08-01", "month"),
        ("Les troupes ont été déployées l'an dernier.", "2024-01-01", "year"),
        ("Le ministre l'a annoncé samedi.", "2025-03-15", "day"),
        ("Les accords ont été signés mardi soir.", "2025-03-11", "day"),
        ("Le ministère a réagi hier.", "2025-03-16", "day"),
        ("La trêve est en vigueur depuis le 1er mars.", "2025-03-01", "day"),
    ],
)
def test_dates_resolve_against_the_publication_date(sentence, expected, precision):
    record = only_date(sentence)
    assert record.fields == {"date": expected, "precision": precision}


def test_weekday_in_a_future_clause_resolves_forward():
    record = only_date("Des responsables doivent se réunir jeudi au Royaume-Uni.")
    assert record.fields["date"] == "2025-03-20"


def test_referendum_years_are_year_dates():
    found = dates("Moscou invoque les référendums de 2014 et 2022.")
    assert [(record.text, record.fields["date"], record.fields["precision"]) for record in found] == [
        ("2014", "2014-01-01", "year"),
        ("2022", "2022-01-01", "year"),
    ]


def test_unaccented_month_names_are_dates():
    record = only_date("Le president l'a affirme en aout devant la presse.")
    assert record.fields["precision"] == "month"
    assert record.fields["date"].endswith("-08-01")


def test_without_publication_date_a_day_month_date_keeps_month_and_day():
    record = only_date("Le texte a été signé le 7 janvier.", published=None)
    assert record.fields["date"][5:] == "01-07"
    assert record.confidence < 0.9


def test_without_publication_date_relative_dates_do_not_crash():
    record = only_date("Les troupes ont été déployées l'an dernier.", published=None)
    assert record.fields == {"date": None, "precision": "year"}


def test_figurative_hier_is_not_a_date():
    assert dates("Les lignes rouges d'hier semblent floues.") == []


def test_a_bare_month_name_without_a_cue_is_not_a_date():
    assert dates("Mars est la planète rouge.") == []
