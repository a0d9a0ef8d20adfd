"""``vibing web``: the app's UI in a browser, on 127.0.0.1 only.

The browser signs in with a one-time code (printed, or handed to the browser by
``--open``), never with the session token itself: a URL ends up in the browser's
history and, with ``--open``, on its command line, where every local user can read
it.  The token is printed only when asked (``--print-url``, for scripts and tests).
The browser has no native file dialog, so the page may read or write only inside the
folders given with ``--allow-folder``.

It serves the running app, so it ends when that app stops: a thread waits on the
supervisor's process (a pidfd, so the wait costs nothing) and, when it exits,
``vibing web`` stops its servers and says why in one line, instead of serving a
page whose every request would fail.
"""

from __future__ import annotations

import argparse
import os
import select
import signal
import sys
import threading


def register(subparsers: argparse._SubParsersAction) -> None:
    web = subparsers.add_parser("web", help="serve the UI to a browser on this computer (127.0.0.1)")
    web.add_argument("--port", type=int, default=0, help="port to listen on (0: any free port; the default)")
    web.add_argument("--preview-port", type=int, default=0, help="port of the sandboxed preview (0: any free port)")
    web.add_argument("--open", action="store_true", help="sign in the default browser with a one-time link")
    web.add_argument(
        "--print-url",
        action="store_true",
        help="print the address with the session token (reusable: for scripts; keep it private)",
    )
    web.add_argument(
        "--allow-folder",
        action="append",
        default=[],
        metavar="FOLDER",
        help="a folder the page may import from, export to and read agents from (repeatable; default: none)",
    )
    web.set_defaults(func=cmd_web)


def cmd_web(args: argparse.Namespace) -> int:
    from vibing import log
    from vibing.shell.runtime import Shell, app_paths

    log.setup("web", app_paths().logs, "info", console=False)
    shell = Shell(
        port=args.port, preview_port=args.preview_port, mode="web", sender="web", allow_folders=args.allow_folder
    ).start()
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda *_: stop.set())
    app_gone = threading.Event()
    supervisor = _supervisor_pid(shell.paths.bus_file)
    if supervisor:
        threading.Thread(
            target=_watch_app, args=(supervisor, stop, app_gone), name="web-app-watch", daemon=True
        ).start()
    if args.print_url:
        print(f"Vibing is served at {shell.server.token_url}", flush=True)
        print("That address carries the session token: keep it to yourself. Ctrl+C stops.", flush=True)
    else:
        print(f"Vibing is served at {shell.url}", flush=True)
    if args.open:
        import webbrowser

        webbrowser.open(shell.server.sign_in_url())
        print("Opened in your browser with a one-time sign-in link.", flush=True)
    elif not args.print_url:
        _print_sign_in(shell)
    if sys.stdin is not None and sys.stdin.isatty():
        threading.Thread(target=_new_links_on_enter, args=(shell, stop), name="web-sign-in", daemon=True).start()
    stop.wait()
    shell.stop()
    if app_gone.is_set():
        print(
            f"The Vibing app this page served has stopped (its supervisor, pid {supervisor}, exited), so `vibing web` "
            "stops too; start the app, then `vibing web` again.",
            file=sys.stderr,
            flush=True,
        )
    return 0


def _supervisor_pid(bus_file) -> int:
    """The pid of the supervisor that owns the bus this page talks to (0 if it cannot be read)."""
    from vibing.protocol import BusInfo

    info = BusInfo.read(bus_file)
    return info.pid if info is not None else 0


def _watch_app(pid: int, stop: threading.Event, app_gone: threading.Event) -> None:
    """Set ``app_gone`` and ``stop`` when process ``pid`` exits.

    A pidfd becomes readable when the process exits, so this thread sleeps in the kernel until then; where
    pidfds do not exist (kernels before 5.3, other systems) it checks the process twice a second instead.
    """
    from vibing.protocol import pid_alive

    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        fd = None  # already gone
    except (AttributeError, OSError):
        while pid_alive(pid) and not stop.wait(0.5):
            pass
    else:
        try:
            select.select([fd], [], [])
        finally:
            os.close(fd)
    if not stop.is_set():
        app_gone.set()
        stop.set()


def _print_sign_in(shell) -> None:
    from vibing.shell.login import CODE_TTL_S

    print(f"Sign in: {shell.server.sign_in_url()}", flush=True)
    minutes = round(CODE_TTL_S / 60)
    print(f"(that link works once, within {minutes} minutes; press Enter here for a new one; Ctrl+C stops)", flush=True)


def _new_links_on_enter(shell, stop: threading.Event) -> None:
    """Each Enter in the terminal prints a fresh one-time link (another browser, or one that expired)."""
    for _ in sys.stdin:
        if stop.is_set():
            return
        _print_sign_in(shell)
