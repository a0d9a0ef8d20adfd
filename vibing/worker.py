"""The worker base: connect, register, heartbeat, serve handlers, stop gracefully.

A service is a :class:`Worker` subclass with handler methods::

    class StorageService(Worker):
        name = "storage"

        @handles(LoadProject)
        def load(self, request: LoadProject) -> ProjectReply: ...

A handler returns a reply message (``None`` means ``Ok``) or raises a
``VibingError``, which reaches the caller as the same class.  Any other
exception is logged with its traceback and answered as ``Internal``; the worker
keeps serving.  A frame that cannot be decoded is logged with its sender and
dropped (or answered ``BadMessage`` when its header names a request).
Handlers run one at a time on the worker's handler thread, while a separate
bus thread keeps the heartbeats flowing, so a handler may take as long as its
work needs without the worker looking hung (see :meth:`Worker.run`).  A service
that needs parallel work starts threads and publishes events from them
(:meth:`publish` is thread-safe).
"""

from __future__ import annotations

import ctypes
import os
import queue
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import zmq

from vibing import log, schema
from vibing.bus import Bus, Event
from vibing.config import Config
from vibing.errors import Internal, LimitExceeded, VibingError
from vibing.meter import Meter
from vibing.protocol import DISCONNECT, HEARTBEAT, READY, REPLY, REQUEST, WORKER, Endpoints
from vibing.schema.base import Header, decode_header, encode_header, make_header
from vibing.schema.common import Error, Ok, Ping, Pong
from vibing.supervision import (  # one crash-report format, beside the code that reads it
    EXIT_CRASHED,
    write_crash_report,
)

Handler = Callable[[Any, Any], Any]
#: Handed from the handler thread to the bus thread: leave the bus and close its sockets.
_BUS_STOP = b"stop"


def handles(*types: type) -> Callable[[Handler], Handler]:
    """Mark a method as the handler of the given request types."""

    def mark(func: Handler) -> Handler:
        func._handles = types  # type: ignore[attr-defined]
        return func

    return mark


def _builtin_details(details: dict[str, Any]) -> dict[str, Any]:
    try:
        return msgspec.to_builtins(details, str_keys=True)
    except (TypeError, msgspec.EncodeError):
        return {k: str(v) for k, v in details.items()}


