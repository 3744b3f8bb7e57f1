"""Claim keys: the same fact written by different outlets, in French or English, gets comparable keys."""

from datetime import date

from claims.linking import ClaimKey, claim_key, search_terms, value_bounds
from claims.linking.entities import canonical_name
from tests.linking.keying import quantity_key

quantity = quantity_key


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


def test_each_figure_of_a_sentence_takes_the_source_cited_beside_it():
    sentence = (
        "The two tolls never matched: over 4,000 dead according to the Taliban government, "
        "about 1,500 according to the United Nations."
    )
    taliban = quantity(4000, "dead", "over 4,000 dead", sentence, qualifier="more_than", language="en")
    united_nations = quantity(1500, None, "about 1,500", sentence, qualifier="about", language="en")
    assert taliban.source == "authorities"
    assert united_nations.source == "united_nations"


def test_a_day_named_before_the_figure_is_the_day_it_counts():
    key = quantity(
        175000,
        "manifestant",
        "175 000 manifestants",
        "Le 10 septembre, l'Intérieur avait recensé 175 000 manifestants.",
    )
    assert key.scope_period == "2025-09-10"


def test_a_day_named_after_the_figure_in_another_clause_dates_something_else():
    key = quantity(
        80000,
        "police",
        "80,000 police",
        "The government kept 80,000 police on duty, the same force it had used on September 10.",
        language="en",
    )
    assert key.scope_period is None


def test_a_place_opening_the_sentence_is_the_place_counted():
    key = quantity(55000, "personne", "55 000 personnes", "À Paris, la préfecture a compté 55 000 personnes.")
    assert key.scope_place == "paris"


def test_a_place_of_another_figure_is_not_this_figures_place():
    key = quantity(
        505000,
        "personne",
        "505 000 personnes",
        "Le ministère avait compté 505 000 personnes dans les cortèges, parmi lesquelles 55 000 à Paris.",
    )
    assert key.scope_place is None


def test_a_part_of_a_figure_and_a_model_name_are_told_apart():
    sentence = "The strike hit as many as 20 warplanes, of which around 10 were destroyed, including two A-50 aircraft."
    part = quantity(10, None, "around 10", sentence, qualifier="about", language="en")
    model = quantity(50, "aircraft", "50 aircraft", sentence, language="en")
    assert part.subset
    assert model.value is None and model.low is None


def test_a_tolls_verb_before_a_generic_unit_makes_it_a_toll():
    key = quantity(812, "personne", "812 personnes", "Le séisme a tué 812 personnes en Afghanistan.")
    assert key.unit_concept == "dead"
    assert key.scope_place == "national"


def test_a_key_stored_as_json_ranks_the_same_once_read_back():
    import json

    from claims.linking import rank

    key = quantity(
        800, "people", "800 people", "Spokesman Zabihullah Mujahid said 800 people died in Kunar.", language="en"
    )
    other = quantity(800, "mort", "800 morts", "Le porte-parole Zabihullah Moudjahid annonce 800 morts à Kounar.")
    stored = ClaimKey.from_dict(json.loads(json.dumps(key.as_dict())))
    assert stored == key
    assert rank(stored, [(1, other)]) == rank(key, [(1, other)])


def test_search_terms_of_one_fact_in_french_and_english_share_their_canonical_tokens():
    french = quantity(
        800,
        "mort",
        "800 morts",
        "Le porte-parole Zabihullah Moudjahid annonce 800 morts à Kounar.",
        entities=["Kounar"],
    )
    english = quantity(
        800, "people", "800 people", "Spokesman Zabihullah Mujahid said 800 people died in Kunar.", language="en"
    )
    shared = set(search_terms(french)) & set(search_terms(english))
    assert {"dead", "kunar", "mujahid"} <= shared
    assert all(term.isascii() and term.isalnum() and term.islower() for term in search_terms(french))


def test_keys_from_database_times_and_plain_dates_compare():
    from datetime import UTC, datetime

    from claims.linking import rank

    aware = quantity(
        41, "avion", "41 avions", "41 avions russes touchés.", published=datetime(2025, 6, 1, 20, tzinfo=UTC)
    )
    plain = quantity(
        41, "aircraft", "41 aircraft", "41 Russian aircraft hit.", language="en", published=date(2025, 6, 2)
    )
    assert rank(aware, [(1, plain)])[0].candidate_id == 1


