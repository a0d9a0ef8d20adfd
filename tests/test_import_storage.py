"""The storage side of the PostgreSQL import, in-process: keyed by source id, whole or nothing, original times."""

from __future__ import annotations

from pathlib import Path

import pytest

from vibing import project_files
from vibing.errors import FileTooLarge, InvalidRequest
from vibing.schema.storage import ExternalCheckpoint, ExternalMessage, ExternalUsage, ExternalUser, FileWrite
from vibing.services.storage import history, imports, messages
from vibing.services.storage.db import Database

LIMITS = project_files.Limits(max_file_bytes=1000, max_project_bytes=2500, max_files=3)


def _import(db: Database, source_id: str = "p1", **kw) -> tuple[str, bool]:
    args = dict(
        source="vibing2",
        source_id=source_id,
        name="Timer",
        description="d",
        project_type="game",
        created_at=1000.5,
        updated_at=2000.25,
        owner_source_id="u1",
        file_writes=[FileWrite(path="index.html", content="<p>now</p>")],
        msgs=[
            ExternalMessage(source_id="m1", role="user", content="make it", created_at=1100.0, input_tokens=7),
            ExternalMessage(
                source_id="m2",
                role="assistant",
                content="done",
                created_at=1200.0,
                output_tokens=99,
                agent="game-developer",
            ),
        ],
        checkpoints=[
            ExternalCheckpoint(
                label="Version 1",
                created_at=1050.0,
                files=[FileWrite(path="index.html", content="<p>v1</p>"), FileWrite(path="old.css", content="a{}")],
            )
        ],
        meta={"active_agents": ["game-developer"]},
        limits=LIMITS,
    )
    args.update(kw)
    with db.transaction() as conn:
        return imports.import_project(conn, **args)


def test_project_arrives_whole_with_its_times_and_only_once(tmp_path: Path) -> None:
    db = Database(tmp_path / "v.db")
    with db.transaction() as conn:
        assert imports.import_users(conn, "vibing2", [ExternalUser(source_id="u1", email="a@b.c", name="A")]) == (1, 0)
    project_id, created = _import(db)
    assert created
    row = db.read_one(
        "SELECT name, project_type, created_at, updated_at, user_id FROM projects WHERE id = ?", (project_id,)
    )
    assert row == ("Timer", "game", 1000.5, 2000.25, "local")
    msgs = messages.for_project(db.reader, project_id)
    assert [(m.role, m.content, m.created_at, m.input_tokens, m.output_tokens, m.agent) for m in msgs] == [
        ("user", "make it", 1100.0, 7, 0, ""),
        ("assistant", "done", 1200.0, 0, 99, "game-developer"),
    ]
    points, total = history.listing(db.reader, project_id, 10, 0)
    assert total == 2
    oldest, newest = sorted(points, key=lambda c: c.id)
    assert (oldest.label, oldest.created_at, oldest.file_count) == ("Version 1", 1050.0, 2)
    assert history.contents(db.reader, oldest.id) == {"index.html": "<p>v1</p>", "old.css": "a{}"}
    assert history.contents(db.reader, newest.id) == {"index.html": "<p>now</p>"}
    assert db.read_one("SELECT owner FROM import_sources WHERE kind = 'project' AND source_id = 'p1'") == ("a@b.c",)

    assert _import(db) == (project_id, False)  # again: nothing changes
    assert db.read_one("SELECT count(*) FROM projects")[0] == 1
    assert db.read_one("SELECT count(*) FROM messages")[0] == 2
    assert imports.imported(db.reader, "vibing2", "project") == {"p1": project_id}
    with db.transaction() as conn:
        assert imports.import_users(conn, "vibing2", [ExternalUser(source_id="u1", email="a@b.c")]) == (0, 1)
    assert db.check() == (["ok"], [])


def test_a_failing_project_leaves_nothing_behind(tmp_path: Path) -> None:
    db = Database(tmp_path / "v.db")
    too_many = [FileWrite(path=f"f{i}.txt", content="x") for i in range(5)]
    with pytest.raises(FileTooLarge):
        _import(db, file_writes=too_many)
    assert db.read_one("SELECT count(*) FROM projects")[0] == 0
    assert db.read_one("SELECT count(*) FROM messages")[0] == 0
    assert db.read_one("SELECT count(*) FROM import_sources")[0] == 0
    with pytest.raises(InvalidRequest):
        imports.check_project(
            "x", "", "game", [], [], [ExternalMessage(source_id="m", role="tool", content="", created_at=0)], LIMITS
        )


def test_usage_and_fork_links_are_idempotent(tmp_path: Path) -> None:
    db = Database(tmp_path / "v.db")
    original, _ = _import(db, "p1")
    fork, _ = _import(db, "p2")
    rows = [
        ExternalUsage(source_id=f"t{i}", created_at=10.0 + i, model="vibing2:/api", output_tokens=100 + i)
        for i in range(3)
    ]
    for expected in ((3, 0), (0, 3)):
        with db.transaction() as conn:
            assert imports.import_usage(conn, "vibing2", rows) == expected
    assert messages.usage(db.reader).output_tokens == 2 * 99 + 303
    for expected in (["p2-local"], []):
        with db.transaction() as conn:
            linked = imports.link_forks(conn, "vibing2", [["p2", "p1"], ["p2", "missing"]])
        assert len(linked) == len(expected)
    assert db.read_one("SELECT forked_from FROM projects WHERE id = ?", (fork,)) == (original,)
    with pytest.raises(InvalidRequest):
        imports.imported(db.reader, "vibing2", "things")
