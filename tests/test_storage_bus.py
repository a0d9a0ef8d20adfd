"""The storage service through the real bus, in a real headless app with a real SQLite file."""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import App, start_app

from vibing.bus import Bus
from vibing.errors import Conflict, FileTooLarge, InvalidPath, InvalidRequest, NotFound, NotText
from vibing.schema.common import Ping
from vibing.schema.storage import (
    AddMessage,
    AppendMessageText,
    ApplyFileBatch,
    ApplyFiles,
    BackupDatabase,
    CheckDatabase,
    CreateFile,
    CreateProject,
    DeleteFile,
    DeleteProject,
    DiffCheckpoints,
    DuplicateProject,
    ExportProject,
    FileOp,
    FileWrite,
    FindProject,
    FinishMessage,
    GetCheckpoint,
    GetMessage,
    GetProject,
    ImportProject,
    ListCheckpoints,
    ListFiles,
    ListProjects,
    ListStreamingMessages,
    LoadProject,
    ProjectChanged,
    ReadFile,
    RecordUsage,
    RenameFile,
    RenameProject,
    RestoreCheckpoint,
    ResumeMessage,
    SaveProject,
    SearchFiles,
    SearchProjects,
    StartAssistantMessage,
    UpdateFile,
    UsageSummary,
)


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = start_app(tmp_path_factory.mktemp("storage") / "home")
    yield app
    app.stop()


@pytest.fixture
def bus(running: App) -> Iterator[Bus]:
    client = running.bus()
    yield client
    client.close()


def create(bus: Bus, name: str, files: dict[str, str] | None = None, **fields) -> str:
    reply = bus.request(
        "storage",
        CreateProject(name=name, files=[FileWrite(path=p, content=c) for p, c in (files or {}).items()], **fields),
    )
    return reply.project.id


def contents(bus: Bus, project_id: str) -> dict[str, str]:
    return {f.path: f.content for f in bus.request("storage", LoadProject(project_id=project_id)).files}


# -- CRUD ---------------------------------------------------------------------------------


def test_project_crud_and_events(bus: Bus) -> None:
    sub = bus.subscribe("project.changed")
    sub.sync()
    reply = bus.request(
        "storage",
        CreateProject(
            name="Pomodoro",
            description="dark timer",
            project_type="game",
            provider="anthropic",
            model="claude-sonnet-4-5",
            files=[FileWrite(path="index.html", content="<h1>25:00</h1>")],
        ),
    )
    p = reply.project
    assert (p.name, p.project_type, p.file_count, p.total_bytes, p.forked_from) == ("Pomodoro", "game", 1, 14, None)
    event = sub.recv(timeout=5)
    assert event.topic == "project.changed" and isinstance(event.body, ProjectChanged)
    assert (event.body.project_id, event.body.what, event.body.paths) == (p.id, "created", ["index.html"])

    bus.request("storage", AddMessage(project_id=p.id, role="user", content="make a pomodoro timer"))
    detail = bus.request("storage", LoadProject(project_id=p.id))
    assert [m.content for m in detail.messages] == ["make a pomodoro timer"]
    assert [(f.path, f.language) for f in detail.files] == [("index.html", "html")]
    assert sub.recv(timeout=5).body.what == "messages"

    renamed = bus.request("storage", RenameProject(project_id=p.id, name="Focus timer")).project
    assert renamed.name == "Focus timer" and renamed.updated_at >= p.updated_at
    assert sub.recv(timeout=5).body.what == "renamed"
    assert bus.request("storage", GetProject(project_id=p.id)).project.name == "Focus timer"
    assert bus.request("storage", FindProject(ref=p.id[:8])).project.id == p.id
    assert bus.request("storage", FindProject(ref="focus TIMER")).project.id == p.id

    fork = bus.request("storage", DuplicateProject(project_id=p.id)).project
    assert fork.forked_from == p.id and fork.name == "Focus timer (copy)" and fork.message_count == 1
    assert contents(bus, fork.id) == contents(bus, p.id)

    with pytest.raises(InvalidRequest, match="project type"):
        bus.request("storage", CreateProject(name="x", project_type="spaceship"))  # type: ignore[arg-type]
    with pytest.raises(InvalidRequest, match="name"):
        bus.request("storage", CreateProject(name="   "))

    bus.request("storage", DeleteProject(project_id=p.id))
    with pytest.raises(NotFound):
        bus.request("storage", LoadProject(project_id=p.id))
    assert bus.request("storage", GetProject(project_id=fork.id)).project.forked_from is None  # ON DELETE SET NULL
    with pytest.raises(NotFound):
        bus.request("storage", DeleteProject(project_id=p.id))
    sub.close()


