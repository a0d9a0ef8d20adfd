"""Smoke test of the real desktop window: `vibing run` (not headless) under Xvfb with the Qt
backend; the page reports it has painted, we screenshot the screen, check the remembered
geometry, and stop the app with SIGTERM: the window closes cleanly and saves its geometry."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import vibing_env, wait_for_line

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("import") and shutil.which("xdotool")),
    reason="needs xvfb, imagemagick and xdotool",
)


def _pixel(png: Path, x: int, y: int, env: dict[str, str]) -> int:
    """Brightness (0-255, the red channel) of one pixel of a screenshot."""
    out = subprocess.run(
        ["convert", str(png), "-format", f"%[fx:int(255*p{{{x},{y}}}.r)]", "info:"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    return int(out.strip())


def _free_display() -> int:
    for number in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display")


def start_xvfb(size: str):
    """An Xvfb screen of ``size`` ("WxH"); yields its DISPLAY and stops it afterwards."""
    pytest.importorskip("webview")
    pytest.importorskip("PySide6.QtWebEngineWidgets")
    number = _free_display()
    xvfb = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket_path = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 10
    while not socket_path.exists():  # Xvfb creates its socket when it accepts clients
        assert xvfb.poll() is None, "Xvfb exited"
        assert time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.02)
    yield f":{number}"
    xvfb.terminate()
    xvfb.wait(timeout=10)


@pytest.fixture
def display():
    yield from start_xvfb("1440x900")


@pytest.fixture
def small_display():
    yield from start_xvfb("1280x800")


def window_info(display: str) -> tuple[str, str]:
    """The Vibing window's ``xwininfo`` and ``xprop WM_CLASS`` output."""
    xenv = {**os.environ, "DISPLAY": display}
    found = subprocess.run(
        ["xdotool", "search", "--name", "^Vibing$"], env=xenv, capture_output=True, text=True, timeout=10
    )
    window_id = found.stdout.split()[0]
    info = subprocess.run(["xwininfo", "-id", window_id], env=xenv, capture_output=True, text=True, timeout=10)
    wm_class = subprocess.run(
        ["xprop", "-id", window_id, "WM_CLASS"], env=xenv, capture_output=True, text=True, timeout=10
    )
    return info.stdout, wm_class.stdout


