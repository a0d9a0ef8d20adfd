"""``vibing web [--port N]``: the app's UI in a browser, on 127.0.0.1 only."""

from __future__ import annotations

import argparse
import signal
import threading


def register(subparsers: argparse._SubParsersAction) -> None:
    web = subparsers.add_parser("web", help="serve the UI to a browser on this computer (127.0.0.1)")
    web.add_argument("--port", type=int, default=0, help="port to listen on (0: any free port; the default)")
    web.add_argument("--preview-port", type=int, default=0, help="port of the sandboxed preview (0: any free port)")
    web.add_argument("--open", action="store_true", help="open the URL in the default browser")
    web.set_defaults(func=cmd_web)


def cmd_web(args: argparse.Namespace) -> int:
    from vibing import log
    from vibing.shell.runtime import Shell, app_paths

    log.setup("web", app_paths().logs, "info", console=False)
    shell = Shell(port=args.port, preview_port=args.preview_port, mode="web", sender="web").start()
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda *_: stop.set())
    print(f"Vibing is served at {shell.url}", flush=True)
    print("Open that address in a browser on this computer (it carries a one-time token). Ctrl+C stops.", flush=True)
    if args.open:
        import webbrowser

        webbrowser.open(shell.url)
    stop.wait()
    shell.stop()
    return 0
