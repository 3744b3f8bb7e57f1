"""An editor uploads, the worker extracts, a reviewer confirms and rejects: in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from claims.models import Claim
from tests.factories import UserFactory

from .actions import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_extract_and_review_in_the_browser(page, live_server, celery_worker, seed_text, screenshot):
    UserFactory(username="demo", roles=["editor", "reviewer"])
    sign_in(page, live_server, "demo")
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()

    page.get_by_role("link", name="Upload", exact=True).click()
    page.get_by_label("Title").fill("Coalition des volontaires")
    page.get_by_label("or a new outlet").fill("AFP")
    page.get_by_label("Publication date").fill("2025-03-17")
    page.get_by_label("Text").fill(seed_text("002"))
    screenshot("upload-form")
    page.get_by_role("button", name="Save and extract claims").click()

    # The upload page follows the extraction live; the article's page then shows its claims.
    expect(page.get_by_text("Extraction done")).to_be_visible(timeout=90_000)
    page.get_by_role("link", name="Coalition des volontaires").click()
    first_card = page.locator(".claim.card", has_text="Plus de 30 pays").first
    expect(first_card).to_be_visible()
    expect(page.locator("a.hl", has_text="Plus de 30 pays").first).to_be_visible()
    screenshot("article-review")

    first_card.get_by_role("button", name="Confirm").click()
    expect(first_card.locator(".badge.st-confirmed")).to_contain_text("Confirmed")
    second_card = page.locator(".claim.card.st-candidate").first
    second_id = second_card.get_attribute("id")
    second_card.get_by_role("button", name="Reject").click()
    expect(page.locator(f"#{second_id} .badge.st-rejected")).to_contain_text("Rejected")
    screenshot("article-reviewed")
    page.get_by_role("link", name="Articles", exact=True).click()
    expect(page.get_by_role("cell", name="Coalition des volontaires")).to_be_visible()
    screenshot("article-list")

    article = Article.objects.get()
    assert article.claims.filter(status=Claim.Status.CONFIRMED, text="Plus de 30 pays").exists()
    assert article.claims.get(pk=int(re.sub(r"\D", "", second_id))).status == Claim.Status.REJECTED


def test_viewer_sees_no_upload_link_and_no_review_buttons(page, live_server, seed_text):
    UserFactory(username="vic", roles=["viewer"])
    sign_in(page, live_server, "vic")

    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    expect(page.get_by_role("link", name="Upload", exact=True)).to_have_count(0)
    expect(page.get_by_role("link", name="Claims", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Review queue", exact=True)).to_have_count(0)
