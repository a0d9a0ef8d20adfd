"""The zygote: a pre-imported copy of the supervisor that forks the workers.

Why our own and not multiprocessing's fork server: that one is a fresh
interpreter that imports the worker base a second time (the supervisor already
has it: a private copy of ~10-12 MB in each), and it brings multiprocessing's
resource tracker, a third interpreter Vibing never uses that could outlive the
app.  The zygote is instead forked by the supervisor itself (:func:`start`),
right after the supervisor has imported the shared base and before it has a
thread or a zmq context (neither survives a fork), so the base's pages are
shared by the supervisor, the zygote and every worker.  The zygote then imports
:data:`PRELOAD` (libraries the workers share, on the other core while the
supervisor goes on starting the bus), freezes the collector (:mod:`vibing.gcfreeze`)
and forks a worker for each request on a socketpair (:meth:`Zygote.spawn`:
the service's name and arguments in, its pid out).

The supervisor must still be each worker's parent: it waits for the exit code
on a pidfd, kills a hung worker, and a worker must die with it.  So the
supervisor is a *child subreaper* (``PR_SET_CHILD_SUBREAPER``) and the zygote
double-forks: it forks an intermediate that forks the worker and exits at once,
and the kernel re-parents the worker to the nearest subreaper, the supervisor.
Only once the zygote has reaped the intermediate (the re-parenting is done) does
the worker ask for ``PR_SET_PDEATHSIG``, which would otherwise fire when the
intermediate exits.  The zygote itself gets SIGKILL when the supervisor dies and
exits when its end of the socketpair closes (:func:`stop`), which the supervisor
awaits before it exits: no process of the app outlives it.

If the zygote dies while the app runs (SIGKILL, out of memory), the supervisor
notices on its pidfd, like a worker's death, and starts a new one
(:func:`respawn`).  By then the supervisor has threads and a zmq context, so
the replacement cannot be a fork of it: it is a fresh interpreter
(``python -m vibing.zygote``, its end of a new socketpair passed as an open fd)
that imports :data:`BASE` and :data:`PRELOAD` itself and then serves exactly as
the first one does: same double fork, same subreaper parent, same
``PR_SET_PDEATHSIG``.  Either zygote says :class:`Ready` once it has preloaded,
so the supervisor can wait for that on its loop instead of blocking in a spawn.

The zygote preloads the eager services' packages, so a worker (and a restart)
starts in milliseconds; the lazy ``model`` service is not among them: it is
imported by its worker, on first use only.

This module imports only msgspec and the standard library; the modules it loads
are named by string (:data:`BASE`, :data:`PRELOAD`, :data:`WORKER_ENTRY`), so it sits
in the core's bottom layer like the worker base's other helpers.
"""

from __future__ import annotations

import ctypes
import importlib
import os
import select
import signal
import socket
import subprocess
import sys
import time
from typing import Any

import msgspec

from vibing.errors import Internal

#: Imported by the supervisor before it forks the zygote: what the supervisor and every worker share.
BASE = ["vibing.worker"]
#: Imported by the zygote after the fork, while the supervisor starts the bus: third-party libraries
#: more than one worker uses, then the collector freeze (last, so it covers everything above).
PRELOAD = [f"vibing.services.{name}" for name in ("agent", "metrics", "storage", "stream")] + ["vibing.gcfreeze"]
#: The function a forked worker runs: ``main(service, endpoints, config, paths)``, it never returns.
WORKER_ENTRY = ("vibing.worker", "main")

PR_SET_PDEATHSIG = 1
PR_SET_NAME = 15
PR_SET_CHILD_SUBREAPER = 36
#: The largest spawn request (the settings and a few paths take a few kB).
_MAX_MESSAGE = 1 << 20


class Spawn(msgspec.Struct, tag=True):
    """Supervisor to zygote: fork a worker for ``service`` with these arguments."""

    service: str
    endpoints: dict[str, str]
    config: dict[str, Any]
    paths: dict[str, str]


