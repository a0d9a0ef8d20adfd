"""The crash notice in the window: a worker killed with SIGKILL is named, with when and whether it came back;
its report can be copied (redacted, from the crash folder only) and its folder shown; Dismiss acknowledges it,
so a reload, another window or `vibing status` no longer lists it.

Real Chromium against a real headless app and `vibing web`, as in tests/test_ui_browser.py.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT, signed_in_page
from conftest import home_of, provider_chosen, start_app

from vibing.schema.supervisor import Status

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("crash") / "home")
    # a person who has chosen a provider already (the first-run screen is tests/test_first_run.py's)
    provider_chosen(running)
    yield running
    running.stop()


@pytest.fixture
def page(browser, web):
    with signed_in_page(browser, web, clipboard=True) as pg:
        yield pg
    assert not pg.errors, pg.errors


def status(app):
    with home_of(app):
        return app.bus().request("supervisor", Status(), timeout=5)


def reload(pg) -> None:
    """A new start of the page: it reads the supervisor's status before it says it is ready."""
    pg.reload()
    pg.wait_for_selector("body[data-ready='1']", timeout=WAIT)


def test_a_killed_worker_is_shown_live_and_on_the_next_start_until_dismissed(page, app, shots):
    assert page.locator("#crash-notice").is_hidden()  # nothing crashed yet
    agent = next(s for s in status(app).services if s.name == "agent")
    os.kill(agent.pid, signal.SIGKILL)

    # live: the open window learns it from the service.down event, then sees it come back
    notice = page.locator("#crash-notice")
    notice.locator("li[data-service='agent']").wait_for(timeout=WAIT)
    page.wait_for_selector("#crash-notice li[data-service='agent']:has-text('restarted automatically')", timeout=WAIT)

    # the next start of the window shows it too: what crashed, when, and that it was restarted
    reload(page)
    assert notice.is_visible()
    assert page.get_by_role("region", name="A background service crashed: agent").is_visible()
    line = notice.locator("li[data-service='agent']").inner_text()
    assert "agent" in line and "stopped today at" in line and "restarted automatically" in line, line
    assert "killed by SIGKILL" in line  # the report's last line: how the process ended
    page.screenshot(path=str(shots / "crash-notice.png"), animations="disabled")

    # the report, as text for the clipboard: the one file the supervisor wrote for that process
    report = next(Path(c.path) for c in status(app).unseen_crashes if c.service == "agent")
    page.get_by_role("button", name="Copy report").click()
    page.wait_for_selector(".toast:has-text('Report copied')", timeout=WAIT)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert report.read_text() in copied and f"agent (pid {agent.pid})" in copied

    # a browser has no file manager to open: it shows the folder's path, with a Copy button
    page.get_by_role("button", name="Show report folder").click()
    assert page.inner_text("#crash-path") == str(app.paths.crash_dir)
    page.get_by_role("button", name="Copy path").click()
    page.wait_for_selector(".toast:has-text('Path copied')", timeout=WAIT)
    assert page.evaluate("navigator.clipboard.readText()") == str(app.paths.crash_dir)

    # Dismiss, from the keyboard: acknowledged for everyone, so the next start shows nothing
    page.locator("#crash-dismiss").focus()
    page.keyboard.press("Enter")
    notice.wait_for(state="hidden", timeout=WAIT)
    assert status(app).unseen_crashes == []
    reload(page)
    assert notice.is_hidden()


def test_the_page_reads_only_crash_reports_and_never_a_key(page, app):
    """The Copy button's intent reads files in the crash folder only, and redacts what it reads."""
    crash_dir = app.paths.crash_dir
    secret = "sk-ant-api03-" + "s" * 40
    planted = crash_dir / "20990101T000000-stream-1.txt"
    planted.write_text(f"Traceback ...\nheaders: x-api-key={secret}\nRuntimeError: boom\n")
    try:
        reply = page.evaluate(
            """async (path) => (await fetch('/api/shell/crash.report', {method: 'POST',
                headers: {'Content-Type': 'application/json'}, body: JSON.stringify({path})})).json()""",
            str(planted),
        )
        assert reply["ok"] and "RuntimeError: boom" in reply["reply"]["text"]
        assert secret not in reply["reply"]["text"]
        for elsewhere in (str(app.paths.config_file), str(crash_dir / ".." / "shell" / "settings.json"), "/etc/passwd"):
            refused = page.evaluate(
                """async (path) => (await fetch('/api/shell/crash.report', {method: 'POST',
                    headers: {'Content-Type': 'application/json'}, body: JSON.stringify({path})})).json()""",
                elsewhere,
            )
            assert not refused["ok"] and "Only the reports in" in refused["error"]["message"], refused
    finally:
        planted.unlink()


def test_in_the_window_open_report_folder_hands_the_crash_folder_to_the_file_manager(app, tmp_path, monkeypatch):
    """The window's native intent runs the desktop's opener on the crash folder: a fixed path, nothing from the page."""
    opened = tmp_path / "opened"
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    (fake_bin / "xdg-open").write_text(f'#!/bin/sh\nprintf %s "$*" > {opened}.tmp && mv {opened}.tmp {opened}\n')
    (fake_bin / "xdg-open").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake_bin}{os.pathsep}{os.environ['PATH']}")
    window = app.shell("window", "test-window")
    browser_shell = app.shell("web", "test-web")
    try:
        assert "open_crash_folder" in window.native and "open_crash_folder" not in browser_shell.native
        assert window.native["open_crash_folder"]({"path": "/etc"}) == str(app.paths.crash_dir)
        deadline = time.monotonic() + 10
        while not opened.exists():  # the opener runs on its own; its output is the proof
            assert time.monotonic() < deadline, "the file manager was not asked to open anything"
            time.sleep(0.02)
        assert opened.read_text() == str(app.paths.crash_dir)  # the page's "path" was not used
    finally:
        window.stop()
        browser_shell.stop()
