"""How a quantity's reading is written for a reviewer (highlights, cards, the related panel)."""

from claims.models import quantity_reading


def test_a_rate_shows_its_denominator():
    reading = {"value": 412.0, "qualifier": "exact", "unit": "cas", "unit_key": "case", "per": "100000 inhabitant"}
    assert quantity_reading(reading) == "412 cas per 100000 inhabitant"


def test_a_change_shows_the_value_it_changed_from():
    reading = {"value": 329.0, "qualifier": "exact", "unit": "cas", "value_old": 290.0}
    assert quantity_reading(reading) == "329 cas (from 290)"


def test_a_reading_without_the_new_fields_reads_as_before():
    assert quantity_reading({"value": 30.0, "qualifier": "more_than", "unit": "pays"}) == "> 30 pays"
