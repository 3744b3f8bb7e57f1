"""Quoted statements and who made them.

What counts as a statement (rather than a scare-quoted word or a name in quotes): at least two
words, and either a clause of its own (three words or more with a verb), or speech framed as such
(introduced by a colon or an attribution verb, or followed by one: `", a déclaré X"`), or the
predicate of a reported clause (after a copula, in a sentence with an attribution verb:
`le soutien n'était « pas toujours suffisant »`). "milliers", « fortement », "coalition des pays
volontaires" are therefore not statements, while « Bien sûr » after "a répondu :" is.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from .attribution import (
    Speaker,
    attribution_verb_positions,
    attribution_verbs,
    is_attribution_verb,
    may_be_subject,
    speaker_from,
    speaker_of,
    subject_phrase,
)
from .records import ClaimRecord, Kind
from .referents import Referents
from .spans import DocIndex, make_record
from .syntax import parse_of
from .text import fold, paragraph_bounds

_OPENERS = {"«": "guillemets", "“": "curly", "‘": "single_curly"}
_CLOSERS = {"»": "guillemets", "”": "curly", "’": "single_curly"}
_SYMMETRIC = {'"': "straight", "'": "straight_single"}
_OPEN_CONTEXT = set("([{«“‘-—:'’\"/")
_CLOSE_CONTEXT = set('.,;:!?)]}»”’"-—…')
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_MARKS = re.compile("[" + re.escape("".join([*_OPENERS, *_CLOSERS, *_SYMMETRIC])) + "]")


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # content, without the marks
    end: int
    open_mark: int  # -1 when the opening mark is missing and the quote runs from the paragraph start
    close_mark: int
    style: str


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted stretch, paired by mark family within a paragraph, outermost only."""
    spans: list[QuoteSpan] = []
    for para_start, para_end in _paragraphs(text):
        open_marks: dict[str, list[int]] = {}
        for mark in _MARKS.finditer(text, para_start, para_end):
            position = mark.start()
            role, family = _mark_role(text, position)
            if role == "open":
                open_marks.setdefault(family, []).append(position)
            elif role == "close":
                stack = open_marks.get(family)
                if stack:
                    opener = stack.pop()
                    stack.clear()  # an unclosed mark before this pair was a typo, not a nesting
                    spans.append(_content(text, opener, position, family))
                else:
                    spans.append(_content(text, -1, position, family, para_start))
    spans = [span for span in spans if span.end > span.start]
    return [span for span in spans if not any(_inside(span, other) for other in spans if other is not span)]


def _paragraphs(text: str):
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        yield start, end
        start = end + 1


def _mark_role(text: str, position: int) -> tuple[str | None, str]:
    char = text[position]
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if char in _OPENERS:
        return "open", _OPENERS[char]
    if char in _CLOSERS:
        if char == "’" and (after.isalpha() or not before.strip()):
            return None, ""  # the apostrophe of "d’un", "l’Ukraine"
        return "close", _CLOSERS[char]
    if char not in _SYMMETRIC:
        return None, ""
    if before.isalnum() and after.isalnum():
        return None, ""  # l'Union, d'un: an apostrophe
    opens = (before.isspace() or before in _OPEN_CONTEXT) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in _CLOSE_CONTEXT)
    if opens == closes:
        return None, ""
    return ("open" if opens else "close"), _SYMMETRIC[char]


def _content(text: str, opener: int, closer: int, family: str, para_start: int = 0) -> QuoteSpan:
    start = opener + 1 if opener >= 0 else para_start
    end = closer
    while start < end and text[start].isspace():
        start += 1
    # English puts the comma that leads to the attribution inside the marks: it is not said.
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return QuoteSpan(start, end, opener, closer, family)


def _inside(inner: QuoteSpan, outer: QuoteSpan) -> bool:
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.start, outer.end)
        != (
            inner.start,
            inner.end,
        )
    )


