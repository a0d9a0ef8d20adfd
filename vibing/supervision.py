"""The supervision policy, in one place: when a process is restarted, what a crash leaves, what an exit code means.

``supervisor.py`` runs the loop (spawn, watch the sentinels, stop in order); it
asks this module every question of policy:

- **Restart intensity** (:class:`RestartPolicy`): a worker that exits unexpectedly
  is restarted after an exponential backoff, so a worker that dies at once does
  not spin the CPU; one that crashes ``restart_limit`` times within
  ``restart_window_s`` is given up on (marked failed, with a message naming its
  log), so a broken service cannot take the rest of the app down with it.
- **Crash records** (:class:`CrashRecords`): a worker that dies of an exception
  writes its traceback to the crash folder; one that dies silently (SIGKILL, out
  of memory, hung) gets a report from the supervisor with the tail of its log.
  Reports are shown until the user acknowledges them (``vibing status --ack``),
  across restarts of the app, because a crash at night matters the next morning.
- **Exit codes** (the ``EXIT_*`` constants and :func:`exit_reason`): the codes
  Vibing's processes exit with, and the words a person reads for each.
- **Control verbs**: the supervisor's channel on the bus answers three requests
  (``vibing.schema.supervisor``): ``Status`` (the live process tree and the
  unseen crash reports), ``AcknowledgeCrashes`` (:meth:`CrashRecords.acknowledge`)
  and ``Shutdown`` (a graceful stop in :data:`STOP_STAGES` order).
  :func:`stop_running` is the client side of ``Shutdown``.

This is a core module: the worker base and the CLI use it too, so it imports
neither the supervisor nor a service.
"""

from __future__ import annotations

import os
import select
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from vibing import log
from vibing import paths as paths_mod
from vibing.bus import Bus
from vibing.config import Config
from vibing.errors import AppNotRunning
from vibing.protocol import BusInfo, pid_alive
from vibing.schema.supervisor import CrashReport, Shutdown

# -- exit codes ------------------------------------------------------------------------

#: Every process stopped cleanly.
EXIT_OK = 0
#: The supervisor stopped, and at least one service had been given up on (see :class:`RestartPolicy`).
EXIT_SERVICE_FAILED = 1
#: The ``vibing`` command refused: bad input, or the app it needs is not running (the message says which).
EXIT_REFUSED = 2
#: A worker heard nothing from the bus for ``heartbeat_interval_s * heartbeat_liveness`` and left.
EXIT_BUS_LOST = 3
#: The supervisor stopped because its runtime folder (the bus's sockets) was deleted under it.
EXIT_RUNTIME_DELETED = 4
#: A worker died of an uncaught exception (EX_SOFTWARE); its traceback is in the crash folder.
EXIT_CRASHED = 70
#: The window could not open (EX_CONFIG: no display, or no window toolkit); restarting cannot help.
EXIT_NO_WINDOW = 78
#: Ctrl+C in the terminal (128 + SIGINT).
EXIT_INTERRUPTED = 130

#: Codes whose plain "exited with code N" would mislead (the others: the crash report's last line follows it).
_REASONS = {EXIT_BUS_LOST: "lost the bus and exited"}


def exit_reason(code: int | None) -> str:
    """What an exit status means, in words (``code`` as ``Popen.returncode``: negative for a signal)."""
    if code is None:
        return "exited"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    if code in _REASONS:
        return _REASONS[code]
    return f"exited with code {code}"


# -- restart intensity -------------------------------------------------------------------


@dataclass
class RestartHistory:
    """One supervised process's unexpected exits, as the restart policy needs them."""

    #: Monotonic times of the exits within the last ``restart_window_s``.
    crashes: deque[float] = field(default_factory=deque)
    #: Exits since the process last stayed up for a whole window (sets the backoff).
    consecutive: int = 0
    #: Restarts so far (shown by ``vibing status``).
    restarts: int = 0


@dataclass(frozen=True)
class RestartPolicy:
    """Exponential backoff between restarts, and giving up on a process that keeps crashing.

    The backoff doubles with every exit in a row (``backoff_s``, 2x, 4x ... up to
    ``backoff_max_s``) and starts over once the process has stayed up for a whole
    window.  ``limit`` exits within ``window_s`` means the service is broken, not
    unlucky: restarting it again would only fill the logs.
    """

    backoff_s: float
    backoff_max_s: float
    limit: int
    window_s: float

    @classmethod
    def from_config(cls, config: Config) -> RestartPolicy:
        return cls(
            backoff_s=config.restart_backoff_s,
            backoff_max_s=config.restart_backoff_max_s,
            limit=config.restart_limit,
            window_s=config.restart_window_s,
        )

    def after_exit(self, history: RestartHistory, *, now: float, ready_at: float) -> float | None:
        """Record an unexpected exit; the delay before the restart, or None to give up.

        ``ready_at`` is when the process last became ready (0 if it never did).
        """
        if ready_at and now - ready_at > self.window_s:
            history.consecutive = 0
        history.consecutive += 1
        history.crashes.append(now)
        while history.crashes and now - history.crashes[0] > self.window_s:
            history.crashes.popleft()
        if len(history.crashes) >= self.limit:
            return None
        history.restarts += 1
        return min(self.backoff_s * 2 ** (history.consecutive - 1), self.backoff_max_s)

    def give_up_message(self, name: str, history: RestartHistory, last_error: str, log_file: Path) -> str:
        """Why ``name`` will not be restarted, and where to look."""
        return (
            f"{name} crashed {len(history.crashes)} times within {self.window_s:.0f} s "
            f"and will not be restarted. Last error: {last_error}. See {log_file}."
        )


