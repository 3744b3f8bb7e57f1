"""The evaluation against gold: matching rules, and the seeds' scores."""

import json
from pathlib import Path

from claims.extraction import ClaimRecord
from claims.extraction.evaluation import (
    GoldDocument,
    KindScore,
    evaluate,
    field_agrees,
    load_gold,
    same_speaker,
    score_documents,
    values_agree,
)

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "tests" / "devset" / "extraction"


def record(kind, start, end, **fields):
    return ClaimRecord(
        kind=kind, text="x" * (end - start), start=start, end=end, sentence="", sentence_start=0, fields=fields
    )


def test_partial_date_gold_compares_only_month_and_day():
    gold = {"kind": "date", "date": "--11-09", "precision": "day"}
    assert values_agree(gold, record("date", 0, 5, date="2024-11-09", precision="day"))
    assert not values_agree(gold, record("date", 0, 5, date="2024-11-08", precision="day"))


def test_weekday_gold_without_a_date_checks_precision_only():
    gold = {"kind": "date", "date": None, "precision": "day"}
    assert values_agree(gold, record("date", 0, 5, date="2031-01-01", precision="day"))


def test_quantity_values_must_agree_on_every_field():
    gold = {"kind": "quantity", "value": 30, "value_max": None, "qualifier": "more_than", "unit": "pays"}
    assert values_agree(gold, record("quantity", 0, 5, value=30.0, value_max=None, qualifier="more_than", unit="pays"))
    assert not values_agree(gold, record("quantity", 0, 5, value=30.0, value_max=None, qualifier="exact", unit="pays"))


def test_speakers_match_on_a_shared_content_word():
    assert same_speaker("le porte-parole", "un porte-parole du Premier ministre britannique Keir Starmer")
    assert not same_speaker("Witkoff", "Starmer")
    assert same_speaker(None, None)
    assert not same_speaker("Macron", None)


def test_scores_count_matches_misses_and_spurious_finds():
    score = KindScore("quantity", true_positives=8, false_positives=2, false_negatives=0)
    assert score.precision == 0.8
    assert score.recall == 1.0


def test_gold_offsets_point_at_their_text():
    for document in load_gold(ROOT / "tests" / "gold", ROOT / "seeds"):
        for item in document.items:
            assert document.text[item["start"] : item["end"]] == item["text"]


def test_quantity_recall_and_precision_on_the_seeds():
    scores = evaluate(load_gold(ROOT / "tests" / "gold", ROOT / "seeds"))
    assert scores["quantity"].recall >= 0.9
    assert scores["quantity"].precision >= 0.8


def test_dates_and_quotes_on_the_seeds_stay_useful():
    scores = evaluate(load_gold(ROOT / "tests" / "gold", ROOT / "seeds"))
    assert scores["date"].f1 >= 0.8
    assert scores["quote"].f1 >= 0.7


def gold_item(kind, start, end, **reading):
    return {"kind": kind, "text": "x" * (end - start), "start": start, "end": end, **reading}


def test_scores_are_split_by_language_and_summed_in_all():
    french = GoldDocument("fr.txt", "x" * 40, "fr", None, [gold_item("quantity", 0, 5, value=3, qualifier="exact")])
    english = GoldDocument(
        "en.txt",
        "x" * 40,
        "en",
        None,
        [
            gold_item("quantity", 0, 5, value=4, qualifier="exact"),
            gold_item("date", 10, 15, date=None, precision="day"),
        ],
    )
    predictions = [
        [record("quantity", 0, 5, value=3.0, qualifier="exact")],
        [record("quantity", 20, 25, value=9.0, qualifier="exact")],
    ]

    scores = score_documents([french, english], predictions)

    assert scores["fr"]["quantity"].true_positives == 1
    assert scores["en"]["quantity"].false_negatives == 1
    assert scores["en"]["quantity"].false_positives == 1
    assert scores["en"]["date"].recall == 0.0
    assert scores["all"]["quantity"].gold == 2
    assert scores["all"]["quantity"].found == 2


def test_units_compare_by_canonical_key_when_both_sides_have_one():
    gold = {"unit": "manifestant", "unit_key": "protester"}
    assert field_agrees("unit", gold, record("quantity", 0, 5, unit="protesters", unit_key="protester"))
    assert not field_agrees("unit", gold, record("quantity", 0, 5, unit="manifestant", unit_key="person"))


def test_units_fall_back_to_the_surface_unit_without_a_predicted_key():
    gold = {"unit": "manifestant", "unit_key": "protester"}
    assert field_agrees("unit", gold, record("quantity", 0, 5, unit="Manifestant"))
    assert not field_agrees("unit", gold, record("quantity", 0, 5, unit="protester"))


def test_a_rate_needs_its_denominator():
    gold = {"unit": "cas", "unit_key": "case", "per": "100000 inhabitant"}
    assert field_agrees("unit", gold, record("quantity", 0, 5, unit="cas", unit_key="case", per="100000 inhabitant"))
    assert not field_agrees("unit", gold, record("quantity", 0, 5, unit="cas", unit_key="case"))


