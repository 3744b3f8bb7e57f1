"""Decode an uploaded text file: by its byte-order mark, as strict UTF-8, else by charset-normalizer's
detection among the legacy encodings newsrooms meet. A doubtful guess is refused, never stored as mojibake."""

import codecs
import re

from charset_normalizer import from_bytes
from django.core.exceptions import ValidationError

# The single- and multi-byte encodings a newsroom's files come in, besides UTF-8 and UTF-16. Left to
# itself, the detector also weighs Mac Central European, Greek and DOS code pages, and picks one of them
# for short French texts.
LEGACY_ENCODINGS = [
    "cp1252",
    "iso8859_15",
    "mac_roman",
    "cp1250",
    "cp1251",
    "koi8_r",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "shift_jis",
    "cp932",
    "euc_jp",
    "gb18030",
    "big5",
    "euc_kr",
]
# charset-normalizer's "chaos" (0 = reads like text, 1 = noise): above this the best guess is garbage.
MAX_CHAOS = 0.2
# Guesses this close to the best one are as likely as it is.
CHAOS_TIE = 0.05
# The non-ASCII characters of French and English prose, which settle a tie between Western code pages
# that decode the same bytes differently (Windows-1252's « Œ » against Windows-1250's « Ś »,
# ISO-8859-15's « € » against Windows-1252's « ¤ »).
FAMILIAR_CHARACTERS = frozenset("àâäæçéèêëîïôöœùûüÿÀÂÄÆÇÉÈÊËÎÏÔÖŒÙÛÜŸ«»‘’‚“”„–—…€°§£•·\u00a0\u202f")
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
REPLACEMENT_CHARACTER_UTF8 = "\ufffd".encode()
NON_ASCII = re.compile(r"[^\x00-\x7f]")


def refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def decode_text(data: bytes) -> str:
    """The text of a file, or a ValidationError saying why its encoding cannot be trusted."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise refuse(
                    f"This file is damaged: invalid {encoding.upper()} at byte {error.start}.", "encoding"
                ) from error
    if b"\x00" in data:
        # NUL bytes are either UTF-16 without a byte-order mark or a binary file.
        guess = from_bytes(data).best()
        if guess is None or not guess.encoding.startswith("utf_16"):
            raise refuse("This file is not text (it contains binary data).", "binary")
        return str(guess)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        damaged_utf8_check(data, first_error=error.start)
    return legacy_decode(data)


def damaged_utf8_check(data: bytes, *, first_error: int) -> None:
    """Refuse a UTF-8 file with a few invalid bytes: read as a legacy code page, its every accent would be garbled."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count(REPLACEMENT_CHARACTER_UTF8)
    multibyte = len(NON_ASCII.findall(text)) - text.count("\ufffd")
    if multibyte > invalid:
        plural = "s" if invalid > 1 else ""
        raise refuse(
            f"This file is UTF-8 with {invalid} invalid byte{plural} (the first at byte {first_error}): "
            "it was damaged or mixes encodings. Save it again as UTF-8.",
            "encoding",
        )


def legacy_decode(data: bytes) -> str:
    matches = from_bytes(data, cp_isolation=LEGACY_ENCODINGS)
    best = matches.best()
    if best is None or best.chaos > MAX_CHAOS:
        raise refuse("The encoding of this file could not be recognised. Save it as UTF-8.", "encoding")
    readings = {str(match) for match in matches if match.chaos <= best.chaos + CHAOS_TIE}
    if len(readings) == 1:
        return readings.pop()
    ranked = sorted(readings, key=familiar_share, reverse=True)
    if familiar_share(ranked[0]) == familiar_share(ranked[1]):
        raise refuse(
            "The encoding of this file is ambiguous (it reads as several different texts). Save it as UTF-8.",
            "encoding",
        )
    return ranked[0]


def familiar_share(text: str) -> float:
    """The share of the non-ASCII characters of `text` that French or English prose uses."""
    foreign = NON_ASCII.findall(text)
    return sum(1 for character in foreign if character in FAMILIAR_CHARACTERS) / len(foreign) if foreign else 1.0
