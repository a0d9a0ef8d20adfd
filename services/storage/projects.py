"""Projects: rows, summaries, listing and resolving what a person typed."""

from __future__ import annotations

import time
import uuid

import apsw

from vibing.errors import Conflict, InvalidRequest, NotFound
from vibing.schema.storage import ProjectInfo
from vibing.services.storage.db import LOCAL_USER_ID

PROJECT_TYPES = ("website", "mobile-app", "game", "api", "dashboard")
MAX_NAME = 200
MAX_DESCRIPTION = 10_000

SELECT = """
SELECT p.id, p.name, p.description, p.project_type, p.provider, p.model, p.created_at, p.updated_at,
       p.forked_from,
       (SELECT count(*) FROM project_files f WHERE f.project_id = p.id),
       (SELECT coalesce(sum(f.size), 0) FROM project_files f WHERE f.project_id = p.id),
       (SELECT count(*) FROM messages m WHERE m.project_id = p.id)
FROM projects p
"""

#: The columns of :data:`SELECT` without the totals.
_SELECT_ROW = """
SELECT p.id, p.name, p.description, p.project_type, p.provider, p.model, p.created_at, p.updated_at,
       p.forked_from
FROM projects p
"""

_ORDER = {
    "updated": ("p.updated_at", True),
    "created": ("p.created_at", True),
    "name": ("p.name COLLATE NOCASE", False),
}


def new_id() -> str:
    return uuid.uuid4().hex


def info(row: tuple) -> ProjectInfo:
    return ProjectInfo(
        id=row[0],
        name=row[1],
        description=row[2],
        project_type=row[3],
        provider=row[4],
        model=row[5],
        created_at=row[6],
        updated_at=row[7],
        forked_from=row[8],
        file_count=row[9],
        total_bytes=row[10],
        message_count=row[11],
    )


def check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise InvalidRequest("A project needs a name.")
    if len(name) > MAX_NAME:
        raise InvalidRequest(
            f"A project name can be at most {MAX_NAME} characters (this one has {len(name)}).", limit=MAX_NAME
        )
    if "\0" in name:
        raise InvalidRequest("A project name cannot contain NUL characters.")
    return name


def check_description(description: str) -> str:
    if len(description) > MAX_DESCRIPTION:
        raise InvalidRequest(
            f"A project description can be at most {MAX_DESCRIPTION} characters.", limit=MAX_DESCRIPTION
        )
    return description


def check_type(project_type: str) -> str:
    if project_type not in PROJECT_TYPES:
        raise InvalidRequest(
            f"Unknown project type {project_type!r}; choose one of {', '.join(PROJECT_TYPES)}.",
            project_type=project_type,
        )
    return project_type


def get(conn: apsw.Connection, project_id: str) -> ProjectInfo:
    row = conn.execute(SELECT + " WHERE p.id = ?", (project_id,)).fetchone()
    if row is None:
        raise NotFound(f"No project with id {project_id!r}.", project_id=project_id)
    return info(row)


def get_with_contents(conn: apsw.Connection, project_id: str, file_sizes: list[int], message_count: int) -> ProjectInfo:
    """The project's row, its totals taken from the files and messages the caller read in the same snapshot.

    For ``LoadProject``, which reads every file and message anyway: counting them again in SQL (the
    three sub-selects of :data:`SELECT`) would walk the same rows twice.
    """
    row = conn.execute(_SELECT_ROW + " WHERE p.id = ?", (project_id,)).fetchone()
    if row is None:
        raise NotFound(f"No project with id {project_id!r}.", project_id=project_id)
    return info((*row, len(file_sizes), sum(file_sizes), message_count))


def exists(conn: apsw.Connection, project_id: str) -> str:
    """The project's name; NotFound if it does not exist."""
    row = conn.execute("SELECT name FROM projects WHERE id = ?", (project_id,)).fetchone()
    if row is None:
        raise NotFound(f"No project with id {project_id!r}.", project_id=project_id)
    return row[0]


