"""Shared fixtures: users per role, a real Redis, and a real Celery worker process on the test database."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client

from tests.factories import UserFactory
from tracker import celery_app
from tracker.embedded_redis import EmbeddedRedis
from tracker.processes import process_stop

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# A task a test left behind (a retry waiting out its backoff) must not hold the next test for long.
WORKER_SETTLE_SECONDS = 30


@pytest.fixture(autouse=True)
def celery_eager_unless_real_worker(request):
    """Unit tests run tasks inline; tests marked integration or browser go through Redis and a worker."""
    real = request.node.get_closest_marker("integration") or request.node.get_closest_marker("browser")
    # Celery reads Django settings under their CELERY_ names; a plain `task_always_eager` would be shadowed.
    celery_app.conf.CELERY_TASK_ALWAYS_EAGER = not real
    yield
    celery_app.conf.CELERY_TASK_ALWAYS_EAGER = False


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """A hostile case passes only if the app still answers a plain request after it, on the same database
    connection (a failed statement must not leave it unusable)."""
    outcome = yield
    if item.get_closest_marker("hostile"):
        probe = Client().get("/healthz")
        assert probe.status_code == 200, f"After this input the app answers /healthz with {probe.content!r}"
    return outcome


@pytest.fixture(autouse=True)
def empty_cache():
    """The local cache outlives a test's database (the linking engine keeps entity counts there)."""
    cache.clear()
    yield


@pytest.fixture
def editor(db):
    return UserFactory(username="edith", roles=["editor"])


@pytest.fixture
def reviewer(db):
    return UserFactory(username="remi", roles=["reviewer"])


@pytest.fixture
def viewer(db):
    return UserFactory(username="violette", roles=["viewer"])


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


# The tests' own Redis on a free loopback port, started before anything publishes: even an eager task
# opens a broker connection, and Celery keeps the pool it opened first.
REDIS = EmbeddedRedis().start()
celery_app.conf.CELERY_BROKER_URL = REDIS.url


def pytest_unconfigure(config):
    REDIS.stop()


@pytest.fixture(scope="session")
def redis_server():
    return REDIS


def test_database_url() -> str:
    """The URL of the test database this session created, for processes started by the tests."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class WorkerProcess:
    def __init__(self, redis_url: str, log_path: Path):
        self.redis_url = redis_url
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> "WorkerProcess":
        env = {**os.environ, "REDIS_URL": self.redis_url, "DATABASE_URL": test_database_url()}
        command = [sys.executable, "-m", "celery", "-A", "tracker", "worker", "--loglevel", "INFO",
                   "--concurrency", "1", "--without-mingle", "--without-gossip"]  # fmt: skip
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"The worker exited at start; see {self.log_path}")
            if b"ready." in self.log_path.read_bytes():
                return self
            time.sleep(0.2)
        raise RuntimeError(f"The worker did not start within {timeout}s; see {self.log_path}")

    def stop(self) -> None:
        process_stop(self.process, timeout=20)

    def pool_children(self) -> list[int]:
        """The pids of the prefork pool processes that run the tasks (Linux /proc)."""
        pid = self.process.pid
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, redis_server, tmp_path_factory):
    worker = WorkerProcess(redis_server.url, tmp_path_factory.mktemp("worker") / "worker.log").start()
    yield worker
    worker.stop()


# Queues the worker reads, and the hash where Celery's Redis transport keeps a message until its task is acked
# (tasks ack late, so only once their writes are committed).
WORKER_QUEUES = ("extraction", "light")
UNACKED = "unacked"


def broker_busy(redis_url: str) -> bool:
    """Whether a task is still queued or running, read from the broker alone (the worker may be too busy to
    answer a remote-control inspect in time). An unreachable broker has nothing to run."""
    import redis

    client = redis.Redis.from_url(redis_url, socket_timeout=1, socket_connect_timeout=1)
    try:
        return any(client.llen(queue) for queue in WORKER_QUEUES) or bool(client.hlen(UNACKED))
    except redis.RedisError:
        return False
    finally:
        client.close()


@pytest.fixture
def celery_worker(celery_worker_process, redis_server):
    """The session's worker, left idle when the test ends: a follow-up task (link suggestions, wire copies)
    still writing while the test database is emptied deadlocks PostgreSQL's TRUNCATE."""
    yield celery_worker_process
    deadline = time.monotonic() + WORKER_SETTLE_SECONDS
    while broker_busy(redis_server.url) and time.monotonic() < deadline:
        time.sleep(0.1)


def wait_for(condition, *, timeout: float = 60, interval: float = 0.2, message: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"Timed out after {timeout}s waiting for {message}")


@pytest.fixture
def seed_text():
    def read(prefix: str) -> str:
        return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")

    return read
