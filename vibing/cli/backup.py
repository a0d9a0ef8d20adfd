"""``vibing backup create|verify|ls|restore``: the whole app in one archive, and back.

``create`` works with the app running (the database is snapshotted online); ``restore`` refuses while the
app runs for this data folder, because the running storage service holds the database open, unless asked to
stop it (``--stop-app``, or yes on a terminal): then the app is stopped once the backup has passed its checks.  Long operations draw a progress line on a terminal (stderr), nothing otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from vibing.cli import running
from vibing.errors import Conflict, Internal, VibingError


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("backup", help="back up everything to one file, list, verify and restore backups")
    sub = cmd.add_subparsers(dest="backup_command", metavar="ACTION", required=True)

    create = sub.add_parser("create", help="write a backup (default: in the backups folder of the data folder)")
    create.add_argument("file", nargs="?", default=None, help="the archive to write (.zip)")
    create.add_argument("--without-agents", action="store_true", help="leave your agent folders out")
    create.add_argument("--with-models", action="store_true", help="include the local model files (large)")
    create.add_argument("--json", action="store_true", help="print JSON")
    create.set_defaults(func=cmd_create)

    verify = sub.add_parser("verify", help="check a backup (names, sizes, checksums) without restoring it")
    verify.add_argument("file")
    verify.add_argument("--json", action="store_true", help="print JSON")
    verify.set_defaults(func=cmd_verify)

    ls = sub.add_parser("ls", help="list the backups in the backups folder, and whether each verifies")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(func=cmd_ls)

    restore = sub.add_parser("restore", help="restore a backup (the app must be stopped)")
    restore.add_argument("file")
    restore.add_argument("--yes", action="store_true", help="replace the current projects without asking")
    restore.add_argument(
        "--overwrite-agents", action="store_true", help="replace agent files that differ from the backup's"
    )
    restore.add_argument(
        "--stop-app", action="store_true", help="stop the running app first (after the backup's checks pass)"
    )
    restore.add_argument("--json", action="store_true", help="print JSON")
    restore.set_defaults(func=cmd_restore)


def _size(n: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{int(n):,} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


class _Progress:
    """A one-line progress display on a terminal (stderr); silent when stderr is not one."""

    def __init__(self, verb: str) -> None:
        self.verb = verb
        self.enabled = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, done: int, total: int, what: str) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.1 and done < total:
            return
        self.last = now
        percent = 100 * done // total if total else 100
        sys.stderr.write(f"\r{self.verb}: {percent:3d}% {_size(done)} of {_size(total)}  {what[:40]:<40}")
        sys.stderr.flush()

    def end(self) -> None:
        if self.enabled and self.last:
            sys.stderr.write("\r" + " " * 100 + "\r")
            sys.stderr.flush()


def cmd_create(args: argparse.Namespace) -> int:
    from vibing.backup import create

    config, paths = running.setup()
    progress = _Progress("Backing up")
    try:
        made = create.create(
            paths,
            config,
            Path(args.file).expanduser().absolute() if args.file else None,
            with_agents=not args.without_agents,
            with_models=args.with_models,
            progress=progress,
        )
    finally:
        progress.end()
    manifest = made.manifest
    if args.json:
        print(
            json.dumps(
                {
                    "path": str(made.path),
                    "bytes": made.size,
                    "seconds": made.seconds,
                    "entries": len(manifest.entries),
                    "schema_version": manifest.schema_version,
                    "agent_folders": [f.path for f in manifest.agent_folders],
                    "models_included": manifest.models_included,
                    "api_key_included": False,
                },
                indent=2,
            )
        )
        return 0
    print(f"Backed up to {made.path} ({_size(made.size)} in {made.seconds:.2f} s).")
    print(f"  database schema {manifest.schema_version}, {len(manifest.entries)} entries")
    for folder in manifest.agent_folders:
        print(f"  agents: {folder.path}")
    if manifest.models:
        what = "with their files" if manifest.models_included else "the list only (--with-models adds the files)"
        print(f"  local models: {len(manifest.models)}, {what}")
    print("  The API key is not in the backup: after a restore, set it again with `vibing key set`.")
    return 0


def _verified_row(path: Path) -> dict[str, Any]:
    from vibing.backup import verify

    row: dict[str, Any] = {"path": str(path), "bytes": path.stat().st_size}
    try:
        checked = verify.verify(path)
    except VibingError as exc:
        row.update(ok=False, problem=exc.message)
        return row
    manifest = checked.manifest
    row.update(
        ok=True,
        created=manifest.created,
        app_version=manifest.app_version,
        schema_version=manifest.schema_version,
        host=manifest.host,
        entries=len(manifest.entries),
    )
    return row


def cmd_verify(args: argparse.Namespace) -> int:
    from vibing.backup import verify

    path = Path(args.file).expanduser().absolute()
    progress = _Progress("Verifying")
    try:
        checked = verify.verify(path, progress=progress)
    finally:
        progress.end()
    manifest = checked.manifest
    if args.json:
        print(json.dumps(_verified_row(path) | {"ok": True}, indent=2))
        return 0
    print(
        f"{path.name} verifies: {len(manifest.entries)} entries, {_size(manifest.total_bytes)}, made "
        f"{manifest.created} on {manifest.host} by Vibing {manifest.app_version} (schema {manifest.schema_version})."
    )
    return 0


def cmd_ls(args: argparse.Namespace) -> int:
    from vibing.backup import create

    _config, paths = running.setup()
    folder = create.backups_dir(paths)
    files = sorted(folder.glob("*.zip")) if folder.is_dir() else []
    rows = [_verified_row(path) for path in files]
    if args.json:
        print(json.dumps({"folder": str(folder), "backups": rows}, indent=2))
        return 0
    if not rows:
        print(f"No backups in {folder} yet (`vibing backup create` writes one).")
        return 0
    print(f"Backups in {folder}:")
    for row in rows:
        name = Path(row["path"]).name
        if row["ok"]:
            print(
                f"  {name}  {row['created']}  {_size(row['bytes'])}  app {row['app_version']}  "
                f"schema {row['schema_version']}  verifies"
            )
        else:
            print(f"  {name}  {_size(row['bytes'])}  DOES NOT VERIFY: {row['problem']}")
    return 0


def _finish(db_file: Path) -> tuple[int, int]:
    """Migrate a restored database of an older schema, then run the integrity check (raises on a problem)."""
    import apsw

    from vibing.services.storage import db as db_mod

    conn = apsw.Connection(str(db_file))
    try:
        # Not db_mod.configure: its 256 MiB memory map and 32 MiB cache are for the long-lived service; a
        # one-pass check over the whole file would count every mapped page in this process's memory.
        conn.set_busy_timeout(5000)
        conn.execute("PRAGMA foreign_keys = ON").fetchall()
        old, new, _backup = db_mod.migrate(conn, db_file)
        integrity, problems = db_mod.check(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()
    if integrity != ["ok"] or problems:
        raise Internal(
            "The restored database fails the integrity check ("
            + "; ".join((integrity if integrity != ["ok"] else []) + problems)[:300]
            + "); the restore was undone and your previous data is back.",
        )
    return old, new


def _ask(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def cmd_restore(args: argparse.Namespace) -> int:
    from vibing.backup import restore
    from vibing.services.storage import db as db_mod

    _config, paths = running.setup()
    bus = running.connect_if_running(paths)
    app_running = bus is not None
    if bus is not None:
        bus.close()
        if not (args.stop_app or _ask(f"Vibing is running for {paths.data}; stop it for the restore?")):
            raise Conflict(
                f"Vibing is running for the data folder {paths.data}, and a restore replaces the database it has "
                "open. Stop it with `vibing stop` (or add --stop-app), then run the restore again.",
                data_dir=str(paths.data),
            )
    latest = db_mod.migrations()[-1].version
    progress = _Progress("Checking")
    try:
        plan = restore.plan(Path(args.file).expanduser().absolute(), paths, latest_schema=latest, progress=progress)
    finally:
        progress.end()
    if plan.recovered:
        print(f"An earlier restore was interrupted; it was undone first, and {paths.data} is as it was before it.")
    if plan.existing_projects and not args.yes:
        question = (
            f"{paths.data} holds {plan.existing_projects} project(s); the restore replaces them with the backup's "
            f"(made {plan.manifest.created} on {plan.manifest.host}). Replace them?"
        )
        if not _ask(question):
            raise Conflict(
                f"Not restored: {paths.data} already holds {plan.existing_projects} project(s), and a restore "
                "replaces them (it never merges). Run again with --yes to replace them, or back them up first "
                "with `vibing backup create`.",
                projects=plan.existing_projects,
            )
    overwrite = args.overwrite_agents
    if plan.agent_conflicts and not overwrite:
        shown = ", ".join(str(p) for p in plan.agent_conflicts[:3])
        more = f" and {len(plan.agent_conflicts) - 3} more" if len(plan.agent_conflicts) > 3 else ""
        overwrite = _ask(
            f"{len(plan.agent_conflicts)} agent file(s) here differ from the backup's ({shown}{more}). Replace them?"
        )
    if app_running:  # only now: a backup that fails its checks never stops the app
        from vibing import supervision

        pid = supervision.stop_running(paths)
        print(f"Stopped Vibing (pid {pid}) for the restore; start it again with `vibing` afterwards.")
    progress = _Progress("Restoring")
    try:
        done = restore.apply(plan, finish=_finish, overwrite_agents=overwrite, progress=progress)
    finally:
        progress.end()
    if args.json:
        import dataclasses

        print(json.dumps(dataclasses.asdict(done), indent=2, default=str))
        return 0
    print(f"Restored {plan.verified.path.name} into {done.data_dir}:")
    print(f"  {done.projects} projects, {done.versions} versions, {done.messages} messages, {done.files} files")
    if done.schema_from != done.schema_to:
        print(f"  database migrated from schema {done.schema_from} to {done.schema_to}; integrity check: ok")
    else:
        print("  integrity check: ok")
    print(f"  settings: {', '.join(done.settings) or 'none in the backup'}")
    print(f"  agent files: {done.agents}")
    for kept in done.agents_kept:
        print(f"  kept your own version of {kept} (--overwrite-agents replaces it)")
    for folder in plan.outside:
        print(f"  not restored: the agent folder {folder} was outside your home on the other computer; copy it by hand")
    for model in done.missing_models:
        print(
            f"  local model {model['name']} is not on this computer: put its file ({_size(model['size'])}) at {model['path']}"
        )
    if done.crash_reports:
        print(f"  crash reports: {done.crash_reports}")
    print(f"  {done.key_note}")
    return 0
