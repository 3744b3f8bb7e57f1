"""Long documents are read in paragraph-aligned chunks: spaCy's own length limit is never reached, and
every record points into the whole text as if it had been read in one piece."""

import pytest

from claims.extraction import Document, extract, extract_documents
from claims.extraction.chunks import CHUNK_CHARS, batches_of, paragraph_chunks
from claims.extraction.nlp import load_nlp

PARAGRAPH = (
    "Le ministre Jean Dupont a déclaré mardi que plus de 30 pays avaient rejoint la coalition. "
    "« Nous enverrons des milliers de soldats », a-t-il ajouté devant l'ONU à Genève."
)


def long_text(characters: int) -> str:
    return "\n\n".join([PARAGRAPH] * (characters // (len(PARAGRAPH) + 2) + 1))


def test_chunks_put_together_give_the_text_back_and_end_at_paragraph_breaks():
    text = long_text(3 * CHUNK_CHARS)

    chunks = paragraph_chunks(text)

    assert "".join(chunk.text for chunk in chunks) == text
    assert all(len(chunk.text) <= CHUNK_CHARS for chunk in chunks)
    assert all(chunk.text.endswith("\n\n") for chunk in chunks[:-1])
    assert [chunk.start for chunk in chunks] == [text.index(chunk.text, chunk.start) for chunk in chunks]


def test_a_text_without_paragraphs_is_cut_at_a_sentence_end_then_at_a_space():
    sentences = PARAGRAPH * 400
    words = "mot " * 10_000

    assert all(chunk.text.endswith("» ") or chunk.text.endswith(". ") for chunk in paragraph_chunks(sentences)[:-1])
    assert all(chunk.text.endswith(" ") for chunk in paragraph_chunks(words)[:-1])
    assert "".join(chunk.text for chunk in paragraph_chunks("x" * 50_000)) == "x" * 50_000


def test_a_short_article_is_one_chunk():
    assert [chunk.text for chunk in paragraph_chunks(PARAGRAPH)] == [PARAGRAPH]


def test_spacy_reads_a_long_texts_chunks_a_few_at_a_time_and_in_order():
    chunks = [chunk.text for chunk in paragraph_chunks(long_text(10 * CHUNK_CHARS))]

    batches = list(batches_of(chunks, size=16, chars=3 * CHUNK_CHARS))

    assert [text for batch in batches for text in batch] == chunks
    assert all(sum(map(len, batch)) <= 3 * CHUNK_CHARS for batch in batches)
    assert list(batches_of(["a" * 50, "b", "c"], size=2, chars=10)) == [["a" * 50], ["b", "c"]]


@pytest.fixture
def small_spacy_limit():
    nlp = load_nlp("fr")
    default = nlp.max_length
    nlp.max_length = CHUNK_CHARS + 1  # spaCy's E088 past this: a text read whole would fail
    yield
    nlp.max_length = default


@pytest.mark.usefixtures("small_spacy_limit")
def test_a_text_past_spacys_limit_is_extracted_with_offsets_in_the_whole_text():
    text = long_text(2 * CHUNK_CHARS + 5000)

    records = extract(text)

    paragraphs = text.count(PARAGRAPH)
    quantities = [record for record in records if record.kind == "quantity" and record.text == "plus de 30 pays"]
    assert len(quantities) == paragraphs
    for record in records:
        assert text[record.start : record.end] == record.text
        assert text[record.sentence_start : record.sentence_start + len(record.sentence)] == record.sentence
        assert record.context_before == text[max(0, record.start - len(record.context_before)) : record.start]
        assert text[record.end : record.end + len(record.context_after)] == record.context_after
        for mention in record.entities:
            assert text[mention.start : mention.end] == mention.text
    last = quantities[-1]
    assert last.context_before and last.context_after  # context crosses chunk edges like anywhere else


def test_an_article_gives_the_same_claims_alone_and_in_a_worker_batch_beside_long_texts(seed_text):
    documents = [Document(seed_text("000")), Document(long_text(4 * CHUNK_CHARS)), Document(seed_text("003"))]

    in_one_batch = list(extract_documents(documents, batch_size=32))

    assert in_one_batch == [extract(document.text) for document in documents]
