"""SIGKILL of a worker the generation leans on, in the middle of a generation: it still finishes, whole."""

from __future__ import annotations

import os
import signal

import pytest

from tests.conftest import app_with_answer
from vibing.schema.storage import CreateProject, GetMessage, ListFiles
from vibing.schema.stream import Generate, GenerationDone, TokenDelta
from vibing.schema.supervisor import Status

PAGE = "<!doctype html>\n<h1>Still here</h1>\n" + "".join(f"<p>line {i}</p>\n" for i in range(60))
ANSWER = f"A page.\n\n```html index.html\n{PAGE}```\n\n```css styles.css\nh1 {{ color: teal; }}\n```\n"


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    with app_with_answer(tmp_path_factory.mktemp("kill-gen") / "home", "page", ANSWER) as app_and_server:
        yield app_and_server


@pytest.mark.parametrize("victim", ["storage", "agent", "metrics"])
def test_a_generation_survives_a_killed_worker(running, victim):
    app, server = running
    bus = app.bus()
    project = bus.request("storage", CreateProject(name=f"Survives {victim}")).project
    events = bus.subscribe("token.", "generate.done", "project.changed")
    events.sync()
    server.push("slow", answer="page", delay_ms="15", piece="6")
    started = bus.request("stream", Generate(project_id=project.id, prompt="a page"))
    tokens, killed, done = [], False, None
    while done is None:
        event = events.recv(timeout=60)
        assert event is not None, "the generation went quiet"
        body = event.body
        if isinstance(body, TokenDelta) and body.stream_id == started.stream_id:
            tokens.append(body)
            if len(tokens) == 10 and not killed:
                pid = {s.name: s.pid for s in bus.request("supervisor", Status()).services}[victim]
                os.kill(pid, signal.SIGKILL)
                killed = True
        elif isinstance(body, GenerationDone) and body.stream_id == started.stream_id:
            done = body
    assert killed and done.ok, done.message
    assert sorted(done.files) == ["index.html", "styles.css"]
    files = {f.path for f in bus.request("storage", ListFiles(project_id=project.id), idempotent=True).files}
    assert files == {"index.html", "styles.css"}
    streamed = "".join(t.text for t in sorted(tokens, key=lambda t: t.seq))
    stored = bus.request("storage", GetMessage(message_id=started.message_id), idempotent=True).message
    while stored.status == "streaming":  # the message's last write may land just after generate.done
        event = events.recv(timeout=10)
        assert event is not None, "the message was never finished"
        if getattr(event.body, "message_id", "") == started.message_id:
            stored = bus.request("storage", GetMessage(message_id=started.message_id), idempotent=True).message
    assert stored.content == streamed and stored.status == "complete"