def test_list_is_paged_and_sorted(bus: Bus) -> None:
    ids = [create(bus, name) for name in ("list-c", "list-a", "list-b")]
    everything = bus.request("storage", ListProjects(sort="updated", limit=1000)).items
    newest_first = [p.id for p in everything if p.id in ids]
    assert newest_first == ids[::-1]
    by_created = [
        p.id
        for p in bus.request("storage", ListProjects(sort="created", descending=False, limit=1000)).items
        if p.id in ids
    ]
    assert by_created == ids
    names = [p.name for p in bus.request("storage", ListProjects(sort="name", limit=1000)).items]
    assert names == sorted(names, key=str.lower)
    first = bus.request("storage", ListProjects(limit=2))
    second = bus.request("storage", ListProjects(limit=2, offset=2))
    assert first.total == second.total >= 3 and len(first.items) == 2
    assert not {p.id for p in first.items} & {p.id for p in second.items}
    # a write makes the project the most recently updated
    bus.request("storage", RenameProject(project_id=ids[0], name="list-c2"))
    assert bus.request("storage", ListProjects(limit=1)).items[0].id == ids[0]


def test_files_crud(bus: Bus) -> None:
    pid = create(bus, "files")
    bus.request("storage", CreateFile(project_id=pid, path="src/app.js", content="let a = 1;\n"))
    with pytest.raises(Conflict, match="src/app.js"):
        bus.request("storage", CreateFile(project_id=pid, path="src/app.js", content="again"))
    bus.request("storage", UpdateFile(project_id=pid, path="src/app.js", content="let a = 2;\n"))
    with pytest.raises(NotFound, match="missing.js"):
        bus.request("storage", UpdateFile(project_id=pid, path="missing.js", content=""))
    bus.request("storage", UpdateFile(project_id=pid, path="style.css", content="body{}", create=True))
    read = bus.request("storage", ReadFile(project_id=pid, path="src/app.js")).file
    assert (read.content, read.language, read.size) == ("let a = 2;\n", "javascript", 11)
    renamed = bus.request("storage", RenameFile(project_id=pid, path="src/app.js", new_path="src/main.ts"))
    assert sorted((f.path, f.language) for f in renamed.files) == [("src/main.ts", "typescript"), ("style.css", "css")]
    with pytest.raises(Conflict):
        bus.request("storage", RenameFile(project_id=pid, path="style.css", new_path="src/main.ts"))
    bus.request("storage", DeleteFile(project_id=pid, path="style.css"))
    with pytest.raises(NotFound):
        bus.request("storage", ReadFile(project_id=pid, path="style.css"))
    listing = bus.request("storage", ListFiles(project_id=pid))
    assert [f.path for f in listing.files] == ["src/main.ts"] and listing.total_bytes == 11
    hits = bus.request("storage", SearchFiles(project_id=pid, query="let")).hits
    assert [h.path for h in hits] == ["src/main.ts"] and "«let»" in hits[0].snippet


# -- atomicity and validation ---------------------------------------------------------------


