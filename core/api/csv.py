"""CSV for spreadsheets, safe to open: a text cell a spreadsheet would read as a formula is escaped."""

import csv
import io
import json

from rest_framework.renderers import BaseRenderer

# OWASP "CSV injection": these first characters make Excel, LibreOffice and Sheets evaluate a cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    return str(value)  # numbers stay numbers, negative ones included


def flatten(row: dict, prefix: str = "") -> dict:
    """One column per leaf: {"normalized": {"unit": "pays"}} becomes {"normalized.unit": "pays"}."""
    flat = {}
    for key, value in row.items():
        if isinstance(value, dict) and value:
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def csv_text(rows: list[dict]) -> str:
    flat_rows = [flatten(row) for row in rows]
    columns = list(dict.fromkeys(column for row in flat_rows for column in row))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in flat_rows:
        writer.writerow([cell(row.get(column)) for column in columns])
    return buffer.getvalue()


class CSVRenderer(BaseRenderer):
    """`?format=csv` or `Accept: text/csv`. A page's rows; the next page's URL is in the `Link` header."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        rows = data
        if isinstance(data, dict) and isinstance(data.get("results"), list):
            rows = data["results"]
            response = (renderer_context or {}).get("response")
            if response is not None and data.get("next"):
                response["Link"] = f'<{data["next"]}>; rel="next"'
        if isinstance(rows, dict):
            rows = [rows]  # one object, or an error such as {"detail": "…"}
        return csv_text([row if isinstance(row, dict) else {"value": row} for row in rows]).encode(self.charset)
