"""Sentences in the style of AFP / Le Monde copy, written after the rules, to check they generalise."""

from datetime import date

from claims.extraction import extract

WEDNESDAY = date(2025, 6, 11)


def readings(text, kind="quantity", published=WEDNESDAY):
    return [record for record in extract(text, published=published) if record.kind == kind]


def test_casualty_report_gets_both_counts_and_the_night():
    text = (
        "Au moins 12 personnes ont été tuées et une cinquantaine blessées dans la nuit de mardi à mercredi, "
        "a annoncé le gouverneur régional Oleg Synegoubov."
    )
    quantities = {(r.fields["value"], r.fields["qualifier"]) for r in readings(text)}
    assert quantities == {(12, "at_least"), (50, "about")}
    assert [r.fields["date"] for r in readings(text, "date")] == ["2025-06-10", "2025-06-11"]


def test_growth_forecast_gets_percentages_and_the_year():
    text = "Le gouvernement table sur une croissance de 1,1 % en 2025, contre 0,9 % prévu par la Banque de France."
    assert [r.fields["value"] for r in readings(text)] == [1.1, 0.9]
    assert [r.fields["precision"] for r in readings(text, "date")] == ["year"]


def test_deadline_with_d_ici_resolves_forward():
    text = "Le ministre a annoncé le déploiement de 4 000 policiers supplémentaires d'ici le 15 juillet."
    assert readings(text, "date")[0].fields["date"] == "2025-07-15"
    assert readings(text)[0].fields["unit"] == "policier"


def test_court_of_auditors_estimate_is_hypothetical_money():
    record = readings("La facture pourrait dépasser 3 milliards d'euros, a estimé la Cour des comptes.")[0]
    assert (record.fields["value"], record.fields["unit"]) == (3e9, "euro")
    assert record.hypothetical
    assert record.reported


def test_vote_count_and_unemployment_rate():
    assert readings("Le texte a été adopté par 289 voix à l'Assemblée nationale.")[0].fields["unit"] == "voix"
    record = readings("Le chômage a reculé à 7,4 %, selon l'Insee.")[0]
    assert (record.fields["value"], record.fields["unit"], record.reported) == (7.4, "%", True)


def test_interior_minister_quote_with_martele():
    record = readings("« Nous ne laisserons pas faire », a martelé le ministre de l'Intérieur.", "quote")[0]
    assert record.fields["speaker"] == "le ministre de l'Intérieur"
    assert record.negated
