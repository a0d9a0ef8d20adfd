"""Page-reachable file actions (issue 14, item 9), attacked through the shell's HTTP bridge of a
real running app, as script in the page would.

Before: the page could send ``ExportProject`` with ``overwrite`` (which removes any non-empty
folder), and ``ImportProject``, ``AddAgentFolder`` or ``CheckAgentFolder`` with any path, so it
could wipe a folder or read the user's files.  Now the shell checks every path a page request
names: in ``vibing web`` it must lie inside a folder given with ``--allow-folder``; in the
window it must be the very place the native dialog returned; ``overwrite`` is always refused.
"""

from __future__ import annotations

import http.client as httpc
import json
import os
import tomllib

import pytest
from conftest import start_app, start_web

AGENT = "---\nname: spy\ndescription: reads what it should not\n---\nYou are a spy.\n"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("file-actions") / "home")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def disk(tmp_path_factory):
    """A victim folder (the user's files), and a folder the user allowed `vibing web` to use."""
    root = tmp_path_factory.mktemp("disk")
    victim = root / "victim"
    (victim / "agents").mkdir(parents=True)
    (victim / "diary.txt").write_text("my private notes")
    (victim / "index.html").write_text("<h1>private</h1>")
    (victim / "agents" / "spy.md").write_text(AGENT)
    allowed = root / "allowed"
    (allowed / "site").mkdir(parents=True)
    (allowed / "site" / "index.html").write_text("<h1>mine</h1>")
    (allowed / "escape").symlink_to(victim)
    return victim, allowed


@pytest.fixture(scope="module")
def web(app):
    proc, port, token = start_web(app)
    yield port, token
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def web_allowed(app, disk):
    proc, port, token = start_web(app, "--allow-folder", str(disk[1]))
    yield port, token
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def project(app):
    from vibing.schema.storage import CreateProject, FileWrite

    files = [FileWrite(path="index.html", content="<h1>exported</h1>")]
    return app.bus().request("storage", CreateProject(name="Exported", files=files)).project.id


def page_post(server: tuple[int, str], path: str, data: dict) -> tuple[int, dict]:
    """What script in the page can do: a POST with the page's own origin and session."""
    port, token = server
    conn = httpc.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"X-Vibing-Token": token, "Origin": f"http://127.0.0.1:{port}", "Content-Type": "application/json"}
    conn.request("POST", path, body=json.dumps(data), headers=headers)
    res = conn.getresponse()
    reply = json.loads(res.read())
    conn.close()
    return res.status, reply


def page_request(server, service: str, type_: str, body: dict) -> tuple[int, dict]:
    return page_post(server, "/api/request", {"service": service, "type": type_, "body": body, "timeout": 20})


def refused(answer: tuple[int, dict], words: str) -> None:
    status, reply = answer
    assert status == 400 and reply["ok"] is False and reply["error"]["code"] == "InvalidRequest", reply
    assert words.lower() in reply["error"]["message"].lower(), reply


def project_names(app) -> set[str]:
    from vibing.schema.storage import ListProjects

    return {p.name for p in app.bus().request("storage", ListProjects(limit=500)).items}


def agent_names(app) -> set[str]:
    from vibing.schema.agent import ListAgents

    return {a.name for a in app.bus().request("agent", ListAgents()).agents}


