"""The bridge: UI intents become bus requests; bus events are fanned out to the pages.

One :class:`Bridge` per shell process.  It never touches the database or the
network: every intent is a request on the bus (``schema.<service>.Request``),
every update comes from a bus event.  Requests run on the HTTP server's worker
threads (the bus gives each thread its own socket), so nothing here ever blocks
a UI thread.

Events take the shortest path to the page: the bridge reads the SUB socket's raw
frames, never decodes the envelope header (nothing here needs it), checks the body
against the event schema (a malformed frame is dropped, as everywhere on the bus),
and encodes it straight to JSON with msgspec, once for every page, spliced with its
topic into a ready Server-Sent Event.

Every request field that names a place on disk is checked by
:class:`~vibing.shell.folders.FolderAccess` before it leaves the shell.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import msgspec
import zmq

from vibing import log, schema
from vibing.bus import Bus
from vibing.errors import InvalidRequest, RequestTimeout, VibingError
from vibing.shell.folders import FolderAccess

logger = log.get("shell.bridge")

#: Channels the page may send requests to (the supervisor only for its status and to acknowledge crash reports).
SERVICES = ("storage", "agent", "stream", "metrics", "supervisor", "model")
#: Requests the page must not send even though the channel accepts them.  A restore replaces every project with
#: an archive's: from the page it would need a file picked in a native dialog and a native confirmation, which it
#: does not have yet, so it stays with the CLI (``vibing backup restore``).
FORBIDDEN = {("supervisor", "Shutdown"), ("storage", "BackupDatabase"), ("supervisor", "RestoreBackup")}
#: Channels of which the page may send only these requests.  The model service: only the list of local models
#: (whether the offline model and its engine are installed, for the first-run screen and the "Use the offline
#: model" button); starting, stopping, adding or removing models stays with the CLI.
ONLY = {"model": frozenset({"ListLocalModels"})}
#: Event topics forwarded to the page (``workflow.``: the Workflows view's task states and run ends).
TOPICS = ("token.", "stream.", "generate.", "project.", "service.", "agents.", "workflow.")
#: Longest a page request may wait for its reply (generation starts reply at once).
MAX_TIMEOUT = 30.0


def request_types(service: str) -> dict[str, type]:
    """The request classes a channel accepts, by tag."""
    union = schema._module(service).Request
    members = getattr(union, "__args__", (union,))
    return {cls.__name__: cls for cls in members}


def to_json(value: Any) -> Any:
    return msgspec.to_builtins(value)


def sse(event: Any) -> bytes:
    """One Server-Sent Event carrying ``event`` (a dict or a message) as JSON."""
    return b"data: " + msgspec.json.encode(event) + b"\n\n"


def sse_with_topic(topic: str, body_json: bytes) -> bytes:
    """The event ``body_json`` (a JSON object) with ``"topic"`` added, as one Server-Sent Event."""
    return b'data: {"topic":' + msgspec.json.encode(topic) + b"," + body_json[1:] + b"\n\n"


class Client:
    """One page's event queue (an SSE connection): ready-encoded events, None to close."""

    def __init__(self, limit: int = 50_000) -> None:
        self.queue: queue.Queue[bytes | None] = queue.Queue(limit)
        self.dropped = 0

    def put(self, chunk: bytes | None) -> None:
        try:
            self.queue.put_nowait(chunk)
        except queue.Full:
            self.dropped += 1


