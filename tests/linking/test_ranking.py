"""Ranking: the same fact comes first; contradictions, updates and different scopes are told apart, in words."""

from datetime import date, datetime

from claims.linking import Relation, rank
from tests.linking.keying import quantity_key


def quantity(value, unit, sentence, *, text=None, qualifier="exact", language="fr", published=date(2025, 9, 18)):
    return quantity_key(
        value, unit, text or sentence, sentence, qualifier=qualifier, language=language, published=published
    )


def test_the_same_count_in_the_other_language_ranks_first():
    claim = quantity(41, "avion", "Selon Kyiv, 41 avions russes ont été touchés sur quatre bases aériennes.")
    candidates = [
        (1, quantity(117, "drone", "Ukraine used 117 drones in the attack.", language="en")),
        (2, quantity(41, "aircraft", "Kyiv says 41 Russian aircraft were hit at four air bases.", language="en")),
        (3, quantity(4, "base", "Four air bases were hit, Kyiv says.", language="en")),
    ]
    ranked = rank(claim, candidates)
    assert ranked[0].candidate_id == 2
    assert ranked[0].relation == Relation.SAME_AS
    assert any("same unit" in reason for reason in ranked[0].reasons)


def test_police_and_organisers_figures_for_one_march_contradict_and_say_so():
    police = quantity(
        12000, "personne", "Selon la police, 12 000 personnes ont manifesté à Nantes jeudi.", text="12 000 personnes"
    )
    organisers = quantity(
        40000,
        "manifestant",
        "Selon les organisateurs, 40 000 manifestants ont défilé à Nantes jeudi.",
        text="40 000 manifestants",
    )
    [suggestion] = rank(police, [(7, organisers)])
    assert suggestion.relation == Relation.CONTRADICTS
    assert any("police" in reason and "organisers" in reason for reason in suggestion.reasons)


def test_a_later_bulletin_with_a_higher_toll_is_an_update():
    first = quantity(
        95,
        "mort",
        "Les inondations ont fait 95 morts dans la région de Valence, selon les secours.",
        published=datetime(2024, 10, 30, 9),
    )
    later = quantity(
        158,
        "mort",
        "Les inondations ont fait 158 morts dans la région de Valence, selon les secours.",
        published=datetime(2024, 10, 31, 9),
    )
    [suggestion] = rank(first, [(2, later)])
    assert suggestion.relation == Relation.UPDATE


def test_a_city_count_and_the_national_count_are_not_a_contradiction():
    city = quantity(55000, "manifestant", "À Paris, 55 000 manifestants ont défilé selon la préfecture.")
    national = quantity(
        506000,
        "manifestant",
        "Dans toute la France, 506 000 manifestants ont défilé selon le ministère de l'Intérieur.",
    )
    suggestions = rank(city, [(2, national)])
    assert all(s.relation != Relation.CONTRADICTS for s in suggestions)


def test_a_count_from_another_year_is_not_a_contradiction():
    now = quantity(1400, "mort", "Le séisme a fait plus de 1 400 morts en Afghanistan.", qualifier="more_than")
    then = quantity(
        4000, "mort", "Le séisme de 2023 avait fait plus de 4 000 morts en Afghanistan.", qualifier="more_than"
    )
    suggestions = rank(now, [(2, then)])
    assert all(s.relation != Relation.CONTRADICTS for s in suggestions)


def test_rare_shared_names_weigh_more_than_common_ones():
    claim = quantity(30, "blessé", "Trente blessés à Paiporta, selon la mairie de Paiporta en Espagne.")
    rare = quantity(26, "blessé", "Paiporta compte 26 blessés.", published=date(2025, 9, 18))
    common = quantity(26, "blessé", "L'Espagne compte 26 blessés.", published=date(2025, 9, 18))
    frequency = {"paiporta": 2, "spain": 400}
    ranked = rank(claim, [(1, common), (2, rare)], entity_frequency=frequency, archive_size=500)
    assert ranked[0].candidate_id == 2


