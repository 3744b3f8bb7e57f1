"""The unit of a quantity: the one written next to its number, and its canonical key."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from .lexicons import Lexicon
from .lexicons.units import unit_keys
from .numbers import NumberMatch
from .spans import DocIndex
from .text import fold
from .units import Unit, unit_after

_CURRENCY_BEFORE = re.compile(r"([€$£])\s?$")
_CURRENCY_AFTER = re.compile(r"\s?([€$£])")
# The word before a number, read backwards: a pattern anchored at the end would be tried from every letter of the
# text before the number.
_WORD_BACKWARDS = re.compile(r"\s+([a-z]+)")
_OF_GDP = re.compile(r"\s+(?:du|de|of)\s+(?:pib|gdp)\b")
# "220 km/h", "15 m2": a measure written as one symbol.
_COMPOUND_SYMBOL = re.compile(r"\s?([a-z]+/[a-z]+|[a-z]+[2²3³])(?![\w/])")


def unit_at(index: DocIndex, end: int, number: NumberMatch) -> tuple[Unit | None, int]:
    """What the number ending at `end` counts, and where that ends: a unit written before it
    ("magnitude 7.8"), a percentage ("% du PIB"), a symbol ("km/h", "€", "$5"), else the noun after it."""
    lexicon, folded = index.lexicon, index.folded
    keys = unit_keys(index.language)
    backwards = _WORD_BACKWARDS.match(folded[max(0, number.start - 20) : number.start][::-1])
    word_before = backwards.group(1)[::-1] if backwards else None
    if word_before in keys.before:
        word_end = number.start - backwards.start(1)
        return Unit(index.text[word_end - len(word_before) : word_end], end, key=keys.before[word_before]), end
    percent = _percent_pattern(lexicon).match(folded, end)
    if percent:
        of_gdp = _OF_GDP.match(folded, percent.end())
        if of_gdp:
            return Unit(index.text[percent.start(1) : of_gdp.end()], of_gdp.end(), key="percent_gdp"), of_gdp.end()
        return Unit("%", percent.end()), percent.end()
    compound = _COMPOUND_SYMBOL.match(folded, end)
    if compound and unit_keys(index.language).key_of(compound.group(1)):
        return Unit(index.text[compound.start(1) : compound.end()], compound.end()), compound.end()
    symbol = _CURRENCY_AFTER.match(folded, end)
    if symbol:
        return Unit(lexicon.currencies[symbol.group(1)], symbol.end()), symbol.end()
    before = _CURRENCY_BEFORE.search(folded[max(0, number.start - 2) : number.start])
    if before:
        return Unit(lexicon.currencies[before.group(1)], end), end
    unit = unit_after(index, end)
    if unit is None:
        return None, end
    return unit, unit.end


@cache
def _percent_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    return re.compile(r"\s*(" + "|".join(map(re.escape, lexicon.percent_words)) + r")(?![a-z])")


def unit_key_of(index: DocIndex, unit: Unit | None) -> str | None:
    """The lexicon's key for a unit; a generic noun ("people", "personnes") takes the key of the
    participle or adjective next to it ("people killed" → death, "personnes blessées" → injured)."""
    if unit is None:
        return None
    if unit.head is None:
        return unit.key or unit_keys(index.language).key_of(unit.name)
    # A reading's unit is keyed again for its record (and to tell a fraction): the parse is walked once.
    known = index.cache.setdefault("unit_keys", {})
    identity = (unit.name, unit.key, unit.head)  # all the key depends on
    if identity not in known:
        known[identity] = _key_in_context(index, unit)
    return known[identity]


def _key_in_context(index: DocIndex, unit: Unit) -> str | None:
    keys = unit_keys(index.language)
    key = unit.key or keys.key_of(unit.name)
    head = index.doc[unit.head]
    if key is None and not head.like_num:
        key = keys.key_of(head.text)  # the lemmatizer may miss ("marches" → "marche"); the word as written
    if not keys.is_generic(unit.name):
        return key  # walking the parse for the words around the noun is only worth it when they may refine it
    neighbours = _words_after(head)
    neighbours += [child for child in head.children if child.dep_ in {"amod", "acl", "acl:relcl"}]
    if head.dep_.startswith(("nsubj", "obj", "dobj", "pobj", "nmod")) or head.like_num:
        # The verb or noun they go with: "200 people were killed", "killed 200 people", "the deaths of 15
        # people", "a chassé 13 millions de personnes" (through the scale word).
        neighbours += _governors(index, head)
    words = [word for token in neighbours for word in (token.lemma_, token.text)]
    return keys.refined(key, unit.name, words)


def _words_after(head: Token) -> list[Token]:
    """Up to three words after the noun, within its clause: in "killed 9,000 people, pushed parts of
    the country" the words after the comma say nothing of the people."""
    words = []
    for token in head.doc[head.i + 1 : head.i + 4]:
        if token.is_punct:
            break
        words.append(token)
    return words


# Arguments of a verb that may name the event its counted people take part in.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj", "attr", "obl", "obl:mod", "obl:arg"})


def _governors(index: DocIndex, head: Token) -> list[Token]:
    """What the counted noun is said of, past the number words of its own phrase ("killed tens of
    thousands of people" → killed): the nearest two words up the parse, and when one is a verb, the
    event its arguments name ("3.2 million people joined marches", "a rally drew 1 million people")."""
    lexicon = index.lexicon
    found: list[Token] = []
    for ancestor in head.ancestors:
        folded = fold(ancestor.text)
        if ancestor.like_num or folded in lexicon.of_words or folded in lexicon.multipliers:
            continue
        if folded in lexicon.approx_nouns:
            continue
        found.append(ancestor)
        if ancestor.pos_ == "VERB":
            return found + _arguments(ancestor)
        if len(found) == 2:
            break
    return found


def _arguments(verb: Token) -> list[Token]:
    arguments = []
    for child in verb.children:
        if child.dep_ in _ARGUMENT_DEPS:
            arguments.append(child)
        elif child.dep_ == "prep":
            arguments += [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
    return arguments
