"""Version history: checkpoints of a project's files, diffs, restore.

A checkpoint records (path, blob hash) for every file at that moment; blobs are
written when a file's content is written, so taking a checkpoint copies only
small rows.  Restoring writes the checkpoint's files back and takes a new
checkpoint: history is only ever appended to.

Each checkpoint also stores its summary for the History list: who made it
(:func:`author_of`) and how many files it added, modified and removed since the
project's previous checkpoint (:func:`summarise`), counted once when it is taken
so that listing compares nothing.
"""

from __future__ import annotations

import difflib
import time

import apsw

from vibing import project_files
from vibing.errors import NotFound
from vibing.schema.storage import CheckpointInfo, FileData, FileDiff
from vibing.services.storage import files

_SELECT = (
    "SELECT id, project_id, kind, label, message_id, file_count, created_at, author, added, modified, removed"
    " FROM checkpoints"
)

#: The author of a generation whose message names no agent (the label says "the assistant" too).
UNNAMED_AGENT = "assistant"


def _info(row: tuple) -> CheckpointInfo:
    return CheckpointInfo(
        id=row[0],
        project_id=row[1],
        kind=row[2],
        label=row[3],
        message_id=row[4],
        file_count=row[5],
        created_at=row[6],
        author=row[7],
        added=row[8],
        modified=row[9],
        removed=row[10],
    )


def author_of(conn: apsw.Connection, kind: str, message_id: str = "") -> str:
    """Who a checkpoint of ``kind`` is by: the agent of a generation's message, "import", else the person."""
    if kind == "import":
        return "import"
    if kind == "generation":
        row = conn.execute("SELECT agent FROM messages WHERE id = ?", (message_id,)).fetchone() if message_id else None
        return (row[0] if row else "") or UNNAMED_AGENT
    return "you"


def summarise(conn: apsw.Connection, project_id: str, checkpoint_id: int) -> tuple[int, int, int, int]:
    """Store (and return) the checkpoint's file count and its files added, modified and removed since the
    project's previous checkpoint.  One pass over its (checkpoint, path) keys: a join on the primary key."""
    prev = conn.execute(
        "SELECT id, file_count FROM checkpoints WHERE project_id = ? AND id < ? ORDER BY id DESC LIMIT 1",
        (project_id, checkpoint_id),
    ).fetchone()
    prev_id, prev_count = prev if prev else (0, 0)
    count, added, modified = conn.execute(
        "SELECT count(*), coalesce(sum(old.path IS NULL), 0), coalesce(sum(old.sha256 != cur.sha256), 0)"
        " FROM checkpoint_files cur"
        " LEFT JOIN checkpoint_files old ON old.checkpoint_id = ? AND old.path = cur.path"
        " WHERE cur.checkpoint_id = ?",
        (prev_id, checkpoint_id),
    ).fetchone()
    removed = prev_count - (count - added)
    conn.execute(
        "UPDATE checkpoints SET file_count = ?, added = ?, modified = ?, removed = ? WHERE id = ?",
        (count, added, modified, removed, checkpoint_id),
    )
    return count, added, modified, removed


def create(conn: apsw.Connection, project_id: str, kind: str, label: str = "", message_id: str = "") -> CheckpointInfo:
    """Record the project's current files as a new checkpoint, with its author and change summary."""
    now = time.time()
    author = author_of(conn, kind, message_id)
    conn.execute(
        "INSERT INTO checkpoints(project_id, kind, label, message_id, file_count, created_at, author)"
        " VALUES (?, ?, ?, ?, 0, ?, ?)",
        (project_id, kind, label, message_id, now, author),
    )
    checkpoint_id = conn.last_insert_rowid()
    conn.execute(
        "INSERT INTO checkpoint_files(checkpoint_id, path, sha256) SELECT ?, path, sha256 FROM project_files"
        " WHERE project_id = ?",
        (checkpoint_id, project_id),
    )
    count, added, modified, removed = summarise(conn, project_id, checkpoint_id)
    return CheckpointInfo(
        id=checkpoint_id,
        project_id=project_id,
        kind=kind,
        label=label,
        message_id=message_id,
        file_count=count,
        created_at=now,
        author=author,
        added=added,
        modified=modified,
        removed=removed,
    )


