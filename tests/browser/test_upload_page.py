"""Dropping files on the upload page and watching their extraction live, in a real browser."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from articles.services import article_set_extraction_status
from tests.browser.test_review_flow import sign_in
from tests.factories import ArticleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
Status = Article.ExtractionStatus


def test_two_dropped_files_become_two_articles_that_reach_done_live(page, live_server, celery_worker, screenshot):
    UserFactory(username="edith", roles=["editor"])
    sign_in(page, live_server, "edith")
    page.get_by_role("link", name="Upload", exact=True).click()

    page.get_by_label("or a new outlet").fill("AFP")
    page.get_by_label("or files").set_input_files(
        [
            {
                "name": "sommet.html",
                "mimeType": "text/html",
                "buffer": "<title>Sommet de Paris</title><p>Plus de 30 pays ont signé le 17 mars.</p>".encode(),
            },
            {
                "name": "troupes.txt",
                "mimeType": "text/plain",
                "buffer": "Des troupes en renfort\n\nDes milliers de soldats pourraient partir.".encode("utf-16"),
            },
        ]
    )
    page.get_by_role("button", name="Save and extract claims").click()

    progress = page.get_by_role("region", name="Extraction progress")
    for title in ["Sommet de Paris", "Des troupes en renfort"]:
        row = progress.get_by_role("row").filter(has_text=title)
        expect(row.get_by_text("Extraction done")).to_be_visible(timeout=90_000)
    expect(page.get_by_text("2 article(s) saved")).to_be_visible()
    screenshot("upload-progress")
    assert Article.objects.filter(extraction_status=Status.DONE).count() == 2


def test_a_failed_extraction_shows_its_reason_and_retry_brings_it_to_done_live(
    page, live_server, celery_worker, screenshot
):
    UserFactory(username="edith", roles=["editor"])
    article = ArticleFactory(title="Dépêche en échec", body="Plus de 30 pays.", extraction_status=Status.RUNNING)
    article_set_extraction_status(
        article=article, status=Status.FAILED, error="The extractor could not read this article (ValueError: test)."
    )
    sign_in(page, live_server, "edith")

    page.goto(f"{live_server.url}/articles/new/?uploaded={article.pk}")
    row = page.get_by_role("row").filter(has_text="Dépêche en échec")
    expect(row.get_by_text("The extractor could not read this article (ValueError: test).")).to_be_visible()
    screenshot("upload-failed")
    row.get_by_role("button", name="Retry").click()

    expect(row.get_by_text("Extraction done")).to_be_visible(timeout=90_000)
    expect(row.get_by_role("button", name="Retry")).to_have_count(0)
