"""Project files: reading, and applying validated operations inside a transaction.

Every change is validated before anything is written (paths, text, per-file
size); the project's totals (file count, bytes) are checked after the batch, in
the same transaction, so a failing batch rolls back whole.  Each written
content is also stored as a content-addressed blob for the history.

Drafts (the editor's unsaved text of a file) live here too, beside the files
whose saving settles them: they are rows of their own table, never blobs,
checkpoints or search entries, so writing one while the person types costs one
small upsert.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterable

import apsw

from vibing import project_files
from vibing.errors import Conflict, FileTooLarge, InvalidRequest, NotFound
from vibing.project_files import Limits
from vibing.schema.storage import DraftInfo, FileData, FileInfo, FileOp


def sha256(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def list_info(conn: apsw.Connection, project_id: str) -> list[FileInfo]:
    return [
        FileInfo(path=row[0], language=row[1], size=row[2], sha256=row[3], updated_at=row[4])
        for row in conn.execute(
            "SELECT path, language, size, sha256, updated_at FROM project_files WHERE project_id = ? ORDER BY path",
            (project_id,),
        )
    ]


def load_all(conn: apsw.Connection, project_id: str) -> list[FileData]:
    """Every file of a project with its content, by path (the hot path of ``LoadProject``: rows unpack in place)."""
    return [
        FileData(path=path, content=content, language=language, size=size, sha256=digest, updated_at=updated_at)
        for path, content, language, size, digest, updated_at in conn.execute(
            "SELECT path, content, language, size, sha256, updated_at FROM project_files WHERE project_id = ?"
            " ORDER BY path",
            (project_id,),
        )
    ]


def contents(conn: apsw.Connection, project_id: str) -> dict[str, str]:
    return dict(conn.execute("SELECT path, content FROM project_files WHERE project_id = ?", (project_id,)))


def read(conn: apsw.Connection, project_id: str, path: str) -> FileData:
    project_files.check_path(path)
    row = conn.execute(
        "SELECT path, content, language, size, sha256, updated_at FROM project_files WHERE project_id = ? AND path = ?",
        (project_id, path),
    ).fetchone()
    if row is None:
        raise NotFound(f"The project has no file {path!r}.", project_id=project_id, path=path)
    return FileData(path=row[0], content=row[1], language=row[2], size=row[3], sha256=row[4], updated_at=row[5])


def validate_ops(ops: Iterable[FileOp], limits: Limits) -> list[FileOp]:
    """Check every operation's paths and content before any is applied."""
    checked = []
    for op in ops:
        if op.op in ("create", "update", "write"):
            project_files.check_file(op.path, op.content, limits)
        elif op.op == "delete":
            project_files.check_path(op.path)
        elif op.op == "rename":
            project_files.check_path(op.path)
            if not op.new_path:
                raise InvalidRequest(f"Renaming {op.path!r} needs a new path.", path=op.path)
            project_files.check_path(op.new_path)
        else:  # the schema's Literal already refuses this; kept for direct callers
            raise InvalidRequest(f"Unknown file operation {op.op!r}.", op=op.op)
        checked.append(op)
    return checked


def _store_blob(conn: apsw.Connection, digest: str, content: str) -> None:
    conn.execute("INSERT OR IGNORE INTO blobs(sha256, content) VALUES (?, ?)", (digest, content))


def write(
    conn: apsw.Connection, project_id: str, path: str, content: str, *, now: float, must_exist: bool | None = None
) -> bool:
    """Create or replace one (already validated) file; returns whether it changed."""
    row = conn.execute(
        "SELECT sha256 FROM project_files WHERE project_id = ? AND path = ?", (project_id, path)
    ).fetchone()
    if must_exist is True and row is None:
        raise NotFound(f"The project has no file {path!r} to update.", project_id=project_id, path=path)
    if must_exist is False and row is not None:
        raise Conflict(f"The project already has a file {path!r}.", project_id=project_id, path=path)
    digest = sha256(content)
    size = len(content.encode("utf-8"))
    if row is None:
        _store_blob(conn, digest, content)
        conn.execute(
            "INSERT INTO project_files(project_id, path, content, language, size, sha256, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (project_id, path, content, project_files.language_of(path), size, digest, now, now),
        )
        return True
    if row[0] == digest:
        return False
    _store_blob(conn, digest, content)
    conn.execute(
        "UPDATE project_files SET content = ?, size = ?, sha256 = ?, updated_at = ? WHERE project_id = ? AND path = ?",
        (content, size, digest, now, project_id, path),
    )
    return True


def delete(conn: apsw.Connection, project_id: str, path: str, *, missing_ok: bool = False) -> bool:
    conn.execute("DELETE FROM project_files WHERE project_id = ? AND path = ?", (project_id, path))
    if conn.changes() == 0:
        if missing_ok:
            return False
        raise NotFound(f"The project has no file {path!r} to delete.", project_id=project_id, path=path)
    return True


def rename(conn: apsw.Connection, project_id: str, path: str, new_path: str, *, now: float) -> None:
    if path == new_path:
        return
    if conn.execute("SELECT 1 FROM project_files WHERE project_id = ? AND path = ?", (project_id, new_path)).fetchone():
        raise Conflict(
            f"Cannot rename {path!r} to {new_path!r}: that file already exists.", project_id=project_id, path=new_path
        )
    conn.execute(
        "UPDATE project_files SET path = ?, language = ?, updated_at = ? WHERE project_id = ? AND path = ?",
        (new_path, project_files.language_of(new_path), now, project_id, path),
    )
    if conn.changes() == 0:
        raise NotFound(f"The project has no file {path!r} to rename.", project_id=project_id, path=path)


