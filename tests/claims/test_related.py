from claims.related import ClaimFacts, dates_compatible, quantities_compatible, relatedness


def quantity(value, qualifier="exact", unit="pays", *, sentence="", entities=(), negated=False, value_max=None):
    reading = {"value": value, "value_max": value_max, "qualifier": qualifier, "unit": unit}
    return ClaimFacts("quantity", reading, sentence, tuple(entities), negated)


def test_more_than_thirty_and_twenty_seven_cannot_both_be_true():
    assert quantities_compatible({"value": 30, "qualifier": "more_than"}, {"value": 27}) is False
    assert quantities_compatible({"value": 30, "qualifier": "more_than"}, {"value": 31}) is True
    assert quantities_compatible({"value": 30, "qualifier": "about"}, {"value": 33}) is True
    assert quantities_compatible({"value": 1000, "qualifier": "order_of_magnitude"}, {"value": 5000}) is True
    assert quantities_compatible({"value": 10, "qualifier": "range", "value_max": 20}, {"value": 25}) is False


def test_dates_compare_at_the_coarser_precision():
    assert dates_compatible({"date": "2025-03-01", "precision": "month"}, {"date": "2025-03-17", "precision": "day"})
    assert (
        dates_compatible({"date": "2025-03-17", "precision": "day"}, {"date": "2025-03-18", "precision": "day"})
        is False
    )


def test_incompatible_values_of_the_same_unit_are_flagged_as_a_contradiction():
    result = relatedness(quantity(30, "more_than"), quantity(27))

    assert result.contradiction == "same subject and unit, incompatible values"


def test_compatible_values_rank_above_an_unrelated_unit():
    claim = quantity(30, "more_than", sentence="Plus de 30 pays rejoindront la coalition")
    same = relatedness(claim, quantity(32, sentence="32 pays rejoindront la coalition"))
    other = relatedness(claim, quantity(32, unit="soldat", sentence="32 soldats sont arrivés"))

    assert same.score > other.score
    assert "compatible values" in same.reasons
    assert not same.contradiction


def test_opposite_polarity_on_the_same_subject_is_flagged():
    sentence = "Les pays européens fourniront des troupes à l'Ukraine"
    claim = ClaimFacts("quote", {}, sentence, ("Ukraine",), False)
    denial = ClaimFacts("quote", {}, "Les pays européens ne fourniront pas de troupes à l'Ukraine", ("Ukraine",), True)

    assert relatedness(claim, denial).contradiction == "opposite polarity: one is negated"


def test_one_shared_common_name_alone_is_a_weak_match():
    claim = quantity(3, unit="jour", sentence="Trois jours de pourparlers", entities=("Ukraine", "Paris", "Londres"))
    other = quantity(5, unit="mois", sentence="Cinq mois de guerre", entities=("Ukraine", "Moscou", "Kiev"))

    assert relatedness(claim, other).score < 1.0
