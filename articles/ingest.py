"""Turn an uploaded file into the plain text of an article."""

import codecs
import re

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

# Markup whose content is never article text.
NON_TEXT_TAGS = ["script", "style", "noscript", "template", "iframe", "svg", "head", "nav", "footer", "form"]
BLOCK_TAGS = [
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "tr",
]
BINARY_SIGNATURES = {
    b"PK\x03\x04": "a zip archive",
    b"%PDF": "a PDF",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
}
HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<p[\s>]|<div)", re.IGNORECASE)


def sniff_binary(data: bytes) -> str | None:
    for signature, description in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return description
    return None


def decode_text(data: bytes) -> str:
    """Decode by byte-order mark, then UTF-8, then Windows-1252 (a superset of Latin-1 for printable text)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data:
        raise ValidationError("This file is not text (it contains binary data).", code="binary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def html_to_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(NON_TEXT_TAGS):
        tag.decompose()
    for tag in soup(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return "\n\n".join(line for line in lines if line)


def text_from_upload(*, name: str, data: bytes) -> str:
    """The article text of an uploaded .txt or .html file, judged by its content, not its name."""
    if not data.strip():
        raise ValidationError("This file is empty.", code="empty")
    binary = sniff_binary(data)
    if binary:
        raise ValidationError(f"This file is {binary}, not a text or HTML article.", code="binary")
    text = decode_text(data)
    if HTML_START.match(text.encode("utf-8", errors="ignore")) or name.lower().endswith((".html", ".htm")):
        text = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise ValidationError("This file has no readable text.", code="empty")
    return text
