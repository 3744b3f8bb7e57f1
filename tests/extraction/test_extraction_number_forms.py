"""The forms real copy gives numbers and units, each in French and in English (issue 13, items 2-4)."""

from datetime import date

import pytest

from claims.extraction import extract

PUBLISHED = date(2025, 6, 10)


def quantities(text, language):
    return [record for record in extract(text, language=language, published=PUBLISHED) if record.kind == "quantity"]


def reading(text, language):
    """The one quantity of `text`, as (span, fields without the empty ones)."""
    found = quantities(text, language)
    assert len(found) == 1, [(record.text, record.fields) for record in found]
    return found[0].text, {name: value for name, value in found[0].fields.items() if value is not None}


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("fr", "La commune compte 318'500 habitants.", 318500),
        ("fr", "La commune compte 318\u2009500 habitants.", 318500),
        ("fr", "La commune compte 318\u202f500 habitants.", 318500),
        ("fr", "Le texte a recueilli 1'664'224 voix.", 1664224),
        ("en", "The canton has 318'500 residents.", 318500),
        ("en", "The proposal won 1'609'152 votes.", 1609152),
    ],
)
def test_apostrophe_and_thin_space_group_thousands(language, text, value):
    assert reading(text, language)[1]["value"] == value


def test_points_group_thousands_in_french_copy():
    assert reading("Il s'établit à 3.418.600 inscrits.", "fr")[1]["value"] == 3418600


def test_english_comma_groups_thousands_only_in_english():
    assert reading("The price reached 1,200 euros.", "en")[1]["value"] == 1200
    assert reading("Le prix atteint 1,200 euro.", "fr")[1]["value"] == 1.2


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Il compte 3.418.600 inscrits (-14.500, -0,7 %) sur le trimestre.", [3418600, -14500, -0.7]),
        ("fr", "Le taux de chômage a reculé de 1,2 point.", [-1.2]),
        ("fr", "On compte 44.600 chômeurs de moins.", [-44600]),
        ("en", "Sales were down 3% in March.", [-3]),
        ("en", "The Conservatives fell by 20 points.", [-20]),
        ("en", "Exports grew by 1.9 points.", [1.9]),
    ],
)
def test_changes_keep_their_sign(language, text, expected):
    assert [record.fields["value"] for record in quantities(text, language)] == expected


def test_a_level_reached_is_not_a_fall():
    assert reading("Le chômage a reculé à 7,4 %.", "fr")[1]["value"] == 7.4


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Les deux alliés ont promis 41 et 37 milliards de dollars."),
        ("en", "The two allies pledged 41 and 37 billion dollars."),
    ],
)
def test_coordinated_numbers_share_the_scale_and_unit(language, text):
    first, second = [record.fields for record in quantities(text, language)][1:]
    assert (first["value"], first["unit_key"]) == (41e9, "USD")
    assert (second["value"], second["unit_key"]) == (37e9, "USD")


@pytest.mark.parametrize(
    ("language", "text", "span", "bounds", "unit_key"),
    [
        (
            "fr",
            "Le parti obtiendrait entre 120 et jusqu'à 150 sièges.",
            "entre 120 et jusqu'à 150 sièges",
            (120, 150),
            "seat",
        ),
        ("fr", "L'offre vise les 18-25 ans.", "18-25 ans", (18, 25), "year"),
        (
            "fr",
            "Entre 5 et 10 millions de personnes ont manifesté.",
            "Entre 5 et 10 millions de personnes",
            (5e6, 1e7),
            "protester",
        ),
        (
            "en",
            "Between 15,000 and 40,000 protesters gathered.",
            "Between 15,000 and 40,000 protesters",
            (15000, 40000),
            "protester",
        ),
        ("en", "The vaccine is offered to children aged 5 to 17.", "5 to 17", (5, 17), "year"),
        (
            "en",
            "Losses were between $135 billion and $150 billion.",
            "between $135 billion and $150 billion",
            (135e9, 150e9),
            "USD",
        ),
    ],
)
def test_ranges_with_their_bound_words(language, text, span, bounds, unit_key):
    found_span, fields = reading(text, language)
    assert (found_span, (fields["value"], fields["value_max"]), fields["qualifier"]) == (span, bounds, "range")
    assert fields["unit_key"] == unit_key


