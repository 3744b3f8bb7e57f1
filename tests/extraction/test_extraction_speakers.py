"""Speakers as named people or bodies: the canonical name the article gives, the words the sentence uses,
short credited fragments, and figures reported by a source."""

import pytest

from claims.extraction import extract


def quotes(text, language="fr"):
    return [record for record in extract(text, language=language) if record.kind == "quote"]


def only_quote(text, language="fr"):
    found = quotes(text, language)
    assert len(found) == 1, [(record.text, record.fields) for record in found]
    return found[0]


def credited(text, language="fr"):
    fields = only_quote(text, language).fields
    return fields["speaker"], fields["speaker_mention"]


@pytest.mark.parametrize(
    ("language", "text", "speaker", "mention"),
    [
        (
            "fr",
            "Le président ukrainien Volodymyr Zelensky est arrivé à Paris. "
            "« Nous avons besoin de défense aérienne », a déclaré M. Zelensky.",
            "Volodymyr Zelensky",
            "M. Zelensky",
        ),
        (
            "en",
            'Keir Starmer will become prime minister. "We will rebuild this country," Mr Starmer said.',
            "Keir Starmer",
            "Mr Starmer",
        ),
    ],
)
def test_a_short_form_of_a_name_is_credited_to_the_full_name(language, text, speaker, mention):
    assert credited(text, language) == (speaker, mention)


@pytest.mark.parametrize(
    ("language", "text", "speaker", "mention"),
    [
        (
            "fr",
            "Le ministre de l'Intérieur, Christophe Castaner, a réuni les préfets samedi. "
            "« Nous sommes à plus de 700 interpellations », a déclaré le ministre sur France 2.",
            "Christophe Castaner",
            "le ministre",
        ),
        (
            "en",
            "President William Ruto said on Wednesday that he would not sign the bill. "
            '"I concede," the president said in a televised address.',
            "William Ruto",
            "the president",
        ),
    ],
)
def test_a_role_is_credited_to_the_person_the_article_gave_it(language, text, speaker, mention):
    assert credited(text, language) == (speaker, mention)


def test_a_periphrasis_stands_for_the_role_it_names():
    text = (
        "Volodymyr Zelensky était jeudi à Bruxelles. "
        "Le chef de l'État a exprimé sa « reconnaissance » envers l'Allemagne."
    )
    record = only_quote(text)
    assert (record.fields["speaker"], record.fields["speaker_mention"]) == ("Volodymyr Zelensky", "Le chef de l'État")
    assert record.fields["fragment"]


def test_a_headline_role_is_credited_to_the_person_named_in_the_body():
    text = (
        "Le préfet redoute « plusieurs centaines » de morts\n"
        "Le bilan pourrait être lourd, a averti dimanche le préfet du département, François-Xavier Bieuville. "
        "« Je pense qu'il y aura plusieurs centaines de morts », a déclaré le représentant de l'État."
    )
    speakers = {record.fields["speaker"] for record in quotes(text)}
    assert speakers == {"François-Xavier Bieuville"}


@pytest.mark.parametrize(
    ("language", "text", "speaker", "mention"),
    [
        (
            "fr",
            "Emmanuel Macron a été réélu dimanche. « Je sais que nombre de nos compatriotes ont voté pour "
            "faire barrage », a-t-il reconnu devant ses partisans.",
            "Emmanuel Macron",
            "il",
        ),
        (
            "en",
            'Rishi Sunak conceded defeat early on Friday. "The British people have delivered a sobering '
            'verdict," he told supporters.',
            "Rishi Sunak",
            "he",
        ),
    ],
)
def test_a_pronoun_is_credited_to_the_person_the_text_was_speaking_of(language, text, speaker, mention):
    assert credited(text, language) == (speaker, mention)


def test_a_pronoun_takes_the_person_of_its_gender():
    text = (
        'Tamika Mallory told the crowd to keep marching. The singer Madonna was more direct. "The revolution '
        'starts here," she said.'
    )
    assert credited(text, "en") == ("Madonna", "she")


def test_a_name_inside_a_quote_is_never_the_speaker_of_the_next_one():
    text = (
        "Keir Starmer a pris la parole mardi à Paris. « Poutine ne montre pas qu'il est prêt pour la paix », "
        "a-t-il déclaré. « Nous devons tenir », a-t-il ajouté."
    )
    assert [record.fields["speaker"] for record in quotes(text)] == ["Keir Starmer", "Keir Starmer"]


@pytest.mark.parametrize(
    ("language", "text", "speaker", "mention"),
    [
        (
            "fr",
            "L'agence régionale de santé (ARS) a publié son bilan mercredi. « Les gestes de prévention doivent "
            "être maintenus », insiste l'ARS.",
            "agence régionale de santé",
            "l'ARS",
        ),
        (
            "en",
            "Doctors Without Borders said 10,000 people reached Tawila. Many arrived "
            '"in an advanced state of dehydration," the charity said.',
            "Doctors Without Borders",
            "the charity",
        ),
    ],
)
def test_a_body_is_credited_under_the_name_the_article_gave_it(language, text, speaker, mention):
    assert credited(text, language) == (speaker, mention)


def test_a_metonym_is_credited_to_the_body_it_stands_for():
    record = only_quote("Selon Bercy, l'effort portera « principalement et de très loin sur la dépense ».")
    assert (record.fields["speaker"], record.fields["speaker_mention"]) == (
        "ministère de l'Économie et des Finances",
        "Bercy",
    )


