"""Attributed quotes: quote marks, what counts as a statement, and who is speaking."""

from claims.extraction import extract


def quotes(text, **kwargs):
    return [record for record in extract(text, **kwargs) if record.kind == "quote"]


def only_quote(text, **kwargs):
    found = quotes(text, **kwargs)
    assert len(found) == 1, [(record.text, record.fields) for record in found]
    return found[0]


def test_guillemets_with_inverted_attribution_name_the_speaker():
    record = only_quote("« Nous ne céderons pas sur la souveraineté », a déclaré le ministre Jean Dupont.")
    assert record.fields["quote"] == "Nous ne céderons pas sur la souveraineté"
    assert (record.fields["speaker"], record.fields["speaker_mention"]) == ("Jean Dupont", "le ministre Jean Dupont")
    assert record.text == record.fields["quote"]


def test_curly_quotes_with_subject_before_the_verb():
    record = only_quote("Emmanuel Macron a affirmé : “La France sera aux côtés de l'Ukraine jusqu'au bout.”")
    assert record.fields["speaker"] == "Emmanuel Macron"


def test_straight_double_quotes_with_a_spokesperson_credit_the_body_they_speak_for():
    record = only_quote('"Les discussions se poursuivent à Genève", a indiqué un porte-parole du Kremlin.')
    assert (record.fields["speaker"], record.fields["speaker_mention"]) == ("Kremlin", "un porte-parole du Kremlin")


def test_straight_single_quotes_are_not_confused_with_apostrophes():
    record = only_quote("Le président a répondu : 'Bien sûr, l'aide d'urgence arrivera'.")
    assert record.fields["quote"] == "Bien sûr, l'aide d'urgence arrivera"
    assert record.fields["speaker"] == "Le président"


def test_pronoun_speaker_resolves_to_the_last_named_speaker():
    text = (
        "Volodymyr Zelensky a déclaré que la situation restait tendue. "
        "“Nous avons besoin de plus de défense aérienne”, a-t-il ajouté."
    )
    assert only_quote(text).fields["speaker"] == "Volodymyr Zelensky"


def test_selon_lui_resolves_to_the_last_named_speaker():
    text = (
        "Le chancelier Friedrich Merz a pris la parole mercredi. "
        "Selon lui, « l'Europe doit assumer sa propre défense dès maintenant »."
    )
    assert "Friedrich Merz" in only_quote(text).fields["speaker"]


def test_selon_a_named_source_is_the_speaker():
    record = only_quote("Selon le ministère de la Défense, « les frappes ont visé des dépôts de munitions ».")
    assert record.fields["speaker"] == "ministère de la Défense"
    assert record.fields["speaker_mention"] == "le ministère de la Défense"


def test_a_quote_following_another_one_continues_the_same_speaker():
    text = "“Il faut tenir”, a insisté la ministre Anne Martin. “Nous n'avons pas le choix.”"
    first, second = quotes(text)
    assert first.fields["speaker"] == second.fields["speaker"] == "Anne Martin"
    assert first.fields["speaker_mention"] == second.fields["speaker_mention"] == "la ministre Anne Martin"


def test_scare_quoted_single_word_is_not_a_statement():
    assert quotes("Le Kremlin dénonce une “provocation” occidentale.") == []


def test_quoted_name_of_a_coalition_is_not_a_statement():
    assert quotes('Paris veut bâtir la "coalition des pays volontaires" avec Londres, a assuré le ministre.') == []


def test_reported_predicate_after_a_copula_is_a_statement():
    record = only_quote("Le président a déclaré que le soutien n'était « pas toujours suffisant » dans ce contexte.")
    assert record.fields["quote"] == "pas toujours suffisant"
    assert record.fields["speaker"] == "Le président"


def test_missing_opening_mark_runs_the_quote_from_the_paragraph_start():
    text = 'Le texte est sans ambiguïté.\nNous refusons toute présence étrangère", a écrit le ministre Peter Szijjarto.'
    record = only_quote(text)
    assert record.fields["quote"] == "Nous refusons toute présence étrangère"
    assert record.fields["speaker"] == "Peter Szijjarto"


def test_nested_quote_is_part_of_the_outer_statement_only():
    text = "“Ce n'est pas vraiment une 'coalition de volontaires'”, a-t-il déclaré."
    assert len(quotes(text)) == 1


def test_quote_without_any_attribution_has_no_speaker():
    record = only_quote('La force, dont la taille "pourrait atteindre des milliers de personnes", reste floue.')
    assert record.fields["speaker"] is None


def test_quotes_are_reported():
    assert only_quote("« Nous tiendrons nos engagements », a assuré le Premier ministre.").reported


def test_inverted_subject_after_an_incise_is_the_speaker():
    text = (
        "Une vingtaine de maisons ont été détruites samedi près de Lviv, a indiqué le maire Andriy Sadovy. "
        "« Nous reconstruirons chaque rue », a-t-il assuré."
    )
    assert only_quote(text).fields["speaker"] == "Andriy Sadovy"


def test_pronoun_never_resolves_to_a_quantity_phrase():
    text = (
        "Au moins 8 personnes ont été blessées et une dizaine évacuées mardi à Odessa, a annoncé le gouverneur "
        "Oleh Kiper. « C'est un crime de guerre », a-t-il dénoncé."
    )
    assert only_quote(text).fields["speaker"] == "Oleh Kiper"


def test_inverted_subject_with_a_weekday_between_verb_and_speaker():
    text = (
        "Deux ponts ont été endommagés par les crues, a annoncé jeudi la ministre Claire Dubois. "
        "« Les réparations prendront des mois », a-t-elle averti."
    )
    assert only_quote(text).fields["speaker"] == "Claire Dubois"


def test_subject_before_a_parenthetical_is_not_replaced_by_the_object():
    text = "Le ministre, en visite à Kiev, a annoncé la livraison de chars. « Ils arriveront vite », a-t-il dit."
    assert only_quote(text).fields["speaker"] == "Le ministre"