class Spawned(msgspec.Struct, tag=True):
    """Zygote to supervisor: the worker runs, as a child of the supervisor."""

    pid: int


class SpawnFailed(msgspec.Struct, tag=True):
    """Zygote to supervisor: the fork failed (out of memory or of processes)."""

    error: str


class Ready(msgspec.Struct, tag=True):
    """Zygote to supervisor, once, first: :data:`PRELOAD` is imported, spawns are served from now on."""


class ZygoteGone(Internal):
    """The zygote exited (killed from outside, out of memory) before or while it served a spawn.

    The supervisor notices the same death on the zygote's pidfd and starts a new one; the
    worker's start waits for it.
    """


class ZygoteFailed(Internal):
    """The zygote kept dying and was given up on: no worker can be started until Vibing restarts."""


_reply_decoder = msgspec.msgpack.Decoder(Spawned | SpawnFailed | Ready)
_request_decoder = msgspec.msgpack.Decoder(Spawn)


def _prctl(option: int, value: int | bytes) -> None:
    """Call prctl(2); an OSError if the kernel refuses."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(option, value, 0, 0, 0) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"prctl({option}) failed: {os.strerror(errno)}")


def _name_process(name: str, *, title: bool = False) -> None:
    """Name the process in ``top`` (``/proc/PID/comm``, 15 bytes) and, with ``title``, in ``ps`` too.

    A worker is a fork of the zygote, so its command line is the zygote's (or the supervisor's);
    ``title`` replaces it with ``name`` through setproctitle, the library gunicorn and celery use for
    the same job (rewriting argv's memory by hand is platform-specific and easy to get wrong).
    """
    try:
        _prctl(PR_SET_NAME, name.encode()[:15])
    except OSError:
        pass
    if title:
        try:
            import setproctitle
        except ImportError:  # an install without it: the name in top is still right
            return
        setproctitle.setproctitle(name)


class Zygote:
    """The supervisor's handle on its zygote: await its :class:`Ready`, spawn workers through it, stop it.

    ``proc`` is set for a replacement started by :func:`respawn` (a fresh interpreter), so it is
    reaped through its ``Popen``; the first zygote is a plain fork, reaped with ``waitpid``.
    """

    def __init__(self, pid: int, sock: socket.socket, proc: subprocess.Popen[bytes] | None = None) -> None:
        self.pid = pid
        self._sock = sock
        self._proc = proc
        #: Monotonic time its :class:`Ready` arrived (0.0 before): the restart policy's "up since".
        self.ready_at = 0.0
        #: Its socket said end-of-file: it is gone (its pidfd says so too).
        self.gone = False

    @property
    def ready(self) -> bool:
        return self.ready_at > 0.0

    def fileno(self) -> int:
        """The socket to poll for :class:`Ready` (readable once the preload is done, or at its death)."""
        return self._sock.fileno()

    def take_ready(self) -> bool:
        """Read the :class:`Ready` its socket holds (call when :meth:`fileno` is readable); False if it died instead."""
        try:
            data = self._sock.recv(_MAX_MESSAGE)
        except OSError:
            data = b""
        if not data:
            self.gone = True
            return False
        if not isinstance(_reply_decoder.decode(data), Ready):
            raise Internal(f"The worker fork server (zygote, pid {self.pid}) spoke before it was ready.")
        self.ready_at = time.monotonic()
        return True

    def spawn(self, service: str, endpoints: dict[str, str], config: dict[str, Any], paths: dict[str, str]) -> int:
        """Fork a worker for ``service``; its pid (a child of this process, to be waited for here).

        Before the zygote is ready this waits for its :class:`Ready`.  Raises :class:`ZygoteGone`
        when the zygote has exited (its owner starts a new one), :class:`Internal` when it could not fork.
        """
        if not self.ready and not self.take_ready():
            raise self._gone(service, "it closed its socket")
        request = msgspec.msgpack.encode(Spawn(service=service, endpoints=endpoints, config=config, paths=paths))
        try:
            self._sock.sendall(request)
            data = self._sock.recv(_MAX_MESSAGE)
        except OSError as exc:
            data, reason = b"", str(exc)
        else:
            reason = "it closed its socket"
        if not data:
            self.gone = True
            raise self._gone(service, reason)
        reply = _reply_decoder.decode(data)
        if isinstance(reply, SpawnFailed):
            raise Internal(f"Could not start {service}: {reply.error}", service=service)
        if not isinstance(reply, Spawned):
            raise Internal(f"The worker fork server (zygote, pid {self.pid}) answered out of turn.", service=service)
        return reply.pid

    def _gone(self, service: str, reason: str) -> ZygoteGone:
        return ZygoteGone(
            f"The worker fork server (zygote, pid {self.pid}) has exited ({reason}); cannot start {service} "
            "until its replacement is ready.",
            service=service,
        )

    def reap(self) -> int | None:
        """Reap the exited zygote (its pidfd is readable); its exit code, negative for a signal as Popen says it."""
        self._sock.close()
        if self._proc is not None:
            return self._proc.wait()
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            return None
        return os.waitstatus_to_exitcode(status)

    def stop(self, timeout: float = 5.0) -> bool:
        """Close the socketpair (the zygote exits on end-of-file), await its exit, reap it; False if it was killed."""
        try:
            pidfd = os.pidfd_open(self.pid)
        except ProcessLookupError:
            self._sock.close()
            return True
        try:
            self._sock.close()
            exited = bool(select.select([pidfd], [], [], timeout)[0])
            if not exited:
                os.kill(self.pid, signal.SIGKILL)
                select.select([pidfd], [], [], timeout)
            self.reap()
            return exited
        finally:
            os.close(pidfd)


_current: Zygote | None = None


def current() -> Zygote | None:
    """This process's zygote, if :func:`start` has run."""
    return _current


def start() -> Zygote:
    """Import :data:`BASE`, make this process a subreaper and fork the zygote (once per process).

    Call it before this process starts a thread or a zmq context: the zygote and
    every worker are copies of this process as it is at this moment.
    """
    global _current
    if _current is not None:
        return _current
    for module in BASE:
        importlib.import_module(module)
    _prctl(PR_SET_CHILD_SUBREAPER, 1)
    supervisor_pid = os.getpid()
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the zygote
        code = 1
        try:
            ours.close()
            code = _serve(theirs, supervisor_pid)
        finally:
            os._exit(code)
    theirs.close()
    _current = Zygote(pid, ours)
    return _current


def respawn() -> Zygote:
    """Start a replacement zygote as a fresh interpreter (``python -m vibing.zygote``); it becomes :func:`current`.

    For a process that already has threads and a zmq context, where a fork would copy
    locks held by other threads: ``Popen`` forks and execs at once, and the new
    interpreter imports the preload itself.  This process must already be a subreaper
    (:func:`start` made it one), so the workers the new zygote forks become its children.
    Raises ``OSError`` if the interpreter cannot be started.
    """
    global _current
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "vibing.zygote", str(theirs.fileno()), str(os.getpid())],
            pass_fds=(theirs.fileno(),),
            stdin=subprocess.DEVNULL,
        )
    except BaseException:
        ours.close()
        raise
    finally:
        theirs.close()
    _current = Zygote(proc.pid, ours, proc)
    return _current


