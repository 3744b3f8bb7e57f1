"""Long texts read in paragraph-aligned chunks, so extraction time grows with the text, not faster.

spaCy refuses a text over `nlp.max_length` (1,000,000 characters) and its parse, entity lookups and the
rules that compare claims with each other cost more per word as a document grows. A chunk ends at a
paragraph break when it can (else a line break, a sentence end, a space), so no sentence or paragraph
is cut; the records of each chunk are shifted back to offsets in the whole text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from .records import ClaimRecord, EntityMention
from .spans import CONTEXT_CHARS

# Longer than any press article of the seeds and the development set, which are read whole as before;
# long enough that a batch of chunks costs spaCy what a batch of articles does.
CHUNK_CHARS = 10_000
# The most text spaCy parses in one batch. Its arrays grow with the batch's text and, past a few tens of
# thousands of characters, outgrow the processor's caches: sixteen 10,000-character chunks parsed in one
# batch took about a tenth longer than in batches of two to four. It also bounds a batch's memory.
BATCH_CHARS = 30_000
# Where a chunk may end, best first: after a blank line, a line break, a sentence end, a space.
BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?…][»”\"')\]]*\s"), re.compile(r"\s"))


@dataclasses.dataclass(frozen=True)
class Chunk:
    start: int  # offset of the chunk's first character in the whole text
    text: str


def paragraph_chunks(text: str, *, size: int = CHUNK_CHARS) -> list[Chunk]:
    """Consecutive pieces of `text`, each at most `size` characters, that put together give `text` back."""
    chunks, start = [], 0
    while len(text) - start > size:
        end = chunk_end(text, start, start + size)
        chunks.append(Chunk(start, text[start:end]))
        start = end
    chunks.append(Chunk(start, text[start:]))
    return chunks


def chunk_end(text: str, start: int, limit: int) -> int:
    """The best break in the second half of `text[start:limit]`, or `limit` when there is none."""
    for pattern in BREAKS:
        last = None
        for last in pattern.finditer(text, (start + limit) // 2, limit):  # noqa: B007 - the last match wins
            pass
        if last is not None:
            return last.end()
    return limit


def batches_of(texts: Iterable[str], *, size: int, chars: int = BATCH_CHARS) -> Iterator[list[str]]:
    """Consecutive groups of `texts`, in order, each of at most `size` texts and `chars` characters (a longer
    text makes a group of its own)."""
    batch: list[str] = []
    held = 0
    for text in texts:
        if batch and (len(batch) == size or held + len(text) > chars):
            yield batch
            batch, held = [], 0
        batch.append(text)
        held += len(text)
    if batch:
        yield batch


def records_in_text(records: Iterable[ClaimRecord], *, chunk: Chunk, text: str) -> list[ClaimRecord]:
    """A chunk's records with their offsets (and context, which may cross the chunk's edges) in the whole text."""
    if chunk.start == 0 and len(chunk.text) == len(text):
        return list(records)
    shift = chunk.start
    # The records of a sentence share one tuple of mentions: shift each tuple once, not once per record.
    # Keyed by identity (hashing the mentions costs about what shifting them does); each entry keeps the
    # original tuple alive so its id cannot be reused by another.
    shifted_mentions: dict[int, tuple[tuple[EntityMention, ...], tuple[EntityMention, ...]]] = {}
    shifted = []
    for record in records:
        if id(record.entities) not in shifted_mentions:
            moved = tuple(
                EntityMention(entity.text, entity.label, entity.start + shift, entity.end + shift)
                for entity in record.entities
            )
            shifted_mentions[id(record.entities)] = (record.entities, moved)
        _, mentions = shifted_mentions[id(record.entities)]
        start, end = record.start + shift, record.end + shift
        shifted.append(
            record.replaced(
                start=start,
                end=end,
                sentence_start=record.sentence_start + shift,
                entities=mentions,
                context_before=text[max(0, start - CONTEXT_CHARS) : start],
                context_after=text[end : end + CONTEXT_CHARS],
            )
        )
    return shifted