def launch(env: dict[str, str], home: Path) -> subprocess.Popen:
    """`vibing run` with its window, as the desktop entry starts it."""
    return subprocess.Popen(
        [sys.executable, "-m", "vibing", "run"],
        env=env,
        cwd=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop_and_wait(proc: subprocess.Popen) -> int:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise


def test_window_opens_paints_and_closes_cleanly(display, tmp_path):
    home = tmp_path / "home"
    state = home / "data" / "shell" / "window.json"
    state.parent.mkdir(parents=True)
    state.write_text(json.dumps({"x": 50, "y": 30, "width": 1200, "height": 760}))
    env = vibing_env(home, DISPLAY=display, QTWEBENGINE_DISABLE_SANDBOX="1")
    proc = launch(env, home)
    try:
        painted = wait_for_line(proc, "vibing: window ready", 90)
        ready = wait_for_line(proc, "vibing: ready", 30)
        assert "shell" in ready, ready
        info, wm_class = window_info(display)
        # the class the desktop entry names (StartupWMClass), so a dock groups the window under Vibing's icon
        assert 'WM_CLASS(STRING) = "vibing", "vibing"' in wm_class, wm_class
        assert "Width: 1200" in info and "Height: 760" in info, info
        assert "Absolute upper-left X:  50" in info and "Absolute upper-left Y:  30" in info, info
        shot = tmp_path / "window.png"
        xenv = {**os.environ, "DISPLAY": display}
        subprocess.run(["import", "-window", "root", str(shot)], env=xenv, check=True, timeout=30)
        assert shot.stat().st_size > 10_000
        assert _pixel(shot, 700, 600, xenv) > 200  # the calm light background of the projects screen
        # the File menu's "New project" reaches the page: the dialog's backdrop dims the window
        subprocess.run(["xdotool", "mousemove", "77", "39", "click", "1"], env=xenv, check=True, timeout=10)
        subprocess.run(["xdotool", "mousemove", "120", "60", "click", "1"], env=xenv, check=True, timeout=10)
        dimmed = tmp_path / "window-menu.png"
        deadline = time.monotonic() + 10
        while True:  # the dialog opens asynchronously; poll the screen until it does (bounded)
            subprocess.run(["import", "-window", "root", str(dimmed)], env=xenv, check=True, timeout=30)
            if _pixel(dimmed, 700, 600, xenv) < 200 or time.monotonic() > deadline:
                break
        assert _pixel(dimmed, 700, 600, xenv) < 200, "the menu command did not open the new-project dialog"
        extra = os.environ.get("VIBING_SCREENSHOTS")
        if extra:
            Path(extra).mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, Path(extra) / "00-window.png")
            shutil.copy(dimmed, Path(extra) / "00-window-menu.png")
        print(painted.strip(), "|", shot)
    finally:
        code = stop_and_wait(proc)
    assert code == 0, proc.stderr.read()[-3000:]
    saved = json.loads(state.read_text())
    assert saved["width"] == 1200 and saved["height"] == 760
    marker = f"VIBING_HOME={home}".encode()
    leftovers = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
                window_part = b"QtWebEngine" in cmdline or b"dbus" in cmdline or b"-m\0vibing.shell" in cmdline
                if window_part and marker in (entry / "environ").read_bytes().split(b"\0"):
                    leftovers.append((entry.name, cmdline[:80]))
            except OSError:
                continue
    assert not leftovers, f"processes left behind: {leftovers}"


def test_the_first_window_fits_a_1280x800_screen_and_a_second_launch_shows_it(small_display, tmp_path):
    """With no remembered geometry, the window is sized from the screen: nothing lands off-screen."""
    home = tmp_path / "home"
    home.mkdir()
    env = vibing_env(home, DISPLAY=small_display, QTWEBENGINE_DISABLE_SANDBOX="1")
    proc = launch(env, home)
    try:
        wait_for_line(proc, "vibing: window ready", 90)
        info, _ = window_info(small_display)
        # launching again (the desktop entry clicked twice) shows this window; it never starts a second app
        again = subprocess.run(
            [sys.executable, "-m", "vibing"], env=env, cwd=home, capture_output=True, text=True, timeout=60
        )
        assert again.returncode == 0, again.stderr
        assert "already running" in again.stdout and "window is now in front" in again.stdout, again.stdout
        assert proc.poll() is None
    finally:
        code = stop_and_wait(proc)
    assert code == 0, proc.stderr.read()[-3000:]
    fields = dict(line.strip().split(":", 1) for line in info.splitlines() if ":" in line)
    left, top = int(fields["Absolute upper-left X"]), int(fields["Absolute upper-left Y"])
    width, height = int(fields["Width"]), int(fields["Height"])
    assert left >= 0 and top >= 0, info
    assert left + width <= 1280 and top + height <= 800, info


def _xdo(display: str, *args: str) -> str:
    return subprocess.run(
        ["xdotool", *args], env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, timeout=10
    ).stdout


def _menu_open(display: str) -> bool:
    """Whether one of the window's menus is open: its popup is a second visible window of Vibing's class."""
    return len(_xdo(display, "search", "--onlyvisible", "--class", "^vibing$").split()) > 1


def _await_menu(display: str, is_open: bool) -> None:
    deadline = time.monotonic() + 15
    while _menu_open(display) != is_open:
        assert time.monotonic() < deadline, f"the menu did not {'open' if is_open else 'close'}"


#: The Edit menu's items in the order Down reaches them from the menu's title (separators are skipped).
EDIT_ITEMS = ("Undo", "Redo", "Cut", "Copy", "Paste", "Select All")