@pytest.mark.parametrize(
    ("language", "text", "new", "old", "unit_key"),
    [
        ("fr", "Le nombre de cas passe de 290 à 329.", 329, 290, "case"),
        ("fr", "La candidate progresse, elle, de 33,9 % à 41,46 %.", 41.46, 33.9, "percent"),
        ("en", "Turnout rose from 62 to 64 percent.", 64, 62, "percent"),
        ("en", "The party's seats went from 12 to 20 seats.", 20, 12, "seat"),
    ],
)
def test_from_x_to_y_is_a_change_of_one_quantity(language, text, new, old, unit_key):
    fields = reading(text, language)[1]
    assert (fields["value"], fields["value_old"], fields["qualifier"], fields["unit_key"]) == (
        new,
        old,
        "exact",
        unit_key,
    )
    assert "value_max" not in fields


def test_a_span_of_years_is_not_a_quantity():
    assert quantities("The 2023-24 school year saw 39 cases.", "en")[0].text == "39 cases"


@pytest.mark.parametrize(
    ("language", "text", "value", "per"),
    [
        ("fr", "Un TGV sur trois a été annulé.", 1, "3"),
        ("fr", "Plus d'un électeur sur trois s'est abstenu.", 1, "3 voter"),
        ("fr", "Au moins 12 des 23 cantons ont dit oui.", 12, "23 canton"),
        ("en", "One in three Americans voted early.", 1, "3"),
        ("en", "Labour won 412 of the 650 seats.", 412, "650 seat"),
    ],
)
def test_proportions_keep_their_denominator(language, text, value, per):
    fields = reading(text, language)[1]
    assert (fields["value"], fields["per"]) == (value, per)


@pytest.mark.parametrize(
    ("language", "text", "span", "value", "qualifier", "unit", "per"),
    [
        ("fr", "Un tiers des électeurs se sont abstenus.", "Un tiers", 1, "exact", "tiers", "3"),
        ("fr", "Plus de la moitié des communes sont touchées.", "Plus de la moitié", 1, "more_than", "moitié", "2"),
        ("fr", "Les trois quarts des habitants ont voté.", "trois quarts", 3, "exact", "quart", "4"),
        ("fr", "Les trois quarts ont voté.", "trois quarts", 3, "exact", "quart", "4"),
        ("fr", "Environ deux tiers des 60 milliards viendront des économies.", None, 2, "about", "tiers", "3"),
        ("en", "A third of voters stayed home.", "A third", 1, "exact", "third", "3"),
        ("en", "Half of the schools closed.", "Half", 1, "exact", "half", "2"),
        ("en", "More than half the population needs aid.", "More than half", 1, "more_than", "half", "2"),
        ("en", "Two-thirds of the money went to defence.", "Two-thirds", 2, "exact", "third", "3"),
        ("en", "Labour won half of the 650 seats.", "half of the 650 seats", 1, "exact", "half", "2"),
    ],
)
def test_fraction_words_are_shares_with_their_denominator(language, text, span, value, qualifier, unit, per):
    found_span, fields = reading(text, language)
    assert (fields["value"], fields["qualifier"], fields["unit"], fields["unit_key"], fields["per"]) == (
        value,
        qualifier,
        unit,
        "fraction",
        per,
    )
    assert span is None or found_span == span


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "La première moitié de l'année fut calme."),
        ("fr", "Il a attendu un quart d'heure."),
        ("en", "Prices rose in the second half of the year."),
        ("en", "The economy grew in the third quarter of 2024."),
        ("en", "He waited a quarter of an hour."),
        ("en", "Rescuers dug for a third day."),
    ],
)
def test_periods_and_ordinals_are_not_fractions(language, text):
    assert not [record for record in quantities(text, language) if record.fields["unit_key"] == "fraction"]


@pytest.mark.parametrize(
    ("language", "text", "qualifier"),
    [
        ("fr", "Les 65 ans et plus sont prioritaires.", "at_least"),
        ("fr", "Les 50 ans ou plus sont concernés.", "at_least"),
        ("fr", "Le déficit passera sous la barre des 3 % du PIB.", "less_than"),
        ("fr", "Le bilan dépasse les 200 morts.", "more_than"),
        ("fr", "Il faudra deux semaines environ.", "about"),
        ("en", "Children aged 4 and under are most at risk.", "at_most"),
        ("en", "Patients 17 or younger were admitted.", "at_most"),
        ("en", "The storm destroyed up to 500 homes.", "at_most"),
        ("en", "An estimated 3.2 million people marched.", "about"),
        ("en", "Support dropped almost 12 points.", "about"),
        ("en", "The Pentagon will send around a further 1,000 troops.", "about"),
        ("en", "Close to 200 aftershocks were recorded.", "about"),
        ("en", "Damage could be as high as $250 billion.", "at_most"),
    ],
)
def test_qualifiers_before_and_after_the_number(language, text, qualifier):
    assert reading(text, language)[1]["qualifier"] == qualifier


