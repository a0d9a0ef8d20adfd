"""Start the worker fork server as early as possible, and stop it (with its resource tracker) last.

The fork server imports every service's modules once, and each worker is then
a fork of it: start-up in milliseconds and shared memory pages.  Starting it
first thing in ``vibing run`` lets those imports run on the other core while
the supervisor is still importing its own modules.  This module imports
nothing heavy on purpose (``schema`` is msgspec and a few Structs).

Starting the fork server also starts multiprocessing's resource tracker.  Both
are children of the supervisor that stop only when they read end-of-file on a
pipe whose write end the supervisor (and every worker) holds.  Left alone, that
happens only when the supervisor's own process ends, so both outlived it,
orphaned, on every stop (a test looking by luck of timing saw it 1 stop in 5;
tests/stop_probe.py sees it every time).
:func:`stop` closes those pipes while the supervisor still runs and waits for
both to exit.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import select
import signal
from multiprocessing import resource_tracker

from vibing.schema import SERVICES

#: The modules the fork server imports once (the services and the worker base).
PRELOAD = ["vibing.worker"] + [f"vibing.services.{name}" for name in SERVICES] + ["vibing.gcfreeze"]


def context() -> multiprocessing.context.BaseContext:
    """The fork-server context, started (once per process) with the preload list."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    multiprocessing.forkserver.ensure_running()
    return ctx


def helper_pids() -> dict[str, int]:
    """The pids of this process's fork server and resource tracker, those that are running."""
    pids = {
        "forkserver": multiprocessing.forkserver._forkserver._forkserver_pid,
        "resource_tracker": resource_tracker._resource_tracker._pid,
    }
    return {name: pid for name, pid in pids.items() if pid is not None}


def stop(timeout: float = 5.0) -> list[str]:
    """Stop the fork server, then the resource tracker, and reap both; the names of those that had to be killed.

    Call it after every worker has exited: each worker holds the two pipes open
    too.  The fork server goes first (it forks the workers); the tracker last,
    since it cleans up what the others may have left (shared memory, semaphores).
    Each gets ``timeout`` seconds after its pipe closes, then SIGKILL.  This
    reaches into multiprocessing's module state (CPython 3.11's ``_forkserver``
    and ``_resource_tracker``), as its own ``_stop`` helpers do, because those
    wait without a timeout; the state is cleared the same way, so a later
    :func:`context` starts fresh ones.
    """
    killed = []
    server = multiprocessing.forkserver._forkserver
    with server._lock:
        if server._forkserver_pid is not None:
            if not _end(server._forkserver_pid, server._forkserver_alive_fd, timeout):
                killed.append("forkserver")
            address = server._forkserver_address
            server._forkserver_pid = server._forkserver_alive_fd = server._forkserver_address = None
            if address and isinstance(address, str) and not address.startswith("\0"):
                try:
                    os.unlink(address)
                except OSError:
                    pass
    tracker = resource_tracker._resource_tracker
    with tracker._lock:
        if tracker._pid is not None and tracker._fd is not None:
            if not _end(tracker._pid, tracker._fd, timeout):
                killed.append("resource_tracker")
            tracker._pid = tracker._fd = None
    return killed


def _end(pid: int, alive_fd: int | None, timeout: float) -> bool:
    """Close the pipe that keeps child ``pid`` alive, await its exit on a pidfd, reap it; False if it was killed."""
    try:
        pidfd = os.pidfd_open(pid)
    except ProcessLookupError:  # already gone (and reaped)
        if alive_fd is not None:
            os.close(alive_fd)
        return True
    try:
        if alive_fd is not None:
            os.close(alive_fd)
        exited = bool(select.select([pidfd], [], [], timeout)[0])
        if not exited:
            os.kill(pid, signal.SIGKILL)
            select.select([pidfd], [], [], timeout)
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:  # reaped elsewhere (multiprocessing checks it with WNOHANG)
            pass
        return exited
    finally:
        os.close(pidfd)
