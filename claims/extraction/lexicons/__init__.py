"""Word lists per language."""

from .base import Lexicon
from .en import ENGLISH
from .fr import FRENCH

__all__ = ["ENGLISH", "FRENCH", "Lexicon", "lexicon_for"]


def lexicon_for(language: str) -> Lexicon:
    """French rules by default: the project's copy is French first."""
    return ENGLISH if language == "en" else FRENCH
