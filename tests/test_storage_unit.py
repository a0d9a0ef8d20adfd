"""Storage without the bus: migrations, validation, cache, archives, the service's handlers in-process."""

from __future__ import annotations

import zipfile
from pathlib import Path

import apsw
import pytest

from vibing import project_files
from vibing.config import Config
from vibing.errors import Conflict, FileTooLarge, InvalidPath, NotText
from vibing.protocol import Endpoints
from vibing.schema.storage import (
    AppendMessageText,
    ApplyFileBatch,
    CreateProject,
    FileOp,
    FileWrite,
    FinishMessage,
    LoadProject,
    StartAssistantMessage,
)
from vibing.services.storage import archive
from vibing.services.storage import db as db_mod
from vibing.services.storage.cache import QueryCache
from vibing.services.storage.db import Database, Migration

LIMITS = project_files.Limits(max_file_bytes=1000, max_project_bytes=2500, max_files=3)


# -- migrations ---------------------------------------------------------------------


def test_fresh_database_gets_every_table_the_version_and_a_local_user(tmp_path: Path) -> None:
    db = Database(tmp_path / "v.db")
    tables = {row[0] for row in db.read("SELECT name FROM sqlite_master WHERE type IN ('table')")}
    for table in (
        "users",
        "projects",
        "project_files",
        "messages",
        "token_usage",
        "sessions",
        "project_collaborators",
        "checkpoints",
        "checkpoint_files",
        "blobs",
        "projects_fts",
        "messages_fts",
        "files_fts",
    ):
        assert table in tables
    assert db.version == len(db_mod.migrations()) >= 1
    assert db.migrated_from == 0 and db.migration_backup is None
    assert db.read("SELECT id, is_local FROM users") == [("local", 1)]
    assert db.read_one("PRAGMA journal_mode")[0] == "wal"
    assert db.writer.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.writer.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    db.close()
    again = Database(tmp_path / "v.db")  # reopening applies nothing and keeps one local user
    assert again.migrated_from == again.version
    assert again.read("SELECT count(*) FROM users") == [(1,)]
    again.close()


def test_a_new_migration_backs_up_first_and_applies_in_one_transaction(tmp_path: Path, monkeypatch) -> None:
    db = Database(tmp_path / "v.db")
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO projects(id, user_id, name, created_at, updated_at) VALUES ('p1', 'local', 'Kept', 1, 1)"
        )
    db.close()
    base = db_mod.migrations()
    good = Migration(len(base) + 1, f"{len(base) + 1:04d}_extra.sql", "ALTER TABLE projects ADD COLUMN color TEXT;")
    monkeypatch.setattr(db_mod, "migrations", lambda: base + [good])
    db = Database(tmp_path / "v.db")
    assert (db.migrated_from, db.version) == (len(base), len(base) + 1)
    assert db.migration_backup is not None and db.migration_backup.exists()
    backup = apsw.Connection(str(db.migration_backup))
    assert backup.execute("PRAGMA user_version").fetchone()[0] == len(base)
    assert backup.execute("SELECT name FROM projects").fetchall() == [("Kept",)]
    backup.close()
    db.close()

    broken = Migration(
        len(base) + 2, f"{len(base) + 2:04d}_broken.sql", "CREATE TABLE half(x); INSERT INTO nowhere VALUES (1);"
    )
    monkeypatch.setattr(db_mod, "migrations", lambda: base + [good, broken])
    with pytest.raises(apsw.SQLError):
        Database(tmp_path / "v.db")
    conn = apsw.Connection(str(tmp_path / "v.db"))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(base) + 1  # the failed one left nothing
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0
    conn.close()


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    conn = apsw.Connection(str(tmp_path / "v.db"))
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(RuntimeError, match="newer Vibing"):
        Database(tmp_path / "v.db")


def test_bundled_migrations_are_numbered_without_gaps() -> None:
    found = db_mod.migrations()
    assert [m.version for m in found] == list(range(1, len(found) + 1))


