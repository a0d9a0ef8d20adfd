"""Drafts: the editor's unsaved edits, kept by the storage service of a real headless app, over the real bus.

A draft survives switching files and a crash (acknowledged means on disk), says when the file changed under
it (``stale``), follows the file when it is renamed, and is gone once the file is saved, deleted or restored.
Drafts are a hot path: they take no checkpoint, stay out of search, drop no cached reply and announce nothing.
"""

from __future__ import annotations

import hashlib
import os
import signal
from collections.abc import Iterator

import apsw
import pytest
from conftest import App, start_app

from vibing.bus import Bus
from vibing.errors import FileTooLarge, InvalidPath, InvalidRequest, NotFound, NotText
from vibing.schema.common import Ping, ServiceUp
from vibing.schema.storage import (
    ApplyFileBatch,
    ApplyFiles,
    CheckDatabase,
    CreateFile,
    CreateProject,
    DeleteFile,
    DeleteProject,
    DiscardDraft,
    FileOp,
    FileWrite,
    ListCheckpoints,
    ListDrafts,
    LoadProject,
    ProjectChanged,
    ReadFile,
    RenameFile,
    RenameProject,
    RestoreCheckpoint,
    SaveDraft,
    SaveProject,
    SearchFiles,
    StartAssistantMessage,
    UpdateFile,
)
from vibing.schema.supervisor import Status

#: Small limits, so that "too big" and "too many" cost little to send.
MAX_FILE_BYTES = 64 * 1024
MAX_FILES = 6


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = start_app(
        tmp_path_factory.mktemp("drafts") / "home",
        VIBING_STORAGE_MAX_FILE_BYTES=str(MAX_FILE_BYTES),
        VIBING_STORAGE_MAX_FILES=str(MAX_FILES),
    )
    yield app
    app.stop()


@pytest.fixture
def bus(running: App) -> Iterator[Bus]:
    client = running.bus()
    yield client
    client.close()


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def create(bus: Bus, name: str, files: dict[str, str]) -> str:
    reply = bus.request(
        "storage", CreateProject(name=name, files=[FileWrite(path=p, content=c) for p, c in files.items()])
    )
    return reply.project.id


def drafts(bus: Bus, project_id: str) -> dict[str, tuple[str, str, bool]]:
    """path -> (content, base_sha256, stale)"""
    reply = bus.request("storage", ListDrafts(project_id=project_id))
    assert reply.project_id == project_id
    return {d.path: (d.content, d.base_sha256, d.stale) for d in reply.drafts}


def draft(bus: Bus, project_id: str, path: str, content: str, base: str = "") -> None:
    bus.request("storage", SaveDraft(project_id=project_id, path=path, content=content, base_sha256=base))


# -- keep, list, replace, discard ------------------------------------------------------------------


def test_a_draft_is_kept_replaced_listed_and_discarded(bus: Bus) -> None:
    pid = create(bus, "drafting", {"index.html": "<h1>saved</h1>\n", "app.js": "go()\n"})
    base = sha("<h1>saved</h1>\n")
    reply = bus.request(
        "storage", SaveDraft(project_id=pid, path="index.html", content="<h1>typing</h1>\n", base_sha256=base)
    )
    assert (reply.path, reply.base_sha256, reply.stale, reply.file_sha256) == ("index.html", base, False, base)
    first_time = reply.updated_at

    later = bus.request(
        "storage", SaveDraft(project_id=pid, path="index.html", content="<h1>typing more</h1>\n", base_sha256=base)
    )
    assert later.updated_at >= first_time
    draft(bus, pid, "notes.md", "# a new file, never saved\n")  # no base: a file that does not exist yet

    listed = bus.request("storage", ListDrafts(project_id=pid)).drafts
    assert [(d.path, d.content, d.base_sha256, d.stale, d.file_sha256) for d in listed] == [
        ("index.html", "<h1>typing more</h1>\n", base, False, base),  # replaced, not added
        ("notes.md", "# a new file, never saved\n", "", False, ""),
    ]
    assert listed[0].updated_at == later.updated_at

    bus.request("storage", DiscardDraft(project_id=pid, path="index.html"))
    assert drafts(bus, pid) == {"notes.md": ("# a new file, never saved\n", "", False)}
    bus.request("storage", DiscardDraft(project_id=pid, path="index.html"))  # nothing left to discard: fine
    bus.request("storage", DiscardDraft(project_id=pid, path="notes.md"))
    assert drafts(bus, pid) == {}
    # the saved files never moved
    assert bus.request("storage", ReadFile(project_id=pid, path="index.html")).file.content == "<h1>saved</h1>\n"


