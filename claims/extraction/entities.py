"""People, organisations and places, as records of their own and attached to claims."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .records import ClaimRecord, EntityMention, Kind
from .spans import DocIndex, make_record

# MISC in the French model mixes nationalities, events and noise ("Europeens", "Etat"), so it is
# left out of what a claim is said to be about.
ENTITY_LABELS = frozenset({"PER", "ORG", "LOC"})


def entity_records(index: DocIndex) -> list[ClaimRecord]:
    records = []
    for ent in index.doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        record = make_record(
            index,
            kind=Kind.ENTITY,
            start=ent.start_char,
            end=ent.end_char,
            fields={"label": ent.label_},
            rule="spacy.ner",
            confidence=0.7,
        )
        records.append(record)
    return records


def sentence_mentions(doc: Doc) -> dict[int, tuple[EntityMention, ...]]:
    """The entities of each sentence, by the sentence's first character, in one pass over the document.

    `Span.ents` walks every entity of the document for each sentence it is asked about: asked for every
    claim, that grew with claims × document."""
    mentions: dict[int, list[EntityMention]] = {}
    for ent in doc.ents:
        sentence = ent.sent
        if ent.label_ in ENTITY_LABELS and ent.end <= sentence.end:
            mentions.setdefault(sentence.start_char, []).append(
                EntityMention(ent.text, ent.label_, ent.start_char, ent.end_char)
            )
    return {start: tuple(found) for start, found in mentions.items()}


def mentions_in(sentence: Span | None, mentions: dict[int, tuple[EntityMention, ...]]) -> tuple[EntityMention, ...]:
    return mentions.get(sentence.start_char, ()) if sentence is not None else ()
