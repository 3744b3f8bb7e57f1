"""Deciding and moving on in a real browser: one key per claim, several claims in one action and one
undo for all of them, and a span put on other words by hand."""

import pytest
from playwright.sync_api import expect

from claims.models import Claim
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

from .actions import select_words, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SENTENCE = "Plus de 30 pays ont signé. "


def article_with_candidates(count: int, *, dates: int = 0):
    """An article whose every sentence holds one quantity candidate, the first `dates` ones a date too."""
    article = ArticleFactory(title="Sommet des volontaires", body=SENTENCE * count)
    for index in range(count):
        ClaimFactory(article=article, start=index * len(SENTENCE), text="Plus de 30 pays")
    for index in range(dates):
        start = index * len(SENTENCE) + len("Plus de 30 pays ont ")
        ClaimFactory(
            article=article,
            kind=Claim.Kind.DATE,
            start=start,
            text="signé",
            normalized={"date": "2025-03-17", "precision": "day"},
        )
    return article


def test_ten_key_presses_confirm_ten_claims(page, live_server, screenshot):
    UserFactory(username="remi", roles=["reviewer"])
    article = article_with_candidates(12)
    sign_in(page, live_server, "remi")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    left = page.locator("#left-to-review")
    expect(left).to_have_text("12 to review")

    for pressed in range(1, 11):
        page.keyboard.press("c")
        # The count follows each decision without a reload, and the next undecided claim is current.
        expect(left).to_have_text(f"{12 - pressed} to review")
    screenshot("reader-ten-confirmed")

    assert article.claims.filter(status=Claim.Status.CONFIRMED).count() == 10
    current = page.locator(".claim.current")
    expect(current).to_have_count(1)
    expect(current).to_have_attribute("data-status", "candidate")
    # The dashboard's pace counts them, and its to-review figure agrees with the page.
    page.get_by_role("link", name="Dashboard", exact=True).click()
    expect(page.get_by_text("(10 in all; undos not counted)")).to_be_visible()
    expect(page.locator(".tile.accent .tile-num")).to_have_text("2")
    screenshot("dashboard-pace")


def test_bulk_confirm_of_a_kind_is_undone_in_one_step(page, live_server, screenshot):
    UserFactory(username="remi", roles=["reviewer"])
    article = article_with_candidates(4, dates=2)
    sign_in(page, live_server, "remi")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")

    page.get_by_role("button", name="all 4 quantity candidates").click()
    expect(page.locator("[data-picked]")).to_have_text("4")
    screenshot("reader-bulk-selected")
    page.get_by_role("button", name="Confirm selected").click()
    expect(page.locator("#left-to-review")).to_have_text("2 to review")
    expect(page.locator(".claim.kind-quantity.st-confirmed")).to_have_count(4)
    expect(page.locator(".claim.kind-date.st-candidate")).to_have_count(2)

    page.locator("body").press("u")
    expect(page.locator(".claim.kind-quantity.st-candidate")).to_have_count(4)
    expect(page.locator("#left-to-review")).to_have_text("6 to review")
    assert not article.claims.exclude(status=Claim.Status.CANDIDATE).exists()


def test_shift_click_picks_a_range_in_the_queue_and_rejects_it(page, live_server):
    UserFactory(username="remi", roles=["reviewer"])
    article = article_with_candidates(5)
    sign_in(page, live_server, "remi")
    page.goto(f"{live_server.url}/review/")
    boxes = page.locator("#claims .claim .pick")

    boxes.nth(1).click()
    boxes.nth(3).click(modifiers=["Shift"])
    expect(page.locator("[data-picked]")).to_have_text("3")
    page.get_by_role("button", name="Reject selected").click()

    expect(page.locator("#left-to-review")).to_have_text("2 to review")
    statuses = list(article.claims.order_by("start").values_list("status", flat=True))
    assert statuses == ["candidate", "rejected", "rejected", "rejected", "candidate"]