def find_quotes(index: DocIndex, referents: Referents, spans: list[QuoteSpan]) -> list[ClaimRecord]:
    """Statement records among the quote spans (`find_quote_spans`), each credited to its speaker."""
    records: list[ClaimRecord] = []
    previous: tuple[int, dict] | None = None  # (paragraph start, speaker fields) of the last statement
    for span in spans:
        followed_by, after_verb, after_subject = _attribution_after(index, span)
        if span.open_mark < 0 and after_verb is None:
            continue  # a stray closing mark with no attribution: nothing to anchor a quote on
        introduced, before_verbs = _attribution_before(index, span, spans)
        if not _is_statement(index, span, introduced or followed_by, before_verbs):
            continue
        paragraph = paragraph_bounds(index.text, span.start)[0]
        speaker, rule, confidence = _speaker(index, span, (after_verb, after_subject), before_verbs)
        credited = _credited(index, referents, speaker)
        if speaker is None and previous and previous[0] == paragraph and after_verb is None and not before_verbs:
            # A quote right after another one, with no attribution of its own, continues it.
            credited, rule, confidence = previous[1], "quote.continuation", 0.6
        fields = {**credited, "quote": index.text[span.start : span.end], "fragment": _is_fragment(index, span)}
        rule_name = f"quote.{span.style}" if rule == "" else rule
        records.append(
            make_record(
                index,
                kind=Kind.QUOTE,
                start=span.start,
                end=span.end,
                fields=fields,
                rule=rule_name,
                confidence=confidence,
            )
        )
        previous = (paragraph, credited)
    return _share_juxtaposed(index, records, spans)


def _credited(index: DocIndex, referents: Referents, speaker: Speaker | None) -> dict:
    """The canonical speaker ("Volodymyr Zelensky") and the words the text used ("le chef de l'État", "il")."""
    if speaker is None:
        return {"speaker": None, "speaker_mention": None}
    mention = speaker.name if not speaker.is_pronoun else _pronoun_text(index, speaker.start)
    name = referents.resolve(mention, speaker.start, is_pronoun=speaker.is_pronoun)
    return {"speaker": name, "speaker_mention": mention}


def _pronoun_text(index: DocIndex, start: int) -> str:
    token = index.token_at(start)
    text = token.text if token is not None else ""
    return text.removeprefix("-t-").removeprefix("-")


def _is_fragment(index: DocIndex, span: QuoteSpan) -> bool:
    """« menace inacceptable », "deeply concerning": words set in the reporter's own sentence, rather
    than a statement standing on its own (which opens with a capital, or after a colon)."""
    first = next((char for char in index.text[span.start : span.end] if char.isalnum()), "")
    if not first or first.isupper():
        return False
    lead = index.text[paragraph_bounds(index.text, span.start)[0] : max(span.open_mark, 0)].rstrip()
    return bool(lead) and not lead.endswith(":")


def _share_juxtaposed(index: DocIndex, records: list[ClaimRecord], spans: list[QuoteSpan]) -> list[ClaimRecord]:
    """« A » « B », a-t-il dit: quotes with nothing but space between them are one speech."""
    close_of = {(span.start, span.end): span.close_mark for span in spans}
    for position in range(len(records) - 2, -1, -1):
        record, following = records[position], records[position + 1]
        if record.fields["speaker_mention"] is not None or following.fields["speaker_mention"] is None:
            continue
        gap = index.text[close_of[(record.start, record.end)] + 1 : following.start]
        if len(gap) <= 3 and "\n" not in gap:
            fields = {
                **record.fields,
                "speaker": following.fields["speaker"],
                "speaker_mention": following.fields["speaker_mention"],
            }
            records[position] = dataclasses.replace(record, fields=fields, rule="quote.juxtaposed", confidence=0.6)
    return records


def _is_statement(index: DocIndex, span: QuoteSpan, framed: bool, verbs: list) -> bool:
    words = len(_WORD.findall(index.text[span.start : span.end]))
    credited = _credited_before(index, span, verbs)
    if words < 2:
        # « lourd », "treasonous": one word is a statement only when a verb of saying credits it, and it
        # is not a word of the reporter's phrase (an adverb, or an adjective after its noun: des
        # discussions "réalistes").
        return (
            words == 1 and credited and index.text[span.start : span.end][:1].islower() and not _modifies(index, span)
        )
    if framed or credited:
        return True
    tokens = index.tokens_in(span.start, span.end)
    if not index.doc.has_annotation("POS"):
        return words >= 4
    if words >= 3 and any(token.pos_ in {"VERB", "AUX"} for token in tokens):
        return True
    return _is_reported_predicate(index, span)