def test_a_limit_caps_the_suggestions_and_unrelated_claims_are_left_out():
    claim = quantity(41, "avion", "41 avions russes ont été touchés.")
    unrelated = quantity(3, "minute", "Le vol a duré trois minutes au Louvre.")
    same = [(i, quantity(41, "aircraft", "41 Russian aircraft were hit.", language="en")) for i in range(5)]
    ranked = rank(claim, [*same, (99, unrelated)], limit=3)
    assert len(ranked) == 3 and all(s.candidate_id != 99 for s in ranked)


def test_a_part_of_a_figure_never_contradicts_the_whole():
    whole = quantity(
        41, "aircraft", "Kyiv says 41 Russian aircraft were hit.", text="41 Russian aircraft", language="en"
    )
    part = quantity(
        10,
        None,
        "US officials say up to 20 warplanes were hit, of which around 10 were destroyed.",
        text="around 10",
        qualifier="about",
        language="en",
    )
    suggestions = rank(whole, [(2, part)])
    assert all(s.relation != Relation.CONTRADICTS for s in suggestions)


def test_two_figures_of_one_sentence_count_two_things():
    sentence = "The epicentre was 8 km deep and 27 km from Jalalabad, the survey said."
    depth = quantity(8, "km", sentence, text="8 km", language="en")
    distance = quantity(27, "km", sentence, text="27 km", language="en")
    suggestions = rank(depth, [(2, distance)])
    assert all(s.relation != Relation.CONTRADICTS for s in suggestions)


def test_counts_of_different_days_are_not_a_contradiction():
    september = quantity(
        175000,
        "manifestant",
        "Le 10 septembre, le ministère de l'Intérieur a compté 175 000 manifestants.",
        text="175 000 manifestants",
    )
    october = quantity(
        195000,
        "manifestant",
        "Le 2 octobre, le ministère de l'Intérieur a compté 195 000 manifestants.",
        text="195 000 manifestants",
        published=date(2025, 10, 2),
    )
    suggestions = rank(september, [(2, october)])
    assert all(s.relation != Relation.CONTRADICTS for s in suggestions)
    assert any("different period" in reason for s in suggestions for reason in s.reasons)


def test_a_share_in_one_sector_is_not_a_contradiction_of_the_overall_share():
    overall = quantity(17, "%", "Selon le ministère, 17 % des enseignants étaient en grève.", text="17 %")
    secondary = quantity(
        45, "%", "Selon le syndicat, 45 % des enseignants étaient en grève dans le secondaire.", text="45 %"
    )
    suggestions = rank(overall, [(2, secondary)])
    assert all(s.relation != Relation.CONTRADICTS for s in suggestions)


def test_a_count_recalled_weeks_later_can_still_be_disputed():
    organisers = quantity(
        1_000_000,
        "personne",
        "Selon la CGT, un million de personnes ont manifesté en France le 18 septembre.",
        text="un million de personnes",
    )
    recalled = quantity(
        505000,
        "personne",
        "Le 18 septembre, le ministère de l'Intérieur avait alors compté 505 000 personnes en France.",
        text="505 000 personnes",
        published=date(2025, 10, 2),
    )
    [suggestion] = rank(recalled, [(1, organisers)])
    assert suggestion.relation == Relation.CONTRADICTS


def test_a_likely_contradiction_is_shown_even_behind_many_closer_matches():
    police = quantity(
        12000, "personne", "Selon la police, 12 000 personnes ont manifesté à Nantes jeudi.", text="12 000 personnes"
    )
    same = [
        (i, quantity(12000, "personne", "La police a compté 12 000 personnes à Nantes jeudi.", text="12 000 personnes"))
        for i in range(5)
    ]
    organisers = quantity(
        40000,
        "manifestant",
        "Selon les organisateurs, 40 000 manifestants ont défilé à Nantes jeudi.",
        text="40 000 manifestants",
    )
    ranked = rank(police, [*same, (99, organisers)], limit=3)
    assert len(ranked) == 3
    assert ranked[-1].candidate_id == 99 and ranked[-1].relation == Relation.CONTRADICTS


