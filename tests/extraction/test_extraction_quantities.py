"""Quantities: number, counted thing, qualifier — on sentences written in the style of French news copy."""

import pytest

from claims.extraction import extract


def quantities(text, **kwargs):
    return [record for record in extract(text, **kwargs) if record.kind == "quantity"]


def only_quantity(text, **kwargs):
    found = quantities(text, **kwargs)
    assert len(found) == 1, [(record.text, record.fields) for record in found]
    return found[0]


def test_plus_de_30_pays_is_more_than_30_countries():
    record = only_quantity("Plus de 30 pays devraient rejoindre la coalition, selon Londres.")
    assert record.fields == {
        "value": 30.0,
        "value_max": None,
        "qualifier": "more_than",
        "unit": "pays",
        "unit_key": "country",
    }
    assert record.text == "Plus de 30 pays"


def test_des_milliers_de_soldats_is_an_order_of_magnitude():
    record = only_quantity("Kiev évoque le déploiement de milliers de soldats occidentaux.")
    assert record.fields["qualifier"] == "order_of_magnitude"
    assert record.fields["value"] == 1000
    assert record.fields["unit"] == "soldat"


def test_quoted_milliers_still_counts_soldiers():
    record = only_quantity("Il a évoqué le déploiement de “milliers” de soldats occidentaux.")
    assert (record.fields["value"], record.fields["qualifier"], record.fields["unit"]) == (
        1000,
        "order_of_magnitude",
        "soldat",
    )


def test_des_dizaines_de_milliers_is_ten_thousand_order_of_magnitude():
    record = only_quantity("Des dizaines de milliers de manifestants ont défilé samedi à Tbilissi.")
    assert record.fields["value"] == 10_000
    assert record.fields["qualifier"] == "order_of_magnitude"
    assert record.fields["unit"] == "manifestant"


def test_des_centaines_de_civils_is_a_hundred_order_of_magnitude():
    record = only_quantity("Des centaines de civils ont été évacués de la ville.")
    assert (record.fields["value"], record.fields["unit"]) == (100, "civil")


def test_chefs_d_etat_keeps_its_complement_in_the_unit():
    record = only_quantity("27 chefs d'État et de gouvernement sont venus à Paris.")
    assert record.fields == {"value": 27.0, "value_max": None, "qualifier": "exact", "unit": "chef d'État"}


def test_unaccented_chefs_d_etat_keeps_the_text_form():
    record = only_quantity("27 chefs d'Etat et de gouvernement sont venus a Paris.")
    assert record.fields["unit"] == "chef d'Etat"


def test_complement_with_a_determiner_is_not_part_of_the_unit():
    record = only_quantity("Il a reçu 12 dirigeants des pays baltes.")
    assert record.fields["unit"] == "dirigeant"


def test_plus_de_deux_douzaines_is_more_than_24():
    record = only_quantity("Ont participé plus de deux douzaines de dirigeants européens.")
    assert (record.fields["value"], record.fields["qualifier"], record.fields["unit"]) == (24, "more_than", "dirigeant")


def test_une_trentaine_is_about_30():
    record = only_quantity("Une trentaine de blessés ont été hospitalisés.")
    assert (record.fields["value"], record.fields["qualifier"], record.fields["unit"]) == (30, "about", "blessé")


def test_environ_2_mois_is_about_two_months():
    record = only_quantity("Seulement environ 2 mois plus tard, le projet était abandonné.")
    assert (record.fields["value"], record.fields["qualifier"], record.fields["unit"]) == (2, "about", "mois")


@pytest.mark.parametrize("separator", [" ", "\u00a0", "\u202f"])
def test_thousands_separated_by_any_space_read_as_one_number(separator):
    record = only_quantity(f"Quelque 10{separator}000 soldats sont mobilisés.")
    assert record.fields["value"] == 10_000
    assert record.fields["qualifier"] == "about"


def test_number_words_go_through_text2num():
    record = only_quantity("Vingt-sept pays ont signé le texte.")
    assert (record.fields["value"], record.fields["unit"]) == (27, "pays")


def test_trente_pays_in_words():
    assert only_quantity("Trente pays sont représentés.").fields["value"] == 30


