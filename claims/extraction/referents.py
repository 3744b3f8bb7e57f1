"""The people and bodies an article names, and the mentions that point back to them.

A small rule-based coreference, so that a quote is credited to "Volodymyr Zelensky" whether the
sentence says "M. Zelensky", "le chef de l'État" or "il". Every person or body the article names
(spaCy's PER/ORG entities, names in apposition to a role, acronyms defined in brackets, and capitalised
runs of words where the pipeline has no NER) becomes a `Referent` with its canonical full name, the role
words the text gives it ("le ministre de la Défense, Boris Pistorius", "German Foreign Minister
Annalena Baerbock", "Tamika Mallory, one of the organisers") and a gender where a title or a determiner
tells it ("Mme", "Ms", "la conseillère"). A speaker mention then resolves:

- a name or a short form of one ("M. Zelensky", "Dr Tedros", "l'ARS") to the referent whose name holds it;
- a metonym ("Bercy", "les juges de Mon-Repos") to the body it stands for;
- a role ("le préfet", "la candidate", "the charity", "le chef de l'État") to the referent given that
  role, the latest named before (or the first after, for a headline), else, for a person, to the one
  the text was speaking of, as a pronoun would. A person's role is never a body's ("les dirigeants de
  l'UE" gives the EU no role), and a nationality in the mention ("le dirigeant ukrainien") must agree
  with the one the article gave the referent ("le président ukrainien Volodymyr Zelensky");
- a pronoun ("il", "she") to the latest salient person before it (the subject of a clause, or a
  speaker) of that gender;
- an indefinite source ("une source au fait du dossier", "an official") to nobody.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from spacy import parts_of_speech
from spacy.tokens import Span

from .attribution import is_attribution_verb, speaker_from
from .lexicons.speech import Speech, speech_for
from .spans import DocIndex
from .syntax import Parse, folded_word, parse_of, word_at
from .text import fold

PERSON, BODY = "PER", "ORG"
_NER_LABELS = {"PER": PERSON, "PERSON": PERSON, "ORG": BODY}
# Connecting words inside a name ("Institute for Fiscal Studies", "réseau Sentinelles" is lower case).
_NAME_LINKS = frozenset({"of", "for", "and", "without", "de", "du", "des", "la", "le", "d'", "l'", "van", "von", "bin"})
_SENTENCE_WORDS = frozenset(
    {"the", "a", "an", "in", "on", "at", "le", "la", "les", "l'", "un", "une", "its", "his", "her"}
)
_CAPITALISED_RUN = re.compile(r"[A-Z][\w.-]*(?:\s+(?:(?:of|for|and|Without|de|du|des|la|van|von|bin)\s+)?[A-Z][\w-]*)*")
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "from", "to", "outside", "across", "near", "on", "into", "a", "en", "dans"}
)
_ELIDED_ARTICLE = re.compile(r"\b[lLdD]['’](?=[A-Z])")
# How far back a pronoun or a bare role looks for the person the text is speaking of.
_SALIENCE_WINDOW = 700


@dataclass
class Referent:
    name: str | None  # None for an anonymous source ("une source au fait des budgets militaires")
    label: str
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    tokens: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Mention:
    start: int
    referent: Referent
    salient: bool


class Referents:
    """The article's referents and their mentions, in reading order."""

    def __init__(self, index: DocIndex, quoted: list[tuple[int, int]]):
        self.index = index
        self._quoted = quoted
        self.speech: Speech = speech_for(index.language)
        self.referents: list[Referent] = []
        self._calendar_words = {*index.lexicon.weekdays, *index.lexicon.months}  # "Jeudi" is not a person
        self._nationalities = _nationality_keys(self.speech)
        self._aliases: dict[str, Referent] = {}
        self._starts: list[int] = []
        self._mentions: list[_Mention] = []
        acronyms = _acronym_definitions(index)
        for start, end, label in _name_spans(index, self.speech):
            if not any(start <= definition[0] < end for definition in acronyms):
                self._add_name(start, end, label)
        for start, name, acronym in acronyms:
            referent = self._referent_for(name, BODY)
            self._aliases[fold(acronym)] = referent
            self._remember(start, referent, salient=False)

    # Building ---------------------------------------------------------------------------------------

    def _add_name(self, start: int, end: int, label: str) -> Referent | None:
        text = self.index.text
        # The NER may stop short of a name ("Marine" of "Marine Le Pen") or start on the role before it
        # ("Premier ministre Michel Barnier"): the name is the run of capitalised words, the role is the rest.
        if " " not in text[start:end].strip():
            end += re.match(r"(?:[ \t]+(?:(?:de|le|la|van|von|bin|du|des)[ \t]+)?[A-Z][\w-]*)*", text[end:]).end()
        words = text[start:end].split()
        lower = [position for position, word in enumerate(words) if not word[:1].isupper() and word not in _NAME_LINKS]
        if lower and lower[-1] + 1 < len(words):
            start = text.index(words[lower[-1] + 1], start + len(" ".join(words[: lower[-1] + 1])))
            words = words[lower[-1] + 1 :]
        gender = None
        while words and fold(words[0]) in {"the", "a", "an"}:
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
            words = words[1:]  # "The Institute for Fiscal Studies" as the NER took it
        while words and fold(words[0]) in self.speech.honorifics:
            gender = self.speech.honorifics[fold(words[0])] or gender
            words = words[1:]
            start = text.index(words[0], start) if words else end
        name = " ".join(words).removesuffix("'s").removesuffix("’s").strip(" ,.")
        if not name or not any(char.isupper() for char in name) or fold(name) in self._calendar_words:
            return None
        before = re.search(r"([\w-]+)\s+$", text[max(0, start - 30) : start])
        if before and before.group(1).islower() and _singular(fold(before.group(1))) in self.speech.body_nouns:
            start -= len(before.group(0))  # "le réseau Sentinelles": the body's name starts with its noun
            name = text[start : start + len(before.group(0)) + len(name)]
            label = BODY
        role_words, role_gender = self._roles_around(start, start + len(name))
        referent = self._referent_for(name, label)
        referent.roles |= role_words
        referent.gender = referent.gender or gender or role_gender
        self._remember(start, referent, salient=self._is_subject(start, start + len(name), label))
        return referent

    def _referent_for(self, name: str, label: str) -> Referent:
        tokens = _name_tokens(name)
        if fold(name) in self._aliases:
            return self._aliases[fold(name)]
        for referent in self.referents:
            # A short form may have been labelled otherwise by the NER ("Reeves" ORG, "Rachel Reeves" PER).
            if referent.name is None or (label != referent.label and label and referent.label and len(tokens) > 1):
                continue
            if tokens <= referent.tokens:
                return referent  # "Starmer" after "Keir Starmer"
            if referent.tokens <= tokens:
                referent.name, referent.tokens = name, tokens  # "Volodymyr Zelensky" after "Zelensky"
                return referent
        referent = Referent(name, label, tokens=tokens)
        self.referents.append(referent)
        self._aliases[fold(name)] = referent
        return referent

    def _roles_around(self, start: int, end: int) -> tuple[set[str], str | None]:
        """Role words in apposition before the name ("la conseillère fédérale Elisabeth Baume-Schneider",
        "Its director, Paul Johnson") or after it between commas ("Jana Vasic, a law student,")."""
        index, of_words = self.index, self.speech.of_words
        first = index.token_at(start)
        if first is None:
            return set(), None
        # The words before the name are read from the body and the parse table: a Token is made only of a word
        # that may be a role.
        doc, parse = first.doc, parse_of(first.doc)
        roles: set[str] = set()
        gender = None
        position = first.i - 1
        if position >= 0 and word_at(index, parse, position) == ",":
            position -= 1
        if (
            position > 0
            and self._is_determiner(parse, position)
            and folded_word(index, parse, position - 1) in of_words
        ):
            position -= 1  # "les dirigeants de l'UE": the determiner of the name, after the word that links it
        if position >= 0 and (
            folded_word(index, parse, position) in of_words or parse.pos[position] == parts_of_speech.ADP
        ):
            position = -1  # "le chef de file des Insoumis": the name completes a role, it is not given one
        taken = 0
        while position >= 0 and taken < 8:
            folded = folded_word(index, parse, position)
            is_determiner = self._is_determiner(parse, position)
            if is_determiner and position > 0 and folded_word(index, parse, position - 1) in of_words:
                position -= 1  # "le ministre de la Défense": the determiner of a complement
                continue
            if is_determiner:
                gender = self.speech.determiner_gender.get(folded) or _feminine(parse, position)
                break
            if not _may_be_role(doc[position], index) or folded in self._calendar_words:
                break
            if folded not in of_words:
                roles.add(_singular(folded))
            gender = gender or _feminine(parse, position)
            position -= 1
            taken += 1
        last = index.token_at(end - 1)
        if last is not None and last.i + 2 < len(doc) and word_at(index, parse, last.i + 1) == ",":
            after: set[str] = set()
            for token in doc[last.i + 2 : last.i + 14]:
                if token.is_punct:
                    roles |= after if token.text == "," else set()
                    break
                if token.pos_ in {"VERB", "AUX"} or _is_verb_word(token, index):
                    break
                if token.is_alpha and not token.is_stop and token.is_lower:
                    after.add(_singular(fold(token.text)))
        return roles, gender

    def _is_determiner(self, parse: Parse, position: int) -> bool:
        folded = folded_word(self.index, parse, position)
        return (
            folded in self.speech.determiner_gender
            or parse.pos[position] == parts_of_speech.DET
            or folded in _SENTENCE_WORDS
        )

    def _is_subject(self, start: int, end: int, label: str) -> bool:
        """The subject of its clause (from the parse), or, without a parser, the first person of its sentence."""
        index = self.index
        span = index.tokens_in(start, end)
        if not len(span):
            return False
        if index.parsed:
            root = span.root
            for _ in range(3):
                if root.dep_.startswith("nsubj"):
                    return True
                if root.dep_ not in {"appos", "flat", "flat:name", "compound", "nmod"} or root.head is root:
                    return False
                root = root.head
            return False
        sentence = index.sentence_at(start)
        if sentence is None:
            return False
        earlier = [m for m in self._mentions if sentence.start_char <= m.start < start and m.referent.label == label]
        return not earlier

    def _remember(self, start: int, referent: Referent, *, salient: bool) -> None:
        if any(quote_start <= start < quote_end for quote_start, quote_end in self._quoted):
            return  # a name inside a quote is what the speaker speaks of, never who "il" is
        position = bisect_left(self._starts, start)
        self._starts.insert(position, start)
        self._mentions.insert(position, _Mention(start, referent, salient))

    def note_subject(self, sentence: Span) -> None:
        """A role that is the subject of a sentence ("le président a pris acte de ce vote") is a
        mention of the person who holds it, for the pronoun or the role that follows."""
        parse = parse_of(self.index.doc)
        for child in parse.children(sentence.root.i):
            if (
                parse.pos[child] == parts_of_speech.NOUN  # an int compare first: most children are not nouns
                and parse.label(child).startswith("nsubj")
                and _singular(folded_word(self.index, parse, child)) in self.speech.person_roles
                and any(parse.label(grandchild) == "det" for grandchild in parse.children(child))
            ):
                phrase = speaker_from(self.index.doc[child], self.index)
                if phrase.name:
                    self.resolve(phrase.name, phrase.start)

    # Resolving --------------------------------------------------------------------------------------

    def resolve(self, mention: str, start: int, *, is_pronoun: bool = False) -> str | None:
        """The canonical name `mention` (at `start`) points to; None for an anonymous source or a
        pronoun with no antecedent. The mention becomes a salient one: a speaker is what the text is about."""
        referent = self._resolve(mention, start, is_pronoun=is_pronoun)
        if referent is not None:
            self._remember(start, referent, salient=True)
            return referent.name
        return None if is_pronoun or self._is_indefinite(mention) else mention

    def _resolve(self, mention: str, start: int, *, is_pronoun: bool) -> Referent | None:
        speech, folded = self.speech, fold(mention).strip()
        if is_pronoun:
            gender = speech.person_pronouns.get(folded)
            if gender is None:
                return None  # "ils", "they", "nous": a group, not one person
            return self._salient_person(start, gender)
        without_determiner = _strip_determiner(folded, speech)
        head, complement = self._head(mention)
        for phrase in (without_determiner, _strip_determiner(fold(head), speech)):
            if phrase in speech.metonyms:
                return self._body(speech.metonyms[phrase])
        if self._is_indefinite(mention):
            # "un porte-parole du Kremlin" speaks for the Kremlin; "une source au fait du dossier" for nobody.
            named = self._by_name(complement, start) if _capitalised_name(complement.split()) else None
            if named is not None:
                named.roles |= set(self._role_words(_strip_determiner(fold(head), speech), head))
                return named
            self._anonymous(start, head)
            return None
        # The name in the mention: its head ("M. Zelensky"), or a name in apposition ("le ministre, X").
        for part in (head, *mention.split(",")[1:]):
            named = self._by_name(part.strip(), start)
            if named is not None:
                return named
        words = self._role_words(without_determiner, head)
        if not words:
            return None
        # "le dirigeant ukrainien": the role is "dirigeant"; "ukrainien" tells whose.
        nationality = self._nationality(words)
        role = tuple(word for word in words if word not in self._nationalities) or words
        person = role[0] not in speech.body_nouns and (
            role[0] in speech.person_roles or role[-1] in speech.person_roles
        )
        written = _strip_determiner(fold(head), speech).split()
        plural = any(word not in speech.person_roles and _singular(word) in speech.person_roles for word in written)
        if person and plural:
            return None  # "les dirigeants britannique et français": several people, no one of them
        by_role = self._by_role(role, start, person=person, nationality=nationality)
        if by_role is not None:
            return by_role
        if role[0] in speech.body_nouns:
            return self._by_body_noun(role[0], start) or self._salient(start, BODY)
        if person:
            gender = speech.determiner_gender.get(folded.split()[0]) if folded else None
            # The person the article described by that nationality ("le président ukrainien Volodymyr
            # Zelensky"); else the one the text was speaking of; else someone the article has not named
            # ("Le ministre, en visite à Kiev, …"), whom "il" or "le ministre" may stand for later.
            return (
                self._by_nationality(nationality, start)
                or self._salient_person(start, gender, nationality)
                or self._unnamed(mention, words, gender)
            )
        return None

    def _unnamed(self, mention: str, role: tuple[str, ...], gender: str | None) -> Referent:
        referent = Referent(mention, PERSON, gender=gender, roles=set(role))
        self.referents.append(referent)
        return referent

    def _head(self, mention: str) -> tuple[str, str]:
        """The words that name the speaker: before the first comma, and before the complement of a
        role ("le chef de file de La France insoumise" is not La France insoumise)."""
        head = mention.split(",")[0].strip()
        words = head.split()
        for position, word in enumerate(words):
            if position and fold(word) in self.speech.of_words:
                names = [earlier for earlier in words[:position] if _strip_determiner(fold(earlier), self.speech)]
                if not _capitalised_name(names):
                    return " ".join(words[:position]), " ".join(words[position:])
        return head, ""

    def _is_indefinite(self, mention: str) -> bool:
        words = fold(mention).split()
        return bool(words) and words[0] in self.speech.indefinite and not _capitalised_name(mention.split()[1:2])

    def _anonymous(self, start: int, head: str) -> None:
        """ "un porte-parole du Kremlin": nobody named, but "le porte-parole" later is the same source."""
        roles = {_singular(word) for word in fold(head).split()[1:] if word not in self.speech.of_words}
        referent = Referent(None, PERSON, roles=roles)
        self.referents.append(referent)
        self._remember(start, referent, salient=True)

    def _by_name(self, head: str, start: int) -> Referent | None:
        head = _ELIDED_ARTICLE.sub("", head)  # "l'ARS"
        words = [word for word in head.split() if fold(word) not in self.speech.honorifics]
        titles = [position for position, word in enumerate(words) if fold(word) in self.speech.titles]
        if titles:
            words = words[titles[-1] + 1 :]  # "Los Angeles Fire Chief Kristin Crowley"
        starts_with_determiner = bool(words) and (
            fold(words[0]) in _SENTENCE_WORDS or fold(words[0]) in self.speech.determiner_gender
        )
        while words and (
            not words[0][:1].isupper()
            or fold(words[0]) in {"the", "a", "an"}
            or (len(words) > 1 and not words[1][:1].isupper() and fold(words[1]) not in _NAME_LINKS)
        ):
            words = words[1:]  # "le ministre Jean Dupont", "Former chancellor Kenneth Clarke", "Le chef du…"
        capitalised = [word[:1].isupper() or fold(word) in _NAME_LINKS for word in words]
        if starts_with_determiner and not all(capitalised):
            return None  # "Le Premier ministre", "the WHO's director-general": a role
        if False in capitalised:
            words = words[: capitalised.index(False)]  # "Morgan Stanley economists": the body they speak for
        name = " ".join(words).removesuffix("'s").removesuffix("’s").strip(" ,.")
        if not name:
            return None
        if fold(name) in self._aliases:
            return self._aliases[fold(name)]
        tokens = _name_tokens(name)
        matches = [referent for referent in self.referents if referent.name and tokens & referent.tokens]
        if not matches:
            return self._referent_for(name, "")
        best = max(matches, key=lambda referent: (len(tokens & referent.tokens), self._last_seen(referent, start)))
        if best.tokens < tokens:
            best.name, best.tokens = name, tokens  # the mention gives the name in full
        return best

    def _body(self, name: str) -> Referent:
        tokens = _name_tokens(name)
        for referent in self.referents:
            if referent.name and (fold(referent.name) == fold(name) or (tokens and tokens <= referent.tokens)):
                return referent
        return self._referent_for(name, BODY)

    def _role_words(self, without_determiner: str, head: str) -> tuple[str, ...]:
        folded_head = fold(head)
        for periphrasis, role in self.speech.periphrases.items():
            if without_determiner.startswith(periphrasis) or folded_head.endswith(periphrasis):
                return role
        words = [
            _singular(word)
            for word in _strip_determiner(folded_head, self.speech).split()
            if word not in self.speech.of_words and word not in _ADJECTIVE_LIKE
        ]
        return tuple(words)

    def _by_role(
        self, role: tuple[str, ...], start: int, *, person: bool, nationality: frozenset[str]
    ) -> Referent | None:
        """The referent given this role: the latest mentioned before `start`, else the first after. A
        person's role is never a body's, and the mention's nationality must not contradict the referent's."""
        head = role[0]
        candidates = [
            referent
            for referent in self.referents
            if head in referent.roles
            and not (person and referent.label == BODY)
            and self._agrees(referent, nationality)
        ]
        if not candidates:
            return None
        return self._nearest(candidates, start)

    def _by_nationality(self, nationality: frozenset[str], start: int) -> Referent | None:
        """The person the article gave that nationality ("le président ukrainien Volodymyr Zelensky")."""
        candidates = [
            referent
            for referent in self.referents
            if referent.name and referent.label != BODY and nationality & self._nationality(referent.roles)
        ]
        return self._nearest(candidates, start) if candidates else None

    def _nationality(self, words) -> frozenset[str]:
        nationalities = self._nationalities
        return frozenset(nationalities[word] for word in words if word in nationalities)

    def _agrees(self, referent: Referent, nationality: frozenset[str]) -> bool:
        """No nationality in the mention, none given to the referent, or a shared one."""
        given = self._nationality(referent.roles)
        return not nationality or not given or bool(nationality & given)

    def _by_body_noun(self, noun: str, start: int) -> Referent | None:
        candidates = [
            referent
            for referent in self.referents
            if referent.name and referent.label != PERSON and noun in {_singular(word) for word in referent.tokens}
        ]
        return self._nearest(candidates, start) if candidates else None

    def _nearest(self, candidates: list[Referent], start: int) -> Referent:
        before = [(self._last_seen(referent, start), referent) for referent in candidates]
        seen = [(position, referent) for position, referent in before if position >= 0]
        if seen:
            return max(seen, key=lambda pair: pair[0])[1]
        return min(candidates, key=lambda referent: self._first_seen(referent))

    def _last_seen(self, referent: Referent, start: int) -> int:
        positions = [
            mention.start for mention in self._mentions if mention.referent is referent and mention.start < start
        ]
        return max(positions, default=-1)

    def _first_seen(self, referent: Referent) -> int:
        return min((mention.start for mention in self._mentions if mention.referent is referent), default=1 << 30)

    def _salient_person(
        self, start: int, gender: str | None, nationality: frozenset[str] = frozenset()
    ) -> Referent | None:
        """The person the text was speaking of: the latest salient mention (a subject, a speaker)
        before `start` whose gender and nationality fit; else the latest person mentioned at all."""
        position = bisect_left(self._starts, start)
        fallback = None
        for mention in reversed(self._mentions[:position]):
            if start - mention.start > _SALIENCE_WINDOW:
                break
            referent = mention.referent
            if referent.label not in {PERSON, ""} or (gender and referent.gender and referent.gender != gender):
                continue
            if not self._agrees(referent, nationality):
                continue
            if mention.salient:
                return referent
            fallback = fallback or referent
        return fallback or self._main_person(start, gender, nationality)

    def _salient(self, start: int, label: str) -> Referent | None:
        """ "the charity said": the latest body named as a subject or a speaker shortly before."""
        position = bisect_left(self._starts, start)
        for mention in reversed(self._mentions[:position]):
            if start - mention.start > _SALIENCE_WINDOW:
                return None
            # Without NER the label of a capitalised name is a guess ("Doctors Without Borders").
            guessed = not self.index.doc.has_annotation("ENT_IOB")
            if mention.salient and mention.referent.name and (mention.referent.label == label or guessed):
                return mention.referent
        return None

    def _main_person(self, start: int, gender: str | None, nationality: frozenset[str]) -> Referent | None:
        """Nobody near: the person the article has spoken of most, as a reader would assume."""
        counts: dict[int, int] = {}
        people = {}
        for mention in self._mentions:
            referent = mention.referent
            if mention.start >= start or referent.label != PERSON or referent.name is None:
                continue
            if (gender and referent.gender and referent.gender != gender) or not self._agrees(referent, nationality):
                continue
            counts[id(referent)] = counts.get(id(referent), 0) + 1 + mention.salient
            people[id(referent)] = referent
        return people[max(counts, key=counts.get)] if counts else None


