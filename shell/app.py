"""The window process: connects to the bus and opens the pywebview window.

The full UI arrives with the shell issue; until the window toolkit is installed
this process says exactly what is missing and exits with ``EX_CONFIG`` (78),
which the supervisor reports once instead of restarting it in a loop.
"""

from __future__ import annotations

import os
import sys

EX_CONFIG = 78


def main() -> int:
    try:
        import webview  # noqa: F401
    except ImportError as exc:
        print(
            f"vibing: the window cannot open: {exc}. Install the window toolkit with `bash .ci/install` "
            "(pywebview + Qt), or run `vibing run --headless`.",
            file=sys.stderr,
        )
        return EX_CONFIG
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        print(
            "vibing: the window cannot open: no display (DISPLAY is not set). Use `vibing web` for the UI in a "
            "browser, or run `vibing run --headless`.",
            file=sys.stderr,
        )
        return EX_CONFIG
    from vibing.shell.window import run_window

    return run_window(os.environ["VIBING_BUS_FILE"])