def edit_menu(display: str, item: str) -> None:
    """Choose ``item`` in the window's Edit menu (on the menubar of a window placed at 50,30) as a person
    would: a click on "Edit", Down to the item once the menu is open (keys sent before would reach the page),
    Return; then wait for the menu to close."""
    _xdo(display, "mousemove", "120", "39", "click", "1")
    _await_menu(display, True)
    _xdo(display, "key", *["Down"] * (EDIT_ITEMS.index(item) + 1), "Return")
    _await_menu(display, False)


def project_names(env: dict[str, str], home: Path) -> list[str]:
    """The names of the app's projects, read over the CLI."""
    out = subprocess.run(
        [sys.executable, "-m", "vibing", "projects", "ls", "--json"],
        env=env,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    return [item["name"] for item in json.loads(out)["items"]]


def test_the_edit_menu_cuts_copies_pastes_selects_and_undoes_in_the_page(display, tmp_path):
    """The Edit menu's items act on the page's focused field, each in its place among the keys typed around it:
    the name typed in the new-project dialog is edited with nothing but the menu (and End, and typing), and the
    project it creates, read back over the CLI, carries every edit."""
    home = tmp_path / "home"
    shell_dir = home / "data" / "shell"
    shell_dir.mkdir(parents=True)
    (shell_dir / "window.json").write_text(json.dumps({"x": 50, "y": 30, "width": 1200, "height": 760}))
    (shell_dir / "settings.json").write_text('{"provider_ready": "anthropic"}')  # no first-run screen
    env = vibing_env(home, DISPLAY=display, QTWEBENGINE_DISABLE_SANDBOX="1")
    xenv = {**os.environ, "DISPLAY": display}
    proc = launch(env, home)
    try:
        wait_for_line(proc, "vibing: ready", 90)
        _xdo(display, "mousemove", "77", "39", "click", "1")  # File
        _await_menu(display, True)
        _xdo(display, "mousemove", "120", "60", "click", "1")  # New project: its name field has the focus
        dialog = tmp_path / "dialog.png"
        deadline = time.monotonic() + 30
        while True:  # the dialog opens asynchronously; its backdrop dims the window (bounded poll)
            subprocess.run(["import", "-window", "root", str(dialog)], env=xenv, check=True, timeout=30)
            if _pixel(dialog, 700, 600, xenv) < 200 or time.monotonic() > deadline:
                break
        assert _pixel(dialog, 700, 600, xenv) < 200, "the new-project dialog did not open"

        _xdo(display, "type", "--delay", "20", "one ")
        edit_menu(display, "Select All")
        edit_menu(display, "Copy")  # the clipboard holds "one "
        _xdo(display, "key", "End")
        edit_menu(display, "Paste")  # "one one "
        edit_menu(display, "Select All")
        edit_menu(display, "Cut")  # "", the clipboard holds "one one "
        _xdo(display, "key", "End")
        _xdo(display, "type", "--delay", "20", "two ")
        edit_menu(display, "Paste")  # "two one one "
        _xdo(display, "type", "--delay", "20", "three")
        edit_menu(display, "Undo")  # "two one one ": the typing after the paste is undone
        edit_menu(display, "Redo")  # "two one one three"
        edit_menu(display, "Undo")  # "two one one "
        _xdo(display, "key", "Return")  # creates the project (its name is trimmed)

        deadline = time.monotonic() + 30
        names = project_names(env, home)
        while not names and time.monotonic() < deadline:
            names = project_names(env, home)
        # Each item, left out, changes the name: without Select All it is "one two", without Copy "two one",
        # without Paste "two"; a Cut that copied but left the text gives "one one two one one", a lost Undo
        # "two one one three", a lost Redo "two".
        assert names == ["two one one"], names
    finally:
        code = stop_and_wait(proc)
    assert code == 0, proc.stderr.read()[-3000:]
