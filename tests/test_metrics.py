"""Every service reports over the bus; the metrics service serves Prometheus text on loopback."""

from __future__ import annotations

import os
import signal
import time
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

from vibing import schema
from vibing.schema.common import Ping
from vibing.schema.metrics import GetSnapshot, MetricsReport
from vibing.schema.supervisor import Status


def scrape(url: str) -> dict[str, list]:
    assert url.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(url, timeout=5) as response:
        text = response.read().decode()
    return {family.name: family.samples for family in text_string_to_metric_families(text)}


def wait_for_reports(sub, services: set[str], condition, timeout: float = 10) -> None:
    """Await, for each service, a report that satisfies ``condition``."""
    waiting = set(services)
    deadline = time.monotonic() + timeout
    while waiting and time.monotonic() < deadline:
        event = sub.recv(timeout=deadline - time.monotonic())
        if event is not None and isinstance(event.body, MetricsReport) and condition(event.body):
            waiting.discard(event.body.service)
    assert not waiting, f"no matching report from {sorted(waiting)}"


def requests_total(report: MetricsReport) -> float:
    return sum(s.value for s in report.samples if s.name == "vibing_requests_total")


def test_requests_are_counted_per_service_and_exposed_for_prometheus(app):
    bus = app.bus()
    reports = bus.subscribe("metrics.report")
    reports.sync()
    for name in schema.SERVICES:
        for _ in range(10):
            bus.request(name, Ping())
    wait_for_reports(reports, {"storage", "agent", "stream"}, lambda r: requests_total(r) >= 10)
    snapshot = bus.request("metrics", GetSnapshot())
    families = scrape(snapshot.url)
    counted = {
        s.labels["service"]: s.value
        for s in families["vibing_requests"]
        if s.name == "vibing_requests_total" and s.labels.get("request") == "Ping"
    }
    assert counted["storage"] >= 10 and counted["agent"] >= 10 and counted["stream"] >= 10
    for samples in families.values():
        assert all("service" in s.labels for s in samples), "every sample names the process it came from"
    histogram = [s for s in families["vibing_request_seconds"] if s.name == "vibing_request_seconds_count"]
    assert any(s.value >= 10 for s in histogram)


def test_restarts_are_labelled_with_the_restarted_service(app):
    bus = app.bus()
    events = bus.subscribe("service.up")
    events.sync()
    agent = {s.name: s.pid for s in bus.request("supervisor", Status()).services}["agent"]
    os.kill(agent, signal.SIGKILL)
    assert events.recv(timeout=10).body.service == "agent"
    url = bus.request("metrics", GetSnapshot()).url
    deadline = time.monotonic() + 10
    restarts = {}
    while time.monotonic() < deadline:
        restarts = {
            s.labels["service"]: s.value
            for s in scrape(url).get("vibing_restarts", [])
            if s.name == "vibing_restarts_total"
        }
        if restarts.get("agent") == 1:
            break
        bus.request("metrics", Ping())  # lets the metrics worker drain its events before we look again
    assert restarts.get("agent") == 1
    assert "storage" not in restarts


def test_metrics_command_prints_the_url(app):
    result = app.cli("metrics")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("http://127.0.0.1:") and "/metrics" in result.stdout.splitlines()[0]


def test_the_storage_cache_reports_hits_and_misses(app):
    from vibing.schema.storage import CreateProject, LoadProject

    bus = app.bus()
    reports = bus.subscribe("metrics.report")
    reports.sync()
    project = bus.request("storage", CreateProject(name="Cache probe", project_type="website"))
    project_id = project.project.id
    for _ in range(5):
        bus.request("storage", LoadProject(project_id=project_id))

    def cache_figures(report: MetricsReport) -> dict[str, float]:
        return {s.name: s.value for s in report.samples if s.name.startswith("vibing_cache_")}

    deadline = time.monotonic() + 10
    figures: dict[str, float] = {}
    while time.monotonic() < deadline and figures.get("vibing_cache_hits_total", 0) < 4:
        event = reports.recv(timeout=deadline - time.monotonic())
        if event is not None and event.body.service == "storage":
            figures = cache_figures(event.body)
    assert figures["vibing_cache_hits_total"] >= 4 and figures["vibing_cache_misses_total"] >= 1
    assert 0 < figures["vibing_cache_hit_ratio"] <= 1
