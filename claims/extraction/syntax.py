"""Small walks over the dependency parse, shared by the date, modality and quote rules."""

from __future__ import annotations

from spacy import parts_of_speech
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Token

from .text import fold

VERBAL = frozenset({"VERB", "AUX"})
_VERBAL_TAGS = frozenset({parts_of_speech.VERB, parts_of_speech.AUX})
_COPULA_HEADS = "tracker_copula_heads"


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above `token` in the parse (the token itself if it is one)."""
    copula_heads = _copula_heads(token.doc)
    current, seen = token, 0
    while seen < 12:
        # A copula's clause is headed by its predicate ("seraient européens"), not by the verb.
        if current.pos in _VERBAL_TAGS or current.i in copula_heads:
            return current
        head = current.head
        if head.i == current.i:
            return current if current.pos in _VERBAL_TAGS else None
        current, seen = head, seen + 1
    return None


def _copula_heads(doc: Doc) -> frozenset[int]:
    """The positions of the tokens a copula depends on, read once per document from its arrays (walking each
    token's children made a Token object of every child, claim after claim) and kept with the document."""
    heads = doc.user_data.get(_COPULA_HEADS)
    if heads is None:
        copula = doc.vocab.strings["cop"]
        rows = doc.to_array([DEP, HEAD]).tolist() if len(doc) else []
        # HEAD is stored relative to the token (and as unsigned: wrap it back to a signed offset).
        heads = frozenset(position + _signed(offset) for position, (dep, offset) in enumerate(rows) if dep == copula)
        doc.user_data[_COPULA_HEADS] = heads
    return heads


def _signed(offset: int) -> int:
    return offset - (1 << 64) if offset >= 1 << 63 else offset


def verb_group(verb: Token) -> list[Token]:
    """The verb, its auxiliaries, and the modal it depends on ("pourraient fournir")."""
    group = [verb, *(child for child in verb.children if child.dep_.startswith("aux") or child.dep_ == "cop")]
    if verb.morph.get("VerbForm") == ["Inf"] and verb.head is not verb and verb.head.pos_ in VERBAL:
        head = verb.head
        group += [head, *(child for child in head.children if child.dep_.startswith("aux"))]
    return group


_IMPERFECT_ENDINGS = ("aient", "ait", "ais", "ions", "iez")


def is_conditional(token: Token, stems: tuple[str, ...]) -> bool:
    """Mood=Cnd from the morphologizer, or the form itself: future stem + imperfect ending.

    The small model tags many conditionals as indicative ("fourniraient"), more so without accents.
    The future stem is the infinitive (fournir-aient, prendr-ait) or one of a few irregular stems
    (pourr-, devr-, ser-); an imperfect is built on a shorter stem (fourniss-aient, pren-ait).
    """
    if "Cnd" in token.morph.get("Mood"):
        return True
    if token.pos_ and token.pos_ not in VERBAL:
        return False
    text, lemma = fold(token.text), fold(token.lemma_)
    for ending in _IMPERFECT_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending) + 1:
            stem = text[: -len(ending)]
            return stem in stems or stem == lemma or (lemma.endswith("re") and stem == lemma[:-1])
    return text in stems  # English modals: would, could, might


def is_future_oriented(token: Token) -> bool:
    """Whether the clause around `token` speaks of what is to come ("doivent se réunir jeudi")."""
    verb = governing_verb(token)
    if verb is None:
        return False
    for member in verb_group(verb):
        tense = member.morph.get("Tense")
        if "Fut" in tense:
            return True
        if fold(member.lemma_) in {"devoir", "aller", "prevoir"} and "Pres" in tense:
            return True
    return False
