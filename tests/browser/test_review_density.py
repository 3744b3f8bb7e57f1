"""How many claims a reviewer sees at once: at least eight per 900 px screen at 1400 px wide, in the
reader and in the queue (issue 15: a card used to be ~200 px tall, three to a screen)."""

import pytest
from playwright.sync_api import expect

from claims.services import article_extract_claims
from tests.factories import ArticleFactory, UserFactory

from .actions import new_page, sign_in
from .conftest import SCREENSHOTS

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
    page = new_page(browser, height=900)  # the screen the issue counts claims on
    yield page
    page.context.close()


def claims_on_screen(page) -> int:
    count = page.evaluate(FULLY_VISIBLE)
    print(f"{page.url}: {count} claims fully visible at 1400×900")
    return count


@pytest.mark.parametrize("screen", ["reader", "queue"])
def test_eight_claims_per_screen(screen, desk_page, live_server, extracted_article):
    UserFactory(username="remi", roles=["reviewer"])
    sign_in(desk_page, live_server, "remi")
    path = extracted_article.get_absolute_url() if screen == "reader" else "/review/"
    desk_page.goto(f"{live_server.url}{path}")
    expect(desk_page.locator("#claims .claim").first).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    desk_page.screenshot(path=str(SCREENSHOTS / f"{screen}-density-viewport.png"))  # the screen as counted

    assert claims_on_screen(desk_page) >= MIN_CLAIMS_PER_SCREEN
