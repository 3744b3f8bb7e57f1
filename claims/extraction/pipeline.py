"""Entry point of the extraction pipeline: documents in, `ClaimRecord`s out. No ORM here."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import groupby

from .attribution import attribution_verbs, speaker_of
from .chunks import paragraph_chunks, records_in_text
from .dates import find_dates
from .entities import entity_records, mentions_in, sentence_mentions
from .modality import claim_modality, sentence_is_reported
from .nlp import load_nlp
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
    documents' paragraph-aligned chunks (`chunks.paragraph_chunks`: a short article is one chunk)."""
    for language, group in groupby(documents, key=lambda document: _language(document.language)):
        nlp = load_nlp(language)
        batch = [(document, paragraph_chunks(document.text)) for document in group]
        docs = nlp.pipe((chunk.text for _, chunks in batch for chunk in chunks), batch_size=batch_size)
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
    reported_cache: dict[int, bool] = {}
    entity_cache = sentence_mentions(index)
    records = []
    for record in [*quantities, *dates, *quotes]:
        negated, hypothetical = claim_modality(index, record.start, record.end, is_quote=record.kind == Kind.QUOTE)
        sentence = index.sentence_at(record.start)
        inside_quote = any(
            start <= record.start and record.end <= end
            for start, end in quoted_spans
            if (start, end) != (record.start, record.end)
        )
        reported = record.kind == Kind.QUOTE or inside_quote or sentence_is_reported(index, sentence, reported_cache)
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


def _referents(index: DocIndex, quoted: list[tuple[int, int]]) -> Referents:
    """The article's people and bodies, with every subject of an attribution verb and every role that
    is a sentence's subject ("le président a pris acte") marked, so "a-t-il ajouté" or "le ministre"
    later can find who is meant."""
    referents = Referents(index, quoted)
    if not index.doc.has_annotation("DEP"):
        return referents
    for sentence in index.sentences:
        for verb in attribution_verbs(sentence, index):
            speaker = speaker_of(verb, index)
            if speaker is not None and not speaker.is_pronoun and speaker.name:
                referents.resolve(speaker.name, speaker.start)
        referents.note_subject(sentence)
    return referents
