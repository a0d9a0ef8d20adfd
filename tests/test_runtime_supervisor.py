"""The supervisor restarts crashed and hung workers, gives up on flapping ones, and leaves no orphans."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import start_app, vibing_env, wait_for_line
from vibing import schema
from vibing.errors import ServiceUnavailable
from vibing.schema.common import Ping
from vibing.schema.supervisor import Status
from vibing.supervision import wait_for_exit as wait_exit


def service_pids(bus) -> dict[str, int]:
    """The pids of the services that are running (a lazy one that was never used has none)."""
    return {s.name: s.pid for s in bus.request("supervisor", Status()).services if s.pid}


def _parent_and_name(pid: int) -> tuple[int, str]:
    """A process's parent pid and name (``/proc/PID/comm``); (0, "") if it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0, ""
    return int(stat[stat.rindex(")") + 2 :].split()[1]), stat[stat.index("(") + 1 : stat.rindex(")")]


def test_workers_are_forked_by_the_zygote_yet_children_of_the_supervisor(app):
    """The zygote's double fork re-parents each worker to the supervisor, which waits for it and reads its exit code."""
    workers = service_pids(app.bus())
    assert {name: _parent_and_name(pid) for name, pid in workers.items()} == {
        name: (app.proc.pid, f"vibing: {name}") for name in workers
    }
    # ps shows the same readable name, not the zygote's (or the supervisor's) command line
    for name, pid in workers.items():
        assert Path(f"/proc/{pid}/cmdline").read_bytes().rstrip(b"\0") == f"vibing: {name}".encode()
    children = [
        name
        for pid in (int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit())
        for ppid, name in [_parent_and_name(pid)]
        if ppid == app.proc.pid
    ]
    assert sorted(children) == sorted([f"vibing: {name}" for name in workers] + ["vibing: zygote"])


def next_event_about(events, service: str, old_pid: int, timeout: float = 10):
    """The next ``service.*`` event about ``service``, or None after ``timeout``.

    Skipped: events about other services, and the late ``service.up`` announcing ``old_pid``
    itself (a lazy worker started just before subscribing is announced by the supervisor on
    its own socket, which may reach the subscriber after the subscription's sync probe).
    """
    deadline = time.monotonic() + timeout
    while (remaining := deadline - time.monotonic()) > 0:
        event = events.recv(timeout=remaining)
        if event is None:
            return None
        if event.body.service == service and not (event.topic == "service.up" and event.body.pid == old_pid):
            return event
    return None


def test_each_killed_worker_comes_back_and_serves_again(app):
    bus = app.bus()
    for name in schema.LAZY_SERVICES:
        bus.request(name, Ping(), timeout=10)  # start it, so it can be killed too
    events = bus.subscribe("service.")
    events.sync()
    before = service_pids(bus)
    for name in schema.SERVICES:
        os.kill(before[name], signal.SIGKILL)
        down = next_event_about(events, name, before[name])
        up = next_event_about(events, name, before[name])
        assert (down.topic, down.body.service) == ("service.down", name)
        assert "SIGKILL" in down.body.reason
        assert (up.topic, up.body.service) == ("service.up", name)
        pong = bus.request(name, Ping())
        assert pong.pid == up.body.pid != before[name]
    after = bus.request("supervisor", Status()).services
    assert all(s.state == "ready" and s.restarts == 1 for s in after)


def test_a_request_sent_while_a_worker_restarts_is_served_by_the_new_one(app):
    bus = app.bus()
    old = service_pids(bus)["storage"]
    os.kill(old, signal.SIGKILL)
    pong = bus.request("storage", Ping(), timeout=10, idempotent=True)
    assert pong.pid != old


def test_a_flapping_worker_is_marked_failed_with_a_clear_message(tmp_path):
    app = start_app(tmp_path / "home", VIBING_RESTART_LIMIT="3", VIBING_RESTART_BACKOFF_S="0.01")
    try:
        bus = app.bus()
        events = bus.subscribe("service.")
        events.sync()
        for _ in range(3):
            os.kill(service_pids(bus)["metrics"], signal.SIGKILL)
            while True:
                event = events.recv(timeout=10)
                if event.topic == "service.down" and not event.body.restarting:
                    break
                if event.topic == "service.up" and event.body.service == "metrics":
                    break
        status = {s.name: s for s in bus.request("supervisor", Status()).services}
        assert status["metrics"].state == "failed"
        assert "crashed 3 times" in status["metrics"].last_error
        with pytest.raises(ServiceUnavailable, match="not being restarted"):
            bus.request("metrics", Ping(), timeout=2)
        assert bus.request("storage", Ping()).state == "ready"  # the rest keeps running
    finally:
        app.stop()


def test_a_hung_worker_is_detected_by_heartbeat_and_replaced(tmp_path):
    app = start_app(tmp_path / "home", VIBING_HEARTBEAT_INTERVAL_S="0.1", VIBING_HEARTBEAT_LIVENESS="5")
    try:
        bus = app.bus()
        events = bus.subscribe("service.up")
        events.sync()
        hung = service_pids(bus)["agent"]
        os.kill(hung, signal.SIGSTOP)
        up = events.recv(timeout=10)
        assert up.body.service == "agent" and up.body.pid != hung
        assert wait_exit(hung, 5)
        status = {s.name: s for s in bus.request("supervisor", Status()).services}
        assert "stopped responding" in status["agent"].last_error
    finally:
        app.stop()


