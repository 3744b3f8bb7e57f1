"""Who says what: attribution verbs, their subjects, and pronouns resolved to the last named speaker."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .spans import DocIndex
from .text import fold

# Tokens that may continue a speaker's noun phrase ("le porte-parole du Premier ministre britannique").
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})
_OF = frozenset({"de", "du", "des", "d'"})


@dataclass(frozen=True)
class Speaker:
    name: str | None
    start: int  # where the speaker is named, to order mentions
    is_pronoun: bool = False


@dataclass
class SpeakerHistory:
    """Named speakers in reading order, for resolving "a-t-il déclaré" and "selon lui"."""

    offsets: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    def add(self, offset: int, name: str) -> None:
        position = bisect_left(self.offsets, offset)
        self.offsets.insert(position, offset)
        self.names.insert(position, name)

    def last_before(self, offset: int, not_before: int = 0) -> str | None:
        position = bisect_left(self.offsets, offset) - 1
        if position >= 0 and self.offsets[position] >= not_before:
            return self.names[position]
        return None


def is_attribution_verb(token: Token, index: DocIndex) -> bool:
    lemmas = index.lexicon.attribution_lemmas
    if token.pos_ and token.pos_ not in {"VERB", "AUX", "ADJ", "NOUN"}:
        return False
    lemma, text = fold(token.lemma_), fold(token.text)
    if lemma in lemmas or text in lemmas:
        return True
    # Unaccented participles get odd lemmas ("declare", "repondu"); the participle endings give the
    # infinitive back: declare+r, averti+r, repondu → repondre, ecrit → ecrire.
    return any(candidate in lemmas for candidate in (text + "r", text[:-1] + "re", text[:-1] + "er"))


def attribution_verbs(span: Span, index: DocIndex) -> list[Token]:
    return [token for token in span if is_attribution_verb(token, index)]


def speaker_of(verb: Token, index: DocIndex, *, after_quote: bool = False) -> Speaker | None:
    """The subject of an attribution verb: a clitic pronoun, its nsubj, or an inverted subject.

    After a quote ("…", a déclaré M. Zelensky) French inverts the subject, and the parser often
    takes a word of the quote as the verb's nsubj; there the phrase after the verb wins.
    """
    lexicon = index.lexicon
    for candidate in _clitic_window(verb):
        if candidate.text.startswith("-") and fold(candidate.text).lstrip("-") in lexicon.pronouns:
            return Speaker(None, candidate.idx, is_pronoun=True)
    inverted_order = after_quote or _is_incise(verb, index)
    if inverted_order:
        inverted = _phrase_after(verb, index)
        if inverted is not None:
            return inverted
    if not after_quote:
        left = _phrase_left(verb, index)
        if left is not None:
            return left
    heads = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    if verb.dep_ in {"xcomp", "conj"} and verb.head.pos_ in {"VERB", "AUX"}:
        heads.append(verb.head)
    for head in heads:
        for child in head.children:
            if not child.dep_.startswith("nsubj") or (after_quote and child.i < verb.i):
                continue
            if not _counts_something(child, index):
                return speaker_from(child, index)
    return _phrase_after(verb, index)


def _is_incise(verb: Token, index: DocIndex) -> bool:
    """ "Douze civils ont été tués, a annoncé le gouverneur": a comma, then the verb group, after a
    clause of its own. French inverts the subject of such an incise, so it follows the verb.

    The clause before the comma must have a finite verb outside any relative clause: in "Le ministre,
    en visite à Kiev, a annoncé la livraison" the subject is on the left and what follows is the object.
    """
    doc = verb.doc
    position = verb.i - 1
    while position >= 0 and (doc[position].pos_ in {"ADV", "AUX"} or doc[position].dep_.startswith("aux")):
        position -= 1
    if position < 0 or doc[position].text != ",":
        return False
    sentence_start = verb.sent.start
    return any(_is_main_finite(token, verb) for token in doc[sentence_start:position])


def _is_main_finite(token: Token, verb: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"} or "Fin" not in token.morph.get("VerbForm"):
        return False
    current = token
    for _ in range(12):
        if current.dep_.startswith("acl"):
            return False  # "qui était en visite": a relative clause describes the subject
        if current is verb or current.head is current:
            return True
        current = current.head
    return True


def _counts_something(head: Token, index: DocIndex) -> bool:
    """ "8 personnes", "une cinquantaine": a quantity phrase is what a claim counts, never who speaks."""
    lexicon = index.lexicon
    folded = fold(head.text)
    singular = folded[:-1] if folded.endswith("s") else folded
    if head.like_num or folded in lexicon.multipliers or singular in lexicon.approx_nouns:
        return True
    return any(child.dep_ == "nummod" or child.like_num for child in head.children)


def _phrase_after(verb: Token, index: DocIndex) -> Speaker | None:
    doc, lexicon = verb.doc, index.lexicon
    position = verb.i + 1
    while position < len(doc) and (
        doc[position].pos_ == "ADV"
        or doc[position].text.startswith("-")
        or doc[position].is_digit
        or fold(doc[position].text) in lexicon.weekdays
        or fold(doc[position].text) in lexicon.months
    ):
        position += 1
    if position >= len(doc):
        return None
    after = doc[position]
    if after.pos_ in _NP_POS or (after.is_title and not after.is_punct):
        return speaker_from(after, index, start_here=True)
    return None


def _phrase_left(verb: Token, index: DocIndex) -> Speaker | None:
    """ "le dirigeant ukrainien a immédiatement répondu": the phrase just before the verb group.

    Read linearly rather than from the parse: on unpunctuated or unaccented copy the parser often
    hangs the subject elsewhere, while French attribution almost always puts it right there.
    """
    doc = verb.doc
    position = verb.i - 1
    while position >= 0 and (doc[position].pos_ in {"ADV", "AUX"} or doc[position].dep_.startswith("aux")):
        position -= 1
    if position < 0 or not (doc[position].pos_ in _NP_POS - {"DET", "NUM"} or _is_name(doc[position])):
        return None
    last = first = doc[position]
    while first.i > 0 and last.i - first.i < 10:
        previous = doc[first.i - 1]
        folded = fold(previous.text)
        if previous.pos_ == "DET":
            first = previous
            break
        if previous.pos_ in {"NOUN", "PROPN", "ADJ"} or _is_name(previous) or folded in _OF:
            first = previous
            continue
        if previous.pos_ == "CCONJ" and first.pos_ == "ADJ":
            first = previous
            continue
        break
    while fold(first.text) in _OF and first.i < last.i:
        first = doc[first.i + 1]
    if fold(last.text) in index.lexicon.pronouns:
        return Speaker(None, last.idx, is_pronoun=True)
    return Speaker(index.text[first.idx : last.idx + len(last.text)], first.idx)


def may_be_subject(token: Token, index: DocIndex) -> bool:
    """A word of a noun phrase naming a speaker; without a tagger, any content word or a pronoun."""
    if fold(token.text) in index.lexicon.pronouns:
        return True
    if token.pos_:
        return token.pos_ in _NP_POS - {"NUM"} or _is_name(token)
    return token.is_alpha and (token.is_title or not token.is_stop)


def subject_phrase(tokens: list[Token], index: DocIndex) -> Speaker | None:
    """The speaker named between a quote and its verb (`," Jane Smith said`, `," he added`)."""
    if not tokens:
        return None
    first, last = tokens[0], tokens[-1]
    if len(tokens) == 1 and fold(first.text) in index.lexicon.pronouns:
        return Speaker(None, first.idx, is_pronoun=True)
    if any(fold(token.text) in index.lexicon.pronouns for token in tokens):
        return None  # "« … », nous a-t-il dit": not one noun phrase
    return Speaker(index.text[first.idx : last.idx + len(last.text)], first.idx)


def _clitic_window(verb: Token) -> list[Token]:
    doc = verb.doc
    return [doc[i] for i in range(max(0, verb.i - 3), min(len(doc), verb.i + 3))]


def speaker_from(head: Token, index: DocIndex, *, start_here: bool = False) -> Speaker:
    if fold(head.text) in index.lexicon.pronouns:
        return Speaker(None, head.idx, is_pronoun=True)
    doc = head.doc
    first = head
    if not start_here:
        while first.i > head.left_edge.i and (doc[first.i - 1].pos_ in _NP_POS or _is_name(doc[first.i - 1])):
            first = doc[first.i - 1]
    last = first
    while last.i + 1 < len(doc) and _continues_phrase(doc[last.i + 1], index, reached_head=last.i >= head.i):
        last = doc[last.i + 1]
    # "la porte-parole du ministère, Maria Zakharova,": an apposed name completes the role.
    if last.i + 2 < len(doc) and doc[last.i + 1].text == "," and _is_name(doc[last.i + 2]):
        name_end = last.i + 2
        while name_end + 1 < len(doc) and _is_name(doc[name_end + 1]):
            name_end += 1
        last = doc[name_end]
    text = index.text[first.idx : last.idx + len(last.text)]
    return Speaker(text, first.idx)


def _is_name(token: Token) -> bool:
    return token.is_alpha and (token.pos_ == "PROPN" or token.is_title)


def _continues_phrase(token: Token, index: DocIndex, *, reached_head: bool) -> bool:
    folded = fold(token.text)
    lexicon = index.lexicon
    if folded in lexicon.weekdays or folded in lexicon.months or token.is_digit:
        return False
    if folded in _OF or (folded == "m." or token.text in {"M.", "Mme", "Mr"}):
        return True
    if token.pos_ == "CCONJ":
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is not None and following.pos_ == "ADJ"
    if not token.pos_:
        return token.is_title or (token.is_alpha and not token.is_stop and not reached_head)
    return token.pos_ in _NP_POS or _is_name(token)
