"""The bridge: UI intents become bus requests; bus events are fanned out to the pages.

One :class:`Bridge` per shell process.  It never touches the database or the
network: every intent is a request on the bus (``schema.<service>.Request``),
every update comes from a bus event.  Requests run on the HTTP server's worker
threads (the bus gives each thread its own socket), so nothing here ever blocks
a UI thread.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import msgspec

from vibing import log, schema
from vibing.bus import Bus
from vibing.errors import RequestTimeout, VibingError

logger = log.get("shell.bridge")

#: Channels the page may send requests to (the supervisor only for its status).
SERVICES = ("storage", "agent", "stream", "metrics", "supervisor")
#: Requests the page must not send even though the channel accepts them.
FORBIDDEN = {("supervisor", "Shutdown"), ("storage", "BackupDatabase")}
#: Event topics forwarded to the page.
TOPICS = ("token.", "stream.", "generate.", "project.", "service.", "agents.")
#: Longest a page request may wait for its reply (generation starts reply at once).
MAX_TIMEOUT = 30.0


def request_types(service: str) -> dict[str, type]:
    """The request classes a channel accepts, by tag."""
    union = schema._module(service).Request
    members = getattr(union, "__args__", (union,))
    return {cls.__name__: cls for cls in members}


def to_json(value: Any) -> Any:
    return msgspec.to_builtins(value)


class Client:
    """One page's event queue (an SSE connection)."""

    def __init__(self, limit: int = 50_000) -> None:
        self.queue: queue.Queue[dict[str, Any] | None] = queue.Queue(limit)
        self.dropped = 0

    def put(self, event: dict[str, Any]) -> None:
        try:
            self.queue.put_nowait(event)
        except queue.Full:
            self.dropped += 1


class Bridge:
    """Forwards page intents to the bus and bus events to every connected page."""

    def __init__(self, bus: Bus) -> None:
        self.bus = bus
        self._types = {svc: request_types(svc) for svc in SERVICES}
        self._clients: set[Client] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._subscribed = threading.Event()
        self.ready = threading.Event()
        self.on_ready: list[Any] = []
        self.events_seen = 0
        # Bus requests run on a small fixed pool: each thread keeps one request socket, however many
        # short-lived HTTP connection threads the pages open over a long session.
        self._pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="bridge-request")

    def call(self, func: Callable[..., Any], *args: Any) -> Any:
        """Run ``func(*args)`` (a bus request) on the bridge's pool and wait for it."""
        return self._pool.submit(func, *args).result()

    # -- intents ---------------------------------------------------------------

    def request(
        self, service: str, type_name: str, body: dict[str, Any] | None, timeout: float | None = None
    ) -> dict[str, Any]:
        """Send one request; a JSON-able ``{"ok": True, "reply": ...}`` or ``{"ok": False, "error": ...}``."""
        if service not in self._types:
            return _error("InvalidRequest", f"Unknown service {service!r}.")
        if (service, type_name) in FORBIDDEN:
            return _error("InvalidRequest", f"{type_name} cannot be sent from the window.")
        cls = self._types[service].get(type_name)
        if cls is None:
            return _error("InvalidRequest", f"The {service} service has no request {type_name!r}.")
        try:
            message = msgspec.convert(dict(body or {}), cls, strict=False)
        except msgspec.ValidationError as exc:
            return _error("InvalidRequest", f"{type_name}: {exc}")
        timeout = min(float(timeout or self.bus.default_timeout), MAX_TIMEOUT)
        started = time.perf_counter()
        try:
            reply = self.call(lambda: self.bus.request(service, message, timeout=timeout))
        except VibingError as exc:
            logger.info("bridge.request_failed", service=service, request=type_name, code=type(exc).__name__)
            return {
                "ok": False,
                "error": {
                    "code": type(exc).__name__,
                    "message": exc.message,
                    "details": _safe(exc.details),
                    "retryable": exc.retryable,
                },
            }
        except Exception as exc:  # a bug here must not take the server thread down silently
            logger.exception("bridge.request_crashed", service=service, request=type_name)
            return _error("Internal", f"The window could not send {type_name}: {type(exc).__name__}: {exc}")
        elapsed = (time.perf_counter() - started) * 1000
        logger.debug("bridge.request", service=service, request=type_name, ms=round(elapsed, 2))
        return {"ok": True, "reply": to_json(reply), "ms": round(elapsed, 2)}

    # -- events ---------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._pump, name="bridge-events", daemon=True)
        self._thread.start()
        self._subscribed.wait(10)

    def stop(self) -> None:
        self._stop.set()
        with self._lock:
            clients = list(self._clients)
        for client in clients:
            client.put(None)
        if self._thread is not None:
            self._thread.join(timeout=2)
        self._pool.shutdown(wait=False, cancel_futures=True)

    def connect(self) -> Client:
        client = Client()
        with self._lock:
            self._clients.add(client)
        return client

    def disconnect(self, client: Client) -> None:
        with self._lock:
            self._clients.discard(client)

    def broadcast(self, event: dict[str, Any]) -> None:
        with self._lock:
            clients = list(self._clients)
        for client in clients:
            client.put(event)

    def mark_ready(self, info: dict[str, Any]) -> None:
        if not self.ready.is_set():
            self.ready.set()
            for callback in list(self.on_ready):
                try:
                    callback(info)
                except Exception:
                    logger.exception("bridge.on_ready_failed")

    def _pump(self) -> None:
        sub = self.bus.subscribe(*TOPICS)
        try:
            try:
                sub.sync(timeout=5)
            except RequestTimeout:
                logger.warning("bridge.subscribe_unconfirmed")
            self._subscribed.set()
            while not self._stop.is_set():
                event = sub.recv(timeout=0.25)
                if event is None:
                    continue
                self.events_seen += 1
                body = to_json(event.body)
                body["topic"] = event.topic
                self.broadcast(body)
        except Exception:
            if not self._stop.is_set():
                logger.exception("bridge.pump_failed")
        finally:
            self._subscribed.set()
            sub.close()


def _safe(details: dict[str, Any]) -> dict[str, Any]:
    try:
        return msgspec.to_builtins(details, str_keys=True)
    except (TypeError, msgspec.EncodeError):
        return {k: str(v) for k, v in details.items()}


def _error(code: str, message: str) -> dict[str, Any]:
    return {"ok": False, "error": {"code": code, "message": message, "details": {}, "retryable": False}}
