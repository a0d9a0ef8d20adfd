"""Request/reply and pub/sub across real processes, through the supervisor's bus."""

from __future__ import annotations

import json
import os

import msgspec
import pytest
import zmq

from vibing import schema
from vibing.errors import BadMessage, UnknownService
from vibing.protocol import CLIENT
from vibing.schema.base import encode_header, make_header
from vibing.schema.common import Ping, Pong, ServiceUp
from vibing.schema.supervisor import Status

EAGER = [name for name in schema.SERVICES if name not in schema.LAZY_SERVICES]


def test_every_service_answers_ping_from_its_own_process(app):
    bus = app.bus()
    for name in schema.SERVICES:
        pong = bus.request(name, Ping(), timeout=10)
        assert isinstance(pong, Pong)
        assert pong.service == name and pong.state == "ready"
    pids = {s.name: s.pid for s in bus.request("supervisor", Status()).services}
    for name in schema.SERVICES:
        assert bus.request(name, Ping()).pid == pids[name] != os.getpid()
    assert len(set(pids.values())) == len(schema.SERVICES)


def test_a_lazy_service_starts_on_its_first_request(app):
    bus = app.bus()
    before = {s.name: s for s in bus.request("supervisor", Status()).services}
    for name in schema.LAZY_SERVICES:
        assert before[name].state == "idle" and before[name].pid is None
        pong = bus.request(name, Ping(), timeout=10)
        after = {s.name: s for s in bus.request("supervisor", Status()).services}
        assert after[name].state == "ready" and after[name].pid == pong.pid


def test_status_json_lists_every_service_ready(app):
    result = app.cli("status", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["name"] for s in data["services"]] == list(schema.SERVICES)
    for service in data["services"]:
        if service["name"] in schema.LAZY_SERVICES:
            assert service["state"] == "idle" and service["pid"] is None
        else:
            assert service["state"] == "ready" and service["pid"] > 0
        assert service["restarts"] == 0 and service["uptime_s"] >= 0


def test_status_as_a_tree_for_people(app):
    result = app.cli("status")
    assert result.returncode == 0, result.stderr
    assert "vibing supervisor" in result.stdout
    for name in schema.SERVICES:
        assert name in result.stdout


def test_events_cross_processes_in_order(app):
    bus = app.bus()
    sub = bus.subscribe("service.")
    sub.sync()
    for pid in range(500):
        bus.publish("service.up", ServiceUp(service="test", pid=pid))
    received = []
    while len(received) < 500:  # the app's own workers may announce themselves meanwhile: not ours, skipped
        event = sub.recv(timeout=5)
        if event.header.sender == "test":
            received.append(event)
    assert [e.body.pid for e in received] == list(range(500))
    assert all(e.topic == "service.up" and e.body.service == "test" for e in received)


def test_subscribers_only_get_the_topics_they_asked_for(app):
    bus = app.bus()
    sub = bus.subscribe("token.a")
    sub.sync()
    bus.publish("token.b", ServiceUp(service="b", pid=1))
    bus.publish("token.a", ServiceUp(service="a", pid=2))
    event = sub.recv(timeout=5)
    assert event.topic == "token.a" and event.body.service == "a"


def test_a_request_with_an_unknown_body_gets_a_typed_error_and_the_worker_survives(app):
    bus = app.bus()
    for name in schema.SERVICES:
        with pytest.raises(BadMessage, match=f"The {name} service could not read the request"):
            bus.request(name, _Garbage(payload="x"))
        assert bus.request(name, Ping()).service == name


class _Garbage(schema.Message):
    """A message type no service knows."""

    payload: str


def test_malformed_frames_are_dropped_and_every_worker_keeps_serving(app):
    """Raw garbage straight onto the bus: wrong part counts, bad headers, bad bodies."""
    bus = app.bus()
    raw = zmq.Context.instance().socket(zmq.DEALER)
    raw.setsockopt(zmq.LINGER, 0)
    raw.connect(bus.endpoints.requests)
    good_header = encode_header(make_header("fuzzer", timeout_ms=500))
    for name in schema.SERVICES:
        service = name.encode()
        raw.send_multipart([b"\xff"])
        raw.send_multipart([CLIENT, service, b"not a header", b"x"])
        raw.send_multipart([CLIENT, service, good_header, b"\xc1\xc1\xc1"])
        raw.send_multipart([CLIENT, service, good_header, msgspec.msgpack.encode({"type": "Ping", "extra": 1}), b"4th"])
        raw.send_multipart([b"VW1", b"\x03", b"client", b"h", b"b"])  # a reply from a worker nobody knows
    raw.close()
    for name in schema.SERVICES:
        assert bus.request(name, Ping()).service == name


def test_a_service_nobody_provides_is_refused_at_once_with_a_clear_error(app):
    bus = app.bus()
    with pytest.raises(UnknownService) as err:
        bus.request("nonexistent", Ping(), timeout=30)
    assert "no 'nonexistent' service" in str(err.value) and "storage" in str(err.value)
