"""Another local user must not be able to take over the bus's runtime folder (issue 14, item 1).

The attack: the folder's name in the shared temp dir is predictable, so a second
user creates it first (0777, theirs) and waits for Vibing to put its sockets and
``bus.json`` in it; then they can swap in their own broker and receive the API
key and every project.  Vibing must refuse such a folder with a clear message,
and must refuse a symlink or a folder open to others even when it is its own.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import start_app, vibing_env
from vibing import paths as paths_mod

#: Long enough that the sockets cannot live under VIBING_HOME and go to the short runtime folder instead.
LONG = "a-home-folder-with-a-name-long-enough-that-unix-socket-paths-would-not-fit-in-it-" + "x" * 20


class OtherUser:
    def __init__(self, name: str) -> None:
        self.name = name
        self.uid = int(subprocess.run(["id", "-u", name], capture_output=True, text=True, check=True).stdout)
        self.gid = int(subprocess.run(["id", "-g", name], capture_output=True, text=True, check=True).stdout)

    def run(self, *command: str) -> None:
        """Run ``command`` as this user (a real second account, not root pretending)."""
        subprocess.run(
            ["setpriv", f"--reuid={self.uid}", f"--regid={self.gid}", "--clear-groups", "--", *command],
            check=True,
            capture_output=True,
        )


@pytest.fixture
def other_user() -> Iterator[OtherUser]:
    """A throwaway Unix account, deleted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("creating a second Unix user needs root (CI runs the tests as root)")
    if shutil.which("useradd") is None or shutil.which("setpriv") is None:
        pytest.skip("useradd or setpriv is not installed, so no second Unix user can be made")
    name = f"vibatk{secrets.token_hex(4)}"
    subprocess.run(["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", name], check=True)
    try:
        yield OtherUser(name)
    finally:
        subprocess.run(["userdel", name], check=False, capture_output=True)


def app_env(tmp_path: Path, *, with_home: bool, **extra: str) -> dict[str, str]:
    """The environment of an app whose sockets go to the shared temp dir (no XDG_RUNTIME_DIR)."""
    if with_home:
        env = vibing_env(tmp_path / LONG, **extra)
    else:  # the platform's folders, moved into tmp_path through the XDG variables platformdirs reads
        env = {k: v for k, v in vibing_env(tmp_path, **extra).items() if k != "VIBING_HOME"}
        for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[variable] = str(tmp_path / variable.lower())
        env["HOME"] = str(tmp_path / "home")
    env.pop("XDG_RUNTIME_DIR", None)
    env.update(extra)
    return env


