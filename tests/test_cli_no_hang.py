"""The command line never hangs on an app that went away under it.

- `vibing generate` whose stream worker is SIGKILLed mid-answer ends within seconds with one line that says the
  answer is kept and how to finish it; `vibing generate --continue` then finishes it, as the window's Continue does.
- `vibing web` ends when the app it serves stops, and says why.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from tests.conftest import app_with_answer, start_app, start_web, wait_for_line
from tests.fakes import FakeAnthropic
from vibing.cli.generate import PROBE_TIMEOUT_S, SILENCE_S, Follow, Progress
from vibing.schema.base import new_id
from vibing.schema.storage import AddMessage, CreateProject, FindProject, GetMessage, ListFiles, ListMessages
from vibing.schema.stream import Generate, TokenDelta
from vibing.schema.supervisor import Status

PAGE = "<!doctype html>\n<h1>Cut, then finished</h1>\n" + "".join(f"<p>line {i}</p>\n" for i in range(80))
STYLE = "h1 { color: teal; }\n"
ANSWER = f"A page.\n\n```html index.html\n{PAGE}```\n\n```css styles.css\n{STYLE}```\n"
CUT_LINE = (
    "The stream service stopped during the generation (it is being restarted). The answer so far is kept: run "
    "`vibing generate --continue --project 'Cut short'` to finish it."
)


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    with app_with_answer(tmp_path_factory.mktemp("no-hang") / "home", "page", ANSWER) as app_and_server:
        yield app_and_server


def _answer(bus, project: str):
    project_id = bus.request("storage", FindProject(ref=project)).project.id
    messages = bus.request("storage", ListMessages(project_id=project_id)).messages
    return project_id, [m for m in messages if m.role == "assistant"][-1]


def _finished(bus, message_id: str):
    """The stored message once its end is written: that write is queued, and may land just after the done event."""
    changes = bus.subscribe("project.changed")
    changes.sync()
    try:
        message = bus.request("storage", GetMessage(message_id=message_id)).message
        deadline = time.monotonic() + 10
        while message.status == "streaming" and time.monotonic() < deadline:
            if changes.recv(timeout=deadline - time.monotonic()) is not None:
                message = bus.request("storage", GetMessage(message_id=message_id)).message
        return message
    finally:
        changes.close()


def test_a_killed_stream_worker_ends_generate_in_seconds_and_continue_finishes_the_answer(running, tmp_path):
    app, server = running
    bus = app.bus()
    server.push("slow", answer="page", delay_ms="40", piece="6")  # about 12 s of answer: killed well before its end
    generate = subprocess.Popen(
        [sys.executable, "-m", "vibing", "generate", "a page", "--project", "Cut short"],
        env=app.env,
        cwd=app.home,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_line(generate, "writing index.html", 60)
        stream_pid = {s.name: s.pid for s in bus.request("supervisor", Status()).services}["stream"]
        os.kill(stream_pid, signal.SIGKILL)
        killed = time.monotonic()

        line = wait_for_line(generate, "The stream service stopped", 10)
        assert generate.wait(timeout=5) == 1
        took = time.monotonic() - killed
    finally:
        if generate.poll() is None:
            generate.kill()
            generate.wait()
    assert line.strip() == CUT_LINE
    assert took < 5, f"generate took {took:.1f} s to notice"

    _project_id, cut = _answer(bus, "Cut short")
    assert cut.content and ANSWER.startswith(cut.content) and len(cut.content) < len(ANSWER)  # the part so far, kept

    server.push("normal", answer="page")  # the fake model continues the answer from where it was cut
    finished = app.cli("generate", "--continue", "--project", "Cut short")

    assert finished.returncode == 0, finished.stderr
    assert "Continuing the answer in project “Cut short”" in finished.stderr
    assert "Done (end_turn): index.html, styles.css" in finished.stderr
    project_id, answer = _answer(bus, "Cut short")
    answer = _finished(bus, answer.id)
    assert answer.id == cut.id and answer.status == "complete" and answer.content == ANSWER
    files = {f.path for f in bus.request("storage", ListFiles(project_id=project_id)).files}
    assert files == {"index.html", "styles.css"}
    exported = app.cli("projects", "export", "Cut short", str(tmp_path / "out"))
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "out" / "index.html").read_text() == PAGE


def test_without_the_service_down_event_the_silence_watchdog_still_notices(running):
    """The same kill, followed by a watcher that never hears ``service.down``: asking the stream service ends it."""
    app, server = running
    bus = app.bus()
    project = bus.request("storage", CreateProject(name="Watchdog")).project
    stream_id = new_id()
    events = bus.subscribe(f"token.{stream_id}", "generate.")  # no service.down: only the watchdog can notice
    events.sync()
    tokens = bus.subscribe(f"token.{stream_id}")
    tokens.sync()
    server.push("slow", answer="page", delay_ms="40", piece="6")
    started = bus.request("stream", Generate(project_id=project.id, prompt="a page", stream_id=stream_id))
    shown = io.StringIO()
    follow = Follow(bus, events, stream_id, started.message_id, "Watchdog", Progress(shown), show_text=False)
    result: list[int] = []
    watcher = threading.Thread(target=lambda: result.append(follow.run()), daemon=True)
    watcher.start()
    for _ in range(5):  # a few tokens in, the worker dies
        event = tokens.recv(timeout=30)
        assert event is not None and isinstance(event.body, TokenDelta)
    os.kill({s.name: s.pid for s in bus.request("supervisor", Status()).services}["stream"], signal.SIGKILL)
    killed = time.monotonic()

    watcher.join(timeout=SILENCE_S + 3 * PROBE_TIMEOUT_S + 2)
    took = time.monotonic() - killed

    assert result == [1], shown.getvalue()
    assert took < SILENCE_S + 3 * PROBE_TIMEOUT_S + 1
    last = shown.getvalue().strip().splitlines()[-1]
    assert last.startswith("The stream service stopped during the generation (")
    assert last.endswith("The answer so far is kept: run `vibing generate --continue --project Watchdog` to finish it.")


def test_continue_with_nothing_interrupted_says_so_in_one_line(running):
    app, _server = running
    app.bus().request("storage", CreateProject(name="Nothing cut"))

    result = app.cli("generate", "--continue", "--project", "Nothing cut")

    assert result.returncode == 2
    assert result.stderr.strip() == "vibing: There is no interrupted answer to continue in project “Nothing cut”."


def test_continue_without_a_project_finishes_the_most_recent_interrupted_answer(tmp_path):
    """A chat answer (no agent, no files) cut earlier: --continue finds it, and finishes it as a chat answer."""
    story = "Once upon a time there was a lighthouse keeper.\nThe storm came at night, and the light held.\n"
    with FakeAnthropic() as server:
        server.answers["story"] = story
        app = start_app(tmp_path / "home", ANTHROPIC_BASE_URL=server.url, ANTHROPIC_API_KEY="sk-ant-test-" + "s" * 30)
        try:
            bus = app.bus()
            older = bus.request("storage", CreateProject(name="Older")).project
            bus.request("storage", AddMessage(project_id=older.id, role="user", content="a story"))
            bus.request(
                "storage",
                AddMessage(project_id=older.id, role="assistant", content="Once", status="interrupted"),
            )
            project = bus.request("storage", CreateProject(name="Story")).project
            bus.request("storage", AddMessage(project_id=project.id, role="user", content="tell me a story"))
            cut = bus.request(
                "storage",
                AddMessage(project_id=project.id, role="assistant", content=story[:30], status="interrupted"),
            ).message
            server.push("normal", answer="story")

            result = app.cli("generate", "--continue")

            assert result.returncode == 0, result.stderr
            assert "Continuing the answer in project “Story” (30 characters kept)" in result.stderr
            assert "Done (end_turn): the answer is finished in “Story”." in result.stderr
            finished = _finished(bus, cut.id)
            assert finished.status == "complete" and finished.content == story
        finally:
            app.stop()


def test_web_ends_when_the_app_it_serves_stops(tmp_path):
    app = start_app(tmp_path / "home")
    web = None
    try:
        web, _port, _token = start_web(app)
        stopped = app.cli("stop")
        assert stopped.returncode == 0, stopped.stderr
        since = time.monotonic()

        assert web.wait(timeout=10) == 0
        took = time.monotonic() - since
        why = web.stderr.read()
    finally:
        if web is not None and web.poll() is None:
            web.kill()
            web.wait()
        app.stop()
    assert took < 5, f"vibing web took {took:.1f} s to notice"
    assert "The Vibing app this page served has stopped" in why and "`vibing web` stops too" in why