@pytest.mark.parametrize(
    ("language", "text", "mention"),
    [
        (
            "fr",
            "« Il y a aussi tout le champ cyber, compliqué à chiffrer », explique une source au fait des budgets.",
            "une source au fait des budgets",
        ),
        ("en", '"The talks have stalled for weeks," an official said on Monday.', "an official"),
    ],
)
def test_an_anonymous_source_is_nobody(language, text, mention):
    speaker, words = credited(text, language)
    assert speaker is None
    assert mention.startswith(words)


@pytest.mark.parametrize(
    ("language", "text", "quote", "speaker"),
    [
        (
            "fr",
            "Michel Barnier a qualifié la dette de « véritable épée de Damoclès » devant les députés.",
            "véritable épée de Damoclès",
            "Michel Barnier",
        ),
        (
            "en",
            'German Foreign Minister Annalena Baerbock called the conflict "the greatest humanitarian '
            'catastrophe of our time" in London.',
            "the greatest humanitarian catastrophe of our time",
            "Annalena Baerbock",
        ),
    ],
)
def test_a_short_credited_fragment_is_a_quote_marked_as_a_fragment(language, text, quote, speaker):
    record = only_quote(text, language)
    assert (record.fields["quote"], record.fields["speaker"], record.fields["fragment"]) == (quote, speaker, True)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "« Nous ne céderons pas sur la souveraineté », a déclaré le ministre Jean Dupont."),
        ("en", '"We will rebuild every school," said Education Secretary Tom Baker.'),
    ],
)
def test_a_statement_standing_on_its_own_is_not_a_fragment(language, text):
    assert not only_quote(text, language).fields["fragment"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Le président américain était « fortement » derrière les protocoles, a-t-il dit."),
        ("fr", "Kiev avait eu des discussions « réalistes » avec les négociateurs, a déclaré le président."),
        ("en", "The country's leaders didn't say 'no deal' on Monday."),
    ],
)
def test_a_reporters_scare_quote_is_not_a_fragment(language, text):
    assert quotes(text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "reported"),
    [
        ("fr", "La CGT a compté 1,2 million de manifestants dans toute la France.", True),
        ("fr", "Le syndicat revendique 200 000 adhérents.", True),
        ("fr", "Le pays compte 8 millions d'habitants.", False),
        ("en", "Police counted 100,000 marchers in the capital.", True),
        ("en", "The agency estimates that 3,000 homes were lost.", True),
        ("en", "The city has 3,000 homes.", False),
    ],
)
def test_a_figure_credited_to_a_source_is_reported(language, text, reported):
    (record,) = [record for record in extract(text, language=language) if record.kind == "quantity"]
    assert record.reported is reported


@pytest.mark.parametrize(
    ("language", "text", "mention"),
    [
        (
            "fr",
            "Le président ukrainien Volodymyr Zelensky a dit que le problème ne venait pas des dirigeants de l'UE. "
            "Le dirigeant ukrainien a déclaré : « Nous en avons besoin ».",
            "Le dirigeant ukrainien",
        ),
        (
            "en",
            "Ukrainian President Volodymyr Zelensky said the problem did not lie with the leaders of the EU. "
            'The Ukrainian leader replied at once: "Of course, we need them."',
            "The Ukrainian leader",
        ),
    ],
)
def test_a_body_named_in_a_roles_complement_is_not_the_role(language, text, mention):
    assert credited(text, language) == ("Volodymyr Zelensky", mention)


@pytest.mark.parametrize(
    ("language", "text", "mention"),
    [
        (
            "fr",
            "Le président ukrainien Volodymyr Zelensky a rencontré à Washington le président américain Donald "
            "Trump. Le président ukrainien a ensuite déclaré : « Nous tiendrons ».",
            "Le président ukrainien",
        ),
        (
            "en",
            "Ukrainian President Volodymyr Zelensky met US President Donald Trump in Washington. "
            'The Ukrainian president then said: "We will hold."',
            "The Ukrainian president",
        ),
    ],
)
def test_a_nationality_in_the_mention_agrees_with_the_referents(language, text, mention):
    assert credited(text, language) == ("Volodymyr Zelensky", mention)


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        (
            "fr",
            "Le président américain Donald Trump a reçu le président ukrainien Volodymyr Zelensky. "
            "Le président américain a ensuite déclaré : « Nous verrons ».",
            "Donald Trump",
        ),
        (
            "en",
            "US President Donald Trump welcomed Ukrainian President Volodymyr Zelensky. "
            'The American president then said: "We will see."',
            "Donald Trump",
        ),
    ],
)
def test_a_role_with_a_nationality_finds_the_person_of_that_nationality(language, text, speaker):
    assert only_quote(text, language).fields["speaker"] == speaker


@pytest.mark.parametrize(
    ("language", "text", "mention"),
    [
        (
            "fr",
            "Le ministre hongrois Peter Szijjarto a protesté à Budapest. Les dirigeants britannique et français "
            "ont déclaré : « Nous enverrons des troupes ».",
            "Les dirigeants britannique et français",
        ),
        (
            "en",
            "Hungarian minister Peter Szijjarto protested in Budapest. "
            'The British and French leaders said: "We will send troops."',
            "The British and French leaders",
        ),
    ],
)
def test_several_people_named_by_a_plural_role_are_no_one_of_them(language, text, mention):
    assert credited(text, language) == (mention, mention)
