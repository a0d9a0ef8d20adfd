"""The database file: connections, pragmas, migrations, backup and checks.

One connection writes (owned by the storage worker's thread); a second one
reads, so a long read never holds the writer's transaction state.  WAL mode
with ``synchronous=NORMAL``: a committed transaction survives the process being
killed (SIGKILL); only a power cut may lose the last commits, never corrupt.

Migrations are the numbered ``migrations/NNNN_name.sql`` files beside this
module, applied in order, each in its own transaction that also sets
``PRAGMA user_version``.  Before migrating a database that already holds data,
an online backup is written next to it (``vibing.db.bak-v<old>-<time>``).
"""

from __future__ import annotations

import contextlib
import getpass
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import apsw

from vibing import paths

DB_NAME = "vibing.db"
LOCAL_USER_ID = "local"

PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 5000",
    "PRAGMA cache_size = -32768",  # 32 MiB
    "PRAGMA mmap_size = 268435456",  # 256 MiB
    "PRAGMA temp_store = MEMORY",
    "PRAGMA journal_size_limit = 67108864",
)
#: WAL pages after a commit above which the background checkpointer is woken (PASSIVE: it
#: never blocks the writer; its fsyncs happen off the worker's thread).
CHECKPOINT_PAGES = 512
#: Above this the writer checkpoints itself (the checkpointer fell behind or died).
CHECKPOINT_FORCE_PAGES = 16_000

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def db_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_NAME


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """The bundled migrations, by version; versions must run 1, 2, 3... without gaps."""
    found = []
    for entry in resources.files("vibing.services.storage").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, 1):
        if migration.version != expected:
            raise RuntimeError(f"migration {migration.name}: expected version {expected:04d}")
    return found


def _open(path: Path, *, readonly: bool = False) -> apsw.Connection:
    flags = apsw.SQLITE_OPEN_READONLY if readonly else apsw.SQLITE_OPEN_READWRITE | apsw.SQLITE_OPEN_CREATE
    conn = apsw.Connection(str(path), flags=flags)
    conn.set_busy_timeout(5000)
    return conn


def configure(conn: apsw.Connection) -> None:
    for pragma in PRAGMAS:
        conn.execute(pragma).fetchall()
    # The query planner's stability guarantee: a statement keeps its plan whatever values are bound.
    # The SQLite bundled with apsw is built with STAT4, which otherwise marks statements such as
    # ``WHERE project_id = ?`` to be prepared again every time a value is bound: three re-prepares
    # per project load, about a tenth of its time in the worker (py-spy --native).  Our plans never
    # depend on the bound values (no statistics tables, no LIKE), so the plans stay the same.
    conn.config(apsw.SQLITE_DBCONFIG_ENABLE_QPSG, 1)