# Words before a role noun that do not name the role ("l'ancienne ministre", "former chancellor").
_ADJECTIVE_LIKE = frozenset({"ancien", "ancienne", "former", "nouveau", "nouvelle", "new", "actuel", "actuelle"})


def _name_spans(index: DocIndex, speech: Speech) -> list[tuple[int, int, str]]:
    """Names of people and bodies, in reading order: the NER's where the pipeline has one, else
    capitalised runs of words that do not follow a preposition of place."""
    spans: list[tuple[int, int, str]] = []
    if index.doc.has_annotation("ENT_IOB"):
        # Cut from the body: `Span.text` rebuilds the string token by token.
        ents = [
            (index.text[ent.start_char : ent.end_char], ent.start_char, ent.end_char, ent.label_) for ent in index.ents
        ]
        # The small models sometimes take a country for a person ("Ukraine" as PER once, LOC elsewhere).
        places = {text for text, _, _, label in ents if label in {"LOC", "GPE"}}
        spans = [
            (start, end, _NER_LABELS[label])
            for text, start, end, label in ents
            if label in _NER_LABELS and _is_name(text, speech) and text not in places
        ]
    else:
        for match in _CAPITALISED_RUN.finditer(index.text):
            spans.extend(_name_in_run(index, speech, match.start(), match.end()))
    return sorted(set(spans))


