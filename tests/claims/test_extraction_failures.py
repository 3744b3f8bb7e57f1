"""Transient failures are retried with backoff; lasting ones mark the article failed with a reason to read."""

import pytest
from django.db import OperationalError

from articles.models import Article
from claims import tasks
from claims.extraction import extract
from claims.services import article_queue_extraction, claims_store_candidates
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
Status = Article.ExtractionStatus


def failing_first(function, failures: list[Exception]):
    """`function`, raising each of `failures` in turn before it is let through."""
    calls = []

    def run(*args, **kwargs):
        calls.append(kwargs)
        if failures:
            raise failures.pop(0)
        return function(*args, **kwargs)

    run.calls = calls
    return run


def queue(article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article_queue_extraction(article=article)
    article.refresh_from_db()


def test_a_transient_database_error_is_retried_and_the_article_still_ends_done(
    monkeypatch, django_capture_on_commit_callbacks
):
    store = failing_first(claims_store_candidates, [OperationalError("database is locked")] * 2)
    monkeypatch.setattr("claims.services.extraction.claims_store_candidates", store)
    article = ArticleFactory(body="Plus de 30 pays ont signé.", extraction_status=Status.PENDING)

    queue(article, django_capture_on_commit_callbacks)

    assert len(store.calls) == 3
    assert article.extraction_status == Status.DONE
    assert article.claims.filter(text="Plus de 30 pays").count() == 1


def test_a_database_error_that_outlasts_the_retries_marks_the_article_failed_with_a_reason(
    monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(tasks.article_extract_claims, "max_retries", 2)
    store = failing_first(claims_store_candidates, [OperationalError("server closed the connection")] * 10)
    monkeypatch.setattr("claims.services.extraction.claims_store_candidates", store)
    article = ArticleFactory(extraction_status=Status.PENDING)

    queue(article, django_capture_on_commit_callbacks)

    assert len(store.calls) == 3
    assert article.extraction_status == Status.FAILED
    assert article.extraction_error == (
        "The extraction kept failing (OperationalError: server closed the connection); retry it later."
    )


def test_an_extractor_error_fails_the_article_at_once_with_a_readable_reason(
    monkeypatch, django_capture_on_commit_callbacks
):
    extractor = failing_first(extract, [ValueError("unexpected token")])
    monkeypatch.setattr("claims.services.extraction.extract", extractor)
    article = ArticleFactory(extraction_status=Status.PENDING)

    queue(article, django_capture_on_commit_callbacks)

    assert len(extractor.calls) == 1
    assert article.extraction_status == Status.FAILED
    assert article.extraction_error == "The extractor could not read this article (ValueError: unexpected token)."
