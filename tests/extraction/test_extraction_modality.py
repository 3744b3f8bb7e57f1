"""Negation, hypothesis and reported speech on every kind of claim."""

from datetime import date

from claims.extraction import extract


def first(text, kind, **kwargs):
    return next(record for record in extract(text, **kwargs) if record.kind == kind)


def test_ne_pas_negates_the_quantity():
    record = first("Les deux pays ne fourniront pas 5 000 soldats à la mission.", "quantity")
    assert record.negated


def test_affirmative_quantity_is_not_negated():
    assert not first("Les deux pays fourniront 5 000 soldats à la mission.", "quantity").negated


def test_ne_fourniraient_pas_de_troupes_is_negated_and_conditional_in_the_quote():
    record = first("« Nos pays ne fourniraient pas de troupes pour cette mission », a dit Donald Tusk.", "quote")
    assert record.negated
    assert record.hypothetical


def test_aucune_negates_the_statement():
    record = first("“Mais aucune force de combat n'est envisagée pour le moment”, confie une source.", "quote")
    assert record.negated


def test_conditional_mood_makes_the_quantity_hypothetical():
    record = first("La force pourrait atteindre des milliers de personnes.", "quantity")
    assert record.hypothetical


def test_devraient_rejoindre_is_hypothetical():
    assert first("Plus de 30 pays devraient rejoindre la coalition.", "quantity").hypothetical


def test_unaccented_conditional_is_hypothetical():
    assert first("Cette force pourrait atteindre des milliers de personnes.", "quantity").hypothetical


def test_indicative_quantity_is_not_hypothetical():
    assert not first("La force compte des milliers de personnes.", "quantity").hypothetical


def test_si_clause_is_hypothetical():
    record = first('Les troupes seront déployées "s\'il y a un accord de paix", a déclaré le ministre.', "quote")
    assert record.hypothetical


def test_eventuel_is_hypothetical():
    record = first("Les 10 000 soldats d'une éventuelle force de paix seraient européens.", "quantity")
    assert record.hypothetical


def test_quantity_in_a_sentence_with_an_attribution_verb_is_reported():
    record = first("Plus de 30 pays devraient rejoindre la coalition, a assuré le gouvernement.", "quantity")
    assert record.reported


def test_quantity_after_selon_is_reported():
    assert first("Selon l'ONU, 6 000 civils ont été tués.", "quantity").reported


def test_quantity_inside_a_quote_is_reported():
    assert first("Il a dit que « plus de 30 pays soient impliqués dans cette coalition ».", "quantity").reported


def test_narrated_quantity_is_not_reported():
    assert not first("27 chefs d'État sont venus à Paris.", "quantity").reported


def test_date_carries_modality_too():
    record = first("Le sommet n'aura pas lieu le 9 novembre.", "date", published=date(2025, 3, 17))
    assert record.negated


def test_quantity_subject_of_pourraient_after_a_quoted_paragraph_is_hypothetical():
    text = (
        "« La menace reste sérieuse », a-t-il prévenu sur X.\n\n"
        "Entre 2 000 et 4 000 réservistes pourraient être rappelés d'ici à l'automne, a indiqué lundi le ministre."
    )
    assert first(text, "quantity").hypothetical


def test_unaccented_quantity_subject_of_seraient_is_hypothetical():
    text = "« C'est une priorite », a-t-elle dit.\n\nPres de 300 blindes seraient livres avant la fin de l'annee."
    assert first(text, "quantity").hypothetical


def test_quantity_subject_of_an_indicative_verb_is_not_hypothetical():
    text = "« C'est une priorité », a-t-elle dit.\n\nPrès de 300 blindés ont été livrés avant la fin de l'année."
    assert not first(text, "quantity").hypothetical