def test_a_batch_with_one_bad_file_changes_nothing(bus: Bus) -> None:
    pid = create(bus, "atomic", {"a.txt": "A", "b.txt": "B"})
    before = bus.request("storage", LoadProject(project_id=pid))
    points = bus.request("storage", ListCheckpoints(project_id=pid)).total
    bad_batches = [
        # refused by validation before anything is written
        [FileOp(op="write", path="a.txt", content="A2"), FileOp(op="write", path="../x", content="evil")],
        # fails in the middle of the transaction, after two writes were applied
        [
            FileOp(op="write", path="a.txt", content="A2"),
            FileOp(op="create", path="c.txt", content="C"),
            FileOp(op="update", path="missing.txt", content="?"),
            FileOp(op="delete", path="b.txt"),
        ],
        [FileOp(op="delete", path="b.txt"), FileOp(op="rename", path="a.txt", new_path="b/../../etc")],
    ]
    for ops in bad_batches:
        with pytest.raises((InvalidPath, NotFound)):
            bus.request("storage", ApplyFileBatch(project_id=pid, ops=ops))
    with pytest.raises(InvalidPath):
        bus.request(
            "storage",
            SaveProject(
                project_id=pid,
                name="renamed too",
                files=[FileWrite(path="new.txt", content="N"), FileWrite(path="/etc/passwd", content="root")],
            ),
        )
    with pytest.raises(NotText):
        bus.request(
            "storage",
            ApplyFiles(
                project_id=pid,
                message_id="",
                files=[FileWrite(path="ok.txt", content="fine"), FileWrite(path="nul.txt", content="a\0b")],
            ),
        )
    after = bus.request("storage", LoadProject(project_id=pid))
    assert after == before
    assert bus.request("storage", ListCheckpoints(project_id=pid)).total == points
    good = bus.request(
        "storage",
        ApplyFileBatch(
            project_id=pid,
            ops=[
                FileOp(op="write", path="a.txt", content="A2"),
                FileOp(op="create", path="c.txt", content="C"),
                FileOp(op="delete", path="b.txt"),
                FileOp(op="rename", path="c.txt", new_path="d/c.txt"),
            ],
        ),
    )
    assert [f.path for f in good.files] == ["a.txt", "d/c.txt"] and good.checkpoint is not None


@pytest.mark.parametrize("path", ["../x", "/etc/passwd", "a/../../b", "a\0b", "..\\x", "C:/Windows/x"])
def test_path_traversal_is_refused(bus: Bus, path: str) -> None:
    pid = create(bus, "traversal")
    with pytest.raises(InvalidPath) as err:
        bus.request("storage", CreateFile(project_id=pid, path=path, content="x"))
    assert err.value.details["path"] == path.replace("\0", "\\0")
    with pytest.raises(InvalidPath):
        bus.request("storage", ApplyFiles(project_id=pid, message_id="", files=[FileWrite(path=path, content="x")]))
    assert contents(bus, pid) == {}


def test_a_10mb_file_is_refused_naming_file_and_limit(bus: Bus) -> None:
    pid = create(bus, "big")
    with pytest.raises(FileTooLarge) as err:
        bus.request("storage", CreateFile(project_id=pid, path="huge.js", content="x" * (10 * 1024 * 1024)), timeout=30)
    assert "huge.js" in err.value.message and "10 MB" in err.value.message and "2 MB" in err.value.message
    assert err.value.details["limit"] == 2 * 1024 * 1024
    assert contents(bus, pid) == {}


# -- search ---------------------------------------------------------------------------------