def test_a_title_before_a_speaker_is_not_part_of_the_name():
    from claims.linking.entities import canonical_name

    assert canonical_name("M. Zelensky") == canonical_name("President Zelenskyy") == canonical_name("Zelensky")


def keyed(value, unit, unit_key, text, sentence, *, language="fr"):
    """A claim as the extractor reads it: with its canonical `unit_key`."""
    return quantity_key(value, unit, text, sentence, unit_key=unit_key, language=language, published=date(2025, 10, 21))


def test_the_extractors_unit_key_meets_the_unit_the_lexicon_reads():
    keyed_toll = keyed(800, "people", "death", "800 people", "Officials said 800 people died.", language="en")
    read_toll = quantity(800, "mort", "800 morts", "Le bilan atteint 800 morts.")
    assert keyed_toll.unit_concept == read_toll.unit_concept == "dead"
    assert keyed_toll.cumulative
    officers = keyed(26, "officer", "police_officer", "26 officers", "26 officers were hurt.", language="en")
    assert officers.unit_concept == quantity(26, "policier", "26 policiers", "26 policiers blessés.").unit_concept


def test_amounts_keyed_in_other_currencies_are_compared_as_euros():
    euros = keyed(88e6, "euro", "EUR", "88 millions d'euros", "Les bijoux volés valent 88 millions d'euros.")
    dollars = keyed(102e6, "dollar", "USD", "$102m", "The jewels were valued at $102m.", language="en")
    pounds = keyed(76e6, "pound", "GBP", "£76m", "The jewels were valued at £76m.", language="en")
    assert euros.unit_concept == dollars.unit_concept == pounds.unit_concept == "euro"
    for other in (dollars, pounds):
        assert euros.low <= other.high and other.low <= euros.high


def test_a_unit_key_the_lexicon_does_not_list_is_kept_as_the_extractor_wrote_it():
    key = keyed(3, "ambulance", "ambulance", "three ambulances", "Three ambulances arrived.", language="en")
    assert key.unit_concept == "ambulance"


def test_a_part_word_before_the_figures_clause_singles_out_something_else():
    french = quantity(
        4300,
        "km",
        "4 300 km",
        "La Russie a admis des dégâts sur deux bases, notamment Belaïa, à 4 300 km de la frontière.",
    )
    english = quantity(
        4300,
        "km",
        "4,300 km",
        "Russia admitted damage at two bases, including Belaya, 4,300 km from the border.",
        language="en",
    )
    part = quantity(31, None, "31", "Les autorités ont procédé à 309 interpellations, dont 31 dans la capitale.")
    assert not french.subset and not english.subset
    assert part.subset


def keyed_after(before, value, unit, text, sentence, *, language="fr", published=date(2025, 9, 18)):
    """A claim whose article says `before` just ahead of its sentence."""
    before += sentence[: sentence.find(text)]
    return quantity_key(value, unit, text, sentence, language=language, published=published, before=before)


def test_the_sentence_before_gives_the_source_a_french_claim_leaves_out():
    key = keyed_after(
        "L'opération a demandé des mois de préparation. Le SBU avance un bilan ambitieux. ",
        6e9,
        "euro",
        "6 milliards d'euros",
        "Le montant des dégâts est estimé à 6 milliards d'euros.",
    )
    assert key.source == "ukraine"


def test_the_sentence_before_gives_the_day_an_english_claim_leaves_out():
    key = keyed_after(
        'That day, September 10, had been called on social media under the banner "Block Everything". ',
        250000,
        "people",
        "250,000 people",
        "The Interior Ministry counted 175,000 people in the streets, the CGT union 250,000 people.",
        language="en",
    )
    assert key.scope_period == "2025-09-10"
    assert key.source == "organisers"  # its own sentence names its source


def test_a_claims_own_sentence_outweighs_the_one_before():
    key = keyed_after(
        "Les syndicats font moins bien que le 18 septembre. ",
        195000,
        "manifestant",
        "195 000 manifestants",
        "Le ministère de l'Intérieur a compté 195 000 manifestants ce jeudi 2 octobre.",
        published=date(2025, 10, 2),
    )
    assert (key.source, key.scope_period) == ("authorities", "2025-10-02")


def test_a_new_paragraph_does_not_inherit_the_last_ones_source_or_day():
    key = keyed_after(
        "Ukraine's security service, the SBU, says it hit 41 aircraft on June 1.\n\n",
        7e9,
        "dollar",
        "$7 billion",
        "The damage is put at $7 billion.",
        language="en",
        published=date(2025, 6, 2),
    )
    assert (key.source, key.scope_period) == (None, None)


