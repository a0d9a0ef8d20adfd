"""Other users of the machine cannot read Vibing's data, config, logs or crash reports (issue 14, item 4).

Before: ``data/``, ``logs/``, ``crashes/`` and ``shell/`` were 0755 and the
database, its WAL, the logs and the crash reports 0644, so any local account
could read every project and conversation.  Now the folders are 0700 and the
files 0600 from the first byte, an older install is repaired at start (logged
once), and a project exported to a folder the user picked keeps the user's
usual modes (no process-wide umask).
"""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path

from tests.conftest import start_app
from vibing import log, paths
from vibing.schema.storage import CreateProject, ExportProject, FileWrite


def modes(folders: tuple[Path, ...]) -> dict[str, int]:
    """The permission bits of every folder and file under ``folders`` (symlinks not followed)."""
    found: dict[str, int] = {}
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            for name in [root, *(os.path.join(root, d) for d in dirs), *(os.path.join(root, f) for f in files)]:
                info = os.lstat(name)
                if not stat.S_ISLNK(info.st_mode):
                    found[name] = stat.S_IMODE(info.st_mode)
    return found


def assert_private(folders: tuple[Path, ...]) -> dict[str, int]:
    found = modes(folders)
    wrong = {
        name: f"{mode:04o}"
        for name, mode in found.items()
        if mode != (paths.PRIVATE_DIR_MODE if os.path.isdir(name) else paths.PRIVATE_FILE_MODE)
    }
    assert wrong == {}, f"not private: {wrong}"
    return found


def test_a_fresh_install_is_private_while_it_runs_and_after(tmp_path):
    app = start_app(tmp_path / "home")
    try:
        storage = app.bus()
        storage.request("storage", CreateProject(name="Secret plans", files=[FileWrite("index.html", "<p>hi</p>")]))
        private = app.paths.private_folders
        found = assert_private(private)
        names = {Path(name).name for name in found}
        assert {"vibing.db", "vibing.db-wal", "vibing.db-shm", "supervisor.log", "storage.log"} <= names
        assert {app.paths.data, app.paths.config, app.paths.logs, app.paths.crash_dir} <= {Path(n) for n in found}
    finally:
        app.stop()
    assert_private(private)


def test_rotated_logs_stay_private(tmp_path):
    log.setup("rotating", tmp_path / "logs", "info", console=False)
    handler = next(h for h in logging.getLogger().handlers if isinstance(h, log.PrivateRotatingFileHandler))
    handler.maxBytes = 2_000
    try:
        for number in range(200):
            log.get("test").info("line", number=number, padding="x" * 40)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    files = sorted((tmp_path / "logs").iterdir())
    assert [f.name for f in files] == ["rotating.log", "rotating.log.1", "rotating.log.2", "rotating.log.3"]
    assert {f"{stat.S_IMODE(f.stat().st_mode):04o}" for f in files} == {"0600"}
    assert stat.S_IMODE((tmp_path / "logs").stat().st_mode) == 0o700


def test_an_older_install_open_to_everyone_is_repaired_at_start_and_it_is_logged_once(tmp_path):
    home = tmp_path / "home"
    start_app(home).stop()  # an install, which we now open up the way older versions left it
    data = home / "data"
    (data / "shell").mkdir()
    (data / "shell" / "window.json").write_text("{}")
    (data / "logs" / "supervisor.log.1").write_text("an old rotated log\n")
    (data / "crashes" / "20240101T000000-storage-123.txt").write_text("Traceback: an old crash\n")
    (home / "config" / "config.toml").write_text("")
    for name in modes((data, home / "config")):
        os.chmod(name, 0o755 if stat.S_ISDIR(os.lstat(name).st_mode) else 0o644)
    opened = modes((data, home / "config"))
    assert set(opened.values()) == {0o755, 0o644}

    app = start_app(home)
    try:
        assert_private(app.paths.private_folders)
        assert set(modes((data, home / "config"))) >= set(opened), "nothing was lost on the way"
    finally:
        app.stop()
    events = [json.loads(line) for line in (data / "logs" / "supervisor.log").read_text().splitlines()]
    repairs = [e for e in events if e["event"] == "paths.made_private"]
    assert len(repairs) == 1, repairs
    assert repairs[0]["count"] == len(opened)

    start_app(home).stop()
    events = [json.loads(line) for line in (data / "logs" / "supervisor.log").read_text().splitlines()]
    assert len([e for e in events if e["event"] == "paths.made_private"]) == 1, "nothing to repair: no new line"


def test_an_exported_project_keeps_the_users_usual_modes(app, tmp_path):
    usual = os.umask(0o022)
    os.umask(usual)
    bus = app.bus()
    project = bus.request(
        "storage",
        CreateProject(name="Shared", files=[FileWrite("index.html", "<p>a</p>"), FileWrite("js/app.js", "1")]),
    ).project
    target = tmp_path / "exported"
    bus.request("storage", ExportProject(project_id=project.id, path=str(target), format="folder"), timeout=30)
    found = modes((target,))
    assert {Path(name).name for name in found} >= {"exported", "index.html", "js", "app.js"}
    for name, mode in found.items():
        expected = (0o777 if os.path.isdir(name) else 0o666) & ~usual
        assert mode == expected, f"{name} is {mode:04o}, expected {expected:04o} (the user's umask {usual:03o})"
