"""Imports from another database (the vibing2 web app): whole projects keyed by source id.

``import_sources`` remembers each imported row as (source, kind, source id) ->
local id, written in the same transaction as the row itself: a project either
arrived whole with its record or not at all, so running an import again adds
only what is missing, and an interrupted one resumes where it stopped.

Web users become labels: rows in ``users`` (not local, no password: the
desktop app has one user, who owns every project), recorded as the ``owner`` of
the projects they had.  Times are the source's, not the import's.
"""

from __future__ import annotations

import json
import time

import apsw

from vibing import project_files
from vibing.errors import InvalidRequest
from vibing.schema.storage import ExternalCheckpoint, ExternalMessage, ExternalUsage, ExternalUser, FileWrite
from vibing.services.storage import files, history, messages, projects
from vibing.services.storage.db import LOCAL_USER_ID

KINDS = ("user", "project", "usage")


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise InvalidRequest(f"Unknown import kind {kind!r}; choose one of {', '.join(KINDS)}.", kind=kind)
    return kind


def local_id(conn: apsw.Connection, source: str, kind: str, source_id: str) -> str | None:
    row = conn.execute(
        "SELECT local_id FROM import_sources WHERE source = ? AND kind = ? AND source_id = ?", (source, kind, source_id)
    ).fetchone()
    return row[0] if row else None


def imported(conn: apsw.Connection, source: str, kind: str) -> dict[str, str]:
    return dict(
        conn.execute(
            "SELECT source_id, local_id FROM import_sources WHERE source = ? AND kind = ?", (source, check_kind(kind))
        )
    )


def _record(
    conn: apsw.Connection,
    source: str,
    kind: str,
    source_id: str,
    local: str,
    *,
    owner: str = "",
    meta: dict | None = None,
) -> None:
    conn.execute(
        "INSERT INTO import_sources(source, kind, source_id, local_id, owner, meta, imported_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (source, kind, source_id, local, owner, json.dumps(meta or {}, ensure_ascii=False), time.time()),
    )


def check_project(
    name: str,
    description: str,
    project_type: str,
    file_writes: list[FileWrite],
    checkpoints: list[ExternalCheckpoint],
    msgs: list[ExternalMessage],
    limits: project_files.Limits,
) -> None:
    """Everything checked before the transaction starts (the whole project is refused on a problem)."""
    projects.check_name(name)
    projects.check_description(description)
    projects.check_type(project_type)
    for group in [file_writes, *(c.files for c in checkpoints)]:
        total = 0
        for f in group:
            total += project_files.check_file(f.path, f.content, limits)
        project_files.check_totals(name, len(group), total, limits)
    for m in msgs:
        if m.role not in messages.ROLES:
            raise InvalidRequest(f"Unknown message role {m.role!r}; choose user, assistant or system.")
        if "\0" in m.content:
            raise InvalidRequest("A message cannot contain NUL characters.")
        if m.input_tokens < 0 or m.output_tokens < 0:
            raise InvalidRequest("Token counts cannot be negative.")
        messages._check_content(m.content)