def user_version(conn: apsw.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def backup_to(conn: apsw.Connection, target: Path, pages_per_step: int = 1024) -> int:
    """Online backup of ``conn``'s main database into ``target`` (replaced); returns its size."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    if tmp.exists():
        tmp.unlink()
    dest = apsw.Connection(str(tmp))
    try:
        with dest.backup("main", conn, "main") as backup:
            while not backup.done:
                backup.step(pages_per_step)
        # A single self-contained file: the copy is in rollback-journal mode.
        dest.execute("PRAGMA journal_mode = DELETE").fetchall()
    finally:
        dest.close()
    tmp.replace(target)
    return target.stat().st_size


def check(conn: apsw.Connection) -> tuple[list[str], list[str]]:
    """``PRAGMA integrity_check`` lines (["ok"] when fine) and foreign key violations."""
    integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    problems = [
        f"{table} row {rowid} -> {parent} (constraint {fkid})"
        for table, rowid, parent, fkid in conn.execute("PRAGMA foreign_key_check")
    ]
    # The FTS indexes must agree with their tables too.
    for fts in ("projects_fts", "messages_fts", "files_fts"):
        try:
            conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
        except apsw.Error as exc:
            integrity.append(f"{fts}: {exc}")
    return integrity, problems


def migrate(conn: apsw.Connection, path: Path | None, log: Any = None) -> tuple[int, int, Path | None]:
    """Bring the schema up to date; returns (from_version, to_version, backup path or None)."""
    todo = migrations()
    current = user_version(conn)
    latest = todo[-1].version if todo else 0
    if current > latest:
        raise RuntimeError(
            f"The database was written by a newer Vibing (schema version {current}, this one knows {latest}). "
            "Update Vibing, or restore a backup."
        )
    backup = None
    pending = [m for m in todo if m.version > current]
    if pending and current > 0 and path is not None:
        stamp = time.strftime("%Y%m%dT%H%M%S")
        backup = path.with_name(f"{path.name}.bak-v{current}-{stamp}")
        backup_to(conn, backup)
        if log is not None:
            log.info("storage.backup_before_migration", path=str(backup), from_version=current)
    for migration in pending:
        with conn:  # one transaction per migration, version bump included
            conn.execute(migration.sql)
            conn.execute(f"PRAGMA user_version = {migration.version}")
        if log is not None:
            log.info("storage.migrated", version=migration.version, name=migration.name)
    return current, latest, backup


def ensure_local_user(conn: apsw.Connection) -> None:
    now = time.time()
    try:
        name = getpass.getuser()
    except Exception:  # no user name in this environment
        name = "me"
    with conn:
        conn.execute(
            "INSERT OR IGNORE INTO users(id, email, name, is_local, created_at, updated_at) VALUES (?, NULL, ?, 1, ?, ?)",
            (LOCAL_USER_ID, name, now, now),
        )


class Database:
    """The write and read connections of one database file."""

    def __init__(self, path: Path, log: Any = None) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        paths.create_private_file(self.path)  # 0600, and SQLite gives its -wal and -shm the same mode
        self.writer = _open(self.path)
        configure(self.writer)
        self.migrated_from, self.version, self.migration_backup = migrate(self.writer, self.path, log)
        ensure_local_user(self.writer)
        self.reader = _open(self.path)
        configure(self.reader)
        self.reader.execute("PRAGMA query_only = ON")
        # Checkpoints move off the request path: the WAL hook (it replaces SQLite's automatic
        # checkpoint) counts pages after each commit and wakes a thread with its own connection.
        self.wal_pages = 0
        self._wake = threading.Event()
        self.checkpoints = 0
        self.checkpointed = threading.Event()
        self._closing = False
        self._checkpointer = threading.Thread(target=self._checkpoint_loop, name="storage-checkpoint", daemon=True)
        self._checkpointer.start()
        self.writer.set_wal_hook(self._on_commit)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[apsw.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``; any exception rolls the whole thing back."""
        conn = self.writer
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def read(self, sql: str, params: Any = ()) -> list[tuple]:
        return self.reader.execute(sql, params).fetchall()

    def read_one(self, sql: str, params: Any = ()) -> tuple | None:
        return self.reader.execute(sql, params).fetchone()

    def _on_commit(self, _conn: apsw.Connection, _name: str, pages: int) -> int:
        self.wal_pages = pages
        if pages >= CHECKPOINT_PAGES:
            self._wake.set()
        return apsw.SQLITE_OK

    def _checkpoint_loop(self) -> None:
        conn = None
        try:
            while True:
                self._wake.wait()
                if self._closing:
                    return
                self._wake.clear()
                if conn is None:
                    conn = _open(self.path)
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    self.checkpoints += 1
                    self.checkpointed.set()
                except apsw.Error:
                    pass  # busy or locked: the next commit wakes us again
        finally:
            if conn is not None:
                conn.close()

    def checkpoint_if_behind(self) -> bool:
        """On the writer's thread: checkpoint now if the WAL grew far past the background's pace."""
        if self.wal_pages < CHECKPOINT_FORCE_PAGES:
            return False
        self.writer.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        self.wal_pages = 0
        return True

    def backup(self, target: Path) -> int:
        return backup_to(self.writer, target)

    def check(self) -> tuple[list[str], list[str]]:
        return check(self.writer)

    def size(self) -> int:
        total = 0
        for suffix in ("", "-wal"):
            try:
                total += Path(str(self.path) + suffix).stat().st_size
            except OSError:
                pass
        return total

    def close(self) -> None:
        self._closing = True
        self._wake.set()
        self._checkpointer.join(timeout=5)
        for conn in (self.reader, self.writer):
            try:
                conn.close()
            except apsw.Error:
                pass
