"""One shape for every article text, whichever way it came in, so offsets mean the same everywhere."""

import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError

# Format (zero-width, direction marks), control, unassigned and private-use characters, and separators:
# a text made only of these shows nothing to read.
INVISIBLE_CATEGORIES = {"Cc", "Cf", "Cn", "Co", "Cs", "Zs", "Zl", "Zp"}


def article_text_normalize(text: str) -> str:
    """Unicode NFC, `\\n` line breaks, no trailing blanks on any line, none before or after the text.

    A reviewer's selection is counted in characters of the stored text: a pasted `\\r\\n` left in place
    would shift every span after it by one character per line break.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def article_text_check(text: str) -> None:
    """Refuse a text with nothing visible to read, or longer than the extractor is given (`ARTICLE_MAX_CHARS`).

    Every way in (upload page, API, import, seeds) and every save of an article goes through this,
    so an article accepted is an article that can be extracted.
    """
    if not any(unicodedata.category(character) not in INVISIBLE_CATEGORIES for character in text):
        raise ValidationError(
            "The text has nothing to read (only blanks, invisible or control characters).", code="empty"
        )
    limit = settings.ARTICLE_MAX_CHARS
    if len(text) > limit:
        raise ValidationError(
            f"The text is {len(text):,} characters long; the limit is {limit:,}. Split it into several articles.",
            code="too_long",
        )
