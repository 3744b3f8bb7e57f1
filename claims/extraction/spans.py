"""Offsets: mapping characters to tokens and sentences, and building records around a span."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Span, Token

from .lexicons import Lexicon, lexicon_for
from .readings import READING_TYPES, reading_as_dict
from .records import ClaimRecord
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
    token_starts: list[int] = field(init=False)
    sentences: list[Span] = field(init=False)
    sentence_starts: list[int] = field(init=False)
    # `Doc.ents` builds its spans anew on each call, walking every token.
    ents: tuple[Span, ...] = field(init=False)
    # Per-document results a rule computes once and several rules read (e.g. which tokens are verbs of saying).
    cache: dict[str, Any] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.text = self.text or self.doc.text
        self.folded = fold(self.text)
        self.lexicon = lexicon_for(self.language)
        # Read from the token arrays: iterating Token objects (or `doc.sents`) costs as much as a rule.
        self.token_starts = self.doc.to_array(IDX).tolist() if len(self.doc) else []
        self.sentences = _sentences(self.doc)
        self.sentence_starts = [sent.start_char for sent in self.sentences]
        self.ents = self.doc.ents

    def token_at(self, char: int) -> Token | None:
        """The token covering `char`, or the first one after it."""
        if not self.token_starts:
            return None
        position = bisect_right(self.token_starts, char) - 1
        if position >= 0:
            token = self.doc[position]
            if token.idx <= char < token.idx + len(token.text):
                return token
        return self.doc[position + 1] if position + 1 < len(self.doc) else None

    def tokens_in(self, start: int, end: int) -> Span:
        first = bisect_right(self.token_starts, start) - 1
        first = max(first, 0)
        if first < len(self.doc) and self.doc[first].idx + len(self.doc[first].text) <= start:
            first += 1
        last = bisect_right(self.token_starts, end - 1) if end > start else first
        return self.doc[first:last]

    def sentence_at(self, char: int) -> Span | None:
        if not self.sentences:
            return None
        position = max(bisect_right(self.sentence_starts, char) - 1, 0)
        return self.sentences[position]


def _sentences(doc: Doc) -> list[Span]:
    if not len(doc):
        return []
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return list(doc.sents)  # doc.sents raises the right error for a pipeline with no sentence boundaries
    starts = [
        0,
        *(position for position, flag in enumerate(doc.to_array(SENT_START).tolist()) if flag == 1 and position),
    ]
    return [doc[start:end] for start, end in zip(starts, [*starts[1:], len(doc)], strict=True)]


def make_record(
    index: DocIndex,
    *,
    kind: str,
    start: int,
    end: int,
    fields: dict[str, Any],
    rule: str,
    confidence: float,
) -> ClaimRecord:
    """A record whose `text`, sentence and context anchors are all cut from the same body."""
    text = index.text
    sentence = index.sentence_at(start)
    if sentence is not None and sentence.start_char <= start:
        # A span may run past its sentence (a quote of several sentences); the sentence is the first.
        # Cut from the body rather than `sentence.text`, which rebuilds the string token by token.
        sentence_text, sentence_start = text[sentence.start_char : sentence.end_char], sentence.start_char
    else:
        sentence_text, sentence_start = text[start:end], start
    return ClaimRecord(
        kind=kind,
        text=text[start:end],
        start=start,
        end=end,
        sentence=sentence_text,
        sentence_start=sentence_start,
        # Through the kind's reading type, so the extractor never stores a reading the desk could not edit.
        fields=reading_as_dict(READING_TYPES[kind](**fields)),
        rule=rule,
        confidence=round(confidence, 2),
        context_before=text[max(0, start - CONTEXT_CHARS) : start],
        context_after=text[end : end + CONTEXT_CHARS],
    )


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)