@lru_cache(maxsize=4)
def _nationality_keys(speech: Speech) -> dict[str, str]:
    """The country of each nationality word. Role words are singular ("francai" of "français"): so are the keys."""
    return {key: country for form, country in speech.nationalities.items() for key in (form, _singular(form))}


def _is_name(text: str, speech: Speech) -> bool:
    """ "ministre de l'Intérieur" is a role the NER took for a name; "ministère de l'Intérieur" is a body."""
    first = text.split()[0] if text.split() else ""
    return first[:1].isupper() or _singular(fold(first)) in speech.body_nouns


def _name_in_run(index: DocIndex, speech: Speech, start: int, end: int) -> list[tuple[int, int, str]]:
    text = index.text
    words = list(re.finditer(r"\S+", text[start:end]))
    first = 0
    while first < len(words) and fold(words[first].group()) in _SENTENCE_WORDS:
        first += 1
    honorific = first < len(words) and fold(words[first].group()) in speech.honorifics
    last_title = max(
        (position for position, word in enumerate(words) if fold(word.group()) in speech.titles), default=first - 1
    )
    name_words = words[max(first, last_title + 1) :]
    if honorific:
        name_words = words[first:]
    previous = fold(text[max(0, start - 20) : start]).split()[-1:]
    after_role = bool(previous) and _singular(previous[0]) in speech.person_roles  # "The singer Madonna"
    if not name_words or (len(name_words) < 2 and not honorific and last_title < first and not after_role):
        return []
    name_start, name_end = start + name_words[0].start(), start + name_words[-1].end()
    before = fold(text[max(0, name_start - 12) : name_start]).split()
    if before and before[-1] in _PLACE_PREPOSITIONS and last_title < first and not honorific:
        return []  # "outside Downing Street", "in Northern Ireland": a place
    sentence = index.sentence_at(name_start)
    if sentence is not None and sentence.start_char == name_start and len(name_words) < 2:
        return []
    names = " ".join(word.group() for word in name_words)
    label = BODY if any(_singular(fold(word)) in speech.body_nouns for word in names.split()) else PERSON
    return [(name_start, name_end, label)]