def insert(
    conn: apsw.Connection,
    *,
    name: str,
    description: str = "",
    project_type: str = "website",
    provider: str = "",
    model: str = "",
    forked_from: str | None = None,
    now: float | None = None,
) -> str:
    project_id = new_id()
    now = time.time() if now is None else now
    conn.execute(
        "INSERT INTO projects(id, user_id, name, description, project_type, provider, model, forked_from,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            project_id,
            LOCAL_USER_ID,
            check_name(name),
            check_description(description),
            check_type(project_type),
            provider,
            model,
            forked_from,
            now,
            now,
        ),
    )
    conn.execute(
        "INSERT INTO project_collaborators(project_id, user_id, role, created_at) VALUES (?, ?, 'owner', ?)",
        (project_id, LOCAL_USER_ID, now),
    )
    return project_id


def touch(conn: apsw.Connection, project_id: str) -> None:
    conn.execute("UPDATE projects SET updated_at = ? WHERE id = ?", (time.time(), project_id))


def update(conn: apsw.Connection, project_id: str, **fields: object) -> None:
    values = {k: v for k, v in fields.items() if v is not None}
    if "name" in values:
        values["name"] = check_name(str(values["name"]))
    if "description" in values:
        values["description"] = check_description(str(values["description"]))
    if "project_type" in values:
        check_type(str(values["project_type"]))
    values["updated_at"] = time.time()
    assignments = ", ".join(f"{key} = ?" for key in values)
    conn.execute(f"UPDATE projects SET {assignments} WHERE id = ?", (*values.values(), project_id))


def delete(conn: apsw.Connection, project_id: str) -> None:
    exists(conn, project_id)
    conn.execute("DELETE FROM projects WHERE id = ?", (project_id,))


def listing(
    conn: apsw.Connection, sort: str, descending: bool | None, limit: int, offset: int
) -> tuple[list[ProjectInfo], int]:
    if sort not in _ORDER:
        raise InvalidRequest(f"Unknown sort {sort!r}; choose updated, created or name.")
    column, default_desc = _ORDER[sort]
    desc = default_desc if descending is None else descending
    limit = max(1, min(int(limit), 1000))
    offset = max(0, int(offset))
    rows = conn.execute(
        SELECT + f" ORDER BY {column} {'DESC' if desc else 'ASC'}, p.pk {'DESC' if desc else 'ASC'} LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    total = conn.execute("SELECT count(*) FROM projects").fetchone()[0]
    return [info(row) for row in rows], total


def find(conn: apsw.Connection, ref: str) -> ProjectInfo:
    """An exact id, a unique id prefix (4+ characters), or an exact name (case-insensitive)."""
    ref = ref.strip()
    if not ref:
        raise InvalidRequest("Say which project: its id, the start of its id, or its name.")
    row = conn.execute(SELECT + " WHERE p.id = ?", (ref,)).fetchone()
    if row is not None:
        return info(row)
    candidates: list[tuple] = []
    if len(ref) >= 4 and all(c in "0123456789abcdef" for c in ref.lower()):
        candidates = conn.execute(
            SELECT + " WHERE p.id >= ? AND p.id < ? LIMIT 6", (ref.lower(), ref.lower() + "g")
        ).fetchall()
    if not candidates:
        candidates = conn.execute(
            SELECT + " WHERE p.name = ? COLLATE NOCASE ORDER BY p.updated_at DESC LIMIT 6", (ref,)
        ).fetchall()
    if not candidates:
        raise NotFound(f"No project matches {ref!r} (by id, id prefix or name).", ref=ref)
    if len(candidates) > 1:
        listed = ", ".join(f"{row[0][:8]} ({row[1]})" for row in candidates[:5])
        raise Conflict(f"{ref!r} matches several projects: {listed}. Give more of the id.", ref=ref)
    return info(candidates[0])