def forget(gone: Zygote) -> None:
    """``gone`` has exited and was reaped by its owner: it is no longer :func:`current`."""
    global _current
    if _current is gone:
        _current = None


def stop(timeout: float = 5.0) -> bool:
    """Stop this process's zygote if it runs (after every worker it forked has exited); False if it was killed."""
    global _current
    zygote, _current = _current, None
    return zygote.stop(timeout) if zygote is not None else True


# -- inside the zygote ---------------------------------------------------------------------


def _serve(sock: socket.socket, supervisor_pid: int) -> int:
    """The zygote's loop: preload, then one worker per request, until the supervisor closes the socket."""
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != supervisor_pid:  # the supervisor died before the line above
        return 0
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the supervisor's to handle
    _name_process("vibing: zygote")
    for module in PRELOAD:
        try:
            importlib.import_module(module)
        except Exception:  # noqa: BLE001
            # A service that fails to import must fail alone: its worker imports it again after the
            # fork, and that error becomes its crash report, restarts and "failed" like any crash.
            # Ending the zygote here would stop every service from starting.
            continue
    entry = getattr(importlib.import_module(WORKER_ENTRY[0]), WORKER_ENTRY[1])
    sock.sendall(msgspec.msgpack.encode(Ready()))
    while True:
        data = sock.recv(_MAX_MESSAGE)
        if not data:
            return 0
        request = _request_decoder.decode(data)
        try:
            reply: Spawned | SpawnFailed = Spawned(pid=_fork_worker(sock, supervisor_pid, entry, request))
        except OSError as exc:
            reply = SpawnFailed(error=str(exc))
        sock.sendall(msgspec.msgpack.encode(reply))


