"""No accepted article is lost when Redis or a worker dies: real Redis, real worker, real beat processes."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import transaction
from django.urls import reverse

from articles.models import Article
from articles.services import ArticleDraft
from claims.extraction import extract
from claims.models import Claim
from claims.services import article_queue_extraction, article_submit
from claims.tasks import article_extract_claims
from tests import conftest
from tests.conftest import ROOT, wait_for
from tests.factories import UserFactory
from tracker.processes import process_stop

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
Status = Article.ExtractionStatus
SWEEP_SECONDS = 1
STALE_AFTER_SECONDS = 3


class BeatProcess:
    """`celery beat`, as production runs it, sweeping every second for articles stale after a few."""

    def __init__(self, redis_url: str, workdir: Path):
        self.redis_url = redis_url
        self.workdir = workdir
        self.log_path = workdir / "beat.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> "BeatProcess":
        env = {
            **os.environ,
            "REDIS_URL": self.redis_url,
            "DATABASE_URL": conftest.test_database_url(),
            "EXTRACTION_SWEEP_SECONDS": str(SWEEP_SECONDS),
            "EXTRACTION_STALE_AFTER_SECONDS": str(STALE_AFTER_SECONDS),
        }
        command = [sys.executable, "-m", "celery", "-A", "tracker", "beat", "--loglevel", "INFO",
                   "--schedule", str(self.workdir / "celerybeat-schedule")]  # fmt: skip
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self.log_path.open("ab"), stderr=subprocess.STDOUT
        )
        wait_for(lambda: b"beat: Starting" in self.log_path.read_bytes(), timeout=60, message="celery beat")
        return self

    def stop(self) -> None:
        process_stop(self.process, timeout=20)


@pytest.fixture(scope="module")
def beat(django_db_setup, redis_server, tmp_path_factory):
    process = BeatProcess(redis_server.url, tmp_path_factory.mktemp("beat")).start()
    yield process
    process.stop()


@pytest.fixture
def redis_outage(redis_server):
    """Kill the tests' Redis like a crash (nothing saved); always bring it back, empty, on the same port."""

    def kill():
        redis_server.kill()

    yield kill
    if redis_server.process.poll() is not None:
        redis_server.start()


def status_of(article_id: int) -> str:
    return Article.objects.values_list("extraction_status", flat=True).get(pk=article_id)


def spans(article: Article) -> list[tuple]:
    return sorted(article.claims.values_list("kind", "start", "end", "text"))


def clean_run_spans(article: Article) -> list[tuple]:
    records = extract(article.body, language=article.language, published=article.published_on)
    return sorted({(record.kind, record.start, record.end, record.text) for record in records})


def test_worker_killed_mid_extraction_gets_the_task_again_and_stores_one_set_of_claims(celery_worker):
    sentences = [f"Le {day} mars, plus de {day + 20} pays ont promis {day} 000 soldats." for day in range(1, 29)]
    body = "\n".join(sentences * 8)  # long enough to be caught while running
    with transaction.atomic():
        article = article_submit(draft=ArticleDraft(title="Long", body=body, source="AFP", language="fr"))
    wait_for(lambda: status_of(article.pk) == Status.RUNNING, timeout=60, interval=0.05, message="the start")

    for pid in celery_worker.pool_children():
        os.kill(pid, signal.SIGKILL)

    wait_for(lambda: status_of(article.pk) == Status.DONE, timeout=180, message="the redelivered extraction")
    assert b"SIGKILL" in celery_worker.log_path.read_bytes()
    assert spans(article) == clean_run_spans(article)


def test_upload_while_redis_is_down_is_kept_pending_with_a_notice_then_extracted_once_it_is_back(
    client, celery_worker, beat, redis_outage, redis_server
):
    client.force_login(UserFactory(username="edith", roles=["editor"]))
    redis_outage()

    response = client.post(
        reverse("claims:article_upload"),
        {"title": "Panne", "new_source": "AFP", "language": "fr", "body": "Plus de 30 pays ont signé hier."},
        follow=True,
    )

    assert response.status_code == 200
    article = Article.objects.get()
    assert article.extraction_status == Status.PENDING
    assert "The extraction queue is unreachable right now" in response.content.decode()

    redis_server.start()
    wait_for(lambda: status_of(article.pk) == Status.DONE, timeout=120, message="the sweep to queue the article")
    assert article.claims.filter(text="Plus de 30 pays").exists()


def test_redis_killed_halfway_through_a_batch_loses_no_article_and_duplicates_no_claim(
    celery_worker, beat, redis_outage, redis_server
):
    with transaction.atomic():
        articles = [
            article_submit(
                draft=ArticleDraft(
                    title=f"Dépêche {n}",
                    body=f"Plus de {n + 10} pays ont signé le {n % 28 + 1} mars. « Historique », a dit Jean Martin.",
                    source="AFP",
                    language="fr",
                )
            )
            for n in range(200)
        ]
    ids = [article.pk for article in articles]
    wait_for(
        lambda: Article.objects.filter(pk__in=ids, extraction_status=Status.DONE).count() >= 60,
        timeout=120,
        message="a part of the batch",
    )

    redis_outage()
    done_when_killed = Article.objects.filter(pk__in=ids, extraction_status=Status.DONE).count()
    redis_server.start()  # empty: every queued message is gone

    assert done_when_killed < len(ids)
    wait_for(
        lambda: not Article.objects.filter(pk__in=ids).exclude(extraction_status=Status.DONE).exists(),
        timeout=300,
        message="the sweep to finish the batch",
    )
    for article in Article.objects.filter(pk__in=ids):
        assert spans(article) == clean_run_spans(article), article.title


@pytest.fixture
def second_worker(celery_worker, redis_server, tmp_path):
    worker = conftest.WorkerProcess(redis_server.url, tmp_path / "second-worker.log").start()
    yield worker
    worker.stop()


def test_two_workers_racing_on_the_same_article_store_one_set_of_claims_and_keep_reviewed_ones(
    celery_worker, second_worker
):
    sentences = [f"Le {day} mars, plus de {day + 20} pays ont promis {day} 000 soldats." for day in range(1, 29)]
    with transaction.atomic():
        article = article_submit(
            draft=ArticleDraft(title="Course", body="\n".join(sentences * 4), source="AFP", language="fr")
        )
    wait_for(lambda: status_of(article.pk) == Status.DONE, timeout=120, message="the first extraction")
    reviewed = article.claims.order_by("start").first()
    Claim.objects.filter(pk=reviewed.pk).update(status=Claim.Status.CONFIRMED)

    with transaction.atomic():
        article_queue_extraction(article=Article.objects.get(pk=article.pk))
        transaction.on_commit(lambda: [article_extract_claims.delay(article.pk) for _ in range(3)])

    wait_for(lambda: status_of(article.pk) == Status.DONE, timeout=120, message="the racing extractions")
    assert spans(article) == clean_run_spans(article)
    assert Claim.objects.get(pk=reviewed.pk).status == Claim.Status.CONFIRMED
