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


@pytest.mark.parametrize(
    ("language", "sentence", "expected", "precision"),
    [
        ("fr", "Le sommet s'est tenu le 9 novembre à Londres.", "--11-09", "day"),
        ("fr", "L'idée a été lancée en mars par Londres.", "--03", "month"),
        ("fr", "Le plan a été relancé à la mi-août.", "--08", "month"),
        ("fr", "Il a parlé vendredi 14 mars devant la presse.", "--03-14", "day"),
        ("fr", "Le vote aura lieu le 29 février.", "--02-29", "day"),
        ("en", "The summit was held on 9 November in London.", "--11-09", "day"),
        ("en", "The summit was held on November 9 in London.", "--11-09", "day"),
        ("en", "The idea was floated in March by London.", "--03", "month"),
    ],
)
def test_without_publication_date_a_year_less_date_keeps_only_what_the_text_says(
    language, sentence, expected, precision
):
    record = only_date(sentence, published=None, language=language)
    assert record.fields == {"date": expected, "precision": precision}


@pytest.mark.parametrize(
    ("language", "sentence", "expected", "precision"),
    [
        ("fr", "Le sommet s'est tenu le 9 novembre à Londres.", "2024-11-09", "day"),
        ("fr", "L'idée a été lancée en mars par Londres.", "2025-03-01", "month"),
        ("en", "The summit was held on 9 November in London.", "2024-11-09", "day"),
        ("en", "The idea was floated in March by London.", "2025-03-01", "month"),
    ],
)
def test_with_a_publication_date_a_year_less_date_takes_its_year(language, sentence, expected, precision):
    record = only_date(sentence, language=language)
    assert record.fields == {"date": expected, "precision": precision}


def test_without_publication_date_an_impossible_day_is_no_date():
    assert dates("Le texte a été signé le 31 avril.", published=None) == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_without_publication_date_a_full_date_still_anchors_what_follows(language):
    sentence = {
        "fr": "Le traité a été signé le 9 novembre 2022. La veille, les délégués étaient arrivés le 3 mars.",
        "en": "The treaty was signed on 9 November 2022. The day before, delegates had arrived on 3 March.",
    }[language]
    found = dates(sentence, published=None, language=language)
    assert [record.fields["date"] for record in found] == ["2022-11-09", "2022-11-08", "--03-03"]


def test_without_publication_date_an_anaphor_of_a_year_less_date_stays_relative():
    found = dates("Le sommet s'est tenu le 9 novembre. La veille, les délégués étaient arrivés.", published=None)
    assert [record.fields for record in found] == [
        {"date": "--11-09", "precision": "day"},
        {"date": None, "precision": "day"},
    ]


def test_without_publication_date_relative_dates_do_not_crash():
    record = only_date("Les troupes ont été déployées l'an dernier.", published=None)
    assert record.fields == {"date": None, "precision": "year"}


def test_figurative_hier_is_not_a_date():
    assert dates("Les lignes rouges d'hier semblent floues.") == []


def test_a_bare_month_name_without_a_cue_is_not_a_date():
    assert dates("Mars est la planète rouge.") == []


# Quarters and parts of years, French and English (PUBLISHED is Monday 17 March 2025).
@pytest.mark.parametrize(
    ("language", "sentence", "text", "expected", "precision"),
    [
        ("fr", "Le chômage a reculé au 2e trimestre.", "au 2e trimestre", "2024-04-01", "quarter"),
        ("fr", "Le PIB a progressé au 3e trimestre 2021.", "au 3e trimestre 2021", "2021-07-01", "quarter"),
        ("fr", "Le taux était de 8,1 % au quatrième trimestre.", "au quatrième trimestre", "2024-10-01", "quarter"),
        ("fr", "Le déficit atteindra 5 % fin 2022.", "fin 2022", "2022-10-01", "quarter"),
        ("fr", "La baisse a commencé début 2015.", "début 2015", "2015-01-01", "quarter"),
        ("fr", "Il faudra agir d'ici la fin de l'année 2023.", "d'ici la fin de l'année 2023", "2023-10-01", "quarter"),
        ("fr", "La baisse dure depuis le printemps 2015.", "depuis le printemps 2015", "2015-04-01", "quarter"),
        ("fr", "Un tel dispositif est sans précédent depuis mai 68.", "depuis mai 68", "1968-05-01", "month"),
        ("en", "Growth slowed in Q3 2021.", "Q3 2021", "2021-07-01", "quarter"),
        ("en", "Output grew in the fourth quarter of 2024.", "the fourth quarter of 2024", "2024-10-01", "quarter"),
        ("en", "Prices started rising in late 2022.", "late 2022", "2022-10-01", "quarter"),
        ("en", "The scheme opened in early 2015.", "early 2015", "2015-01-01", "quarter"),
        ("en", "Food inflation has risen since mid-2024.", "mid-2024", "2024-07-01", "month"),
        ("en", "Output fell in the third quarter.", "the third quarter", "2024-07-01", "quarter"),
    ],
)
def test_quarters_and_parts_of_years(language, sentence, text, expected, precision):
    record = only_date(sentence, language=language)
    assert (record.text, record.fields) == (text, {"date": expected, "precision": precision})


