"""The ``vibing`` command.

Each command family lives in its own module here and adds itself to the parser
through ``register(subparsers)``; :data:`COMMAND_MODULES` lists them in the
order ``vibing --help`` shows them.  With no command, ``vibing`` launches the app.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from vibing import __version__
from vibing.errors import VibingError

COMMAND_MODULES = [
    "app",
    "key",
    "config",
    "generate",
    "projects",
    "db",
    "importpg",
    "web",
    "agents",
    "workflows",
    "bench",
    "metrics",
    "models",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vibing",
        description="Vibing: describe a web app in plain words; a specialist AI agent writes it.",
    )
    parser.add_argument("--version", action="version", version=f"vibing {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"vibing.cli.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    launching = not argv or argv[0] == "run"
    if not launching:
        return _command(argv)
    # Let the fork server import the services on the other core while we import the rest.
    from vibing import forkserver

    forkserver.context()
    try:
        return _command(argv)
    finally:
        # The supervisor stops them after its workers; this covers the ways out that never reach
        # it (a second instance refused, a bad setting, a bad option): they must not outlive us.
        forkserver.stop()


def _command(argv: list[str]) -> int:
    """Parse ``argv`` and run its command; a refusal (``VibingError``) is printed, not raised."""
    from vibing.supervision import EXIT_INTERRUPTED, EXIT_OK, EXIT_REFUSED

    parser = build_parser()
    args = parser.parse_args(argv or ["run"])
    try:
        return int(args.func(args) or EXIT_OK)
    except VibingError as exc:
        print(f"vibing: {exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `vibing ... | head`: the reader left; that is not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
