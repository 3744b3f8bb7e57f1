"""The browsable API, as a developer opens it in a browser: every endpoint answers, none with a server error."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from claims import services
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db
LISTS = ["source", "article", "claim", "link", "fact", "claim-review"]
# What Chromium sends when a developer opens a link.
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture
def browser(client):
    client.force_login(get_user_model().objects.create_superuser("dev", password="x" * 12))
    return client


@pytest.fixture
def a_reviewed_fact(reviewer):
    first, second = ClaimFactory(), ClaimFactory()
    services.claim_confirm(claim=first, user=reviewer)
    services.claim_link(from_claim=first, to_claim=second, relation="same_as", user=reviewer)
    first.refresh_from_db()
    return first


@pytest.mark.parametrize("name", LISTS)
def test_every_list_and_detail_opens_in_the_browser(browser, a_reviewed_fact, name):
    pk = {"source": a_reviewed_fact.article.source_id, "article": a_reviewed_fact.article_id}.get(name)
    pk = pk or {
        "claim": a_reviewed_fact.pk,
        "fact": a_reviewed_fact.fact_id,
        "claim-review": a_reviewed_fact.fact_id,
    }.get(name)
    pk = pk or a_reviewed_fact.outgoing_links.get().pk

    listing = browser.get(reverse(f"{name}-list"), HTTP_ACCEPT=BROWSER_ACCEPT)
    detail = browser.get(reverse(f"{name}-detail", args=[pk]), HTTP_ACCEPT=BROWSER_ACCEPT)

    assert listing.status_code == 200
    assert detail.status_code == 200
    assert "text/html" in listing["Content-Type"]


def test_the_api_root_and_the_exports_open_in_the_browser(browser, a_reviewed_fact):
    for url in ["/api/v1/", "/api/v1/export/claims.jsonl", "/api/v1/export/claims.csv", "/api/docs/", "/api/redoc/"]:
        assert browser.get(url, HTTP_ACCEPT=BROWSER_ACCEPT).status_code == 200, url
