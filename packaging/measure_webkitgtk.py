"""Measure the window's memory with pywebview's GTK backend (system WebKitGTK) against its Qt backend (Qt WebEngine).

Issue 16 asks whether the system WebKitGTK, as a ``.deb`` dependency, gives a smaller, equally solid app than
shipping Qt WebEngine, and says to decide by measuring.  This script is that measurement, kept so it can be
repeated: it opens the same signed-in UI page, in the same 1280x800 window on a 1440x900 Xvfb screen, once per
engine per run, waits until the page says it is ready (``document.body.dataset.ready == '1'``), screenshots the
screen, lets the engine settle, and sums PSS over the window process and every process under it.  The results
and the recommendation are in docs/webkitgtk-vs-qt.md.

It is not part of the app: it needs a running app (``vibing run --headless``) and a signed-in address from
``vibing web --print-url``, which it reads from the environment (``VIBING_UI_URL``) so the token never lands in
a command line or a file.  Each engine runs under its own interpreter, because the GTK backend needs the
system's PyGObject (``python3-gi``) and the Qt backend needs PySide6::

    VIBING_UI_URL='http://127.0.0.1:PORT/?token=...' .venv/bin/python packaging/measure_webkitgtk.py \\
        --engine gtk=/tmp/venv-gtk/bin/python --engine qt=.venv/bin/python --runs 3 \\
        --backend-pid SUPERVISOR_PID --server-pid WEB_PID --shots /tmp/shots

The window half (``--window gtk|qt``) runs under the engine's interpreter and imports only pywebview.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

READY_JS = "document.body ? (document.body.dataset.ready || '') : ''"
WIDTH, HEIGHT = 1280, 800
SCREEN = "1440x900x24"
SETTLE_S = 5.0
READY_TIMEOUT_S = 90.0


# -- the window half: runs under the engine's own interpreter ---------------------------------------------


def window_main(gui: str) -> int:
    """Open the page, report on stdout when it is ready and what pywebview's evaluate_js says, quit on 'quit'.

    Readiness is polled with the engine's own script API (WebKit's ``evaluate_javascript``, Qt's
    ``runJavaScript``) on the GUI thread: the UI's CSP forbids ``eval``, which pywebview's ``evaluate_js``
    wraps every script in, so that call is tried once and its outcome reported, not relied on.
    """
    if gui == "qt":
        if os.geteuid() == 0:
            os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
        os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
    else:
        # Under Xvfb (no DRM device) WebKitGTK's DMA-BUF renderer paints nothing: the window stays its background
        # colour although the page is ready.  The shared-memory renderer paints, as Qt WebEngine's --disable-gpu does.
        os.environ.setdefault("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
    os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "disabled:")  # as the app's window does
    import webview

    started = time.perf_counter()
    url = os.environ["VIBING_UI_URL"]
    window = webview.create_window("Vibing", url, width=WIDTH, height=HEIGHT, background_color="#F6F6F8")
    ready = threading.Event()

    def say(kind: str, **data) -> None:
        print("@@" + json.dumps({"kind": kind, **data}), flush=True)

    def on_result(value) -> None:
        if value == "1" and not ready.is_set():
            ready.set()
            if ready_timer[0] is not None:
                ready_timer[0].stop()  # called on the GUI thread, where the timer lives
            say("ready", ms=round((time.perf_counter() - started) * 1000))

    def before_show(window) -> None:  # pywebview runs this on the GUI thread, before the page loads
        if gui == "gtk":
            from gi.repository import GLib
            from webview.platforms.gtk import BrowserView

            view = BrowserView.instances[window.uid].webview
            view.get_settings().set_property("enable-write-console-messages-to-stdout", True)

            def finished(v, result, _data=None) -> None:
                try:
                    on_result(v.evaluate_javascript_finish(result).to_string())
                except Exception as exc:  # the page is not there yet: poll again
                    say("poll_error", error=str(exc)[:200])

            def poll() -> bool:
                view.evaluate_javascript(READY_JS, -1, None, None, None, finished, None)
                return not ready.is_set()

            GLib.timeout_add(100, poll)
        else:
            from qtpy.QtCore import QTimer

            page = window.native.webview.page()
            timer = QTimer(window.native)
            timer.timeout.connect(lambda: page.runJavaScript(READY_JS, 0, on_result))
            timer.start(100)
            ready_timer[0] = timer

    ready_timer: list = [None]
    window.events.before_show += before_show

    def driver(window) -> None:
        if not ready.wait(READY_TIMEOUT_S):
            say("timeout")
        try:
            value = window.evaluate_js("document.body.dataset.ready")
            say("evaluate_js", ok=True, value=value)
        except Exception as exc:
            say("evaluate_js", ok=False, error=f"{type(exc).__name__}: {exc}"[:300])
        say("api", **api_report(gui))
        for line in sys.stdin:  # the measuring half says when it is done
            if line.strip() == "quit":
                break
        window.destroy()

    webview.start(driver, window, gui=gui, private_mode=True)
    return 0


def api_report(gui: str) -> dict:
    """What the backend offers of what shell/window.py uses: menus, file and confirmation dialogs, screens."""
    import importlib

    module = importlib.import_module(f"webview.platforms.{gui}")
    source = Path(module.__file__).read_text(encoding="utf-8")
    return {
        "create_file_dialog": hasattr(module, "create_file_dialog"),
        "create_confirmation_dialog": hasattr(module, "create_confirmation_dialog"),
        "get_screens": hasattr(module, "get_screens"),
        "menu_per_window": "Window specific menu is not supported" not in source,
        "app_menu": "def create_menu" in source or "set_window_menu" in source,
    }


# -- the measuring half: runs under the app's .venv ---------------------------------------------------------


def process_tree(root: int) -> list[int]:
    """The process and all its descendants, from /proc (children of children too)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def pss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def tree_pss(root: int) -> tuple[float, dict[str, float]]:
    """Total PSS of a process tree in MB, and the same split by process name."""
    split: dict[str, float] = {}
    for pid in process_tree(root):
        try:
            name = Path(f"/proc/{pid}/comm").read_text().strip()
        except OSError:
            continue
        split[name] = round(split.get(name, 0.0) + pss_mb(pid), 1)
    return round(sum(split.values()), 1), split


