"""The review desk end to end in a real browser, with a real worker: upload, keyboard review, edit,
link across sources, contradiction, fact view."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from articles.models import Article
from claims.models import Claim, ClaimLink
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

from .actions import select_words, sign_in

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def search(page, panel, words: str) -> None:
    """Search in the Related panel and wait for its results, so no click lands on the list being replaced."""
    panel.get_by_label("Search other articles' claims").fill(words)
    with page.expect_response(lambda response: "/related/?q=" in response.url):
        panel.get_by_role("button", name="Search").click()
    expect(panel.get_by_label("Search other articles' claims")).to_have_value(words)


def test_review_desk_from_upload_to_fact_view(page, live_server, celery_worker, screenshot):
    UserFactory(username="rita", roles=["editor", "reviewer"])
    elsewhere = ClaimFactory(
        article=ArticleFactory(
            title="Dépêche de Londres", body="Plus de 30 pays rejoindront la coalition, dit Londres."
        ),
        text="Plus de 30 pays",
        sentence="Plus de 30 pays rejoindront la coalition, dit Londres.",
    )
    rival = ClaimFactory(
        # A rival source's figure for the same coalition: what the engine flags (a figure without its source or
        # subject is left untyped, tests/linking), and what a reviewer must see.
        article=ArticleFactory(
            title="Dépêche de Moscou", body="Seuls 27 pays rejoindront la coalition de Londres, affirme le Kremlin."
        ),
        start=6,
        text="27 pays",
        sentence="Seuls 27 pays rejoindront la coalition de Londres, affirme le Kremlin.",
        normalized={"value": 27.0, "value_max": None, "qualifier": "exact", "unit": "pays"},
    )
    sign_in(page, live_server, "rita")
    screenshot("dashboard")

    page.get_by_role("link", name="Upload", exact=True).click()
    page.get_by_label("or a new outlet").fill("AFP")
    page.get_by_label("Publication date").fill("2025-03-17")
    page.get_by_label("or files").set_input_files(next(SEEDS.glob("002_*.txt")))
    page.get_by_role("button", name="Save and extract claims").click()
    progress = page.get_by_role("region", name="Extraction progress")
    expect(progress.get_by_text("Extraction done")).to_be_visible(timeout=90_000)
    screenshot("upload-done")
    article = Article.objects.get(source__name="AFP")
    progress.get_by_role("link", name=article.title).click()
    expect(page.get_by_role("heading", name=article.title)).to_be_visible()

    # Keyboard: j moves to the first claim, c confirms it, without a reload.
    page.locator("body").press("j")
    current = page.locator(".claim.current")
    expect(current).to_have_count(1)
    current_id = current.get_attribute("id")
    page.keyboard.press("c")
    expect(page.locator(f"#{current_id} .badge.st-confirmed")).to_be_visible()
    expect(page.locator(f".hl.st-confirmed[data-claim='{current_id.removeprefix('claim-')}']").first).to_be_visible()
    # u undoes it.
    page.keyboard.press("u")
    expect(page.locator(f"#{current_id}.st-candidate")).to_be_visible()
    page.keyboard.press("?")
    expect(page.get_by_role("heading", name="Keyboard shortcuts")).to_be_visible()
    screenshot("shortcuts")
    page.keyboard.press("Escape")

    # Edit the "plus de 30 pays" claim inline: a corrected reading, no reload.
    ours = article.claims.filter(kind="quantity", text__iexact="plus de 30 pays").first()
    card = page.locator(f"#claim-{ours.pk}")
    card.get_by_role("link", name="Edit").click()
    card.get_by_label("Value", exact=True).fill("31")
    card.get_by_label("Qualifier").select_option("at_least")
    screenshot("claim-edit")
    card.get_by_role("button", name="Save correction").click()
    expect(card.locator(".reading")).to_have_text("≥ 31 pays")
    expect(card.get_by_text("corrected", exact=True)).to_be_visible()
    expect(page.locator(f".hl[data-claim='{ours.pk}']").first).to_have_attribute("data-reading", "≥ 31 pays")

    # Link it to the London wire as the same claim, from the Related panel.
    card.get_by_role("link", name="Link").click()
    panel = page.locator("#related")
    expect(panel.get_by_role("heading", name="Related to")).to_be_visible()
    search(page, panel, "Londres")
    suggestion = panel.locator(".suggestion", has_text="Dépêche de Londres")
    suggestion.get_by_role("button", name="Same claim").click()
    expect(panel.get_by_text("Linked: same claim")).to_be_visible()

    # And mark the Kremlin's figure as contradicting it: the panel flags it on its own.
    search(page, panel, "27")
    flagged = panel.locator(".suggestion", has_text="27 pays")
    expect(flagged.get_by_text("Possible contradiction")).to_be_visible()
    flagged.get_by_label("Note for this link").fill("27 contre plus de 30")
    screenshot("related-panel")
    flagged.get_by_role("button", name="Contradict").click()
    expect(panel.get_by_text("Linked: contradicts")).to_be_visible()
    expect(card.locator(".badge.rel-contradicts")).to_be_visible()

    # The fact view shows both sources and the contradiction.
    card.get_by_role("link", name="Fact #").click()
    expect(page.get_by_role("heading", name="How each source words it")).to_be_visible()
    expect(page.locator(".source-card", has_text="Dépêche de Londres")).to_be_visible()
    expect(page.locator(".source-card", has_text=article.title)).to_be_visible()
    expect(page.locator(".contradictions", has_text="27 pays")).to_be_visible()
    screenshot("fact-view")

    ours.refresh_from_db()
    assert ours.normalized["qualifier"] == "at_least" and ours.status == Claim.Status.CONFIRMED
    assert ours.fact_id is not None and ours.fact_id == Claim.objects.get(pk=elsewhere.pk).fact_id
    assert ClaimLink.objects.filter(relation="contradicts", to_claim=rival).exists()


def test_reviewer_adds_a_missed_claim_by_selecting_text(page, live_server, screenshot):
    UserFactory(username="remi", roles=["reviewer"])
    body = "Le sommet s'est tenu à Paris. Quarante délégations étaient présentes."
    article = ArticleFactory(title="Sommet", body=body)
    sign_in(page, live_server, "remi")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")

    select_words(page, "Quarante délégations")
    form = page.locator("#claim-create-form")
    expect(form.get_by_text("Selected: “Quarante délégations”")).to_be_visible()
    form.get_by_label("Kind").select_option("quantity")
    form.get_by_label("Value", exact=True).fill("40")
    form.get_by_label("Unit", exact=True).fill("délégation")
    screenshot("add-claim")
    form.get_by_role("button", name="Add claim").click()

    expect(page.locator(".claim.card", has_text="Quarante délégations")).to_be_visible()
    added = Claim.objects.get(article=article)
    assert (added.text, added.origin, added.normalized["value"]) == ("Quarante délégations", "human", 40.0)
