"""Suggestions in a real browser with a real worker: one appears on its own after an upload, a reviewer
accepts it by keyboard on the Suggestions page, and a dismissed one stays gone."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from claims import services
from claims.models import ClaimLink, Suggestion
from tests.conftest import wait_for
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, UserFactory

from .actions import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def archived(body: str, text: str, value: float, qualifier: str, outlet: str):
    article = ArticleFactory(title=f"Dépêche {outlet}", body=body, source=SourceFactory(name=outlet))
    reading = {"value": value, "value_max": None, "qualifier": qualifier, "unit": "pays"}
    return ClaimFactory(article=article, start=body.index(text), text=text, sentence=body, normalized=reading)


def test_a_suggestion_appears_after_an_upload_and_is_decided_by_keyboard(page, live_server, celery_worker, screenshot):
    UserFactory(username="sacha", roles=["editor", "reviewer"])
    twin = archived("Plus de 30 pays rejoindront la coalition.", "Plus de 30 pays", 30, "more_than", "Wire")
    rival = archived("27 pays rejoindront la coalition.", "27 pays", 27, "exact", "Gazette")
    sign_in(page, live_server, "sacha")

    page.get_by_role("link", name="Upload", exact=True).click()
    page.get_by_label("Title").fill("La coalition s'élargit")
    page.get_by_label("or a new outlet").fill("Le Quotidien")
    page.get_by_label("Publication date").fill("2026-03-17")
    page.get_by_label("Text").fill("Plus de 30 pays rejoindront la coalition, a annoncé l'Élysée mardi.")
    page.get_by_role("button", name="Save and extract claims").click()
    expect(page.get_by_text("Extraction done")).to_be_visible(timeout=90_000)

    # Nobody asked: the worker compared the new claim with the archive once its extraction finished.
    article = Article.objects.get(title="La coalition s'élargit")
    ours = wait_for(lambda: article.claims.filter(text__iexact="plus de 30 pays").first(), message="the claim")
    wait_for(lambda: Suggestion.objects.filter(claim=ours, candidate=twin).exists(), message="the suggestion task")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    card = page.locator(f"#claim-{ours.pk}")
    expect(card.locator(".suggestion-summary")).to_contain_text("reported by 1 other outlet")
    screenshot("card-suggestion-summary")

    # On the Suggestions page, j selects the first suggestion of this claim and s accepts it as the same claim.
    page.goto(f"{live_server.url}/suggestions/?claim={ours.pk}&relation=same_as")
    row = page.locator(".suggestion-row", has_text="Wire")
    expect(row).to_be_visible()
    screenshot("suggestions-page")
    page.locator("body").press("j")
    expect(row).to_have_class(r"card suggestion-row rel-same_as current")
    page.keyboard.press("s")
    expect(page.get_by_text("Linked as same claim")).to_be_visible()
    ours.refresh_from_db()
    assert ClaimLink.objects.filter(relation="same_as", from_claim=ours, to_claim=twin).exists()
    assert ours.fact_id is not None

    # The Link panel finds the rival by its figure, written another way, and shows the matched claim.
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    card.get_by_role("link", name="Link").click()
    panel = page.locator("#related")
    panel.get_by_label("Search other articles' claims").fill("vingt-sept")
    with page.expect_response(lambda response: "/related/?q=" in response.url):
        panel.get_by_role("button", name="Search").click()
    expect(panel.locator(".suggestion", has_text="Gazette").locator("mark")).to_have_text("27 pays")
    screenshot("link-panel-search")

    # The other one is dismissed with d, and stays gone, even when the suggestions are computed again.
    page.goto(f"{live_server.url}/suggestions/?claim={rival.pk}")
    expect(page.locator(".suggestion-row[data-suggestion]").first).to_be_visible()
    dismissed = int(page.locator(".suggestion-row[data-suggestion]").first.get_attribute("data-suggestion"))
    page.locator("body").press("j")
    page.keyboard.press("d")
    expect(page.get_by_text("will not be suggested again")).to_be_visible()
    services.claims_suggest_links(claim_ids=[ours.pk, twin.pk, rival.pk])
    page.reload()
    expect(page.locator(f"#suggestion-{dismissed}")).to_have_count(0)
    assert Suggestion.objects.get(pk=dismissed).status == Suggestion.Status.DISMISSED
