"""Entities, English, odd inputs, and the span invariant `text == body[start:end]` everywhere."""

import json
from datetime import date
from pathlib import Path

import pytest

from claims.extraction import EXTRACTOR_VERSION, Document, extract, extract_documents

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MANIFEST = {entry["file"]: entry for entry in json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))}

ODD_INPUTS = [
    "",
    "   \n\n  ",
    "🙂🚀 30 🙂 « » “ ” ' \" '",
    "مرحبا بالعالم 30 دولة في 2024",
    "שלום עולם « ציטוט »",
    "«««",
    "»»» ” ' \" fin",
    "\u200f30\u200e soldats \u202e renversé \u202c",
    "1,5,6 milliard milliard millions de de de",
    "entre et 5 à",
    "le 31 février 2025 et le 99 mars",
    "x" * 5000,
    "Il a dit : '",
    "l'l'l' d'“ ’’ ‘‘",
]


def assert_spans_hold(body, records):
    for record in records:
        assert body[record.start : record.end] == record.text
        assert body[record.sentence_start : record.sentence_start + len(record.sentence)] == record.sentence
        assert record.context_before == body[max(0, record.start - len(record.context_before)) : record.start]
        assert body[record.end : record.end + len(record.context_after)] == record.context_after
        assert 0 <= record.confidence <= 1
        for mention in record.entities:
            assert body[mention.start : mention.end] == mention.text


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_every_record_on_the_seeds_is_cut_from_the_body(name):
    body = (SEEDS / name).read_text(encoding="utf-8")
    published = MANIFEST[name]["published"]
    records = extract(body, published=date.fromisoformat(published) if published else None)
    assert records
    assert_spans_hold(body, records)


@pytest.mark.parametrize("body", ODD_INPUTS)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_odd_inputs_do_not_crash_and_keep_spans(body, language):
    assert_spans_hold(body, extract(body, language=language))


def test_empty_text_gives_no_records():
    assert extract("") == []


def test_extract_documents_yields_one_list_per_document_in_order():
    documents = [
        Document("Plus de 30 pays ont signé."),
        Document("More than 30 countries signed on Monday.", language="en"),
        Document(""),
        Document("Des milliers de soldats.", published=date(2025, 1, 1)),
    ]
    results = list(extract_documents(documents, batch_size=2))
    assert len(results) == 4
    assert results[0][0].fields["value"] == 30
    assert results[2] == []
    assert [r.fields["value"] for r in results[3] if r.kind == "quantity"] == [1000]


def test_extractor_version_is_semver_like():
    assert len(EXTRACTOR_VERSION.split(".")) == 3


def test_claims_carry_the_people_places_and_organisations_of_their_sentence():
    record = next(
        r for r in extract("Emmanuel Macron a reçu 27 dirigeants à Paris avec l'OTAN.") if r.kind == "quantity"
    )
    labels = {(mention.text, mention.label) for mention in record.entities}
    assert ("Emmanuel Macron", "PER") in labels
    assert ("Paris", "LOC") in labels


def test_entity_mentions_are_records_too():
    records = extract("Volodymyr Zelensky s'est rendu à Londres.")
    entities = {(r.text, r.fields["label"]) for r in records if r.kind == "entity"}
    assert ("Volodymyr Zelensky", "PER") in entities
    assert all(r.rule == "spacy.ner" for r in records if r.kind == "entity")


def test_records_serialise_to_the_flat_json_shape():
    record = next(r for r in extract("Plus de 30 pays ont signé.") if r.kind == "quantity")
    data = record.as_dict()
    for key in (
        "kind",
        "text",
        "start",
        "end",
        "sentence",
        "negated",
        "hypothetical",
        "reported",
        "entities",
        "value",
        "value_max",
        "qualifier",
        "unit",
        "rule",
        "confidence",
        "context_before",
        "context_after",
    ):
        assert key in data
    json.dumps(data)


def test_english_text_gets_quantities():
    records = [
        r
        for r in extract("More than 30 countries pledged $1.5 billion and thousands of troops.", language="en")
        if r.kind == "quantity"
    ]
    readings = {(r.fields["value"], r.fields["qualifier"], r.fields["unit"]) for r in records}
    assert (30, "more_than", "country") in readings
    assert (1000, "order_of_magnitude", "troop") in readings
    assert any(r.fields["unit"] == "dollar" and r.fields["value"] == pytest.approx(1.5e9) for r in records)


def test_english_text_gets_dates():
    records = [
        r
        for r in extract(
            "The summit took place on March 2, 2025 and again on Monday.", language="en", published=date(2025, 3, 17)
        )
        if r.kind == "date"
    ]
    assert {r.fields["date"] for r in records} >= {"2025-03-02"}
    assert any(r.text.startswith("Monday") for r in records)


def test_english_text_gets_quotes_with_speaker():
    records = [
        r
        for r in extract('"We will not send troops to Ukraine," said Prime Minister Keir Starmer.', language="en")
        if r.kind == "quote"
    ]
    assert len(records) == 1
    assert "Starmer" in records[0].fields["speaker"]
    assert records[0].negated


def test_english_apostrophes_are_not_quote_marks():
    records = extract("The country's leaders didn't say 'no deal' on Monday.", language="en")
    assert [r for r in records if r.kind == "quote"] == []


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("fr", "Sommet de Paris\nPlus de 30 pays ont signé l'accord mardi\nLe texte entre en vigueur en mars."),
        ("en", "Paris summit\nMore than 30 countries signed the accord on Tuesday\nThe text takes effect in March."),
    ],
)
def test_a_claims_sentence_never_runs_across_a_line_break(language, body):
    records = [record for record in extract(body, language=language) if record.kind == "quantity"]

    assert records
    for record in records:
        assert "\n" not in record.sentence.strip()
        assert record.sentence.strip() == body.splitlines()[1]