def test_fts_ranks_names_first_and_highlights(bus: Bus) -> None:
    in_name = create(bus, "Zeppelin tracker", description="follow airships")
    in_file = create(bus, "Sky app", {"index.html": "<p>Watch the zeppelin fly over the city at night.</p>"})
    in_message = create(bus, "Chat project")
    bus.request("storage", AddMessage(project_id=in_message, role="user", content="add a zeppelin to the banner"))
    create(bus, "Unrelated", {"a.txt": "nothing here"})

    reply = bus.request("storage", SearchProjects(query="zeppelin"))
    ranked = [h.project_id for h in reply.hits]
    assert set(ranked) == {in_name, in_file, in_message} and reply.total == 3
    assert ranked[0] == in_name
    by_id = {h.project_id: h for h in reply.hits}
    assert by_id[in_name].source == "project" and "«Zeppelin»" in by_id[in_name].snippet
    assert by_id[in_file].source == "file" and by_id[in_file].ref == "index.html"
    assert "«zeppelin»" in by_id[in_file].snippet
    assert by_id[in_message].source == "message" and "«zeppelin»" in by_id[in_message].snippet

    # several words must all match; the last one is a prefix
    assert [h.project_id for h in bus.request("storage", SearchProjects(query="zeppelin fl")).hits] == [in_file]
    marks = bus.request("storage", SearchProjects(query="airship", mark_open="<b>", mark_close="</b>")).hits
    assert marks[0].snippet == "Zeppelin tracker" or "<b>airships</b>" in marks[0].snippet
    # punctuation and FTS syntax typed by a person are harmless
    assert bus.request("storage", SearchProjects(query='"zeppelin" (*')).hits
    with pytest.raises(InvalidRequest):
        bus.request("storage", SearchProjects(query='"unbalanced', raw=True))
    with pytest.raises(InvalidRequest):
        bus.request("storage", SearchProjects(query="  !!  "))

    # the index follows writes: rename away, delete
    bus.request("storage", RenameProject(project_id=in_name, name="Balloon tracker"))
    bus.request("storage", DeleteProject(project_id=in_file))
    hits = bus.request("storage", SearchProjects(query="zeppelin")).hits
    assert [h.project_id for h in hits] == [in_message]


# -- history ---------------------------------------------------------------------------------


def test_history_checkpoints_diff_and_restore(bus: Bus) -> None:
    pid = create(bus, "history", {"index.html": "<h1>v1</h1>\n", "old.css": "a{}\n"})
    message = bus.request("storage", StartAssistantMessage(project_id=pid)).message
    generation = bus.request(
        "storage",
        ApplyFiles(
            project_id=pid,
            message_id=message.id,
            files=[FileWrite(path="index.html", content="<h1>v2</h1>\n"), FileWrite(path="app.js", content="go()\n")],
            deletes=["old.css"],
        ),
    )
    assert generation.checkpoint.kind == "generation" and generation.checkpoint.message_id == message.id
    saved = bus.request(
        "storage", SaveProject(project_id=pid, files=[FileWrite(path="app.js", content="go(1)\n")], label="tweak")
    )
    assert saved.checkpoint.kind == "save" and saved.checkpoint.label == "tweak"

    points = bus.request("storage", ListCheckpoints(project_id=pid))
    assert [c.kind for c in points.items] == ["save", "generation", "create"]
    first, second = points.items[2].id, points.items[1].id

    diff = bus.request("storage", DiffCheckpoints(project_id=pid, from_id=first, to_id=second))
    by_path = {d.path: d for d in diff.files}
    assert {p: d.status for p, d in by_path.items()} == {
        "app.js": "added",
        "index.html": "modified",
        "old.css": "removed",
    }
    assert "-<h1>v1</h1>\n+<h1>v2</h1>\n" in by_path["index.html"].diff
    assert by_path["index.html"].diff.startswith("--- a/index.html")
    assert (by_path["index.html"].added, by_path["index.html"].removed) == (1, 1)
    current = bus.request("storage", DiffCheckpoints(project_id=pid, from_id=second))
    assert [(d.path, d.diff.splitlines()[-2:]) for d in current.files] == [("app.js", ["-go()", "+go(1)"])]

    restored = bus.request("storage", RestoreCheckpoint(project_id=pid, checkpoint_id=first))
    assert restored.checkpoint.kind == "restore" and str(first) in restored.checkpoint.label
    assert contents(bus, pid) == {"index.html": "<h1>v1</h1>\n", "old.css": "a{}\n"}
    assert bus.request("storage", DiffCheckpoints(project_id=pid, from_id=first)).files == []
    # nothing was lost: the generation is still there and can be restored too
    assert bus.request("storage", ListCheckpoints(project_id=pid)).total == 4
    old = bus.request("storage", GetCheckpoint(checkpoint_id=second))
    assert {f.path: f.content for f in old.files} == {"index.html": "<h1>v2</h1>\n", "app.js": "go()\n"}
    with pytest.raises(NotFound):
        bus.request("storage", RestoreCheckpoint(project_id=create(bus, "other"), checkpoint_id=first))