def test_a_nationality_that_qualifies_the_counted_noun_cites_no_one():
    key = quantity(
        4,
        "airfield",
        "four Russian military airfields",
        "Kyiv says the drones struck four Russian military airfields, separated by thousands of miles.",
        language="en",
    )
    assert key.source == "ukraine"


def test_a_country_after_a_place_preposition_is_where_not_who():
    french = quantity(117, "drone", "117 drones", "Les 117 drones ont décollé de camions garés en Russie.")
    english = quantity(
        117, "drone", "117 drones", "The 117 drones were launched from trucks parked in Russia.", language="en"
    )
    assert french.source is None and english.source is None


def test_a_source_named_before_its_figure_in_one_clause_is_still_cited():
    key = quantity(
        250000, "people", "250,000 people", "The ministry counted 175,000, the CGT union 250,000 people.", language="en"
    )
    assert key.source == "organisers"


def test_a_longer_unit_phrase_in_the_claims_own_words_says_what_is_counted():
    english = quantity(
        117, "vehicle", "117 unmanned aerial vehicles", "Kyiv launched 117 unmanned aerial vehicles.", language="en"
    )
    french = quantity(
        30, "véhicule", "30 véhicules aériens sans pilote", "L'armée a abattu 30 véhicules aériens sans pilote."
    )
    assert english.unit_concept == "drone"
    assert french.unit_concept == "drone"


def test_a_country_the_sentence_before_is_about_is_no_source():
    key = keyed_after(
        "Ukraine had never before hit Siberia. ",
        5000,
        "kilometre",
        "almost 5,000 kilometers",
        "The Belaya base lies almost 5,000 kilometers from the front.",
        language="en",
        published=date(2025, 6, 3),
    )
    assert key.source is None


def test_the_place_of_a_figure_is_the_one_nearest_its_words_either_side():
    french = quantity(
        20000, "", "plus de 20 000", "La CGT revendique 25 000 manifestants à Nantes et plus de 20 000 à Nice."
    )
    english = quantity(
        20000, "", "over 20,000", "The CGT claimed 25,000 marchers in Nantes and over 20,000 in Nice.", language="en"
    )
    assert french.scope_place == english.scope_place == "nice"


def test_a_year_a_comparison_reaches_back_to_is_not_the_period_counted():
    french = quantity(20000, "", "20 000", "À Nice, 20 000 manifestants, du jamais vu depuis 2010.")
    english = quantity(20000, "", "20,000", "In Nice, 20,000 marched, the most since 2010.", language="en")
    assert french.scope_period is None and english.scope_period is None


def test_people_held_in_custody_are_another_count_than_the_arrests():
    french = keyed(
        134,
        "personne",
        "arrest",
        "134 personnes",
        "309 personnes ont été interpellées et 134 personnes ont été placées en garde à vue.",
    )
    english = quantity(134, "detention", "134 detentions", "Officials reported 309 arrests and 134 detentions.")
    arrests = quantity(309, "arrest", "309 arrests", "Officials reported 309 arrests and 134 detentions.")
    assert french.unit_concept == english.unit_concept == "custody"
    assert arrests.unit_concept == "arrest"


def test_what_follows_a_keyed_generic_unit_says_what_it_counts():
    french = keyed(
        1411, "personne", "person", "1411 personnes", "Dans la province de Kounar, 1411 personnes ont perdu la vie."
    )
    english = keyed(1411, "people", "person", "1,411 people", "In Kunar province, 1,411 people died.", language="en")
    assert french.unit_concept == english.unit_concept == "dead"


def test_a_share_of_strikers_in_the_ecoles_is_the_primary_schools_share():
    french = quantity(17.48, "%", "17,48 %", "On compte 17,48 % de grévistes dans les écoles.")
    english = quantity(17.48, "%", "17.48%", "Some 17.48% were on strike in primary schools.", language="en")
    assert french.scope_place == english.scope_place == "primary_schools"


def test_a_date_without_its_year_spans_no_days():
    key = claim_key(
        kind="date",
        reading={"date": "--11-09", "precision": "day"},
        text="le 9 novembre",
        sentence="Le sommet s'est tenu le 9 novembre.",
        entities=(),
        language="fr",
        published=None,
    )
    assert (key.date_start, key.date_end) == (None, None)
