"""The desktop window: pywebview (Qt) showing the same UI as ``vibing web``.

The window process runs the shell's loopback server with its own token and
points the webview at it with a one-time sign-in code, so the page uses the same
fetch + EventSource bridge (and the same session cookie) in both modes.  Paths
the page may send to storage or agents come only from the native dialogs here
(:mod:`shell.folders`), and a provider address changes only after a yes in a native
confirmation dialog (``Shell.confirm``).  Native things (file dialogs, opening a URL in the browser,
window geometry) are intents the server hands to this module; they run on
server threads and pywebview marshals them to the GUI thread, which never
blocks on the bus.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import threading
import time
import webbrowser
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vibing import log
from vibing.errors import InvalidRequest
from vibing.protocol import BusInfo, pid_alive
from vibing.shell import geometry
from vibing.shell.runtime import Shell

logger = log.get("shell.window")

TITLE = "Vibing"
#: The window's class (X11 ``WM_CLASS``, Wayland app id): the desktop entry's ``StartupWMClass`` and file name.
WINDOW_CLASS = "vibing"
MOD = "Ctrl"


def _menus(command, window_ref: dict[str, Any]):
    from webview.menu import Menu, MenuAction, MenuSeparator

    def act(label: str, name: str, keys: str = ""):
        return MenuAction(f"{label}\t{MOD}+{keys}" if keys else label, lambda: command(name))

    def native(label: str, func):
        return MenuAction(label, lambda: threading.Thread(target=func, daemon=True).start())

    def edit(label: str, keys: str):
        # Edits of the page's focused field, code editor or selection, done in Qt (see _web_edits): the page's
        # execCommand cannot copy or paste without a keypress.
        return MenuAction(f"{label}\t{MOD}+{keys}", lambda: window_ref["edit"](label))

    return [
        Menu(
            "File",
            [
                act("New project", "new-project", "N"),
                act("Open folder as project…", "open-folder", "O"),
                act("Save", "save", "S"),
                act("Export…", "export", "E"),
                MenuSeparator(),
                act("Settings", "settings", ","),
                MenuSeparator(),
                native("Quit", lambda: window_ref["window"].destroy()),
            ],
        ),
        Menu(
            "Edit",
            [
                edit("Undo", SHORTCUTS["Undo"]),
                edit("Redo", SHORTCUTS["Redo"]),
                MenuSeparator(),
                edit("Cut", "X"),
                edit("Copy", "C"),
                edit("Paste", "V"),
                edit("Select All", "A"),
                MenuSeparator(),
                act("Find", "find", "F"),
                act("Stop generation\tEsc", "stop"),
            ],
        ),
        Menu(
            "View",
            [
                act("Projects", "projects"),
                act("Toggle files", "toggle-files", "B"),
                act("Toggle preview", "toggle-preview", "\\"),
                act("Workflows", "workflows", "G"),
                act("Reload preview", "reload-preview", "R"),
                act("Pick an element", "pick-element", "I"),
                act("Attach a screenshot of the preview", "attach-screenshot"),
                act("Toggle sidebar", "toggle-sidebar"),
                MenuSeparator(),
                act("Light theme", "theme-light"),
                act("Dark theme", "theme-dark"),
                act("System theme", "theme-system"),
            ],
        ),
        Menu(
            "Window",
            [
                native("Minimize", lambda: window_ref["window"].minimize()),
                native("Toggle full screen", lambda: window_ref["window"].toggle_fullscreen()),
            ],
        ),
        Menu(
            "Help",
            [
                act("Keyboard shortcuts", "shortcuts", "/"),
                act("About Vibing", "about"),
            ],
        ),
    ]


def _qt_application() -> Any:
    """Qt's application, made before pywebview's so that the window carries Vibing's name.

    X11 takes the window class from ``argv[0]``, which for ``python -m vibing.shell`` is
    ``__main__.py``; named ``vibing``, the class matches the desktop entry's ``StartupWMClass``
    and the dock groups the window under Vibing's icon (Wayland uses the desktop file name).
    Qt WebEngine must be imported before the application exists.  pywebview reuses it.
    """
    try:
        from qtpy import QtWebEngineWidgets  # noqa: F401 - must precede the QApplication
        from qtpy.QtGui import QGuiApplication
        from qtpy.QtWidgets import QApplication
    except ImportError:
        return None
    application = QApplication.instance() or QApplication([WINDOW_CLASS, *sys.argv[1:]])
    QGuiApplication.setApplicationName(WINDOW_CLASS)
    QGuiApplication.setDesktopFileName(WINDOW_CLASS)
    return application


#: The Edit menu's items that run Qt's own editing action on the page: ``QWebEnginePage.WebAction`` names.
WEB_ACTIONS = {"Cut": "Cut", "Copy": "Copy", "Paste": "Paste", "Select All": "SelectAll"}
#: The items that press their shortcut on the page instead.  The code editor (CodeMirror) keeps a history of its
#: own that its keymap undoes and redoes; Chromium's Undo and Redo actions reach it only through the native
#: history, which holds just the typing, never the editor's undos (in the window, Redo did nothing there and Undo
#: now and then nothing either).
SHORTCUTS = {"Undo": "Z", "Redo": "Shift+Z"}


def _web_edits(window_ref: dict[str, Any]) -> Callable[[str], None]:
    """``edit("Copy")`` from any thread, and the Edit menu's items wired to the page on the GUI thread.

    pywebview runs a menu item's function on a new thread, so an edit reached the page whenever that thread
    got to run: on a busy machine after keys typed later (a paste landing in the middle of the next word).
    Once the window is built, the Edit menu's Qt actions are rewired to edit right where Qt handles the click
    or the Return, on the GUI thread, so an edit keeps its place among the keys.  Until then (and should the
    menu not be found) the function relays through a signal, which is delivered on the thread its receiver
    lives in: the GUI's.
    """
    try:
        from qtpy.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
        from qtpy.QtGui import QKeyEvent
        from qtpy.QtWebEngineWidgets import QWebEnginePage
        from qtpy.QtWidgets import QApplication
    except ImportError:
        return lambda _label: None

    def view() -> Any:
        from webview.platforms.qt import BrowserView

        window = window_ref.get("window")
        return BrowserView.instances.get(window.uid) if window is not None else None

    def press(widget: Any, keys: str) -> None:
        """``Ctrl+keys`` pressed and released on the web view, as from the keyboard."""
        *held, name = keys.split("+")
        modifiers = Qt.KeyboardModifier.ControlModifier
        if "Shift" in held:
            modifiers |= Qt.KeyboardModifier.ShiftModifier
        key = getattr(Qt.Key, f"Key_{name}")
        target = widget.focusProxy() or widget
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, modifiers))

    class Relay(QObject):
        asked = Signal(str)

        @Slot(str)
        def edit(self, label: str) -> None:
            browser = view()
            if browser is None:
                return
            if label in SHORTCUTS:
                press(browser.webview, SHORTCUTS[label])
            else:
                browser.webview.page().triggerAction(getattr(QWebEnginePage.WebAction, WEB_ACTIONS[label]))

        def attach(self) -> None:
            browser = view()
            menus = [item.menu() for item in browser.menuBar().actions() if item.text() == "Edit"] if browser else []
            if not menus:
                logger.warning("window.edit_menu_not_found")
                return
            for item in menus[0].actions():
                label = item.text().split("\t")[0]
                if label in WEB_ACTIONS or label in SHORTCUTS:
                    item.triggered.disconnect()  # pywebview's: the function on a thread
                    item.triggered.connect(lambda _checked=False, label=label: self.edit(label))
            logger.info("window.edit_menu_wired")

    relay = Relay()
    relay.asked.connect(relay.edit)
    window_ref["relay"] = relay  # kept alive with the window
    # before_show runs on the GUI thread just before pywebview builds the menubar in the same call: attach after.
    window_ref["attach_edit_menu"] = lambda: QTimer.singleShot(0, relay.attach)
    return relay.asked.emit


def run_window(bus_file: str) -> int:
    started = time.perf_counter()
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
    os.environ.setdefault("PYWEBVIEW_GUI", "qt")
    # Without a session bus, Qt WebEngine autolaunches a dbus-daemon that outlives the window.
    os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "disabled:")
    import webview

    shell = Shell(Path(bus_file), mode="window", sender="shell")
    log.setup("shell", shell.paths.logs, os.environ.get("VIBING_LOG", "info"), console=False)
    shell.start()
    application = _qt_application()
    geo = geometry.fit(shell.state.load(), geometry.qt_screens(application))
    window_ref: dict[str, Any] = {}
    window_ref["edit"] = _web_edits(window_ref)
    closing = threading.Event()

    def command(name: str) -> None:
        # Menu commands reach the page as an event on its stream (the page's CSP forbids the
        # string evaluation pywebview's evaluate_js relies on).
        shell.bridge.broadcast({"topic": "shell.command", "type": "ShellCommand", "name": name})

    # -- native intents (called on server threads) --------------------------------------
    def folder_dialog(_: dict[str, Any]) -> str:
        result = window_ref["window"].create_file_dialog(webview.FileDialog.FOLDER)
        return result[0] if result else ""

    def save_dialog(data: dict[str, Any]) -> str:
        result = window_ref["window"].create_file_dialog(
            webview.FileDialog.SAVE, save_filename=str(data.get("filename") or "export.zip")
        )
        if isinstance(result, (list, tuple)):
            result = result[0] if result else ""
        return result or ""

    def save_text(data: dict[str, Any]) -> str:
        path = save_dialog(data)
        if path:
            Path(path).write_text(str(data.get("text", "")), encoding="utf-8")
        return path

    def open_url(data: dict[str, Any]) -> bool:
        url = str(data.get("url", ""))
        if not url.startswith("http://127.0.0.1:") and not url.startswith("https://"):
            raise InvalidRequest("Only web addresses can be opened.")
        return webbrowser.open(url)

    shell.native.update(folder_dialog=folder_dialog, save_dialog=save_dialog, save_text=save_text, open_url=open_url)

    def open_backup() -> str:
        result = window_ref["window"].create_file_dialog(
            webview.FileDialog.OPEN, file_types=("Vibing backups (*.zip)", "All files (*.*)")
        )
        return result[0] if result else ""

    def confirm(title: str, message: str) -> bool:
        # Qt's own modal yes/no box on the GUI thread; only the person's click answers it, never the page.
        return window_ref["window"].create_confirmation_dialog(title, message) is True

    shell.confirm = confirm
    from vibing.shell import restore

    restore.install(shell, open_backup)  # Settings > Restore: the person's dialog pick and yes, never the page's
    # A second launch asks the running app to show its window (over the bus: shell/service.py's Focus).
    # pywebview's restore() runs on the GUI thread: it un-minimizes, raises and activates the window.
    shell.raise_window = lambda: window_ref["window"].restore()

    service_ref: dict[str, Any] = {}

    def on_ready(info: dict[str, Any]) -> None:
        from vibing.shell import service

        ms = (time.perf_counter() - started) * 1000
        print(
            f"vibing: window ready in {ms:.0f} ms (first paint {info.get('first_paint_ms', '?')} ms after load)",
            flush=True,
        )
        service_ref["service"] = service.start(shell)  # the supervisor now counts the window as ready

    shell.bridge.on_ready.append(on_ready)

    window = webview.create_window(
        TITLE,
        shell.server.sign_in_url(),  # a one-time code: the webview trades it for the session cookie
        width=geo["width"],
        height=geo["height"],
        x=geo.get("x"),
        y=geo.get("y"),
        min_size=(720, 480),
        background_color="#F6F6F8",
        text_select=True,
        menu=_menus(command, window_ref),
    )
    window_ref["window"] = window
    if "attach_edit_menu" in window_ref:
        window.events.before_show += window_ref["attach_edit_menu"]
    current = dict(geo)

    def on_resized(width: int, height: int) -> None:
        current.update(width=int(width), height=int(height))

    def on_moved(x: int, y: int) -> None:
        current.update(x=int(x), y=int(y))

    def on_closing() -> None:
        closing.set()
        try:
            shell.state.save(**current)
        except OSError:
            logger.exception("window.geometry_not_saved")

    window.events.resized += on_resized
    window.events.moved += on_moved
    window.events.closing += on_closing

    # SIGTERM from the supervisor (or Ctrl+C) closes the window cleanly.  Qt's loop keeps Python
    # handlers from running, so the signal's byte goes to a socket a watcher thread reads.
    wake_r, wake_w = socket.socketpair()
    wake_w.setblocking(False)
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda *_: None)
    signal.set_wakeup_fd(wake_w.fileno(), warn_on_full_buffer=False)
    info = BusInfo.read(Path(bus_file))
    supervisor_pid = info.pid if info else None

    def watch() -> None:
        wake_r.settimeout(1.0)
        while not closing.is_set():
            try:
                if wake_r.recv(16):
                    logger.info("window.signal_close")
                    break
            except TimeoutError:
                if supervisor_pid and not pid_alive(supervisor_pid):
                    logger.info("window.supervisor_gone")
                    break
            except OSError:
                break
        if not closing.is_set():
            on_closing()
            try:
                window.destroy()
            except Exception:
                os._exit(0)

    threading.Thread(target=watch, name="window-watch", daemon=True).start()
    try:
        webview.start(gui="qt", private_mode=True, debug=bool(os.environ.get("VIBING_WEBVIEW_DEBUG")))
    finally:
        closing.set()
        signal.set_wakeup_fd(-1)
        if "service" in service_ref:
            service_ref["service"].stop()
        shell.stop()
    logger.info("window.closed")
    return 0


if __name__ == "__main__":  # pragma: no cover - debugging aid: python -m vibing.shell.window BUS_FILE
    sys.exit(run_window(sys.argv[1]))
