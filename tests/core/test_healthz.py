"""The load balancer's probe answers without a sign-in, in about a second, and says which part is down."""

import socket
import time

import pytest
from django.db import OperationalError, connection

from tracker import celery_app

pytestmark = pytest.mark.django_db


@pytest.fixture
def unused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def silent_server():
    """A port that accepts connections and never says a word, like a hung Redis."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        yield server.getsockname()[1]


def test_both_parts_answering_is_a_200_without_signing_in(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok"}
    assert "no-cache" in response.headers["Cache-Control"]


def test_a_broker_on_a_closed_port_is_a_503_naming_the_broker(client, monkeypatch, unused_port):
    monkeypatch.setattr(celery_app.conf, "CELERY_BROKER_URL", f"redis://127.0.0.1:{unused_port}/0")

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "failing",
        "database": "ok",
        "broker": "down",
        "detail": "Did not answer: broker.",
    }


def test_a_broker_that_never_answers_is_given_up_on_within_two_seconds(client, monkeypatch, silent_server):
    monkeypatch.setattr(celery_app.conf, "CELERY_BROKER_URL", f"redis://127.0.0.1:{silent_server}/0")
    started = time.monotonic()

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["broker"] == "down"
    assert time.monotonic() - started < 2


def test_a_database_that_fails_is_a_503_naming_it_without_a_trace(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection to server at 10.0.0.5 failed")

    monkeypatch.setattr(connection, "cursor", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "failing",
        "database": "down",
        "broker": "ok",
        "detail": "Did not answer: database.",
    }


def test_the_probe_is_not_redirected_to_https_when_pages_are(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


@pytest.mark.parametrize(("method", "status"), [("head", 200), ("post", 405)])
def test_the_probe_only_reads(client, method, status):
    assert getattr(client, method)("/healthz").status_code == status