def _is_negated(verb, index: DocIndex) -> bool:
    """ "didn't say 'no deal'", "n'a pas qualifié de …": words the speaker did not say."""
    around = verb.doc[max(0, verb.i - 3) : verb.i + 2]
    return any(fold(token.text) in index.lexicon.negators for token in around)


def _modifies(index: DocIndex, span: QuoteSpan) -> bool:
    word = index.token_at(span.start)
    if word is None or not word.pos_:
        return False
    mark = index.token_at(span.open_mark)
    before = word.doc[mark.i - 1] if mark is not None and mark.i > 0 else None
    attributive = before is not None and before.pos_ == "NOUN" and word.head.i == before.i
    return word.pos_ == "ADV" or attributive


def _credited_before(index: DocIndex, span: QuoteSpan, verbs: list) -> bool:
    """A verb of saying governing the quote from close before it (`X called it "a tax on jobs"`, « a
    salué « une éclatante victoire »): at most a few words between, none of them another verb (in
    "appelle à former une sorte d'« alliance volontaire »" the words are the reporter's); or "selon"
    earlier in the sentence."""
    if span.open_mark < 0:
        return False
    sentence = index.sentence_at(span.open_mark)
    sentence_start = sentence.start_char if sentence is not None else span.open_mark
    mark = index.token_at(span.open_mark)
    parse = parse_of(index.doc)
    for verb in verbs:
        if not sentence_start <= verb.idx < span.open_mark or mark is None or _is_negated(verb, index):
            continue
        between = verb.doc[verb.i + 1 : mark.i]
        # "notant qu'elle serait déployée « bien derrière »": the clause has its predicate already.
        copulas = [token.i for token in between if token.pos_ == "AUX" or fold(token.lemma_) in index.lexicon.copulas]
        if copulas and any(token.pos_ in {"ADJ", "VERB"} for token in verb.doc[copulas[-1] + 1 : mark.i]):
            continue
        if len(between) <= 6 and not any(
            (token.pos_ == "VERB" or ("Part" in parse.feature(token.i, "VerbForm") and token.pos_ != "AUX"))
            and fold(token.lemma_) not in index.lexicon.copulas | {"avoir", "have"}
            for token in between
        ):
            return True
    lead = index.folded[sentence_start : span.open_mark]
    return any(re.search(rf"(?<![\w']){re.escape(word)}\s", lead) for word in index.lexicon.according_to)


def _is_reported_predicate(index: DocIndex, span: QuoteSpan) -> bool:
    mark = index.token_at(span.open_mark) if span.open_mark > 0 else None
    if mark is None or mark.i == 0:
        return False
    before = mark.doc[mark.i - 1]
    if before.idx >= span.open_mark:
        return False
    is_copula = fold(before.lemma_) in index.lexicon.copulas or fold(before.text) in {
        "est",
        "etait",
        "sera",
        "serait",
        "sont",
        "etaient",
        "seront",
        "seraient",
        "soit",
        "soient",
    }
    sentence = before.sent
    return is_copula and any(verb < before.i for verb in attribution_verb_positions(sentence, index))


def _attribution_after(index: DocIndex, span: QuoteSpan):
    """ ", a déclaré M. Zelensky" right after the closing mark: only punctuation, auxiliaries,
    adverbs and clitics ("a-t-il") may stand between the mark and the verb, or the speaker's own
    noun phrase (English: `," chief executive Jane Smith told reporters`). Returns whether a verb
    follows, the verb, and that noun phrase as a `Speaker` when the subject comes first."""
    doc = index.doc
    token = index.token_at(span.close_mark + 1)
    subject: list = []
    steps = 0
    in_apposition = False
    while token is not None and steps < 6 + len(subject):
        if is_attribution_verb(token, index) and token.pos_ != "NOUN":
            return True, token, subject_phrase(subject, index)
        if "\n" in token.text or token.text in {".", "!", "?", "«", "“"}:
            break
        between = token.is_punct or token.pos_ in {"AUX", "ADV"} or token.text.startswith("-")
        between = between or fold(token.text) in {"a", "ont", "avait", "has", "had"}
        joined = token.text == "-" and subject and not subject[-1].whitespace_  # "director-general"
        if between and subject and token.is_punct and not joined:
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            # `," the WHO's director-general, Tedros Adhanom Ghebreyesus, said` and `," Tamika Mallory, one
            # of the organisers, told`: a comma between a role and a name; `", le texte, qui a dit…" ends it.
            opens = token.text == "," and following is not None and (following.is_title or subject[-1].is_title)
            closes = token.text == "," and in_apposition
            if not (opens or closes) or len(subject) >= 16:
                break
            in_apposition = not closes
            subject.append(token)
        elif joined or not between or (in_apposition and token.is_alpha):
            if len(subject) >= 16 or not (joined or in_apposition or may_be_subject(token, index)):
                break
            subject.append(token)
        steps += 1
        token = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return False, None, None


