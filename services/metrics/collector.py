"""Turns the latest report of every service into Prometheus metric families.

The exposition format itself is prometheus_client's (a well-kept library),
so what we serve always parses with Prometheus's own text parser.  Every
sample carries a ``service`` label naming the process it came from.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector

from vibing.schema.metrics import LATENCY_BUCKETS, MetricsReport


class Aggregate(Collector):
    """The latest report per service, plus what the metrics service counts itself."""

    def __init__(self) -> None:
        self.reports: dict[str, tuple[MetricsReport, float]] = {}
        self.restarts: dict[str, int] = {}
        self.failed: dict[str, int] = {}

    def add(self, report: MetricsReport) -> None:
        self.reports[report.service] = (report, time.monotonic())

    def collect(self) -> Iterator[Metric]:
        counters: dict[str, CounterMetricFamily] = {}
        gauges: dict[str, GaugeMetricFamily] = {}
        histograms: dict[str, HistogramMetricFamily] = {}
        label_names: dict[str, list[str]] = {}

        def names(sample_name: str, labels: dict[str, str]) -> list[str]:
            return label_names.setdefault(sample_name, ["service", *sorted(labels)])

        for service, (report, _seen) in sorted(self.reports.items()):
            for sample in report.samples:
                keys = names(sample.name, sample.labels)
                values = [service] + [sample.labels.get(k, "") for k in keys[1:]]
                if sample.kind == "gauge":
                    family = gauges.setdefault(
                        sample.name, GaugeMetricFamily(sample.name, sample.help or sample.name, labels=keys)
                    )
                    family.add_metric(values, sample.value)
                else:
                    base = sample.name[:-6] if sample.name.endswith("_total") else sample.name
                    family = counters.setdefault(
                        sample.name, CounterMetricFamily(base, sample.help or base, labels=keys)
                    )
                    family.add_metric(values, sample.value)
            for histogram in report.histograms:
                keys = names(histogram.name, histogram.labels)
                values = [service] + [histogram.labels.get(k, "") for k in keys[1:]]
                family = histograms.setdefault(
                    histogram.name, HistogramMetricFamily(histogram.name, histogram.help or histogram.name, labels=keys)
                )
                buckets = [
                    (str(bound), count) for bound, count in zip(LATENCY_BUCKETS, histogram.buckets, strict=False)
                ]
                buckets.append(("+Inf", histogram.count))
                family.add_metric(values, buckets, histogram.sum)
        restarts = CounterMetricFamily(
            "vibing_restarts", "Times the supervisor restarted a service.", labels=["service"]
        )
        for service, count in sorted(self.restarts.items()):
            restarts.add_metric([service], count)
        up = GaugeMetricFamily("vibing_service_up", "1 when the service reported within 5 s.", labels=["service"])
        now = time.monotonic()
        for service, (_report, seen) in sorted(self.reports.items()):
            up.add_metric([service], 1.0 if now - seen < 5 else 0.0)
        yield from counters.values()
        yield from gauges.values()
        yield from histograms.values()
        yield restarts
        yield up