def _acronym_definitions(index: DocIndex) -> list[tuple[int, str, str]]:
    """ "l'agence régionale de santé (ARS) Océan Indien": a body named in full, with its acronym in
    brackets, whose letters are the initials of the words before; capitalised words after it end the name."""
    definitions = []
    text = index.text
    for match in re.finditer(r"\((?P<acronym>[A-Z]{2,6})\)", text):
        offset = max(0, match.start() - 120)
        words = list(re.finditer(r"[\w-]+", text[offset : match.start()]))
        letters, position = list(fold(match.group("acronym"))), len(words) - 1
        while letters and position >= 0:
            word = fold(words[position].group())
            if word[0] == letters[-1]:
                letters.pop()
            elif word not in _NAME_LINKS:
                break
            position -= 1
        if letters:
            continue
        name_start = offset + words[position + 1].start()
        tail = re.match(r"(?:\s+[A-Z][\w-]*)*", text[match.end() :])
        name = f"{text[name_start : match.start()].strip()}{tail.group()}"
        definitions.append((name_start, name, match.group("acronym")))
    return definitions


@lru_cache(maxsize=4096)
def _name_tokens(name: str) -> frozenset[str]:
    words = re.findall(r"\w+", fold(name).replace("l'", " ").replace("d'", " "))
    return frozenset(word for word in words if word not in _NAME_LINKS and len(word) > 1)


