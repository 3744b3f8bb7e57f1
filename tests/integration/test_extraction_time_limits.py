"""An article too long to extract within its time limit ends failed with a reason, on a real worker, and the
articles queued behind it are extracted in their usual time."""

import pytest
from django.db import transaction

from articles.models import Article
from claims.services import article_queue_extraction
from claims.services.batches import articles_queue_extraction
from tests.conftest import wait_for
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
Status = Article.ExtractionStatus
PARAGRAPH = "Le ministre a déclaré mardi que plus de 30 pays avaient rejoint la coalition, selon l'ONU."


def status(article) -> Article:
    return Article.objects.get(pk=article.pk)


def hostile_article() -> Article:
    # About 40,000 words: far more than a second of work on any machine.
    return ArticleFactory(body="\n\n".join([PARAGRAPH] * 2500), extraction_status=Status.PENDING)


def queue_hostile_then_normal(settings, *, soft: int, hard: int) -> tuple[Article, Article]:
    """A hostile article queued under these limits, then a normal one under the usual limits: each task takes
    the limits in force when it is queued."""
    settings.EXTRACTION_SOFT_TIME_LIMIT_SECONDS, settings.EXTRACTION_HARD_TIME_LIMIT_SECONDS = soft, hard
    hostile = hostile_article()
    with transaction.atomic():
        article_queue_extraction(article=hostile)
    settings.EXTRACTION_SOFT_TIME_LIMIT_SECONDS, settings.EXTRACTION_HARD_TIME_LIMIT_SECONDS = 240, 270
    normal = ArticleFactory(body="Des milliers de soldats pourraient être déployés.", extraction_status=Status.PENDING)
    with transaction.atomic():
        article_queue_extraction(article=normal)
    return hostile, normal


def test_an_article_over_its_time_limit_fails_with_a_reason_and_the_next_one_is_extracted(celery_worker, settings):
    hostile, normal = queue_hostile_then_normal(settings, soft=1, hard=20)

    wait_for(lambda: status(hostile).extraction_status == Status.FAILED, timeout=60, message="the time limit")
    wait_for(lambda: status(normal).extraction_status == Status.DONE, timeout=30, message="the next article")

    assert "took longer than its time limit" in status(hostile).extraction_error
    assert status(normal).claims.filter(kind="quantity").exists()


def test_a_batch_over_its_time_limit_is_split_into_single_extractions(celery_worker, settings):
    settings.EXTRACTION_SOFT_TIME_LIMIT_SECONDS, settings.EXTRACTION_HARD_TIME_LIMIT_SECONDS = 1, 20
    hostile = hostile_article()
    normal = ArticleFactory(body="Plus de 30 pays ont signé le traité.", extraction_status=Status.PENDING)
    with transaction.atomic():
        articles_queue_extraction(articles=[normal, hostile])

    wait_for(lambda: status(normal).extraction_status == Status.DONE, timeout=60, message="the short article")
    # Queued alone by the worker, under the worker's own (default) limits, which it fits in.
    wait_for(lambda: status(hostile).extraction_status == Status.DONE, timeout=180, message="the long article")
    assert status(hostile).claims.filter(kind="quantity").count() == 2500


def test_an_article_killed_at_its_hard_limit_ends_failed_not_running(celery_worker, settings):
    # No soft limit (0): the worker kills the process at the hard one, and no code of the task runs after that.
    hostile, normal = queue_hostile_then_normal(settings, soft=0, hard=2)

    wait_for(lambda: status(hostile).extraction_status == Status.FAILED, timeout=60, message="the hard limit")
    wait_for(lambda: status(normal).extraction_status == Status.DONE, timeout=60, message="the next article")

    assert "hard time limit" in status(hostile).extraction_error
