"""The window process: connects to the bus and opens the pywebview window.

When the window cannot open (no window toolkit, no display) this process says
exactly what is missing and exits with ``EXIT_NO_WINDOW`` (78, sysexits'
EX_CONFIG), which the supervisor reports once instead of restarting it in a loop;
the services keep running headless.
"""

from __future__ import annotations

import os
import sys

from vibing.supervision import EXIT_NO_WINDOW


def main() -> int:
    try:
        import webview  # noqa: F401
    except ImportError as exc:
        print(
            f"vibing: the window cannot open: {exc}. Install the window toolkit with `bash .ci/install` "
            "(pywebview + Qt), or run `vibing run --headless`.",
            file=sys.stderr,
        )
        return EXIT_NO_WINDOW
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        print(
            "vibing: the window cannot open: no display (DISPLAY is not set). Use `vibing web` for the UI in a "
            "browser, or run `vibing run --headless`.",
            file=sys.stderr,
        )
        return EXIT_NO_WINDOW
    from vibing.shell.window import run_window

    return run_window(os.environ["VIBING_BUS_FILE"])