# -- export / import -----------------------------------------------------------------------------

TRICKY = {
    "index.html": "<!doctype html>\n<title>t</title>\n",
    "css/site.css": "body { color: red }\r\n",  # CRLF kept
    "js/deep/nested/app.js": "console.log('no newline at end')",
    "bom.txt": "\ufeffstarts with a BOM\n",
    "unicode/ünï.md": "# Grüße 🌍\n",
    "empty.txt": "",
    ".gitignore": "node_modules\n",
}


def test_export_import_round_trip_is_byte_identical(bus: Bus, tmp_path: Path) -> None:
    pid = create(bus, "Round trip", TRICKY, description="every kind of text", project_type="dashboard")
    zip_path = tmp_path / "out" / "rt.zip"
    reply = bus.request("storage", ExportProject(project_id=pid, path=str(zip_path), format="zip"))
    assert reply.files == len(TRICKY)
    with zipfile.ZipFile(zip_path) as zf:
        for path, text in TRICKY.items():
            assert zf.read(path) == text.encode("utf-8")
        manifest = json.loads(zf.read(".vibing-project.json"))
    assert manifest["name"] == "Round trip" and manifest["project_type"] == "dashboard"
    with pytest.raises(Conflict):
        bus.request("storage", ExportProject(project_id=pid, path=str(zip_path), format="zip"))

    imported = bus.request("storage", ImportProject(path=str(zip_path))).project
    assert (imported.name, imported.description, imported.project_type) == (
        "Round trip",
        "every kind of text",
        "dashboard",
    )
    assert contents(bus, imported.id) == TRICKY

    folder = tmp_path / "folder-export"
    bus.request("storage", ExportProject(project_id=imported.id, path=str(folder), format="folder"))
    for path, text in TRICKY.items():
        assert (folder / path).read_bytes() == text.encode("utf-8")
    again = bus.request("storage", ImportProject(path=str(folder), name="From folder")).project
    assert again.name == "From folder" and contents(bus, again.id) == TRICKY

    # a plain folder (no manifest) is opened as a project named after it
    plain = tmp_path / "my-site"
    (plain / "node_modules" / "dep").mkdir(parents=True)
    (plain / "node_modules" / "dep" / "index.js").write_text("skipped")
    (plain / "index.html").write_bytes(b"<p>plain</p>\r\n")
    opened = bus.request("storage", ImportProject(path=str(plain))).project
    assert opened.name == "my-site" and contents(bus, opened.id) == {"index.html": "<p>plain</p>\r\n"}


