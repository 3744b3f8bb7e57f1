"""Suggestions computed on their own, stored once per pair, decided by reviewers, and seen without asking."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from articles.services import ArticleDraft
from claims import services
from claims.models import (
    Claim,
    ClaimEntityKey,
    ClaimLink,
    ClaimLinkKey,
    Rating,
    Suggestion,
    WebhookDelivery,
    WebhookSubscription,
)
from claims.selectors.linking import common_search_terms, entity_frequencies, key_from_row, link_candidate_ids
from claims.services import suggestions
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db
COUNTRIES = {"value": 30.0, "value_max": None, "qualifier": "more_than", "unit": "pays"}


def countries(body: str, text: str, reading: dict | None = None, *, outlet: str | None = None, **kwargs) -> Claim:
    article = ArticleFactory(body=body, **({"source": SourceFactory(name=outlet)} if outlet else {}))
    return ClaimFactory(
        article=article, start=body.index(text), text=text, sentence=body, normalized=reading or COUNTRIES, **kwargs
    )


@pytest.fixture
def summit():
    return countries("Plus de 30 pays rejoindront la coalition.", "Plus de 30 pays", outlet="Le Quotidien")


@pytest.fixture
def twin():
    return countries("Plus de 30 pays rejoindront la coalition, dit Londres.", "Plus de 30 pays", outlet="Wire")


@pytest.fixture
def rival():
    reading = {"value": 27.0, "value_max": None, "qualifier": "exact", "unit": "pays"}
    return countries("27 pays rejoindront la coalition.", "27 pays", reading, outlet="Gazette")


def pair(a: Claim, b: Claim) -> Suggestion:
    return Suggestion.objects.get(claim__in=[a, b], candidate__in=[a, b])


def test_a_new_claim_is_compared_with_the_archive_and_each_pair_is_stored_once(summit, twin, rival):
    assert pair(summit, twin).relation == Suggestion.Relation.SAME_AS
    assert pair(summit, rival).relation == Suggestion.Relation.CONTRADICTS
    assert pair(summit, rival).reasons

    services.claims_suggest_links(claim_ids=[summit.pk, twin.pk, rival.pk])  # again: nothing doubles

    assert Suggestion.objects.filter(claim__in=[summit, twin], candidate__in=[summit, twin]).count() == 1


def test_finished_extraction_queues_the_suggestions_after_commit(summit, editor, django_capture_on_commit_callbacks):
    body = "Plus de 30 pays rejoindront la coalition, a annoncé Paris mardi."
    draft = ArticleDraft(title="Coalition", body=body, source="Le Soir", language="fr", published_on=None)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        [article] = services.articles_submit(drafts=[draft], uploaded_by=editor).created

    assert callbacks  # extraction, then its suggestions, each sent once the transaction committed
    new = article.claims.get(text__iexact="plus de 30 pays")
    assert Suggestion.objects.filter(claim=new, candidate=summit).exists()


def test_a_dismissed_pair_is_never_suggested_again(summit, twin, reviewer):
    services.suggestion_dismiss(suggestion=pair(summit, twin), user=reviewer)

    services.claims_suggest_links(claim_ids=[summit.pk, twin.pk])

    assert pair(summit, twin).status == Suggestion.Status.DISMISSED
    assert not Suggestion.objects.filter(status=Suggestion.Status.PENDING, claim__in=[summit, twin],
                                         candidate__in=[summit, twin]).exists()  # fmt: skip


def test_accepting_links_through_the_link_service_so_the_fact_regroups(summit, twin, reviewer):
    link = services.suggestion_accept(suggestion=pair(summit, twin), relation="same_as", user=reviewer)

    summit.refresh_from_db()
    twin.refresh_from_db()
    assert link.relation == ClaimLink.Relation.SAME_AS
    assert summit.fact_id is not None and summit.fact_id == twin.fact_id
    assert pair(summit, twin).status == Suggestion.Status.ACCEPTED


def test_an_update_is_a_link_of_its_own(summit, twin, reviewer):
    link = services.suggestion_accept(suggestion=pair(summit, twin), relation="update", user=reviewer)

    assert link.relation == ClaimLink.Relation.UPDATE
    summit.refresh_from_db()
    assert summit.fact_id is None  # an update is not the same fact


def test_a_decided_suggestion_cannot_be_decided_again(summit, twin, reviewer):
    suggestion = pair(summit, twin)
    services.suggestion_dismiss(suggestion=suggestion, user=reviewer)

    with pytest.raises(ValidationError, match="already dismissed"):
        services.suggestion_accept(suggestion=suggestion, relation="same_as", user=reviewer)


def test_a_corrected_reading_recomputes_the_suggestions(summit, rival, reviewer, django_capture_on_commit_callbacks):
    assert pair(summit, rival).relation == Suggestion.Relation.CONTRADICTS

    with django_capture_on_commit_callbacks(execute=True):
        services.claim_update(
            claim=rival, user=reviewer, expected_version=rival.version,
            reading={"value": 31, "qualifier": "exact", "unit": "pays"},
        )  # fmt: skip

    assert pair(summit, rival).relation != Suggestion.Relation.CONTRADICTS


def test_a_rejected_claim_is_no_longer_suggested(summit, twin, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_reject(claim=twin, user=reviewer)

    assert not Suggestion.objects.filter(status=Suggestion.Status.PENDING).filter(candidate=twin).exists()
    assert not Suggestion.objects.filter(status=Suggestion.Status.PENDING).filter(claim=twin).exists()


def test_a_new_contradiction_of_a_judged_fact_reaches_the_dashboard_and_the_webhooks(
    summit, twin, reviewer, reviewer_client, django_capture_on_commit_callbacks
):
    services.suggestion_accept(suggestion=pair(summit, twin), relation="same_as", user=reviewer)
    summit.refresh_from_db()
    services.fact_set_verdict(fact=summit.fact, rating=Rating.objects.order_by("value").last(), user=reviewer)
    WebhookSubscription.objects.create(name="CMS", url="http://127.0.0.1:9/hooks", secret="s")

    reading = {"value": 27.0, "value_max": None, "qualifier": "exact", "unit": "pays"}
    rival = countries("27 pays rejoindront la coalition.", "27 pays", reading, outlet="Gazette")

    events = WebhookDelivery.objects.filter(event="contradiction.suggested")
    assert events.exists()
    assert events.first().payload["data"]["fact"] == summit.fact_id
    html = reviewer_client.get(reverse("claims:dashboard")).content.decode()
    assert "Possible contradictions of facts with a verdict" in html and rival.text in html


def test_the_card_says_how_many_outlets_report_it_and_how_many_contradict_it(reviewer_client, summit, twin, rival):
    html = reviewer_client.get(summit.article.get_absolute_url()).content.decode()

    assert 'reported by 1 other outlet · <span class="contradiction">1 possible contradiction</span>' in html


def test_the_queue_shows_the_summary_without_a_query_per_card(reviewer_client, django_assert_max_num_queries):
    for index in range(30):
        countries(f"Plus de 30 pays, dépêche {index}.", "Plus de 30 pays", outlet=f"Outlet {index}")

    with django_assert_max_num_queries(12):  # as many as before the summary line
        html = reviewer_client.get(reverse("claims:review_queue")).content.decode()

    assert html.count("other outlets") == 25


def test_the_suggestions_page_ranks_and_one_post_decides(reviewer_client, summit, twin, rival):
    html = reviewer_client.get(reverse("claims:suggestion_list")).content.decode()
    assert "Possible contradiction" in html and 'data-suggest-key="x"' in html

    suggestion = pair(summit, rival)
    response = reviewer_client.post(
        reverse("claims:suggestion_accept", args=[suggestion.pk]), {"relation": "contradicts"}, HTTP_HX_REQUEST="true"
    )

    assert "Linked as contradicts" in response.content.decode()
    assert ClaimLink.objects.filter(relation="contradicts").count() == 1
    assert (
        f'data-suggestion="{suggestion.pk}"'
        not in reviewer_client.get(reverse("claims:suggestion_list")).content.decode()
    )


def test_the_suggestions_page_runs_a_constant_number_of_queries(reviewer_client, django_assert_max_num_queries):
    for index in range(12):
        countries(f"Plus de 30 pays, dépêche {index}.", "Plus de 30 pays", outlet=f"Outlet {index}")

    with django_assert_max_num_queries(8):
        reviewer_client.get(reverse("claims:suggestion_list"))


def test_a_viewer_sees_suggestions_but_cannot_decide(viewer_client, summit, twin):
    assert viewer_client.get(reverse("claims:suggestion_list")).status_code == 200

    response = viewer_client.post(reverse("claims:suggestion_dismiss", args=[pair(summit, twin).pk]))

    assert response.status_code == 403
    assert pair(summit, twin).status == Suggestion.Status.PENDING


def test_an_unknown_relation_is_refused_with_a_message(reviewer_client, summit, twin):
    response = reviewer_client.post(
        reverse("claims:suggestion_accept", args=[pair(summit, twin).pk]), {"relation": "nonsense"}, follow=True
    )

    assert response.status_code == 200
    assert "Pick same claim, contradicts, supports or update" in response.content.decode()
    assert pair(summit, twin).status == Suggestion.Status.PENDING


def test_an_archive_from_before_suggestions_is_indexed_by_the_command(capsys):
    old = countries("Plus de 30 pays rejoindront la coalition.", "Plus de 30 pays", link_suggestions=False)
    older = countries("Plus de 30 pays rejoindront la coalition, dit Londres.", "Plus de 30 pays",
                      link_suggestions=False)  # fmt: skip
    assert not Suggestion.objects.exists()

    call_command("index_claims_for_linking")

    assert pair(old, older).relation == Suggestion.Relation.SAME_AS
    assert "Indexed 2 claims" in capsys.readouterr().out


def test_a_rare_name_finds_the_claims_that_mention_it_whatever_their_words():
    first = countries("Selon Kaja Kallas, plus de 30 pays rejoindront la coalition.", "plus de 30 pays",
                      entities=[{"text": "Kaja Kallas", "label": "PER"}])  # fmt: skip
    second = countries("Kallas expects 31 nations to sign up.", "31 nations",
                       {"value": 31.0, "value_max": None, "qualifier": "exact", "unit": "nation"},
                       entities=[{"text": "Kallas", "label": "PER"}])  # fmt: skip
    row = ClaimLinkKey.objects.get(claim=first)
    key = key_from_row(row)

    found = link_candidate_ids(row=row, key=key, entity_counts=entity_frequencies(key.entities), total=2)

    assert set(ClaimEntityKey.objects.filter(claim=second).values_list("kind", flat=True)) == {"quantity"}
    assert second.pk in found


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite keeps no word statistics; it searches every word")
def test_words_most_of_the_archive_holds_are_left_out_of_the_text_route_on_postgresql():
    article = ArticleFactory(body="Plus de 30 pays rejoindront la coalition.")
    claims = Claim.objects.bulk_create(
        Claim(article=article, kind=Claim.Kind.QUANTITY, start=number, end=number + 1, text="30 pays")
        for number in range(300)
    )
    ClaimLinkKey.objects.bulk_create(
        ClaimLinkKey(
            claim=claim,
            article_id=article.pk,
            kind=claim.kind,
            search_text=f"la coalition rejoindront {'kallas' if number < 3 else 'pays'}",
        )
        for number, claim in enumerate(claims)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE claims_claimlinkkey")  # what autovacuum does after such a burst of rows

    common = common_search_terms(total=300)

    assert {"coalition", "rejoindront", "pays"} <= common
    assert "kallas" not in common


def test_a_long_documents_claims_are_ranked_a_slice_per_task(
    summit, twin, rival, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(suggestions, "SUGGESTION_SLICE", 2)
    ranked = []
    rank_now = suggestions.claims_suggest_links
    monkeypatch.setattr(
        suggestions,
        "claims_suggest_links",
        lambda *, claim_ids: ranked.append(claim_ids) or rank_now(claim_ids=claim_ids),
    )
    Suggestion.objects.all().delete()

    # Celery runs eagerly here: the rest, queued once the first slice is stored, is ranked at commit.
    with django_capture_on_commit_callbacks(execute=True):
        services.articles_suggest_links(article_ids=[summit.article_id, twin.article_id, rival.article_id])

    assert ranked == [[summit.pk, twin.pk], [rival.pk]]
    assert pair(summit, twin).relation == Suggestion.Relation.SAME_AS
    assert pair(summit, rival).relation == Suggestion.Relation.CONTRADICTS
