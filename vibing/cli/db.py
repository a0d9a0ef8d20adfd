"""``vibing db``: online backup and integrity check of the database.

With the app running, both go through the storage service (the only process
that writes the file).  With the app stopped, the file is opened directly; the
output says which.  ``db backup`` copies the database alone; ``vibing backup``
(``vibing/cli/backup.py``) saves everything a move to another machine needs and
restores it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from vibing import paths as paths_mod
from vibing.cli import running
from vibing.errors import NotFound
from vibing.schema.storage import BackupDatabase, CheckDatabase


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("db", help="back up or check the database")
    sub = cmd.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    backup = sub.add_parser(
        "backup",
        help="write a consistent copy of the database to PATH (online backup; `vibing backup create` saves everything)",
    )
    backup.add_argument("path")
    backup.add_argument("--json", action="store_true", help="print JSON")
    backup.set_defaults(func=cmd_backup)
    check = sub.add_parser("check", help="integrity check and foreign key check")
    check.add_argument("--json", action="store_true", help="print JSON")
    check.set_defaults(func=cmd_check)


def _db_file(paths: paths_mod.Paths) -> Path:
    from vibing.services.storage.db import db_path

    path = db_path(paths.data)
    if not path.exists():
        raise NotFound(
            f"There is no database yet at {path} (Vibing has not been started with this data folder).", path=str(path)
        )
    return path


def cmd_backup(args: argparse.Namespace) -> int:
    import time

    target = Path(args.path).expanduser().resolve()
    paths = running.setup().paths
    bus = running.connect_if_running(paths)
    if bus is not None:
        with bus:
            reply = bus.request("storage", BackupDatabase(path=str(target)), timeout=300)
        size, seconds, via = reply.bytes, reply.seconds, "through the running app (online backup)"
    else:
        import apsw

        from vibing.services.storage import db as db_mod

        source = _db_file(paths)
        started = time.perf_counter()
        conn = apsw.Connection(str(source), flags=apsw.SQLITE_OPEN_READONLY)
        try:
            size = db_mod.backup_to(conn, target)
        finally:
            conn.close()
        seconds, via = (
            round(time.perf_counter() - started, 3),
            "from the database file directly (the app is not running)",
        )
    if args.json:
        print(json.dumps({"path": str(target), "bytes": size, "seconds": seconds, "via": "app" if bus else "file"}))
    else:
        print(f"Backed up the database to {target} ({size:,} bytes in {seconds:.2f} s), {via}.")
        print(
            "Settings, agents and models are not in it: `vibing backup create` saves everything, to restore anywhere."
        )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    paths = running.setup().paths
    bus = running.connect_if_running(paths)
    if bus is not None:
        with bus:
            reply = bus.request("storage", CheckDatabase(), timeout=300)
        ok, integrity, problems, version, path = (
            reply.ok,
            reply.integrity,
            reply.foreign_keys,
            reply.schema_version,
            reply.path,
        )
        via = "through the running app"
    else:
        import apsw

        from vibing.services.storage import db as db_mod

        source = _db_file(paths)
        conn = apsw.Connection(str(source))
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            integrity, problems = db_mod.check(conn)
            version = db_mod.user_version(conn)
        finally:
            conn.close()
        ok, path = integrity == ["ok"] and not problems, str(source)
        via = "on the database file directly (the app is not running)"
    if args.json:
        print(
            json.dumps(
                {
                    "ok": ok,
                    "integrity": integrity,
                    "foreign_keys": problems,
                    "schema_version": version,
                    "path": path,
                    "via": "app" if bus else "file",
                },
                indent=2,
            )
        )
        return 0 if ok else 1
    print(f"Checked {path} (schema version {version}) {via}.")
    if ok:
        print("integrity_check: ok\nforeign_key_check: ok")
        return 0
    print("integrity_check: " + ("ok" if integrity == ["ok"] else "PROBLEMS"))
    for line in integrity if integrity != ["ok"] else []:
        print(f"  {line}")
    print("foreign_key_check: " + ("ok" if not problems else f"{len(problems)} problems"))
    for line in problems:
        print(f"  {line}")
    return 1