class Bridge:
    """Forwards page intents to the bus and bus events to every connected page."""

    def __init__(self, bus: Bus, folders: FolderAccess | None = None) -> None:
        self.bus = bus
        #: The paths the page may name (none, unless the user picked or allowed them).
        self.folders = folders or FolderAccess()
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
        """Send one page request; ``{"ok": True, "reply": ...}`` or ``{"ok": False, "error": ...}`` (the bus's answer).

        Raises InvalidRequest, before anything is sent, when the page asked for something it may
        not (an unknown or forbidden request, a path nobody picked) or gave values of the wrong type.
        """
        message = self.prepare(service, type_name, body)
        timeout = min(float(timeout or self.bus.default_timeout), MAX_TIMEOUT)
        started = time.perf_counter()
        try:
            reply = self.call(lambda: self.bus.request(service, message, timeout=timeout))
        except (OverflowError, msgspec.EncodeError) as exc:  # a number the bus cannot carry (over 2**64)
            raise InvalidRequest(f"{type_name}: a value cannot be sent ({exc}).") from None
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
            return _error("Internal", f"The window could not send {type_name}: {type(exc).__name__}.")
        elapsed = (time.perf_counter() - started) * 1000
        logger.debug("bridge.request", service=service, request=type_name, ms=round(elapsed, 2))
        return {"ok": True, "reply": to_json(reply), "ms": round(elapsed, 2)}

    def prepare(self, service: str, type_name: str, body: dict[str, Any] | None) -> msgspec.Struct:
        """The request message the page asked for, checked; InvalidRequest if the page may not send it."""
        if service not in self._types:
            raise InvalidRequest(f"Unknown service {service[:80]!r}.")
        if (service, type_name) in FORBIDDEN or (service in ONLY and type_name not in ONLY[service]):
            raise InvalidRequest(f"{type_name} cannot be sent from the window.")
        cls = self._types[service].get(type_name)
        if cls is None:
            raise InvalidRequest(f"The {service} service has no request {type_name[:80]!r}.")
        try:
            message = msgspec.convert(dict(body or {}), cls, strict=False)
        except msgspec.ValidationError as exc:
            raise InvalidRequest(f"{type_name}: {exc}") from None
        return self.folders.check_message(service, type_name, message)

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
        """Send ``event`` (with its ``topic``) to every page."""
        self._fan_out(sse(event))

    def _fan_out(self, chunk: bytes) -> None:
        with self._lock:
            clients = list(self._clients)
        for client in clients:
            client.put(chunk)

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
        decoder = schema.event_decoder()
        try:
            try:
                sub.sync(timeout=5)
            except RequestTimeout:
                logger.warning("bridge.subscribe_unconfirmed")
            self._subscribed.set()
            # Events that arrived while sync() waited were decoded by it; pass them on first.
            while (event := sub.recv(timeout=0)) is not None:
                self.events_seen += 1
                self._fan_out(sse_with_topic(event.topic, msgspec.json.encode(event.body)))
            socket = sub.socket
            while not self._stop.is_set():
                if not socket.poll(250, zmq.POLLIN):
                    continue
                while True:  # everything queued, without a poll per event
                    try:
                        frames = socket.recv_multipart(zmq.NOBLOCK)
                    except zmq.Again:
                        break
                    chunk = self._relay(frames, decoder)
                    if chunk is not None:
                        self.events_seen += 1
                        self._fan_out(chunk)
        except Exception:
            if not self._stop.is_set():
                logger.exception("bridge.pump_failed")
        finally:
            self._subscribed.set()
            sub.close()

    @staticmethod
    def _relay(frames: list[bytes], decoder: msgspec.msgpack.Decoder) -> bytes | None:
        """``[topic, header, body]`` as a Server-Sent Event; None for a probe or a malformed frame.

        The header is not decoded (the page needs none of it); the body is decoded against the
        event schema only to drop what is malformed, then encoded straight to JSON.
        """
        if len(frames) != 3:
            logger.warning("bridge.malformed_event", parts=len(frames))
            return None
        if frames[0].startswith(b"_probe."):
            return None
        try:
            topic = frames[0].decode()
            body = msgspec.json.encode(decoder.decode(frames[2]))
        except (msgspec.DecodeError, UnicodeDecodeError) as exc:
            logger.warning("bridge.malformed_event", topic=frames[0][:80].decode(errors="replace"), error=str(exc))
            return None
        return sse_with_topic(topic, body)


def _safe(details: dict[str, Any]) -> dict[str, Any]:
    try:
        return msgspec.to_builtins(details, str_keys=True)
    except (TypeError, msgspec.EncodeError):
        return {k: str(v) for k, v in details.items()}


def _error(code: str, message: str) -> dict[str, Any]:
    return {"ok": False, "error": {"code": code, "message": message, "details": {}, "retryable": False}}
