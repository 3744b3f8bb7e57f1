"""Inserting an extraction's new candidates in bulk, for the worker's storage step."""

from collections.abc import Callable
from functools import partial
from typing import Any

from django.db import connection, models
from django.db.models.constants import OnConflict
from django.utils import timezone

from ..models import Claim

# Columns whose Python value is what the database stores (a foreign key's is the id): they reach it as they
# are. The others (JSON, dates) are prepared by their field.
AS_THEY_ARE = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.FloatField,
    models.ForeignKey,
)


def claims_insert(*, rows: list[dict]) -> None:
    """Insert claims given as column values by attribute name (the same names in every row; the other
    columns take their defaults), skipping a span a racing worker stored a moment ago.

    `bulk_create` prepared each of a claim's 26 values through its field, which cost the worker more than
    the database spent storing them: here the columns every row shares are prepared once, and only JSON and
    dates go through their field row by row.
    """
    if not rows:
        return
    now = timezone.now()
    fields = [field for field in Claim._meta.concrete_fields if not field.primary_key]
    given = [field for field in fields if field.attname in rows[0]]
    shared = {
        field: field.get_db_prep_save(now if _stamped(field) else field.get_default(), connection)
        for field in fields
        if field not in given
    }
    preparers = [(field.attname, _preparer(field)) for field in given if not isinstance(field, AS_THEY_ARE)]
    shared_values = list(shared.values())
    values = []
    for row in rows:
        row = dict(row)
        for name, prepare in preparers:
            row[name] = prepare(row[name])
        values.append([row[field.attname] for field in given] + shared_values)
    columns = [*given, *shared]
    quote = connection.ops.quote_name
    sql = (
        f"{connection.ops.insert_statement(on_conflict=OnConflict.IGNORE)} {quote(Claim._meta.db_table)} "
        f"({', '.join(quote(field.column) for field in columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
        f"{connection.ops.on_conflict_suffix_sql(columns, OnConflict.IGNORE, None, None) or ''}"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


def _preparer(field: models.Field) -> Callable[[Any], Any]:
    """How one column's values become the database's. JSON goes straight to the backend's adapter with the
    field's encoder (what `JSONField.get_db_prep_save` ends in, past a connection lookup per value)."""
    if isinstance(field, models.JSONField):
        return partial(connection.ops.adapt_json_value, encoder=field.encoder)
    return partial(field.get_db_prep_save, connection=connection)


def _stamped(field: models.Field) -> bool:
    return bool(getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))
