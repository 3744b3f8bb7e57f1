"""Read a bulk import: a folder of .txt/.html articles, a .zip of them, or a JSON Lines file.

Each reader yields an `ArticleDraft` per article, or an `Unreadable` naming the entry and why, so one
bad file never stops an archive import. Nothing here touches the database.
"""

import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

import orjson
from django.core.exceptions import ValidationError

from .ingest import detect_language, document_from_upload, upload_size_check
from .services import ArticleDraft

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
HEADLINE_MAX_LENGTH = 300


@dataclass(frozen=True)
class Unreadable:
    name: str
    reason: str


def read_drafts(path: Path, *, source: str, language: str) -> Iterator[ArticleDraft | Unreadable]:
    """The articles in `path`; files get `source` and `language`, JSON Lines records may name their own.

    Raises ValueError at once, before anything is read, for a path of no known kind."""
    if path.is_dir():
        return drafts_from_folder(path, source=source, language=language)
    if zipfile.is_zipfile(path):
        return drafts_from_zip(path, source=source, language=language)
    if path.suffix.lower() in JSON_LINES_SUFFIXES:
        return drafts_from_json_lines(path, source=source, language=language)
    raise ValueError(f"{path} is not a folder, a .zip or a JSON Lines (.jsonl) file.")


def drafts_from_folder(path: Path, *, source: str, language: str) -> Iterator[ArticleDraft | Unreadable]:
    files = sorted(item for item in path.rglob("*") if item.is_file() and item.suffix.lower() in ARTICLE_SUFFIXES)
    for item in files:
        name = str(item.relative_to(path))
        yield draft_from_file(name, item.stat().st_size, item.read_bytes, source=source, language=language)


def drafts_from_zip(path: Path, *, source: str, language: str) -> Iterator[ArticleDraft | Unreadable]:
    with zipfile.ZipFile(path) as archive:
        for name in zip_article_names(archive):
            size = archive.getinfo(name).file_size
            yield draft_from_file(name, size, partial(archive.read, name), source=source, language=language)


def count_entries(path: Path) -> int:
    """How many entries `read_drafts` will yield, for a progress bar's total."""
    if path.is_dir():
        return sum(1 for item in path.rglob("*") if item.is_file() and item.suffix.lower() in ARTICLE_SUFFIXES)
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return len(zip_article_names(archive))
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def zip_article_names(archive: zipfile.ZipFile) -> list[str]:
    return sorted(
        info.filename
        for info in archive.infolist()
        if not info.is_dir() and info.filename.lower().endswith(ARTICLE_SUFFIXES) and "__MACOSX/" not in info.filename
    )


def draft_from_file(
    name: str, size: int, read: Callable[[], bytes], *, source: str, language: str
) -> ArticleDraft | Unreadable:
    """A file read the way the upload page reads it: the same size limit (checked before a byte is read or
    unpacked), checks, title and language detection."""
    try:
        upload_size_check(size)
        document = document_from_upload(name=name, data=read())
    except ValidationError as error:
        return Unreadable(name, "; ".join(error.messages))
    language = language or detect_language(document.text)
    return ArticleDraft(title=document.title, body=document.text, source=source, language=language)


def drafts_from_json_lines(path: Path, *, source: str, language: str) -> Iterator[ArticleDraft | Unreadable]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield draft_from_record(f"line {number}", line, source=source, language=language)


def draft_from_record(name: str, line: bytes, *, source: str, language: str) -> ArticleDraft | Unreadable:
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        return Unreadable(name, f"not JSON ({error})")
    if not isinstance(record, dict) or not isinstance(record.get("body"), str):
        return Unreadable(name, "a record needs at least a text `body`")
    for key in ("title", "source", "language", "url"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return Unreadable(name, f"`{key}` is not text: {record[key]!r}")
    try:
        published_on = date.fromisoformat(record["published_on"]) if record.get("published_on") else None
    except (TypeError, ValueError):
        return Unreadable(name, f"`published_on` is not a YYYY-MM-DD date: {record['published_on']!r}")
    body = record["body"]
    return ArticleDraft(
        title=str(record.get("title") or body.strip().split("\n", 1)[0][:HEADLINE_MAX_LENGTH]),
        body=body,
        source=str(record.get("source") or source),
        language=str(record.get("language") or language or detect_language(body)),
        published_on=published_on,
        url=str(record.get("url") or ""),
    )
