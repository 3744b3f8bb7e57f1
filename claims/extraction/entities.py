"""People, organisations and places, as records of their own and attached to claims."""

from __future__ import annotations

from spacy.tokens import Span

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


def mentions_in(sentence: Span | None, cache: dict[int, tuple[EntityMention, ...]]) -> tuple[EntityMention, ...]:
    if sentence is None:
        return ()
    key = sentence.start_char
    if key not in cache:
        cache[key] = tuple(
            EntityMention(ent.text, ent.label_, ent.start_char, ent.end_char)
            for ent in sentence.ents
            if ent.label_ in ENTITY_LABELS
        )
    return cache[key]
