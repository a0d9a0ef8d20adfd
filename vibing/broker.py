"""The bus: a request broker that routes by service name, and an event proxy.

Both run as threads inside the supervisor (or inside ``vibing service NAME
--standalone``).  The broker keeps requests for a service that has no live
worker until their deadline, so a request sent while a worker restarts is
served by the new one; it answers ``ServiceUnavailable`` when the deadline
passes, ``ServiceCrashed`` for requests a dying worker had taken, at once for a
service the supervisor marked failed.  Heartbeats both ways detect a hung worker
(reported to the supervisor, which kills it) and let workers notice that the
bus is gone.

The broker holds memory for other processes, so it bounds it: a request for a
service that does not exist (no schema channel of that name, no worker ever
registered under it) is answered ``UnknownService`` at once and leaves nothing
behind, and one client may have at most ``max_pending_per_client`` requests
waiting or in progress; the ones beyond are answered ``LimitExceeded`` at once.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

import msgspec
import zmq

from vibing import log, schema
from vibing.protocol import CLIENT, DISCONNECT, HEARTBEAT, READY, REPLY, REQUEST, WORKER, Endpoints
from vibing.schema import encode, make_header
from vibing.schema.base import decode_header, encode_header
from vibing.schema.common import Error

logger = log.get("vibing.broker")


@dataclass
class _Pending:
    client: bytes
    header: bytes
    body: bytes
    request_id: str
    deadline: float


@dataclass
class _Worker:
    identity: bytes
    service: str
    pid: int
    expires: float
    #: (client, request id) -> deadline of each request this worker has taken and not answered.
    inflight: dict[tuple[bytes, str], float] = field(default_factory=dict)


@dataclass
class _Service:
    workers: list[_Worker] = field(default_factory=list)
    pending: deque[_Pending] = field(default_factory=deque)
    #: Set by the supervisor: "failed" or "stopped" answers at once instead of waiting.
    state: str = ""
    reason: str = ""


class Broker:
    """Routes requests to workers by service name; owned by one thread."""

    def __init__(
        self,
        context: zmq.Context,
        *,
        heartbeat_interval: float = 0.5,
        liveness: int = 6,
        default_timeout: float = 5.0,
        max_pending_per_client: int = 1000,
        known_services: Iterable[str] = schema.CHANNELS,
    ) -> None:
        self.context = context
        self.heartbeat_interval = heartbeat_interval
        self.liveness = liveness
        self.default_timeout = default_timeout
        self.max_pending_per_client = max_pending_per_client
        #: Services a request may name: the schema's channels, and any a worker registered under.
        self.known_services = set(known_services)
        self.services: dict[str, _Service] = {}
        self.workers: dict[bytes, _Worker] = {}
        #: Requests each client has waiting or in progress here (no entry at zero, so it cannot grow).
        self.pending_by_client: dict[bytes, int] = {}
        self.router = context.socket(zmq.ROUTER)
        self.router.setsockopt(zmq.LINGER, 0)
        self.router.setsockopt(zmq.ROUTER_MANDATORY, 1)
        self.events_in = context.socket(zmq.PULL)
        self.events_out = context.socket(zmq.PUB)
        for sock in (self.events_in, self.events_out):
            sock.setsockopt(zmq.LINGER, 0)
            sock.setsockopt(zmq.RCVHWM, 100_000)
            sock.setsockopt(zmq.SNDHWM, 100_000)
        #: The supervisor's end of the control pipe (PAIR over inproc).
        self.control_address = f"inproc://broker-control-{id(self)}"
        self._control = context.socket(zmq.PAIR)
        self._control.bind(self.control_address)
        self._proxy_control_address = f"inproc://proxy-control-{id(self)}"
        self._proxy_control = context.socket(zmq.PAIR)
        self._proxy_control.bind(self._proxy_control_address)
        self._threads: list[threading.Thread] = []
        self._owner: zmq.Socket | None = None
        self.endpoints: Endpoints | None = None

    # -- setup -------------------------------------------------------------

    def bind(self, specs: Endpoints) -> Endpoints:
        """Bind all three sockets; returns the real endpoints (tcp ports resolved)."""
        bound = []
        for sock, spec in (
            (self.router, specs.requests),
            (self.events_in, specs.events_in),
            (self.events_out, specs.events_out),
        ):
            sock.bind(spec)
            bound.append(sock.getsockopt_string(zmq.LAST_ENDPOINT))
        self.endpoints = Endpoints(*bound)
        return self.endpoints

    def start(self) -> None:
        """Run the broker loop and the event proxy, each in a daemon thread."""
        proxy = threading.Thread(target=self._run_proxy, name="event-proxy", daemon=True)
        loop = threading.Thread(target=self._run, name="broker", daemon=True)
        self._threads = [proxy, loop]
        proxy.start()
        loop.start()

    def control(self) -> zmq.Socket:
        """The owner's PAIR socket to this broker; use it from the owner's thread only."""
        if self._owner is None:
            self._owner = self.context.socket(zmq.PAIR)
            self._owner.setsockopt(zmq.LINGER, 0)
            self._owner.connect(self.control_address)
        return self._owner

    def stop(self) -> None:
        """Stop both threads; call from the owner's thread."""
        owner = self.control()
        owner.send(b"stop")
        self._proxy_control.send(b"TERMINATE")
        for thread in self._threads:
            thread.join(timeout=2)
        self._proxy_control.close(0)
        owner.close(0)
        self._owner = None

    def serves(self, service: str, pid: int) -> bool:
        """Whether a worker of ``service`` with this pid is registered (requests already go to it)."""
        state = self.services.get(service)
        return state is not None and any(w.pid == pid for w in list(state.workers))

    def queue_depth(self, service: str) -> int:
        state = self.services.get(service)
        if state is None:
            return 0
        try:
            return len(state.pending) + sum(len(w.inflight) for w in list(state.workers))
        except RuntimeError:
            return 0

    # -- event proxy -------------------------------------------------------

    def _run_proxy(self) -> None:
        steer = self.context.socket(zmq.PAIR)
        steer.connect(self._proxy_control_address)
        try:
            zmq.proxy_steerable(self.events_in, self.events_out, None, steer)
        except zmq.ContextTerminated:
            pass
        finally:
            steer.close(0)
            self.events_in.close(0)
            self.events_out.close(0)

    # -- request loop --------------------------------------------------------

    def _run(self) -> None:
        poller = zmq.Poller()
        poller.register(self.router, zmq.POLLIN)
        poller.register(self._control, zmq.POLLIN)
        next_beat = time.monotonic() + self.heartbeat_interval
        try:
            while True:
                timeout_ms = max(0, int((next_beat - time.monotonic()) * 1000))
                events = dict(poller.poll(timeout_ms))
                if self._control in events:
                    if not self._on_control(self._control.recv_multipart()):
                        break
                if self.router in events:
                    for _ in range(1000):
                        try:
                            frames = self.router.recv_multipart(zmq.NOBLOCK)
                        except zmq.Again:
                            break
                        self._on_frames(frames)
                now = time.monotonic()
                if now >= next_beat:
                    self._beat(now)
                    next_beat = now + self.heartbeat_interval
        except zmq.ContextTerminated:
            pass
        finally:
            self.router.close(0)
            self._control.close(0)

    def _send(self, frames: list[bytes]) -> bool:
        try:
            self.router.send_multipart(frames, zmq.NOBLOCK)
            return True
        except (zmq.Again, zmq.error.ZMQError) as exc:  # peer gone (ROUTER_MANDATORY) or full
            logger.debug("bus.drop_unroutable", reason=str(exc))
            return False

    def _on_frames(self, frames: list[bytes]) -> None:
        if len(frames) < 2:
            logger.warning("bus.malformed_frame", sender=frames[0].hex() if frames else "?", parts=len(frames))
            return
        sender, kind = frames[0], frames[1]
        if kind == CLIENT and len(frames) == 5:
            self._on_client(sender, frames[2], frames[3], frames[4])
        elif kind == WORKER and len(frames) >= 3:
            self._on_worker(sender, frames[2], frames[3:])
        else:
            logger.warning("bus.malformed_frame", sender=sender.hex(), parts=len(frames), kind=kind[:8].hex())

    def _on_client(self, client: bytes, service_raw: bytes, header_raw: bytes, body: bytes) -> None:
        try:
            header = decode_header(header_raw)
            service = service_raw.decode()
        except (msgspec.DecodeError, UnicodeDecodeError) as exc:
            logger.warning("bus.malformed_header", sender=client.hex(), error=str(exc))
            return
        if service not in self.known_services:
            self._reply_error(
                client,
                service,
                header.id,
                "UnknownService",
                f"There is no {service!r} service in Vibing. Known services: {', '.join(sorted(self.known_services))}.",
            )
            return
        held = self.pending_by_client.get(client, 0)
        if held >= self.max_pending_per_client:
            self._reply_error(
                client,
                service,
                header.id,
                "LimitExceeded",
                f"Too many requests at once: this connection already has {held} waiting for an answer "
                f"(at most {self.max_pending_per_client}). Wait for some answers, then send more.",
            )
            return
        self.pending_by_client[client] = held + 1
        timeout = header.timeout_ms / 1000 if header.timeout_ms > 0 else self.default_timeout
        pending = _Pending(client, header_raw, body, header.id, time.monotonic() + timeout)
        self._route(service, pending)

    def _release(self, client: bytes) -> None:
        """One of ``client``'s requests has left the broker (answered, failed or forgotten)."""
        held = self.pending_by_client.get(client, 0) - 1
        if held > 0:
            self.pending_by_client[client] = held
        else:
            self.pending_by_client.pop(client, None)

    def _route(self, service: str, pending: _Pending) -> None:
        """Hand the request to the newest live worker, or hold it until one registers."""
        state = self.services.setdefault(service, _Service())
        while state.workers:
            worker = state.workers[-1]
            key = (pending.client, pending.request_id)
            if key in worker.inflight:  # a client reused an id: the two share one answer, so count them once
                self._release(pending.client)
            worker.inflight[key] = pending.deadline
            if self._send([worker.identity, WORKER, REQUEST, pending.client, pending.header, pending.body]):
                return
            # Its connection is gone (it exited without saying so): forget it, try the next.
            worker.inflight.pop(key, None)
            self._remove_worker(worker, "disconnected")
        if state.state in ("failed", "stopped"):
            self._fail(pending, service, "ServiceUnavailable", self._unavailable_text(service, state))
        else:
            if not state.pending:
                self._notify(b"demand", service, 0)  # a lazily started service is wanted now
            state.pending.append(pending)

    def _fail(self, pending: _Pending, service: str, code: str, message: str) -> None:
        self._release(pending.client)
        self._reply_error(pending.client, service, pending.request_id, code, message)

    def _reply_error(self, client: bytes, service: str, request_id: str, code: str, message: str) -> None:
        header = encode_header(make_header("broker", corr=request_id))
        body = encode(Error(code=code, message=message, details={"service": service}))
        self._send([client, CLIENT, service.encode(), header, body])

    @staticmethod
    def _unavailable_text(service: str, state: _Service) -> str:
        if state.state == "failed":
            return f"The {service} service has stopped after repeated crashes and is not being restarted. {state.reason}".strip()
        if state.state == "stopped":
            return f"The {service} service is stopped."
        return (
            f"The {service} service did not come up in time; it may be starting or restarting. Try again in a moment."
        )

    def _on_worker(self, identity: bytes, command: bytes, rest: list[bytes]) -> None:
        worker = self.workers.get(identity)
        if command == READY and len(rest) == 2:
            if worker is not None:
                self._remove_worker(worker, "re-registered")
            try:
                service, pid = rest[0].decode(), int(rest[1])
            except ValueError:
                logger.warning("bus.malformed_ready", sender=identity.hex())
                return
            worker = _Worker(identity, service, pid, time.monotonic() + self.heartbeat_interval * self.liveness)
            self.workers[identity] = worker
            self.known_services.add(service)
            state = self.services.setdefault(service, _Service())
            state.workers.append(worker)
            state.state = ""
            waiting, state.pending = state.pending, deque()
            for pending in waiting:
                self._route(service, pending)
            self._notify(b"ready", service, pid)
            return
        if worker is None:
            # A worker we do not know (we restarted, or expired it): tell it to go.
            self._send([identity, WORKER, DISCONNECT])
            return
        worker.expires = time.monotonic() + self.heartbeat_interval * self.liveness
        if command == REPLY and len(rest) == 3:
            client, header_raw, body = rest
            try:
                corr = decode_header(header_raw).corr
            except msgspec.DecodeError:
                logger.warning("bus.malformed_reply", service=worker.service, pid=worker.pid)
                return
            if worker.inflight.pop((client, corr), None) is not None:
                self._release(client)
            self._send([client, CLIENT, worker.service.encode(), header_raw, body])
        elif command == HEARTBEAT:
            pass
        elif command == DISCONNECT:
            self._remove_worker(worker, "disconnected")
        else:
            logger.warning("bus.malformed_worker_frame", service=worker.service, pid=worker.pid)

    def _remove_worker(self, worker: _Worker, reason: str) -> None:
        self.workers.pop(worker.identity, None)
        state = self.services.get(worker.service)
        if state and worker in state.workers:
            state.workers.remove(worker)
        for client, request_id in worker.inflight:
            self._release(client)
            self._reply_error(
                client,
                worker.service,
                request_id,
                "ServiceCrashed",
                f"The {worker.service} service stopped ({reason}) while handling this request; "
                "it may not have been applied. Try again.",
            )
        worker.inflight.clear()

    def _beat(self, now: float) -> None:
        for worker in list(self.workers.values()):
            if now > worker.expires:
                logger.warning("bus.worker_expired", service=worker.service, pid=worker.pid)
                self._remove_worker(worker, "stopped responding")
                self._notify(b"expired", worker.service, worker.pid)
            else:
                self._send([worker.identity, WORKER, HEARTBEAT])
                for key, deadline in list(worker.inflight.items()):
                    if now > deadline + 60:  # the client gave up long ago; forget it
                        del worker.inflight[key]
                        self._release(key[0])
        for service, state in self.services.items():
            if any(p.deadline <= now for p in state.pending):
                expired = [p for p in state.pending if p.deadline <= now]
                state.pending = deque(p for p in state.pending if p.deadline > now)
                for p in expired:
                    self._fail(p, service, "ServiceUnavailable", self._unavailable_text(service, state))

    # -- control from and to the owner ------------------------------------------

    def _notify(self, what: bytes, service: str, pid: int) -> None:
        """Tell the owner (supervisor) about a worker; without an owner, nobody needs to know."""
        try:
            self._control.send_multipart([what, service.encode(), str(pid).encode()], zmq.NOBLOCK)
        except zmq.Again:
            pass

    def _on_control(self, frames: list[bytes]) -> bool:
        command = frames[0]
        if command == b"stop":
            return False
        if command == b"dead" and len(frames) == 2:
            pid = int(frames[1])
            for worker in [w for w in self.workers.values() if w.pid == pid]:
                self._remove_worker(worker, "exited")
        elif command == b"disconnect" and len(frames) == 2:
            service = frames[1].decode()
            for worker in [w for w in self.workers.values() if w.service == service]:
                self._send([worker.identity, WORKER, DISCONNECT])
        elif command == b"state" and len(frames) == 4:
            service = frames[1].decode()
            self.known_services.add(service)
            state = self.services.setdefault(service, _Service())
            state.state, state.reason = frames[2].decode(), frames[3].decode()
            if state.state in ("failed", "stopped"):
                while state.pending:
                    self._fail(
                        state.pending.popleft(), service, "ServiceUnavailable", self._unavailable_text(service, state)
                    )
        return True