# -- validation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "../x",
        "/etc/passwd",
        "a/../../b",
        "a/..",
        "..",
        "a\0b",
        "a\\b",
        "C:/x",
        "c:x",
        "",
        "a//b",
        "./a",
        "a/./b",
        "a/",
        "x\n",
        "a" * 600,
        "/",
        "~/../x",
    ],
)
def test_unsafe_paths_are_refused(path: str) -> None:
    with pytest.raises(InvalidPath):
        project_files.check_path(path)


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "src/app.js",
        "a/b/c/d.txt",
        ".gitignore",
        "with space.md",
        "ünïcode/файл.js",
        "a..b",
        "..hidden",
        "x.",
        "~user",
    ],
)
def test_safe_paths_are_accepted(path: str) -> None:
    assert project_files.check_path(path) == path


def test_size_limits_name_the_file_and_the_limit() -> None:
    with pytest.raises(FileTooLarge) as err:
        project_files.check_file("big.js", "x" * 1001, LIMITS)
    assert "big.js" in err.value.message and "1000 bytes" in err.value.message
    assert err.value.details["limit"] == 1000
    assert project_files.check_file("ok.js", "é" * 500, LIMITS) == 1000
    with pytest.raises(FileTooLarge, match="limit is 3"):
        project_files.check_totals("demo", 4, 10, LIMITS)
    with pytest.raises(FileTooLarge, match="per project"):
        project_files.check_totals("demo", 2, 2501, LIMITS)


def test_text_only() -> None:
    with pytest.raises(NotText, match="bin.dat"):
        project_files.decode_text("bin.dat", b"\x89PNG\0\0", LIMITS)
    with pytest.raises(NotText):
        project_files.decode_text("latin.txt", "café".encode("latin-1"), LIMITS)
    with pytest.raises(NotText):
        project_files.check_text("nul.txt", "a\0b")
    assert project_files.decode_text("bom.txt", b"\xef\xbb\xbfhi\r\n", LIMITS) == "\ufeffhi\r\n"


def test_language_detection() -> None:
    cases = {
        "index.html": "html",
        "src/App.TSX": "typescript",
        "styles/site.css": "css",
        "Dockerfile": "dockerfile",
        "README": "plaintext",
        "data.json": "json",
        "main.py": "python",
        "x.unknownext": "plaintext",
    }
    for path, language in cases.items():
        assert project_files.language_of(path) == language


# -- cache ---------------------------------------------------------------------------


def test_cache_counts_hits_and_invalidates_by_key_and_prefix() -> None:
    cache = QueryCache(maxsize=10, ttl=60)
    calls = []
    for _ in range(3):
        cache.get("project:a:load", lambda: calls.append(1) or "A")
    cache.get("project:b:load", lambda: "B")
    cache.get("list:updated", lambda: "L")
    assert (cache.hits, cache.misses, len(calls)) == (2, 3, 1)
    cache.invalidate("project:b:load")
    assert cache.invalidate_prefix("project:a:", "list:") == 2
    assert cache.stats()["size"] == 0
    cache.get("project:a:load", lambda: calls.append(1) or "A")
    assert len(calls) == 2 and cache.hit_rate == pytest.approx(2 / 6)


def test_cache_entries_expire() -> None:
    cache = QueryCache(maxsize=10, ttl=60)
    now = [0.0]
    cache._cache = type(cache._cache)(maxsize=10, ttl=5, timer=lambda: now[0])
    cache.get("k", lambda: 1)
    now[0] = 10.0
    assert cache.get("k", lambda: 2) == 2


# -- archives ---------------------------------------------------------------------------


def test_zip_with_traversal_or_links_is_refused(tmp_path: Path) -> None:
    for name in ("../evil.txt", "/abs.txt", "a/../../b.txt"):
        bad = tmp_path / "bad.zip"
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("ok.txt", "fine")
            zf.writestr(name, "evil")
        with pytest.raises(InvalidPath):
            archive.read(bad, LIMITS)
    link = tmp_path / "link.zip"
    with zipfile.ZipFile(link, "w") as zf:
        info = zipfile.ZipInfo("link")
        info.external_attr = 0o120777 << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(InvalidPath, match="symbolic link"):
        archive.read(link, LIMITS)


def test_folder_import_refuses_symlinks_and_skips_vcs(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / ".git").mkdir(parents=True)
    (root / ".git" / "HEAD").write_text("ref")
    (root / "index.html").write_text("<p>hi</p>")
    bundle = archive.read(root, LIMITS)
    assert bundle.files == {"index.html": "<p>hi</p>"} and bundle.name == "site"
    (root / "secret").symlink_to("/etc/passwd")
    with pytest.raises(InvalidPath, match="symbolic links"):
        archive.read(root, LIMITS)


