import logging

import pytest

from articles.models import Article
from claims.models import Claim
from tests.factories import ArticleFactory
from tracker import celery_app

pytestmark = pytest.mark.django_db
ARTICLE = {
    "title": "Sommet à Vilnius",
    "body": "Plus de 30 pays ont envoyé des délégations à Vilnius.",
    "source": "Le Quotidien",
    "language": "fr",
    "published_on": "2026-03-17",
    "url": "https://example.org/vilnius",
}


def test_a_cms_pushes_one_article_and_its_extraction_runs(editor_api, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_api.post("/api/v1/articles/", ARTICLE, format="json")

    assert response.status_code == 201
    article = Article.objects.get(pk=response.json()["id"])
    assert (article.title, article.source.name, article.uploaded_by) == ("Sommet à Vilnius", "Le Quotidien", editor)
    assert article.extraction_status == "done"
    assert Claim.objects.filter(article=article, kind="quantity").exists()


def test_a_cms_pushes_several_articles_at_once(editor_api):
    second = {**ARTICLE, "title": "Autre", "body": "Des milliers de soldats.", "url": ""}

    response = editor_api.post("/api/v1/articles/", [ARTICLE, second], format="json")

    assert response.status_code == 201
    assert [item["title"] for item in response.json()] == ["Sommet à Vilnius", "Autre"]
    assert Article.objects.count() == 2


def test_a_batch_with_one_bad_article_stores_none_and_names_it(editor_api):
    ArticleFactory(body=ARTICLE["body"])
    fresh = {**ARTICLE, "body": "Un texte nouveau."}

    response = editor_api.post("/api/v1/articles/", [fresh, ARTICLE], format="json")

    assert response.status_code == 400
    assert "Article 2" in str(response.json())
    assert not Article.objects.filter(body="Un texte nouveau.").exists()


def test_an_invalid_article_in_a_batch_is_a_400_by_position(editor_api):
    response = editor_api.post("/api/v1/articles/", [ARTICLE, {"title": "No body"}], format="json")

    assert response.status_code == 400
    assert response.json()[0] == {}
    assert "body" in response.json()[1]


def test_an_article_already_stored_is_refused(editor_api):
    ArticleFactory(body=ARTICLE["body"])

    response = editor_api.post("/api/v1/articles/", ARTICLE, format="json")

    assert response.status_code == 400


def test_a_reviewer_may_not_push_articles(reviewer_api):
    assert reviewer_api.post("/api/v1/articles/", ARTICLE, format="json").status_code == 403


def test_a_read_only_token_may_not_push_articles(editor):
    from tests.api.conftest import token_client

    assert token_client(editor).post("/api/v1/articles/", ARTICLE, format="json").status_code == 403


def test_pushing_an_article_while_redis_is_down_stores_it_pending(
    editor_api, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    caplog.set_level(logging.WARNING, logger="claims.services.extraction")
    # A real publish to a port nothing listens on, through a fresh connection pool.
    monkeypatch.setattr(celery_app.conf, "CELERY_TASK_ALWAYS_EAGER", False)
    monkeypatch.setattr(celery_app.conf, "CELERY_BROKER_URL", "redis://127.0.0.1:9/0")
    monkeypatch.setattr(celery_app.conf, "broker_url", "redis://127.0.0.1:9/0")
    monkeypatch.setattr(celery_app, "_pool", None)
    monkeypatch.setattr(celery_app.amqp, "_producer_pool", None)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_api.post("/api/v1/articles/", ARTICLE, format="json")

    assert response.status_code == 201
    assert Article.objects.get(pk=response.json()["id"]).extraction_status == "pending"
    assert "Could not queue extraction" in caplog.text