def test_the_page_cannot_wipe_or_read_a_folder_in_vibing_web(app, web, disk, project):
    victim, _ = disk
    before_projects, before_agents = project_names(app), agent_names(app)
    # overwrite would have replaced the non-empty folder with the export
    body = {"project_id": project, "path": str(victim), "format": "folder", "overwrite": True}
    refused(page_request(web, "storage", "ExportProject", body), "command line")
    refused(page_request(web, "storage", "ExportProject", {**body, "overwrite": False}), "--allow-folder")
    refused(page_request(web, "storage", "ImportProject", {"path": str(victim)}), "--allow-folder")
    refused(page_request(web, "agent", "AddAgentFolder", {"path": str(victim / "agents")}), "--allow-folder")
    refused(page_request(web, "agent", "CheckAgentFolder", {"path": str(victim / "agents")}), "--allow-folder")
    refused(page_request(web, "agent", "ListAgents", {"project_dir": str(victim)}), "--allow-folder")
    refused(page_request(web, "storage", "ImportProject", {"path": "relative/path"}), "absolute path")
    # the settings route to the same folders (read at the next start) is closed too
    status, reply = page_post(web, "/api/shell/settings.update", {"values": {"agent_dirs": [str(victim / "agents")]}})
    assert status == 400 and "--allow-folder" in reply["error"]["message"], reply
    # nothing was lost, nothing was read
    assert (victim / "diary.txt").read_text() == "my private notes" and (victim / "agents" / "spy.md").exists()
    assert project_names(app) == before_projects and agent_names(app) == before_agents
    assert "spy" not in before_agents
    config = app.paths.config_file
    assert not config.exists() or str(victim) not in json.dumps(tomllib.loads(config.read_text()))


def test_allowed_folders_work_but_only_inside_and_never_overwrite(app, web_allowed, disk, project):
    victim, allowed = disk
    target = allowed / "exported.zip"
    status, reply = page_request(web_allowed, "storage", "ExportProject", {"project_id": project, "path": str(target)})
    assert status == 200 and reply["ok"], reply
    assert target.is_file()
    again = {"project_id": project, "path": str(target), "overwrite": True}
    refused(page_request(web_allowed, "storage", "ExportProject", again), "command line")
    for outside in (allowed / ".." / "victim" / "x.zip", allowed / "escape" / "x.zip"):  # dot-dot and a symlink
        body = {"project_id": project, "path": str(outside)}
        refused(page_request(web_allowed, "storage", "ExportProject", body), "not inside")
    refused(page_request(web_allowed, "storage", "ImportProject", {"path": str(allowed / "escape")}), "not inside")
    assert not (victim / "x.zip").exists()
    status, reply = page_request(web_allowed, "storage", "ImportProject", {"path": str(allowed / "site")})
    assert status == 200 and reply["ok"], reply


def test_in_the_window_only_the_place_picked_in_the_dialog_is_usable(app, disk, tmp_path):
    """The window's shell: a folder reaches the page only through its native dialog intent.

    The dialog is pywebview's; here the person's choice in it is played by a function that
    returns the folder they would pick. Everything after it (the grant, the checks) is the real shell.
    """
    victim, allowed = disk
    picked = allowed / "site"
    shell = app.shell("window", "test-window")
    try:
        shell.native["folder_dialog"] = lambda _data: str(picked)
        server = (shell.server.port, shell.server.token)
        refused(page_request(server, "storage", "ImportProject", {"path": str(picked)}), "own dialog")
        status, reply = page_post(server, "/api/shell/native", {"name": "folder_dialog"})
        assert status == 200 and reply["reply"] == str(picked)
        status, reply = page_request(server, "storage", "ImportProject", {"path": str(picked)})
        assert status == 200 and reply["ok"], reply
        refused(page_request(server, "storage", "ImportProject", {"path": str(victim)}), "own dialog")
        refused(page_request(server, "storage", "ImportProject", {"path": str(picked / "..")}), "own dialog")
    finally:
        shell.stop()


def test_a_dialog_grant_expires():
    from vibing.shell.folders import FILE, FOLDER, GRANT_TTL_S, FolderAccess

    now = [0.0]
    access = FolderAccess(dialogs=True, clock=lambda: now[0])
    access.grant("/home/someone/export.zip", FILE)
    assert access.check("/home/someone/export.zip", FILE, "Exporting") == os.path.realpath("/home/someone/export.zip")
    with pytest.raises(Exception, match="own dialog"):
        access.check("/home/someone/export.zip", FOLDER, "Adding an agent folder")  # a file grant is not a folder's
    now[0] += GRANT_TTL_S + 1
    with pytest.raises(Exception, match="own dialog"):
        access.check("/home/someone/export.zip", FILE, "Exporting")
