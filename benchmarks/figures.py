"""One printed figure, its goal and whether it met it; small timing helpers shared by the measurements."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable

import psutil


@dataclasses.dataclass
class Figure:
    name: str
    value: str
    goal: str = ""
    passed: bool | None = None  # None: no goal, or not measured

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


def seconds_of(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class PeakMemory:
    """The highest resident memory of this process while the block runs, sampled every 5 ms, in MB
    above what it held at the start (a streamed response must not hold its rows)."""

    def __init__(self):
        self.process = psutil.Process()
        self.peak_growth_mb = 0.0
        self._stop = threading.Event()

    def __enter__(self) -> PeakMemory:
        self.start = self.process.memory_info().rss
        self.peak = self.start
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, self.process.memory_info().rss)

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.process.memory_info().rss)
        self.peak_growth_mb = (self.peak - self.start) / 2**20