def test_deux_jours_apres_is_two_days():
    record = only_quantity("Le sommet a eu lieu deux jours après l'annonce.")
    assert (record.fields["value"], record.fields["unit"]) == (2, "jour")


def test_milliard_d_euros_is_money_in_euros():
    record = only_quantity("L'Union a débloqué 1,5 milliard d'euros pour l'Ukraine.")
    assert record.fields["value"] == pytest.approx(1.5e9)
    assert record.fields["unit"] == "euro"


def test_millions_de_dollars_is_money_in_dollars():
    record = only_quantity("Washington a promis 300 millions de dollars d'aide.")
    assert (record.fields["value"], record.fields["unit"]) == (3e8, "dollar")


def test_euro_sign_after_the_number_is_the_unit():
    record = only_quantity("Le billet coûte 45 € cette année.")
    assert (record.fields["value"], record.fields["unit"]) == (45, "euro")


def test_plus_d_un_million_is_more_than_a_million():
    record = only_quantity("Plus d'un million de personnes ont fui le pays.")
    assert (record.fields["value"], record.fields["qualifier"], record.fields["unit"]) == (1e6, "more_than", "personne")


def test_percentage_with_decimal_comma_and_the_fall_it_measures():
    record = only_quantity("Le PIB a reculé de 2,3 % au premier trimestre.")
    assert (record.fields["value"], record.fields["unit"]) == (-2.3, "%")


def test_pour_cent_written_out_is_a_percentage():
    record = only_quantity("Le chômage atteint 7 pour cent.")
    assert (record.fields["value"], record.fields["unit"]) == (7, "%")


def test_entre_and_et_make_a_range():
    record = only_quantity("Entre 5 000 et 10 000 soldats pourraient être déployés.")
    assert (record.fields["value"], record.fields["value_max"], record.fields["qualifier"]) == (5000, 10000, "range")
    assert record.fields["unit"] == "soldat"


def test_de_and_a_make_a_range():
    record = only_quantity("Le conflit a fait de 5 à 10 morts par jour.")
    assert (record.fields["value"], record.fields["value_max"], record.fields["qualifier"]) == (5, 10, "range")


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("au moins 40 morts", "at_least"),
        ("jusqu'à 40 morts", "at_most"),
        ("pas plus de 40 morts", "at_most"),
        ("moins de 40 morts", "less_than"),
        ("près de 40 morts", "about"),
    ],
)
def test_qualifiers_before_the_number(phrase, qualifier):
    record = only_quantity(f"Le bombardement a fait {phrase} dans la nuit.")
    assert record.fields["qualifier"] == qualifier
    assert record.fields["value"] == 40


def test_premier_ministre_is_not_a_quantity():
    assert quantities("Le Premier ministre britannique Keir Starmer a parlé.") == []


def test_ordinals_in_digits_are_not_quantities():
    assert quantities("C'est le 3e sommet et la 1re réunion du genre.") == []


def test_years_in_dates_are_not_quantities():
    assert quantities("Le 2 mars 2025, puis en février 2022, et lors des référendums de 2014 et 2022.") == []


def test_day_numbers_of_dates_are_not_quantities():
    assert quantities("Les dirigeants se sont réunis le 7 janvier à Paris.") == []


def test_article_numbers_are_not_quantities():
    assert quantities("L'article 5 du traité de l'OTAN prévoit une défense collective.") == []


def test_clock_times_are_not_quantities():
    assert quantities("La réunion commencera à 10 heures, puis à 14h30.") == []


def test_indefinite_articles_are_not_quantities():
    assert quantities("Un porte-parole a cité une source diplomatique et un responsable militaire.") == []


def test_unaccented_text_gives_the_same_quantities_as_accented_text():
    accented = quantities("Le déploiement de milliers de soldats a été évoqué par le président, environ 2 mois après.")
    plain = quantities("Le deploiement de milliers de soldats a ete evoque par le president, environ 2 mois apres.")
    assert [(r.start, r.end, r.fields) for r in accented] == [(r.start, r.end, r.fields) for r in plain]


def test_the_span_runs_from_the_qualifier_to_the_counted_noun():
    text = "Selon l'ONU, plus de 6 000 civils ont été tués."
    record = only_quantity(text)
    assert text[record.start : record.end] == "plus de 6 000 civils"