def _fork_worker(sock: socket.socket, supervisor_pid: int, entry: Any, request: Spawn) -> int:
    """Double-fork a worker (see the module's docstring); its pid, once it is the supervisor's child."""
    go_r, go_w = os.pipe()
    pid_r, pid_w = os.pipe()
    try:
        middle = os.fork()
        if middle == 0:  # the intermediate: fork the worker, say its pid, exit
            code = 1
            try:
                worker = os.fork()
                if worker == 0:
                    code = 70
                    try:
                        os.close(go_w)
                        os.close(pid_r)
                        os.close(pid_w)
                        sock.close()
                        _run_worker(go_r, supervisor_pid, entry, request)
                    finally:
                        os._exit(code)
                os.write(pid_w, worker.to_bytes(8, "little"))
                code = 0
            finally:
                os._exit(code)
        os.close(pid_w)
        pid_w = -1
        _, status = os.waitpid(middle, 0)
        raw = os.read(pid_r, 8)
        if os.waitstatus_to_exitcode(status) != 0 or len(raw) != 8:
            raise OSError(f"the intermediate process could not fork the worker (status {status})")
        os.write(go_w, b"g")  # the intermediate is reaped: the worker is the supervisor's child now
        return int.from_bytes(raw, "little")
    finally:
        for fd in (go_r, go_w, pid_r, pid_w):
            if fd >= 0:
                os.close(fd)


def _run_worker(go_r: int, supervisor_pid: int, entry: Any, request: Spawn) -> None:
    """In the worker: await the re-parenting, ask to die with the supervisor, run the service."""
    go = os.read(go_r, 1)  # a byte once re-parented; end-of-file if the zygote died meanwhile
    os.close(go_r)
    if go != b"g":  # the zygote died before it told the supervisor our pid: we would run unknown to it
        os._exit(0)
    _prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != supervisor_pid:  # the supervisor is gone already: nobody to serve
        os._exit(0)
    _name_process(f"vibing: {request.service}", title=True)
    entry(request.service, request.endpoints, request.config, request.paths)


def main(argv: list[str]) -> int:
    """A replacement zygote's entry (``python -m vibing.zygote FD SUPERVISOR_PID``, see :func:`respawn`)."""
    fd, supervisor_pid = int(argv[0]), int(argv[1])
    for module in BASE:
        importlib.import_module(module)
    return _serve(socket.socket(fileno=fd), supervisor_pid)


if __name__ == "__main__":
    # Run the module's own copy under its real name, so the messages and errors are vibing.zygote's.
    from vibing.zygote import main as _main

    sys.exit(_main(sys.argv[1:]))
