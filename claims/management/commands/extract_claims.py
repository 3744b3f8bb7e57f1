"""Print the claim candidates the extraction pipeline finds in a text file (or stdin)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.extraction import Kind, extract

ALL_KINDS = (Kind.QUANTITY, Kind.DATE, Kind.QUOTE, Kind.ENTITY)
DEFAULT_KINDS = "quantity,date,quote"


class Command(BaseCommand):
    help = "Extract candidate claims (quantities, dates, quotes) from FILE, or stdin with '-'. No database access."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="UTF-8 text file (cp1252 accepted), or - for stdin")
        parser.add_argument("--lang", default="fr", choices=["fr", "en"])
        parser.add_argument("--published", help="publication date, YYYY-MM-DD, to resolve relative dates")
        parser.add_argument("--format", default="text", choices=["json", "text"])
        parser.add_argument("--kinds", default=DEFAULT_KINDS, help=f"comma-separated among {', '.join(ALL_KINDS)}")

    def handle(self, *args, **options) -> None:
        kinds = _parse_kinds(options["kinds"])
        published = _parse_date(options["published"])
        text = _read_text(options["file"])
        records = [r for r in extract(text, language=options["lang"], published=published) if r.kind in kinds]
        if options["format"] == "json":
            self.stdout.write(json.dumps([record.as_dict() for record in records], ensure_ascii=False, indent=2))
            return
        for record in records:
            flags = [name for name in ("negated", "hypothetical", "reported") if getattr(record, name)]
            reading = ", ".join(f"{key}={value}" for key, value in record.fields.items() if key != "quote")
            self.stdout.write(
                f"{record.kind:<9}{record.start:>6}-{record.end:<6}{record.text!r}  [{reading}]"
                f"{'  (' + ', '.join(flags) + ')' if flags else ''}"
            )


def _parse_kinds(raw: str) -> set[str]:
    kinds = {kind.strip() for kind in raw.split(",") if kind.strip()}
    unknown = kinds - set(ALL_KINDS)
    if unknown or not kinds:
        raise CommandError(f"--kinds must list some of {', '.join(ALL_KINDS)}; got {raw!r}")
    return kinds


def _parse_date(raw: str | None) -> date | None:
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise CommandError(f"--published must be a date as YYYY-MM-DD; got {raw!r}") from None


def _read_text(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    else:
        path = Path(name)
        if not path.is_file():
            raise CommandError(f"No such file: {name}")
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {name}: {error.strerror}") from None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CommandError(f"{name} is neither UTF-8 nor cp1252 text")
