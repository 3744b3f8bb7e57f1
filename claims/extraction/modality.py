"""Polarity and modality of a claim: negated, hypothetical, reported."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

from spacy import parts_of_speech
from spacy.tokens import Span

from .attribution import attribution_verb_positions
from .lexicons.speech import speech_for
from .spans import DocIndex
from .syntax import VERBAL_TAGS, Parse, folded_word, governing_verb_at, is_conditional_at, parse_of, verb_group
from .text import fold

_STRONG_NEGATORS = frozenset(
    {"ne", "n'", "pas", "jamais", "aucun", "aucune", "nullement", "guere", "non", "not", "n't", "never", "no"}
)


def claim_modality(index: DocIndex, start: int, end: int, *, is_quote: bool) -> tuple[bool, bool]:
    """(negated, hypothetical) for the clause that holds the span."""
    tokens = index.tokens_in(start, end)
    if len(tokens) == 0:
        return False, False
    if not index.parsed:
        return _window_modality(index, tokens)
    parse = parse_of(index.doc)
    # Read by position in the parse table: no Token is made for the clause's words.
    anchor = _quote_root(parse, tokens) if is_quote else tokens.root.i
    clause = _clause(index, parse, anchor)
    lexicon = index.lexicon
    anchor_children = parse.children(anchor)
    children = [*clause.children, *anchor_children]
    child_words = [*clause.words, *(folded_word(index, parse, child) for child in anchor_children)]
    negated = not _STRONG_NEGATORS.isdisjoint(child_words) or _span_holds(index, parse, tokens, _NO_WORDS)
    hypothetical = (
        clause.conditional
        or any(
            word in lexicon.condition_marks and parse.pos[child] == parts_of_speech.SCONJ
            for word, child in zip(child_words, children, strict=True)
        )
        or (
            _may_hold_any(index, tokens, lexicon.hypothetical_words)
            and (
                _span_holds(index, parse, tokens, lexicon.hypothetical_words)
                or any(
                    folded_word(index, parse, token.i) in lexicon.hypothetical_words
                    for token in index.doc[anchor].subtree
                )
                or not lexicon.hypothetical_words.isdisjoint(child_words)
            )
        )
        or _subject_of_conditional(index, parse, tokens)
    )
    return negated, hypothetical


_NO_WORDS = frozenset({"aucun", "aucune", "no"})


@dataclass(frozen=True)
class _Clause:
    """The verb group governing a claim, read once per verb: the claims of a sentence often share their verb."""

    children: list[int]  # the positions of the group's children
    words: list[str]  # their folded words
    conditional: bool  # whether a verb of the group is in the conditional


def _clause(index: DocIndex, parse: Parse, anchor: int) -> _Clause:
    verb = governing_verb_at(parse, anchor)
    if verb is None:
        return _read_clause(index, parse, [anchor])
    clauses = index.cache.setdefault("clauses", {})
    if verb not in clauses:
        clauses[verb] = _read_clause(index, parse, verb_group(parse, verb))
    return clauses[verb]


def _read_clause(index: DocIndex, parse: Parse, group: list[int]) -> _Clause:
    children = [child for member in group for child in parse.children(member)]
    return _Clause(
        children=children,
        words=[folded_word(index, parse, child) for child in children],
        conditional=any(is_conditional_at(parse, member, index.lexicon.conditional_stems) for member in group),
    )


def _span_holds(index: DocIndex, parse: Parse, tokens: Span, words: frozenset[str]) -> bool:
    """Whether a token of the span is one of the words, looked for in the span's text before its tokens."""
    last = tokens.end - 1
    text = index.folded[index.token_starts[tokens.start] : index.token_starts[last] + parse.lengths[last]]
    return any(word in text for word in words) and not words.isdisjoint(
        folded_word(index, parse, position) for position in range(tokens.start, tokens.end)
    )


def _may_hold_any(index: DocIndex, tokens: Span, words: frozenset[str]) -> bool:
    """Whether any of the words is in the text of the sentences holding the span: where none is, neither the
    span, nor a subtree or children of its words (the parse stays inside a sentence) can hold one, and the
    clause's tokens need not be walked (most claims)."""
    first = index.sentence_at(index.token_starts[tokens.start])
    last = index.sentence_at(index.token_starts[tokens.end - 1])
    start, end = (first.start_char, last.end_char) if first is not None and last is not None else (0, len(index.folded))
    starts, earliest_ends = _occurrences(index, words)
    following = bisect_left(starts, start)
    return following < len(starts) and earliest_ends[following] <= end


def _occurrences(index: DocIndex, words: frozenset[str]) -> tuple[list[int], list[int]]:
    """Where the words occur in the folded body, found once per document: the starts in order, and for each the
    earliest end among the occurrences starting there or later. A stretch of text holds a word when the first
    occurrence starting inside it has an earliest end inside it (rather than searching every word in the text
    of each claim's sentences)."""
    occurrences = index.cache.setdefault("word_occurrences", {})
    if words not in occurrences:
        folded, found = index.folded, []
        for word in words:
            position = folded.find(word)
            while position != -1:
                found.append((position, position + len(word)))
                position = folded.find(word, position + 1)
        found.sort()
        earliest_ends = list(accumulate(reversed([end for _, end in found]), min))[::-1]
        occurrences[words] = ([start for start, _ in found], earliest_ends)
    return occurrences[words]


# What may stand between a subject and its verb: negation, adverbs, clitics.
_BEFORE_VERB_TAGS = frozenset({parts_of_speech.ADV, parts_of_speech.PART, parts_of_speech.PRON})


def _verb_right_after(parse: Parse, tokens: Span) -> int | None:
    """The verb a claim is the subject of, read linearly ("5 000 soldats ne pourraient pas…").

    The parse is not trusted here: a number phrase opening a sentence is often hung on the previous
    sentence's verb, while French puts the verb right after its subject, past negation and clitics.
    """
    position, length = tokens.end, len(parse.pos)
    while position < length and position - tokens.end < 3 and parse.pos[position] in _BEFORE_VERB_TAGS:
        position += 1
    if position < length and parse.pos[position] in VERBAL_TAGS:
        return position
    return None


def _subject_of_conditional(index: DocIndex, parse: Parse, tokens: Span) -> bool:
    verb = _verb_right_after(parse, tokens)
    return verb is not None and is_conditional_at(parse, verb, index.lexicon.conditional_stems)


_PREDICATE_TAGS = frozenset({parts_of_speech.VERB, parts_of_speech.AUX, parts_of_speech.ADJ})


def _quote_root(parse: Parse, tokens: Span) -> int:
    """The main predicate of a quote: the first token whose head lies outside the quote."""
    for position in range(tokens.start, tokens.end):
        if parse.pos[position] in _PREDICATE_TAGS and not tokens.start <= parse.heads[position] < tokens.end:
            return position
    return tokens.root.i


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
            or bool(attribution_verb_positions(sentence, index))
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
        if compound or "Past" in parse_of(index.doc).feature(token.i, "Tense") or fold(token.text).endswith("ed"):
            return True
    return False
