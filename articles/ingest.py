"""Turn an uploaded file into an article's title and plain text, judging the file by its content, not its name."""

import io
import re
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath

import docx
import lxml.html
import pypdf
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from lxml import etree
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from .encodings import decode_text, refuse
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
HTML_MAX_DEPTH = 256  # libxml2's own limit without its "huge" option
ACCEPTED_KINDS = "a text, HTML, Word (.docx) or PDF article"


@dataclass(frozen=True)
class IngestedDocument:
    title: str
    text: str


def html_document(html: str) -> IngestedDocument:
    """The title and text of a page, read by libxml2's HTML parser: linear in the markup, however nested.

    libxml2 stops at a nesting depth of 256 or a single text over 10 MB and says so in its error log;
    such a page is refused rather than read in part.
    """
    parser = lxml.html.HTMLParser(encoding="utf-8")  # the text is decoded already: ignore any <meta charset>
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except etree.ParserError:  # only a comment or a doctype: nothing to read, refused as such by the caller
        return IngestedDocument(title="", text="")
    if any(entry.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for entry in parser.error_log):
        raise refuse(
            f"This HTML is nested more than {HTML_MAX_DEPTH} elements deep or holds a text too long to read whole.",
            "too_complex",
        )
    title = root.findtext(".//title") or ""
    etree.strip_elements(root, *NON_TEXT_TAGS, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    pieces = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        block_break = "\n" if element.tag in BLOCK_TAGS else ""
        pieces.append(block_break + ((element.text if event == "start" else element.tail) or ""))
    lines = (" ".join(line.split()) for line in "".join(pieces).splitlines())
    return IngestedDocument(title=title, text="\n\n".join(line for line in lines if line))


def zip_members_check(data: bytes) -> None:
    """Refuse a Word file that would unpack to more than its limits, judged by the zip's own directory:
    a few kilobytes of zip can unpack to gigabytes. (zipfile never unpacks more than a member declares.)"""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except zipfile.BadZipFile as error:
        raise refuse(f"This file is a zip archive, not {ACCEPTED_KINDS}.", "binary") from error
    if len(members) > settings.DOCX_MAX_MEMBERS:
        raise refuse(
            f"This Word file holds {len(members):,} parts; the limit is {settings.DOCX_MAX_MEMBERS:,}.", "too_complex"
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > settings.DOCX_MAX_UNPACKED_BYTES:
        limit = filesizeformat(settings.DOCX_MAX_UNPACKED_BYTES)
        raise refuse(f"This Word file unpacks to {filesizeformat(unpacked)}; the limit is {limit}.", "too_complex")


def docx_document(data: bytes) -> IngestedDocument:
    zip_members_check(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a broken or foreign zip
        raise refuse(f"This file is a zip archive, not {ACCEPTED_KINDS}.", "binary") from error
    # Counted on the parsed XML (fast) before python-docx reads each paragraph's runs (slow).
    blocks = len(document.element.body)
    if blocks > settings.DOCX_MAX_PARAGRAPHS:
        raise refuse(
            f"This Word file has {blocks:,} paragraphs; the limit is {settings.DOCX_MAX_PARAGRAPHS:,}.", "too_complex"
        )
    paragraphs = (" ".join(paragraph.text.split()) for paragraph in document.paragraphs)
    return IngestedDocument(
        title=document.core_properties.title or "", text="\n\n".join(line for line in paragraphs if line)
    )


def pdf_document(data: bytes) -> IngestedDocument:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        page_count = len(reader.pages)
        if page_count > settings.PDF_MAX_PAGES:
            raise refuse(f"This PDF has {page_count:,} pages; the limit is {settings.PDF_MAX_PAGES:,}.", "too_complex")
        lines, length = [], 0
        for page in reader.pages:
            for line in (page.extract_text() or "").splitlines():
                if line := " ".join(line.split()):
                    lines.append(line)
                    length += len(line) + 1
            if length > settings.ARTICLE_MAX_CHARS:  # stop reading: the article would be refused anyway
                raise refuse(
                    f"This PDF has more than {settings.ARTICLE_MAX_CHARS:,} characters of text, the limit.",
                    "too_long",
                )
        title = (reader.metadata.title if reader.metadata else None) or ""
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds on a damaged or encrypted file
        raise refuse("This PDF could not be read (damaged or password-protected).", "unreadable") from error
    text = "\n".join(lines)
    if not text:
        raise refuse("This PDF has no text to read (a scan? run it through OCR first).", "empty")
    return IngestedDocument(title=str(title), text=text)


def text_document(data: bytes) -> IngestedDocument:
    text = decode_text(data)
    if HTML_START.match(text):
        return html_document(text)
    return IngestedDocument(title="", text=text)


def upload_size_check(size: int) -> None:
    """Refuse a file over `UPLOAD_MAX_BYTES` before reading it."""
    if size > settings.UPLOAD_MAX_BYTES:
        limit = filesizeformat(settings.UPLOAD_MAX_BYTES)
        raise refuse(f"This file is {filesizeformat(size)}; the limit is {limit}.", "size")


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
