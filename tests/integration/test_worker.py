"""The real path: the web form publishes to a real Redis, a real Celery worker process extracts."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.conftest import wait_for
from tests.factories import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_seed_article_uploaded_through_the_form_gets_candidates_from_the_worker(client, celery_worker, seed_text):
    client.force_login(UserFactory(username="edith", roles=["editor"]))

    response = client.post(
        reverse("claims:article_upload"),
        {"title": "Coalition", "new_source": "AFP", "language": "fr", "published_on": "2025-03-17",
         "body": seed_text("002")},
    )  # fmt: skip

    assert response.status_code == 302
    article = Article.objects.get()
    wait_for(
        lambda: Article.objects.get(pk=article.pk).extraction_status == Article.ExtractionStatus.DONE,
        timeout=90,
        message="the worker to extract the article",
    )
    quantities = {claim.text: claim.normalized for claim in article.claims.filter(kind="quantity")}
    assert quantities["Plus de 30 pays"]["value"] == 30
    assert quantities["Plus de 30 pays"]["qualifier"] == "more_than"


def test_the_sweep_requeues_an_article_whose_message_was_lost(celery_worker, settings):
    from claims.services import articles_requeue_stale_extractions
    from tests.factories import ArticleFactory

    settings.EXTRACTION_STALE_AFTER_SECONDS = 0
    article = ArticleFactory(
        body="Des milliers de soldats pourraient être déployés.", extraction_status=Article.ExtractionStatus.PENDING
    )  # saved, but its message never reached Redis

    articles_requeue_stale_extractions()

    wait_for(
        lambda: Article.objects.get(pk=article.pk).extraction_status == Article.ExtractionStatus.DONE,
        timeout=90,
        message="the re-queued extraction",
    )
    assert article.claims.filter(kind="quantity").exists()
