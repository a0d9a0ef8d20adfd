"""``vibing db import-postgres`` against a real PostgreSQL server and a real headless app.

The web app's schema is created as Prisma would, filled by ``postgres.generate``
(multi-file and single-document projects, versions, non-ASCII text, CRLF, the
bad rows), imported by the real command, then read back over the bus and
compared byte for byte.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest
from conftest import App
from postgres import Cluster, Expected, generate, pg_cluster  # noqa: F401

from vibing.schema.storage import (
    CheckDatabase,
    GetCheckpoint,
    ListCheckpoints,
    ListImported,
    ListProjects,
    LoadProject,
    ProjectChanged,
    UsageSummary,
)


@pytest.fixture(scope="module")
def webapp(pg_cluster: Cluster) -> tuple[str, Expected]:  # noqa: F811
    url = pg_cluster.create_webapp_database("webapp_main")
    return url, generate(url, users=3, projects=6, messages=6, files=3, versions=2, usage=4)


def run_import(app: App, url: str, *args: str) -> dict:
    result = app.cli("db", "import-postgres", url, "--json", *args)
    assert result.returncode == 0, result.stderr + result.stdout
    return json.loads(result.stdout)


def imported_ids(app: App) -> dict[str, str]:
    return app.bus().request("storage", ListImported(source="vibing2", kind="project")).ids


def check_project(bus, local_id: str, expected, ids: dict[str, str]) -> None:
    detail = bus.request("storage", LoadProject(project_id=local_id))
    p = detail.project
    assert (p.name, p.description, p.project_type) == (expected.name, expected.description, expected.project_type)
    assert p.created_at == pytest.approx(expected.created_at, abs=1e-3)
    assert p.updated_at == pytest.approx(expected.updated_at, abs=1e-3)
    assert {f.path: f.content for f in detail.files} == expected.files
    got = [(m.role, m.content, round(m.created_at, 3), m.input_tokens + m.output_tokens) for m in detail.messages]
    want = [(m.role, m.content, round(m.created_at, 3), m.tokens) for m in expected.messages]
    assert got == want
    assert all(m.status == "complete" for m in detail.messages)
    if len(expected.agents) == 1:
        assert all(m.agent == expected.agents[0] for m in detail.messages if m.role == "assistant")
    points = bus.request("storage", ListCheckpoints(project_id=local_id, limit=1000)).items
    points = sorted(points, key=lambda c: c.id)  # oldest first
    assert len(points) == len(expected.versions) + 1
    for point, files in zip(points, [*expected.versions, expected.files], strict=False):
        assert point.kind == "import"
        reply = bus.request("storage", GetCheckpoint(checkpoint_id=point.id))
        assert {f.path: f.content for f in reply.files} == files
    assert p.forked_from == (ids[expected.forked_from] if expected.forked_from else None)


def test_everything_arrives_byte_identical_and_twice_is_once(app: App, webapp: tuple[str, Expected]) -> None:
    url, expected = webapp
    report = run_import(app, url)
    n = len(expected.projects)
    assert report["ok"] and report["interrupted"] is None
    assert report["projects"] == {"imported": n, "skipped": 0, "failed": 1}  # the one with a non-UTF-8 name
    assert report["users"]["imported"] == len(expected.users)
    assert report["messages"]["imported"] == sum(len(p.messages) for p in expected.projects.values())
    assert report["files"]["imported"] == sum(len(p.files) for p in expected.projects.values())
    assert report["token_usage"]["imported"] == len(expected.usage_rows)
    assert report["forks"]["imported"] == 1
    assert report["source"].startswith("postgresql://postgres@127.0.0.1:")

    # every bad row is reported, with its reason, and nothing else is
    problems = {(p["kind"], p["source_id"]): p["reason"] for p in report["problems"]}
    for kind, source_id, words in expected.problems:
        assert (kind, source_id) in problems, (kind, source_id, report["problems"])
        assert words in problems[(kind, source_id)]
    assert len(report["problems"]) == len(expected.problems)

    # counted, not imported; passwords never
    left = {k: v["count"] for k, v in report["not_imported"].items()}
    assert left["passwords"] == len(expected.users)
    for key in ("collaborators", "sessions", "likes", "ratings", "invitations", "accounts"):
        assert left[key] == expected.social[key], key

    bus = app.bus()
    ids = imported_ids(app)
    assert set(ids) == set(expected.projects)
    for source_id, project in expected.projects.items():
        check_project(bus, ids[source_id], project, ids)
    listing = bus.request("storage", ListProjects(limit=1000))
    assert listing.total == n
    usage = bus.request("storage", UsageSummary())
    want_tokens = sum(t for _u, t in expected.usage_rows.values()) + sum(
        m.tokens for p in expected.projects.values() for m in p.messages
    )
    assert usage.input_tokens + usage.output_tokens == want_tokens

    # the second run imports nothing and says what it skipped
    again = run_import(app, url)
    assert again["projects"] == {"imported": 0, "skipped": n, "failed": 1}
    assert again["messages"]["imported"] == 0 and again["files"]["imported"] == 0
    assert again["token_usage"] == {"imported": 0, "skipped": len(expected.usage_rows), "failed": 0}
    assert again["users"] == {"imported": 0, "skipped": len(expected.users), "failed": 0}
    assert again["rows_written"] == 0
    assert bus.request("storage", ListProjects(limit=1000)).total == n
    assert bus.request("storage", UsageSummary()).output_tokens == usage.output_tokens
    check = bus.request("storage", CheckDatabase())
    assert check.ok, (check.integrity, check.foreign_keys)

    # the human report
    text = app.cli("db", "import-postgres", url)
    assert text.returncode == 0, text.stderr
    assert "skipped" in text.stdout and "Not imported" in text.stdout and "passwords" in text.stdout
    assert "Problems (" in text.stdout


def test_one_user(app: App, webapp: tuple[str, Expected]) -> None:
    url, expected = webapp
    # errors first: a user who is not there, a server that is not there (the password stays secret)
    result = app.cli("db", "import-postgres", url, "--user", "nobody@example.com")
    assert result.returncode == 2 and "nobody@example.com" in result.stderr
    result = app.cli("db", "import-postgres", "postgresql://postgres:secret@127.0.0.1:1/none")
    assert result.returncode == 2 and "Cannot connect" in result.stderr
    assert "secret" not in result.stderr

    email = "user1@example.com"
    report = run_import(app, url, "--user", email)
    mine = expected.for_user(email)
    assert report["user"] == email
    assert report["projects"]["imported"] == len(mine)
    assert report["users"]["imported"] == 1
    uid = next(k for k, v in expected.users.items() if v == email)
    assert report["token_usage"]["imported"] == sum(1 for u, _t in expected.usage_rows.values() if u == uid)
    ids = imported_ids(app)
    assert set(ids) == {p.source_id for p in mine}
    bus = app.bus()
    for project in mine:
        check_project(
            bus,
            ids[project.source_id],
            project,
            {**ids, project.forked_from: None} if project.forked_from and project.forked_from not in ids else ids,
        )
    # the rest follows later, without duplicating the first part
    rest = run_import(app, url)
    assert rest["projects"]["skipped"] == len(mine)
    assert rest["projects"]["imported"] == len(expected.projects) - len(mine)
    assert app.bus().request("storage", ListProjects(limit=1000)).total == len(expected.projects)


@pytest.fixture(scope="module")
def bigger(pg_cluster: Cluster) -> tuple[str, Expected]:  # noqa: F811
    url = pg_cluster.create_webapp_database("webapp_kill")
    return url, generate(
        url, users=1, projects=150, messages=4, files=2, versions=1, usage=2, bad=False, file_lines=4, seed=11
    )


def start_import_and_await_projects(app: App, bus, url: str, projects: int) -> subprocess.Popen:
    """Start `vibing db import-postgres` and return once ``projects`` projects have arrived (it is still running)."""
    sub = bus.subscribe("project.changed")
    sub.sync()
    proc = subprocess.Popen(
        [sys.executable, "-m", "vibing", "db", "import-postgres", url, "--json"],
        env=app.env,
        cwd=app.home,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        seen = 0
        while seen < projects:
            event = sub.recv(timeout=30)
            assert event is not None, "no project arrived"
            if isinstance(event.body, ProjectChanged) and event.body.what == "imported":
                seen += 1
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    finally:
        sub.close()
    return proc


def test_killed_import_resumes_exactly_once(app: App, bigger: tuple[str, Expected]) -> None:
    url, expected = bigger
    bus = app.bus()
    proc = start_import_and_await_projects(app, bus, url, 10)
    try:
        assert proc.poll() is None, "the import finished before it could be cut"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    first = len(imported_ids(app))
    assert 10 <= first < len(expected.projects), "the import was not cut mid-way"

    report = run_import(app, url)
    assert report["projects"]["skipped"] == first
    assert report["projects"]["imported"] == len(expected.projects) - first
    ids = imported_ids(app)
    assert set(ids) == set(expected.projects)
    listing = bus.request("storage", ListProjects(limit=1000))
    assert listing.total == len(expected.projects)  # each exactly once
    for source_id, project in expected.projects.items():
        check_project(bus, ids[source_id], project, ids)
    assert bus.request("storage", CheckDatabase()).ok


def test_storage_worker_killed_mid_import_still_everything_once(app: App, bigger: tuple[str, Expected]) -> None:
    """The import waits for the restarted storage worker and sends the cut request again (safe: keyed)."""
    import os

    from vibing.schema.supervisor import Status

    url, expected = bigger
    bus = app.bus()
    victim = next(s.pid for s in bus.request("supervisor", Status()).services if s.name == "storage")
    proc = start_import_and_await_projects(app, bus, url, 10)
    try:
        assert proc.poll() is None, "the import finished before the worker could be killed"
        os.kill(victim, signal.SIGKILL)
        out, err = proc.communicate(timeout=90)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err + out
    report = json.loads(out)
    assert report["ok"], report
    assert report["projects"]["imported"] == len(expected.projects)
    assert next(s.pid for s in bus.request("supervisor", Status()).services if s.name == "storage") != victim
    ids = imported_ids(app)
    assert set(ids) == set(expected.projects)
    assert bus.request("storage", ListProjects(limit=1000)).total == len(expected.projects)
    for source_id, project in expected.projects.items():
        check_project(bus, ids[source_id], project, ids)
    assert bus.request("storage", CheckDatabase()).ok


def test_lost_postgres_connection_stops_cleanly_and_the_rerun_completes(
    app: App,
    bigger: tuple[str, Expected],
    pg_cluster: Cluster,  # noqa: F811 - the fixture, imported above for pytest to find
) -> None:
    import psycopg

    url, expected = bigger
    bus = app.bus()
    proc = start_import_and_await_projects(app, bus, url, 10)
    try:
        assert proc.poll() is None, "the import finished before its connection could be cut"
        with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:
            cut = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE application_name = 'vibing import-postgres'"
            ).fetchone()[0]
        assert cut == 1
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 1, err
    report = json.loads(out)
    assert not report["ok"] and "reading the web app's database failed" in report["interrupted"]
    first = report["projects"]["imported"]
    assert len(imported_ids(app)) == first < len(expected.projects)  # whole projects only, each counted

    again = run_import(app, url)
    assert again["projects"] == {"imported": len(expected.projects) - first, "skipped": first, "failed": 0}
    assert bus.request("storage", ListProjects(limit=1000)).total == len(expected.projects)


def test_reader_streams_through_server_side_cursors(webapp: tuple[str, Expected]) -> None:
    """Projects, messages and versions come through three cursors on the server, merged: one project in memory."""
    from vibing.importer.reader import ProjectRow, Reader

    url, expected = webapp
    with Reader(url) as reader:
        items = reader.projects()
        first = next(items)
        cursors = {row[0] for row in reader.conn.execute("SELECT name FROM pg_cursors").fetchall()}
        assert {b"vibing_projects", b"vibing_messages", b"vibing_versions"} <= cursors
        projects = [first, *items]
    rows = [p for p in projects if isinstance(p, ProjectRow)]
    assert [p.id for p in rows] == sorted(p.id for p in rows)
    for row in rows:
        if row.id in expected.projects:
            want = expected.projects[row.id]
            bad = {source_id for _kind, source_id, _words in expected.problems}
            assert [m.id for m in row.messages if m.id not in bad] == [m.source_id for m in want.messages]
            assert len(row.versions) == len(want.versions)


def test_dry_run_needs_no_app_and_writes_nothing(tmp_path, webapp: tuple[str, Expected]) -> None:
    from conftest import vibing_env

    url, expected = webapp
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "vibing", "db", "import-postgres", url, "--dry-run", "--json"],
        env=vibing_env(home),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["dry_run"] and report["ok"]
    assert report["projects"] == {"imported": len(expected.projects), "skipped": 0, "failed": 1}
    assert report["messages"]["imported"] == sum(len(p.messages) for p in expected.projects.values())
    assert len(report["problems"]) == len(expected.problems)
    assert not (home / "data" / "vibing.db").exists()
    # without --dry-run, the app must be running
    result = subprocess.run(
        [sys.executable, "-m", "vibing", "db", "import-postgres", url],
        env=vibing_env(home),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "not running" in result.stderr
