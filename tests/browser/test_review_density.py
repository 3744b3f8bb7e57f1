"""How many claims a reviewer sees at once: at least eight per 900 px screen at 1400 px wide, in the
reader and in the queue (issue 15: a card used to be ~200 px tall, three to a screen)."""

import pytest
from playwright.sync_api import expect

from claims.services import article_extract_claims
from tests.factories import ArticleFactory, UserFactory

from .test_review_flow import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MIN_CLAIMS_PER_SCREEN = 8

# Counts the claim cards wholly inside the window and inside every scrolling box that holds them.
FULLY_VISIBLE = """() => {
  const seen = (card) => {
    const box = card.getBoundingClientRect();
    if (box.height === 0 || box.top < 0 || box.bottom > window.innerHeight) return false;
    for (let up = card.parentElement; up; up = up.parentElement) {
      if (!/(auto|scroll|hidden)/.test(getComputedStyle(up).overflowY)) continue;
      const clip = up.getBoundingClientRect();
      if (box.top < clip.top - 1 || box.bottom > clip.bottom + 1) return false;
    }
    return true;
  };
  return Array.from(document.querySelectorAll("#claims .claim[data-claim]")).filter(seen).length;
}"""


@pytest.fixture
def extracted_article(seed_text):
    article = ArticleFactory(title="Coalition des volontaires", body=seed_text("002"), extraction_status="pending")
    article_extract_claims(article_id=article.pk)
    return article


@pytest.fixture
def desk_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def claims_on_screen(page) -> int:
    count = page.evaluate(FULLY_VISIBLE)
    print(f"{page.url}: {count} claims fully visible at 1400×900")
    return count


def test_reader_shows_eight_claims_per_screen(desk_page, live_server, extracted_article, screenshot):
    UserFactory(username="remi", roles=["reviewer"])
    sign_in(desk_page, live_server, "remi")
    desk_page.goto(f"{live_server.url}{extracted_article.get_absolute_url()}")
    expect(desk_page.locator("#claims .claim").first).to_be_visible()
    desk_page.screenshot(path=str(screenshot("reader-density").with_name("reader-density-viewport.png")))

    assert claims_on_screen(desk_page) >= MIN_CLAIMS_PER_SCREEN


def test_queue_shows_eight_claims_per_screen(desk_page, live_server, extracted_article, screenshot):
    UserFactory(username="remi", roles=["reviewer"])
    sign_in(desk_page, live_server, "remi")
    desk_page.goto(f"{live_server.url}/review/")
    expect(desk_page.locator("#claims .claim").first).to_be_visible()
    desk_page.screenshot(path=str(screenshot("queue-density").with_name("queue-density-viewport.png")))

    assert claims_on_screen(desk_page) >= MIN_CLAIMS_PER_SCREEN
