"""Settings > Restore in the window (issue 21 item 2): only the person's pick in the window's file dialog and their
yes in its confirmation box start a restore; the page can ask for neither the restore nor a yes.

The dialog and the box are pywebview's; here the person's answers are played by functions (what they would pick,
what they would press).  Everything after them is real: the shell's native intent, the supervisor's RestoreBackup
with its checks, the services stopped and started again, the data swapped.
"""

from __future__ import annotations

import pytest
from conftest import start_app

from tests.security.test_page_file_actions import page_post, page_request
from vibing.schema.storage import CreateProject, DeleteProject, FileWrite, ListProjects


@pytest.fixture
def app(tmp_path):
    running = start_app(tmp_path / "home")
    yield running
    running.stop()


def names(app) -> set[str]:
    return {p.name for p in app.bus().request("storage", ListProjects(limit=100), timeout=30).items}


def test_a_backup_picked_and_confirmed_in_the_window_is_restored_and_nothing_else_can_start_one(app, tmp_path):
    from vibing.shell import restore

    bus = app.bus()
    kept = bus.request(
        "storage", CreateProject(name="In the backup", files=[FileWrite(path="index.html", content="<h1>b</h1>")])
    ).project
    archive = tmp_path / "before.zip"
    made = app.cli("backup", "create", str(archive))
    assert made.returncode == 0, made.stderr
    bus.request("storage", DeleteProject(project_id=kept.id))
    bus.request("storage", CreateProject(name="Made after the backup"))

    shell = app.shell("window", "test-window")
    asked: list[str] = []
    answers = {"pick": "", "yes": False}
    shell.confirm = lambda title, message: asked.append(message) or answers["yes"]
    restore.install(shell, lambda: answers["pick"])
    server = (shell.server.port, shell.server.token)
    try:
        # the page cannot send the restore itself
        status, reply = page_request(server, "supervisor", "RestoreBackup", {"path": str(archive), "replace": True})
        assert status == 400 and "cannot be sent from the window" in reply["error"]["message"], reply
        # the dialog closed without a file, then a file picked but "No" pressed: nothing happens
        assert page_post(server, "/api/shell/native", {"name": "restore_dialog"})[1]["reply"] == {"cancelled": True}
        answers["pick"] = str(archive)
        assert page_post(server, "/api/shell/native", {"name": "restore_dialog"})[1]["reply"] == {"cancelled": True}
        assert asked and "before.zip" in asked[-1] and "replaced" in asked[-1] and "dated copy" in asked[-1]
        assert names(app) == {"Made after the backup"}
        # "Yes": the supervisor restores; the services come back with the backup's projects
        answers["yes"] = True
        status, reply = page_post(server, "/api/shell/native", {"name": "restore_dialog"})
        assert status == 200 and reply["ok"], reply
        done = reply["reply"]
        assert done["cancelled"] is False and done["projects"] == 1 and "key" in done["key_note"].lower()
        assert names(app) == {"In the backup"}
    finally:
        shell.stop()
