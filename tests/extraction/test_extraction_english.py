"""English copy (en_core_web_sm): number marks, counted nouns, attribution and dates."""

from datetime import date

import pytest

from claims.extraction import extract

PUBLISHED = date(2025, 6, 10)  # a Tuesday


def records(text, kind):
    return [record for record in extract(text, language="en", published=PUBLISHED) if record.kind == kind]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The insurer will hire 3,400 nurses this autumn.", 3400.0),
        ("The airline carried 12,750,000 passengers.", 12750000.0),
        ("The port handled 2,500.5 tonnes of grain.", 2500.5),
    ],
)
def test_english_comma_groups_thousands(text, value):
    (record,) = records(text, "quantity")
    assert record.fields["value"] == value


def test_english_decimal_point_with_a_multiplier():
    (record,) = records("The fund raised 2.5 billion dollars.", "quantity")
    assert record.fields["value"] == 2.5e9
    assert record.fields["unit"] == "dollar"


def test_french_comma_stays_a_decimal_mark():
    (record,) = [r for r in extract("Le fonds a levé 2,500 milliards d'euros.") if r.kind == "quantity"]
    assert record.fields["value"] == 2.5e9


def test_english_unit_is_a_singular_noun():
    (record,) = records("The carmaker will cut 4,300 workers.", "quantity")
    assert record.fields["unit"] == "worker"


def test_participle_after_a_number_is_not_its_unit():
    (record,) = records("Fewer than 1,500 homes were sold, down from more than 3,000 expected.", "quantity")[1:]
    # Not "expected": the figure counts what the one before it in the sentence counts, left understood.
    assert record.fields == {
        "value": 3000.0,
        "value_max": None,
        "qualifier": "more_than",
        "unit": "home",
        "unit_key": "home",
    }


def test_speaker_named_between_the_quote_and_the_verb():
    (record,) = records('"The talks are over," union leader Maria Lopez told the crowd on Friday.', "quote")
    assert record.fields == {
        "speaker": "Maria Lopez",
        "speaker_mention": "union leader Maria Lopez",
        "quote": "The talks are over",
        "fragment": False,
    }


def test_verb_before_the_speaker_after_the_quote():
    (record,) = records('"We will rebuild every school," said Education Secretary Tom Baker.', "quote")
    assert (record.fields["speaker"], record.fields["speaker_mention"]) == (
        "Tom Baker",
        "Education Secretary Tom Baker",
    )


def test_pronoun_after_a_quote_takes_the_previous_speaker_of_the_paragraph():
    text = '"Costs have doubled," Anna Kowalski warned. "We cannot wait," she added.'
    assert [record.fields["speaker"] for record in records(text, "quote")] == ["Anna Kowalski", "Anna Kowalski"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plant will close by March.", ("by March", "2026-03-01", "month")),
        ("The strike began last week.", ("last week", "2025-06-02", "week")),
        ("The vote is due next week.", ("next week", "2025-06-16", "week")),
        ("Parliament met on 3 March.", ("3 March", "2025-03-03", "day")),
        ("Parliament met on March 3, 2024.", ("March 3, 2024", "2024-03-03", "day")),
        ("The board met on Friday.", ("Friday", "2025-06-06", "day")),
    ],
)
def test_english_dates_resolve_against_the_publication_date(text, expected):
    (record,) = records(text, "date")
    assert (record.text, record.fields["date"], record.fields["precision"]) == expected


def test_capitalised_month_may_is_not_a_hedge():
    (record,) = records("Exports fell by 40 tonnes in May.", "quantity")
    assert not record.hypothetical