def redact(text: str) -> str:
    return re.sub(r"(token|code)=[^&\s\"']+", r"\1=<redacted>", text)


def start_xvfb() -> tuple[subprocess.Popen, str]:
    number = next(n for n in range(120, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    proc = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", SCREEN, "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline or proc.poll() is not None:
            raise RuntimeError("Xvfb did not start")
        time.sleep(0.02)
    return proc, f":{number}"


def distinct_colours(png: Path) -> int:
    out = subprocess.run(["convert", str(png), "-format", "%k", "info:"], capture_output=True, text=True)
    return int(out.stdout.strip() or 0)


def one_run(gui: str, python: str, shots: Path, run: int) -> dict:
    xvfb, display = start_xvfb()
    env = dict(os.environ, DISPLAY=display)
    proc = subprocess.Popen(
        [python, __file__, "--window", gui],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    result: dict = {"engine": gui, "run": run, "console": [], "notes": []}
    got_api = threading.Event()

    def read() -> None:
        for line in proc.stdout:
            line = line.rstrip("\n")
            if line.startswith("@@"):
                msg = json.loads(line[2:])
                kind = msg.pop("kind")
                if kind == "api":
                    result["api"] = msg
                    got_api.set()
                elif kind == "ready":
                    result["ready_ms"] = msg["ms"]
                else:
                    result["notes"].append(redact(f"{kind}: {msg}"))
            elif "CONSOLE" in line or line.startswith("js:") or "Uncaught" in line:
                result["console"].append(redact(line)[:300])
            elif line.strip():
                result["notes"].append(redact(line)[:300])

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if not got_api.wait(READY_TIMEOUT_S + 30):
            raise RuntimeError(f"{gui}: the window never reported (notes: {result['notes'][-5:]})")
        shot = shots / f"{gui}-{run}.png"
        subprocess.run(["import", "-display", display, "-window", "root", str(shot)], check=True)
        result["screenshot"] = str(shot)
        result["screenshot_colours"] = distinct_colours(shot)
        time.sleep(SETTLE_S)  # let the engine settle before reading memory (a fixed wait by design)
        result["pss_mb"], result["pss_split"] = tree_pss(proc.pid)
    finally:
        try:
            proc.stdin.write("quit\n")
            proc.stdin.flush()
        except (BrokenPipeError, ValueError):
            pass
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        xvfb.terminate()
        xvfb.wait(10)
        reader.join(5)
    return result


def measure(args: argparse.Namespace) -> int:
    if "VIBING_UI_URL" not in os.environ:
        sys.exit("Set VIBING_UI_URL to the address `vibing web --print-url` prints.")
    shots = Path(args.shots)
    shots.mkdir(parents=True, exist_ok=True)
    engines = dict(item.split("=", 1) for item in args.engine)
    report: dict = {"runs": []}
    if args.backend_pid:
        report["backend_pss_mb"], report["backend_split"] = tree_pss(args.backend_pid)
    if args.server_pid:
        report["server_pss_mb"], report["server_split"] = tree_pss(args.server_pid)
    for run in range(1, args.runs + 1):  # the engines in turn, so drift in the machine's load hits both alike
        for gui, python in engines.items():
            res = one_run(gui, python, shots, run)
            report["runs"].append(res)
            print(
                f"{gui} run {run}: {res.get('pss_mb')} MB PSS, ready in {res.get('ready_ms')} ms, "
                f"screenshot {res.get('screenshot_colours')} colours",
                file=sys.stderr,
                flush=True,
            )
    report["median_pss_mb"] = {
        gui: statistics.median(r["pss_mb"] for r in report["runs"] if r["engine"] == gui) for gui in engines
    }
    report["median_ready_ms"] = {
        gui: statistics.median(r.get("ready_ms", float("nan")) for r in report["runs"] if r["engine"] == gui)
        for gui in engines
    }
    print(json.dumps(report, indent=2))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--window", choices=["gtk", "qt"], help="(internal) open the window with this backend")
    parser.add_argument("--engine", action="append", default=[], help="gui=python, e.g. gtk=/tmp/v/bin/python")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--backend-pid", type=int, help="the supervisor's pid: its tree's PSS is reported once")
    parser.add_argument("--server-pid", type=int, help="the `vibing web` process's pid (the shell's server)")
    parser.add_argument("--shots", default="/tmp/measure-webkitgtk")
    args = parser.parse_args()
    if args.window:
        return window_main(args.window)
    return measure(args)


if __name__ == "__main__":
    sys.exit(main())
