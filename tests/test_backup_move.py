"""The move to a new machine: back up a populated Vibing, restore it into another HOME at another path, compare.

Real processes and files throughout: the data is written through the bus of a running app, the backup and
the restore are the ``vibing backup`` command, and the restored data is read back through the bus of an app
started on it (which then continues a restored project with a generation against the fake Anthropic).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import start_app, vibing_env
from tests.fakes import FakeAnthropic
from vibing.schema.storage import (
    AddMessage,
    CreateProject,
    FileWrite,
    ListCheckpoints,
    ListProjects,
    LoadProject,
    SaveProject,
)

PAGE = '<!doctype html>\n<html><body><h1>25:00</h1><script src="app.js"></script></body></html>\n'
SCRIPT = "let left = 25 * 60;\n// ünïcödé ✓\n"
ANSWER = f"Here it is again.\n\n```html index.html\n{PAGE}```\n"
MODEL_BYTES = b"GGUF" + bytes(range(256)) * 64


def _cli(home: Path, vibing_home: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
    env = vibing_env(vibing_home, HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "vibing", *args],
        env=env,
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=vibing_home,
    )


def _snapshot(bus) -> dict:
    """Everything the bus says about every project: metadata, messages in order, files byte for byte, versions."""
    out = {}
    for project in bus.request("storage", ListProjects(limit=100)).items:
        detail = bus.request("storage", LoadProject(project_id=project.id))
        versions = bus.request("storage", ListCheckpoints(project_id=project.id))
        out[project.id] = {
            "name": project.name,
            "description": project.description,
            "messages": [(m.id, m.role, m.content, m.status) for m in detail.messages],
            "files": {f.path: f.content.encode("utf-8") for f in detail.files},
            "versions": [(v.id, v.kind, v.label) for v in versions.items],
        }
    return out


@pytest.fixture
def old_machine(tmp_path):
    """Machine A: a HOME with agents and a model file, a config and window settings that differ from defaults."""
    home = tmp_path / "a" / "home"
    vibing_home = tmp_path / "a" / "vibing"
    (home / ".claude" / "agents").mkdir(parents=True)
    (home / ".claude" / "agents" / "my-reviewer.md").write_text("---\nname: my-reviewer\n---\nReview my code.\n")
    (home / "team-agents" / "nested").mkdir(parents=True)
    (home / "team-agents" / "nested" / "designer.md").write_text("---\nname: designer\n---\nDesign it.\n")
    (home / "models").mkdir()
    (home / "models" / "tiny.gguf").write_bytes(MODEL_BYTES)
    config_dir = vibing_home / "config"
    config_dir.mkdir(parents=True)
    (config_dir / "config.toml").write_text(
        f"# my settings\nrate_limit_per_min = 30\nagent_dirs = [{json.dumps(str(home / 'team-agents'))}]\n"
        'default_model = "claude-opus-4-1"\n'
    )
    data = vibing_home / "data"
    (data / "shell").mkdir(parents=True)
    (data / "shell" / "settings.json").write_text(json.dumps({"theme": "dark", "provider_ready": "anthropic"}))
    (data / "models.json").write_text(
        json.dumps(
            {
                "version": 1,
                "default": "tiny",
                "models": [
                    {"name": "tiny", "path": str(home / "models" / "tiny.gguf"), "size_bytes": len(MODEL_BYTES)}
                ],
            }
        )
    )
    return home, vibing_home


def test_a_backup_restored_into_another_home_gives_everything_back(tmp_path, old_machine):
    home, vibing_home = old_machine
    app = start_app(vibing_home, HOME=str(home))
    try:
        bus = app.bus()
        timer = bus.request(
            "storage",
            CreateProject(
                name="Timer",
                description="a pomodoro timer",
                files=[FileWrite(path="index.html", content=PAGE), FileWrite(path="js/app.js", content=SCRIPT)],
            ),
        ).project
        for n in range(5):
            bus.request("storage", AddMessage(project_id=timer.id, role="user", content=f"change {n}"))
            bus.request("storage", AddMessage(project_id=timer.id, role="assistant", content=f"changed {n}"))
        bus.request(
            "storage", SaveProject(project_id=timer.id, files=[FileWrite(path="js/app.js", content=SCRIPT + "// v2\n")])
        )
        bus.request("storage", CreateProject(name="Notes", files=[FileWrite(path="index.html", content="<p>n</p>\n")]))
        before = _snapshot(bus)
        crash = app.paths.data / "crashes" / "storage-20261201T000000.txt"
        crash.parent.mkdir(parents=True, exist_ok=True)
        crash.write_text("Traceback: a crash report\n")
        lean = _cli(home, vibing_home, "backup", "create", str(tmp_path / "lean.zip"), "--without-agents")
        assert lean.returncode == 0, lean.stderr
        with zipfile.ZipFile(tmp_path / "lean.zip") as zf:
            assert not any(n.startswith("agents/") or n.startswith("models/files/") for n in zf.namelist())
        archive = tmp_path / "moving.zip"
        made = _cli(home, vibing_home, "backup", "create", str(archive), "--with-models", "--json")
        assert made.returncode == 0, made.stderr
    finally:
        app.stop()
    report = json.loads(made.stdout)
    assert report["api_key_included"] is False and report["models_included"] is True
    with zipfile.ZipFile(archive) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        names = set(zf.namelist())
    assert "The API key is not in this backup" in manifest["api_key"]
    assert {"db/vibing.db", "config/config.toml", "shell/settings.json", "models/models.json"} <= names
    assert not any(n.startswith("backups/") or ".env" in n for n in names)
    assert manifest["home"] == str(home.resolve())

    # Machine B: another HOME, another Vibing folder; nothing there yet.
    new_home = tmp_path / "b" / "somewhere" / "else"
    new_vibing = tmp_path / "b" / "vibing-here"
    new_home.mkdir(parents=True)
    new_vibing.mkdir(parents=True)
    verify = _cli(new_home, new_vibing, "backup", "verify", str(archive))
    assert verify.returncode == 0 and "verifies" in verify.stdout, verify.stderr
    restored = _cli(new_home, new_vibing, "backup", "restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    out = restored.stdout
    assert "2 projects, 3 versions, 10 messages, 3 files" in out, out
    assert "integrity check: ok" in out
    assert "vibing key set" in out

    # Settings, rewritten for the new home.
    config = tomllib.loads((new_vibing / "config" / "config.toml").read_text())
    assert config["rate_limit_per_min"] == 30 and config["default_model"] == "claude-opus-4-1"
    assert config["agent_dirs"] == [str(new_home.resolve() / "team-agents")]
    assert (new_vibing / "config" / "config.toml").read_text().startswith("# my settings\n")
    window = json.loads((new_vibing / "data" / "shell" / "settings.json").read_text())
    assert window["theme"] == "dark" and "provider_ready" not in window  # this computer's own state is not moved
    # Agents, back under the new home.
    assert (new_home / ".claude" / "agents" / "my-reviewer.md").read_text().endswith("Review my code.\n")
    assert (new_home / "team-agents" / "nested" / "designer.md").read_text().endswith("Design it.\n")
    # The model registry, its path rewritten, its file restored byte for byte.
    models = json.loads((new_vibing / "data" / "models.json").read_text())
    assert models["models"][0]["path"] == str(new_home.resolve() / "models" / "tiny.gguf")
    assert (new_home / "models" / "tiny.gguf").read_bytes() == MODEL_BYTES
    assert (
        new_vibing / "data" / "crashes" / "storage-20261201T000000.txt"
    ).read_text() == "Traceback: a crash report\n"

    # The app starts on the restored data: everything compares equal, and a generation continues a project.
    with FakeAnthropic() as server:
        server.answers["again"] = ANSWER
        app = start_app(
            new_vibing, HOME=str(new_home), ANTHROPIC_BASE_URL=server.url, ANTHROPIC_API_KEY="sk-ant-test-" + "k" * 30
        )
        try:
            assert _snapshot(app.bus()) == before
            server.push("normal", answer="again")
            again = app.cli("generate", "make it again", "--project", "Timer")
            assert again.returncode == 0 and "Building in project “Timer”" in again.stderr, again.stderr
            messages = app.bus().request("storage", LoadProject(project_id=timer.id)).messages
            assert len(messages) == 12 and messages[-1].content.startswith("Here it is again.")
        finally:
            app.stop()


def test_a_backup_taken_while_the_app_writes_is_consistent(tmp_path):
    """`vibing backup create` against a running app that keeps writing: the snapshot passes the integrity check
    and holds a prefix of the writes (every message of every project it holds, none half-written)."""
    import threading

    import apsw

    from vibing.backup import verify

    home = tmp_path / "home"
    app = start_app(tmp_path / "vibing", HOME=str(home))
    stop, started = threading.Event(), threading.Event()
    written: list[int] = []
    try:
        bus = app.bus("writer")

        def write() -> None:
            n = 0
            while not stop.is_set():
                project = bus.request(
                    "storage", CreateProject(name=f"P{n}", files=[FileWrite(path="a.txt", content="x" * 5000)])
                ).project
                bus.request("storage", AddMessage(project_id=project.id, role="user", content=f"m{n}"))
                written.append(n)
                started.set()
                n += 1

        writer = threading.Thread(target=write)
        writer.start()
        assert started.wait(30), "the writer never wrote"
        archive = tmp_path / "online.zip"
        made = _cli(home, tmp_path / "vibing", "backup", "create", str(archive))
        stop.set()
        writer.join(timeout=30)
        assert made.returncode == 0, made.stderr
    finally:
        stop.set()
        app.stop()
    checked = verify.verify(archive)
    with zipfile.ZipFile(archive) as zf:
        (tmp_path / "snap.db").write_bytes(zf.read("db/vibing.db"))
    assert checked.manifest.entries["db/vibing.db"].size == (tmp_path / "snap.db").stat().st_size
    conn = apsw.Connection(str(tmp_path / "snap.db"))
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    projects = conn.execute("SELECT count(*) FROM projects").fetchone()[0]
    files = conn.execute("SELECT count(*) FROM project_files").fetchone()[0]
    assert files == projects  # each project was created with its file in one transaction
    assert 0 < projects <= len(written) + 1
    conn.close()
