"""The API key appears nowhere Vibing writes: logs, the database, crash reports, `vibing status`, exports."""

from __future__ import annotations

import os
import signal

from tests.conftest import start_app
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
            except OSError:
                continue


def test_a_session_that_used_the_key_leaves_it_nowhere(tmp_path):
    with FakeAnthropic() as server:
        server.answers["page"] = "Here.\n\n```html index.html\n<h1>Hi</h1>\n```\n"
        app = start_app(tmp_path / "home", ANTHROPIC_API_KEY=KEY, ANTHROPIC_BASE_URL=server.url, VIBING_LOG="debug")
        try:
            bus = app.bus()
            done = bus.subscribe("generate.done")
            done.sync()
            project = bus.request("storage", CreateProject(name="Leak check")).project
            server.push("normal", answer="page")
            bus.request("stream", Generate(project_id=project.id, prompt="a page"))
            event = done.recv(timeout=30)
            assert isinstance(event.body, GenerationDone) and event.body.ok
            server.push("status", status=401)  # an error path too: the key is refused
            bus.request("stream", Generate(project_id=project.id, prompt="again"))
            assert done.recv(timeout=30).body.ok is False
            stream_pid = {s.name: s.pid for s in bus.request("supervisor", Status()).services}["stream"]
            os.kill(stream_pid, signal.SIGKILL)  # a crash report is written
            status = app.cli("status", "--json")
            exported = app.cli("projects", "export", "Leak check", str(tmp_path / "export"))
            assert exported.returncode == 0, exported.stderr
        finally:
            app.stop()
    assert any(r.headers.get("x-api-key") == KEY for r in server.requests), "the key really was used"
    assert KEY not in status.stdout + status.stderr
    secret = KEY.encode()
    written = list(every_file_under(app.home)) + list(every_file_under(tmp_path / "export"))
    assert any(path.endswith((".db", ".sqlite", ".sqlite3")) for path, _ in written), "the database was checked"
    assert any("crashes" in path for path, _ in written), "a crash report was checked"
    leaks = [path for path, data in written if secret in data]
    assert leaks == []