def _capitalised_name(words: list[str]) -> bool:
    return any(word[:1].isupper() for word in words)


@lru_cache(maxsize=4096)
def _strip_determiner(folded: str, speech: Speech) -> str:
    words = folded.replace("l'", "l' ").split()
    while words and (words[0] in speech.determiner_gender or words[0] in _SENTENCE_WORDS or words[0] in {"les", "l'"}):
        words = words[1:]
    return " ".join(words)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" and not word.endswith("ss") else word


def _feminine(parse: Parse, position: int) -> str | None:
    return "f" if "Fem" in parse.feature(position, "Gender") and parse.pos[position] in _GENDERED_TAGS else None


_GENDERED_TAGS = frozenset({parts_of_speech.DET, parts_of_speech.ADJ, parts_of_speech.NOUN})


def _may_be_role(token, index: DocIndex) -> bool:
    if token.is_punct or token.like_num:
        return False
    if token.pos_ == "ADP":
        return fold(token.text) in index.lexicon.of_words or fold(token.text) in {"du", "des", "of"}
    if token.pos_:
        return token.pos_ in {"NOUN", "ADJ", "PROPN"} or token.text in {"'s", "’s"}
    return (token.is_alpha or token.text in {"'s", "’s"} or "-" in token.text) and not _is_verb_word(token, index)


def _is_verb_word(token, index: DocIndex) -> bool:
    """Without a tagger: a word that is surely a verb (an attribution verb, or a stop word such as "is")."""
    return is_attribution_verb(token, index) or (token.is_stop and fold(token.text) not in _NAME_LINKS | {"'s"})
