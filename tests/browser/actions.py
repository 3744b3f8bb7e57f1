"""What a reviewer does in the browser, shared by the browser tests: signing in, selecting words."""

from tests.factories import PASSWORD

# Selects a phrase of the element's text, across the text nodes its highlights split it into.
SELECT_PHRASE = """(el, [phrase, release]) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), range = document.createRange();
    let seen = 0, start = el.textContent.indexOf(phrase), end = start + phrase.length;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const size = node.textContent.length;
        if (seen <= start && start <= seen + size) range.setStart(node, start - seen);
        if (seen <= end && end <= seen + size) { range.setEnd(node, end - seen); break; }
        seen += size;
    }
    const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
    if (release) el.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
}"""


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def select_words(page, phrase: str, *, release_mouse: bool = True) -> None:
    """Select `phrase` in the article's text as a mouse would; releasing the mouse offers to add a claim."""
    page.locator("#article-text").evaluate(SELECT_PHRASE, [phrase, release_mouse])


def new_page(browser, *, height: int):
    """A page of a fresh context, 1400 px wide, in French like the newsroom's readers."""
    context = browser.new_context(viewport={"width": 1400, "height": height}, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(20_000)
    return page
