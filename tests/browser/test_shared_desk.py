"""Correcting a text, sharing the work and wire copies, in a real browser (with a real worker where it extracts)."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from claims.models import Claim, ClaimLink, WireCopy
from tests.browser.test_review_flow import sign_in
from tests.claims.wire_texts import OUTLET_A, OUTLET_B
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NOTICE = "Correction : cet article a été mis à jour le 18 mars.\n\n"


def upload_pasted(page, *, title: str, text: str) -> Article:
    page.get_by_role("link", name="Upload", exact=True).click()
    page.get_by_label("Title").fill(title)
    page.get_by_label("or a new outlet").fill("AFP")
    page.get_by_label("Publication date").fill("2025-03-17")
    page.get_by_label("Text").fill(text)
    page.get_by_role("button", name="Save and extract claims").click()
    expect(page.get_by_text("Extraction done")).to_be_visible(timeout=90_000)
    return Article.objects.get(title=title)


def decide(page, claim: Claim, button: str) -> None:
    card = page.locator(f"#claim-{claim.pk}")
    card.get_by_role("button", name=button).click()
    expect(card.locator(f".badge.st-{'confirmed' if button == 'Confirm' else 'rejected'}")).to_be_visible()


def test_a_text_correction_keeps_the_reviewed_claims_on_their_words(
    page, live_server, celery_worker, seed_text, screenshot
):
    UserFactory(username="edith", roles=["editor", "reviewer"])
    sign_in(page, live_server, "edith")
    body = seed_text("002")
    article = upload_pasted(page, title="Coalition des volontaires", text=body)
    page.get_by_role("link", name="Coalition des volontaires").click()
    countries = article.claims.get(text="Plus de 30 pays")
    days = article.claims.get(text="deux jours")
    thursday = article.claims.get(text="jeudi")
    decide(page, countries, "Confirm")
    decide(page, days, "Confirm")
    decide(page, thursday, "Reject")

    # A correction notice on top, a figure corrected, a paragraph withdrawn.
    withdrawn = next(line for line in body.split("\n\n") if line.startswith("Des responsables militaires"))
    corrected = NOTICE + body.replace("deux jours après", "trois jours après").replace(f"{withdrawn}\n\n", "")
    page.get_by_role("link", name="Edit details").click()
    page.get_by_label("Text", exact=True).fill(corrected)
    page.get_by_label("What changed and why").fill("Correction notice; the summit was three days earlier")
    screenshot("article-correct-text")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("Text corrected:")).to_be_visible()
    expect(page.get_by_text("Extraction done")).to_be_visible(timeout=90_000)
    expect(page.get_by_role("heading", name="Claims that could no longer be found")).to_be_visible()
    expect(page.locator(".orphaned", has_text="jeudi")).to_be_visible()
    expect(page.locator(f".hl.st-confirmed[data-claim='{countries.pk}']")).to_have_text("Plus de 30 pays")
    expect(page.locator(f"#claim-{days.pk}")).to_contain_text("now reads “trois jours”")
    screenshot("article-corrected")

    article.refresh_from_db()
    for claim in (countries, days, thursday):
        claim.refresh_from_db()
    assert article.body.startswith("Correction :") and withdrawn not in article.body
    assert (countries.status, article.body[countries.start : countries.end]) == ("confirmed", "Plus de 30 pays")
    assert (days.status, article.body[days.start : days.end]) == ("candidate", "trois jours")
    assert (thursday.orphaned, thursday.status) == (True, "rejected")
    assert article.claims.filter(kind="date", text="le 18 mars").exists()  # the new paragraph was extracted


def test_an_editor_assigns_an_article_and_it_is_in_the_reviewers_queue(browser, page, live_server, screenshot):
    UserFactory(username="edith", roles=["editor"])
    UserFactory(username="remi", roles=["reviewer"])
    UserFactory(username="alice", roles=["reviewer"])
    article = ArticleFactory(title="Sommet de Londres", body="Plus de 30 pays et des milliers de soldats.")
    ours = [ClaimFactory(article=article, start=0, text="Plus de 30 pays"),
            ClaimFactory(article=article, start=19, text="des milliers de soldats")]  # fmt: skip
    ClaimFactory(article=ArticleFactory(title="Autre article"))

    sign_in(page, live_server, "edith")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    page.get_by_label("Assign to").select_option(label="remi")
    page.get_by_role("button", name="Assign").click()
    expect(page.locator(".assignment")).to_contain_text("Assigned to remi")
    screenshot("article-assigned")

    remi = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    sign_in(remi, live_server, "remi")
    remi.get_by_role("link", name="My queue").click()
    expect(remi.locator(".claim.card")).to_have_count(2)
    screenshot_of(remi, "my-queue")
    with remi.expect_response(lambda response: "/presence/" in response.url):
        remi.goto(f"{live_server.url}{article.get_absolute_url()}")
    with remi.expect_response(lambda response: "/presence/" in response.url):
        remi.locator(f"#claim-{ours[1].pk}").click()

    alice = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    sign_in(alice, live_server, "alice")
    alice.goto(f"{live_server.url}{article.get_absolute_url()}")
    expect(alice.get_by_text("remi is reviewing this article, opened 0")).to_contain_text("des milliers de soldats")
    expect(alice.get_by_role("button", name="Take")).to_have_count(0)  # remi has it
    expect(alice.locator(f"#claim-{ours[1].pk} .presence-mark")).to_have_text("remi has this claim open")
    screenshot_of(alice, "article-presence")
    alice.get_by_role("link", name="Review queue").click()
    expect(alice.get_by_text("remi is reviewing Sommet de Londres")).to_be_visible()
    screenshot_of(alice, "queue-presence")
    remi.context.close()
    alice.context.close()


def screenshot_of(page, name: str) -> None:
    from tests.browser.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_a_wire_copy_pair_is_detected_on_upload_and_its_claims_linked_at_once(
    page, live_server, celery_worker, screenshot
):
    UserFactory(username="rita", roles=["editor", "reviewer"])
    sign_in(page, live_server, "rita")
    page.get_by_role("link", name="Upload", exact=True).click()
    page.get_by_label("or a new outlet").fill("AFP")
    page.get_by_label("Language").select_option("fr")
    page.get_by_label("or files").set_input_files(
        [
            {"name": "geneve.txt", "mimeType": "text/plain", "buffer": OUTLET_A.encode()},
            {"name": "plastique.txt", "mimeType": "text/plain", "buffer": OUTLET_B.encode()},
        ]
    )
    page.get_by_role("button", name="Save and extract claims").click()
    progress = page.get_by_role("region", name="Extraction progress")
    expect(progress.get_by_text("Extraction done")).to_have_count(2, timeout=90_000)
    first, second = Article.objects.order_by("pk")
    assert WireCopy.objects.filter(article=first, other=second).exists()

    page.goto(f"{live_server.url}{second.get_absolute_url()}")
    expect(page.get_by_text("Same wire copy as")).to_contain_text(first.title)
    button = page.get_by_role("button", name="matching claims as same")
    expect(button).to_be_visible()
    screenshot("article-wire-copy")
    button.click()

    expect(page.get_by_text("linked as the same claim")).to_be_visible()
    expect(page.get_by_text("No matching claim left to link.")).to_be_visible()
    screenshot("article-wire-linked")
    links = ClaimLink.objects.filter(relation="same_as", note="Same wire copy")
    assert links.count() >= 3
    assert all(link.from_claim.text.lower() == link.to_claim.text.lower() for link in links)