def apply(conn: apsw.Connection, project_id: str, project_name: str, ops: list[FileOp], limits: Limits) -> list[str]:
    """Apply validated operations in order; returns the paths touched.  Call inside a transaction."""
    now = time.time()
    touched: list[str] = []
    for op in ops:
        if op.op == "create":
            write(conn, project_id, op.path, op.content, now=now, must_exist=False)
        elif op.op == "update":
            write(conn, project_id, op.path, op.content, now=now, must_exist=True)
        elif op.op == "write":
            write(conn, project_id, op.path, op.content, now=now)
        elif op.op == "delete":
            delete(conn, project_id, op.path)
        elif op.op == "rename":
            rename(conn, project_id, op.path, op.new_path, now=now)
            touched.append(op.new_path)
        touched.append(op.path)
    check_stored_totals(conn, project_id, project_name, limits)
    return touched


def check_stored_totals(conn: apsw.Connection, project_id: str, project_name: str, limits: Limits) -> None:
    """The project's totals as stored now (inside the write transaction) against the limits."""
    count, total = conn.execute(
        "SELECT count(*), coalesce(sum(size), 0) FROM project_files WHERE project_id = ?", (project_id,)
    ).fetchone()
    project_files.check_totals(project_name, count, total, limits)


def replace_all(
    conn: apsw.Connection, project_id: str, project_name: str, new_files: dict[str, str], limits: Limits
) -> list[str]:
    """Make the project's files exactly ``new_files`` (validated beforehand)."""
    now = time.time()
    current = {row[0] for row in conn.execute("SELECT path FROM project_files WHERE project_id = ?", (project_id,))}
    touched = []
    for path in sorted(current - set(new_files)):
        delete(conn, project_id, path)
        touched.append(path)
    for path, content in new_files.items():
        if write(conn, project_id, path, content, now=now):
            touched.append(path)
    check_stored_totals(conn, project_id, project_name, limits)
    return touched


# -- drafts -----------------------------------------------------------------------------------

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def check_draft(path: str, content: str, base_sha256: str, limits: Limits) -> None:
    """A draft is validated like the file write it stands for, and names its base by a real sha256 (or "")."""
    project_files.check_file(path, content, limits)
    if base_sha256 and not _SHA256.match(base_sha256):
        raise InvalidRequest(
            f"The draft of {path!r} names its base as {base_sha256[:80]!r}; give the file's sha256 "
            "(64 lowercase hex digits), or nothing for a new file.",
            path=path,
        )


def save_draft(
    conn: apsw.Connection, project_id: str, path: str, content: str, base_sha256: str, limits: Limits, *, now: float
) -> str:
    """Create or replace the (validated) draft of ``path``; returns the file's sha256 now ("" if none).

    A project holds no more drafts than it may hold files: drafts are not files, but each one is as big as
    a file may be, and a page that invents paths must not fill the disk with them.
    """
    known = conn.execute("SELECT 1 FROM drafts WHERE project_id = ? AND path = ?", (project_id, path)).fetchone()
    if known is None:
        count = conn.execute("SELECT count(*) FROM drafts WHERE project_id = ?", (project_id,)).fetchone()[0]
        if count >= limits.max_files:
            raise FileTooLarge(
                f"The project already keeps {count} unsaved drafts, the most it may have files; "
                f"save or discard some before editing {path}.",
                path=path,
                files=count,
                limit=limits.max_files,
            )
    conn.execute(
        "INSERT INTO drafts(project_id, path, content, base_sha256, updated_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT(project_id, path) DO UPDATE SET content = excluded.content,"
        " base_sha256 = excluded.base_sha256, updated_at = excluded.updated_at",
        (project_id, path, content, base_sha256, now),
    )
    row = conn.execute(
        "SELECT sha256 FROM project_files WHERE project_id = ? AND path = ?", (project_id, path)
    ).fetchone()
    return row[0] if row else ""


def list_drafts(conn: apsw.Connection, project_id: str) -> list[DraftInfo]:
    """The project's drafts by path; ``stale`` when the file's content is no longer the draft's base."""
    return [
        DraftInfo(
            path=path,
            content=content,
            base_sha256=base,
            updated_at=updated_at,
            stale=base != current,
            file_sha256=current,
        )
        for path, content, base, updated_at, current in conn.execute(
            "SELECT d.path, d.content, d.base_sha256, d.updated_at, coalesce(f.sha256, '') FROM drafts d"
            " LEFT JOIN project_files f ON f.project_id = d.project_id AND f.path = d.path"
            " WHERE d.project_id = ? ORDER BY d.path",
            (project_id,),
        )
    ]


def discard_draft(conn: apsw.Connection, project_id: str, path: str) -> bool:
    conn.execute("DELETE FROM drafts WHERE project_id = ? AND path = ?", (project_id, path))
    return conn.changes() > 0


def drop_drafts(conn: apsw.Connection, project_id: str, paths: Iterable[str]) -> None:
    """Forget the drafts of ``paths`` (their files were saved, deleted or restored).  Call inside the write."""
    conn.executemany("DELETE FROM drafts WHERE project_id = ? AND path = ?", [(project_id, path) for path in paths])


def settle_drafts(conn: apsw.Connection, project_id: str, ops: Iterable[FileOp]) -> None:
    """After the person's own file operations, in their transaction: a saved or deleted file keeps no draft,
    and a renamed file's draft moves with it (replacing a draft left at the new path, which described a
    file that did not exist)."""
    for op in ops:
        if op.op == "rename":
            conn.execute(
                "UPDATE OR REPLACE drafts SET path = ? WHERE project_id = ? AND path = ?",
                (op.new_path, project_id, op.path),
            )
        else:
            conn.execute("DELETE FROM drafts WHERE project_id = ? AND path = ?", (project_id, op.path))