def _attribution_before(index: DocIndex, span: QuoteSpan, spans: list[QuoteSpan]):
    """Attribution verbs of the quote's sentence outside every quote, those before it nearest first,
    then those after; and whether the quote is introduced directly (colon, or verb + que right before it)."""
    window_start, window_end = _window(index, span)
    verbs = [
        verb
        for verb in attribution_verbs(index.tokens_in(window_start, window_end), index)
        if verb.pos_ != "NOUN"
        and not any(other.start <= verb.idx < other.end for other in spans if other.open_mark >= 0)
    ]
    before = [verb for verb in verbs if verb.idx < span.start]
    after = [verb for verb in verbs if verb.idx >= span.end]
    introduced = False
    if span.open_mark >= 0:
        lead = index.text[max(window_start, span.open_mark - 40) : span.open_mark].rstrip()
        introduced = lead.endswith(":") or bool(
            before and re.search(r"(?:que|qu'|qu’)$", lead) and span.open_mark - before[-1].idx < 25
        )
    return introduced, [*reversed(before), *after]


def _window(index: DocIndex, span: QuoteSpan) -> tuple[int, int]:
    """The sentences around a quote, within its paragraph: the parser often breaks a sentence at a
    quote mark ("Selon le ministère, « | les frappes… »"), so one sentence is not enough."""
    paragraph_start, paragraph_end = paragraph_bounds(index.text, span.start)
    first = index.sentence_at(span.open_mark if span.open_mark >= 0 else span.start)
    last = index.sentence_at(span.close_mark)
    start = first.start_char if first is not None else span.start
    end = last.end_char if last is not None else span.end
    return max(start, paragraph_start), min(max(end, span.end), paragraph_end)


def _speaker(index, span, after, before_verbs) -> tuple[Speaker | None, str, float]:
    """Who the quote is credited to, as the text words it: the subject of the attribution verb right
    after the quote, else of one in its sentence, else "selon X"; a pronoun only if nothing better."""
    after_verb, after_subject = after
    candidates = ([after_verb] if after_verb is not None else []) + before_verbs
    pronoun = None
    for verb in candidates:
        if verb is after_verb and after_subject is not None:
            speaker = after_subject
        else:
            speaker = speaker_of(verb, index, after_quote=verb.idx >= span.end)
        if speaker is None:
            continue
        if speaker.is_pronoun and verb is after_verb:
            return speaker, "quote.pronoun", 0.7  # `"…," he told supporters`: the attribution of this very quote
        if speaker.is_pronoun:
            pronoun = pronoun or speaker
            continue
        rule = "quote.attribution_after" if verb is after_verb else "quote.attribution_before"
        return speaker, rule, 0.85
    according = _according_to(index, span)
    if according is not None and not according.is_pronoun:
        return according, "quote.selon", 0.75
    pronoun = pronoun or according
    if pronoun is not None:
        return pronoun, "quote.pronoun", 0.7
    return None, "", 0.5


def _according_to(index: DocIndex, span: QuoteSpan):
    window_start, window_end = _window(index, span)
    pattern = "|".join(map(re.escape, index.lexicon.according_to))
    match = re.compile(rf"(?<![\w'])(?:{pattern})\s+").search(index.folded, window_start, window_end)
    head = index.token_at(match.end()) if match else None
    return speaker_from(head, index, start_here=True) if head is not None else None