def runtime_of(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """The runtime folder the app will use with ``env`` (computed by the same code)."""
    for variable in ("VIBING_HOME", "XDG_RUNTIME_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "HOME"):
        if variable in env:
            monkeypatch.setenv(variable, env[variable])
        else:
            monkeypatch.delenv(variable, raising=False)
    return paths_mod.resolve().runtime


def start_refused(env: dict[str, str]) -> subprocess.CompletedProcess:
    """Start the app, which must exit by itself (refusing); no window, no wait for readiness."""
    return subprocess.run(
        [sys.executable, "-m", "vibing", "run", "--headless"],
        env=env,
        cwd=env.get("VIBING_HOME") or env["HOME"],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def cleanup() -> Iterator[list[Path]]:
    """Folders made in the shared temp dir, removed after the test whoever owns them."""
    made: list[Path] = []
    yield made
    for path in made:
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.exists():
            shutil.rmtree(path)


@pytest.mark.parametrize("with_home", [True, False], ids=["long-VIBING_HOME", "no-VIBING_HOME"])
def test_a_runtime_folder_made_first_by_another_user_is_refused(tmp_path, monkeypatch, other_user, cleanup, with_home):
    env = app_env(tmp_path, with_home=with_home)
    Path(env.get("VIBING_HOME") or env["HOME"]).mkdir(parents=True, exist_ok=True)
    runtime = runtime_of(env, monkeypatch)
    assert runtime.parent == Path(tempfile.gettempdir()), "the predictable name in the shared temp dir"
    cleanup.append(runtime)
    # The attack: the other user creates the folder first, open to everyone, and keeps owning it.
    other_user.run("mkdir", "-m", "0777", str(runtime))
    assert runtime.stat().st_uid == other_user.uid

    result = start_refused(env)

    assert result.returncode == 2, result.stdout + result.stderr
    assert f"will not use {runtime}" in result.stderr and "belongs to another user" in result.stderr
    assert "Remove it" in result.stderr and "Traceback" not in result.stderr
    assert list(runtime.iterdir()) == [], "no socket and no bus.json was put in the other user's folder"
    info = runtime.stat()
    assert info.st_uid == other_user.uid and stat.S_IMODE(info.st_mode) == 0o777, "and it was not touched"


def test_a_symlink_in_place_of_the_runtime_folder_is_refused(tmp_path, monkeypatch, cleanup):
    env = app_env(tmp_path, with_home=True)
    (tmp_path / LONG).mkdir()
    runtime = runtime_of(env, monkeypatch)
    target = tmp_path / "elsewhere"
    target.mkdir(mode=0o700)
    runtime.symlink_to(target, target_is_directory=True)
    cleanup.append(runtime)

    result = start_refused(env)

    assert result.returncode == 2, result.stdout + result.stderr
    assert f"will not use {runtime}" in result.stderr and "symbolic link" in result.stderr
    assert list(target.iterdir()) == [], "nothing went through the link"


def test_a_runtime_folder_open_to_others_is_refused_even_when_it_is_ours(tmp_path, monkeypatch, cleanup):
    env = app_env(tmp_path, with_home=True)
    (tmp_path / LONG).mkdir()
    runtime = runtime_of(env, monkeypatch)
    runtime.mkdir()
    os.chmod(runtime, 0o755)
    cleanup.append(runtime)

    result = start_refused(env)

    assert result.returncode == 2, result.stdout + result.stderr
    assert f"will not use {runtime}" in result.stderr and "0755" in result.stderr and "0700" in result.stderr
    assert list(runtime.iterdir()) == []
    assert stat.S_IMODE(runtime.stat().st_mode) == 0o755, "refused, not silently changed"


def test_xdg_runtime_dir_is_used_and_the_shared_temp_dir_is_not(tmp_path, monkeypatch, other_user, cleanup):
    xdg = Path(tempfile.mkdtemp(prefix="xdg-"))  # short, like /run/user/<uid>; mkdtemp makes it 0700
    cleanup.append(xdg)
    env = app_env(tmp_path, with_home=True, XDG_RUNTIME_DIR=str(xdg))
    shared = runtime_of({k: v for k, v in env.items() if k != "XDG_RUNTIME_DIR"}, monkeypatch)
    cleanup.append(shared)
    other_user.run("mkdir", "-m", "0777", str(shared))  # a trap in the temp dir, which must not matter now
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(xdg))

    app = start_app(tmp_path / LONG, XDG_RUNTIME_DIR=str(xdg))
    try:
        runtime = app.paths.runtime
        assert runtime.parent == xdg
        assert app.paths.bus_file.is_file() and (runtime / "requests.sock").exists()
        assert stat.S_IMODE(runtime.stat().st_mode) == 0o700 and runtime.stat().st_uid == os.geteuid()
        assert list(shared.iterdir()) == []
    finally:
        app.stop()


def test_a_fresh_runtime_folder_in_the_temp_dir_is_ours_and_private(tmp_path, monkeypatch, cleanup):
    env = app_env(tmp_path, with_home=True)
    runtime = runtime_of(env, monkeypatch)
    cleanup.append(runtime)
    assert not runtime.exists()

    app = start_app(tmp_path / LONG)  # runtime_of took XDG_RUNTIME_DIR out of this environment
    try:
        assert app.paths.runtime == runtime
        info = runtime.lstat()
        assert stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) == 0o700
        assert app.paths.bus_file.is_file()
    finally:
        app.stop()


def test_an_xdg_runtime_dir_too_long_for_sockets_falls_back_to_a_checked_temp_folder(tmp_path, monkeypatch, cleanup):
    """Socket paths must fit in 108 bytes; a long XDG_RUNTIME_DIR must not stop the app from starting."""
    xdg = tmp_path / ("x" * 90)
    xdg.mkdir(mode=0o700)
    env = app_env(tmp_path, with_home=True, XDG_RUNTIME_DIR=str(xdg))
    runtime = runtime_of(env, monkeypatch)
    cleanup.append(runtime)
    assert runtime.parent == Path(tempfile.gettempdir())

    app = start_app(tmp_path / LONG, XDG_RUNTIME_DIR=str(xdg))
    try:
        assert app.paths.runtime == runtime
        assert stat.S_IMODE(runtime.stat().st_mode) == 0o700 and runtime.stat().st_uid == os.geteuid()
        assert (runtime / "requests.sock").exists()
    finally:
        app.stop()
