"""The optional fields of a quantity's reading: unit key, a rate's denominator, a change's old value."""

import pytest

from claims.extraction.readings import ReadingError, reading_as_dict, reading_parse


def test_unit_key_per_and_value_old_are_read_and_kept():
    reading = reading_parse(
        "quantity", {"value": "329", "unit": "cas", "unit_key": "case", "per": "100000 inhabitant", "value_old": "290"}
    )
    assert reading_as_dict(reading) == {
        "value": 329.0,
        "value_max": None,
        "qualifier": "exact",
        "unit": "cas",
        "unit_key": "case",
        "per": "100000 inhabitant",
        "value_old": 290.0,
    }


def test_a_reading_without_them_keeps_its_former_shape():
    reading = reading_parse("quantity", {"value": 30, "qualifier": "more_than", "unit": "pays"})
    assert reading_as_dict(reading) == {"value": 30.0, "value_max": None, "qualifier": "more_than", "unit": "pays"}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"value": 1, "value_old": "beaucoup"}, "value_old"),
        ({"value": 1, "value_old": float("inf")}, "value_old"),
        ({"value": 1, "unit_key": "x" * 41}, "unit_key"),
        ({"value": 1, "unit_key": ["case"]}, "unit_key"),
        ({"value": 1, "per": "1" * 81}, "per"),
    ],
)
def test_bad_values_are_refused_by_name(data, field):
    with pytest.raises(ReadingError) as error:
        reading_parse("quantity", data)
    assert error.value.field == field
