"""The linking development set (tests/devset/linking) is complete and self-consistent.

The evaluation of cross-source linking trusts this set: every article it names exists, every gold mention
sits exactly at its offsets, every relation points at mentions that exist, and each event is covered by
enough outlets in both languages. Plain file checks: no database, no extraction.
"""

import importlib.util
import itertools
import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from articles.text import article_text_normalize

DEVSET = Path(__file__).resolve().parent.parent / "devset" / "linking"
KINDS = {"quantity", "date", "quote"}
LANGUAGES = {"fr", "en"}
DISTRACTOR_TYPES = {"other place", "other date", "other scope", "other source type"}
# Kept aside to evaluate the tracker independently (issue 14): none of them may appear here.
SET_ASIDE_WORDS = ("pension", "retraite", "morocco", "maroc", "coalition of the willing", "legislative", "législative")


def load_gold() -> dict:
    return json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))


def load_bodies(gold: dict) -> dict[str, str]:
    return {article["file"]: (DEVSET / article["file"]).read_text(encoding="utf-8") for article in gold["articles"]}


@pytest.fixture(scope="module")
def gold():
    return load_gold()


@pytest.fixture(scope="module")
def bodies(gold):
    return load_bodies(gold)


@pytest.fixture(scope="module")
def mentions(gold):
    return {mention["id"]: mention for mention in gold["mentions"]}


@pytest.fixture(scope="module")
def articles(gold):
    return {article["file"]: article for article in gold["articles"]}


def relation_pairs(gold):
    for contradiction in gold["contradictions"]:
        yield "contradiction", contradiction["a"], contradiction["b"], contradiction["reason"]
    for update in gold["updates"]:
        yield "update", update["earlier"], update["later"], update["reason"]
    for distractor in gold["distractors"]:
        yield "distractor", distractor["a"], distractor["b"], distractor["reason"]


def test_every_article_file_exists_and_no_stray_file_is_left_out(gold):
    listed = {article["file"] for article in gold["articles"]}
    on_disk = {str(path.relative_to(DEVSET)) for path in DEVSET.glob("*/*.txt")}
    assert listed == on_disk


def test_articles_carry_the_metadata_the_evaluation_reads(gold):
    events = {event["slug"] for event in gold["events"]}
    for article in gold["articles"]:
        assert article["event"] in events, article["file"]
        assert article["file"].startswith(article["event"] + "/"), article["file"]
        assert article["language"] in LANGUAGES, article["file"]
        assert article["outlet"] and article["title"], article["file"]
        assert len(article["published"]) == 10, article["file"]
        assert article["modelled_on"] and all(url.startswith("http") for url in article["modelled_on"])


def test_articles_are_150_to_400_words(bodies):
    for file, body in bodies.items():
        assert 150 <= len(body.split()) <= 400, file


def test_articles_are_stored_as_the_tracker_stores_a_submitted_text(bodies):
    """Offsets are counted in the normalised text: a file that normalisation changes would shift them."""
    for file, body in bodies.items():
        assert article_text_normalize(body) == body, file


def test_every_mention_sits_exactly_at_its_offsets(gold, bodies):
    for mention in gold["mentions"]:
        body = bodies[mention["file"]]
        assert body[mention["start"] : mention["end"]] == mention["text"], mention["id"]
        assert mention["kind"] in KINDS, mention["id"]


def test_every_mention_sentence_is_the_text_around_it(gold, bodies):
    for mention in gold["mentions"]:
        body, sentence = bodies[mention["file"]], mention["sentence"]
        starts = [i for i in range(len(body)) if body.startswith(sentence, i)]
        assert any(i <= mention["start"] and mention["end"] <= i + len(sentence) for i in starts), mention["id"]


def test_mention_ids_are_unique(gold):
    counts = Counter(mention["id"] for mention in gold["mentions"])
    assert [mention_id for mention_id, count in counts.items() if count > 1] == []


def test_every_referenced_mention_exists(gold, mentions):
    referenced = [mention_id for fact in gold["facts"] for mention_id in fact["mentions"]]
    referenced += [mention_id for _, a, b, _ in relation_pairs(gold) for mention_id in (a, b)]
    assert [mention_id for mention_id in referenced if mention_id not in mentions] == []


