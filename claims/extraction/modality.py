"""Polarity and modality of a claim: negated, hypothetical, reported."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .attribution import attribution_verbs
from .lexicons.speech import speech_for
from .spans import DocIndex
from .syntax import VERBAL, governing_verb, is_conditional, verb_group
from .text import fold

_STRONG_NEGATORS = frozenset(
    {"ne", "n'", "pas", "jamais", "aucun", "aucune", "nullement", "guere", "non", "not", "n't", "never", "no"}
)


def claim_modality(index: DocIndex, start: int, end: int, *, is_quote: bool) -> tuple[bool, bool]:
    """(negated, hypothetical) for the clause that holds the span."""
    tokens = index.tokens_in(start, end)
    if len(tokens) == 0:
        return False, False
    if not index.doc.has_annotation("DEP"):
        return _window_modality(index, tokens)
    anchor = _quote_root(tokens) if is_quote else tokens.root
    verb = governing_verb(anchor)
    group = verb_group(verb) if verb is not None else [anchor]
    lexicon = index.lexicon
    scope = [*group, anchor]
    children = [child for member in scope for child in member.children]
    negated = any(fold(child.text) in _STRONG_NEGATORS for child in children) or any(
        fold(token.text) in {"aucun", "aucune", "no"} for token in tokens
    )
    hypothetical = (
        any(is_conditional(member, lexicon.conditional_stems) for member in group)
        or any(fold(child.text) in lexicon.condition_marks and child.pos_ == "SCONJ" for child in children)
        or (
            _may_hold_any(index, tokens, lexicon.hypothetical_words)
            and any(fold(token.text) in lexicon.hypothetical_words for token in [*tokens, *anchor.subtree, *children])
        )
        or _subject_of_conditional(index, tokens)
    )
    return negated, hypothetical


def _may_hold_any(index: DocIndex, tokens: Span, words: frozenset[str]) -> bool:
    """Whether any of the words is in the text of the sentences holding the span: where none is, neither the
    span, nor a subtree or children of its words (the parse stays inside a sentence) can hold one, and the
    clause's tokens need not be walked (most claims)."""
    first, last = index.sentence_at(tokens[0].idx), index.sentence_at(tokens[-1].idx)
    text = index.folded[first.start_char : last.end_char] if first is not None and last is not None else index.folded
    return any(word in text for word in words)


def _verb_right_after(index: DocIndex, tokens: Span) -> Token | None:
    """The verb a claim is the subject of, read linearly ("5 000 soldats ne pourraient pas…").

    The parse is not trusted here: a number phrase opening a sentence is often hung on the previous
    sentence's verb, while French puts the verb right after its subject, past negation and clitics.
    """
    doc = index.doc
    position = tokens.end
    while position < len(doc) and position - tokens.end < 3 and doc[position].pos_ in {"ADV", "PART", "PRON"}:
        position += 1
    if position < len(doc) and doc[position].pos_ in VERBAL:
        return doc[position]
    return None


def _subject_of_conditional(index: DocIndex, tokens: Span) -> bool:
    verb = _verb_right_after(index, tokens)
    return verb is not None and is_conditional(verb, index.lexicon.conditional_stems)


def _quote_root(tokens: Span) -> Token:
    """The main predicate of a quote: the first token whose head lies outside the quote."""
    for token in tokens:
        if token.pos_ in {"VERB", "AUX", "ADJ"} and (
            token.head.i < tokens.start or token.head.i >= tokens.end or token.head is token
        ):
            return token
    return tokens.root


def _window_modality(index: DocIndex, tokens: Span) -> tuple[bool, bool]:
    """Without a parser: look for negators and conditionals in the clause, between punctuation."""
    doc, lexicon = index.doc, index.lexicon
    first, last = tokens.start, tokens.end
    while first > 0 and not doc[first - 1].is_punct and tokens.start - first < 8:
        first -= 1
    while last < len(doc) and not doc[last].is_punct and last - tokens.end < 8:
        last += 1
    # A capitalised month name is not a modal: "in May" is a date, "may" is a hedge.
    words = [fold(token.text) for token in doc[first:last] if not (token.is_title and token.lower_ in lexicon.months)]
    negated = any(word in _STRONG_NEGATORS for word in words)
    hypothetical = any(
        word in lexicon.conditional_stems or word in lexicon.condition_marks or word in lexicon.hypothetical_words
        for word in words
    )
    return negated, hypothetical


def sentence_is_reported(index: DocIndex, sentence: Span | None, cache: dict[int, bool]) -> bool:
    """Whether a sentence attributes what it says: an attribution verb, or "selon"."""
    if sentence is None:
        return False
    key = sentence.start_char
    if key not in cache:
        folded = index.folded[sentence.start_char : sentence.end_char]
        cache[key] = (
            any(f"{word} " in folded for word in index.lexicon.according_to)
            or bool(attribution_verbs(sentence, index))
            or _counted_by_a_source(index, sentence)
        )
    return cache[key]


_AUXILIARIES = frozenset({"a", "ont", "avait", "avaient", "aurait", "auraient", "has", "have", "had"})


def _counted_by_a_source(index: DocIndex, sentence: Span) -> bool:
    """ "La CGT a compté 1,2 million de manifestants", "police counted 100,000": a figure a source
    arrived at, told by a counting verb in a past tense ("le pays compte 8 millions d'habitants" is not)."""
    verbs = speech_for(index.language).counting_verbs
    folded = index.folded[sentence.start_char : sentence.end_char]
    if not any(verb[:5] in folded for verb in verbs):
        return False  # most sentences: no need to look at their tokens
    for token in sentence:
        if fold(token.lemma_) not in verbs and fold(token.text) not in verbs:
            continue
        previous = fold(token.doc[token.i - 1].text) if token.i > 0 else ""
        compound = previous in _AUXILIARIES or any(child.dep_.startswith("aux") for child in token.children)
        if compound or "Past" in token.morph.get("Tense") or fold(token.text).endswith("ed"):
            return True
    return False