def test_selected_claim_shows_its_article_context_in_the_queue(page, live_server, screenshot):
    UserFactory(username="remi", roles=["reviewer"])
    article_with_candidates(3)
    sign_in(page, live_server, "remi")
    page.goto(f"{live_server.url}/review/")

    page.locator("body").press("j")
    context = page.get_by_role("region", name="Article context")
    expect(context.get_by_role("link", name="Sommet des volontaires")).to_be_visible()
    expect(context.locator("mark")).to_have_text("Plus de 30 pays")
    screenshot("queue-context")


@pytest.fixture
def claim_in_reader(page, live_server):
    """A reviewer reading an article with one claim on "30 pays" of "plus de 30 pays européens"."""
    UserFactory(username="remi", roles=["reviewer"])
    article = ArticleFactory(title="Sommet", body="Le sommet a réuni plus de 30 pays européens à Paris.")
    claim = ClaimFactory(article=article, start=article.body.index("30"), text="30 pays")
    sign_in(page, live_server, "remi")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    return claim


def test_a_span_moves_to_newly_selected_words_with_s(page, claim_in_reader, screenshot):
    claim = claim_in_reader

    page.locator(f".hl[data-claim='{claim.pk}']").click()
    expect(page.locator(f"#claim-{claim.pk}.current")).to_be_visible()
    select_words(page, "plus de 30 pays européens", release_mouse=False)
    page.keyboard.press("s")

    expect(page.locator(f".hl[data-claim='{claim.pk}']")).to_have_text("plus de 30 pays européens")
    expect(page.locator(f"#claim-{claim.pk} .claim-text")).to_have_text("plus de 30 pays européens")
    screenshot("reader-span-moved")
    claim.refresh_from_db()
    assert (claim.text, claim.status) == ("plus de 30 pays européens", Claim.Status.CONFIRMED)


def test_a_span_handle_dragged_onto_the_next_word(page, claim_in_reader):
    claim = claim_in_reader
    page.locator(f".hl[data-claim='{claim.pk}']").click()

    handle = page.locator(".span-handle.end")
    expect(handle).to_have_count(1)
    start = handle.bounding_box()
    word = page.locator("#article-text").evaluate(
        """(el) => {
            const node = el.lastChild, at = node.textContent.indexOf("européens") + "européens".length;
            const range = document.createRange(); range.setStart(node, at - 1); range.setEnd(node, at);
            const box = range.getBoundingClientRect(); return { x: box.right - 1, y: box.top + box.height / 2 };
        }"""
    )
    page.mouse.move(start["x"] + 3, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(word["x"], word["y"], steps=5)
    page.mouse.up()

    expect(page.locator(f"#claim-{claim.pk} .claim-text")).to_have_text("30 pays européens")
    claim.refresh_from_db()
    assert claim.text == "30 pays européens"


def test_the_add_claim_form_suggests_a_reading_and_shows_that_kinds_fields(page, live_server, screenshot):
    UserFactory(username="remi", roles=["reviewer"])
    article = ArticleFactory(title="Sommet", body="Le sommet s'est tenu le 9 novembre 2025 à Paris.")
    sign_in(page, live_server, "remi")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")

    select_words(page, "le 9 novembre 2025")

    form = page.locator("#claim-create-form")
    # The extractor's rules run on the words in the web process (its first run loads the language model).
    expect(form.get_by_text("reading suggested from the words")).to_be_visible(timeout=90_000)
    expect(form.get_by_label("Kind")).to_have_value("date")
    expect(form.get_by_label("Date", exact=True)).to_have_value("2025-11-09")
    expect(form.get_by_label("Value", exact=True)).to_be_hidden()
    screenshot("add-claim-suggested")
    form.get_by_label("Kind").select_option("quantity")
    expect(form.get_by_label("Value", exact=True)).to_be_visible()
    expect(form.get_by_label("Date", exact=True)).to_be_hidden()