def test_vibing_stop_ends_every_process_gracefully(app):
    for name in schema.LAZY_SERVICES:
        app.bus().request(name, Ping(), timeout=10)
    pids = service_pids(app.bus())
    result = app.cli("stop")
    assert result.returncode == 0, result.stderr
    assert "has stopped" in result.stdout
    assert app.proc.wait(timeout=10) == 0
    for pid in pids.values():
        assert wait_exit(pid, 5)
    assert not app.paths.bus_file.exists()
    stopped_at = {}
    for name in schema.SERVICES:
        log = (app.paths.logs / f"{name}.log").read_text()
        assert '"service.stopped"' in log and '"exit_code": 0' in log
        stopped_at[name] = [json.loads(line)["timestamp"] for line in log.splitlines() if '"service.stopped"' in line][
            -1
        ]
    # Writers stop before storage, so their last writes land.
    assert stopped_at["stream"] <= stopped_at["storage"] and stopped_at["agent"] <= stopped_at["storage"]


def test_sigterm_to_the_supervisor_stops_everything(app):
    pids = service_pids(app.bus())
    app.proc.send_signal(signal.SIGTERM)
    assert app.proc.wait(timeout=10) == 0
    assert all(wait_exit(pid, 5) for pid in pids.values())


def test_no_worker_survives_a_killed_supervisor(app):
    pids = service_pids(app.bus())
    app.proc.kill()
    app.proc.wait(timeout=5)
    survivors = [name for name, pid in pids.items() if not wait_exit(pid, 5)]
    assert survivors == []


def test_a_second_app_on_the_same_data_folder_is_refused(app):
    second = subprocess.run(
        [sys.executable, "-m", "vibing", "run", "--headless"], env=app.env, capture_output=True, text=True, timeout=30
    )
    assert second.returncode == 2
    assert "already running" in second.stderr


def test_status_without_a_running_app_says_how_to_start_it(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "vibing", "status"], env=vibing_env(tmp_path), capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 2
    assert "not running" in result.stderr and "vibing" in result.stderr


def test_the_runtime_dir_is_private(app):
    assert (app.paths.runtime.stat().st_mode & 0o777) == 0o700


def test_a_service_runs_alone_on_a_private_bus(tmp_path):
    from vibing.bus import Bus
    from vibing.protocol import Endpoints

    env = vibing_env(tmp_path / "home")
    proc = subprocess.Popen(
        [sys.executable, "-m", "vibing", "service", "agent", "--standalone"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        words = wait_for_line(proc, "on a private bus", 30).split()
        endpoints = Endpoints(requests=words[words.index("requests") + 2], events_in=words[-3], events_out=words[-1])
        wait_for_line(proc, "service.ready", 30)
        with Bus(endpoints, "test") as bus:
            assert bus.request("agent", Ping()).pid == proc.pid
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()


def test_a_debug_instance_attaches_to_the_running_app_and_takes_requests(app):
    bus = app.bus()
    joined = bus.subscribe("service.up")
    joined.sync()
    proc = subprocess.Popen(
        [sys.executable, "-m", "vibing", "service", "agent"],
        env=app.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        event = joined.recv(timeout=30)
        assert (event.body.service, event.body.pid) == ("agent", proc.pid)
        assert bus.request("agent", Ping()).pid == proc.pid
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
        # Its DISCONNECT and our request race on separate connections: a Ping is safe to send again.
        assert bus.request("agent", Ping(), idempotent=True).pid == service_pids(bus)["agent"]
    finally:
        if proc.poll() is None:
            proc.kill()


def test_deleting_the_runtime_folder_stops_the_app_cleanly_with_a_reason(app):
    import shutil

    pids = service_pids(app.bus())
    shutil.rmtree(app.paths.runtime)
    assert app.proc.wait(timeout=15) == 4
    assert "was deleted while Vibing ran" in app.proc.stderr.read()
    assert all(wait_exit(pid, 5) for pid in pids.values())


def test_a_corrupt_config_file_is_named_at_start(tmp_path):
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_bytes(b"\x00\xffgarbage = = =")
    result = subprocess.run(
        [sys.executable, "-m", "vibing", "run", "--headless"],
        env=vibing_env(home),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "config.toml" in result.stderr and "not valid TOML" in result.stderr


def test_a_crash_leaves_a_report_that_status_shows_until_acknowledged(app):
    bus = app.bus()
    events = bus.subscribe("service.up")
    events.sync()
    victim = service_pids(bus)["stream"]
    os.kill(victim, signal.SIGKILL)
    assert events.recv(timeout=10).body.service == "stream"
    crashes = bus.request("supervisor", Status()).unseen_crashes
    assert [c.service for c in crashes] == ["stream"]
    assert "SIGKILL" in crashes[0].summary and str(victim) in crashes[0].path
    shown = app.cli("status", "--ack")
    assert "1 crash report(s)" in shown.stdout and crashes[0].path in shown.stdout
    assert bus.request("supervisor", Status()).unseen_crashes == []
