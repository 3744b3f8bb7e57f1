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

# Words and punctuation with the blanks after them: a diff over these is word-level and stays fast on long
# texts (runs of single spaces would otherwise be the most common token and slow the matcher down).
TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")
# How alike a claim's old and new words must be for the claim to follow them rather than be lost.
MIN_SIMILARITY = 0.5


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


class TextCorrection:
    """One correction of a text: maps positions of the old text to the new one and re-anchors quotes."""

    def __init__(self, old: str, new: str):
        self.old, self.new = old, new
        self.old_starts, self.new_starts = token_starts(old), token_starts(new)
        old_tokens = [old[a:b] for a, b in zip(self.old_starts, [*self.old_starts[1:], len(old)], strict=True)]
        new_tokens = [new[a:b] for a, b in zip(self.new_starts, [*self.new_starts[1:], len(new)], strict=True)]
        self.opcodes = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False).get_opcodes()
        self._opcode_starts = [i1 for _, i1, _, _, _ in self.opcodes]

    def _new_position(self, token: int) -> int:
        return self.new_starts[token] if token < len(self.new_starts) else len(self.new)

    def map_position(self, position: int, *, towards_end: bool = False) -> tuple[int, bool]:
        """Where an old position is in the new text, and whether the text around it is unchanged.

        A position in edited text goes to the start of the replacement, or its end with `towards_end`.
        """
        if not self.old_starts or position >= len(self.old):
            return len(self.new), not self.opcodes or self.opcodes[-1][0] == "equal"
        token = bisect_right(self.old_starts, position) - 1
        tag, i1, _, j1, j2 = self.opcodes[bisect_right(self._opcode_starts, token) - 1]
        if tag == "equal":
            return self._new_position(j1 + token - i1) + position - self.old_starts[token], True
        return self._new_position(j2 if towards_end else j1), False

    def changed_ranges(self) -> list[tuple[int, int]]:
        """The stretches of the new text that the correction wrote (empty where it only deleted)."""
        return [
            (self._new_position(j1), self._new_position(j2)) for tag, _, _, j1, j2 in self.opcodes if tag != "equal"
        ]

    def place(self, quote: Quote) -> Placement:
        start, start_kept = self.map_position(quote.start)
        last, end_kept = self.map_position(quote.end - 1, towards_end=True)
        end = last + 1 if end_kept else last
        if start_kept and end_kept and self.new[start:end] == quote.text:
            return Placement(Outcome.KEPT, start, end, quote.text)
        found = self.find_quote(quote, near=start)
        if found is not None:
            return Placement(Outcome.KEPT, found, found + len(quote.text), quote.text)
        return self.follow_edit(quote, start, end)

    def find_quote(self, quote: Quote, *, near: int) -> int | None:
        """The quote's words elsewhere in the new text, where the context either side agrees with the old one.

        At least half of the context that fits around a place must agree (the text's edges cut it short).
        """
        best: tuple[float, int, int] | None = None
        position = self.new.find(quote.text)
        while position != -1:
            before = self.new[max(0, position - len(quote.context_before)) : position]
            after = self.new[position + len(quote.text) : position + len(quote.text) + len(quote.context_after)]
            score = common_suffix(before, quote.context_before) + common_prefix(after, quote.context_after)
            room = len(before) + len(after)
            agreement = score / room if room else 1.0
            if best is None or (agreement, score, -abs(position - near)) > (*best[:2], -abs(best[2] - near)):
                best = (agreement, score, position)
            position = self.new.find(quote.text, position + 1)
        if best is None or best[0] < 0.5:
            return None
        return best[2]

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