def test_the_same_statement_with_another_figure_is_a_likely_contradiction_though_one_says_more():
    # The figures themselves differ and one sentence adds detail: neither makes the statements less alike.
    more = quantity(
        30, "pays", "Plus de 30 pays ont signé le texte final du traité.", text="Plus de 30 pays", qualifier="more_than"
    )
    fewer = quantity(27, "pays", "27 pays ont signé.", text="27 pays")
    [suggestion] = rank(more, [(2, fewer)])
    assert suggestion.relation == Relation.CONTRADICTS
    assert any("incompatible values" in reason for reason in suggestion.reasons)


def test_the_same_english_statement_with_another_figure_is_a_likely_contradiction():
    more = quantity(
        30,
        "country",
        "More than 30 countries signed the final text of the treaty.",
        text="More than 30 countries",
        qualifier="more_than",
        language="en",
    )
    fewer = quantity(27, "country", "27 countries signed.", text="27 countries", language="en")
    [suggestion] = rank(fewer, [(2, more)])
    assert suggestion.relation == Relation.CONTRADICTS


def test_sources_disputing_a_figure_in_one_sentence_still_contradict_each_others_reports():
    # The later article gives both figures side by side: the ministry's is set against the CGT's, it does not
    # make the CGT's figure count something else.
    ministry = quantity(
        506000,
        "manifestant",
        "Le ministère de l'Intérieur a compté 506 000 manifestants en France.",
        text="506 000 manifestants",
    )
    both = quantity(
        1_000_000,
        "participant",
        "Le ministère de l'Intérieur avait alors compté 505 000 personnes, et la CGT avait revendiqué "
        "plus d'un million de participants.",
        text="plus d'un million de participants",
        qualifier="more_than",
        published=date(2025, 10, 2),
    )
    [suggestion] = rank(ministry, [(2, both)])
    assert suggestion.relation == Relation.CONTRADICTS


def test_an_english_dispute_in_one_sentence_contradicts_the_other_sides_report():
    united_nations = quantity(
        1500,
        "people",
        "The UN estimated that about 1,500 people died.",
        text="about 1,500 people",
        qualifier="about",
        language="en",
    )
    dispute = quantity(
        4000,
        "dead",
        "The tolls never matched: over 4,000 dead according to the Taliban government, about 1,500 according to "
        "the United Nations.",
        text="over 4,000 dead",
        qualifier="more_than",
        language="en",
    )
    [suggestion] = rank(dispute, [(2, united_nations)])
    assert suggestion.relation == Relation.CONTRADICTS


def test_two_figures_of_one_source_in_a_sentence_still_count_two_things():
    depth = quantity(
        8, "km", "Selon l'USGS, l'épicentre était à 8 km de profondeur et à 27 km de Jalalabad.", text="8 km"
    )
    distance = quantity(27, "km", "The epicentre lay 27 km from Jalalabad, the USGS said.", text="27 km", language="en")
    assert all(s.relation != Relation.CONTRADICTS for s in rank(depth, [(2, distance)]))


def test_a_dispute_is_not_called_when_only_one_side_names_the_day_counted():
    september = quantity(
        300000,
        "manifestant",
        "Le 10 septembre, la CGT avait revendiqué 300 000 manifestants.",
        text="300 000 manifestants",
        published=date(2025, 10, 2),
    )
    ministry = quantity(
        506000,
        "manifestant",
        "Le ministère de l'Intérieur a compté 506 000 manifestants.",
        text="506 000 manifestants",
        published=date(2025, 9, 18),
    )
    assert all(s.relation != Relation.CONTRADICTS for s in rank(ministry, [(2, september)]))


def test_an_english_dispute_is_not_called_when_only_one_side_names_the_day_counted():
    september = quantity(
        250000,
        "people",
        "On September 10, the CGT union claimed 250,000 people.",
        text="250,000 people",
        language="en",
        published=date(2025, 9, 18),
    )
    ministry = quantity(
        506000,
        "protester",
        "The Interior Ministry counted 506,000 protesters.",
        text="506,000 protesters",
        language="en",
        published=date(2025, 9, 18),
    )
    assert all(s.relation != Relation.CONTRADICTS for s in rank(ministry, [(2, september)]))


