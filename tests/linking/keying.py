"""A quantity claim keyed as the engine keys it, for the linking tests: one place that calls `claim_key`."""

from datetime import date

from claims.linking import claim_key


def quantity_key(
    value,
    unit,
    text,
    sentence,
    *,
    unit_key=None,
    qualifier="exact",
    language="fr",
    entities=(),
    published=date(2025, 9, 18),
    before="",
):
    reading = {"value": value, "qualifier": qualifier, "unit": unit}
    if unit_key:
        reading["unit_key"] = unit_key  # as the extractor reads it
    return claim_key(
        kind="quantity",
        reading=reading,
        text=text,
        sentence=sentence,
        entities=entities,
        language=language,
        published=published,
        before=before,
    )
