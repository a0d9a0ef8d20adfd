"""``vibing db import-postgres URL``: import the vibing2 web app's database (its PostgreSQL).

This module adds the action to the ``db`` family that :mod:`vibing.cli.db`
registers (it is listed after ``db`` in ``COMMAND_MODULES``), so db.py itself
needs no change.  The import writes through the running app's storage service.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from vibing.cli import running
from vibing.errors import ConfigError


def _db_actions(subparsers: argparse._SubParsersAction) -> argparse._SubParsersAction:
    db = subparsers.choices.get("db")
    if db is None:
        raise RuntimeError("vibing.cli.importpg must come after vibing.cli.db in COMMAND_MODULES")
    for action in db._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError("the db command has no actions to add to")


def register(subparsers: argparse._SubParsersAction) -> None:
    sub = _db_actions(subparsers)
    cmd = sub.add_parser(
        "import-postgres",
        help="import projects, messages and usage from the vibing2 web app's PostgreSQL database",
        description="Import users, projects (current code and every saved version), messages and token usage "
        "from the vibing2 web app's database into this app, through the running app.  Running it "
        "again imports only what is new; an interrupted import continues where it stopped.  "
        "Passwords, sessions, collaborators and social features are counted, not imported.",
    )
    cmd.add_argument(
        "url",
        nargs="?",
        default=None,
        help="the web app's DATABASE_URL, e.g. postgresql://user:pass@host:5432/vibing2 (default: $DATABASE_URL)",
    )
    cmd.add_argument("--user", metavar="EMAIL", help="import only this web user's projects and usage (default: all)")
    cmd.add_argument(
        "--dry-run",
        action="store_true",
        help="read and check everything, report what would be imported and every problem; write "
        "nothing (the app need not be running)",
    )
    cmd.add_argument("--json", action="store_true", help="print the report as JSON")
    cmd.add_argument("--no-progress", action="store_true", help="no progress bar (there is none when not a terminal)")
    cmd.set_defaults(func=cmd_import_postgres)


def cmd_import_postgres(args: argparse.Namespace) -> int:
    from vibing.importer import import_postgres
    from vibing.project_files import Limits

    url = args.url or os.environ.get("DATABASE_URL", "")
    if not url:
        raise ConfigError("Give the web app's database URL (postgresql://...), or set DATABASE_URL.")
    config, paths = running.setup()
    progress_out = None if args.no_progress else sys.stderr
    if args.dry_run:
        from vibing.importer.run import DryRunBus

        report = import_postgres(
            url, DryRunBus(), Limits.from_config(config), user=args.user, progress_out=progress_out
        )
    else:
        with running.connect(paths) as bus:
            report = import_postgres(url, bus, Limits.from_config(config), user=args.user, progress_out=progress_out)
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        report.render(sys.stdout)
    return 0 if report.ok else 1
