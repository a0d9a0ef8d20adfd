"""Per-process counters, gauges and histograms, reported over the bus.

Cheap on the hot path (a dict update, a bisect); the worker publishes the
cumulative figures as a ``MetricsReport`` about once a second, and the
metrics service does the exposition.  Names follow Prometheus conventions
(``_total`` for counters, ``_seconds`` for latencies).
"""

from __future__ import annotations

import bisect
import os
import threading

from vibing.schema.metrics import LATENCY_BUCKETS, HistogramSample, MetricsReport, Sample

_LabelKey = tuple[tuple[str, str], ...]


class _Histogram:
    __slots__ = ("counts", "sum", "count")

    def __init__(self) -> None:
        self.counts = [0] * len(LATENCY_BUCKETS)
        self.sum = 0.0
        self.count = 0

    def observe(self, value: float) -> None:
        index = bisect.bisect_left(LATENCY_BUCKETS, value)
        if index < len(self.counts):
            self.counts[index] += 1
        self.sum += value
        self.count += 1

    def cumulative(self) -> list[int]:
        total, out = 0, []
        for count in self.counts:
            total += count
            out.append(total)
        return out


class Meter:
    """Thread-safe collection of one process's metrics."""

    def __init__(self, service: str) -> None:
        self.service = service
        self._lock = threading.Lock()
        self._counters: dict[tuple[str, _LabelKey], float] = {}
        self._gauges: dict[tuple[str, _LabelKey], float] = {}
        self._histograms: dict[tuple[str, _LabelKey], _Histogram] = {}
        self._help: dict[str, str] = {}
        self.changed = False

    def describe(self, name: str, help_text: str) -> None:
        self._help[name] = help_text

    def inc(self, name: str, value: float = 1.0, **labels: str) -> None:
        key = (name, tuple(sorted(labels.items())))
        with self._lock:
            self._counters[key] = self._counters.get(key, 0.0) + value
            self.changed = True

    def set(self, name: str, value: float, **labels: str) -> None:
        key = (name, tuple(sorted(labels.items())))
        with self._lock:
            self._gauges[key] = value
            self.changed = True

    def observe(self, name: str, value: float, **labels: str) -> None:
        key = (name, tuple(sorted(labels.items())))
        with self._lock:
            histogram = self._histograms.get(key)
            if histogram is None:
                histogram = self._histograms[key] = _Histogram()
            histogram.observe(value)
            self.changed = True

    def report(self) -> MetricsReport:
        with self._lock:
            self.changed = False
            samples = [
                Sample(name=n, value=v, labels=dict(labels), kind="counter", help=self._help.get(n, ""))
                for (n, labels), v in self._counters.items()
            ]
            samples += [
                Sample(name=n, value=v, labels=dict(labels), kind="gauge", help=self._help.get(n, ""))
                for (n, labels), v in self._gauges.items()
            ]
            histograms = [
                HistogramSample(
                    name=n,
                    buckets=h.cumulative(),
                    sum=h.sum,
                    count=h.count,
                    labels=dict(labels),
                    help=self._help.get(n, ""),
                )
                for (n, labels), h in self._histograms.items()
            ]
        return MetricsReport(service=self.service, pid=os.getpid(), samples=samples, histograms=histograms)