@pytest.mark.parametrize(
    ("language", "text", "span", "unit_key"),
    [
        ("fr", "Le bilan s'établit à 347.", "347", "death"),
        ("fr", "Le bilan humain a franchi la barre des 200.", "franchi la barre des 200", "death"),
        ("en", "The death toll passed 1,500 on Monday.", "passed 1,500", "death"),
        ("en", "The toll stood at 9,500.", "9,500", "death"),
        ("fr", "Le nombre de logements détruits dépasse 5 300.", "dépasse 5 300", "home"),
        ("en", "The number of structures destroyed rose to more than 5,300.", "more than 5,300", "building"),
        ("fr", "La préfecture estime l'affluence à 12 000.", "12 000", "protester"),
        ("en", "Officials put the attendance at about 1.6 million.", "about 1.6 million", "protester"),
    ],
)
def test_a_number_with_no_noun_takes_its_subjects_unit(language, text, span, unit_key):
    found_span, fields = reading(text, language)
    assert (found_span, fields["unit_key"]) == (span, unit_key)


@pytest.mark.parametrize(
    ("language", "text", "unit_key"),
    [
        ("fr", "Au moins 1 800 personnes sont mortes et 3 700 ont été blessées.", "injured"),
        ("en", "In Syria 1,800 people died and 3,700 were hurt.", "injured"),
    ],
)
def test_a_figure_left_understood_counts_what_the_one_before_it_counts(language, text, unit_key):
    first, second = quantities(text, language)
    assert first.fields["unit_key"] == "death"
    assert (second.fields["unit"], second.fields["unit_key"]) == (first.fields["unit"], unit_key)


@pytest.mark.parametrize(
    ("language", "text", "unit_key"),
    [
        ("fr", "Madrid a déployé 1 700 soldats. Selon la presse, 500 autres sont attendus mardi.", "soldier"),
        ("en", "Kyiv has 1,700 troops there. The Pentagon says 500 more will follow.", "soldier"),
    ],
)
def test_others_and_more_take_the_unit_named_before(language, text, unit_key):
    assert [record.fields["unit_key"] for record in quantities(text, language)] == [unit_key, unit_key]


def test_a_word_the_lexicon_knows_is_the_unit_whatever_the_tagger_says():
    assert reading("Une cinquantaine de lycéens ont bloqué le lycée.", "fr")[1]["unit_key"] == "student"


@pytest.mark.parametrize(
    ("language", "text", "unit_key"),
    [
        ("fr", "Le budget prévoit 62 milliards d'euros d'économies. L'État doit trouver 40 milliards.", "EUR"),
        ("en", "The plan costs £40bn. Ministers hope to raise 25 billion from taxes.", "GBP"),
    ],
)
def test_a_scale_word_with_no_noun_takes_the_currency_named_before(language, text, unit_key):
    assert [record.fields["unit_key"] for record in quantities(text, language)] == [unit_key, unit_key]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Le budget prévoit 60 milliards d'euros d'économies. Les collectivités en paieront des milliards."),
        ("en", "The budget raises £40bn in taxes. Capital gains tax and VAT account for billions more."),
    ],
)
def test_bare_billions_are_money_in_the_currency_named_before(language, text):
    assert quantities(text, language)[-1].fields["unit_key"] == quantities(text, language)[0].fields["unit_key"]


@pytest.mark.parametrize(
    ("language", "text", "unit_key"),
    [
        ("fr", "Les dépenses atteignent 41 milliards d'euros (défense 12, santé 9, éducation 8).", "EUR"),
        ("en", "Spending of $41 billion (defence 12, health 9 and education 8) was approved.", "USD"),
    ],
)
def test_a_bracketed_list_after_a_scaled_figure_is_in_its_scale(language, text, unit_key):
    found = [(record.fields["value"], record.fields["unit_key"]) for record in quantities(text, language)]
    assert found == [(41e9, unit_key), (12e9, unit_key), (9e9, unit_key), (8e9, unit_key)]


def test_a_rate_in_brackets_keeps_its_own_scale():
    found = quantities("The bill costs $41 billion (about 12 per person).", "en")
    assert [record.fields["value"] for record in found] == [41e9, 12]


def test_a_currency_named_two_paragraphs_before_is_not_carried():
    text = "Le fonds dispose de 3 milliards d'euros.\nLe marché est calme.\nLa ville compte 5 millions."
    assert quantities(text, "fr")[-1].fields["unit"] is None


