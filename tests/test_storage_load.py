"""The LoadProject hot path: the two-query message read and the cached reply's bytes.

``messages.for_project`` reads a project's messages and its usage sums in two plain queries
(faster than one LEFT JOIN); these tests hold it to the one statement it replaced.  A cached load is sent as the bytes encoded when it was cached; these tests hold
those bytes to a fresh encoding of the reply, before and after writes that stale it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vibing import schema
from vibing.config import Config
from vibing.errors import NotFound
from vibing.protocol import Endpoints
from vibing.schema.base import make_header
from vibing.schema.storage import (
    AddMessage,
    CreateProject,
    FileWrite,
    FinishMessage,
    GetProject,
    LoadProject,
    RenameProject,
    StartAssistantMessage,
    UpdateFile,
)
from vibing.services.storage import messages
from vibing.services.storage.db import Database


def _usage(conn, project_id: str, message_id: str, tokens: int, cost: float) -> None:
    messages.record_usage(conn, project_id, "m", tokens, tokens * 2, cost, message_id=message_id)


def test_for_project_matches_the_single_query_row_for_row(tmp_path: Path) -> None:
    db = Database(tmp_path / "v.db")
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO projects(id, user_id, name, created_at, updated_at) VALUES ('p', 'local', 'P', 0, 0),"
            " ('q', 'local', 'Q', 0, 0)"
        )
        ids = [messages.add(conn, "p", "user" if i % 2 else "assistant", f"text {i}") for i in range(7)]
        other = messages.add(conn, "q", "user", "elsewhere")
        _usage(conn, "p", ids[1], 10, 0.5)
        _usage(conn, "p", ids[1], 5, 0.25)  # two rows for one message: summed
        _usage(conn, "p", ids[4], 3, 0.0)
        _usage(conn, "p", "", 99, 9.0)  # a project's usage with no message: belongs to none
        _usage(conn, "q", other, 7, 1.0)
        _usage(conn, "q", ids[2], 1000, 100.0)  # another project's row naming this message: not counted
    conn = db.reader
    # The one statement this replaced: messages LEFT JOIN the project's usage sums by message.
    single = messages._SELECT.format(usage_filter="AND project_id = ?1") + " WHERE m.project_id = ?1 ORDER BY m.pk"
    expected = [messages._info(row) for row in conn.execute(single, ("p",))]
    assert [m.id for m in expected] == ids
    assert messages.for_project(conn, "p") == expected
    assert (expected[1].input_tokens, expected[1].output_tokens, expected[1].cost_usd) == (15, 30, 0.75)
    assert expected[2].input_tokens == 0 and expected[0].cost_usd == 0.0
    assert messages.for_project(conn, "p", limit=3, offset=2) == expected[2:5]
    with db.transaction() as writer:  # inside a caller's transaction too (the savepoint nests)
        assert messages.for_project(writer, "p") == expected
    db.close()


@pytest.fixture
def service(tmp_path: Path):
    from vibing.services.storage.service import Service

    svc = Service(Config(), Endpoints("inproc://a", "inproc://b", "inproc://c"), data_dir=tmp_path)
    svc.publish = lambda topic, event: None
    svc.setup()
    yield svc
    svc.teardown()


def _sent(service, reply) -> bytes:
    return service._reply(make_header("test"), reply)[1]


def test_a_cached_load_sends_the_bytes_of_the_current_reply(service) -> None:
    project = service.create_project(CreateProject(name="Load", files=[FileWrite(path="a.txt", content="one")])).project
    load = LoadProject(project_id=project.id)
    first = service.load_project(load)
    assert _sent(service, first) == schema.encode(first)
    again = service.load_project(load)  # a hit: the same reply, the bytes cached with it
    assert again is first and _sent(service, again) == schema.encode(first)

    writes = [
        RenameProject(project_id=project.id, name="Renamed"),
        AddMessage(project_id=project.id, role="user", content="hello"),
        UpdateFile(project_id=project.id, path="a.txt", content="two"),
    ]
    for write in writes:
        handler = getattr(service, service._handlers[type(write)])
        handler(write)
        fresh = service.load_project(load)
        assert fresh is not first and _sent(service, fresh) == schema.encode(fresh)
        # the totals counted from the loaded rows are the ones SQL counts for GetProject
        assert fresh.project == service.get_project(GetProject(project_id=project.id)).project
        first = fresh
    assert fresh.project.name == "Renamed" and [m.content for m in fresh.messages] == ["hello"]
    assert [(f.path, f.content) for f in fresh.files] == [("a.txt", "two")]

    message = service.start_assistant_message(StartAssistantMessage(project_id=project.id)).message
    service.finish_message(
        FinishMessage(message_id=message.id, status="complete", text="done", input_tokens=4, output_tokens=2)
    )
    final = service.load_project(load)
    assert [(m.content, m.input_tokens, m.output_tokens) for m in final.messages][-1] == ("done", 4, 2)
    assert _sent(service, final) == schema.encode(final)
    assert (final.project.file_count, final.project.total_bytes, final.project.message_count) == (1, 3, 2)
    with pytest.raises(NotFound):
        service.load_project(LoadProject(project_id="missing"))
    info = service.get_project(GetProject(project_id=project.id))  # not the load's reply: encoded as it is
    assert _sent(service, info) == schema.encode(info) != _sent(service, final)


def test_both_connections_keep_their_plans_whatever_is_bound(tmp_path: Path) -> None:
    import apsw

    db = Database(tmp_path / "v.db")
    for conn in (db.reader, db.writer):  # -1 reads the setting without changing it
        assert conn.config(apsw.SQLITE_DBCONFIG_ENABLE_QPSG, -1) == 1
    db.close()
