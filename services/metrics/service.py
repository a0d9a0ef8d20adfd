"""The metrics service: aggregates counters and histograms from every service."""

from __future__ import annotations

from vibing.worker import Worker


class Service(Worker):
    name = "metrics"
