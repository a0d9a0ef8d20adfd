"""Messages of the metrics service: reports from every process, snapshots for the UI.

Every worker publishes a :class:`MetricsReport` on ``metrics.report`` about once
a second with its cumulative counters and histograms since it started (a
restart resets them, as Prometheus counters expect).  The metrics service keeps
the latest report of each service and exposes them all.
"""

from __future__ import annotations

from typing import Union

from vibing.schema.base import Message
from vibing.schema.common import COMMON_REPLIES, COMMON_REQUESTS

#: Upper bounds (seconds) of the latency histograms every process uses.
LATENCY_BUCKETS = (
    0.0001,
    0.00025,
    0.0005,
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
)


class Sample(Message):
    """A counter or gauge value; ``labels`` never include ``service`` (added by the collector)."""

    name: str
    value: float
    labels: dict[str, str] = {}
    kind: str = "counter"  # "counter" | "gauge"
    help: str = ""


class HistogramSample(Message):
    name: str
    #: Cumulative counts per upper bound in ``LATENCY_BUCKETS`` (then +Inf = count).
    buckets: list[int]
    sum: float
    count: int
    labels: dict[str, str] = {}
    help: str = ""


class MetricsReport(Message):
    service: str
    pid: int
    samples: list[Sample] = []
    histograms: list[HistogramSample] = []


class GetSnapshot(Message):
    """The live figures for the UI's dashboard."""


class ServiceFigures(Message):
    service: str
    pid: int
    requests: float
    failures: float
    p50_ms: float
    p99_ms: float
    restarts: float
    reported_s_ago: float
    extra: dict[str, float] = {}


class Snapshot(Message):
    url: str
    services: list[ServiceFigures]
    #: Recent requests-per-second of the whole app, oldest first, one point a second (for a sparkline).
    requests_per_s: list[float] = []


class GetExposition(Message):
    """The Prometheus text exposition (what the HTTP endpoint serves)."""


class Exposition(Message):
    url: str
    text: str


Request = Union[COMMON_REQUESTS + (GetSnapshot, GetExposition)]  # type: ignore[valid-type]
Reply = Union[COMMON_REPLIES + (Snapshot, Exposition)]  # type: ignore[valid-type]
EVENTS = (MetricsReport,)
