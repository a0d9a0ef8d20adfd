"""The installed bundle works as a person gets it: no Python of the machine, every process from the bundle.

The checks of an installed bundle run when ``VIBING_BUNDLE`` names its ``vibing`` binary (``.ci/bundle`` builds
the bundle with ``packaging/build``, installs the .deb and sets ``VIBING_BUNDLE=/usr/bin/vibing``); otherwise they
are skipped, so the normal test run never builds.  ``VIBING_BUNDLE_HOME`` (optional) is the fresh HOME the
installed app runs in; ``.ci/bundle`` keeps it to check that removing the package leaves the data alone.

The dispatch of the bundle's binary (:mod:`vibing.frozen`) is tested here without a bundle too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest

from vibing import frozen
from vibing.bench.app import process_tree, read_line
from vibing.bus import Bus
from vibing.protocol import Endpoints
from vibing.schema.common import Ping, Pong
from vibing.supervision import wait_for_exit

BUNDLE = os.environ.get("VIBING_BUNDLE", "")
#: Paths no process of the bundled app may load a file from: a system or pyenv Python, a virtualenv, a checkout.
FOREIGN = ("/usr/lib/python3", "/usr/local/lib/python3", "/.pyenv/", "/.venv/", "site-packages", "dist-packages")
KEY = "sk-ant-bundle-" + "b" * 30

needs_bundle = pytest.mark.skipif(
    not BUNDLE,
    reason="no installed bundle: build it with packaging/build, install the .deb, then set VIBING_BUNDLE=/usr/bin/vibing "
    "(.ci/bundle does all three)",
)


# -- the binary's dispatch, without a bundle ---------------------------------------------------------------------


def test_the_binary_runs_only_the_apps_own_modules(capsys):
    assert frozen.dispatch(["-m", "http.server"]) == frozen.EXIT_USAGE
    assert "runs only the app's own processes" in capsys.readouterr().err
    assert frozen.dispatch(["-m"]) == frozen.EXIT_USAGE


def test_the_binary_runs_only_its_own_engine_script(tmp_path, capsys):
    stranger = tmp_path / "llama_server.py"
    stranger.write_text("raise SystemExit('must not run')\n")
    assert frozen.dispatch([str(stranger)]) == frozen.EXIT_USAGE
    assert "runs only its own llama_server.py" in capsys.readouterr().err
    assert frozen.dispatch([str(tmp_path / "other.py")]) == frozen.EXIT_USAGE


def test_anything_else_is_the_vibing_command(capsys):
    with pytest.raises(SystemExit) as exit_info:
        frozen.dispatch(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("vibing ")


def test_a_module_runs_as_main():
    # -m vibing.zygote reaches the zygote's own entry, which needs its socket and the supervisor's pid.
    code = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from vibing import frozen; sys.exit(frozen.dispatch(['-m', 'vibing.zygote']))",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert code.returncode == 1 and "IndexError" in code.stderr


# -- the installed bundle ---------------------------------------------------------------------------------------


def bundle_dir() -> Path:
    """The bundle's folder (``/opt/vibing`` for the .deb): where the binary really lives."""
    return Path(os.path.realpath(BUNDLE)).parent