@pytest.mark.parametrize(
    ("language", "text", "unit", "unit_key"),
    [
        ("fr", "L'armée a reçu 12 chars lourds.", "char lourd", "tank"),
        ("fr", "Paris livre 3 systèmes de missiles sol-air.", "système de missile sol-air", "air_defence_system"),
        ("fr", "On compte 45 cas sévères.", "cas sévère", "case"),
        ("fr", "Ils ont formé 30 chefs d'État.", "chef d'État", None),
        ("en", "Kyiv received 3,000 anti-tank missiles.", "missile", "missile"),
        ("en", "Crews reported 415 road closures.", "road closure", "road_closure"),
        ("en", "The fire burned nearly 60 square miles.", "square mile", "square_mile"),
        ("en", "More than 40,000 NHS appointments were cancelled.", "appointment", "appointment"),
    ],
)
def test_compound_units_are_kept_whole_and_english_units_come_from_the_head_noun(language, text, unit, unit_key):
    fields = reading(text, language)[1]
    assert (fields["unit"], fields.get("unit_key")) == (unit, unit_key)


@pytest.mark.parametrize(
    ("language", "text", "per"),
    [
        ("fr", "L'incidence atteint 412 cas pour 100 000 habitants.", "100000 inhabitant"),
        ("fr", "La mortalité infantile est de 25/1 000.", "1000"),
        ("fr", "Les marcheurs parcourent 12 kilomètres par jour.", "1 day"),
        ("en", "The NHS will offer 40,000 appointments a week.", "1 week"),
        ("en", "Spending reached $500 per capita.", "1 person"),
        ("en", "The rate was 5.7 deaths per 100,000 people.", "100000 person"),
        ("en", "Deaths rose to 3.1 per 100,000.", "100000 person"),
    ],
)
def test_rates_keep_their_denominator_in_one_claim(language, text, per):
    assert reading(text, language)[1]["per"] == per


@pytest.mark.parametrize(
    ("french", "english", "unit_key"),
    [
        ("Plus de 3 000 manifestants ont défilé.", "More than 3,000 protesters marched.", "protester"),
        ("Trente pays ont signé.", "Thirty countries signed.", "country"),
        ("Paris enverra 500 soldats.", "Washington will send 500 troops.", "soldier"),
        ("Le prêt atteint 20 millions d'euros.", "The loan reached €20 million.", "EUR"),
        ("Le prêt atteint 20 millions EUR.", "The loan reached 20 million EUR.", "EUR"),
        ("Au moins 40 personnes ont été tuées.", "At least 40 people were killed.", "death"),
        ("La tempête a tué au moins 40 personnes.", "The storm killed at least 40 people.", "death"),
        ("On déplore les décès de 15 personnes.", "Crowds mourned the deaths of 15 people.", "death"),
        ("Environ 197 000 personnes ont participé aux actions.", "About 197,000 people took part.", "protester"),
        (
            "La guerre a chassé 13 millions de personnes.",
            "The war has forced 13 million people from their homes.",
            "displaced_person",
        ),
    ],
)
def test_the_unit_key_is_the_same_in_french_and_english(french, english, unit_key):
    assert reading(french, "fr")[1]["unit_key"] == unit_key
    assert reading(english, "en")[1]["unit_key"] == unit_key


@pytest.mark.parametrize(
    ("language", "text", "unit_key"),
    [
        ("en", "The war has killed tens of thousands of people, pushed parts of the country into famine.", "death"),
        ("en", "An estimated 3.2 million people joined women's marches.", "protester"),
        ("en", "A rally against nuclear weapons drew 1 million people.", "protester"),
        ("en", "Thousands of people filled the square in the largest protest in years.", "protester"),
        ("fr", "La manifestation a réuni 20 000 personnes.", "protester"),
        ("en", "The conflict has provoked the displacement of 13 million people.", "displaced_person"),
        ("en", "The number of people killed by the earthquake passed 9,500.", "death"),
    ],
)
def test_generic_people_take_the_key_of_the_verb_or_event_they_go_with(language, text, unit_key):
    assert quantities(text, language)[-1].fields["unit_key"] == unit_key


def test_a_figure_after_an_age_adjusted_rate_is_not_an_age():
    text = "The age-adjusted death rate rose to 21.6 per 100,000."
    assert reading(text, "en")[1]["unit_key"] == "death"


def test_english_claims_carry_the_people_and_places_of_their_sentence():
    records = extract("Joe Biden said Ukraine would receive 3,000 missiles.", language="en", published=PUBLISHED)
    entities = {(record.text, record.fields["label"]) for record in records if record.kind == "entity"}
    assert {("Joe Biden", "PER"), ("Ukraine", "LOC")} <= entities
    (quantity,) = [record for record in records if record.kind == "quantity"]
    assert {(mention.text, mention.label) for mention in quantity.entities} >= {
        ("Joe Biden", "PER"),
        ("Ukraine", "LOC"),
    }
