"""Migration 0005 (issue 20): the attachments table, applied to a database of schema 4 that holds data."""

from __future__ import annotations

from pathlib import Path

import apsw
import pytest

from tests.fakes.images import png
from vibing.services.storage import db as db_mod
from vibing.services.storage.db import Database


def test_migration_0005_adds_attachments_keeps_everything_and_cascades(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = db_mod.migrations()
    assert every[4].name == "0005_attachments.sql"
    monkeypatch.setattr(db_mod, "migrations", lambda: every[:4])
    old = Database(tmp_path / "v.db")
    assert old.version == 4
    with old.transaction() as conn:
        for p in ("p1", "p2"):
            conn.execute(
                "INSERT INTO projects(id, user_id, name, created_at, updated_at) VALUES (?, 'local', ?, 1, 1)", (p, p)
            )
        conn.execute(
            "INSERT INTO messages(id, project_id, role, content, created_at, updated_at)"
            " VALUES ('m1', 'p1', 'user', 'make it red', 1, 1), ('m2', 'p1', 'assistant', 'done', 2, 2),"
            " ('m3', 'p2', 'user', 'blue', 3, 3)"
        )
        conn.execute(
            "INSERT INTO token_usage(user_id, project_id, message_id, model, input_tokens, output_tokens, cost_usd,"
            " created_at, cache_read_input_tokens) VALUES ('local', 'p1', 'm2', 'claude-sonnet-4-5', 900, 40, 0.1, 2, 7)"
        )
    before = {
        table: list(old.reader.execute(f"SELECT * FROM {table} ORDER BY 1"))
        for table in ("projects", "messages", "token_usage")
    }
    old.close()

    monkeypatch.setattr(db_mod, "migrations", lambda: every)
    db = Database(tmp_path / "v.db")
    try:
        assert (db.migrated_from, db.version) == (4, len(every))
        for table, rows in before.items():
            assert list(db.reader.execute(f"SELECT * FROM {table} ORDER BY 1")) == rows, table
        image = png(2, 2)
        with db.transaction() as conn:
            for n, (message, project) in enumerate((("m1", "p1"), ("m1", "p1"), ("m3", "p2"))):
                conn.execute(
                    "INSERT INTO attachments(id, message_id, project_id, ordinal, media_type, width, height, bytes,"
                    " created_at) VALUES (?, ?, ?, ?, 'image/png', 2, 2, ?, 5)",
                    (f"a{n}", message, project, n, image),
                )
        assert db.reader.execute("SELECT bytes FROM attachments WHERE id = 'a0'").fetchone()[0] == image
        # SVG is not a type the table takes, whoever writes to it
        with pytest.raises(apsw.ConstraintError), db.transaction() as conn:
            conn.execute(
                "INSERT INTO attachments(id, message_id, project_id, ordinal, media_type, bytes, created_at)"
                " VALUES ('x', 'm1', 'p1', 9, 'image/svg+xml', x'3c', 5)"
            )
        # deleting a message deletes its images; deleting a project deletes the rest of its own, only its own
        with db.transaction() as conn:
            conn.execute("DELETE FROM messages WHERE id = 'm3'")
        assert [r[0] for r in db.reader.execute("SELECT id FROM attachments ORDER BY id")] == ["a0", "a1"]
        with db.transaction() as conn:
            conn.execute("DELETE FROM projects WHERE id = 'p1'")
        assert db.reader.execute("SELECT count(*) FROM attachments").fetchone()[0] == 0
        assert db.reader.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.check() == (["ok"], [])
    finally:
        db.close()
