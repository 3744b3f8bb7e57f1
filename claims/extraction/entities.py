"""People, organisations and places, as records of their own and attached to claims."""

from __future__ import annotations

from spacy.tokens import Span

from .records import ClaimRecord, EntityMention, Kind
from .spans import DocIndex, make_record

# One set of labels whatever the model: the French model's PER/ORG/LOC, the English (OntoNotes) labels
# mapped onto them. MISC in the French model mixes nationalities, events and noise ("Europeens", "Etat"),
# and NORP, dates, numbers and works in the English one are not who or where a claim is about, so they
# are left out.
_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}


def entity_label(ent: Span) -> str | None:
    """PER, ORG or LOC for a person, organisation or place named in the text, else None."""
    return _LABELS.get(ent.label_)


def entity_records(index: DocIndex, mentions: dict[int, tuple[EntityMention, ...]]) -> list[ClaimRecord]:
    """A record for each person, organisation or place, carrying its sentence's `mentions`."""
    records = []
    for ent in index.ents:
        label = entity_label(ent)
        if label is None:
            continue
        record = make_record(
            index,
            kind=Kind.ENTITY,
            start=ent.start_char,
            end=ent.end_char,
            fields={"label": label},
            rule="spacy.ner",
            confidence=0.7,
            entities=mentions_in(index.sentence_at(ent.start_char), mentions),
        )
        records.append(record)
    return records


def sentence_mentions(index: DocIndex) -> dict[int, tuple[EntityMention, ...]]:
    """The entities of each sentence, by the sentence's first character, in one pass over the document.

    `Span.ents` walks every entity of the document for each sentence it is asked about: asked for every
    claim, that grew with claims × document. (`Span.sent` walks tokens too; the index's sentences do not.)"""
    mentions: dict[int, list[EntityMention]] = {}
    for ent in index.ents:
        sentence = index.sentence_at(ent.start_char)
        label = entity_label(ent)
        if label is not None and sentence is not None and ent.end <= sentence.end:
            mentions.setdefault(sentence.start_char, []).append(
                # Cut from the body: `Span.text` rebuilds the string token by token.
                EntityMention(index.text[ent.start_char : ent.end_char], label, ent.start_char, ent.end_char)
            )
    return {start: tuple(found) for start, found in mentions.items()}


def mentions_in(sentence: Span | None, mentions: dict[int, tuple[EntityMention, ...]]) -> tuple[EntityMention, ...]:
    return mentions.get(sentence.start_char, ()) if sentence is not None else ()