def test_a_mention_belongs_to_at_most_one_fact(gold):
    counts = Counter(mention_id for fact in gold["facts"] for mention_id in fact["mentions"])
    assert [mention_id for mention_id, count in counts.items() if count > 1] == []


def test_facts_and_relations_stay_inside_one_event(gold, mentions, articles):
    def event_of(mention_id):
        return articles[mentions[mention_id]["file"]]["event"]

    for fact in gold["facts"]:
        assert len({event_of(mention_id) for mention_id in fact["mentions"]}) == 1, fact["id"]
    for relation, a, b, reason in relation_pairs(gold):
        assert a != b and event_of(a) == event_of(b), (relation, a, b)
        assert reason, (relation, a, b)


def test_pairs_that_differ_are_never_grouped_as_the_same_fact(gold):
    fact_of = {mention_id: fact["id"] for fact in gold["facts"] for mention_id in fact["mentions"]}
    for relation, a, b, _ in relation_pairs(gold):
        assert fact_of.get(a) is None or fact_of.get(a) != fact_of.get(b), (relation, a, b)


def test_a_pair_has_one_relation_only(gold):
    seen = defaultdict(set)
    for relation, a, b, _ in relation_pairs(gold):
        seen[frozenset((a, b))].add(relation)
    assert {pair: kinds for pair, kinds in seen.items() if len(kinds) > 1} == {}


def test_an_update_is_first_reported_no_earlier_than_what_it_updates(gold, mentions, articles):
    """Updates are ordered by when the count was made: an outlet may repeat an older count a day later, but
    the newer count can never have been reported before the older one first was."""
    fact_of = {mention_id: fact["mentions"] for fact in gold["facts"] for mention_id in fact["mentions"]}

    def first_reported(mention_id):
        return min(articles[mentions[other]["file"]]["published"] for other in fact_of.get(mention_id, [mention_id]))

    for update in gold["updates"]:
        assert first_reported(update["earlier"]) <= first_reported(update["later"]), update


def test_distractors_say_why_they_are_not_the_same_fact(gold):
    for distractor in gold["distractors"]:
        assert distractor["type"] in DISTRACTOR_TYPES, distractor


def test_each_event_has_six_outlets_in_both_languages(gold):
    for event in gold["events"]:
        event_articles = [article for article in gold["articles"] if article["event"] == event["slug"]]
        assert len({article["outlet"] for article in event_articles}) >= 6, event["slug"]
        languages = Counter(article["language"] for article in event_articles)
        assert set(languages) == LANGUAGES and min(languages.values()) >= 2, (event["slug"], languages)


def test_the_set_has_four_events_none_of_them_set_aside(gold):
    assert len(gold["events"]) >= 4
    for event in gold["events"]:
        described = f"{event['slug']} {event['name']}".lower()
        assert not any(word in described for word in SET_ASIDE_WORDS), event["slug"]


def test_each_event_links_facts_across_languages(gold, mentions, articles):
    """Cross-language recall is measured separately, so every event needs facts stated in both languages."""
    for event in gold["events"]:
        crossing = [
            fact
            for fact in gold["facts"]
            if fact["id"].startswith(event["slug"] + "/")
            and {articles[mentions[mention_id]["file"]]["language"] for mention_id in fact["mentions"]} == LANGUAGES
        ]
        assert len(crossing) >= 3, event["slug"]


def test_the_set_has_contradictions_updates_and_distractors(gold):
    assert gold["contradictions"] and gold["updates"] and gold["distractors"]
    # Same-fact pairs across outlets are what recall@5 is measured on.
    same_fact_pairs = [
        pair
        for fact in gold["facts"]
        for pair in itertools.combinations(fact["mentions"], 2)
        if pair[0].rsplit(".", 1)[0] != pair[1].rsplit(".", 1)[0]
    ]
    assert len(same_fact_pairs) >= 100


def test_gold_json_is_what_the_annotated_sources_build():
    """gold.json and the article files are generated; an edit by hand would drift from the sources."""
    spec = importlib.util.spec_from_file_location("build_gold", DEVSET / "build_gold.py")
    build_gold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_gold)
    built, built_bodies = build_gold.build(write=False)
    gold = load_gold()
    assert built == gold
    assert built_bodies == load_bodies(gold)
