"""The counted thing after a number: the head noun's lemma, with its complement when it names it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .lexicons.units import unit_keys
from .spans import DocIndex
from .text import fold

_QUOTE_CHARS = "\"'“”«»‘’"
# Parts of speech that end the search for a counted noun: the number is not counting anything.
_STOP_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PUNCT", "NUM", "SYM", "ADV"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})


# The longest run of words tried against the lexicon's multi-word units ("systèmes de missiles sol-air").
_PHRASE_TOKENS = 6


@dataclass(frozen=True)
class Unit:
    name: str
    end: int
    is_date: bool = False  # "2 mars": the number is a day of a month, not a count
    key: str | None = None  # set when the lexicon named the unit as a whole phrase
    head: int | None = None  # token index of the counted noun, whose neighbours may refine the key


def unit_after(index: DocIndex, char: int) -> Unit | None:
    """The counted noun phrase starting at `char` (after a number), if any."""
    lexicon = index.lexicon
    token = index.token_at(char)
    steps = 0
    while token is not None and token.idx - char <= 3 and token.text in _QUOTE_CHARS:
        token = _next(token)
    if token is None or token.idx - char > 3 or token.idx < char:
        return None  # nothing after the number, or a token holding it ("8)" is an emoticon to spaCy)
    if fold(token.text) in lexicon.of_words:
        token = _next(token)
    if token is None:
        return None
    known = _known_phrase(index, token)
    if known is not None:
        return known
    if index.language == "en" and index.doc.has_annotation("DEP"):
        return _english_head(index, token)
    keys = unit_keys(index.language)
    while token is not None and steps < 3:
        folded = fold(token.text)
        if folded in lexicon.months:
            return Unit(folded, token.idx + len(token.text), is_date=True)
        if folded in lexicon.currencies:
            return Unit(lexicon.currencies[folded], token.idx + len(token.text))
        if _stands_for_a_unit(token, keys.others):
            return Unit(folded, token.idx + len(token.text))  # "500 autres": the caller looks back for the unit
        if token.is_alpha and (keys.key_of(token.lemma_) or keys.key_of(token.text)):
            return _noun_unit(index, token)  # a word the lexicon knows, whatever the tagger made of it
        if _is_noun(token):
            return _noun_unit(index, token)
        if _is_nominalised(token):
            # The lemma of a nominalised participle is the verb ("blessés" → "blesser"); keep the noun.
            name = token.text.lower()
            name = name[:-1] if name.endswith(("s", "x")) and len(name) > 3 else name
            return Unit(name, token.idx + len(token.text))
        if not _may_precede_noun(token):
            return None
        token = _next(token)
        steps += 1
    return None


def _known_phrase(index: DocIndex, first: Token) -> Unit | None:
    """The longest run of words from `first` that the lexicon knows as one unit: "chars lourds",
    "cas sévères", "square miles", "road closures" (the complement is part of what is counted)."""
    keys = unit_keys(index.language)
    # Most nouns start no multi-word unit: the first word alone rules them out, before the sentence is looked up
    # and the words after it are read.
    if not keys.may_start_phrase(index.folded[first.idx : first.idx + len(first.text)]):
        return None
    doc, found = first.doc, None
    # The index's sentences, read from the same sentence starts: `Token.sent` walks the tokens to find its own.
    sentence_end = index.sentence_at(first.idx).end if doc.has_annotation("SENT_START") else len(doc)
    previous = first
    for last in range(first.i + 1, min(first.i + _PHRASE_TOKENS, sentence_end)):
        token = doc[last]
        line_break = "\n" in previous.whitespace_
        if (token.is_punct and token.text not in {"-", "'", "’"}) or token.like_num or line_break:
            break
        key = keys.phrase_key(index.folded[first.idx : token.idx + len(token.text)])
        if key is not None:
            found = (last, key)
        previous = token
    if found is None:
        return None
    last, key = found
    span = doc[first.i : last + 1]
    name = "".join(_phrase_word(token) + token.whitespace_ for token in span).strip()
    return Unit(name, span.end_char, key=key, head=first.i)


def _phrase_word(token: Token) -> str:
    # French adjectives agree with the noun ("chars lourds"); English ones do not inflect.
    inflected = {"NOUN", "ADJ"} if token.lang_ == "fr" else {"NOUN"}
    if token.pos_ in inflected and token.lemma_ and fold(token.lemma_)[:3] == fold(token.text)[:3]:
        return token.lemma_.lower() if not token.text.isupper() else token.text
    return token.text


def _english_head(index: DocIndex, first: Token) -> Unit | None:
    """English: the counted thing is the noun the phrase after the number is built on, read from the
    parse, so modifiers in between are skipped ("3,000 anti-tank missiles" counts missiles, "40,000 NHS
    appointments" appointments) and a verb or adjective is never taken for it ("3,000 expected")."""
    lexicon, keys = index.lexicon, unit_keys(index.language)
    token = first
    for _ in range(5):
        if token is None or (token.is_sent_start and token.i != first.i):
            return None
        folded = fold(token.text)
        if folded in lexicon.months:
            return Unit(folded, token.idx + len(token.text), is_date=True)
        if folded in lexicon.currencies:
            return Unit(lexicon.currencies[folded], token.idx + len(token.text))
        if token.i == first.i and _stands_for_a_unit(token, keys.others):
            return Unit(folded, token.idx + len(token.text))  # "500 more": the caller looks back for the unit
        if token.pos_ in _NOUN_POS or folded == "%":
            if token.dep_ == "compound" and token.head.i > token.i:
                token = _next(token)  # "school" in "school systems": a modifier of the noun counted
                continue
            return _noun_unit(index, token)
        if token.pos_ in {"ADJ", "VERB"} and folded in keys.units and not _next_is_noun(token):
            return Unit(token.text.lower(), token.idx + len(token.text), head=token.i)  # "200 dead"
        if token.dep_ not in {"amod", "compound", "advmod", "punct", "nmod"} or (token.is_punct and token.text != "-"):
            return None
        token = _next(token)
    return None


def _stands_for_a_unit(token: Token, others: frozenset[str]) -> bool:
    """ "500 autres arriveraient", "12 more": no noun follows ("6,500 more teachers" counts teachers)."""
    if fold(token.text) not in others:
        return False
    following = _next(token)
    return following is None or following.pos_ not in {"NOUN", "PROPN", "ADJ"}


def _next_is_noun(token: Token) -> bool:
    following = _next(token)
    return following is not None and following.pos_ in _NOUN_POS


def _noun_unit(index: DocIndex, head: Token) -> Unit:
    lexicon = index.lexicon
    name = _lemma(head)
    end = head.idx + len(head.text)
    complement = _compound_complement(head)
    if complement is not None and fold(name) not in lexicon.measure_units:
        name = f"{name} {index.text[complement[0] : complement[1]]}"
        end = complement[1]
    if fold(name) in lexicon.currencies:
        name = lexicon.currencies[fold(name)]
    return Unit(name, end, head=head.i)


def _compound_complement(head: Token) -> tuple[int, int] | None:
    """Offsets of "d'État" in "chefs d'État": a bare de + noun, no determiner, names a kind of thing.

    With a determiner ("dirigeants des États", "soldats de l'OTAN") the complement says whose, not
    what, so it stays out of the unit.
    """
    doc = head.doc
    if head.i + 2 >= len(doc):
        return None
    linker = doc[head.i + 1]
    if fold(linker.text) not in {"de", "d'"}:
        return None
    noun = doc[head.i + 2]
    if not _is_noun(noun):
        return None
    if noun.lemma_[:1].isupper() or (noun.pos_ == "PROPN" and not noun.lemma_):
        return None  # "soldats d'Ukraine": a proper name says where from, not what kind
    return linker.idx, noun.idx + len(noun.text)


def _lemma(token: Token) -> str:
    if token.pos_ == "PROPN":
        return token.text
    lemma = token.lemma_ or token.text
    lemma = lemma.lower() if not token.text.isupper() or len(token.text) > 4 else token.text
    if not token.doc.has_annotation("LEMMA") and token.lang_ == "en":
        lemma = _english_singular(lemma)
    return lemma


def _english_singular(word: str) -> str:
    # The blank English pipeline has no lemmatizer; plural -s is the only inflection worth undoing.
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _is_noun(token: Token) -> bool:
    if token.pos_:
        return (token.pos_ in _NOUN_POS and token.is_alpha) or token.text.lower() in {"%"}
    # No tagger: any alphabetic word that is not a function word nor, in English, a past form.
    return token.is_alpha and not token.is_stop and not _is_english_past_form(token)


def _is_english_past_form(token: Token) -> bool:
    """ "2,000 planned", "300 killed": without a tagger, a long -ed word after a number is a verb or a
    participle, not the counted thing (short -ed nouns like "bed" or "seed" are spared by the length)."""
    word = token.lower_
    return token.lang_ == "en" and len(word) >= 6 and word.endswith("ed")


def _is_nominalised(token: Token) -> bool:
    """ "des centaines de civils", "40 morts", "30 blessés": an adjective or participle standing in
    noun position (no noun follows it) is the counted thing."""
    if token.pos_ not in {"ADJ", "VERB"} or not token.is_alpha:
        return False
    if token.pos_ == "VERB" and "Part" not in token.morph.get("VerbForm"):
        return False
    following = _next(token)
    return following is None or not _is_noun(following)


def _may_precede_noun(token: Token) -> bool:
    if not token.pos_:
        return False
    return token.pos_ not in _STOP_POS and token.is_alpha


def _next(token: Token) -> Token | None:
    return token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
