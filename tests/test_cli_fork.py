"""``vibing projects fork``: the dashboard's Fork from a terminal, end to end against a real headless app."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from conftest import App, start_app

from vibing.schema.storage import (
    AddMessage,
    CreateProject,
    FileWrite,
    FindProject,
    ListCheckpoints,
    ListProjects,
    LoadProject,
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """One headless app for the module (each test makes its own projects)."""
    running = start_app(tmp_path_factory.mktemp("fork") / "home")
    yield running
    running.stop()


def test_fork_by_name_or_id_copies_files_and_messages_and_prints_the_new_project(app: App) -> None:
    bus = app.bus()
    files = {"index.html": "<h1>timer</h1>\n", "js/app.js": "start()\n"}
    source = bus.request(
        "storage",
        CreateProject(name="Pomodoro Timer", files=[FileWrite(path=p, content=c) for p, c in files.items()]),
    ).project
    bus.request("storage", AddMessage(project_id=source.id, role="user", content="a pomodoro timer"))

    named = app.cli("projects", "fork", "Pomodoro Timer", "--name", "Timer, take two")
    assert named.returncode == 0, named.stderr
    fork = bus.request("storage", FindProject(ref="Timer, take two")).project
    assert fork.id in named.stdout and "'Timer, take two'" in named.stdout
    assert fork.forked_from == source.id and fork.id != source.id
    detail = bus.request("storage", LoadProject(project_id=fork.id))
    assert {f.path: f.content for f in detail.files} == files
    assert [m.content for m in detail.messages] == ["a pomodoro timer"]
    assert [p.kind for p in bus.request("storage", ListCheckpoints(project_id=fork.id)).items] == ["create"]

    by_id = app.cli("projects", "fork", source.id[:8], "--json")
    assert by_id.returncode == 0, by_id.stderr
    printed = json.loads(by_id.stdout)
    assert printed["name"] == "Pomodoro Timer (copy)" and printed["forked_from"] == source.id
    assert printed["id"] in [p.id for p in bus.request("storage", ListProjects()).items]
    # the source is untouched
    assert {f.path: f.content for f in bus.request("storage", LoadProject(project_id=source.id)).files} == files


def test_forking_a_missing_project_says_so_and_fails(app: App) -> None:
    before = app.bus().request("storage", ListProjects()).total
    missing = app.cli("projects", "fork", "no-such-project")
    assert missing.returncode != 0
    assert "No project matches" in missing.stderr and "no-such-project" in missing.stderr
    assert missing.stdout == ""
    assert app.bus().request("storage", ListProjects()).total == before


def test_fork_is_in_the_help(app: App) -> None:
    listed = app.cli("projects", "--help")
    assert listed.returncode == 0 and "fork" in listed.stdout
    usage = app.cli("projects", "fork", "--help")
    assert usage.returncode == 0 and "--name" in usage.stdout
