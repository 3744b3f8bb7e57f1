"""Claim keys: the same fact written by different outlets, in French or English, gets comparable keys."""

from datetime import date

from claims.linking import claim_key, search_terms, value_bounds
from claims.linking.entities import canonical_name


def quantity(value, unit, text, sentence, *, qualifier="exact", language="fr", entities=(), published=None):
    return claim_key(
        kind="quantity",
        reading={"value": value, "qualifier": qualifier, "unit": unit},
        text=text,
        sentence=sentence,
        entities=entities,
        language=language,
        published=published or date(2025, 9, 18),
    )


def test_french_and_english_units_of_one_count_share_a_concept():
    french = quantity(500000, "manifestant", "près de 500 000 manifestants", "Près de 500 000 manifestants.")
    english = quantity(500000, "protester", "500,000 protesters", "Some 500,000 protesters.", language="en")
    assert french.unit_concept == english.unit_concept == "protester"


def test_a_generic_unit_takes_the_specific_word_beside_the_figure():
    key = quantity(1411, "people", "1,411 people", "The toll rose to 1,411 people dead.", language="en")
    assert key.unit_concept == "dead"


def test_rounded_forms_of_one_figure_overlap():
    exact = quantity(2400000, "personne", "2.400.000 personnes", "2.400.000 personnes.")
    rounded = quantity(2.4e6, "personne", "2,4 millions de personnes", "2,4 millions de personnes.")
    about = quantity(2.4e6, "people", "about 2.4 million people", "About 2.4 million people.", qualifier="about")
    for left, right in ((exact, rounded), (exact, about), (rounded, about)):
        assert left.low <= right.high and right.low <= left.high


def test_more_than_reaches_the_next_step_of_its_last_digit_only():
    key = quantity(1400, "mort", "plus de 1400 morts", "Plus de 1400 morts.", qualifier="more_than")
    assert key.low <= 1411 <= key.high
    assert key.high < 2205


def test_dollars_are_compared_as_euros():
    euros = quantity(88e6, "euro", "88 millions d'euros", "Un préjudice de 88 millions d'euros.")
    dollars = quantity(102e6, "dollar", "$102 million", "A loss of $102 million.", language="en")
    assert euros.unit_concept == dollars.unit_concept == "euro"
    assert euros.low <= dollars.high and dollars.low <= euros.high


def test_transliterations_and_translations_of_a_name_meet():
    assert canonical_name("Zelenskyy") == canonical_name("Zelenskiy") == canonical_name("Zelensky")
    assert canonical_name("Moudjahid") == canonical_name("Mujahid")
    assert canonical_name("Moscou") == canonical_name("Moscow")
    assert canonical_name("le ministère de l'Intérieur") == canonical_name("Interior Ministry")


def test_names_are_found_in_an_english_sentence_without_a_model():
    key = quantity(
        800, "people", "800 people", "Spokesman Zabihullah Mujahid said 800 people died in Kunar.", language="en"
    )
    assert {"mujahid", "kunar"} <= key.entities


def test_whose_figure_and_which_scope_are_read_from_the_sentence():
    organisers = quantity(
        1e6, "personne", "un million de personnes", "Selon la CGT, un million de personnes ont défilé."
    )
    national = quantity(
        506000,
        "manifestant",
        "506 000 manifestants",
        "Le ministère de l'Intérieur compte 506 000 manifestants dans toute la France.",
    )
    assert organisers.source == "organisers"
    assert national.source == "authorities"
    assert national.scope_place == "national"


def test_a_year_other_than_the_publication_is_the_period_counted():
    key = quantity(
        4000,
        "mort",
        "plus de 4 000 morts",
        "Le séisme de Herat en 2023 avait fait plus de 4 000 morts.",
        qualifier="more_than",
    )
    assert key.scope_period == "2023"


def test_search_terms_and_bounds_ask_the_archive_for_the_concept_names_and_a_wider_range():
    key = quantity(
        800, "people", "800 people", "Spokesman Zabihullah Mujahid said 800 people died in Kunar.", language="en"
    )
    terms = search_terms(key)
    assert "dead" in terms and "mujahid" in terms
    low, high = value_bounds(key)
    assert low < key.low and high > key.high
