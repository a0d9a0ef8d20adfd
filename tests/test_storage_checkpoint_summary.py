"""The History list's summary: each checkpoint says who made it and how many files it added, modified and
removed since the one before, stored when it is taken (and backfilled by migration 0003 for older ones).

Over the real bus of a real headless app, except the migration test, which needs a database at version 2.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import apsw
import pytest
from conftest import App, start_app

from vibing.bus import Bus
from vibing.schema.storage import (
    ApplyFiles,
    CheckpointInfo,
    CreateFile,
    CreateProject,
    DeleteFile,
    DiffCheckpoints,
    DuplicateProject,
    ExternalCheckpoint,
    FileWrite,
    ImportExternalProject,
    ImportProject,
    ListCheckpoints,
    LoadProject,
    RenameFile,
    RestoreCheckpoint,
    SaveProject,
    StartAssistantMessage,
    UpdateFile,
)
from vibing.services.storage import db as db_mod
from vibing.services.storage import history
from vibing.services.storage.db import Database


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = start_app(tmp_path_factory.mktemp("summary") / "home")
    yield app
    app.stop()


@pytest.fixture
def bus(running: App) -> Iterator[Bus]:
    client = running.bus()
    yield client
    client.close()


def create(bus: Bus, name: str, files: dict[str, str]) -> str:
    reply = bus.request(
        "storage", CreateProject(name=name, files=[FileWrite(path=p, content=c) for p, c in files.items()])
    )
    return reply.project.id


def history_of(bus: Bus, project_id: str) -> list[CheckpointInfo]:
    """Oldest first."""
    return list(reversed(bus.request("storage", ListCheckpoints(project_id=project_id)).items))


def summary(point: CheckpointInfo) -> tuple[str, str, int, int, int]:
    return (point.kind, point.author, point.added, point.modified, point.removed)


def generate(
    bus: Bus, project_id: str, agent: str, files: dict[str, str], deletes: tuple[str, ...] = ()
) -> CheckpointInfo:
    message = bus.request("storage", StartAssistantMessage(project_id=project_id, agent=agent)).message
    reply = bus.request(
        "storage",
        ApplyFiles(
            project_id=project_id,
            message_id=message.id,
            files=[FileWrite(path=p, content=c) for p, c in files.items()],
            deletes=list(deletes),
        ),
    )
    return reply.checkpoint


def test_each_checkpoint_says_who_made_it_and_what_changed(bus: Bus) -> None:
    pid = create(bus, "summaries", {"index.html": "v1", "style.css": "s1"})
    taken = [history_of(bus, pid)[0]]
    taken.append(generate(bus, pid, "frontend-developer", {"index.html": "v2", "app.js": "a1"}, deletes=("style.css",)))
    taken.append(
        bus.request("storage", SaveProject(project_id=pid, files=[FileWrite(path="app.js", content="a2")])).checkpoint
    )
    taken.append(bus.request("storage", UpdateFile(project_id=pid, path="index.html", content="v3")).checkpoint)
    taken.append(bus.request("storage", CreateFile(project_id=pid, path="notes.md", content="n")).checkpoint)
    taken.append(bus.request("storage", DeleteFile(project_id=pid, path="notes.md")).checkpoint)
    taken.append(bus.request("storage", RenameFile(project_id=pid, path="app.js", new_path="main.js")).checkpoint)
    taken.append(bus.request("storage", RestoreCheckpoint(project_id=pid, checkpoint_id=taken[0].id)).checkpoint)
    taken.append(generate(bus, pid, "", {"index.html": "v1"}))  # same content as now: nothing changed

    assert [summary(p) for p in taken] == [
        ("create", "you", 2, 0, 0),
        ("generation", "frontend-developer", 1, 1, 1),
        ("save", "you", 0, 1, 0),
        ("edit", "you", 0, 1, 0),
        ("edit", "you", 1, 0, 0),
        ("edit", "you", 0, 0, 1),
        ("edit", "you", 1, 0, 1),  # a rename: main.js appears, app.js goes
        ("restore", "you", 1, 1, 1),  # back to index.html v1 and style.css, from v3 and main.js
        ("generation", "assistant", 0, 0, 0),  # no agent named
    ]
    # what each write answered is what the History list shows
    assert history_of(bus, pid) == taken

    # the counts are those of the diff between neighbours; any two ids still diff
    for before, after in zip(taken, taken[1:], strict=False):
        diff = bus.request("storage", DiffCheckpoints(project_id=pid, from_id=before.id, to_id=after.id)).files
        statuses = [d.status for d in diff]
        assert (statuses.count("added"), statuses.count("modified"), statuses.count("removed")) == (
            after.added,
            after.modified,
            after.removed,
        ), (before.label, after.label)
    across = bus.request("storage", DiffCheckpoints(project_id=pid, from_id=taken[1].id, to_id=taken[6].id))
    assert {d.path: d.status for d in across.files} == {
        "app.js": "removed",
        "main.js": "added",
        "index.html": "modified",
    }


def test_forks_and_imports_are_summarised_from_their_first_checkpoint(bus: Bus, tmp_path: Path) -> None:
    source = create(bus, "to fork", {"a.txt": "a", "b.txt": "b", "c.txt": "c"})
    fork = bus.request("storage", DuplicateProject(project_id=source, name="forked")).project
    assert [summary(p) for p in history_of(bus, fork.id)] == [("create", "you", 3, 0, 0)]

    archive = tmp_path / "p.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("index.html", "<p>zip</p>")
        z.writestr("js/app.js", "go()")
    imported = bus.request("storage", ImportProject(path=str(archive))).project
    assert [summary(p) for p in history_of(bus, imported.id)] == [("import", "import", 2, 0, 0)]

    external = bus.request(
        "storage",
        ImportExternalProject(
            source="test-summary",
            source_id="p-1",
            name="from the web app",
            created_at=1_700_000_000.0,
            updated_at=1_700_000_300.0,
            checkpoints=[
                ExternalCheckpoint(
                    label="v1", created_at=1_700_000_100.0, files=[FileWrite(path="i.html", content="1")]
                ),
                ExternalCheckpoint(
                    label="v2",
                    created_at=1_700_000_200.0,
                    files=[FileWrite(path="i.html", content="2"), FileWrite(path="s.css", content="s")],
                ),
            ],
            files=[FileWrite(path="i.html", content="3")],
        ),
    )
    assert [summary(p) for p in history_of(bus, external.project_id)] == [
        ("import", "import", 1, 0, 0),
        ("import", "import", 1, 1, 0),
        ("import", "import", 0, 1, 1),
    ]


# -- migration 0003 summarises what older versions recorded ----------------------------------------------


def test_migration_0003_backfills_authors_and_counts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    every = db_mod.migrations()
    assert every[2].name == "0003_drafts.sql"
    monkeypatch.setattr(db_mod, "migrations", lambda: every[:2])
    old = Database(tmp_path / "v.db")
    assert old.version == 2
    blobs = {name: f"content of {name}" for name in ("a1", "a2", "b1", "c1", "x1")}
    with old.transaction() as conn:
        for name, content in blobs.items():
            conn.execute("INSERT INTO blobs(sha256, content) VALUES (?, ?)", (name, content))
        for project in ("p1", "p2"):
            conn.execute(
                "INSERT INTO projects(id, user_id, name, created_at, updated_at) VALUES (?, 'local', ?, 1, 1)",
                (project, project),
            )
        for message, agent in (("m1", "game-developer"), ("m2", "")):
            conn.execute(
                "INSERT INTO messages(id, project_id, role, agent, created_at, updated_at)"
                " VALUES (?, 'p1', 'assistant', ?, 1, 1)",
                (message, agent),
            )
        # (project, kind, message, files as path -> blob), in the order they were taken; p2's interleave
        points = [
            ("p1", "create", "", {"a": "a1", "b": "b1"}),
            ("p2", "import", "", {"x": "x1"}),
            ("p1", "generation", "m1", {"a": "a2", "c": "c1"}),
            ("p1", "save", "", {"a": "a2", "c": "c1"}),
            ("p2", "save", "", {}),
            ("p1", "generation", "m2", {"a": "a1", "b": "b1", "c": "c1"}),
            ("p1", "restore", "", {"a": "a1", "b": "b1"}),
            ("p1", "generation", "gone", {"a": "a1"}),
        ]
        for project, kind, message, files in points:
            conn.execute(
                "INSERT INTO checkpoints(project_id, kind, label, message_id, file_count, created_at)"
                " VALUES (?, ?, '', ?, ?, 1)",
                (project, kind, message, len(files)),
            )
            point = conn.last_insert_rowid()
            for path, blob in files.items():
                conn.execute(
                    "INSERT INTO checkpoint_files(checkpoint_id, path, sha256) VALUES (?, ?, ?)", (point, path, blob)
                )
    old.close()

    monkeypatch.setattr(db_mod, "migrations", lambda: every)
    db = Database(tmp_path / "v.db")
    try:
        assert (db.migrated_from, db.version) == (2, len(every))
        assert db.migration_backup is not None and db.migration_backup.exists()
        p1, _ = history.listing(db.reader, "p1", 100, 0)
        assert [summary(p) for p in reversed(p1)] == [
            ("create", "you", 2, 0, 0),
            ("generation", "game-developer", 1, 1, 1),
            ("save", "you", 0, 0, 0),
            ("generation", "assistant", 1, 1, 0),  # its message names no agent
            ("restore", "you", 0, 0, 1),
            ("generation", "assistant", 0, 0, 1),  # its message is gone
        ]
        p2, _ = history.listing(db.reader, "p2", 100, 0)
        assert [summary(p) for p in reversed(p2)] == [("import", "import", 1, 0, 0), ("save", "you", 0, 0, 1)]
        # new checkpoints continue from the backfilled ones
        with db.transaction() as conn:
            conn.execute(
                "INSERT INTO project_files(project_id, path, content, size, sha256, created_at, updated_at)"
                " VALUES ('p1', 'a', 'content of a1', 13, 'a1', 1, 1)"
            )
            taken = history.create(conn, "p1", "save", "after the migration")
        assert summary(taken) == ("save", "you", 0, 0, 0)
        assert db.check() == (["ok"], [])
    finally:
        db.close()


# -- a long history: the summaries of 100 checkpoints of 50 files, listed in one reply ------------------------


def test_a_long_history_lists_every_checkpoint_with_its_summary(running: App, bus: Bus) -> None:
    """Speed is the bench's business (``vibing bench``); here, that a long history lists whole and right."""
    files = {f"src/file{n:02d}.js": f"export const n = {n};\n" for n in range(50)}
    pid = create(bus, "a long history", files)
    for n in range(99):
        path = f"src/file{n % 50:02d}.js"
        bus.request("storage", UpdateFile(project_id=pid, path=path, content=f"export const n = {n}; // edit {n}\n"))
    assert len(bus.request("storage", LoadProject(project_id=pid)).files) == 50
    reply = bus.request("storage", ListCheckpoints(project_id=pid, limit=100))
    assert reply.total == 100 and len(reply.items) == 100
    assert reply.items[-1].added == 50 and all(p.modified == 1 for p in reply.items[:-1])
    conn = apsw.Connection(str(running.paths.data / "vibing.db"), flags=apsw.SQLITE_OPEN_READONLY)
    try:
        items, total = history.listing(conn, pid, 100, 0)
    finally:
        conn.close()
    assert total == 100 and [i.id for i in items] == [i.id for i in reply.items]
