"""Inserting an extraction's new candidates in bulk, for the worker's storage step."""

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
    prepared = [field for field in given if not isinstance(field, AS_THEY_ARE)]
    values = []
    for row in rows:
        row = dict(row)
        for field in prepared:
            row[field.attname] = field.get_db_prep_save(row[field.attname], connection)
        values.append([row[field.attname] for field in given] + list(shared.values()))
    columns = [*given, *shared]
    quote = connection.ops.quote_name
    sql = (
        f"{connection.ops.insert_statement(on_conflict=OnConflict.IGNORE)} {quote(Claim._meta.db_table)} "
        f"({', '.join(quote(field.column) for field in columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
        f"{connection.ops.on_conflict_suffix_sql(columns, OnConflict.IGNORE, None, None) or ''}"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


def _stamped(field: models.Field) -> bool:
    return bool(getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))