def test_drafts_belong_to_their_project(bus: Bus) -> None:
    one = create(bus, "one", {"a.txt": "1"})
    two = create(bus, "two", {"a.txt": "1"})
    draft(bus, one, "a.txt", "one's edit", sha("1"))
    assert drafts(bus, two) == {}
    with pytest.raises(NotFound):
        draft(bus, "no-such-project", "a.txt", "x")
    with pytest.raises(NotFound):
        bus.request("storage", ListDrafts(project_id="no-such-project"))


# -- saving, deleting, renaming, restoring settle the draft in the same transaction -------------------------


def test_saving_the_file_in_any_way_leaves_no_draft_behind(bus: Bus) -> None:
    pid = create(bus, "saving", {"a.js": "a\n", "b.js": "b\n", "c.js": "c\n"})
    for path in ("a.js", "b.js", "c.js"):
        draft(bus, pid, path, f"{path} edited\n", sha(path[0] + "\n"))
    draft(bus, pid, "new.js", "brand new\n")

    bus.request("storage", UpdateFile(project_id=pid, path="a.js", content="a.js edited\n"))
    assert set(drafts(bus, pid)) == {"b.js", "c.js", "new.js"}
    bus.request("storage", UpdateFile(project_id=pid, path="b.js", content="b.js edited\n", checkpoint=False))
    assert set(drafts(bus, pid)) == {"c.js", "new.js"}
    bus.request("storage", CreateFile(project_id=pid, path="new.js", content="brand new\n"))
    assert set(drafts(bus, pid)) == {"c.js"}
    bus.request("storage", SaveProject(project_id=pid, files=[FileWrite(path="c.js", content="c.js edited\n")]))
    assert drafts(bus, pid) == {}

    draft(bus, pid, "a.js", "again\n", sha("a.js edited\n"))
    bus.request("storage", ApplyFileBatch(project_id=pid, ops=[FileOp(op="write", path="a.js", content="again\n")]))
    assert drafts(bus, pid) == {}
    files = {f.path: f.content for f in bus.request("storage", LoadProject(project_id=pid)).files}
    assert files == {"a.js": "again\n", "b.js": "b.js edited\n", "c.js": "c.js edited\n", "new.js": "brand new\n"}


def test_a_save_that_fails_keeps_the_draft(bus: Bus) -> None:
    pid = create(bus, "failing save", {"a.txt": "a"})
    draft(bus, pid, "a.txt", "precious", sha("a"))
    with pytest.raises(FileTooLarge):  # one file of the batch is too big: nothing applies, the draft stays
        bus.request(
            "storage",
            ApplyFileBatch(
                project_id=pid,
                ops=[
                    FileOp(op="write", path="a.txt", content="precious"),
                    FileOp(op="write", path="big.txt", content="x" * (MAX_FILE_BYTES + 1)),
                ],
            ),
        )
    assert drafts(bus, pid) == {"a.txt": ("precious", sha("a"), False)}


def test_a_file_changed_under_its_draft_shows_stale(bus: Bus) -> None:
    pid = create(bus, "under", {"index.html": "v1\n", "keep.css": "k\n"})
    draft(bus, pid, "index.html", "my edit of v1\n", sha("v1\n"))
    draft(bus, pid, "keep.css", "my edit of k\n", sha("k\n"))
    draft(bus, pid, "later.js", "my new file\n")
    message = bus.request("storage", StartAssistantMessage(project_id=pid, agent="frontend-developer")).message
    bus.request(
        "storage",
        ApplyFiles(
            project_id=pid,
            message_id=message.id,
            files=[FileWrite(path="index.html", content="v2\n"), FileWrite(path="later.js", content="gen\n")],
            deletes=["keep.css"],
        ),
    )
    listed = {d.path: d for d in bus.request("storage", ListDrafts(project_id=pid)).drafts}
    # a generation keeps the person's drafts (the editor asks what to do), each now stale
    assert {p: (d.content, d.stale) for p, d in listed.items()} == {
        "index.html": ("my edit of v1\n", True),
        "keep.css": ("my edit of k\n", True),
        "later.js": ("my new file\n", True),
    }
    assert listed["index.html"].file_sha256 == sha("v2\n")
    assert listed["keep.css"].file_sha256 == ""  # the file is gone
    assert listed["later.js"].file_sha256 == sha("gen\n")
    # saving a draft on an old base says at once that it is stale; rebasing it makes it current
    reply = bus.request(
        "storage", SaveDraft(project_id=pid, path="index.html", content="edit\n", base_sha256=sha("v1\n"))
    )
    assert reply.stale and reply.file_sha256 == sha("v2\n")
    draft(bus, pid, "index.html", "edit of v2\n", sha("v2\n"))
    assert drafts(bus, pid)["index.html"] == ("edit of v2\n", sha("v2\n"), False)