def test_a_change_needs_its_old_value():
    gold = {"value": 64, "value_max": None, "value_old": 62}
    assert field_agrees("value", gold, record("quantity", 0, 5, value=64.0, value_max=None, value_old=62.0))
    assert not field_agrees("value", gold, record("quantity", 0, 5, value=64.0, value_max=None))


def test_speaker_accuracy_wants_the_canonical_name():
    gold = {"speaker": "Volodymyr Zelensky"}
    assert field_agrees("speaker", gold, record("quote", 0, 5, speaker="volodymyr Zelensky"))
    assert not field_agrees("speaker", gold, record("quote", 0, 5, speaker="M. Zelensky"))
    assert not field_agrees("speaker", gold, record("quote", 0, 5, speaker="le président ukrainien"))
    assert field_agrees("speaker", {"speaker": None}, record("quote", 0, 5, speaker=None))


def test_field_accuracy_counts_matched_items_of_its_kind_only():
    document = GoldDocument(
        "fr.txt",
        "x" * 40,
        "fr",
        None,
        [
            gold_item("quote", 0, 5, speaker="Emmanuel Macron", quote="x"),
            gold_item("quote", 10, 15, speaker="Emmanuel Macron", quote="x"),
        ],
    )
    predictions = [
        [record("quote", 0, 5, speaker="Emmanuel Macron"), record("quote", 10, 15, speaker="le chef de l'État")]
    ]

    quotes = score_documents([document], predictions)["fr"]["quote"]

    assert quotes.field_accuracy("speaker") == 0.5
    assert quotes.field_accuracy("unit") is None


def test_unit_key_accuracy_counts_only_gold_items_that_record_a_key():
    quantity = {"value": 30, "qualifier": "exact", "unit": "pays"}
    document = GoldDocument(
        "fr.txt",
        "x" * 40,
        "fr",
        None,
        [
            gold_item("quantity", 0, 5, **quantity, unit_key="country"),
            gold_item("quantity", 10, 15, **quantity, unit_key="country"),
            gold_item("quantity", 20, 25, **quantity),
        ],
    )
    predictions = [
        [
            record("quantity", 0, 5, value=30, qualifier="exact", unit="pays", unit_key="country"),
            record("quantity", 10, 15, value=30, qualifier="exact", unit="pays"),
            record("quantity", 20, 25, value=30, qualifier="exact", unit="pays", unit_key="country"),
        ]
    ]

    quantities = score_documents([document], predictions)["fr"]["quantity"]

    assert quantities.field_accuracy("unit_key") == 0.5
    assert quantities.field_accuracy("unit") == 1.0


def test_development_set_gold_offsets_point_at_their_text():
    documents = load_gold(DEVSET, DEVSET)
    assert len(documents) >= 15
    assert {document.language for document in documents} == {"fr", "en"}
    for document in documents:
        for item in document.items:
            assert document.text[item["start"] : item["end"]] == item["text"]


def test_development_set_manifest_lists_every_text_with_its_sources():
    manifest = json.loads((DEVSET / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(entry["file"] for entry in manifest) == sorted(path.name for path in DEVSET.glob("*.txt"))
    for entry in manifest:
        assert entry["modelled_on"] and entry["language"] in {"fr", "en"}
        assert (DEVSET / entry["file"]).read_text(encoding="utf-8").splitlines()[0] == entry["title"]


def test_development_set_unit_keys_are_documented_in_its_readme():
    readme = (DEVSET / "README.md").read_text(encoding="utf-8")
    keys = {
        item["unit_key"]
        for document in load_gold(DEVSET, DEVSET)
        for item in document.items
        if item["kind"] == "quantity" and item.get("unit_key")
    }
    assert keys
    assert [key for key in sorted(keys) if f"`{key}`" not in readme] == []


def test_a_year_less_prediction_agrees_only_with_the_same_year_less_gold():
    gold = {"kind": "date", "date": "--11-09", "precision": "day"}
    assert values_agree(gold, record("date", 0, 5, date="--11-09", precision="day"))
    assert not values_agree(gold, record("date", 0, 5, date="--11-08", precision="day"))
    full = {"kind": "date", "date": "2024-11-09", "precision": "day"}
    assert not values_agree(full, record("date", 0, 5, date="--11-09", precision="day"))


def test_the_canonical_speaker_must_not_contradict_a_gold_that_holds_only_the_mention():
    credited = frozenset({"volodymyr", "zelensky", "keir", "starmer"})
    role = {"kind": "quote", "speaker": "le dirigeant ukrainien"}

    def quote(speaker, mention):
        return record("quote", 0, 5, speaker=speaker, speaker_mention=mention)

    for agrees in (values_agree, lambda item, got, **kw: field_agrees("speaker", item, got, **kw)):
        assert not agrees(role, quote("UE", "le dirigeant ukrainien"), credited=credited)
        assert agrees(role, quote("Volodymyr Zelensky", "le dirigeant ukrainien"), credited=credited)
        assert agrees(role, quote("le dirigeant ukrainien", "le dirigeant ukrainien"), credited=credited)
        named = {"kind": "quote", "speaker": "M. Zelensky"}
        assert not agrees(named, quote("Keir Starmer", "M. Zelensky"), credited=credited)
        assert agrees(named, quote("Volodymyr Zelensky", "M. Zelensky"), credited=credited)
