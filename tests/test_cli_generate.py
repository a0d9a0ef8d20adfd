"""`vibing generate` builds an app headless against the running app; `projects export` writes it out byte-exact."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import start_app
from tests.fakes import FakeAnthropic

PAGE = (
    '<!doctype html>\n<html><head><link rel="stylesheet" href="styles.css"></head>\n<body><h1>25:00</h1>\n'
    '<script src="app.js"></script></body></html>\n'
)
STYLE = "body { background: #111; color: #eee; }\n"
SCRIPT = "let left = 25 * 60;\nsetInterval(() => { left -= 1; }, 1000);\n"
ANSWER = (
    f"Here is a pomodoro timer.\n\n```html index.html\n{PAGE}```\n\n```css styles.css\n{STYLE}```\n\n"
    f"```js app.js\n{SCRIPT}```\n\nPress start to begin.\n"
)


@pytest.fixture
def upstream():
    with FakeAnthropic() as server:
        server.answers["timer"] = ANSWER
        yield server


def test_generate_writes_the_files_and_export_writes_them_out_byte_exact(tmp_path, upstream):
    app = start_app(tmp_path / "home", ANTHROPIC_BASE_URL=upstream.url, ANTHROPIC_API_KEY="sk-ant-test-" + "x" * 30)
    try:
        upstream.push("normal", answer="timer")
        result = app.cli("generate", "a pomodoro timer with a dark theme", "--project", "Timer")
        assert result.returncode == 0, result.stdout + result.stderr
        out = result.stderr
        assert "Created project “Timer”" in out
        assert "Agent: frontend-developer" in out
        for path in ("index.html", "styles.css", "app.js"):
            assert f"✓ {path}" in out
        assert "Done (end_turn): index.html, styles.css, app.js" in out
        assert "vibing projects export" in out

        exported = app.cli("projects", "export", "Timer", str(tmp_path / "out"))
        assert exported.returncode == 0, exported.stderr
        target = tmp_path / "out"
        files = {p.name: p.read_bytes() for p in target.rglob("*") if p.is_file() and not p.name.startswith(".")}
        assert files == {"index.html": PAGE.encode(), "styles.css": STYLE.encode(), "app.js": SCRIPT.encode()}

        upstream.push("normal", answer="timer")
        again = app.cli("generate", "make it again", "--project", "Timer")
        assert again.returncode == 0 and "Building in project “Timer”" in again.stderr
    finally:
        app.stop()


def test_generate_explains_a_bad_key_and_fails(tmp_path, upstream):
    app = start_app(tmp_path / "home", ANTHROPIC_BASE_URL=upstream.url, ANTHROPIC_API_KEY="sk-ant-bad-" + "x" * 30)
    try:
        result = app.cli("generate", "a calculator", "--project", "Calc")
        assert result.returncode == 1
        assert "Not done" in result.stderr and "key" in result.stderr.lower()
    finally:
        app.stop()


def test_generate_without_a_running_app_says_how_to_start_it(tmp_path):
    from tests.conftest import vibing_env

    result = subprocess.run(
        [sys.executable, "-m", "vibing", "generate", "a calculator"],
        env=vibing_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2 and "vibing run --headless" in result.stderr
