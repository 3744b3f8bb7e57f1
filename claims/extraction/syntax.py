"""Small walks over the dependency parse, shared by the date, modality and quote rules."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy import parts_of_speech
from spacy.attrs import DEP, HEAD, LEMMA, LENGTH, MORPH, ORTH, POS
from spacy.strings import StringStore
from spacy.tokens import Doc, MorphAnalysis, Token
from spacy.vocab import Vocab

from .spans import DocIndex
from .text import fold

VERBAL_TAGS = frozenset({parts_of_speech.VERB, parts_of_speech.AUX})
_PARSE = "tracker_parse"


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above `token` in the parse (the token itself if it is one)."""
    verb = governing_verb_at(parse_of(token.doc), token.i)
    if verb is None:
        return None
    return token if verb == token.i else token.doc[verb]


def governing_verb_at(parse: Parse, position: int) -> int | None:
    """`governing_verb` by position in the parse table."""
    current, seen = position, 0
    while seen < 12:
        # A copula's clause is headed by its predicate ("seraient européens"), not by the verb.
        if parse.pos[current] in VERBAL_TAGS or current in parse.copula_heads:
            return current
        head = parse.heads[current]
        if head == current:
            return None  # the root, and not a verb
        current, seen = head, seen + 1
    return None


@dataclass(frozen=True)
class Parse:
    """A document's tags and tree by token position, read once from its arrays: walking `Token.children` or
    reading `Token.dep_` made a Token object (and a string) of every token looked at, claim after claim."""

    vocab: Vocab
    pos: list[int]
    deps: list[int]  # label ids: see `labels`
    heads: list[int]
    lengths: list[int]
    orths: list[int]  # string ids of the words and of their lemmas
    lemmas: list[int]
    morphs: list[int]  # the keys of the morphological analyses: see `feature`
    labels: dict[int, str]
    auxiliary_deps: frozenset[int]  # the label ids of auxiliaries ("aux", "aux:pass", "aux:tense")
    auxiliary_or_copula_deps: frozenset[int]
    copula_heads: frozenset[int]  # the tokens a copula depends on
    # Every position ordered by its head, and where each head's run starts: children without a Python loop.
    by_head: list[int]
    head_runs: list[int]

    def children(self, position: int) -> list[int]:
        """The positions of the token's children, in document order as `Token.children` yields them."""
        run = self.by_head[self.head_runs[position] : self.head_runs[position + 1]]
        return [child for child in run if child != position]  # the root is its own head

    def label(self, position: int) -> str:
        return self.labels[self.deps[position]]

    def feature(self, position: int, field: str) -> tuple[str, ...]:
        """The values of a morphological feature of the token ("Tense" → ("Past",)), as `Token.morph.get` gives
        them; that builds the analysis and splits its features anew on every call, here each analysis is read once."""
        return _feature_values(self.vocab, self.morphs[position], field)


@lru_cache(maxsize=65536)
def _feature_values(vocab: Vocab, analysis: int, field: str) -> tuple[str, ...]:
    return tuple(MorphAnalysis.from_id(vocab, analysis).get(field))


def parse_of(doc: Doc) -> Parse:
    """The document's `Parse`, kept with the document."""
    parse = doc.user_data.get(_PARSE)
    if parse is None:
        columns = [POS, DEP, HEAD, LENGTH, ORTH, LEMMA, MORPH]
        rows = doc.to_array(columns) if len(doc) else numpy.zeros((0, len(columns)), dtype="uint64")
        # HEAD is stored relative to the token, as unsigned: read it back as a signed offset.
        heads = numpy.arange(len(rows), dtype="int64") + rows[:, 2].view("int64")
        by_head = numpy.argsort(heads, kind="stable")
        head_runs = numpy.searchsorted(heads[by_head], numpy.arange(len(rows) + 1))
        deps = rows[:, 1]
        dep_ids = deps.tolist()
        copula = numpy.uint64(doc.vocab.strings["cop"])  # a hash: compared as the unsigned it is stored as
        labels = {dep: doc.vocab.strings[dep] for dep in set(dep_ids)}
        auxiliaries = [dep for dep, label in labels.items() if label.startswith("aux")]
        parse = doc.user_data[_PARSE] = Parse(
            vocab=doc.vocab,
            pos=rows[:, 0].tolist(),
            deps=dep_ids,
            heads=heads.tolist(),
            lengths=rows[:, 3].tolist(),
            orths=rows[:, 4].tolist(),
            lemmas=rows[:, 5].tolist(),
            morphs=rows[:, 6].tolist(),
            labels=labels,
            auxiliary_deps=frozenset(auxiliaries),
            auxiliary_or_copula_deps=frozenset({*auxiliaries, int(copula)}),
            copula_heads=frozenset(heads[deps == copula].tolist()),
            by_head=by_head.tolist(),
            head_runs=head_runs.tolist(),
        )
    return parse


