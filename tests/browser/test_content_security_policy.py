"""Every page is served under a strict Content-Security-Policy and breaks none of it: Chromium reports no
violation on the review pages (dashboard, reader, queue, suggestions, facts and a fact's page), the upload
page, the API documentation or the admin, and the review desk's
keyboard shortcuts (the app's own script, htmx) still work."""

import pytest
from playwright.sync_api import expect

from claims import services
from claims.models import Claim, Fact
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

from .actions import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
# Recorded from the page itself: Chromium fires this event for every blocked script, style, font or request.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${where})`);
});
"""


@pytest.fixture
def watched_page(page):
    """The page, with every CSP violation it meets and every console error kept for the test to read."""
    page.add_init_script(RECORD_VIOLATIONS)
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    return page


def violations(page) -> list[str]:
    return page.evaluate("window.cspViolations") + [
        text for text in page.console_errors if "Content Security Policy" in text
    ]


def visit(page, url: str, *, expected: tuple[str, ...] = ()) -> None:
    page.console_errors.clear()
    response = page.goto(url)
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    assert [found for found in violations(page) if not any(part in found for part in expected)] == [], url


def test_pages_raise_no_csp_violation_and_shortcuts_still_work(watched_page, live_server, screenshot):
    page = watched_page
    user = UserFactory(username="rita", roles=["editor", "reviewer"])
    user.is_staff = user.is_superuser = True
    user.save()
    article = ArticleFactory(title="Coalition", body="Plus de 30 pays ont rejoint la coalition le 9 novembre.")
    claim = ClaimFactory(article=article, text="Plus de 30 pays")
    ClaimFactory(article=article, text="9 novembre", start=44, kind="date", status=Claim.Status.CONFIRMED)
    other = ClaimFactory(article=ArticleFactory(body="Plus de 30 pays ont signé."), text="Plus de 30 pays")
    services.claim_link(from_claim=other, to_claim=claim, relation="same_as", user=user)
    fact = Fact.objects.get()
    sign_in(page, live_server, "rita")

    pages = ("/", "/articles/", "/articles/new/", "/review/", "/suggestions/", "/facts/", fact.get_absolute_url())
    for path in (*pages, "/admin/", "/admin/claims/claim/"):
        visit(page, f"{live_server.url}{path}")
    visit(page, f"{live_server.url}/api/docs/")
    expect(page.get_by_text("Fact tracker API").first).to_be_visible()
    # Redoc's bundle always shows Redocly's logo from Redocly's CDN: blocked on purpose (the pages fetch
    # nothing from elsewhere), and Redoc hides the image when it fails.
    visit(page, f"{live_server.url}/api/redoc/", expected=("cdn.redoc.ly/redoc/logo-mini.svg",))
    expect(page.get_by_role("heading", name="Fact tracker API").first).to_be_visible()

    visit(page, f"{live_server.url}{article.get_absolute_url()}")
    page.locator("body").press("j")
    expect(page.locator(f"#claim-{claim.pk}.current")).to_be_visible()
    page.keyboard.press("c")
    expect(page.locator(f"#claim-{claim.pk} .badge.st-confirmed")).to_be_visible()
    page.keyboard.press("?")
    expect(page.get_by_role("heading", name="Keyboard shortcuts")).to_be_visible()
    screenshot("csp-reader-shortcuts")
    assert violations(page) == []
    claim.refresh_from_db()
    assert claim.status == Claim.Status.CONFIRMED


def test_dashboard_bars_keep_their_widths_without_inline_styles(watched_page, live_server, screenshot):
    page = watched_page
    UserFactory(username="rita", roles=["editor", "reviewer"])
    article = ArticleFactory(body="Plus de 30 pays ont rejoint la coalition le 9 novembre.")
    ClaimFactory(article=article, text="Plus de 30 pays", status=Claim.Status.CONFIRMED)
    ClaimFactory(article=article, text="9 novembre", start=44, status=Claim.Status.REJECTED)
    sign_in(page, live_server, "rita")

    visit(page, f"{live_server.url}/")

    confirmed = page.locator(".bar .seg.ok").first
    assert confirmed.get_attribute("style") == "width: 50%;"
    assert confirmed.bounding_box()["width"] > 0
    screenshot("csp-dashboard")
