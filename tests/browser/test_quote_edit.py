"""A reviewer corrects who a quote is credited to: the canonical speaker beside the words the text used."""

import pytest
from playwright.sync_api import expect

from tests.factories import ArticleFactory, ClaimFactory, UserFactory

from .actions import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reviewer_credits_a_quote_to_the_person_the_text_means(page, live_server, screenshot):
    UserFactory(username="rita", roles=["editor", "reviewer"])
    body = "Le chef de l'État a exprimé sa « reconnaissance » envers l'Allemagne."
    start = body.index("reconnaissance")
    quote = ClaimFactory(
        article=ArticleFactory(title="Aide allemande", body=body),
        kind="quote",
        start=start,
        text="reconnaissance",
        normalized={
            "speaker": None,
            "speaker_mention": "Le chef de l'État",
            "quote": "reconnaissance",
            "fragment": True,
        },
    )
    sign_in(page, live_server, "rita")
    page.goto(f"{live_server.url}/articles/{quote.article_id}/")

    card = page.locator(f"#claim-{quote.pk}")
    card.get_by_role("link", name="Edit").click()
    expect(card.get_by_label("Speaker as the text words it")).to_have_value("Le chef de l'État")
    expect(card.get_by_label("A fragment of a sentence")).to_be_checked()
    card.get_by_label("Speaker", exact=True).fill("Volodymyr Zelensky")
    screenshot("quote-edit")
    card.get_by_role("button", name="Save correction").click()
    expect(card.get_by_text("corrected", exact=True)).to_be_visible()
    quote.refresh_from_db()
    assert quote.normalized["speaker"] == "Volodymyr Zelensky"
    assert quote.normalized["speaker_mention"] == "Le chef de l'État"
    assert quote.normalized["fragment"] is True