def test_import_validates_like_every_write(bus: Bus, tmp_path: Path) -> None:
    before = bus.request("storage", ListProjects()).total
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("index.html", "ok")
        zf.writestr("../../escape.txt", "evil")
    with pytest.raises(InvalidPath, match="escape.txt"):
        bus.request("storage", ImportProject(path=str(evil)))
    binary = tmp_path / "bin"
    binary.mkdir()
    (binary / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    with pytest.raises(NotText, match="logo.png"):
        bus.request("storage", ImportProject(path=str(binary)))
    with pytest.raises(InvalidPath, match="absolute"):
        bus.request("storage", ImportProject(path="relative/path.zip"))
    with pytest.raises(NotFound):
        bus.request("storage", ImportProject(path=str(tmp_path / "nope.zip")))
    assert bus.request("storage", ListProjects()).total == before
    assert not (tmp_path.parent / "escape.txt").exists()


# -- durable streaming ------------------------------------------------------------------------------


def test_durable_append_is_idempotent_and_finish_records_usage_once(bus: Bus) -> None:
    pid = create(bus, "stream")
    m = bus.request(
        "storage", StartAssistantMessage(project_id=pid, agent="frontend", model="claude-x", message_id="msg-fixed-1")
    ).message
    assert (m.id, m.status, m.content, m.last_seq) == ("msg-fixed-1", "streaming", "", -1)
    # the same start again (a retry) returns the same message
    assert bus.request("storage", StartAssistantMessage(project_id=pid, message_id="msg-fixed-1")).message.id == m.id
    assert m.id in [x.id for x in bus.request("storage", ListStreamingMessages()).messages]

    batches = [("Hello", 4), (", wor", 9), ("ld", 11)]
    for text, seq in batches:
        assert bus.request("storage", AppendMessageText(message_id=m.id, text=text, seq=seq)).applied
    for text, seq in batches:  # replayed after a reconnect: nothing changes
        reply = bus.request("storage", AppendMessageText(message_id=m.id, text=text, seq=seq))
        assert not reply.applied and reply.last_seq == 11 and reply.length == len("Hello, world")
    assert bus.request("storage", GetMessage(message_id=m.id)).message.content == "Hello, world"

    done = bus.request(
        "storage",
        FinishMessage(
            message_id=m.id, status="complete", text="!", seq=12, input_tokens=100, output_tokens=12, cost_usd=0.0012
        ),
    ).message
    assert (done.content, done.status, done.last_seq, done.input_tokens, done.output_tokens) == (
        "Hello, world!",
        "complete",
        12,
        100,
        12,
    )
    again = bus.request(
        "storage",
        FinishMessage(
            message_id=m.id, status="complete", text="!", seq=12, input_tokens=100, output_tokens=12, cost_usd=0.0012
        ),
    ).message
    assert again.content == "Hello, world!" and again.input_tokens == 100
    assert m.id not in [x.id for x in bus.request("storage", ListStreamingMessages()).messages]
    with pytest.raises(Conflict):
        bus.request("storage", AppendMessageText(message_id=m.id, text="late", seq=13))

    # an interrupted stream is resumed and continued
    cut = bus.request("storage", StartAssistantMessage(project_id=pid, model="claude-x")).message
    bus.request("storage", AppendMessageText(message_id=cut.id, text="part", seq=0))
    bus.request("storage", FinishMessage(message_id=cut.id, status="interrupted"))
    resumed = bus.request("storage", ResumeMessage(message_id=cut.id)).message
    assert (resumed.status, resumed.content, resumed.last_seq) == ("streaming", "part", 0)
    bus.request("storage", AppendMessageText(message_id=cut.id, text="ial", seq=1))
    bus.request(
        "storage", FinishMessage(message_id=cut.id, status="stopped", input_tokens=5, output_tokens=2, cost_usd=0.0001)
    )
    bus.request("storage", RecordUsage(project_id=pid, model="claude-haiku", input_tokens=7, output_tokens=3))

    usage = bus.request("storage", UsageSummary(project_id=pid))
    assert (usage.requests, usage.input_tokens, usage.output_tokens) == (3, 112, 17)
    assert {u.model: u.requests for u in usage.by_model} == {"claude-x": 2, "claude-haiku": 1}
    overall = bus.request("storage", UsageSummary())
    assert overall.input_tokens >= 112 and overall.requests >= 3
    detail = bus.request("storage", LoadProject(project_id=pid))
    assert [(x.content, x.status) for x in detail.messages] == [("Hello, world!", "complete"), ("partial", "stopped")]


# -- cache, database, CLI ---------------------------------------------------------------------------------


def test_cache_hits_are_reported_and_writes_invalidate(bus: Bus) -> None:
    pid = create(bus, "cached", {"a.txt": "1"})
    before = bus.request("storage", Ping()).details["cache"]
    for _ in range(5):
        assert contents(bus, pid) == {"a.txt": "1"}
    after = bus.request("storage", Ping()).details["cache"]
    assert after["hits"] - before["hits"] >= 4 and after["misses"] - before["misses"] >= 1
    bus.request("storage", UpdateFile(project_id=pid, path="a.txt", content="2"))
    assert contents(bus, pid) == {"a.txt": "2"}
    bus.request("storage", AddMessage(project_id=pid, role="user", content="hi"))
    assert len(bus.request("storage", LoadProject(project_id=pid)).messages) == 1
    # a growing stream makes the loaded project stale, not the file list
    m = bus.request("storage", StartAssistantMessage(project_id=pid)).message
    bus.request("storage", ListFiles(project_id=pid))
    hits = bus.request("storage", Ping()).details["cache"]["hits"]
    for seq in range(3):
        bus.request("storage", AppendMessageText(message_id=m.id, text=f"t{seq}", seq=seq))
        assert bus.request("storage", LoadProject(project_id=pid)).messages[-1].content == "t0t1t2"[: 2 * seq + 2]
        assert [f.path for f in bus.request("storage", ListFiles(project_id=pid)).files] == ["a.txt"]
    assert bus.request("storage", Ping()).details["cache"]["hits"] - hits == 3


def test_backup_and_check(bus: Bus, tmp_path: Path) -> None:
    import apsw

    create(bus, "backed up", {"a.txt": "x"})
    check = bus.request("storage", CheckDatabase())
    assert check.ok and check.integrity == ["ok"] and check.foreign_keys == [] and check.schema_version >= 1
    reply = bus.request("storage", BackupDatabase(path=str(tmp_path / "b.db")))
    assert reply.bytes > 0
    conn = apsw.Connection(str(tmp_path / "b.db"))
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM projects WHERE name = 'backed up'").fetchone()[0] == 1
    conn.close()
    with pytest.raises(InvalidPath):
        bus.request("storage", BackupDatabase(path="relative.db"))


def test_cli_projects_and_db(running: App, bus: Bus, tmp_path: Path) -> None:
    pid = create(bus, "Cli Quokka", {"index.html": "<p>quokka smiles</p>\n"}, description="for the cli")
    out = running.cli("projects", "ls", "--sort", "name")
    assert out.returncode == 0 and "Cli Quokka" in out.stdout and pid[:8] in out.stdout
    listed = json.loads(running.cli("projects", "ls", "--json", "--limit", "1000").stdout)
    assert pid in [p["id"] for p in listed["items"]]
    show = running.cli("projects", "show", pid[:8])
    assert show.returncode == 0 and "index.html" in show.stdout and "History (1 checkpoints)" in show.stdout
    found = running.cli("projects", "search", "quokka")
    assert found.returncode == 0 and "[quokka]" in found.stdout.lower() and "Cli Quokka" in found.stdout
    zip_path = tmp_path / "q.zip"
    assert running.cli("projects", "export", pid, str(zip_path)).returncode == 0
    imported = running.cli("projects", "import", str(zip_path), "--name", "Quokka two", "--json")
    assert imported.returncode == 0, imported.stderr
    new_id = json.loads(imported.stdout)["id"]
    assert contents(bus, new_id) == {"index.html": "<p>quokka smiles</p>\n"}
    removed = running.cli("projects", "rm", new_id, "--yes")
    assert removed.returncode == 0 and "Deleted" in removed.stdout
    missing = running.cli("projects", "show", "no-such-project")
    assert missing.returncode == 2 and "No project matches" in missing.stderr
    check = running.cli("db", "check")
    assert check.returncode == 0 and "through the running app" in check.stdout and "integrity_check: ok" in check.stdout
    backup = running.cli("db", "backup", str(tmp_path / "cli.db"))
    assert backup.returncode == 0 and (tmp_path / "cli.db").stat().st_size > 0
    assert os.path.exists(tmp_path / "cli.db")
