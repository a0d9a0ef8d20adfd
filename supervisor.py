"""The supervisor: starts the bus and every process, keeps them alive, stops them cleanly.

It owns the bus (broker and event proxy threads, see ``vibing.broker``), starts
the five service workers (storage, agent, stream, metrics and, on first use,
model) as forks of its zygote (:mod:`vibing.zygote`: a copy of this process
made before the bus started, so a worker starts in milliseconds and shares the
base's pages with the supervisor), then the shell window as its own program.  This module is the
loop that spawns and watches; every decision of policy (when to restart, when
to give up, what a crash leaves behind, what an exit code means, the stop
order) is asked of :mod:`vibing.supervision`.  The supervisor is each
worker's parent (a child subreaper that the zygote's double fork re-parents them
to), so it reads their exit codes on pidfds and reaps them.  Workers die with
it: each asks the kernel for SIGTERM when its parent goes, and exits on its own
when the bus stops answering.  The supervisor exits only after the zygote has
(see :func:`vibing.zygote.stop`), so no process of the app outlives it.

The zygote is watched like a worker: if it dies while the app runs (SIGKILL,
out of memory), its pidfd wakes the loop, which logs it once, writes a crash
record and starts a new one after the restart policy's backoff, as a fresh
interpreter (:func:`vibing.zygote.respawn`: this process has threads and a zmq
context by then, so it must not fork one).  A worker start meanwhile waits for
the replacement's ``Ready`` on the loop instead of failing; a zygote that keeps
dying is given up on like a worker, and every later worker start then fails with
:class:`vibing.zygote.ZygoteFailed`, which says why.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import zmq

from vibing import UPDATE_FEED_URL, __version__, install, log, schema, updates, zygote
from vibing import config as config_mod
from vibing import paths as paths_mod
from vibing.backup import restore_journal
from vibing.broker import Broker
from vibing.bus import Bus
from vibing.config import Config
from vibing.errors import ConfigError, Internal
from vibing.protocol import BusInfo, bind_specs, pid_alive
from vibing.schema.common import ServiceDown, ServiceUp
from vibing.schema.supervisor import (
    AcknowledgeCrashes,
    RestoreBackup,
    RestoreReply,
    ServiceStatus,
    Shutdown,
    Status,
    StatusReply,
    UpdateNotice,
)
from vibing.supervision import (
    EXIT_NO_WINDOW,
    EXIT_OK,
    EXIT_RUNTIME_DELETED,
    EXIT_SERVICE_FAILED,
    STOP_STAGES,
    CrashRecords,
    RestartHistory,
    RestartPolicy,
    exit_reason,
)
from vibing.worker import Worker, handles

logger = log.get("vibing.supervisor")


@dataclass
class Child:
    """One supervised process and its history."""

    name: str
    state: str = "starting"
    pid: int | None = None
    handle: Any = None
    sentinel: int | None = None
    started_at: float = 0.0
    ready_at: float = 0.0
    history: RestartHistory = field(default_factory=RestartHistory)
    last_error: str = ""
    restart_at: float | None = None

    @property
    def restarts(self) -> int:
        return self.history.restarts

    def status(self, queue_depth: int = 0) -> ServiceStatus:
        now = time.monotonic()
        uptime = now - self.ready_at if self.state == "ready" and self.ready_at else 0.0
        return ServiceStatus(
            name=self.name,
            pid=self.pid,
            state=self.state,
            uptime_s=round(uptime, 3),
            restarts=self.restarts,
            last_error=self.last_error,
            queue_depth=queue_depth,
        )


class ControlChannel(Worker):
    """The supervisor's own channel on the bus (the control verbs), served from a thread.

    Each verb only hands over to the supervisor; what it means is written in
    :mod:`vibing.supervision`.  It lives here, not there, because the worker base
    it builds on writes its crash reports through that module: a channel there
    would make the two import each other.
    """

    name = "supervisor"

    def __init__(self, supervisor: Supervisor, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.supervisor = supervisor

    @handles(Status)
    def status(self, request: Status) -> StatusReply:
        return self.supervisor.status_reply()

    @handles(AcknowledgeCrashes)
    def acknowledge(self, _request: AcknowledgeCrashes) -> None:
        self.supervisor.acknowledge_crashes()

    @handles(Shutdown)
    def shutdown(self, request: Shutdown) -> None:
        self.log.info("app.shutdown_requested", reason=request.reason)
        self.supervisor.request_stop()

    @handles(RestoreBackup)
    def restore_backup(self, request: RestoreBackup) -> RestoreReply:
        return self.supervisor.restore_backup(request)


class Supervisor:
    """The loop: spawn every child, watch its sentinel and the broker's news, restart or give up, stop in order."""

    def __init__(
        self,
        config: Config,
        paths: paths_mod.Paths,
        *,
        headless: bool = True,
        services: tuple[str, ...] = schema.SERVICES,
    ) -> None:
        self.config = config
        self.paths = paths
        self.headless = headless
        self.children = {
            name: Child(name, state="idle" if name in schema.LAZY_SERVICES else "starting") for name in services
        }
        if not headless:
            self.children["shell"] = Child("shell")
        self.started = time.monotonic()
        self.stopping = False
        #: Set when the app stops: background threads (the update check) wait on it.
        self._quit = threading.Event()
        self._wake_r, self._wake_w = socket.socketpair()
        for sock in (self._wake_r, self._wake_w):
            sock.setblocking(False)
        self._ready_announced = False
        self.dotenv = Path.cwd() / ".env"
        self.exit_code = EXIT_OK
        self.restart_policy = RestartPolicy.from_config(config)
        self.crashes = CrashRecords(paths.crash_dir)
        # The zygote, watched like a worker (see the module's docstring).
        self.zygote: zygote.Zygote | None = None
        self._zygote_pidfd: int | None = None
        self._zygote_history = RestartHistory()
        self._zygote_restart_at: float | None = None
        #: Why the zygote was given up on; set, every worker start fails with ZygoteFailed.
        self._zygote_failure = ""
        #: Workers whose start waits for the zygote's Ready (a replacement starting, or the first preloading).
        self._awaiting_zygote: dict[str, Child] = {}
        #: Services stopped for a restore (:meth:`restore_backup`): their exits are expected, none is restarted.
        self._held: set[str] = set()
        self._held_down = threading.Condition()

    # -- public ---------------------------------------------------------------------

    def request_stop(self) -> None:
        """Thread-safe: begin a graceful stop."""
        self.stopping = True
        self._quit.set()
        try:
            self._wake_w.send(b"\0")
        except OSError:
            pass

    def status_reply(self) -> StatusReply:
        return StatusReply(
            supervisor_pid=os.getpid(),
            uptime_s=round(time.monotonic() - self.started, 3),
            services=[self._child_status(c) for c in list(self.children.values())],
            endpoints=self.endpoints.to_dict(),
            unseen_crashes=self.crashes.unseen(),
            update=_update_notice(self.paths.data),
        )

    def _child_status(self, child: Child) -> ServiceStatus:
        """A child as the broker sees it: once the broker routes to a new worker, it is ready.

        The broker's "ready" reaches this loop a moment after the worker's first
        answers, so a caller that just got one must not read "starting".
        """
        status = child.status(self.broker.queue_depth(child.name))
        if child.state in ("starting", "restarting") and child.pid and self.broker.serves(child.name, child.pid):
            status.state = "ready"
        return status

    def acknowledge_crashes(self) -> None:
        self.crashes.acknowledge()

    def restore_backup(self, request: RestoreBackup) -> RestoreReply:
        """On the control thread: restore a backup into the running app (see ``vibing.backup.restore``).

        The archive is checked whole while everything still runs; then the services (not the window) are
        stopped with SIGTERM and held (not restarted), the data is swapped, migrated and checked, and the
        services are started again, whether the restore succeeded or was undone.
        """
        from vibing.backup import restore
        from vibing.errors import Conflict
        from vibing.services.storage import db as db_mod

        plan = restore.plan(Path(request.path), self.paths, latest_schema=db_mod.migrations()[-1].version)
        if plan.existing_projects and not request.replace:
            raise Conflict(
                f"{self.paths.data} holds {plan.existing_projects} project(s), and a restore replaces them (it "
                "never merges); ask again with replace once the person has agreed.",
                projects=plan.existing_projects,
            )
        names = [name for name, child in self.children.items() if name != "shell" and child.pid is not None]
        self._held.update(names)
        logger.info("app.restore_stopping", services=names, archive=request.path)
        try:
            for name in names:
                self.children[name].restart_at = None
                self._signal(self.children[name], signal.SIGTERM)
            deadline = time.monotonic() + self.config.stop_grace_s + 5
            with self._held_down:
                while any(self.children[n].pid is not None for n in names):
                    if not self._held_down.wait(timeout=max(0.0, deadline - time.monotonic())):
                        for name in names:  # past the grace: no worker may hold the database during the swap
                            if self.children[name].pid is not None:
                                self._signal(self.children[name], signal.SIGKILL)
                        deadline = time.monotonic() + 5
            done = restore.apply(
                plan, finish=restore.finisher(db_mod.migrate, db_mod.check), overwrite_agents=request.overwrite_agents
            )
        finally:
            now = time.monotonic()
            for name in names:
                self.children[name].state = "restarting"
                self.children[name].restart_at = now
            self._held.difference_update(names)
            try:
                self._wake_w.send(b"\0")
            except OSError:
                pass
        logger.info("app.restored", archive=request.path, projects=done.projects)
        return RestoreReply(
            data_dir=str(done.data_dir),
            projects=done.projects,
            versions=done.versions,
            messages=done.messages,
            files=done.files,
            agents=done.agents,
            settings=done.settings,
            agents_kept=done.agents_kept,
            missing_models=[restore.describe_missing(m) for m in done.missing_models],
            schema_from=done.schema_from,
            schema_to=done.schema_to,
            key_note=done.key_note,
        )

    def run(self) -> int:
        paths_mod.ensure(self.paths)
        existing = BusInfo.read(self.paths.bus_file)
        if existing is not None and existing.pid != os.getpid() and pid_alive(existing.pid):
            if not self.headless and focus_running_window(self.paths.bus_file):
                print(f"vibing: Vibing is already running (pid {existing.pid}); its window is now in front.")
                return EXIT_OK
            raise ConfigError(
                f"Vibing is already running for this data folder (pid {existing.pid}). "
                "Use `vibing status`, or `vibing stop` first."
            )
        # A restore killed halfway (its journal is still there) is undone before anything opens the data: the data
        # folder as it was before the restore comes back, instead of a half-swapped or empty one. The restore
        # code is imported only then: a normal launch pays for one stat, not for the restore machinery.
        if restore_journal(self.paths.data.absolute()).is_file():
            from vibing.backup import restore

            if restore.recover_interrupted(self.paths.data.absolute(), self.paths.config_file):
                paths_mod.ensure(self.paths)
                logger.warning("backup.restore_undone", data=str(self.paths.data))
                print(
                    "vibing: a restore that did not finish was undone; your data is as it was before it.",
                    file=sys.stderr,
                )
        # Normally started by `vibing run` before anything else; here for a supervisor started another way.
        # Either way before the first zmq context and thread: the zygote is a fork of this process.
        self._watch_zygote(zygote.current() or zygote.start())
        self.context = zmq.Context()
        self.broker = Broker(
            self.context,
            heartbeat_interval=self.config.heartbeat_interval_s,
            liveness=self.config.heartbeat_liveness,
            default_timeout=self.config.request_timeout_s,
            max_pending_per_client=self.config.bus_max_pending_per_client,
        )
        self.endpoints = self.broker.bind(
            bind_specs(self.config.transport, self.paths.runtime, self.config.tcp_base_port)
        )
        self.broker.start()
        self.control = self.broker.control()
        self.bus = Bus(self.endpoints, "supervisor", context=self.context)
        BusInfo(pid=os.getpid(), started=time.time(), endpoints=self.endpoints).write(self.paths.bus_file)

        self._service = ControlChannel(self, config=self.config, endpoints=self.endpoints, context=self.context)
        service_thread = threading.Thread(
            target=self._service.run, kwargs={"install_signals": False}, name="supervisor-service", daemon=True
        )
        service_thread.start()

        previous = {
            sig: signal.signal(sig, lambda *_: self.request_stop())
            for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
        }
        signal.set_wakeup_fd(self._wake_w.fileno(), warn_on_full_buffer=False)
        logger.info(
            "app.starting",
            services=list(self.children),
            headless=self.headless,
            endpoints=self.endpoints.to_dict(),
            data=str(self.paths.data),
        )
        earlier = self.crashes.unseen()
        if earlier:
            print(
                f"vibing: {len(earlier)} crash report(s) since you last looked (newest: {earlier[0].path}); "
                "`vibing status` lists them.",
                file=sys.stderr,
                flush=True,
            )
        try:
            for child in self.children.values():
                if child.state != "idle":
                    self._spawn(child)
            self._loop()
        finally:
            self._shutdown()
            if not zygote.stop():  # after the workers, so none is forked during the stop
                logger.warning("app.helper_stop_timeout", killed=["zygote"])
            self.zygote = None
            if self._zygote_pidfd is not None:
                os.close(self._zygote_pidfd)
                self._zygote_pidfd = None
            self._reap_orphans()
            self._service.stop()
            service_thread.join(timeout=2)
            self.bus.close()
            self.broker.stop()
            self.context.term()
            try:
                info = BusInfo.read(self.paths.bus_file)
                if info is not None and info.pid == os.getpid():
                    self.paths.bus_file.unlink()
            except OSError:
                pass
            signal.set_wakeup_fd(-1)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        failed = [c.name for c in self.children.values() if c.state == "failed" and c.name != "shell"]
        return self.exit_code or (EXIT_SERVICE_FAILED if failed else EXIT_OK)

    # -- spawning ---------------------------------------------------------------------

    def _spawn(self, child: Child) -> None:
        child.state = "starting" if child.restarts == 0 else "restarting"
        self.control.send_multipart([b"state", child.name.encode(), b"", b""])
        child.started_at = time.monotonic()
        child.ready_at = 0.0
        child.restart_at = None
        paths = {
            "data": str(self.paths.data),
            "logs": str(self.paths.logs),
            "crashes": str(self.paths.crash_dir),
            "runtime": str(self.paths.runtime),
            "dotenv": str(self.dotenv),
        }
        if child.name == "shell":
            env = dict(os.environ, VIBING_BUS_FILE=str(self.paths.bus_file))
            proc = subprocess.Popen([sys.executable, "-m", "vibing.shell"], env=env)
            child.handle, child.pid = proc, proc.pid
            child.sentinel = os.pidfd_open(proc.pid)
        else:
            try:
                ready = self._ready_zygote(child.name)
            except zygote.ZygoteFailed as exc:  # given up on: no worker can start until Vibing restarts
                logger.error("service.spawn_failed", service=child.name, error=exc.message)
                self._give_up(child, exc.message, pid=None)
                return
            if ready is None:  # a zygote is on its way: the loop starts this worker on its Ready
                self._awaiting_zygote[child.name] = child
                logger.info("service.awaits_zygote", service=child.name)
                return
            try:
                pid = ready.spawn(child.name, self.endpoints.to_dict(), config_mod.to_dict(self.config), paths)
            except zygote.ZygoteGone:  # it died just now: its pidfd wakes the loop, which starts a new one
                self._awaiting_zygote[child.name] = child
                logger.info("service.awaits_zygote", service=child.name)
                return
            except Internal as exc:  # the zygote could not fork (out of memory or of processes)
                logger.error("service.spawn_failed", service=child.name, error=exc.message)
                self._give_up(child, exc.message, pid=None)
                return
            # Our child (re-parented to us): its pidfd stays readable, and its exit code ours to read, until reaped.
            child.handle, child.pid, child.sentinel = None, pid, os.pidfd_open(pid)
        logger.info("service.spawned", service=child.name, pid=child.pid, restarts=child.restarts)

    # -- the zygote ------------------------------------------------------------------------

    def _watch_zygote(self, new: zygote.Zygote) -> None:
        """Make ``new`` the zygote workers are spawned from, and watch its pidfd like a worker's."""
        self.zygote = new
        self._zygote_pidfd = os.pidfd_open(new.pid)

    def _ready_zygote(self, service: str) -> zygote.Zygote | None:
        """The zygote to spawn ``service`` from, None while one is starting; ZygoteFailed if given up on."""
        if self._zygote_failure:
            raise zygote.ZygoteFailed(
                f"{service} cannot start: the worker fork server (zygote) was given up on "
                f"({self._zygote_failure}). Restart Vibing.",
                service=service,
            )
        if self.zygote is None or self.zygote.gone or not self.zygote.ready:
            return None
        return self.zygote

    def _on_zygote_ready(self) -> None:
        """The zygote's socket is readable: its Ready (then start the workers waiting for it), or its death."""
        if self.zygote is None or not self.zygote.take_ready():
            return  # dead: its pidfd says so in this same loop
        logger.info("app.zygote_ready", pid=self.zygote.pid, waiting=list(self._awaiting_zygote))
        waiting, self._awaiting_zygote = self._awaiting_zygote, {}
        for child in waiting.values():
            if not self.stopping:
                self._spawn(child)

    def _on_zygote_exit(self) -> None:
        """The zygote died: reap it, log it once, leave a crash record, and restart it or give up (the worker policy)."""
        gone = self.zygote
        assert gone is not None and self._zygote_pidfd is not None
        code = gone.reap()
        os.close(self._zygote_pidfd)
        self.zygote, self._zygote_pidfd = None, None
        zygote.forget(gone)
        self._zygote_down(gone.pid, exit_reason(code), gone.ready_at)

    def _zygote_down(self, pid: int | None, reason: str, ready_at: float) -> None:
        """Record an unexpected end of the zygote (or a failed start of one); schedule the next or give up."""
        if self.stopping:
            return
        log_file = self.paths.logs / "supervisor.log"
        now = time.monotonic()
        delay = self.restart_policy.after_exit(self._zygote_history, now=now, ready_at=ready_at)
        logger.error("app.zygote_exited", pid=pid, reason=reason, restart_in_s=delay)
        if pid is not None:
            self.crashes.write_silent_exit("zygote", pid, reason, log_file)
        if delay is not None:
            self._zygote_restart_at = now + delay
            return
        self._zygote_failure = self.restart_policy.give_up_message(
            "the worker fork server (zygote)", self._zygote_history, reason, log_file
        )
        logger.error("app.zygote_failed", message=self._zygote_failure)
        print(
            f"vibing: {self._zygote_failure} No service can start or restart until Vibing is restarted.",
            file=sys.stderr,
            flush=True,
        )
        waiting, self._awaiting_zygote = self._awaiting_zygote, {}
        for child in waiting.values():
            self._spawn(child)  # each fails with ZygoteFailed and is marked failed, saying why

    def _restart_zygote(self) -> None:
        """Start the replacement zygote, a fresh interpreter (this process has threads now: no fork)."""
        self._zygote_restart_at = None
        try:
            new = zygote.respawn()
        except OSError as exc:
            self._zygote_down(None, f"could not be started again: {exc}", 0.0)
            return
        self._watch_zygote(new)
        logger.info("app.zygote_started", pid=new.pid, restarts=self._zygote_history.restarts)

    def _exit_code(self, child: Child) -> int | None:
        handle = child.handle
        if isinstance(handle, subprocess.Popen):
            return handle.wait(timeout=1)
        try:
            _, status = os.waitpid(child.pid, 0)  # type: ignore[arg-type]
        except ChildProcessError:
            return None
        return os.waitstatus_to_exitcode(status)  # negative for a signal, as Popen says it

    def _reap_orphans(self) -> None:
        """Reap the children we did not start: as a subreaper we inherit every orphaned descendant.

        (A local engine whose model worker was killed, say.)  Peek without reaping, so a worker's or
        the shell's exit code stays for :meth:`_on_exit`, which its pidfd wakes in this same loop.
        """
        known = {c.pid for c in self.children.values() if c.pid is not None}
        if self.zygote is not None:
            known.add(self.zygote.pid)  # reaped by _on_zygote_exit, which its pidfd wakes
        while True:
            try:
                found = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
            except ChildProcessError:
                return
            if found is None or found.si_pid in known:
                return
            logger.info("app.orphan_reaped", pid=found.si_pid, code=found.si_status)
            try:
                os.waitpid(found.si_pid, 0)
            except ChildProcessError:
                return

    # -- the loop ---------------------------------------------------------------------

    def _loop(self) -> None:
        while not self.stopping:
            poller = zmq.Poller()
            poller.register(self.control, zmq.POLLIN)
            poller.register(self._wake_r, zmq.POLLIN)
            by_fd = {}
            for child in self.children.values():
                if child.sentinel is not None:
                    poller.register(child.sentinel, zmq.POLLIN)
                    by_fd[child.sentinel] = child
            if self._zygote_pidfd is not None:
                poller.register(self._zygote_pidfd, zmq.POLLIN)
            zygote_socket = None
            if self.zygote is not None and not self.zygote.ready and not self.zygote.gone:
                zygote_socket = self.zygote.fileno()
                poller.register(zygote_socket, zmq.POLLIN)
            restart_times = [c.restart_at for c in self.children.values() if c.restart_at is not None]
            if self._zygote_restart_at is not None:
                restart_times.append(self._zygote_restart_at)
            timeout = 1000
            if restart_times:
                timeout = max(0, int((min(restart_times) - time.monotonic()) * 1000))
            try:
                events = dict(poller.poll(timeout))
            except zmq.ZMQError:
                continue
            if self._wake_r in events:
                try:
                    self._wake_r.recv(4096)
                except BlockingIOError:
                    pass
            if zygote_socket is not None and zygote_socket in events:
                self._on_zygote_ready()
            if self._zygote_pidfd is not None and self._zygote_pidfd in events:
                self._on_zygote_exit()
            if self.control in events:
                while self.control.poll(0, zmq.POLLIN):
                    self._on_broker(self.control.recv_multipart())
            for fd, child in by_fd.items():
                if fd in events:
                    self._on_exit(child)
            now = time.monotonic()
            if self._zygote_restart_at is not None and now >= self._zygote_restart_at and not self.stopping:
                self._restart_zygote()
            for child in self.children.values():
                if child.restart_at is not None and now >= child.restart_at and not self.stopping:
                    self._spawn(child)
            self._reap_orphans()
            self._check_runtime_dir()

    def _check_runtime_dir(self) -> None:
        """If someone deletes the bus's runtime folder, nothing new can connect: stop cleanly, say why."""
        if self.config.transport == "ipc" and not self.paths.bus_file.exists():
            message = (
                f"The runtime folder {self.paths.runtime} (the bus's sockets) was deleted while Vibing ran; "
                "stopping cleanly. Start Vibing again with `vibing`."
            )
            logger.error("app.runtime_dir_deleted", runtime=str(self.paths.runtime))
            print(f"vibing: {message}", file=sys.stderr, flush=True)
            self.exit_code = EXIT_RUNTIME_DELETED
            self.stopping = True

    def _on_broker(self, frames: list[bytes]) -> None:
        command, service, pid = frames[0], frames[1].decode(), int(frames[2])
        child = self.children.get(service)
        if command == b"demand":
            if child is not None and child.state == "idle" and not self.stopping:
                logger.info("service.demanded", service=service)
                self._spawn(child)
            return
        if child is None or child.pid != pid:
            if command == b"ready":  # a worker we did not start (`vibing service NAME`) joined the bus
                logger.info("service.attached", service=service, pid=pid)
                self.bus.publish("service.up", ServiceUp(service=service, pid=pid))
            return
        if command == b"ready":
            child.state = "ready"
            child.ready_at = time.monotonic()
            child.last_error = child.last_error if child.restarts else ""
            logger.info(
                "service.ready",
                service=service,
                pid=pid,
                startup_ms=round((child.ready_at - child.started_at) * 1000, 1),
            )
            self.bus.publish("service.up", ServiceUp(service=service, pid=pid))
            self._announce_ready()
        elif command == b"expired":
            wait = self.config.heartbeat_interval_s * self.config.heartbeat_liveness
            child.last_error = f"stopped responding (no heartbeat for {wait:.1f} s); killed"
            logger.error("service.hung", service=service, pid=pid)
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def _announce_ready(self) -> None:
        if self._ready_announced or any(c.state not in ("ready", "idle") for c in self.children.values()):
            return
        self._ready_announced = True
        elapsed = (time.monotonic() - self.started) * 1000
        logger.info("app.ready", startup_ms=round(elapsed, 1))
        started = [c.name for c in self.children.values() if c.state == "ready"]
        idle = [c.name for c in self.children.values() if c.state == "idle"]
        print(
            f"vibing: ready in {elapsed:.0f} ms ({', '.join(started)}"
            + (f"; on first use: {', '.join(idle)}" if idle else "")
            + f"); data in {self.paths.data}",
            flush=True,
        )
        if self.config.update_feed_url or UPDATE_FEED_URL:
            threading.Thread(target=self._check_for_updates, name="update-check", daemon=True).start()

    def _check_for_updates(self) -> None:
        """Once a day while the app runs (and once at start if a day has passed): see :mod:`vibing.updates`.

        The settings are read again before each check, so switching the check off in Settings stops it
        without a restart.
        """
        while not self._quit.is_set():
            try:
                config = config_mod.load()
            except ConfigError:
                config = self.config
            feed = config.update_feed_url or UPDATE_FEED_URL
            if config.update_check and feed:
                updates.check_if_due(self.paths.data, feed)
            self._quit.wait(min(max(updates.seconds_until_due(self.paths.data), 60.0), 3600.0))

    def _on_exit(self, child: Child) -> None:
        code = self._exit_code(child)
        if child.sentinel is not None:
            os.close(child.sentinel)
        self.control.send_multipart([b"dead", str(child.pid).encode()])
        reason = exit_reason(code)
        if not child.last_error or "stopped responding" not in child.last_error:
            child.last_error = reason
        crash = self.crashes.summary_of_process(child.name, child.pid)
        if crash:
            child.last_error = f"{child.last_error}: {crash}"
        pid, child.pid, child.sentinel, child.handle = child.pid, None, None, None
        if self.stopping:
            child.state = "stopped"
            return
        if child.name in self._held:
            child.state = "stopped"
            with self._held_down:
                self._held_down.notify_all()
            return
        if pid is not None:
            self.crashes.write_silent_exit(child.name, pid, child.last_error, self.paths.logs / f"{child.name}.log")
        if child.name == "shell" and code == EXIT_NO_WINDOW:
            # no display, or the window toolkit is missing: restarting cannot help.
            child.state = "failed"
            child.last_error = (
                "the window could not open (no display, or the window toolkit is missing: the shell "
                f"said why, see {self.paths.logs / 'shell.log'}); the services keep running headless"
            )
            logger.error("service.failed", service="shell", message=child.last_error)
            return
        if child.name == "shell" and code == 0:
            # The user closed the window: that quits the app.
            logger.info("app.window_closed")
            child.state = "stopped"
            self.request_stop()
            return
        now = time.monotonic()
        delay = self.restart_policy.after_exit(child.history, now=now, ready_at=child.ready_at)
        logger.error("service.exited", service=child.name, pid=pid, reason=child.last_error)
        if delay is None:
            message = self.restart_policy.give_up_message(
                child.name, child.history, child.last_error, self.paths.logs / f"{child.name}.log"
            )
            self._give_up(child, message, pid=pid)
            return
        child.state = "restarting"
        child.restart_at = now + delay
        self.bus.publish("service.down", ServiceDown(service=child.name, pid=pid or 0, reason=child.last_error))

    def _give_up(self, child: Child, message: str, *, pid: int | None) -> None:
        """Mark ``child`` failed for good, and say so: in the log, on stderr, to the broker and on the bus."""
        child.state = "failed"
        child.last_error = message
        child.restart_at = None
        logger.error("service.failed", service=child.name, message=message)
        print(f"vibing: {message}", file=sys.stderr, flush=True)
        self.control.send_multipart([b"state", child.name.encode(), b"failed", message.encode()])
        self.bus.publish(
            "service.down", ServiceDown(service=child.name, pid=pid or 0, reason=message, restarting=False)
        )

    # -- stopping ------------------------------------------------------------------------

    def _shutdown(self) -> None:
        """Stop message, then SIGTERM, then SIGKILL, in :data:`STOP_STAGES` order.

        The window goes first, then the services that write through storage (so the stream
        service can flush its last batch and mark a cut answer), storage last.
        """
        self.stopping = True
        deadline = time.monotonic() + self.config.stop_grace_s
        for stage in STOP_STAGES + (tuple(n for n in self.children if not any(n in s for s in STOP_STAGES)),):
            for child in (self.children[name] for name in stage if name in self.children):
                child.restart_at = None
                if child.pid is not None:
                    self.control.send_multipart([b"disconnect", child.name.encode()])
                    if child.name == "shell" or child.state != "ready":
                        self._signal(child, signal.SIGTERM)
            self._wait_children(max(0.0, deadline - time.monotonic()), only=stage)
        for child in self.children.values():
            if child.pid is not None:
                logger.warning("service.stop_timeout", service=child.name, pid=child.pid)
                self._signal(child, signal.SIGTERM)
        self._wait_children(1.0)
        for child in self.children.values():
            if child.pid is not None:
                self._signal(child, signal.SIGKILL)
        self._wait_children(2.0)
        logger.info("app.stopped")

    def _signal(self, child: Child, sig: signal.Signals) -> None:
        try:
            os.kill(child.pid, sig)  # type: ignore[arg-type]
        except (ProcessLookupError, TypeError):
            pass

    def _wait_children(self, seconds: float, only: tuple[str, ...] | None = None) -> None:
        """Until the children (those named in ``only``, else all) have exited, or ``seconds`` pass."""
        deadline = time.monotonic() + seconds
        waiting = [c for c in self.children.values() if only is None or c.name in only]
        while any(c.pid is not None for c in waiting):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            poller = zmq.Poller()
            by_fd = {c.sentinel: c for c in self.children.values() if c.sentinel is not None}
            for fd in by_fd:
                poller.register(fd, zmq.POLLIN)
            for fd, _ in poller.poll(int(remaining * 1000)):
                self._on_exit(by_fd[fd])


def _update_notice(data_dir: Path) -> UpdateNotice | None:
    release = updates.newer_release(data_dir, __version__)
    if release is None:
        return None
    return UpdateNotice(current=__version__, version=release.version, date=release.date, notes_url=release.notes_url)


def focus_running_window(bus_file: Path) -> bool:
    """Ask the running app's window to come to the front; False when it has no window or does not answer.

    A second launch (the desktop entry clicked again) must never start a second supervisor on the
    same data: it shows the window that is already there, as desktop apps do.
    """
    from vibing.errors import VibingError
    from vibing.schema.shell import Focus

    try:
        with Bus.connect_running(bus_file, "launcher") as bus:
            reply = bus.request("shell", Focus(), timeout=3)
    except (VibingError, OSError):
        return False
    return bool(getattr(reply, "raised", False))


def run(*, headless: bool = True, services: tuple[str, ...] | None = None) -> int:
    """Check the installation, load config, set up logging and run the app until it is stopped."""
    install.check()
    config = config_mod.load()
    paths = paths_mod.ensure(paths_mod.resolve(config.data_dir or None))
    log.setup("supervisor", paths.logs, config.log_level)
    supervisor = Supervisor(config, paths, headless=headless, services=services or schema.SERVICES)
    return supervisor.run()
