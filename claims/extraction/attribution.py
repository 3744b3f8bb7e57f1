"""Who says what: attribution verbs and their subjects, as the text words them (see referents.py for who they are)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy import parts_of_speech
from spacy.attrs import LEMMA, ORTH, POS
from spacy.strings import StringStore
from spacy.tokens import Span, Token

from .lexicons import Lexicon
from .spans import DocIndex
from .syntax import VERBAL_TAGS, folded_word, parse_of, word_at
from .text import fold

# Tokens that may continue a speaker's noun phrase ("le porte-parole du Premier ministre britannique").
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})
# The parts of speech a verb of saying may carry (the small models tag some participles ADJ or NOUN); 0 is
# "untagged" (the blank pipeline).
_SAYING_TAGS = [0, parts_of_speech.VERB, parts_of_speech.AUX, parts_of_speech.ADJ, parts_of_speech.NOUN]
_OF = frozenset({"de", "du", "des", "d'", "of", "for"})
# Without a tagger (the blank English pipeline): words that stand between a subject and its verb.
_BETWEEN_SUBJECT_AND_VERB = frozenset(
    {"has", "had", "have", "was", "is", "also", "later", "then", "already", "himself", "herself", "itself"}
)
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "le", "la", "les", "l'"})
_ADVERB_OR_AUXILIARY = frozenset({parts_of_speech.ADV, parts_of_speech.AUX})


@dataclass(frozen=True)
class Speaker:
    name: str | None
    start: int  # where the speaker is named, to order mentions
    is_pronoun: bool = False


def is_attribution_verb(token: Token, index: DocIndex) -> bool:
    """Whether `token` (of `index.doc`) is a verb of saying."""
    return token.i in _saying_verbs(index)[1]


def _saying_verbs(index: DocIndex) -> tuple[list[int], set[int]]:
    """The positions of the document's verbs of saying, sorted and as a set: decided once per document, from
    the token arrays (making a Token object for each of the document's verbs cost more than the decision)."""
    verbs = index.cache.get("attribution_verbs")
    if verbs is None:
        doc, lexicon = index.doc, index.lexicon
        strings = doc.vocab.strings
        rows = doc.to_array([POS, LEMMA, ORTH]) if len(doc) else numpy.zeros((0, 3), dtype="uint64")
        lemmas, orths = rows[:, 1].tolist(), rows[:, 2].tolist()
        # The tags are sifted by numpy: most words are not verbs, adjectives or nouns, and need no Python step.
        tagged = numpy.isin(rows[:, 0], _SAYING_TAGS).nonzero()[0]
        positions = []
        for position in tagged.tolist():
            lemma = lemmas[position]
            says, may_open_phrase = _word_says(lexicon, strings, lemma, orths[position])
            if not (says or may_open_phrase):
                continue  # most words: their neighbours need not be read
            if position and fold(strings[orths[position - 1]]) in {"s'", "se"}:
                continue  # "auquel s'ajoutent 20 millions": a reflexive verb is not speech
            following = strings[orths[position + 1]] if position + 1 < len(orths) else ""
            # "a fait état de", "a fait savoir": a verb of saying made of a verb and the word after it.
            if says or (following and f"{fold(strings[lemma])} {fold(following)}" in lexicon.attribution_lemmas):
                positions.append(position)
        verbs = index.cache["attribution_verbs"] = (positions, set(positions))
    return verbs


@lru_cache(maxsize=65536)
def _word_says(lexicon: Lexicon, strings: StringStore, lemma: int, orth: int) -> tuple[bool, bool]:
    """Whether a verb, adjective or noun (a participle the model mistagged) is a verb of saying by its own words,
    and whether its lemma may open a phrase that is one. Keyed by the words' ids: the same few recur in every
    article, and their strings need not be looked up again."""
    lemmas = lexicon.attribution_lemmas
    lemma_text, text = fold(strings[lemma]), fold(strings[orth])
    may_open_phrase = lemma_text in _phrase_openers(lexicon)
    if lemma_text in lemmas or text in lemmas:
        return True, may_open_phrase
    # Unaccented participles get odd lemmas ("declare", "repondu"); the participle endings give the
    # infinitive back: declare+r, averti+r, repondu → repondre, ecrit → ecrire.
    says = any(candidate in lemmas for candidate in (text + "r", text[:-1] + "re", text[:-1] + "er"))
    return says, may_open_phrase


@lru_cache(maxsize=4)
def _phrase_openers(lexicon: Lexicon) -> frozenset[str]:
    """The words that open a verb of saying of several words, up to each space ("faire" of "faire etat")."""
    return frozenset(
        lemma[:cut] for lemma in lexicon.attribution_lemmas for cut, char in enumerate(lemma) if char == " "
    )


def attribution_verbs(span: Span, index: DocIndex) -> list[Token]:
    return [index.doc[position] for position in attribution_verb_positions(span, index)]


def attribution_verb_positions(span: Span, index: DocIndex) -> list[int]:
    """The positions of the span's verbs of saying, for a rule that needs no Token of them."""
    positions = _saying_verbs(index)[0]
    return positions[bisect_left(positions, span.start) : bisect_left(positions, span.end)]


def speaker_of(verb: Token, index: DocIndex, *, after_quote: bool = False) -> Speaker | None:
    """The subject of an attribution verb: a clitic pronoun, its nsubj, or an inverted subject.

    After a quote ("…", a déclaré M. Zelensky) French inverts the subject, and the parser often
    takes a word of the quote as the verb's nsubj; there the phrase after the verb wins.
    """
    # Found once per verb and document: the quotes ask again for verbs the referents already read.
    speakers = index.cache.setdefault("speakers", {})
    key = (verb.i, after_quote)
    if key not in speakers:
        speakers[key] = _speaker_of(verb, index, after_quote=after_quote)
    return speakers[key]


def _speaker_of(verb: Token, index: DocIndex, *, after_quote: bool) -> Speaker | None:
    lexicon = index.lexicon
    parse = parse_of(verb.doc)
    # "a-t-il reconnu, promettant une « méthode refondée »": a participle clause speaks with the
    # subject of the verb of saying it hangs on.
    if "Part" in parse.feature(verb.i, "VerbForm") and "Pres" in parse.feature(verb.i, "Tense"):
        governor = verb.head
        for _ in range(4):
            if governor is verb or governor.head is governor or is_attribution_verb(governor, index):
                break
            governor = governor.head
        if governor is not verb and is_attribution_verb(governor, index):
            verb = governor
    starts = index.token_starts
    # "a-t-il déclaré": read from the body, as the neighbours are many and a clitic rare.
    for position in range(max(0, verb.i - 3), min(len(starts), verb.i + 3)):
        if index.text.startswith("-", starts[position]) and (
            folded_word(index, parse, position).lstrip("-") in lexicon.pronouns
        ):
            return Speaker(None, starts[position], is_pronoun=True)
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
            if "Rel" in parse.feature(child.i, "PronType") and head.dep_ in {"acl:relcl", "relcl"}:
                # "le locataire de la place Beauvau, qui a accusé …": the relative's antecedent speaks.
                antecedent = head.head
                while antecedent.dep_ == "nmod" and antecedent.head.pos_ == "NOUN":
                    antecedent = antecedent.head
                return speaker_from(antecedent, index)
            if not _counts_something(child, index):
                return speaker_from(child, index)
    if index.language == "en" and not after_quote and index.parsed:
        return None  # English does not invert: the phrase after "described" is its object ("the deaths")
    return _phrase_after(verb, index)


def _is_incise(verb: Token, index: DocIndex) -> bool:
    """ "Douze civils ont été tués, a annoncé le gouverneur": a comma, then the verb group, after a
    clause of its own. French inverts the subject of such an incise, so it follows the verb.

    The clause before the comma must have a finite verb outside any relative clause: in "Le ministre,
    en visite à Kiev, a annoncé la livraison" the subject is on the left and what follows is the object.
    """
    doc, parse = verb.doc, parse_of(verb.doc)
    tags = parse.pos
    # Tags, labels and words read from the parse table and the body: no token is made before a comma is found.
    position = verb.i - 1
    while position >= 0 and (tags[position] in _ADVERB_OR_AUXILIARY or parse.label(position).startswith("aux")):
        position -= 1
    if position < 0 or folded_word(index, parse, position) != ",":
        return False
    # Only a verb can be a finite one; the sentence comes from the index (`Token.sent` walks the boundaries again).
    sentence_start = index.sentence_at(verb.idx).start
    return any(
        _is_main_finite(doc[candidate], verb)
        for candidate in range(sentence_start, position)
        if tags[candidate] in VERBAL_TAGS
    )


def _is_main_finite(token: Token, verb: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"} or "Fin" not in parse_of(token.doc).feature(token.i, "VerbForm"):
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
    doc, lexicon, parse = verb.doc, index.lexicon, parse_of(verb.doc)
    position = verb.i + 1
    # The words skipped are read from the parse table and the body: only the one that ends the run is made a token.
    while position < len(doc) and (
        parse.pos[position] == parts_of_speech.ADV
        or index.text.startswith("-", index.token_starts[position])
        or word_at(index, parse, position).isdigit()
        or folded_word(index, parse, position) in lexicon.weekdays
        or folded_word(index, parse, position) in lexicon.months
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
    doc, parse = verb.doc, parse_of(verb.doc)
    position = verb.i - 1
    while position >= 0 and (
        parse.pos[position] in _ADVERB_OR_AUXILIARY
        or parse.label(position).startswith("aux")
        or (not parse.pos[position] and _is_untagged_between_subject_and_verb(folded_word(index, parse, position)))
    ):
        position -= 1
    if position >= 0 and not doc[position].pos_ and fold(doc[position].text) in index.lexicon.pronouns:
        return Speaker(None, doc[position].idx, is_pronoun=True)  # "The aid, he wrote"
    # "Le chef du gouvernement, Pedro Sánchez, a demandé": a name in apposition, closed by a comma.
    if position > 0 and doc[position].text == "," and _is_name(doc[position - 1]):
        name_start = position - 1
        while name_start > 0 and _is_name(doc[name_start - 1]):
            name_start -= 1
        if name_start > 0 and doc[name_start - 1].text == ",":
            position -= 1  # the apposed name is enclosed in commas (not "…, en visite à Kiev, a annoncé")
    noun_phrase_end = position >= 0 and (doc[position].pos_ in _NP_POS - {"DET", "NUM"} or _is_name(doc[position]))
    untagged_end = position >= 0 and not doc[position].pos_ and may_be_subject(doc[position], index)
    if not (noun_phrase_end or untagged_end):
        return None
    last = first = doc[position]
    comma = None
    while first.i > 0 and last.i - first.i < 10:
        previous = doc[first.i - 1]
        folded = fold(previous.text)
        if previous.pos_ == "DET":
            first = previous
            if first.i > 0 and fold(doc[first.i - 1].text) in _OF:
                continue  # "le chef de l'État": the determiner of a complement
            break
        if previous.pos_ in {"NOUN", "PROPN", "ADJ"} or _is_name(previous) or folded in _OF:
            first = previous
            continue
        if not previous.pos_ and folded in _DETERMINERS:
            first = previous
            break
        untagged_word = not previous.pos_ and previous.is_alpha and not previous.is_stop
        if untagged_word and not is_attribution_verb(previous, index):
            first = previous  # no tagger: "Morgan Stanley economists said"
            continue
        if previous.text == "," and _is_name(first) and first.i >= 2 and _is_role_word(doc[first.i - 2], index):
            comma = first = previous  # the role before the apposed name
            continue
        if previous.pos_ == "CCONJ" and first.pos_ == "ADJ":
            first = previous
            continue
        break
    if comma is not None and first.pos_ != "DET":
        first = doc[comma.i + 1]  # "Au cours du week-end, Zelensky": an adverbial, not a role
    while fold(first.text) in _OF and first.i < last.i:
        first = doc[first.i + 1]
    if not any(token.pos_ in {"NOUN", "PROPN"} or _is_name(token) for token in doc[first.i : last.i + 1]):
        return None  # "a de nouveau accusé": an adverbial, not a subject
    if fold(last.text) in index.lexicon.pronouns:
        return Speaker(None, last.idx, is_pronoun=True)
    return Speaker(index.text[first.idx : last.idx + len(last.text)], first.idx)


def _is_untagged_between_subject_and_verb(folded: str) -> bool:
    return folded in _BETWEEN_SUBJECT_AND_VERB or folded.endswith("ly")


def may_be_subject(token: Token, index: DocIndex) -> bool:
    """A word of a noun phrase naming a speaker; without a tagger, any content word or a pronoun."""
    if fold(token.text) in index.lexicon.pronouns:
        return True
    if token.pos_:
        return token.pos_ in _NP_POS - {"NUM"} or _is_name(token) or token.text in {"'s", "’s"}
    return (token.is_alpha and (token.is_title or token.is_upper or not token.is_stop)) or fold(
        token.text
    ) in _DETERMINERS | _OF | {"'s"}


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


def _is_role_word(token: Token, index: DocIndex) -> bool:
    folded = fold(token.text)
    return (
        token.pos_ in {"NOUN", "ADJ"}
        and not token.like_num
        and folded not in index.lexicon.months
        and folded not in index.lexicon.weekdays
    )


def _is_name(token: Token) -> bool:
    return token.is_alpha and (token.pos_ == "PROPN" or token.is_title or (token.is_upper and len(token) > 1))


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
