"""Offsets: mapping characters to tokens and sentences, and building records around a span."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc, Span, Token

from .lexicons import Lexicon, lexicon_for
from .readings import READING_TYPES, reading_as_dict
from .records import ClaimRecord, EntityMention
from .text import fold

CONTEXT_CHARS = 30


@dataclass
class DocIndex:
    """One parsed document with the lookups every rule needs, computed once."""

    doc: Doc
    published: date | None
    language: str
    # The text the doc was parsed from, when the caller has it: `Doc.text` rebuilds it token by token.
    text: str = ""
    folded: str = field(init=False)
    lexicon: Lexicon = field(init=False)
    # Whether the pipeline parsed dependencies: `Doc.has_annotation` scans the tokens each time it is asked.
    parsed: bool = field(init=False)
    token_starts: list[int] = field(init=False)
    token_ends: list[int] = field(init=False)
    sentences: list[Span] = field(init=False)
    sentence_starts: list[int] = field(init=False)
    sentence_ends: list[int] = field(init=False)
    # `Doc.ents` builds its spans anew on each call, walking every token.
    ents: tuple[Span, ...] = field(init=False)
    # Per-document results a rule computes once and several rules read (e.g. which tokens are verbs of saying).
    cache: dict[str, Any] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.text = self.text or self.doc.text
        self.folded = fold(self.text)
        self.lexicon = lexicon_for(self.language)
        self.parsed = self.doc.has_annotation("DEP")
        # Read from the token arrays: iterating Token objects (or `doc.sents`) costs as much as a rule, and
        # the lookups below compare offsets in these lists rather than asking Token objects for them.
        if len(self.doc):
            starts, lengths = self.doc.to_array([IDX, LENGTH]).T
            self.token_starts, self.token_ends = starts.tolist(), (starts + lengths).tolist()
        else:
            self.token_starts, self.token_ends = [], []
        bounds = _sentence_bounds(self.doc)
        # `Span(doc, ...)` rather than `doc[start:end]`, which normalises the slice in Python first.
        self.sentences = [Span(self.doc, start, end) for start, end in bounds]
        self.sentence_starts = [self.token_starts[start] for start, _ in bounds]
        self.sentence_ends = [self.token_ends[end - 1] for _, end in bounds]
        self.ents = self.doc.ents

    def token_at(self, char: int) -> Token | None:
        """The token covering `char`, or the first one after it."""
        position = bisect_right(self.token_starts, char) - 1
        if position < 0 or self.token_ends[position] <= char:
            position += 1
        return self.doc[position] if position < len(self.token_starts) else None

    def tokens_in(self, start: int, end: int) -> Span:
        first = max(bisect_right(self.token_starts, start) - 1, 0)
        if first < len(self.token_ends) and self.token_ends[first] <= start:
            first += 1
        last = bisect_right(self.token_starts, end - 1) if end > start else first
        return Span(self.doc, first, last)

    def sentence_at(self, char: int) -> Span | None:
        if not self.sentences:
            return None
        position = max(bisect_right(self.sentence_starts, char) - 1, 0)
        return self.sentences[position]


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """The first and past-the-last token of each sentence."""
    if not len(doc):
        return []
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        # doc.sents raises the right error for a pipeline with no sentence boundaries
        return [(sentence.start, sentence.end) for sentence in doc.sents]
    # Found by numpy in the array rather than by a Python loop over every token.
    later_starts = (doc.to_array(SENT_START)[1:] == 1).nonzero()[0] + 1
    starts = [0, *later_starts.tolist()]
    return list(zip(starts, [*starts[1:], len(doc)], strict=True))


def make_record(
    index: DocIndex,
    *,
    kind: str,
    start: int,
    end: int,
    fields: dict[str, Any],
    rule: str,
    confidence: float,
    entities: tuple[EntityMention, ...] = (),
) -> ClaimRecord:
    """A record whose `text`, sentence and context anchors are all cut from the same body."""
    text = index.text
    sentence = bisect_right(index.sentence_starts, start) - 1
    if sentence >= 0:
        # A span may run past its sentence (a quote of several sentences); the sentence is the first.
        # Cut from the body rather than `sentence.text`, which rebuilds the string token by token.
        sentence_start = index.sentence_starts[sentence]
        sentence_text = text[sentence_start : index.sentence_ends[sentence]]
    else:
        sentence_text, sentence_start = text[start:end], start
    return ClaimRecord.made(
        kind=kind,
        text=text[start:end],
        start=start,
        end=end,
        sentence=sentence_text,
        sentence_start=sentence_start,
        # Through the kind's reading type, so the extractor never stores a reading the desk could not edit.
        fields=reading_as_dict(READING_TYPES[kind](**fields)),
        entities=entities,
        rule=rule,
        confidence=round(confidence, 2),
        context_before=text[max(0, start - CONTEXT_CHARS) : start],
        context_after=text[end : end + CONTEXT_CHARS],
    )


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    # A loop rather than `any(...)` over a generator: asked for every date and number against every span
    # taken so far, the generator's resumption per span cost as much as the comparison.
    for other_start, other_end in spans:  # noqa: SIM110 - see above
        if start < other_end and other_start < end:
            return True
    return False
