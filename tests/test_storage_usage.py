"""Usage rows keep the prompt cache's tokens and outlive their project (migration 0004, issue 19).

Money spent stays spent: deleting a project must not lower today's spending (the daily limit compares with it)
nor take its day out of `vibing usage`.  And the tokens a request wrote to and read from Anthropic's prompt cache
are stored beside the input and output, so the usage report can show what caching did.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import start_app

from vibing.schema.storage import (
    CreateProject,
    DeleteProject,
    FinishMessage,
    SpendingSoFar,
    StartAssistantMessage,
    UsageReport,
)
from vibing.services.storage import db as db_mod
from vibing.services.storage.db import Database


def test_migration_0004_keeps_every_usage_row_and_lets_them_outlive_their_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = db_mod.migrations()
    assert every[3].name == "0004_usage_cache_tokens.sql"
    monkeypatch.setattr(db_mod, "migrations", lambda: every[:3])
    old = Database(tmp_path / "v.db")
    assert old.version == 3
    with old.transaction() as conn:
        conn.execute(
            "INSERT INTO projects(id, user_id, name, created_at, updated_at) VALUES ('p1', 'local', 'p', 1, 1)"
        )
        conn.execute(
            "INSERT INTO messages(id, project_id, role, created_at, updated_at) VALUES ('m1', 'p1', 'assistant', 1, 1)"
        )
        for message, tokens, cost in (("m1", 1200, 0.25), (None, 40, 0.01)):
            conn.execute(
                "INSERT INTO token_usage(user_id, project_id, message_id, model, input_tokens, output_tokens,"
                " cost_usd, created_at) VALUES ('local', 'p1', ?, 'claude-sonnet-4-5', ?, 7, ?, 5)",
                (message, tokens, cost),
            )
    old.close()

    monkeypatch.setattr(db_mod, "migrations", lambda: every)
    db = Database(tmp_path / "v.db")
    try:
        assert (db.migrated_from, db.version) == (3, len(every))
        rows = list(
            db.reader.execute(
                "SELECT project_id, message_id, input_tokens, output_tokens, cost_usd, created_at,"
                " cache_creation_input_tokens, cache_read_input_tokens FROM token_usage ORDER BY id"
            )
        )
        assert rows == [("p1", "m1", 1200, 7, 0.25, 5.0, 0, 0), ("p1", None, 40, 7, 0.01, 5.0, 0, 0)]
        with db.transaction() as conn:
            conn.execute("DELETE FROM projects WHERE id = 'p1'")
        assert list(db.reader.execute("SELECT project_id, cost_usd FROM token_usage ORDER BY id")) == [
            (None, 0.25),
            (None, 0.01),
        ]
        assert db.reader.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        db.close()


def test_cache_tokens_are_stored_and_spending_stays_after_the_project_is_deleted(tmp_path: Path) -> None:
    app = start_app(tmp_path / "home")
    try:
        bus = app.bus()
        project = bus.request("storage", CreateProject(name="Spent on")).project
        message = bus.request("storage", StartAssistantMessage(project_id=project.id)).message
        bus.request(
            "storage",
            FinishMessage(
                message_id=message.id,
                status="complete",
                input_tokens=300,
                output_tokens=900,
                model="claude-sonnet-4-5",
                cost_usd=0.0432,
                cache_creation_input_tokens=4000,
                cache_read_input_tokens=52000,
            ),
        )
        report = bus.request("storage", UsageReport())
        total = report.total
        assert (total.input_tokens, total.output_tokens) == (300, 900)
        assert (total.cache_creation_input_tokens, total.cache_read_input_tokens) == (4000, 52000)
        before = bus.request("storage", SpendingSoFar(since=0.0))
        assert before.since_usd == pytest.approx(0.0432)

        bus.request("storage", DeleteProject(project_id=project.id))
        after = bus.request("storage", SpendingSoFar(since=0.0))
        assert after.since_usd == pytest.approx(0.0432), "deleting a project does not give its money back"
        report = bus.request("storage", UsageReport())
        assert report.total.cost_usd == pytest.approx(0.0432) and report.total.cache_read_input_tokens == 52000
    finally:
        app.stop()
