"""The bus client: requests with ids and timeouts, publishing, subscribing.

This is the only way a process talks to another one.  A :class:`Bus` is safe to
share between threads: each thread gets its own request socket, and publishing
goes through one PUSH socket under a lock.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import msgspec
import zmq

from vibing import log, schema
from vibing.errors import AppNotRunning, BadMessage, RequestTimeout, ServiceCrashed, UnknownService, from_reply
from vibing.protocol import CLIENT, BusInfo, Endpoints, pid_alive
from vibing.schema.base import Header, decode_header, encode_header, make_header, new_id
from vibing.schema.common import Error, Probe

logger = log.get("vibing.bus")

#: Extra wait past a request's timeout so the broker's explanation arrives first.
_GRACE = 0.25


class Event(NamedTuple):
    topic: str
    header: Header
    body: Any


class Bus:
    """A connection to the bus, named after the process that owns it."""

    def __init__(
        self, endpoints: Endpoints, sender: str, *, context: zmq.Context | None = None, default_timeout: float = 5.0
    ) -> None:
        self.endpoints = endpoints
        self.sender = sender
        self.default_timeout = default_timeout
        self.context = context or zmq.Context.instance()
        self._local = threading.local()
        self._sockets: list[zmq.Socket] = []
        self._sockets_lock = threading.Lock()
        self._push_lock = threading.Lock()
        self._push: zmq.Socket | None = None
        self._closed = False

    @classmethod
    def connect_running(cls, bus_file: Path, sender: str, **kwargs: Any) -> Bus:
        """Attach to the app whose supervisor wrote ``bus_file``."""
        info = BusInfo.read(bus_file)
        if info is None or not pid_alive(info.pid):
            raise AppNotRunning(
                "Vibing is not running for this data folder. Start it with `vibing` (or `vibing run --headless`).",
                bus_file=str(bus_file),
            )
        return cls(info.endpoints, sender, **kwargs)

    # -- requests -------------------------------------------------------------

    def _dealer(self) -> zmq.Socket:
        sock = getattr(self._local, "dealer", None)
        if sock is None:
            sock = self.context.socket(zmq.DEALER)
            sock.setsockopt(zmq.LINGER, 0)
            sock.connect(self.endpoints.requests)
            self._local.dealer = sock
            with self._sockets_lock:
                self._sockets.append(sock)
        return sock

    def request(
        self, service: str, message: schema.Message, *, timeout: float | None = None, idempotent: bool = False
    ) -> Any:
        """Send ``message`` to ``service`` and return its reply.

        Raises the ``VibingError`` the service raised, ``ServiceUnavailable`` when
        no worker took it in time, ``RequestTimeout`` when no reply came.  An
        ``idempotent`` request is sent again if its worker crashed mid-way.
        """
        timeout = self.default_timeout if timeout is None else timeout
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                return self._request_once(service, message, max(remaining, 0.001))
            except ServiceCrashed:
                if not idempotent or deadline - time.monotonic() <= 0.05:
                    raise

    def _request_once(self, service: str, message: schema.Message, timeout: float) -> Any:
        if service not in schema.CHANNELS:
            raise UnknownService(
                f"There is no {service!r} service in Vibing. Known services: {', '.join(sorted(schema.CHANNELS))}.",
                service=service,
            )
        decoder = schema.reply_decoder(service)
        sock = self._dealer()
        header = make_header(self.sender, timeout_ms=max(1, int(timeout * 1000)))
        sock.send_multipart([CLIENT, service.encode(), encode_header(header), schema.encode(message)])
        wait_until = time.monotonic() + timeout + _GRACE
        while True:
            remaining_ms = int((wait_until - time.monotonic()) * 1000)
            if remaining_ms <= 0 or not sock.poll(remaining_ms, zmq.POLLIN):
                raise RequestTimeout(
                    f"The {service} service did not answer within {timeout:.1f} s.",
                    service=service,
                    request=type(message).__name__,
                )
            frames = sock.recv_multipart()
            if len(frames) != 4 or frames[0] != CLIENT:
                logger.warning("bus.malformed_reply", service=service, parts=len(frames))
                continue
            try:
                reply_header = decode_header(frames[2])
            except msgspec.DecodeError:
                logger.warning("bus.malformed_reply_header", service=service)
                continue
            if reply_header.corr != header.id:
                continue  # a late reply to an earlier request that timed out
            try:
                body = decoder.decode(frames[3])
            except msgspec.DecodeError as exc:
                raise BadMessage(
                    f"The {service} service sent a reply that could not be read: {exc}", service=service
                ) from None
            if isinstance(body, Error):
                raise from_reply(body.code, body.message, body.details)
            return body

    # -- events ---------------------------------------------------------------

    def publish(self, topic: str, event: schema.Message) -> None:
        """Queue ``event`` on ``topic``; never blocks on a slow subscriber."""
        frames = [topic.encode(), encode_header(make_header(self.sender)), schema.encode(event)]
        with self._push_lock:
            if self._push is None:
                self._push = self.context.socket(zmq.PUSH)
                self._push.setsockopt(zmq.LINGER, 1000)
                self._push.setsockopt(zmq.SNDHWM, 100_000)
                self._push.connect(self.endpoints.events_in)
            self._push.send_multipart(frames)

    def subscribe(self, *prefixes: str) -> Subscription:
        """Receive events whose topic starts with any of ``prefixes`` ("" for all)."""
        sub = Subscription(self, prefixes or ("",))
        with self._sockets_lock:
            self._sockets.append(sub.socket)
        return sub

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with self._sockets_lock:
            for sock in self._sockets:
                sock.close(0)
            self._sockets.clear()
        with self._push_lock:
            if self._push is not None:
                self._push.close()
                self._push = None

    def __enter__(self) -> Bus:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class Subscription:
    """A SUB socket; iterate it, or :meth:`recv` with a timeout.  One thread only."""

    def __init__(self, bus: Bus, prefixes: tuple[str, ...]) -> None:
        self.bus = bus
        self.socket = bus.context.socket(zmq.SUB)
        self.socket.setsockopt(zmq.LINGER, 0)
        self.socket.setsockopt(zmq.RCVHWM, 100_000)
        self.socket.connect(bus.endpoints.events_out)
        for prefix in prefixes:
            self.socket.setsockopt(zmq.SUBSCRIBE, prefix.encode())
        self._decoder = schema.event_decoder()
        #: Events that arrived while :meth:`sync` waited for its probe.
        self._held: list[Event] = []

    def add(self, prefix: str) -> None:
        self.socket.setsockopt(zmq.SUBSCRIBE, prefix.encode())

    def remove(self, prefix: str) -> None:
        self.socket.setsockopt(zmq.UNSUBSCRIBE, prefix.encode())

    def sync(self, timeout: float = 5.0) -> None:
        """Return once the subscriptions made so far are live at the proxy.

        Subscribes to a private probe topic and publishes to it until a probe
        comes back; subscriptions travel in order, so the earlier ones are live
        too.  Events on other topics received meanwhile are kept.
        """
        token = new_id()
        topic = f"_probe.{os.getpid()}.{token}"
        self.add(topic)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.bus.publish(topic, Probe(token=token))
            if self.socket.poll(20, zmq.POLLIN):
                while self.socket.poll(0, zmq.POLLIN):
                    event = self._recv_now()
                    if event is None:
                        continue
                    if event.topic == topic:
                        self.remove(topic)
                        self._drain_probes(topic)
                        return
                    self._held.append(event)
        self.remove(topic)
        raise RequestTimeout("The event bus did not confirm the subscription in time.")

    def _drain_probes(self, topic: str) -> None:
        while self.socket.poll(0, zmq.POLLIN):
            event = self._recv_now()
            if event is not None and event.topic != topic:
                self._held.append(event)

    def _recv_now(self, flags: int = 0) -> Event | None:
        frames = self.socket.recv_multipart(flags)
        if len(frames) != 3:
            logger.warning("bus.malformed_event", parts=len(frames))
            return None
        try:
            return Event(frames[0].decode(), decode_header(frames[1]), self._decoder.decode(frames[2]))
        except (msgspec.DecodeError, UnicodeDecodeError) as exc:
            logger.warning("bus.malformed_event", topic=frames[0][:80].decode(errors="replace"), error=str(exc))
            return None

    def recv(self, timeout: float | None = None) -> Event | None:
        """The next event, or None after ``timeout`` seconds (None: wait forever)."""
        if self._held:
            return self._held.pop(0)
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            try:  # the common case under load: an event is already queued, no poll needed
                event = self._recv_now(zmq.NOBLOCK)
            except zmq.Again:
                wait = -1 if deadline is None else max(0, int((deadline - time.monotonic()) * 1000))
                if not self.socket.poll(wait, zmq.POLLIN):
                    return None
                continue
            if event is not None and not event.topic.startswith("_probe."):
                return event
            if deadline is not None and time.monotonic() >= deadline:
                return None

    def __iter__(self) -> Iterator[Event]:
        while True:
            event = self.recv()
            if event is not None:
                yield event

    def close(self) -> None:
        self.socket.close(0)
