"""A zygote that dies while the app runs is replaced, and the promise holds: a crashed worker comes back.

The zygote (vibing/zygote.py) forks every worker.  Before, its death (SIGKILL, out of
memory) made every later worker start fail until the person restarted Vibing.  Now the
supervisor watches it on a pidfd like a worker, writes a crash record, and starts a
replacement: a fresh interpreter (``python -m vibing.zygote``), since the supervisor
has threads by then and must not fork one.  Its workers are still the supervisor's
children and still die with it; a zygote that keeps dying is given up on like a
worker, and the worker starts after that fail saying why.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

from tests.conftest import start_app, vibing_env
from tests.stop_probe import run_probe
from vibing import schema
from vibing.schema.common import Ping
from vibing.schema.supervisor import Status
from vibing.supervision import wait_for_exit


def _parent_name_cmdline(pid: int) -> tuple[int, str, str]:
    """A process's parent pid, name (``/proc/PID/comm``) and command line; (0, "", "") if it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return 0, "", ""
    return int(stat[stat.rindex(")") + 2 :].split()[1]), stat[stat.index("(") + 1 : stat.rindex(")")], cmdline


def zygotes_of(supervisor: int) -> list[int]:
    """The zygote processes (by the name each gives itself) whose parent is ``supervisor``."""
    return [
        pid
        for pid in (int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit())
        if _parent_name_cmdline(pid)[:2] == (supervisor, "vibing: zygote")
    ]


def service_pids(bus) -> dict[str, int]:
    return {s.name: s.pid for s in bus.request("supervisor", Status()).services if s.pid}


def kill_worker_and_await_return(bus, events, name: str) -> tuple[int, int]:
    """SIGKILL ``name``'s worker; its old and new pid once it announced ``service.up``."""
    old = service_pids(bus)[name]
    os.kill(old, signal.SIGKILL)
    while True:
        up = events.recv(timeout=30)
        assert up is not None, f"{name} did not come back"
        # (a late copy of the old worker's own service.up may still be on its way from the app's start)
        if up.topic == "service.up" and up.body.service == name and up.body.pid != old:
            return old, up.body.pid


def test_after_the_zygote_is_killed_a_killed_worker_comes_back_serves_and_everything_is_ready(app):
    bus = app.bus()
    events = bus.subscribe("service.up")
    events.sync()
    [old_zygote] = zygotes_of(app.proc.pid)
    os.kill(old_zygote, signal.SIGKILL)
    assert wait_for_exit(old_zygote, 10)

    old, new = kill_worker_and_await_return(bus, events, "agent")
    assert bus.request("agent", Ping()).pid == new != old
    # The replacement is a fresh interpreter, the supervisor's child; its worker is the supervisor's child too.
    [new_zygote] = zygotes_of(app.proc.pid)
    assert new_zygote != old_zygote
    assert "-m vibing.zygote" in _parent_name_cmdline(new_zygote)[2]
    assert _parent_name_cmdline(new)[:2] == (app.proc.pid, "vibing: agent")
    # A lazy service (not preloaded) starts from the replacement too.
    model = bus.request("model", Ping(), timeout=30)
    assert _parent_name_cmdline(model.pid)[:2] == (app.proc.pid, "vibing: model")

    status = app.cli("status", "--json")
    assert status.returncode == 0, status.stderr
    report = json.loads(status.stdout)
    assert {s["name"]: s["state"] for s in report["services"]} == {name: "ready" for name in schema.SERVICES}
    zygote_crashes = [c for c in report["unseen_crashes"] if c["service"] == "zygote"]
    assert len(zygote_crashes) == 1, report["unseen_crashes"]
    assert str(old_zygote) in zygote_crashes[0]["path"] and "SIGKILL" in zygote_crashes[0]["summary"]
    log = (app.paths.logs / "supervisor.log").read_text()
    assert log.count('"app.zygote_exited"') == 1 and '"app.zygote_started"' in log


def test_the_replacement_zygote_and_its_workers_die_with_a_killed_supervisor(app):
    bus = app.bus()
    events = bus.subscribe("service.up")
    events.sync()
    [old_zygote] = zygotes_of(app.proc.pid)
    os.kill(old_zygote, signal.SIGKILL)
    assert wait_for_exit(old_zygote, 10)
    kill_worker_and_await_return(bus, events, "stream")
    pids = service_pids(bus)
    [new_zygote] = zygotes_of(app.proc.pid)
    app.proc.kill()
    app.proc.wait(timeout=5)
    survivors = [name for name, pid in {**pids, "zygote": new_zygote}.items() if not wait_for_exit(pid, 5)]
    assert survivors == []


def test_a_zygote_that_keeps_dying_is_given_up_on_and_worker_starts_then_fail_saying_why(tmp_path):
    app = start_app(tmp_path / "home", VIBING_RESTART_LIMIT="2", VIBING_RESTART_BACKOFF_S="0.01")
    try:
        bus = app.bus()
        events = bus.subscribe("service.")
        events.sync()
        [first] = zygotes_of(app.proc.pid)
        os.kill(first, signal.SIGKILL)
        assert wait_for_exit(first, 10)
        kill_worker_and_await_return(bus, events, "agent")  # served by the replacement
        [second] = zygotes_of(app.proc.pid)
        os.kill(second, signal.SIGKILL)  # the second death within the window: given up on
        assert wait_for_exit(second, 10)
        victim = service_pids(bus)["metrics"]
        os.kill(victim, signal.SIGKILL)
        while True:
            event = events.recv(timeout=30)
            assert event is not None, "metrics was neither restarted nor given up on"
            assert event.topic != "service.up", event
            if event.topic == "service.down" and event.body.service == "metrics" and not event.body.restarting:
                break
        status = {s.name: s for s in bus.request("supervisor", Status()).services}
        assert status["metrics"].state == "failed"
        assert "fork server (zygote) was given up on" in status["metrics"].last_error
        assert "Restart Vibing" in status["metrics"].last_error
        assert zygotes_of(app.proc.pid) == []
        assert bus.request("storage", Ping()).state == "ready"  # the rest keeps running
    finally:
        app.stop()
    stderr = app.proc.stderr.read()
    assert "the worker fork server (zygote) crashed 2 times within 30 s and will not be restarted" in stderr


def test_after_a_zygote_replacement_the_app_stops_without_orphans(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    report = run_probe(home, "zygote", vibing_env(home))
    replaced = report["replaced"]
    assert replaced is not None and len(replaced["new"]) == 1 and replaced["worker"] != replaced["killed_worker"], (
        report
    )
    assert set(report["helpers"]) == {"zygote", "zygote_replacement"}, report
    assert report["exit_code"] == 0, report
    assert report["helpers_alive"] == [], report
    assert report["orphans"] == [], report
    assert report["survivors"] == [], report