def test_a_french_dispute_is_called_when_the_day_named_is_the_other_sides_day_of_publication():
    ministry = quantity(
        506000,
        "manifestant",
        "Le ministère de l'Intérieur a compté 506 000 manifestants ce jeudi 18 septembre.",
        text="506 000 manifestants",
    )
    union = quantity(
        1e6, "manifestant", "La CGT revendique un million de manifestants dans toute la France.", text="un million"
    )
    assert rank(ministry, [(2, union)])[0].relation == Relation.CONTRADICTS


def test_an_english_dispute_is_called_when_the_other_side_published_the_morning_after_the_day_named():
    ministry = quantity(
        506000,
        "protester",
        "On September 18, the Interior Ministry counted 506,000 protesters nationwide.",
        text="506,000 protesters",
        language="en",
    )
    union = quantity(
        1e6,
        "protester",
        "The CGT union claimed over a million protesters nationwide.",
        text="over a million protesters",
        language="en",
        published=date(2025, 9, 19),
    )
    assert rank(union, [(2, ministry)])[0].relation == Relation.CONTRADICTS


def test_a_model_name_in_a_french_claims_sentence_is_no_figure_that_counts_something_else():
    kyiv = quantity(
        40,
        "aéronef",
        "Selon Kiev, plus de 40 aéronefs, dont des A-50, des Tu-95 et des Tu-22 M3, ont été atteints.",
        text="plus de 40 aéronefs",
        qualifier="more_than",
    )
    us = quantity(
        20,
        "warplane",
        "Two U.S. officials say Ukraine's strike hit as many as 20 Russian warplanes.",
        text="as many as 20 Russian warplanes",
        qualifier="at_most",
        language="en",
    )
    assert rank(kyiv, [(2, us)])[0].relation == Relation.CONTRADICTS


def test_a_model_name_in_an_english_claims_sentence_is_no_figure_that_counts_something_else():
    kyiv = quantity(
        41,
        "aircraft",
        "Kyiv says 41 aircraft, among them Tu-22M3 and A-50 planes, were hit.",
        text="41 aircraft",
        language="en",
    )
    us = quantity(
        20,
        "warplane",
        "U.S. officials say Ukraine's strike hit as many as 20 Russian warplanes.",
        text="as many as 20 Russian warplanes",
        qualifier="at_most",
        language="en",
    )
    assert rank(us, [(2, kyiv)])[0].relation == Relation.CONTRADICTS


def test_two_french_reports_of_a_past_days_turnout_disagree():
    first = quantity(
        250000,
        "manifestant",
        "Le 10 septembre, la CGT avait compté 250 000 manifestants dans tout le pays.",
        text="250 000 manifestants",
    )
    later = quantity(
        300000,
        "manifestant",
        "Lors de la journée du 10 septembre, la CGT avait estimé la mobilisation à 300 000 manifestants.",
        text="300 000 manifestants",
        published=date(2025, 10, 2),
    )
    assert rank(first, [(2, later)])[0].relation == Relation.CONTRADICTS


def test_an_english_toll_of_a_past_day_still_grows_rather_than_disagrees():
    first = quantity(
        800, "dead", "The August 31 earthquake killed 800 people, the Taliban said.", text="800", language="en"
    )
    later = quantity(
        1411,
        "dead",
        "The August 31 earthquake killed 1,411 people, the Taliban said.",
        text="1,411",
        language="en",
        published=date(2025, 9, 4),
    )
    assert rank(first, [(2, later)])[0].relation != Relation.CONTRADICTS


def test_two_english_reports_of_a_past_days_turnout_disagree():
    first = quantity(
        250000,
        "protester",
        "On September 10, the CGT union counted 250,000 protesters.",
        text="250,000 protesters",
        language="en",
    )
    later = quantity(
        300000,
        "protester",
        "The CGT union had put the September 10 turnout at 300,000 protesters.",
        text="300,000 protesters",
        language="en",
        published=date(2025, 10, 2),
    )
    assert rank(later, [(2, first)])[0].relation == Relation.CONTRADICTS