# -- crash records -----------------------------------------------------------------------


class CrashRecords:
    """The crash folder: one text file per crash, ``<time>-<service>-<pid>.txt``, and a ``.seen`` marker.

    Plain text files, so a user can read and send them without Vibing; redacted,
    so no key ever lands in one; private (0600 in a 0700 folder), because a
    traceback can quote project content.  "Unseen" means newer than the marker's
    time, which :meth:`acknowledge` moves to now.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def _seen_marker(self) -> Path:
        return self.folder / ".seen"

    def write(self, service: str, text: str, pid: int | None = None) -> Path:
        """Keep a redacted report where ``vibing status`` and the window will show it."""
        paths_mod.private_dir(self.folder)
        path = self.folder / f"{time.strftime('%Y%m%dT%H%M%S')}-{service}-{pid or os.getpid()}.txt"
        return paths_mod.write_private_text(path, log.redact_text(text))

    def write_silent_exit(self, service: str, pid: int, reason: str, log_file: Path) -> Path | None:
        """A report for a process that died without writing its own (SIGKILL, out of memory, hung).

        Nothing is written when that process already left one (an uncaught error).
        """
        if self.of_process(service, pid):
            return None
        try:
            tail = log_file.read_text(errors="replace").splitlines()[-20:]
        except OSError:
            tail = []
        text = "\n".join(
            [f"{service} (pid {pid}) {reason}.", "", f"Last lines of {log_file}:", *tail, "", f"{service} {reason}"]
        )
        return self.write(service, text, pid=pid)

    def of_process(self, service: str, pid: int | None) -> list[Path]:
        """The reports one process left, oldest first."""
        try:
            return sorted(self.folder.glob(f"*-{service}-{pid}.txt"))
        except OSError:
            return []

    def summary_of_process(self, service: str, pid: int | None) -> str:
        """The last line of the newest report ``pid`` left (the exception, for a traceback), or ""."""
        reports = self.of_process(service, pid)
        if not reports:
            return ""
        return _summary(reports[-1])

    def unseen(self) -> list[CrashReport]:
        """Reports newer than the last acknowledgement, newest first."""
        try:
            seen = self._seen_marker.stat().st_mtime
        except OSError:
            seen = 0.0
        reports = []
        for path in self.folder.glob("*.txt"):
            try:
                when = path.stat().st_mtime
            except OSError:
                continue
            if when <= seen:
                continue
            service = path.stem.split("-")[1] if path.stem.count("-") >= 2 else "?"
            reports.append(CrashReport(path=str(path), service=service, when=when, summary=_summary(path)))
        return sorted(reports, key=lambda r: r.when, reverse=True)

    def acknowledge(self) -> None:
        """The user has seen every report so far."""
        paths_mod.private_dir(self.folder)
        paths_mod.create_private_file(self._seen_marker)
        os.utime(self._seen_marker)


def _summary(report: Path) -> str:
    try:
        lines = [line.strip() for line in report.read_text(errors="replace").splitlines() if line.strip()]
    except OSError:
        return ""
    return lines[-1] if lines else ""


def write_crash_report(crash_dir: Path, service: str, text: str, pid: int | None = None) -> Path:
    """Keep a (redacted) crash report where ``vibing status`` and the window will show it."""
    return CrashRecords(crash_dir).write(service, text, pid)


# -- control verbs -----------------------------------------------------------------------

#: Graceful stop order: the window, then whoever writes through storage (so the stream service
#: flushes its last batch and marks a cut answer), storage last.  A process named in no stage
#: stops after them all.
STOP_STAGES: tuple[tuple[str, ...], ...] = (("shell",), ("stream", "model", "agent"), ("metrics",), ("storage",))


def stop_running(paths: paths_mod.Paths, timeout: float = 15.0) -> int:
    """Ask the running app to stop (``Shutdown``) and wait until its supervisor has exited; its pid."""
    info = BusInfo.read(paths.bus_file)
    if info is None or not pid_alive(info.pid):
        raise AppNotRunning("Vibing is not running for this data folder.")
    with Bus(info.endpoints, "cli") as bus:
        bus.request("supervisor", Shutdown(reason="vibing stop"), timeout=5)
    wait_for_exit(info.pid, timeout)
    return info.pid


def wait_for_exit(pid: int, timeout: float) -> bool:
    """Wait for any process (not only a child) to exit, via a pidfd; True if it did."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([fd], [], [], timeout)[0])
    finally:
        os.close(fd)
