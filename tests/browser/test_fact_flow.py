"""A fact from statement to verdict to its public page, in a real browser with a real worker."""

import json
from datetime import date

import pytest
from playwright.sync_api import expect

from claims import services
from claims.models import Fact, Rating
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, UserFactory

from .actions import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


MORE_THAN_30 = {"value": 30.0, "value_max": None, "qualifier": "more_than", "unit": "pays", "unit_key": "country"}


def report(outlet: str, published: date, sentence: str, figure: str, reading=MORE_THAN_30):
    article = ArticleFactory(source=SourceFactory(name=outlet), published_on=published, body=sentence,
                             title=f"{outlet}: la coalition")  # fmt: skip
    return ClaimFactory(
        article=article, start=sentence.index(figure), text=figure, sentence=sentence, normalized=reading
    )


def test_a_fact_from_statement_to_verdict_to_its_public_page(page, live_server, celery_worker, screenshot):
    rita = UserFactory(username="rita", roles=["editor", "reviewer"])
    first = report("Le Soir", date(2025, 3, 10), "Plus de 30 pays rejoindront la coalition.", "Plus de 30 pays")
    later = report("Le Matin", date(2025, 3, 12), "La coalition comptera plus de 30 pays.", "plus de 30 pays")
    exactly_27 = {**MORE_THAN_30, "value": 27.0, "qualifier": "exact"}
    rival = report("La Dépêche", date(2025, 3, 13), "Seuls 27 pays rejoindront la coalition.", "27 pays", exactly_27)
    services.claim_link(from_claim=later, to_claim=first, relation="same_as", user=rita)
    services.claim_link(from_claim=rival, to_claim=first, relation="contradicts", note="27 contre 30", user=rita)
    services.claim_confirm(claim=first, user=rita)
    Rating.objects.create(value=0, name="Trompeur")
    sign_in(page, live_server, "rita")

    page.get_by_role("link", name="Facts", exact=True).click()
    row = page.get_by_role("row", name="Plus de 30 pays rejoindront la coalition.")
    expect(row).to_contain_text("Le Soir, Le Matin")
    expect(row).to_contain_text("2025-03-10")
    screenshot("fact-list")
    row.get_by_role("link").first.click()

    page.get_by_text("Edit the statement").click()
    page.get_by_label("Statement").fill("Plus de trente pays rejoindront la coalition des volontaires")
    page.get_by_role("button", name="Save statement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Plus de trente pays rejoindront la coalition des volontaires"
    )
    expect(page.get_by_role("img", name="Timeline of the reports")).to_be_visible()
    expect(page.locator(".contradictions")).to_contain_text("27 pays")

    # One claim is still a candidate: the verdict is asked for twice.
    page.get_by_label("Verdict").select_option(label="0 · Trompeur")
    page.get_by_role("button", name="Save verdict").click()
    expect(page.get_by_role("alert")).to_contain_text("1 claim of this fact is still candidate")
    screenshot("fact-verdict-confirm")
    page.get_by_role("button", name="Save verdict anyway").click()
    expect(page.locator("#verdict .badge.verdict")).to_have_text("Trompeur")
    screenshot("fact-view-verdict")

    fact = Fact.objects.get()
    assert fact.verdict.name == "Trompeur"
    review = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert review["url"] == f"{live_server.url}{fact.get_absolute_url()}"
    assert review["reviewRating"]["alternateName"] == "Trompeur"
    # The public ClaimReview (the API's) points at the same page.
    api = page.request.get(
        f"{live_server.url}/api/v1/claim-reviews/{fact.pk}/", headers={"Accept": "application/ld+json"}
    )
    assert api.json()["url"] == review["url"]
