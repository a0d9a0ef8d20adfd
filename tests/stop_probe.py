"""Start the app, stop it, and report every process of its tree that outlived the supervisor (run as a script).

This script makes itself a *child subreaper* (``PR_SET_CHILD_SUBREAPER``): a
process whose parent exits is re-parented to the nearest subreaper instead of
init.  So a process that outlives the supervisor becomes this script's child at
the very moment the supervisor exits, before the supervisor can be waited for,
and stays visible here (running, or as a zombie until this script reaps it):
found whatever the timing.

Usage: ``python tests/stop_probe.py stop|sigterm|refused|zygote`` with ``VIBING_HOME``
set.  ``refused`` first starts a second app on the same data folder (which is
refused) and reports what that one left behind, then stops the first by SIGTERM.
``zygote`` first SIGKILLs the zygote, then a worker, awaits the worker's return
(``service.up``) and reports the replacement zygote (``helpers`` names both), then
stops the app by SIGTERM.
Prints one JSON line: the supervisor's exit code, the zygote's pid while the app
ran (found by its process name), any multiprocessing helper (fork server or
resource tracker) seen then (there must be none: the app forks its workers
from its own zygote), the orphans (re-parented here) and the survivors (any
process still running with this ``VIBING_HOME``).
"""

from __future__ import annotations

import ctypes
import json
import os
import select
import signal
import subprocess
import sys
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36
#: The app's helper processes, by the name each gives itself (``/proc/PID/comm``).
HELPERS = {"zygote": b"vibing: zygote"}
#: What multiprocessing's helpers carry in their command line; the app must start none.
MP_HELPERS = (b"multiprocessing.forkserver", b"multiprocessing.resource_tracker")


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:  # a zombie has no cmdline and refuses its environ (ESRCH): it still counts
        return b""


def processes() -> dict[int, tuple[int, bytes, bytes, bytes]]:
    """Every process, zombies included: pid -> (parent pid, cmdline, environ; empty when unreadable, name)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_bytes()
            ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
            name = stat[stat.index(b"(") + 1 : stat.rindex(b")")]
        except (OSError, ValueError):  # gone meanwhile
            continue
        found[int(entry.name)] = (ppid, _read(entry / "cmdline"), _read(entry / "environ"), name)
    return found


def _replace_zygote(supervisor: int, old: int) -> dict[str, object]:
    """SIGKILL the zygote, then the agent worker; await the agent's return on the bus; the replacement zygote."""
    from vibing import paths as paths_mod
    from vibing.bus import Bus
    from vibing.schema.supervisor import Status

    with Bus.connect_running(paths_mod.resolve(None).bus_file, "stop-probe") as bus:
        events = bus.subscribe("service.up")
        events.sync()
        pidfd = os.pidfd_open(old)
        os.kill(old, signal.SIGKILL)
        select.select([pidfd], [], [], 30)
        os.close(pidfd)
        victim = next(s.pid for s in bus.request("supervisor", Status()).services if s.name == "agent")
        os.kill(victim, signal.SIGKILL)
        while True:
            up = events.recv(timeout=30)
            if up is None:
                return {"replaced": None}
            if up.body.service == "agent" and up.body.pid != victim:  # not a late copy of its first
                break
    new = [
        pid
        for pid, (ppid, _cmdline, _env, comm) in processes().items()
        if ppid == supervisor and comm == HELPERS["zygote"]
    ]
    return {"replaced": {"old": old, "new": new, "worker": up.body.pid, "killed_worker": victim}}


def main(how: str) -> int:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER) failed")
    home_marker = f"VIBING_HOME={os.environ['VIBING_HOME']}".encode()
    errors = Path(os.environ["VIBING_HOME"]) / "stop-probe-stderr.txt"
    with errors.open("wb") as stderr:
        app = subprocess.Popen(
            [sys.executable, "-m", "vibing", "run", "--headless"], stdout=subprocess.PIPE, stderr=stderr
        )
    for line in app.stdout:
        if b"vibing: ready" in line:
            break
    else:
        print(json.dumps({"error": "the app did not start", "stderr": errors.read_text(errors="replace")[-2000:]}))
        return 1
    running = processes()
    helpers = {
        name: pid
        for pid, (ppid, _cmdline, _env, comm) in running.items()
        for name, marker in HELPERS.items()
        if ppid == app.pid and comm == marker
    }
    mp_helpers = sorted(
        pid
        for pid, (_ppid, cmdline, environ, _comm) in running.items()
        if home_marker in environ.split(b"\0") and any(marker in cmdline for marker in MP_HELPERS)
    )
    extra: dict[str, object] = {}
    if how == "zygote" and "zygote" in helpers:
        extra = _replace_zygote(app.pid, helpers["zygote"])
        replaced = extra["replaced"]
        if isinstance(replaced, dict) and len(replaced["new"]) == 1:
            helpers["zygote_replacement"] = replaced["new"][0]
    if how == "refused":
        second = subprocess.run(
            [sys.executable, "-m", "vibing", "run", "--headless"], capture_output=True, text=True, timeout=60
        )
        extra["refused_exit_code"] = second.returncode
        extra["refused_orphans"] = sorted(
            pid for pid, (ppid, _cmdline, _env, _comm) in processes().items() if ppid == os.getpid() and pid != app.pid
        )
    if how == "stop":
        subprocess.run([sys.executable, "-m", "vibing", "stop"], capture_output=True, timeout=60, check=True)
    else:
        app.send_signal(signal.SIGTERM)
    code = app.wait(timeout=60)
    # The supervisor is reaped: whatever it left behind was re-parented to us by now (running or a zombie).
    table = processes()
    orphans = sorted(
        (pid, cmdline.replace(b"\0", b" ")[:120].decode(errors="replace"))
        for pid, (ppid, cmdline, _env, _comm) in table.items()
        if ppid == os.getpid()
    )
    survivors = sorted(
        (pid, cmdline.replace(b"\0", b" ")[:120].decode(errors="replace"))
        for pid, (_ppid, cmdline, environ, _comm) in table.items()
        if pid != os.getpid() and home_marker in environ.split(b"\0")
    )
    helpers_alive = sorted(name for name, pid in helpers.items() if pid in table)
    print(
        json.dumps(
            {
                "exit_code": code,
                "helpers": helpers,
                "mp_helpers": mp_helpers,
                "helpers_alive": helpers_alive,
                "orphans": orphans,
                "survivors": survivors,
                **extra,
            }
        ),
        flush=True,
    )
    for pid, _ in orphans:  # leave nothing behind ourselves either
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
    return 0


def run_probe(home: Path, how: str, env: dict[str, str]) -> dict:
    """Run this probe as its own process (it must be the subreaper) for ``home``; its JSON report."""
    result = subprocess.run(
        [sys.executable, __file__, how], env=env, cwd=home, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