def import_project(
    conn: apsw.Connection,
    *,
    source: str,
    source_id: str,
    name: str,
    description: str,
    project_type: str,
    created_at: float,
    updated_at: float,
    owner_source_id: str,
    file_writes: list[FileWrite],
    msgs: list[ExternalMessage],
    checkpoints: list[ExternalCheckpoint],
    meta: dict,
    limits: project_files.Limits,
) -> tuple[str, bool]:
    """Insert the project (call inside a transaction); returns (local id, created)."""
    existing = local_id(conn, source, "project", source_id)
    if existing is not None:
        return existing, False
    project_id = projects.insert(conn, name=name, description=description, project_type=project_type, now=created_at)
    for m in msgs:
        message_id = messages.new_id()
        conn.execute(
            "INSERT INTO messages(id, project_id, role, content, agent, status, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, 'complete', ?, ?)",
            (message_id, project_id, m.role, m.content, m.agent, m.created_at, m.created_at),
        )
        if m.input_tokens or m.output_tokens:
            messages.record_usage(
                conn, project_id, "", m.input_tokens, m.output_tokens, 0.0, message_id=message_id, now=m.created_at
            )
    # History: each past state oldest first (straight into checkpoints: the project's files never
    # pass through them), then the current files, written once, as the newest checkpoint.
    for checkpoint in checkpoints:
        conn.execute(
            "INSERT INTO checkpoints(project_id, kind, label, message_id, file_count, created_at, author)"
            " VALUES (?, 'import', ?, '', ?, ?, 'import')",
            (project_id, checkpoint.label, len({f.path for f in checkpoint.files}), checkpoint.created_at),
        )
        checkpoint_id = conn.last_insert_rowid()
        for f in checkpoint.files:
            digest = files.sha256(f.content)
            files._store_blob(conn, digest, f.content)
            conn.execute(
                "INSERT OR REPLACE INTO checkpoint_files(checkpoint_id, path, sha256) VALUES (?, ?, ?)",
                (checkpoint_id, f.path, digest),
            )
        history.summarise(conn, project_id, checkpoint_id)
    files.replace_all(conn, project_id, name, {f.path: f.content for f in file_writes}, limits)
    point = history.create(conn, project_id, "import", f"Imported from {source}")
    conn.execute("UPDATE checkpoints SET created_at = ? WHERE id = ?", (updated_at, point.id))
    conn.execute(
        "UPDATE project_files SET created_at = ?, updated_at = ? WHERE project_id = ?",
        (created_at, updated_at, project_id),
    )
    conn.execute(
        "UPDATE projects SET created_at = ?, updated_at = ? WHERE id = ?", (created_at, updated_at, project_id)
    )
    row = conn.execute(
        "SELECT owner FROM import_sources WHERE source = ? AND kind = 'user' AND source_id = ?",
        (source, owner_source_id),
    ).fetchone()
    owner = row[0] if row else owner_source_id
    _record(conn, source, "project", source_id, project_id, owner=owner, meta=meta)
    return project_id, True


def import_users(conn: apsw.Connection, source: str, users: list[ExternalUser]) -> tuple[int, int]:
    added = skipped = 0
    for user in users:
        if local_id(conn, source, "user", user.source_id) is not None:
            skipped += 1
            continue
        user_id = f"{source}:{user.source_id}"
        # The e-mail is unique locally too; a clash (the same person in two sources) keeps the label without it.
        taken = conn.execute("SELECT 1 FROM users WHERE email = ?", (user.email,)).fetchone()
        conn.execute(
            "INSERT INTO users(id, email, name, is_local, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)",
            (
                user_id,
                None if taken else user.email,
                user.name,
                user.created_at or time.time(),
                user.updated_at or user.created_at or time.time(),
            ),
        )
        _record(conn, source, "user", user.source_id, user_id, owner=user.email)
        added += 1
    return added, skipped


def import_usage(conn: apsw.Connection, source: str, rows: list[ExternalUsage]) -> tuple[int, int]:
    added = skipped = 0
    for row in rows:
        if row.input_tokens < 0 or row.output_tokens < 0:
            raise InvalidRequest("Token counts cannot be negative.", source_id=row.source_id)
        if local_id(conn, source, "usage", row.source_id) is not None:
            skipped += 1
            continue
        user_id = local_id(conn, source, "user", row.owner_source_id) if row.owner_source_id else None
        conn.execute(
            "INSERT INTO token_usage(user_id, project_id, message_id, model, input_tokens, output_tokens, cost_usd,"
            " created_at) VALUES (?, NULL, NULL, ?, ?, ?, 0, ?)",
            (user_id or LOCAL_USER_ID, row.model, row.input_tokens, row.output_tokens, row.created_at),
        )
        _record(conn, source, "usage", row.source_id, str(conn.last_insert_rowid()))
        added += 1
    return added, skipped


def link_forks(conn: apsw.Connection, source: str, links: list[list[str]]) -> list[str]:
    """Set ``forked_from`` on imported forks whose original was imported too (only where unset)."""
    linked = []
    for link in links:
        if len(link) != 2:
            raise InvalidRequest("A fork link is [fork source id, original source id].")
        fork, original = (local_id(conn, source, "project", link[0]), local_id(conn, source, "project", link[1]))
        if fork and original and fork != original:
            conn.execute("UPDATE projects SET forked_from = ? WHERE id = ? AND forked_from IS NULL", (original, fork))
            if conn.changes():
                linked.append(fork)
    return linked
