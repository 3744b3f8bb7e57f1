"""Turn an uploaded file into an article's title and plain text, judging the file by its content, not its name."""

import codecs
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath

import docx
import pypdf
from bs4 import BeautifulSoup
from charset_normalizer import from_bytes
from django.core.exceptions import ValidationError
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from .models import Language
from .text import article_text_normalize

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
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
    b"MZ": "a program",
    b"\xd0\xcf\x11\xe0": "an old Word or Excel file (save it as .docx)",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
}
# Markup, whatever the file is called: the text opens with a tag or a doctype.
HTML_START = re.compile(r"^\s*<(!doctype\s+html|!--|[a-z][a-z0-9]*[\s/>])", re.IGNORECASE)
TITLE_MAX_LENGTH = 200
ACCEPTED_KINDS = "a text, HTML, Word (.docx) or PDF article"


@dataclass(frozen=True)
class IngestedDocument:
    title: str
    text: str


def refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def decode_text(data: bytes) -> str:
    """Decode by byte-order mark, then UTF-8, then UTF-16 without a mark, then Windows-1252.

    Windows-1252 is a superset of Latin-1 for printable text, so Latin-1 files read right too.
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data:
        # NUL bytes are either UTF-16 without a byte-order mark or a binary file.
        guess = from_bytes(data).best()
        if guess is None or not guess.encoding.startswith("utf_16"):
            raise refuse("This file is not text (it contains binary data).", "binary")
        return str(guess)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def html_document(html: str) -> IngestedDocument:
    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup(NON_TEXT_TAGS):
        tag.decompose()
    for tag in soup(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return IngestedDocument(title=title, text="\n\n".join(line for line in lines if line))


def docx_document(data: bytes) -> IngestedDocument:
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a broken or foreign zip
        raise refuse(f"This file is a zip archive, not {ACCEPTED_KINDS}.", "binary") from error
    paragraphs = (" ".join(paragraph.text.split()) for paragraph in document.paragraphs)
    return IngestedDocument(
        title=document.core_properties.title or "", text="\n\n".join(line for line in paragraphs if line)
    )


def pdf_document(data: bytes) -> IngestedDocument:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or ""
    except Exception as error:  # pypdf raises many kinds on a damaged or encrypted file
        raise refuse("This PDF could not be read (damaged or password-protected).", "unreadable") from error
    lines = (" ".join(line.split()) for page in pages for line in page.splitlines())
    text = "\n".join(line for line in lines if line)
    if not text:
        raise refuse("This PDF has no text to read (a scan? run it through OCR first).", "empty")
    return IngestedDocument(title=str(title), text=text)


def text_document(data: bytes) -> IngestedDocument:
    text = decode_text(data)
    if HTML_START.match(text):
        return html_document(text)
    return IngestedDocument(title="", text=text)


def document_from_upload(*, name: str, data: bytes) -> IngestedDocument:
    """The title and text of an uploaded article; refuses empty, binary and unreadable files with a reason."""
    if not data.strip():
        raise refuse("This file is empty.", "empty")
    if data.startswith(b"%PDF"):
        document = pdf_document(data)
    elif data.startswith(b"PK\x03\x04"):
        document = docx_document(data)
    elif kind := next((kind for signature, kind in BINARY_SIGNATURES.items() if data.startswith(signature)), None):
        raise refuse(f"This file is {kind}, not {ACCEPTED_KINDS}.", "binary")
    else:
        document = text_document(data)
    text = article_text_normalize(document.text)
    if not text:
        raise refuse("This file has no readable text.", "empty")
    if "\x00" in text:
        raise refuse("This file is not text (it contains binary data).", "binary")
    return IngestedDocument(title=document_title(document.title, text=text, name=name), text=text)


def document_title(title: str, *, text: str, name: str) -> str:
    """The document's own title, else its first line when that is short enough to be one, else the file name."""
    title = " ".join(title.split())
    if title:
        return title[:TITLE_MAX_LENGTH]
    first_line = text.split("\n", 1)[0].strip()
    if first_line and len(first_line) <= TITLE_MAX_LENGTH:
        return first_line
    return PurePath(name).stem[:TITLE_MAX_LENGTH] or "Untitled"


@cache
def language_identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(Language.values)
    return identifier


def detect_language(text: str) -> str:
    """The supported language the text is most likely in (offline: py3langid's bundled model)."""
    language, _score = language_identifier().classify(text[:5000])
    return language