def test_renaming_moves_the_draft_and_deleting_removes_it(bus: Bus) -> None:
    pid = create(bus, "moving", {"old.js": "o\n", "gone.js": "g\n", "b.js": "b\n"})
    draft(bus, pid, "old.js", "edited o\n", sha("o\n"))
    draft(bus, pid, "gone.js", "edited g\n", sha("g\n"))
    bus.request("storage", RenameFile(project_id=pid, path="old.js", new_path="src/new.js"))
    assert drafts(bus, pid) == {
        "src/new.js": ("edited o\n", sha("o\n"), False),  # same content, same base: still current
        "gone.js": ("edited g\n", sha("g\n"), False),
    }
    bus.request("storage", DeleteFile(project_id=pid, path="gone.js"))
    assert set(drafts(bus, pid)) == {"src/new.js"}
    # in a batch too, in order: a rename then a delete of the new name
    draft(bus, pid, "b.js", "edited b\n", sha("b\n"))
    bus.request(
        "storage",
        ApplyFileBatch(
            project_id=pid, ops=[FileOp(op="rename", path="b.js", new_path="c.js"), FileOp(op="delete", path="c.js")]
        ),
    )
    assert set(drafts(bus, pid)) == {"src/new.js"}


def test_restoring_a_checkpoint_removes_the_drafts_of_the_files_it_changed(bus: Bus) -> None:
    pid = create(bus, "restoring", {"a.txt": "a1", "b.txt": "b1"})
    first = bus.request("storage", ListCheckpoints(project_id=pid)).items[0].id
    bus.request("storage", UpdateFile(project_id=pid, path="a.txt", content="a2"))
    draft(bus, pid, "a.txt", "a2 edited", sha("a2"))
    draft(bus, pid, "b.txt", "b1 edited", sha("b1"))
    restored = bus.request("storage", RestoreCheckpoint(project_id=pid, checkpoint_id=first))
    assert restored.checkpoint.kind == "restore"
    # a.txt went back to a1: its draft is gone; b.txt did not change: its draft is still good
    assert drafts(bus, pid) == {"b.txt": ("b1 edited", sha("b1"), False)}


# -- refusals ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["../escape.js", "/etc/passwd", "a\\b.js", "a/../../b", "", "x\0y", "evil\u202egnp.js"]
)
def test_a_draft_with_a_bad_path_is_refused_like_a_file(bus: Bus, path: str) -> None:
    pid = create(bus, "bad paths", {"a.txt": "a"})
    with pytest.raises(InvalidPath):
        draft(bus, pid, path, "x")
    with pytest.raises(InvalidPath):
        bus.request("storage", DiscardDraft(project_id=pid, path=path))
    assert drafts(bus, pid) == {}


def test_an_oversized_or_binary_draft_or_a_bad_base_is_a_typed_error(bus: Bus) -> None:
    pid = create(bus, "too big", {"a.txt": "a"})
    with pytest.raises(FileTooLarge) as too_big:
        draft(bus, pid, "a.txt", "x" * (MAX_FILE_BYTES + 1), sha("a"))
    assert too_big.value.details["path"] == "a.txt" and too_big.value.details["limit"] == MAX_FILE_BYTES
    draft(bus, pid, "a.txt", "x" * MAX_FILE_BYTES, sha("a"))  # exactly the limit is fine
    with pytest.raises(NotText):
        draft(bus, pid, "b.txt", "binary\0data")
    with pytest.raises(InvalidRequest, match="sha256"):
        draft(bus, pid, "a.txt", "x", "not-a-hash")
    assert drafts(bus, pid) == {"a.txt": ("x" * MAX_FILE_BYTES, sha("a"), False)}


