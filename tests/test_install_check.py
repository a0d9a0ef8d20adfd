"""A partial install says what is missing, in one line, before anything starts: never a blank window."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import vibing_env

from vibing import install


def test_a_whole_installation_lacks_nothing():
    assert install.missing() == []


def test_a_lost_ui_file_is_named_by_what_it_is_and_where(tmp_path, monkeypatch):
    copy = tmp_path / "vibing"
    for relative in install.REQUIRED_FILES:
        (copy / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(install.PACKAGE / relative, copy / relative)
    (copy / "shell" / "ui" / "app.js").unlink()
    monkeypatch.setenv(install.ENV_BUNDLED_AGENTS, str(install.bundled_agents_dir()))
    monkeypatch.setattr(install, "PACKAGE", copy)
    assert install.missing() == ["the window's script (shell/ui/app.js)"]


def test_launching_without_the_agent_library_stops_with_one_line_naming_it(tmp_path):
    home, empty = tmp_path / "home", tmp_path / "agents"
    home.mkdir()
    empty.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "vibing", "run", "--headless"],
        env=vibing_env(home, VIBING_BUNDLED_AGENTS=str(empty)),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "This installation of Vibing is incomplete: the agent library" in lines[0]
    assert str(empty) in lines[0] and "Reinstall Vibing" in lines[0]
    assert "ready" not in result.stdout
    assert not list(home.rglob("bus.json")), "no supervisor may start on a partial install"