def test_a_year_part_without_a_year_takes_the_year_given_before_in_the_paragraph():
    found = dates("Fin 2019, le chômage était à 8,1 %. Il avait encore reculé en fin d'année.")
    assert [(record.text, record.fields["date"]) for record in found] == [
        ("Fin 2019", "2019-10-01"),
        ("en fin d'année", "2019-10-01"),
    ]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("fr", "Le taux avait baissé l'an passé.", "2024-01-01"),
        ("fr", "En 2019, le chômage avait reculé ; l'année d'avant, il était stable.", "2018-01-01"),
        ("fr", "En 2019, le chômage avait reculé. La même année, l'emploi a progressé.", "2019-01-01"),
        ("en", "Turnout was higher last year.", "2024-01-01"),
        ("en", "In 2019 prices fell; the year before, they had risen.", "2018-01-01"),
    ],
)
def test_relative_years(language, sentence, expected):
    found = dates(sentence, language=language)
    assert found[-1].fields == {"date": expected, "precision": "year"}


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("fr", "Le comité a écrit le 16 mars ; la veille, il avait voté.", "2025-03-15"),
        ("fr", "La marche a eu lieu samedi ; le lendemain, le bilan a été révisé.", "2025-03-16"),
        ("en", "Prices rose 0.2% in February, after a 0.5% jump the month before.", "2025-01-01"),
        ("en", "The march was on Saturday. The inauguration took place the day before.", "2025-03-14"),
    ],
)
def test_dates_read_against_the_date_given_just_before(language, sentence, expected):
    assert dates(sentence, language=language)[-1].fields["date"] == expected


def test_a_date_dated_by_an_event_is_not_resolved_against_another_date():
    assert dates("The marches drew millions the day after Trump's inauguration.", language="en") == []


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("fr", "Un rassemblement est prévu vendredi 14 mars à Lyon.", "2025-03-14"),
        ("fr", "Une manifestation aura lieu samedi 13 septembre.", "2025-09-13"),
        ("en", "The rally took place on Friday, March 14.", "2025-03-14"),
        ("en", "A rally is planned for Saturday, September 13.", "2025-09-13"),
    ],
)
def test_a_weekday_with_a_day_of_month_takes_the_year_where_the_weekday_is_right(language, sentence, expected):
    assert only_date(sentence, language=language).fields["date"] == expected


PUBLISHED_FRIDAY = date(2025, 3, 21)


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("fr", "Le musée restera fermé jeudi.", "2025-03-27"),
        ("fr", "Le musée a fermé jeudi.", "2025-03-20"),
        ("fr", "Les élus voteront samedi prochain.", "2025-03-22"),
        ("fr", "Les élus se réunissent vendredi prochain.", "2025-03-28"),
        ("fr", "Les élus ont voté vendredi.", "2025-03-21"),
        ("en", "The museum will stay closed on Thursday.", "2025-03-27"),
        ("en", "The museum closed on Thursday.", "2025-03-20"),
        ("en", "Lawmakers meet next Friday.", "2025-03-28"),
        ("en", "The Senate is expected to vote on Tuesday.", "2025-03-25"),
        ("en", "The offensive began last Friday.", "2025-03-14"),
    ],
)
def test_bare_weekdays_resolve_by_tense(language, sentence, expected):
    assert only_date(sentence, PUBLISHED_FRIDAY, language=language).fields["date"] == expected


@pytest.mark.parametrize(
    ("language", "sentence", "precision"),
    [
        ("fr", "Le musée restera fermé jeudi.", "day"),
        ("fr", "Les prix ont baissé la semaine dernière.", "week"),
        ("fr", "Le chômage a reculé au deuxième trimestre.", "quarter"),
        ("en", "The museum closed on Thursday.", "day"),
        ("en", "Prices rose last year.", "year"),
        ("en", "Output fell in the third quarter.", "quarter"),
    ],
)
def test_without_publication_date_relative_dates_are_left_relative(language, sentence, precision):
    record = only_date(sentence, published=None, language=language)
    assert record.fields == {"date": None, "precision": precision}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fr", "Près de 125.000 personnes ont manifesté pour le quatrième samedi consécutif."),
        ("en", "Protesters have marched every Friday."),
    ],
)
def test_a_weekday_of_a_series_is_not_a_date(language, sentence):
    assert dates(sentence, language=language) == []


@pytest.mark.parametrize(
    ("language", "sentence", "text"),
    [
        ("fr", "Le projet de loi de finances pour 2025 a été présenté.", "2025"),
        ("en", "Only the 2001 election drew fewer voters.", "2001"),
    ],
)
def test_a_bare_year_is_a_date(language, sentence, text):
    assert [(record.text, record.fields["precision"]) for record in dates(sentence, language=language)] == [
        (text, "year")
    ]


def test_a_year_shaped_number_that_counts_something_is_not_a_year():
    assert dates("The storm destroyed 2025 homes.", language="en") == []


def test_a_day_relative_word_inside_a_quote_is_the_speakers_day():
    assert dates('"Today is an act of resistance," she said.', language="en") == []
