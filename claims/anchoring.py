"""Find a claim's words again after its article's text is corrected. Plain Python: no Django here.

A claim is anchored like a W3C text-quote selector (the way Hypothesis re-attaches annotations): its
offsets are carried across the correction with difflib's opcodes, then its quoted words confirm the
place. When the offsets land on edited text the quote is looked for by its words and the context either
side; when the words themselves were edited, the claim follows them and says so; when neither works
the claim is lost, and its caller lists it for a reviewer instead of guessing.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from itertools import pairwise

# Words and punctuation with the blanks after them: a diff over these is word-level and stays fast on long
# texts (runs of single spaces would otherwise be the most common token and slow the matcher down).
TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")
# How alike a claim's old and new words must be for the claim to follow them rather than be lost.
MIN_SIMILARITY = 0.5
# How much of a quote's context must agree for a place to be taken as the quote's own.
MIN_CONTEXT_AGREEMENT = 0.5


class Outcome(StrEnum):
    KEPT = "kept"  # the same words, perhaps at other offsets
    CHANGED = "changed"  # the words were edited: the claim now covers the edited words
    LOST = "lost"  # nowhere to be found


@dataclass(frozen=True)
class Quote:
    """Where a claim was and what it quoted: the selector re-anchoring starts from."""

    start: int
    end: int
    text: str
    context_before: str = ""
    context_after: str = ""


@dataclass(frozen=True)
class Placement:
    outcome: Outcome
    start: int = 0
    end: int = 0
    text: str = ""


def token_starts(text: str) -> list[int]:
    return [match.start() for match in TOKEN.finditer(text)]


def line_starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def token_opcodes(old: str, new: str, old_offset: int, new_offset: int) -> list[tuple[str, int, int, int, int]]:
    """Word-level opcodes of two stretches of text, as character ranges of the whole texts."""
    old_starts, new_starts = [*token_starts(old), len(old)], [*token_starts(new), len(new)]
    old_tokens = [old[a:b] for a, b in pairwise(old_starts)]
    new_tokens = [new[a:b] for a, b in pairwise(new_starts)]
    return [
        (
            tag,
            old_offset + old_starts[i1],
            old_offset + old_starts[i2],
            new_offset + new_starts[j1],
            new_offset + new_starts[j2],
        )
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_tokens, new_tokens, autojunk=False).get_opcodes()
    ]


class TextCorrection:
    """One correction of a text: maps positions of the old text to the new one and re-anchors quotes.

    The texts are compared line by line first, then word by word inside the lines that changed: a word-level
    diff of a whole long article would take seconds, most of it spent on lines nobody touched.
    """

    def __init__(self, old: str, new: str):
        self.old, self.new = old, new
        old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
        old_at, new_at = line_starts(old_lines), line_starts(new_lines)
        self.opcodes: list[tuple[str, int, int, int, int]] = []
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
            a1, a2, b1, b2 = old_at[i1], old_at[i2], new_at[j1], new_at[j2]
            if tag == "equal":
                self.opcodes.append((tag, a1, a2, b1, b2))
            else:
                self.opcodes.extend(token_opcodes(old[a1:a2], new[b1:b2], a1, b1))
        # Only operations that cover old characters can contain an old position (an insertion covers none).
        self._covering = [opcode for opcode in self.opcodes if opcode[2] > opcode[1]]
        self._covering_starts = [opcode[1] for opcode in self._covering]

    def map_position(self, position: int, *, towards_end: bool = False) -> tuple[int, bool]:
        """Where an old position is in the new text, and whether the text around it is unchanged.

        A position in edited text goes to the start of the replacement, or its end with `towards_end`.
        """
        if not self._covering or position >= len(self.old):
            return len(self.new), not self.opcodes or self.opcodes[-1][0] == "equal"
        tag, a1, _, b1, b2 = self._covering[bisect_right(self._covering_starts, position) - 1]
        if tag == "equal":
            return b1 + position - a1, True
        return (b2 if towards_end else b1), False

    def changed_ranges(self) -> list[tuple[int, int]]:
        """The stretches of the new text that the correction wrote (empty where it only deleted)."""
        return [(b1, b2) for tag, _, _, b1, b2 in self.opcodes if tag != "equal"]

    def place(self, quote: Quote) -> Placement:
        start, start_kept = self.map_position(quote.start)
        last, end_kept = self.map_position(quote.end - 1, towards_end=True)
        end = last + 1 if end_kept else last
        mapped = start_kept and end_kept and self.new[start:end] == quote.text
        if mapped and self.context_agreement(quote, start)[0] == 1.0:
            return Placement(Outcome.KEPT, start, end, quote.text)
        # Otherwise the place whose context agrees best wins, the mapped place among them (on a tie, the nearest).
        found = self.find_quote(quote, near=start)
        if found is not None:
            return Placement(Outcome.KEPT, found, found + len(quote.text), quote.text)
        if mapped:  # the same words where they were; only their surroundings were rewritten
            return Placement(Outcome.KEPT, start, end, quote.text)
        return self.follow_edit(quote, start, end)

    def context_agreement(self, quote: Quote, position: int) -> tuple[float, int]:
        """How much of the context that fits around this place agrees with the quote's (the text's edges cut it
        short), and how many characters that is."""
        before = self.new[max(0, position - len(quote.context_before)) : position]
        after = self.new[position + len(quote.text) : position + len(quote.text) + len(quote.context_after)]
        score = common_suffix(before, quote.context_before) + common_prefix(after, quote.context_after)
        room = len(before) + len(after)
        return (score / room if room else 1.0), score

    def find_quote(self, quote: Quote, *, near: int) -> int | None:
        """The quote's words in the new text where the context either side agrees best with the old one."""
        best: tuple[float, int, int] | None = None
        position = self.new.find(quote.text)
        while position != -1:
            rank = (*self.context_agreement(quote, position), -abs(position - near))
            if best is None or rank > best:
                best, found = rank, position
            position = self.new.find(quote.text, position + 1)
        if best is None or best[0] < MIN_CONTEXT_AGREEMENT:
            return None
        return found

    def follow_edit(self, quote: Quote, start: int, end: int) -> Placement:
        """The edited words where the claim's were, if they still look like them."""
        text = self.new[start:end]
        stripped = text.strip()
        if not stripped:
            return Placement(Outcome.LOST)
        start += len(text) - len(text.lstrip())
        end = start + len(stripped)
        if SequenceMatcher(None, quote.text, stripped, autojunk=False).ratio() < MIN_SIMILARITY:
            return Placement(Outcome.LOST)
        return Placement(Outcome.CHANGED, start, end, stripped)


def common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def common_suffix(a: str, b: str) -> int:
    return common_prefix(a[::-1], b[::-1])


def paragraph_ranges(text: str, touching: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs (blocks between blank-free line breaks) of a text that the given ranges touch."""
    paragraphs = [(match.start(), match.end()) for match in re.finditer(r"[^\n]+", text)]
    chosen = []
    for start, end in paragraphs:
        if any(a <= end and b >= start for a, b in touching):
            chosen.append((start, end))
    return chosen