def test_a_project_keeps_no_more_drafts_than_it_may_have_files(bus: Bus) -> None:
    pid = create(bus, "many drafts", {})
    for n in range(MAX_FILES):
        draft(bus, pid, f"f{n}.txt", str(n))
    with pytest.raises(FileTooLarge) as too_many:
        draft(bus, pid, "one-more.txt", "x")
    assert too_many.value.details["limit"] == MAX_FILES
    draft(bus, pid, "f0.txt", "replacing one is fine")
    assert len(drafts(bus, pid)) == MAX_FILES


# -- a hot path: no history, no search, no cache invalidation, no event -------------------------------------


def test_drafts_take_no_checkpoint_stay_out_of_search_and_drop_no_cached_reply(bus: Bus) -> None:
    pid = create(bus, "quiet", {"index.html": "<p>plain</p>\n"})
    events = bus.subscribe("project.changed")
    events.sync()
    loaded = bus.request("storage", LoadProject(project_id=pid))
    before = bus.request("storage", Ping()).details["cache"]
    for n in range(5):
        draft(bus, pid, "index.html", f"<p>zanzibarquokka {n}</p>\n", sha("<p>plain</p>\n"))
    bus.request("storage", DiscardDraft(project_id=pid, path="index.html"))
    draft(bus, pid, "index.html", "<p>zanzibarquokka</p>\n", sha("<p>plain</p>\n"))
    after = bus.request("storage", Ping()).details["cache"]
    assert after["invalidations"] == before["invalidations"]
    assert bus.request("storage", LoadProject(project_id=pid)) == loaded  # the draft is not a file
    assert bus.request("storage", Ping()).details["cache"]["hits"] == after["hits"] + 1  # served from the cache
    assert bus.request("storage", ListCheckpoints(project_id=pid)).total == 1
    assert bus.request("storage", SearchFiles(query="zanzibarquokka", project_id=pid)).hits == []
    # up to the rename's event, nothing about this project but (at most, late) its creation: drafts publish nothing
    bus.request("storage", RenameProject(project_id=pid, name="quiet, renamed"))
    seen = []
    while not seen or seen[-1] != "renamed":
        event = events.recv(timeout=10)
        assert event is not None, f"no rename event; saw {seen}"
        assert isinstance(event.body, ProjectChanged)
        if event.body.project_id == pid:
            seen.append(event.body.what)
    assert seen in (["renamed"], ["created", "renamed"])


def test_deleting_the_project_deletes_its_drafts(running: App, bus: Bus) -> None:
    pid = create(bus, "doomed", {"a.txt": "a"})
    draft(bus, pid, "a.txt", "edit", sha("a"))
    draft(bus, pid, "b.txt", "new")
    bus.request("storage", DeleteProject(project_id=pid))
    with pytest.raises(NotFound):
        bus.request("storage", ListDrafts(project_id=pid))
    conn = apsw.Connection(str(running.paths.data / "vibing.db"), flags=apsw.SQLITE_OPEN_READONLY)
    try:
        assert conn.execute("SELECT count(*) FROM drafts WHERE project_id = ?", (pid,)).fetchone()[0] == 0
    finally:
        conn.close()
    check = bus.request("storage", CheckDatabase())
    assert check.ok, (check.integrity, check.foreign_keys)


# -- crash safety ----------------------------------------------------------------------------------------


def test_an_acknowledged_draft_survives_the_storage_worker_being_killed(bus: Bus) -> None:
    pid = create(bus, "crash", {"index.html": "<h1>saved</h1>\n"})
    draft(bus, pid, "index.html", "<h1>typed just before the crash</h1>\n", sha("<h1>saved</h1>\n"))
    victim = next(s.pid for s in bus.request("supervisor", Status()).services if s.name == "storage")
    ups = bus.subscribe("service.up")
    ups.sync()
    os.kill(victim, signal.SIGKILL)
    while True:  # await the supervisor's restart of storage (events, no sleeps)
        event = ups.recv(timeout=30)
        assert event is not None, "storage did not come back within 30 s"
        if isinstance(event.body, ServiceUp) and event.body.service == "storage" and event.body.pid != victim:
            break
    assert drafts(bus, pid) == {
        "index.html": ("<h1>typed just before the crash</h1>\n", sha("<h1>saved</h1>\n"), False)
    }