class Worker:
    """Base of every service process.  Subclasses set ``name`` and add handlers."""

    name: str = ""
    #: Event topic prefixes this worker wants in :meth:`on_event`.
    subscriptions: tuple[str, ...] = ()
    _handlers: dict[type, str] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        handlers: dict[type, str] = {}
        for klass in reversed(cls.__mro__):
            for attr, value in vars(klass).items():
                for message_type in getattr(value, "_handles", ()):
                    handlers[message_type] = attr
        cls._handlers = handlers

    def __init__(
        self, config: Config, endpoints: Endpoints, *, data_dir: Path | None = None, context: zmq.Context | None = None
    ) -> None:
        self.config = config
        self.endpoints = endpoints
        self.data_dir = data_dir
        self.context = context or zmq.Context.instance()
        self.log = log.get(f"vibing.{self.name}")
        self.bus = Bus(endpoints, self.name, context=self.context, default_timeout=config.request_timeout_s)
        self.started = time.monotonic()
        self.handled = 0
        self.state = "starting"
        self._stopping = False
        self._request_decoder = schema.request_decoder(self.name)
        #: Requests, events and stop notes from the bus thread, for the handler thread (see :meth:`run`).
        self._inbox: queue.SimpleQueue[tuple] = queue.SimpleQueue()
        self.current_header: Header | None = None
        self.metrics = Meter(self.name)
        self.metrics.describe("vibing_requests_total", "Requests handled, by request type.")
        self.metrics.describe("vibing_request_failures_total", "Requests answered with an error, by request type.")
        self.metrics.describe("vibing_request_seconds", "Time spent handling a request, by request type.")

    # -- hooks for subclasses ----------------------------------------------------

    def setup(self) -> None:
        """Open resources before registering (the service is not ready until this returns)."""

    def teardown(self) -> None:
        """Release resources on a graceful stop."""

    def on_event(self, event: Event) -> None:
        """Called for each event matching :attr:`subscriptions`."""

    def details(self) -> dict[str, Any]:
        """Extra facts for ``Pong.details`` (shown by ``vibing status``)."""
        return {}

    def tick(self) -> None:
        """Called about every heartbeat interval, on the handler thread (never while a handler runs)."""

    def translate_error(self, exc: Exception) -> VibingError | None:
        """Turn an exception that is a known condition (not a bug) into the error a person should read."""
        return None

    # -- helpers ------------------------------------------------------------------

    def publish(self, topic: str, event: schema.Message) -> None:
        self.bus.publish(topic, event)

    def stop(self) -> None:
        """Ask the loop to finish after the current handler (thread-safe)."""
        self._stopping = True
        self._inbox.put(("stop", 0))  # SimpleQueue.put is safe in a signal handler

    @handles(Ping)
    def ping(self, _request: Ping) -> Pong:
        return Pong(
            service=self.name,
            pid=os.getpid(),
            state=self.state,
            uptime_s=round(time.monotonic() - self.started, 3),
            handled=self.handled,
            details=self.details(),
        )

    # -- the loop -----------------------------------------------------------------

    #: Requests waiting for the handler thread beyond this are refused at once with ``LimitExceeded``
    #: (the bus thread never blocks, so the queue is bounded here rather than by a socket's buffer).
    MAX_QUEUED_REQUESTS = 1000

    def run(self, *, install_signals: bool = True) -> int:
        """Serve until stopped; returns the process exit code.

        Two threads share the work.  This (the calling, usually main) thread runs ``setup``, every handler,
        ``on_event``, ``tick`` and ``teardown``, one at a time, so a service needs no locks of its own.  The
        bus thread owns the sockets: it registers, answers and sends heartbeats, reads requests and events
        into :attr:`_inbox` and sends the replies it is handed.  A handler that takes minutes (a large import,
        a backup) therefore never looks like a hung worker, while a process that is really stuck (stopped,
        or deadlocked with the interpreter lock held) stops heartbeating and is restarted.
        """
        if install_signals:
            signal.signal(signal.SIGTERM, lambda *_: self.stop())
            signal.signal(signal.SIGINT, lambda *_: self.stop())
        self.setup()
        replies_address = f"inproc://vibing-worker-replies-{id(self):x}"
        replies = self.context.socket(zmq.PAIR)
        replies.setsockopt(zmq.LINGER, 0)
        replies.setsockopt(zmq.SNDHWM, 0)  # never drop or block on a reply; the bus thread drains them
        replies.bind(replies_address)
        self._replies = replies
        bus_thread = threading.Thread(
            target=self._bus_thread, args=(replies_address,), name=f"{self.name}-bus", daemon=True
        )
        bus_thread.start()
        interval = self.config.heartbeat_interval_s
        next_tick = time.monotonic() + interval
        next_report = time.monotonic() + 1.0
        exit_code = 0
        try:
            while not self._stopping:
                try:
                    item = self._inbox.get(timeout=max(0.0, next_tick - time.monotonic()))
                except queue.Empty:
                    item = None
                if item is not None:
                    exit_code = self._on_inbox(item) or exit_code
                now = time.monotonic()
                if now >= next_tick:
                    next_tick = now + interval
                    self.tick()
                if now >= next_report:
                    next_report = now + 1.0
                    self.report_metrics()
        finally:
            self.state = "stopping"
            try:
                replies.send(_BUS_STOP)  # the bus thread says DISCONNECT to the broker and closes its sockets
            except zmq.ZMQError:
                pass
            bus_thread.join(timeout=5.0)
            try:
                self.teardown()
            finally:
                replies.close()
                self.bus.close()
                self.log.info("service.stopped", exit_code=exit_code)
        return exit_code

    def _on_inbox(self, item: tuple) -> int | None:
        """Act on one thing the bus thread queued; returns an exit code when the worker must stop."""
        kind = item[0]
        if kind == "request":
            _, client, header_raw, body = item
            reply = self._handle(client, header_raw, body)
            if reply is not None:
                self._replies.send_multipart([client, reply[0], reply[1]])
        elif kind == "event":
            self._dispatch_event(item[1])
        elif kind == "stop":
            self._stopping = True
            return item[1]
        return None

    def _bus_thread(self, replies_address: str) -> None:
        """Keep the worker on the bus (register, heartbeats, frames in, replies out) whatever the handlers do."""
        exit_code = 0
        try:
            exit_code = self._bus_loop(replies_address)
        except Exception:  # a bug here must not leave a worker that serves nothing: stop it, loudly
            self.log.exception("service.bus_thread_failed")
            exit_code = EXIT_CRASHED
        finally:
            if exit_code:
                self._stopping = True
                self._inbox.put(("stop", exit_code))

    def _bus_loop(self, replies_address: str) -> int:
        replies = self.context.socket(zmq.PAIR)
        replies.setsockopt(zmq.LINGER, 0)
        replies.connect(replies_address)
        dealer = self.context.socket(zmq.DEALER)
        dealer.setsockopt(zmq.LINGER, 0)
        dealer.connect(self.endpoints.requests)
        sub = self.bus.subscribe(*self.subscriptions) if self.subscriptions else None
        dealer.send_multipart([WORKER, READY, self.name.encode(), str(os.getpid()).encode()])
        self.state = "ready"
        self.log.info("service.ready", startup_ms=round((time.monotonic() - self.started) * 1000, 1))
        poller = zmq.Poller()
        poller.register(dealer, zmq.POLLIN)
        poller.register(replies, zmq.POLLIN)
        if sub is not None:
            poller.register(sub.socket, zmq.POLLIN)
        interval = self.config.heartbeat_interval_s
        liveness_s = interval * self.config.heartbeat_liveness
        bus_deadline = time.monotonic() + liveness_s
        next_beat = time.monotonic() + interval
        bus_lost = False
        try:
            while True:
                ready = dict(poller.poll(max(0, int((next_beat - time.monotonic()) * 1000))))
                if replies in ready:
                    for _ in range(1000):
                        try:
                            frames = replies.recv_multipart(zmq.NOBLOCK)
                        except zmq.Again:
                            break
                        if frames == [_BUS_STOP]:
                            return 0
                        dealer.send_multipart([WORKER, REPLY, *frames])
                if dealer in ready:
                    for _ in range(100):
                        try:
                            frames = dealer.recv_multipart(zmq.NOBLOCK)
                        except zmq.Again:
                            break
                        bus_deadline = time.monotonic() + liveness_s
                        self._on_frames(dealer, frames)
                if sub is not None and sub.socket in ready:
                    for _ in range(1000):
                        if not sub.socket.poll(0, zmq.POLLIN):
                            break
                        event = sub.recv(0)
                        if event is not None:
                            self._inbox.put(("event", event))
                now = time.monotonic()
                if now >= next_beat:
                    dealer.send_multipart([WORKER, HEARTBEAT])
                    next_beat = now + interval
                if now > bus_deadline and not bus_lost and not self._stopping:
                    self.log.error("service.bus_lost", waited_s=round(liveness_s, 1))
                    bus_lost = True
                    self._inbox.put(("stop", 3))
        finally:
            try:
                dealer.send_multipart([WORKER, DISCONNECT], zmq.NOBLOCK)
            except zmq.ZMQError:
                pass
            dealer.close(linger=200)  # let the DISCONNECT reach the broker
            if sub is not None:
                sub.close()
            replies.close()

    def _dispatch_event(self, event: Event) -> None:
        try:
            self.on_event(event)
        except Exception:
            self.log.exception("service.event_handler_failed", topic=event.topic)

    def _on_frames(self, dealer: zmq.Socket, frames: list[bytes]) -> None:
        """Handle one frame from the broker (on the bus thread): queue a request, or stop."""
        if len(frames) < 2 or frames[0] != WORKER:
            self.log.warning("bus.malformed_frame", parts=len(frames))
            return
        command = frames[1]
        if command == REQUEST and len(frames) == 5:
            client, header_raw, body = frames[2], frames[3], frames[4]
            if self._inbox.qsize() >= self.MAX_QUEUED_REQUESTS:
                refusal = self._refuse_busy(header_raw)
                if refusal is not None:
                    dealer.send_multipart([WORKER, REPLY, client, *refusal])
                return
            self._inbox.put(("request", client, header_raw, body))
        elif command == HEARTBEAT:
            pass
        elif command == DISCONNECT:
            self.log.info("service.stop_requested")
            self._stopping = True
            self._inbox.put(("stop", 0))
        else:
            self.log.warning("bus.malformed_frame", command=command[:8].hex(), parts=len(frames))

    def _refuse_busy(self, header_raw: bytes) -> tuple[bytes, bytes] | None:
        try:
            header = decode_header(header_raw)
        except msgspec.DecodeError:
            return None
        self.log.warning("service.queue_full", queued=self.MAX_QUEUED_REQUESTS, sender=header.sender)
        error = LimitExceeded(
            f"The {self.name} service has {self.MAX_QUEUED_REQUESTS} requests waiting; try again in a moment.",
            limit=self.MAX_QUEUED_REQUESTS,
        )
        return self._reply(header, Error(code="LimitExceeded", message=error.message, details=error.details))

    def _handle(self, client: bytes, header_raw: bytes, body: bytes) -> tuple[bytes, bytes] | None:
        try:
            header = decode_header(header_raw)
        except msgspec.DecodeError as exc:
            self.log.warning("bus.malformed_header", sender=client.hex(), error=str(exc))
            return None
        try:
            request = self._request_decoder.decode(body)
        except msgspec.DecodeError as exc:
            self.log.warning("bus.malformed_request", sender=header.sender, request_id=header.id, error=str(exc))
            return self._reply(
                header, Error(code="BadMessage", message=f"The {self.name} service could not read the request: {exc}")
            )
        handler_name = self._handlers.get(type(request))
        self.current_header = header
        start = time.perf_counter()
        try:
            if handler_name is None:
                raise Internal(f"The {self.name} service has no handler for {type(request).__name__}.")
            result = getattr(self, handler_name)(request)
            reply: schema.Message = Ok() if result is None else result
        except VibingError as exc:
            reply = Error(code=type(exc).__name__, message=exc.message, details=_builtin_details(exc.details))
        except Exception as exc:
            known = self.translate_error(exc)
            if known is not None:  # a condition of the machine (a full disk), not a bug
                self.log.error("service.request_failed", request=type(request).__name__, error=known.message)
                reply = Error(code=type(known).__name__, message=known.message, details=_builtin_details(known.details))
            else:  # a bug: keep serving, say so, keep the traceback
                self.log.exception("service.handler_failed", request=type(request).__name__)
                reply = Error(
                    code="Internal", message=f"The {self.name} service failed on {type(request).__name__}: {exc}"
                )
        finally:
            self.current_header = None
            self.handled += 1
        name = type(request).__name__
        self.metrics.inc("vibing_requests_total", request=name)
        self.metrics.observe("vibing_request_seconds", time.perf_counter() - start, request=name)
        if isinstance(reply, Error):
            self.metrics.inc("vibing_request_failures_total", request=name, code=reply.code)
        return self._reply(header, reply)

    #: Figures are re-sent at least this often even when unchanged, so a restarted metrics service
    #: (or a dashboard) sees every live process within this time.
    METRICS_REFRESH_S = 5.0

    def report_metrics(self) -> None:
        """Publish this process's figures: about once a second when they changed, else every few seconds."""
        now = time.monotonic()
        if self.metrics.changed or now - getattr(self, "_metrics_sent", 0.0) >= self.METRICS_REFRESH_S:
            self._metrics_sent = now
            self.publish("metrics.report", self.metrics.report())

    def _reply(self, header: Header, reply: schema.Message) -> tuple[bytes, bytes]:
        return encode_header(make_header(self.name, corr=header.id)), schema.encode(reply)


