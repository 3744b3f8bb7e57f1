"""The linking scores count what a reviewer would see: partners among the first suggestions, flags that are right."""

from claims.linking.evaluation import evaluate, format_misses, format_report
from tests.linking.keying import quantity_key


def mention(mention_id, file):
    return {"id": mention_id, "file": file, "kind": "quantity", "text": "", "start": 0, "end": 1, "sentence": ""}


def key(value, unit, sentence, text, language="fr"):
    return quantity_key(value, unit, text, sentence, language=language)


GOLD = {
    "articles": [
        {"file": "march/01.txt", "language": "fr"},
        {"file": "march/02.txt", "language": "en"},
        {"file": "march/03.txt", "language": "fr"},
    ],
    "mentions": [
        mention("march/01.police", "march/01.txt"),
        mention("march/02.police", "march/02.txt"),
        mention("march/03.organisers", "march/03.txt"),
        mention("march/03.missing", "march/03.txt"),
    ],
    "facts": [{"id": "march/police", "mentions": ["march/01.police", "march/02.police"]}],
    "contradictions": [{"a": "march/01.police", "b": "march/03.organisers", "reason": "police vs organisers"}],
    "updates": [],
    "distractors": [],
}
KEYS = {
    "march/01.police": key(
        12000, "personne", "Selon la police, 12 000 personnes ont manifesté à Nantes jeudi.", "12 000 personnes"
    ),
    "march/02.police": key(
        12000, "people", "According to the police, 12,000 people marched in Nantes on Thursday.", "12,000 people", "en"
    ),
    "march/03.organisers": key(
        40000,
        "manifestant",
        "Selon les organisateurs, 40 000 manifestants ont défilé à Nantes jeudi.",
        "40 000 manifestants",
    ),
}


def test_the_same_count_in_another_language_is_found_and_the_dispute_flagged():
    report = evaluate(GOLD, KEYS)
    assert report.recall.share() == 1.0
    assert report.recall.share("en-fr") == 1.0
    assert report.reciprocal_rank.share() == 1.0
    assert report.contradiction_recall.share() == 1.0


def test_a_mention_the_extractor_missed_counts_against_coverage_not_the_linker():
    report = evaluate(GOLD, KEYS)
    assert report.linked_mentions == 3 and report.mentions == 4
    assert "3/4 gold mentions" in format_report(report)


def test_each_pair_scored_wrong_is_listed_with_both_keys_and_the_engines_reasons():
    gold = {**GOLD, "contradictions": [], "distractors": [{"a": "march/01.police", "b": "march/02.police"}]}
    report = evaluate(gold, KEYS)
    assert {(miss.what, miss.a, miss.b) for miss in report.misses} == {
        ("false contradiction", "march/01.police", "march/03.organisers"),
        ("false contradiction", "march/02.police", "march/03.organisers"),
        ("distractor first or flagged", "march/01.police", "march/02.police"),
    }
    listing = format_misses(report, gold, KEYS)
    assert "== false contradiction (2)" in listing
    assert "«40 000 manifestants» quantity: protester" in listing
    assert "engine: contradicts" in listing and "organisers' figure" in listing