def app_env(home: Path, runtime: Path, **extra: str) -> dict[str, str]:
    """The environment of a person's session: no variable of this test's Python, a fresh HOME of its own."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "LANG": "C.UTF-8",
        # The CI machine runs as root, where Chromium's sandbox cannot start (the bench and tests do the same).
        "QTWEBENGINE_DISABLE_SANDBOX": "1",
    }
    env.update(extra)
    return env


class Installed:
    """The installed app, launched from its binary under Xvfb with a fresh HOME."""

    def __init__(self, home: Path, upstream_url: str) -> None:
        self.home = home
        self.runtime = Path(tempfile.mkdtemp(prefix="vibing-bundle-run-"))
        os.chmod(self.runtime, 0o700)
        number = next(n for n in range(120, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
        self.display = f":{number}"
        self.xvfb = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 15
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            assert time.monotonic() < deadline, "Xvfb did not start"
            assert self.xvfb.poll() is None, "Xvfb exited"
            time.sleep(0.05)
        self.env = app_env(
            home, self.runtime, DISPLAY=self.display, ANTHROPIC_BASE_URL=upstream_url, ANTHROPIC_API_KEY=KEY
        )
        self.proc = subprocess.Popen(
            [BUNDLE], env=self.env, cwd=home, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        self.seen: set[int] = set()

    def cli(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run(
            [BUNDLE, *args], env=self.env, cwd=self.home, capture_output=True, text=True, timeout=timeout
        )

    def pids(self) -> list[int]:
        """Every process of the app now (the supervisor's tree: zygote, workers, shell, web engine); remembered."""
        found = process_tree(self.proc.pid) if self.proc.poll() is None else []
        self.seen.update(found)
        return found

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.xvfb.terminate()
        self.xvfb.wait(10)
        shutil.rmtree(self.runtime, ignore_errors=True)


@pytest.fixture(scope="module")
def upstream():
    from tests.fakes import FakeAnthropic

    with FakeAnthropic() as server:
        yield server


@pytest.fixture(scope="module")
def installed(upstream, tmp_path_factory):
    home = Path(os.environ.get("VIBING_BUNDLE_HOME") or tmp_path_factory.mktemp("bundle-home"))
    home.mkdir(parents=True, exist_ok=True)
    app = Installed(home, upstream.url)
    try:
        yield app
    finally:
        app.stop()


@needs_bundle
def test_the_binary_runs_with_no_python_in_its_environment(tmp_path):
    result = subprocess.run(
        [BUNDLE, "--version"], env=app_env(tmp_path, tmp_path), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.startswith("vibing "), result.stderr


@needs_bundle
def test_the_installed_app_starts_every_service(installed):
    try:
        read_line(installed.proc, "vibing: ready", 120)
    except RuntimeError:
        pytest.fail(f"the installed app did not become ready: {installed.proc.stderr.read()[-3000:]}")
    status = installed.cli("status", "--json", timeout=30)
    assert status.returncode == 0, status.stdout + status.stderr
    services = {s["name"]: s["state"] for s in json.loads(status.stdout)["services"]}
    assert services and all(state in ("ready", "idle") for state in services.values()), services
    assert services["shell"] == "ready"


@needs_bundle
def test_the_window_is_painted(installed, tmp_path):
    read_line(installed.proc, "vibing: window ready", 120)
    shot = tmp_path / "window.png"
    subprocess.run(["import", "-display", installed.display, "-window", "root", str(shot)], check=True, timeout=60)
    rgb = subprocess.run(["convert", str(shot), "-depth", "8", "rgb:-"], check=True, capture_output=True).stdout
    pixels = Counter(rgb[i : i + 3] for i in range(0, len(rgb), 3))
    background, most = pixels.most_common(1)[0]
    # A blank screen is one colour; the projects page has text, buttons and icons in many shades.
    assert len(pixels) >= 64, f"only {len(pixels)} colours on screen"
    assert most / sum(pixels.values()) < 0.9, f"{most} of the pixels are {background.hex()}"


@needs_bundle
def test_every_process_of_the_app_comes_from_the_bundle(installed):
    read_line(installed.proc, "vibing: window ready", 120)
    home = str(bundle_dir())
    pids = installed.pids()
    names = {}
    for pid in pids:
        try:
            exe = os.path.realpath(f"/proc/{pid}/exe")
            maps = Path(f"/proc/{pid}/maps").read_text()
        except (FileNotFoundError, ProcessLookupError):
            continue
        names[pid] = exe
        assert exe.startswith(home + os.sep), f"process {pid} runs {exe}, not a program of the bundle ({home})"
        files = {line.split(None, 5)[5] for line in maps.splitlines() if len(line.split(None, 5)) == 6}
        foreign = sorted(f for f in files if f.startswith("/") and any(part in f for part in FOREIGN))
        assert not foreign, f"process {pid} ({exe}) loads files from outside the bundle: {foreign[:5]}"
    # The supervisor, the zygote, four workers, the shell and the web engine's processes.
    assert len(names) >= 8, names
    assert any(exe.endswith("QtWebEngineProcess") for exe in names.values()), names


@needs_bundle
def test_generate_from_the_bundle_binary(installed, upstream):
    read_line(installed.proc, "vibing: ready", 120)
    upstream.push("normal", words=40)
    result = installed.cli("generate", "a pomodoro timer with a dark theme", "--project", "Timer")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Created project “Timer”" in result.stderr and "Done (end_turn)" in result.stderr, result.stderr


@needs_bundle
def test_one_service_runs_alone_from_the_bundle_binary(tmp_path):
    env = app_env(tmp_path, tmp_path, VIBING_HOME=str(tmp_path / "alone"))
    os.chmod(tmp_path, 0o700)
    proc = subprocess.Popen(
        [BUNDLE, "service", "storage", "--standalone"], env=env, stderr=subprocess.PIPE, text=True, cwd=tmp_path
    )
    try:
        line = proc.stderr.readline()
        assert "on a private bus" in line, line
        words = line.split()
        requests = words[words.index("at") + 1]
        events_in, events_out = words[-3], words[-1]
        bus = Bus(Endpoints(requests, events_in, events_out), "bundle-test")
        try:
            deadline = time.monotonic() + 30
            while True:  # the worker registers with its private broker a moment after the line
                try:
                    reply = bus.request("storage", Ping(), timeout=2)
                    break
                except Exception:
                    if time.monotonic() > deadline:
                        raise
            assert isinstance(reply, Pong)
        finally:
            bus.close()
    finally:
        proc.terminate()
        proc.wait(30)


@needs_bundle
def test_stop_leaves_no_process(installed):
    read_line(installed.proc, "vibing: window ready", 120)
    installed.pids()
    result = installed.cli("stop", timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert installed.proc.wait(60) == 0
    left = [pid for pid in installed.seen if not wait_for_exit(pid, 10)]
    assert not left, f"processes left after vibing stop: {left}"
    home = str(bundle_dir()) + os.sep
    strays = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                exe = os.path.realpath(f"/proc/{entry}/exe")
                environ = Path(f"/proc/{entry}/environ").read_bytes()
            except OSError:
                continue
            if exe.startswith(home) and f"HOME={installed.home}".encode() in environ.split(b"\0"):
                strays.append(int(entry))
    assert not strays, f"processes of the bundle still running for this HOME: {strays}"
