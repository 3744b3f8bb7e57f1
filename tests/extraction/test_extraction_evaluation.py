"""The evaluation against gold: matching rules, and the seeds' scores."""

from pathlib import Path

from claims.extraction import ClaimRecord
from claims.extraction.evaluation import KindScore, evaluate, load_gold, same_speaker, values_agree

ROOT = Path(__file__).resolve().parents[2]


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