# -- running a service as a process ----------------------------------------------


def die_with_parent() -> None:
    """Ask Linux to SIGTERM us when our parent dies, so no worker is ever orphaned."""
    if sys.platform != "linux":
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def service_class(name: str) -> type[Worker]:
    import importlib

    module = importlib.import_module(f"vibing.services.{name}")
    return module.Service


def main(name: str, endpoints: dict[str, str], config_data: dict[str, Any], paths_data: dict[str, str]) -> None:
    """Entry point of a worker process, a fork of the supervisor's zygote (:mod:`vibing.zygote`)."""
    from vibing import config as config_mod

    die_with_parent()
    config = msgspec.convert(config_data, config_mod.Config)
    # The zygote was forked before the supervisor read the .env; pick up its secrets here.
    if paths_data.get("dotenv"):
        config_mod.export_dotenv_secrets(Path(paths_data["dotenv"]))
    logs = Path(paths_data["logs"])
    log.setup(name, logs, config.log_level, console=False)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in the terminal is the supervisor's to handle
    try:
        worker = service_class(name)(config, Endpoints.from_dict(endpoints), data_dir=Path(paths_data["data"]))
        code = worker.run()
    except BaseException as exc:
        if isinstance(exc, SystemExit):
            raise
        report = write_crash_report(Path(paths_data["crashes"]), name, traceback.format_exc())
        log.get("vibing.worker").error("service.crashed", error=str(exc), report=str(report))
        os._exit(EXIT_CRASHED)
    os._exit(code)
