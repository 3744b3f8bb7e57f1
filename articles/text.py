"""One shape for every article text, whichever way it came in, so offsets mean the same everywhere."""

import unicodedata


def article_text_normalize(text: str) -> str:
    """Unicode NFC, `\\n` line breaks, no trailing blanks on any line, none before or after the text.

    A reviewer's selection is counted in characters of the stored text: a pasted `\\r\\n` left in place
    would shift every span after it by one character per line break.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()
