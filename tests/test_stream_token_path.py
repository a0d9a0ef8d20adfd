"""The token path carries tokens, not copies (issue 13 step 5), on a real app with the fake Anthropic server.

- Durable batches of a streaming answer reach storage but publish no ``project.changed``: only the end of the
  message and the saved files do (before, every batch of every answer woke every subscriber).
- ``generate.file`` and ``generate.progress`` events carry a file's path and line count, never its content (the
  text already went out once as tokens; a client reads the saved file from storage).
"""

from __future__ import annotations

import pytest
import zmq

from tests.conftest import start_app
from tests.fakes import FakeAnthropic
from vibing import schema
from vibing.schema.base import new_id
from vibing.schema.storage import CreateProject, GetMessage, ProjectChanged, ReadFile
from vibing.schema.stream import Generate, GenerationDone, GenerationFile, GenerationProgress, TokenDelta

PAGE = "<!doctype html>\n<h1>Token path</h1>\n" + "".join(f"<p>paragraph number {i}</p>\n" for i in range(60))
ANSWER = f"A page.\n\n```html index.html\n{PAGE}```\n\nThat is all.\n"
#: A line of the file that only its content contains (not its path, not a progress message).
MARKER = b"paragraph number 59"


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    with FakeAnthropic() as server:
        server.answers["page"] = ANSWER
        app = start_app(
            tmp_path_factory.mktemp("token-path") / "home",
            ANTHROPIC_BASE_URL=server.url,
            ANTHROPIC_API_KEY="sk-ant-test-" + "t" * 30,
        )
        try:
            yield app, server
        finally:
            app.stop()


def test_batches_publish_no_project_change_and_file_events_carry_no_content(running):
    app, server = running
    bus = app.bus()
    project = bus.request("storage", CreateProject(name="Token path")).project
    changes = bus.subscribe("project.changed")
    changes.sync()
    events = bus.subscribe("generate.", "token.")
    events.sync()
    decoder = schema.event_decoder()
    server.push("slow", answer="page", delay_ms="8", piece="12")
    stream_id = new_id()
    started = bus.request("stream", Generate(project_id=project.id, prompt="a page", stream_id=stream_id), timeout=15)

    tokens = 0
    stored_mid_stream = ""
    file_events: list[GenerationFile] = []
    writing: list[GenerationProgress] = []
    done = None
    while done is None:
        assert events.socket.poll(60_000, zmq.POLLIN), "the generation went quiet"
        topic, _header, payload = events.socket.recv_multipart()
        body = decoder.decode(payload)
        if getattr(body, "stream_id", None) != stream_id:
            continue
        if topic.startswith(b"generate."):
            assert MARKER not in payload, f"{topic.decode()} carried the file's content"
        if isinstance(body, TokenDelta):
            tokens += 1
            if not stored_mid_stream and tokens % 10 == 0:
                stored = bus.request("storage", GetMessage(message_id=started.message_id)).message
                if stored.status == "streaming" and stored.content:
                    stored_mid_stream = stored.content  # a durable batch reached storage while streaming
        elif isinstance(body, GenerationFile):
            file_events.append(body)
        elif isinstance(body, GenerationProgress) and body.phase == "writing":
            writing.append(body)
        elif isinstance(body, GenerationDone):
            done = body
    assert done.ok and done.files == ["index.html"], done.message
    assert stored_mid_stream, "no batch reached storage before the end: the test proves nothing"
    assert [(f.path, f.lines) for f in file_events] == [("index.html", PAGE.count("\n"))]
    assert not hasattr(file_events[0], "content")
    assert writing and all(w.file == "index.html" for w in writing)
    # the client that wants the file reads it from storage
    assert bus.request("storage", ReadFile(project_id=project.id, path="index.html")).file.content == PAGE

    # Storage publishes in order: by the time the files' change arrives, every earlier change of this answer has.
    seen: list[ProjectChanged] = []
    while not any(c.what == "generation" for c in seen):
        event = changes.recv(timeout=30)
        assert event is not None, f"no change for the saved files; saw {[c.what for c in seen]}"
        if event.body.project_id == project.id:
            seen.append(event.body)
    whats = [c.what for c in seen]
    assert "message" not in whats, f"a durable batch published project.changed: {whats}"
    assert any(c.what == "messages" and c.message_id == started.message_id for c in seen), whats