def word_at(index: DocIndex, parse: Parse, position: int) -> str:
    """The text of the token at `position`, cut from the body."""
    start = index.token_starts[position]
    return index.text[start : start + parse.lengths[position]]


def folded_word(index: DocIndex, parse: Parse, position: int) -> str:
    """The folded text of the token at `position`, cut from the folded body (folding keeps offsets)."""
    start = index.token_starts[position]
    return index.folded[start : start + parse.lengths[position]]


def verb_group(parse: Parse, verb: int) -> list[int]:
    """The positions of the verb, its auxiliaries, and the modal it depends on ("pourraient fournir")."""
    deps, auxiliaries, with_copula = parse.deps, parse.auxiliary_deps, parse.auxiliary_or_copula_deps
    group = [verb, *(child for child in parse.children(verb) if deps[child] in with_copula)]
    head = parse.heads[verb]
    if head != verb and parse.pos[head] in VERBAL_TAGS and parse.feature(verb, "VerbForm") == ("Inf",):
        group += [head, *(child for child in parse.children(head) if deps[child] in auxiliaries)]
    return group


_IMPERFECT_ENDINGS = ("aient", "ait", "ais", "ions", "iez")


def is_conditional(token: Token, stems: tuple[str, ...]) -> bool:
    """Mood=Cnd from the morphologizer, or the form itself: future stem + imperfect ending.

    The small model tags many conditionals as indicative ("fourniraient"), more so without accents.
    The future stem is the infinitive (fournir-aient, prendr-ait) or one of a few irregular stems
    (pourr-, devr-, ser-); an imperfect is built on a shorter stem (fourniss-aient, pren-ait).
    """
    return is_conditional_at(parse_of(token.doc), token.i, stems)


def is_conditional_at(parse: Parse, position: int, stems: tuple[str, ...]) -> bool:
    """`is_conditional` by position in the parse table."""
    if "Cnd" in parse.feature(position, "Mood"):
        return True
    tag = parse.pos[position]
    if tag and tag not in VERBAL_TAGS:
        return False
    return _conditional_form(parse.vocab.strings, parse.orths[position], parse.lemmas[position], stems)


@lru_cache(maxsize=65536)
def _conditional_form(strings: StringStore, orth: int, lemma: int, stems: tuple[str, ...]) -> bool:
    """Whether the word is a future stem and an imperfect ending (the same verbs recur: remembered, by the ids
    of the word and its lemma, which need not be looked up again)."""
    text, lemma = fold(strings[orth]), fold(strings[lemma])
    for ending in _IMPERFECT_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending) + 1:
            stem = text[: -len(ending)]
            return stem in stems or stem == lemma or (lemma.endswith("re") and stem == lemma[:-1])
    return text in stems  # English modals: would, could, might


def is_future_oriented(token: Token) -> bool:
    """Whether the clause around `token` speaks of what is to come ("doivent se réunir jeudi")."""
    parse = parse_of(token.doc)
    verb = governing_verb_at(parse, token.i)
    if verb is None:
        return False
    for member in verb_group(parse, verb):
        tense = parse.feature(member, "Tense")
        if "Fut" in tense:
            return True
        if fold(parse.vocab.strings[parse.lemmas[member]]) in {"devoir", "aller", "prevoir"} and "Pres" in tense:
            return True
    return False
