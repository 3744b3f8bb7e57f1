"""Entry point of the extraction pipeline: documents in, `ClaimRecord`s out. No ORM here."""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import accumulate, groupby

from .attribution import attribution_verbs, speaker_of
from .chunks import paragraph_chunks, records_in_text
from .dates import find_dates
from .entities import entity_records, mentions_in, sentence_mentions
from .modality import claim_modality, sentence_is_reported
from .nlp import load_nlp, parse
from .quantities import find_quantities
from .quotes import find_quote_spans, find_quotes
from .records import ClaimRecord, Kind
from .referents import Referents
from .spans import DocIndex

EXTRACTOR_VERSION = "2.2.0"


@dataclasses.dataclass(frozen=True)
class Document:
    text: str
    language: str = "fr"
    published: date | None = None


def extract_documents(documents: Iterable[Document], *, batch_size: int = 16) -> Iterator[list[ClaimRecord]]:
    """One list of records per document, in input order; each language's model runs `nlp.pipe` over the
    documents' paragraph-aligned chunks (`chunks.paragraph_chunks`: a short article is one chunk), in
    batches of at most `batch_size` chunks and `chunks.BATCH_CHARS` characters."""
    for language, group in groupby(documents, key=lambda document: _language(document.language)):
        nlp = load_nlp(language)
        batch = [(document, paragraph_chunks(document.text)) for document in group]
        docs = parse(nlp, (chunk.text for _, chunks in batch for chunk in chunks), batch_size=batch_size)
        for document, chunks in batch:
            yield [
                record
                for chunk in chunks
                for record in records_in_text(
                    extract_from_doc(DocIndex(next(docs), document.published, language, chunk.text)),
                    chunk=chunk,
                    text=document.text,
                )
            ]


def extract(text: str, *, language: str = "fr", published: date | None = None) -> list[ClaimRecord]:
    return next(extract_documents([Document(text, language, published)]))


def _language(language: str) -> str:
    return (language or "fr").lower().split("-")[0].split("_")[0]


def extract_from_doc(index: DocIndex) -> list[ClaimRecord]:
    if not index.text.strip():
        return []
    quote_spans = find_quote_spans(index.text)
    # A closing mark with no opening one ("the employers' share") marks no quote of its own.
    quoted = [(span.start, span.end) for span in quote_spans if span.open_mark >= 0]
    referents = _referents(index, quoted)
    dates = find_dates(index, quoted)
    quantities = find_quantities(index, excluded=[(record.start, record.end) for record in dates])
    quotes = find_quotes(index, referents, quote_spans)
    quoted_spans = [(span.start, span.end) for span in quote_spans] + [(record.start, record.end) for record in quotes]
    inside_quote = _within_another(quoted_spans)
    reported_cache: dict[int, bool] = {}
    entity_cache = sentence_mentions(index)
    records = []
    for record in [*quantities, *dates, *quotes]:
        negated, hypothetical = claim_modality(index, record.start, record.end, is_quote=record.kind == Kind.QUOTE)
        sentence = index.sentence_at(record.start)
        reported = (
            record.kind == Kind.QUOTE
            or inside_quote(record.start, record.end)
            or sentence_is_reported(index, sentence, reported_cache)
        )
        records.append(
            record.replaced(
                negated=negated,
                hypothetical=hypothetical,
                reported=reported,
                entities=mentions_in(sentence, entity_cache),
            )
        )
    records.extend(entity_records(index, entity_cache))
    records.sort(key=lambda record: (record.start, record.end, record.kind))
    return records


def _within_another(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a span lies within one of `spans` other than itself, found by bisection: a scan of every
    span for every record grew with records × quotes."""
    ordered = sorted(spans)
    starts = [start for start, _ in ordered]
    # The furthest end among the spans that start at or before each one.
    furthest = list(accumulate((end for _, end in ordered), max))

    def inside(start: int, end: int) -> bool:
        # A span starting before `start` may end at `end`; one starting at `start` must end past it to differ.
        before, up_to = bisect_left(starts, start), bisect_right(starts, start)
        return (before > 0 and furthest[before - 1] >= end) or (up_to > 0 and furthest[up_to - 1] > end)

    return inside


def _referents(index: DocIndex, quoted: list[tuple[int, int]]) -> Referents:
    """The article's people and bodies, with every subject of an attribution verb and every role that
    is a sentence's subject ("le président a pris acte") marked, so "a-t-il ajouté" or "le ministre"
    later can find who is meant."""
    referents = Referents(index, quoted)
    if not index.parsed:
        return referents
    for sentence in index.sentences:
        for verb in attribution_verbs(sentence, index):
            speaker = speaker_of(verb, index)
            if speaker is not None and not speaker.is_pronoun and speaker.name:
                referents.resolve(speaker.name, speaker.start)
        referents.note_subject(sentence)
    return referents