# -- the service in-process (no bus) ------------------------------------------------------


@pytest.fixture
def service(tmp_path: Path):
    from vibing.services.storage.service import Service

    config = Config(storage_max_file_bytes=1000, storage_max_project_bytes=2500, storage_max_files=3)
    svc = Service(config, Endpoints("inproc://a", "inproc://b", "inproc://c"), data_dir=tmp_path)
    events = []
    svc.publish = lambda topic, event: events.append((topic, event))
    svc.setup()
    svc.events = events
    yield svc
    svc.teardown()


def test_batch_over_the_project_limit_rolls_back_whole(service) -> None:
    project = service.create_project(CreateProject(name="Lim", files=[FileWrite(path="a.txt", content="a")])).project
    ops = [
        FileOp(op="write", path="b.txt", content="b"),
        FileOp(op="write", path="c.txt", content="c"),
        FileOp(op="write", path="d.txt", content="d"),
    ]
    with pytest.raises(FileTooLarge, match="limit is 3"):
        service.apply_file_batch(ApplyFileBatch(project_id=project.id, ops=ops))
    ops = [FileOp(op="update", path="a.txt", content="changed"), FileOp(op="create", path="a.txt", content="dup")]
    with pytest.raises(Conflict, match="a.txt"):
        service.apply_file_batch(ApplyFileBatch(project_id=project.id, ops=ops))
    detail = service.load_project(LoadProject(project_id=project.id))
    assert [(f.path, f.content) for f in detail.files] == [("a.txt", "a")]
    assert [e.what for _, e in service.events] == ["created"]


def test_streamed_message_is_indexed_only_when_finished(service) -> None:
    from vibing.schema.storage import SearchProjects

    project = service.create_project(CreateProject(name="Chat")).project
    message = service.start_assistant_message(StartAssistantMessage(project_id=project.id)).message
    service.append_message_text(AppendMessageText(message_id=message.id, text="zebra ", seq=0))
    assert service.search_projects(SearchProjects(query="zebra")).hits == []
    service.finish_message(FinishMessage(message_id=message.id, status="complete", text="crossing", seq=1))
    hits = service.search_projects(SearchProjects(query="zebra crossing")).hits
    assert [h.source for h in hits] == ["message"] and "«zebra» «crossing»" in hits[0].snippet
    integrity, problems = service.db.check()
    assert integrity == ["ok"] and problems == []


# -- property: an accepted path never leaves the project ------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b.txt", "..", ".", "", "/", "\\", "\0", "~", "c:", "x y", "é"]), max_size=8).map(
        "/".join
    )
    | st.text(max_size=40)
)
def test_accepted_paths_stay_inside_the_project(path: str) -> None:
    import os.path

    try:
        project_files.check_path(path)
    except InvalidPath:
        return
    joined = os.path.normpath(os.path.join("/project", path))
    assert joined.startswith("/project/") and "\0" not in path and "\\" not in path


def test_a_very_common_word_ranks_the_newest_matches_and_says_more(service, monkeypatch) -> None:
    from vibing.schema.storage import SearchProjects
    from vibing.services.storage import search

    ids = [service.create_project(CreateProject(name=f"common walrus {i}")).project.id for i in range(6)]
    everything = service.search_projects(SearchProjects(query="walrus"))
    assert {h.project_id for h in everything.hits} == set(ids) and not everything.more
    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    capped = service.search_projects(SearchProjects(query="walrus common"))
    assert capped.more and {h.project_id for h in capped.hits} == set(ids[-3:])


def test_wal_is_checkpointed_off_the_writer_thread(tmp_path: Path) -> None:
    db = Database(tmp_path / "v.db")
    assert db.checkpoints == 0
    for i in range(40):  # ~4 MB of commits: well past the wake-up threshold
        with db.transaction() as conn:
            conn.execute("INSERT INTO blobs(sha256, content) VALUES (?, ?)", (f"h{i}", "x" * 100_000))
    assert db.checkpointed.wait(10) and db.checkpoints >= 1
    db.close()
    assert not db._checkpointer.is_alive()
    conn = apsw.Connection(str(tmp_path / "v.db"))
    assert conn.execute("SELECT count(*) FROM blobs").fetchone()[0] == 40
    conn.close()
