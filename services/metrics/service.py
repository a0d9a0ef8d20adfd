"""The metrics service: aggregates every service's figures; Prometheus on loopback.

Workers publish ``metrics.report`` events; this service keeps the latest per
service, counts restarts from ``service.down`` events (labelled with the
restarted service), serves the Prometheus text exposition on
``127.0.0.1:metrics_port`` (a free port if that one is taken) and answers
snapshot requests for the UI's dashboard.
"""

from __future__ import annotations

import time
from collections import deque

from prometheus_client import CollectorRegistry, exposition

from vibing.bus import Event
from vibing.schema.common import ServiceDown
from vibing.schema.metrics import Exposition, GetExposition, GetSnapshot, MetricsReport, ServiceFigures, Snapshot
from vibing.services.metrics.collector import Aggregate
from vibing.worker import Worker, handles


def _quantile(buckets: list[int], count: int, q: float) -> float:
    """Upper bound (ms) of the bucket holding the q-quantile."""
    from vibing.schema.metrics import LATENCY_BUCKETS

    if not count:
        return 0.0
    rank = q * count
    for bound, cumulative in zip(LATENCY_BUCKETS, buckets, strict=False):
        if cumulative >= rank:
            return bound * 1000
    return LATENCY_BUCKETS[-1] * 1000


class Service(Worker):
    name = "metrics"
    subscriptions = ("metrics.report", "service.down")

    def setup(self) -> None:
        self.aggregate = Aggregate()
        self.registry = CollectorRegistry(auto_describe=False)
        self.registry.register(self.aggregate)
        try:
            self.server, _thread = exposition.start_http_server(self.config.metrics_port, "127.0.0.1", self.registry)
        except OSError as exc:
            self.log.warning("metrics.port_taken", port=self.config.metrics_port, error=str(exc))
            self.server, _thread = exposition.start_http_server(0, "127.0.0.1", self.registry)
        self.url = f"http://127.0.0.1:{self.server.server_port}/metrics"
        self.rates: deque[float] = deque(maxlen=60)
        self._last_total = 0.0
        self._last_tick = time.monotonic()
        self.log.info("metrics.serving", url=self.url)

    def teardown(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def details(self) -> dict[str, object]:
        return {"url": self.url, "services_reporting": len(self.aggregate.reports)}

    def on_event(self, event: Event) -> None:
        body = event.body
        if isinstance(body, MetricsReport):
            self.aggregate.add(body)
        elif isinstance(body, ServiceDown):
            self.aggregate.restarts[body.service] = self.aggregate.restarts.get(body.service, 0) + int(body.restarting)

    def tick(self) -> None:
        now = time.monotonic()
        if now - self._last_tick >= 1.0:
            total = sum(
                s.value
                for r, _ in self.aggregate.reports.values()
                for s in r.samples
                if s.name == "vibing_requests_total"
            )
            self.rates.append(max(0.0, (total - self._last_total) / (now - self._last_tick)))
            self._last_total, self._last_tick = total, now

    @handles(GetExposition)
    def exposition(self, _request: GetExposition) -> Exposition:
        return Exposition(url=self.url, text=exposition.generate_latest(self.registry).decode())

    @handles(GetSnapshot)
    def snapshot(self, _request: GetSnapshot) -> Snapshot:
        now = time.monotonic()
        figures = []
        for service, (report, seen) in sorted(self.aggregate.reports.items()):
            requests = sum(s.value for s in report.samples if s.name == "vibing_requests_total")
            failures = sum(s.value for s in report.samples if s.name == "vibing_request_failures_total")
            merged_buckets: list[int] = []
            count = 0
            for h in report.histograms:
                if h.name == "vibing_request_seconds":
                    merged_buckets = (
                        [a + b for a, b in zip(merged_buckets, h.buckets, strict=False)]
                        if merged_buckets
                        else list(h.buckets)
                    )
                    count += h.count
            extra = {s.name: s.value for s in report.samples if s.kind == "gauge" and not s.labels}
            figures.append(
                ServiceFigures(
                    service=service,
                    pid=report.pid,
                    requests=requests,
                    failures=failures,
                    p50_ms=_quantile(merged_buckets, count, 0.5),
                    p99_ms=_quantile(merged_buckets, count, 0.99),
                    restarts=self.aggregate.restarts.get(service, 0),
                    reported_s_ago=round(now - seen, 2),
                    extra=extra,
                )
            )
        return Snapshot(url=self.url, services=figures, requests_per_s=list(self.rates))
