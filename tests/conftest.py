"""Shared fixtures: a real app (supervisor + workers) in a temporary VIBING_HOME."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from vibing import paths as paths_mod
from vibing.bus import Bus

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def home_of(app: App) -> Iterator[None]:
    """``VIBING_HOME`` set to the app's home in this process for the block.

    Module-scoped fixtures cannot use ``monkeypatch``, and code that resolves the app's
    folders in-process (paths, an in-process shell) reads this variable.
    """
    old = os.environ.get("VIBING_HOME")
    os.environ["VIBING_HOME"] = str(app.home)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("VIBING_HOME", None)
        else:
            os.environ["VIBING_HOME"] = old


def vibing_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIBING_") and k != "ANTHROPIC_API_KEY"}
    env.update(VIBING_HOME=str(home), PYTHONUNBUFFERED="1", **extra)
    return env


@dataclass
class App:
    """A running Vibing app (headless) and the ways to talk to it."""

    home: Path
    env: dict[str, str]
    proc: subprocess.Popen
    startup_line: str = ""
    _buses: list[Bus] = field(default_factory=list)

    @property
    def paths(self) -> paths_mod.Paths:
        with home_of(self):
            return paths_mod.resolve(self.env.get("VIBING_DATA_DIR") or None)

    def shell(self, mode: str, sender: str) -> Any:
        """A shell (bridge, UI server, preview) in this process, on this app's bus; stop it when done."""
        with home_of(self):
            from vibing.shell.runtime import Shell

            return Shell(self.paths.bus_file, mode=mode, sender=sender).start()

    def bus(self, name: str = "test") -> Bus:
        bus = Bus.connect_running(self.paths.bus_file, name, context=None)
        self._buses.append(bus)
        return bus

    def cli(self, *args: str, input: str | None = None, timeout: float = 60, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "vibing", *args],
            env={**self.env, **env},
            input=input,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.home,
        )

    def stop(self, timeout: float = 15) -> int:
        for bus in self._buses:
            bus.close()
        self._buses.clear()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


def _lines(proc: subprocess.Popen) -> queue.Queue[str | None]:
    """A queue fed with the process's stdout lines by a reader thread (None at EOF)."""
    lines = getattr(proc, "_line_queue", None)
    if lines is None:
        lines = queue.Queue()

        def pump() -> None:
            for line in proc.stdout:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        proc._line_queue = lines  # type: ignore[attr-defined]
    return lines


def wait_for_line(proc: subprocess.Popen, marker: str, timeout: float) -> str:
    """Await a stdout line containing ``marker``; event-driven (a reader thread), no sleeps."""
    lines = _lines(proc)
    deadline = time.monotonic() + timeout
    seen = []
    while True:
        remaining = deadline - time.monotonic()
        try:
            line = lines.get(timeout=max(0.0, remaining)) if remaining > 0 else lines.get_nowait()
        except queue.Empty:
            break
        if line is None:
            lines.put(None)  # keep EOF visible to later waits
            break
        seen.append(line)
        if marker in line:
            return line
    stderr = ""
    if proc.poll() is not None and proc.stderr is not None:
        stderr = proc.stderr.read()
    raise AssertionError(f"{marker!r} not seen within {timeout}s; stdout={''.join(seen)!r} stderr={stderr!r}")


def start_web(app: App, *args: str) -> tuple[subprocess.Popen, int, str]:
    """``vibing web --print-url`` against ``app``: the process, its port and its session token."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "vibing", "web", "--print-url", *args],
        env=app.env,
        cwd=app.home,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = wait_for_line(proc, "Vibing is served at", 30).split(" at ", 1)[1].strip()
    return proc, int(url.split(":")[2].split("/")[0]), url.split("token=", 1)[1]


@contextmanager
def serving_web(app: App) -> Iterator[str]:
    """``vibing web`` against ``app`` for the block: its signed-in address (the token one, for browser tests)."""
    proc, port, token = start_web(app, "--port", "0")
    try:
        yield f"http://127.0.0.1:{port}/?token={token}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def provider_chosen(app: App) -> None:
    """As if the person had already picked a provider: the window skips its first-run screen."""
    shell_dir = app.paths.data / "shell"
    shell_dir.mkdir(parents=True, exist_ok=True)
    (shell_dir / "settings.json").write_text('{"provider_ready": "anthropic"}')


@contextmanager
def app_with_answer(home: Path, name: str, answer: str) -> Iterator[tuple[App, Any]]:
    """A headless app whose Anthropic is the local fake answering ``answer`` to prompts that name ``name``.

    Workers may be killed many times (the restart limit is raised), for the fault tests.
    """
    from tests.fakes import FakeAnthropic

    with FakeAnthropic() as server:
        server.answers[name] = answer
        app = start_app(
            home,
            ANTHROPIC_BASE_URL=server.url,
            ANTHROPIC_API_KEY="sk-ant-test-" + "k" * 30,
            VIBING_RESTART_LIMIT="100",
        )
        try:
            yield app, server
        finally:
            app.stop()


def start_app(home: Path, *args: str, timeout: float = 30, **extra_env: str) -> App:
    home.mkdir(parents=True, exist_ok=True)
    env = vibing_env(home, **extra_env)
    proc = subprocess.Popen(
        [sys.executable, "-m", "vibing", "run", "--headless", *args],
        env=env,
        cwd=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    app = App(home=home, env=env, proc=proc)
    try:
        app.startup_line = wait_for_line(proc, "vibing: ready", timeout)
    except AssertionError:
        app.stop()
        raise
    return app


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    """A fresh headless app with its own data folder, stopped after the test."""
    running = start_app(tmp_path / "home")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for a test module (see tests/chromium.py)."""
    pytest.importorskip("playwright.sync_api")
    from chromium import launched

    with launched() as running:
        yield running


@pytest.fixture(scope="module")
def web(app):
    """``vibing web`` over the module's ``app``: its signed-in address (a module may define its own)."""
    with serving_web(app) as url:
        yield url


@pytest.fixture
def page(browser, web):
    """A fresh signed-in page of ``web``; the test fails if the UI logged a JavaScript error."""
    from chromium import signed_in_page

    with signed_in_page(browser, web) as pg:
        yield pg
    assert not pg.errors, pg.errors


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    """Where a module's tests save screenshots; copied to $VIBING_SCREENSHOTS when it is set."""
    from chromium import screenshots

    with screenshots(tmp_path_factory.mktemp("screens")) as folder:
        yield folder