def get(conn: apsw.Connection, checkpoint_id: int, project_id: str | None = None) -> CheckpointInfo:
    row = conn.execute(_SELECT + " WHERE id = ?", (checkpoint_id,)).fetchone()
    if row is None or (project_id is not None and row[1] != project_id):
        raise NotFound(f"No checkpoint {checkpoint_id} in this project.", checkpoint_id=checkpoint_id)
    return _info(row)


def listing(conn: apsw.Connection, project_id: str, limit: int, offset: int) -> tuple[list[CheckpointInfo], int]:
    rows = conn.execute(
        _SELECT + " WHERE project_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
        (project_id, max(1, min(limit, 1000)), max(0, offset)),
    ).fetchall()
    total = conn.execute("SELECT count(*) FROM checkpoints WHERE project_id = ?", (project_id,)).fetchone()[0]
    return [_info(row) for row in rows], total


def contents(conn: apsw.Connection, checkpoint_id: int) -> dict[str, str]:
    return dict(
        conn.execute(
            "SELECT cf.path, b.content FROM checkpoint_files cf JOIN blobs b ON b.sha256 = cf.sha256"
            " WHERE cf.checkpoint_id = ? ORDER BY cf.path",
            (checkpoint_id,),
        )
    )


def file_data(conn: apsw.Connection, checkpoint_id: int) -> list[FileData]:
    return [
        FileData(
            path=path,
            content=content,
            language=project_files.language_of(path),
            size=len(content.encode("utf-8")),
            sha256=digest,
        )
        for path, content, digest in conn.execute(
            "SELECT cf.path, b.content, cf.sha256 FROM checkpoint_files cf JOIN blobs b ON b.sha256 = cf.sha256"
            " WHERE cf.checkpoint_id = ? ORDER BY cf.path",
            (checkpoint_id,),
        )
    ]


def diff(
    old: dict[str, str], new: dict[str, str], *, old_label: str, new_label: str, context: int = 3
) -> list[FileDiff]:
    """Unified diff per changed file, paths in order."""
    result = []
    for path in sorted(set(old) | set(new)):
        before, after = old.get(path), new.get(path)
        if before == after:
            continue
        status = "added" if before is None else "removed" if after is None else "modified"
        lines = list(
            difflib.unified_diff(
                (before or "").splitlines(keepends=True),
                (after or "").splitlines(keepends=True),
                fromfile="/dev/null" if before is None else f"a/{path} ({old_label})",
                tofile="/dev/null" if after is None else f"b/{path} ({new_label})",
                n=max(0, context),
            )
        )
        added = sum(1 for line in lines if line.startswith("+") and not line.startswith("+++"))
        removed = sum(1 for line in lines if line.startswith("-") and not line.startswith("---"))
        text = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
        result.append(FileDiff(path=path, status=status, diff=text, added=added, removed=removed))
    return result


def gc_blobs(conn: apsw.Connection) -> int:
    """Drop blobs no checkpoint and no current file refers to (after a project is deleted)."""
    conn.execute(
        "DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM checkpoint_files)"
        " AND sha256 NOT IN (SELECT sha256 FROM project_files)"
    )
    return conn.changes()


def restore(
    conn: apsw.Connection, project_id: str, project_name: str, checkpoint_id: int, limits: project_files.Limits
) -> tuple[CheckpointInfo, list[str]]:
    source = get(conn, checkpoint_id, project_id)
    touched = files.replace_all(conn, project_id, project_name, contents(conn, checkpoint_id), limits)
    label = f"Restored checkpoint {checkpoint_id}" + (f" ({source.label})" if source.label else "")
    return create(conn, project_id, "restore", label), touched
