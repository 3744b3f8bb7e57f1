"""A worker that runs extractions loads the trained pipelines before its pool starts, so no task spends
seconds of its time limit on them; a worker that reads only the light queue loads none."""

import gc
from types import SimpleNamespace

import pytest

from claims import tasks
from claims.extraction.nlp import TRAINED_MODELS, load_nlp, load_trained_pipelines


@pytest.fixture
def loads(monkeypatch):
    calls = []
    monkeypatch.setattr(tasks, "load_trained_pipelines", lambda: calls.append("loaded"))
    return calls


def worker_consuming(*queues) -> SimpleNamespace:
    selected = SimpleNamespace(consume_from={queue: None for queue in queues})
    return SimpleNamespace(app=SimpleNamespace(amqp=SimpleNamespace(queues=selected)))


def test_an_extraction_worker_loads_the_pipelines_when_it_starts(loads):
    tasks.prepare_extraction_worker(worker_consuming("extraction", "light"))

    assert loads == ["loaded"]


def test_a_light_only_worker_loads_no_model(loads):
    tasks.prepare_extraction_worker(worker_consuming("light"))

    assert loads == []


def test_loaded_pipelines_are_left_out_of_the_collectors_full_passes():
    load_trained_pipelines()

    assert load_nlp.cache_info().currsize >= len(TRAINED_MODELS)
    assert gc.get_freeze_count() > 0
