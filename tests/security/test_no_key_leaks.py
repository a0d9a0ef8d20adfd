"""The API key appears nowhere Vibing writes or shows (issue 14, item 11): not in a file under the app's data,
config, log, crash or runtime folders (the database included), not in an export, not in `vibing status --json`,
and not on the command line of any process of the app (``/proc/<pid>/cmdline`` is readable by every user).

The same session runs for each place a stored key can come from: the OS keychain (a real gnome-keyring on a
private D-Bus, the key saved with `vibing key set --stdin`) and ``ANTHROPIC_API_KEY`` in the environment.  In
each, the key really reaches the configured (fake) Anthropic server, on a success and on an error path, and a
worker is killed so a crash report is written too.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import start_app, vibing_env, wait_for_line
from tests.fakes import FakeAnthropic
from vibing.schema.storage import CreateProject
from vibing.schema.stream import Generate, GenerationDone
from vibing.schema.supervisor import Status

KEY = "sk-ant-api03-" + "L3ak" * 15


def every_file_under(folder):
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            try:
                with open(path, "rb") as handle:
                    yield path, handle.read()
            except OSError:  # sockets, and files gone meanwhile
                continue


def _parent(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])  # after "(comm)": state, then the parent's pid


def app_processes(root: int) -> dict[int, bytes]:
    """The command line of ``root`` and of every process under it (workers, the zygote, helpers)."""
    parents = {int(entry): _parent(int(entry)) for entry in os.listdir("/proc") if entry.isdigit()}
    tree, grew = {root}, True
    while grew:
        found = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= found
        grew = bool(found)
    cmdlines = {}
    for pid in tree:
        try:
            cmdlines[pid] = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
    return cmdlines


def session(tmp_path: Path, home: Path, **env: str) -> dict:
    """A session that uses the stored key: a generation, a refused key, a crashed worker, status, an export."""
    with FakeAnthropic() as server:
        server.answers["page"] = "Here.\n\n```html index.html\n<h1>Hi</h1>\n```\n"
        app = start_app(home, ANTHROPIC_BASE_URL=server.url, VIBING_LOG="debug", **env)
        try:
            bus = app.bus()
            done = bus.subscribe("generate.done")
            done.sync()
            project = bus.request("storage", CreateProject(name="Leak check")).project
            server.push("normal", answer="page")
            bus.request("stream", Generate(project_id=project.id, prompt="a page"))
            event = done.recv(timeout=30)
            assert isinstance(event.body, GenerationDone) and event.body.ok, event.body
            server.push("status", status=401)  # an error path too: the key is refused
            bus.request("stream", Generate(project_id=project.id, prompt="again"))
            assert done.recv(timeout=30).body.ok is False
            workers = {s.name: s.pid for s in bus.request("supervisor", Status()).services if s.pid}
            processes = app_processes(app.proc.pid)
            os.kill(workers["stream"], signal.SIGKILL)  # a crash report is written
            status = app.cli("status", "--json")
            assert status.returncode == 0, status.stderr
            processes.update(app_processes(app.proc.pid))  # the restarted worker too
            exported = app.cli("projects", "export", "Leak check", str(tmp_path / "export"))
            assert exported.returncode == 0, exported.stderr
            runtime = app.paths.runtime
        finally:
            app.stop()
    return {
        "sent": [r.headers.get("x-api-key") for r in server.requests],
        "status": status.stdout + status.stderr,
        "processes": processes,
        "workers": workers,
        "files": list(every_file_under(home))
        + list(every_file_under(runtime))
        + list(every_file_under(tmp_path / "export")),
    }


def assert_no_leak(found: dict) -> None:
    assert KEY in found["sent"], "the key really was used"
    assert KEY not in found["status"]
    secret = KEY.encode()
    assert set(found["workers"].values()) <= set(found["processes"]), "every worker's command line was read"
    assert [pid for pid, cmdline in found["processes"].items() if secret in cmdline] == []
    paths = [path for path, _ in found["files"]]
    assert any(path.endswith((".db", ".sqlite", ".sqlite3")) for path in paths), "the database was checked"
    assert any("crashes" in path for path in paths), "a crash report was checked"
    assert any(path.endswith(".log") or "/logs/" in path for path in paths), "the logs were checked"
    assert [path for path, data in found["files"] if secret in data] == []


def test_a_key_from_the_environment_leaves_it_nowhere(tmp_path):
    assert_no_leak(session(tmp_path, tmp_path / "home", ANTHROPIC_API_KEY=KEY))


needs_keyring = pytest.mark.skipif(
    not (shutil.which("dbus-daemon") and shutil.which("gnome-keyring-daemon") and shutil.which("gdbus")),
    reason="needs dbus-daemon, gdbus and gnome-keyring-daemon (installed by .ci/install test)",
)


@pytest.fixture
def keychain(tmp_path):
    """A private session bus with an unlocked gnome-keyring; yields the environment that reaches it."""
    env = vibing_env(tmp_path / "home", HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "share"))
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    control = tmp_path / "keyring-control"
    control.mkdir(mode=0o700)
    keyring = None
    try:
        env["DBUS_SESSION_BUS_ADDRESS"] = wait_for_line(bus, "unix:", 15).strip()
        keyring = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets", "-C", str(control)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        keyring.stdin.write("test")  # the keyring's password, on stdin as --unlock reads it
        keyring.stdin.close()
        waited = subprocess.run(
            ["gdbus", "wait", "--session", "--timeout", "20", "org.freedesktop.secrets"],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert waited.returncode == 0, waited.stderr
        yield env
    finally:
        for proc in (keyring, bus):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=10)


@needs_keyring
def test_a_key_from_the_keychain_leaves_it_nowhere(tmp_path, keychain):
    home = tmp_path / "home"
    saved = subprocess.run(
        [sys.executable, "-m", "vibing", "key", "set", "--stdin"],
        env=keychain,
        input=KEY + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert saved.returncode == 0 and "to the keychain" in saved.stdout, saved.stderr
    extra = {name: keychain[name] for name in ("HOME", "XDG_DATA_HOME", "DBUS_SESSION_BUS_ADDRESS")}
    found = session(tmp_path, home, **extra)
    assert_no_leak(found)
