import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from articles.models import Article
from claims.models import Claim, ClaimLink, Rating, WebhookDelivery, WebhookEvent, WebhookSubscription
from core.models import ApiToken
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("boss", password="x" * 12))
    return client


@pytest.mark.parametrize("model", ["articles_source", "articles_article", "claims_claim", "claims_claimlink"])
def test_every_model_has_a_searchable_filterable_admin_list(admin_client, model):
    ClaimFactory()

    response = admin_client.get(reverse(f"admin:{model}_changelist"), {"q": "pays"})

    assert response.status_code == 200
    assert 'id="changelist-search"' in response.content.decode()


def test_article_admin_shows_its_claims_inline(admin_client):
    claim = ClaimFactory(text="Plus de 30 pays")

    html = admin_client.get(reverse("admin:articles_article_change", args=[claim.article.pk])).content.decode()

    assert "Plus de 30 pays" in html


def test_admin_action_reruns_extraction(admin_client, django_capture_on_commit_callbacks):
    article = ArticleFactory(body="Plus de 30 pays ont signé.")

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "rerun_extraction", "_selected_action": [article.pk]},
        )

    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.DONE
    assert article.claims.filter(text="Plus de 30 pays").exists()


def test_a_same_as_link_added_in_the_admin_forms_a_fact(admin_client):
    first, second = ClaimFactory(), ClaimFactory()

    response = admin_client.post(
        reverse("admin:claims_claimlink_add"),
        {"from_claim": first.pk, "relation": "same_as", "to_claim": second.pk, "note": ""},
    )

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.fact_id is not None
    assert first.fact_id == second.fact_id


def test_a_link_the_service_refuses_is_explained_on_the_admin_form(admin_client):
    claim = ClaimFactory()
    same_article = ClaimFactory(article=claim.article, start=2)

    response = admin_client.post(
        reverse("admin:claims_claimlink_add"),
        {"from_claim": claim.pk, "relation": "same_as", "to_claim": same_article.pk, "note": ""},
    )

    assert response.status_code == 200
    assert "Link a claim to a claim of another article." in response.content.decode()
    assert not ClaimLink.objects.exists()


def claim_change(admin_client, claim, **fields):
    data = {"status": claim.status, "normalized": json.dumps(claim.normalized), **fields}
    return admin_client.post(reverse("admin:claims_claim_change", args=[claim.pk]), data)


def test_a_status_change_in_the_admin_bumps_the_version_and_sends_the_webhook(
    admin_client, django_capture_on_commit_callbacks
):
    WebhookSubscription.objects.create(name="CMS", url="http://127.0.0.1:9/hooks", secret="s" * 32)
    claim = ClaimFactory()

    with django_capture_on_commit_callbacks(execute=False):
        response = claim_change(admin_client, claim, status="confirmed")

    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.version) == (Claim.Status.CONFIRMED, 2)
    assert claim.reviewed_by.username == "boss"
    assert WebhookDelivery.objects.filter(event=WebhookEvent.CLAIM_CONFIRMED).count() == 1


def test_a_reading_corrected_in_the_admin_is_checked_like_on_the_review_pages(admin_client):
    claim = ClaimFactory()

    refused = claim_change(admin_client, claim, normalized=json.dumps({"value": "beaucoup", "qualifier": "exact"}))
    accepted = claim_change(admin_client, claim, normalized=json.dumps({"value": 31, "qualifier": "more_than"}))

    assert refused.status_code == 200
    assert "is not a number" in refused.content.decode()
    assert accepted.status_code == 302
    claim.refresh_from_db()
    assert claim.normalized["value"] == 31.0
    assert (claim.edited, claim.version) == (True, 2)


def test_the_article_body_is_read_only_in_the_admin(admin_client):
    article = ArticleFactory(body="Plus de 30 pays ont signé.")

    html = admin_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()

    assert 'name="body"' not in html
    assert "Plus de 30 pays ont signé." in html


def test_ratings_are_managed_in_the_admin(admin_client):
    response = admin_client.post(
        reverse("admin:claims_rating_add"), {"value": 9, "name": "Inventé", "description": "Aucune source."}
    )

    assert response.status_code == 302
    assert admin_client.get(reverse("admin:claims_rating_changelist")).status_code == 200
    assert Rating.objects.filter(value=9, name="Inventé").exists()


def test_an_api_token_made_in_the_admin_shows_its_key_once_and_works(admin_client, editor):
    response = admin_client.post(
        reverse("admin:core_apitoken_add"),
        {"name": "Live blog", "user": editor.pk, "access": "read", "is_active": "on"},
        follow=True,
    )

    key = re.search(r"The key for Live blog is (\S+)", response.content.decode()).group(1)
    assert ApiToken.objects.get().key_digest == ApiToken.digest(key)
