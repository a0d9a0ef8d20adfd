"""A bus client cannot make the supervisor's broker hold unbounded memory (issue 14, item 10).

Before: 200k requests to services that do not exist were each kept until their
deadline (a client picks it), and the supervisor grew from 36 MB to 529 MB.
Now an unknown service is refused at once, and one client may hold at most
``bus_max_pending_per_client`` requests at the broker.
"""

from __future__ import annotations

import os

import msgspec
import pytest
import zmq

from tests.conftest import start_app
from vibing import schema
from vibing.protocol import CLIENT, DISCONNECT, HEARTBEAT, READY, REPLY, REQUEST, WORKER, BusInfo
from vibing.schema.base import decode_header, encode_header, make_header
from vibing.schema.common import Error, Ping, Pong

FLOOD = 200_000
#: Requests in flight at once: below the sockets' queues, so the broker never has to drop an answer.
WINDOW = 500
_errors = msgspec.msgpack.Decoder(Error)


def vm_rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError(f"no VmRSS for pid {pid}")


def dealer(context: zmq.Context, endpoint: str) -> zmq.Socket:
    sock = context.socket(zmq.DEALER)
    sock.setsockopt(zmq.LINGER, 0)
    sock.connect(endpoint)
    return sock


def request_frames(service: str, timeout_ms: int = 600_000) -> tuple[str, list[bytes]]:
    header = make_header("attacker", timeout_ms=timeout_ms)
    return header.id, [CLIENT, service.encode(), encode_header(header), schema.encode(Ping())]


def test_a_flood_of_requests_to_unknown_services_is_answered_at_once_and_memory_stays_flat(app):
    info = BusInfo.read(app.paths.bus_file)
    before_kb = vm_rss_kb(info.pid)
    context = zmq.Context()
    client = dealer(context, info.endpoints.requests)
    try:
        sent: set[str] = set()
        codes: dict[str, int] = {}
        outstanding = 0
        while len(sent) < FLOOD or outstanding:
            while len(sent) < FLOOD and outstanding < WINDOW:
                # A new name each time too: the broker must not keep a record per name either.
                request_id, frames = request_frames(f"no-such-service-{len(sent) % 1000}")
                client.send_multipart(frames)
                sent.add(request_id)
                outstanding += 1
            assert client.poll(30_000, zmq.POLLIN), f"no answer within 30 s ({outstanding} outstanding)"
            while client.poll(0, zmq.POLLIN):
                kind, _service, header, body = client.recv_multipart()
                assert kind == CLIENT and decode_header(header).corr in sent
                error = _errors.decode(body)
                codes[error.code] = codes.get(error.code, 0) + 1
                outstanding -= 1
        after_kb = vm_rss_kb(info.pid)
    finally:
        client.close(0)
        context.destroy(linger=0)

    assert codes == {"UnknownService": FLOOD}, "every request got the typed error"
    assert after_kb - before_kb < 30 * 1024, f"supervisor grew from {before_kb} kB to {after_kb} kB"
    bus = app.bus()
    assert isinstance(bus.request("storage", Ping(), timeout=10), Pong), "and the bus still serves"


def test_the_unknown_service_error_is_typed_and_says_what_exists(app):
    info = BusInfo.read(app.paths.bus_file)
    context = zmq.Context()
    client = dealer(context, info.endpoints.requests)
    try:
        request_id, frames = request_frames("nosuch")
        client.send_multipart(frames)
        assert client.poll(10_000, zmq.POLLIN), "answered at once, not after the request's 600 s timeout"
        _kind, service, header, body = client.recv_multipart()
    finally:
        client.close(0)
        context.destroy(linger=0)
    error = _errors.decode(body)
    assert service == b"nosuch" and decode_header(header).corr == request_id
    assert error.code == "UnknownService" and "no 'nosuch' service" in error.message and "storage" in error.message


class SilentWorker:
    """A worker that registers a service, takes requests and answers only when told to."""

    def __init__(self, context: zmq.Context, endpoint: str, service: str) -> None:
        self.sock = dealer(context, endpoint)
        self.service = service
        self.taken: list[tuple[bytes, str]] = []
        self.sock.send_multipart([WORKER, READY, service.encode(), str(os.getpid()).encode()])

    def pump(self) -> None:
        """Take what arrived, and keep the broker's heartbeat check happy."""
        while self.sock.poll(0, zmq.POLLIN):
            frames = self.sock.recv_multipart()
            if frames[1] == REQUEST:
                self.taken.append((frames[2], decode_header(frames[3]).id))
        self.sock.send_multipart([WORKER, HEARTBEAT])

    def answer(self, client: bytes, request_id: str) -> None:
        header = encode_header(make_header(self.service, corr=request_id))
        self.sock.send_multipart([WORKER, REPLY, client, header, schema.encode(Pong(service=self.service, pid=1))])

    def leave(self) -> None:
        self.sock.send_multipart([WORKER, DISCONNECT])
        self.sock.close(0)


CAP = 20


@pytest.fixture
def capped_app(tmp_path):
    running = start_app(tmp_path / "home", VIBING_BUS_MAX_PENDING_PER_CLIENT=str(CAP))
    yield running
    running.stop()


def test_a_client_over_the_pending_cap_gets_a_clear_error_at_once(capped_app):
    app = capped_app
    info = BusInfo.read(app.paths.bus_file)
    watcher = app.bus().subscribe("service.up")
    watcher.sync()
    context = zmq.Context()
    worker = SilentWorker(context, info.endpoints.requests, "silent")
    client = dealer(context, info.endpoints.requests)
    try:
        event = watcher.recv(timeout=10)
        assert event is not None and event.body.service == "silent", "the worker is registered"

        ids = []
        for _ in range(CAP + 5):
            request_id, frames = request_frames("silent")
            client.send_multipart(frames)
            ids.append(request_id)
        refused: dict[str, Error] = {}
        while len(refused) < 5 or len(worker.taken) < CAP:
            worker.pump()
            if client.poll(100, zmq.POLLIN):
                _kind, _service, header, body = client.recv_multipart()
                refused[decode_header(header).corr] = _errors.decode(body)
        assert sorted(refused) == sorted(ids[CAP:]), "exactly the requests beyond the cap were refused"
        assert {e.code for e in refused.values()} == {"LimitExceeded"}
        message = next(iter(refused.values())).message
        assert f"already has {CAP} waiting" in message and f"at most {CAP}" in message
        assert sorted(request_id for _client, request_id in worker.taken) == sorted(ids[:CAP])

        # An answer frees a place: the cap is on requests held, not on requests ever sent.
        first_client, first_id = worker.taken[0]
        worker.answer(first_client, first_id)
        assert client.poll(10_000, zmq.POLLIN)
        assert decode_header(client.recv_multipart()[2]).corr == first_id
        request_id, frames = request_frames("silent")
        client.send_multipart(frames)
        while len(worker.taken) < CAP + 1:
            worker.pump()
            assert not client.poll(50, zmq.POLLIN), "the next request is taken, not refused"
        assert worker.taken[-1][1] == request_id

        # The worker leaves: everything it held is answered, and the client's count drops to zero.
        worker.leave()
        crashed = set()
        while len(crashed) < CAP:
            assert client.poll(10_000, zmq.POLLIN)
            _kind, _service, header, body = client.recv_multipart()
            assert _errors.decode(body).code == "ServiceCrashed"
            crashed.add(decode_header(header).corr)
    finally:
        client.close(0)
        context.destroy(linger=0)
