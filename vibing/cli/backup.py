"""``vibing backup create|verify|ls|restore``: the whole app in one archive, and back.

``create`` works with the app running (the database is snapshotted online).  ``restore`` checks the whole
archive first; with the app running for this data folder it then goes through the app's supervisor
(``RestoreBackup``: the services stop for a moment, the data is swapped, they start again, the window stays
open), or, with ``--stop-app``, stops the app and restores here.  Long operations draw a progress line on a
terminal (stderr), nothing otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from vibing.cli import running
from vibing.errors import Conflict, VibingError


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

    restore = sub.add_parser("restore", help="restore a backup (through the running app, if it runs)")
    restore.add_argument("file")
    restore.add_argument("--yes", action="store_true", help="replace the current projects without asking")
    restore.add_argument(
        "--overwrite-agents", action="store_true", help="replace agent files that differ from the backup's"
    )
    restore.add_argument(
        "--stop-app", action="store_true", help="stop the running app (after the backup's checks pass) instead"
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
    print(f"  database schema {manifest.schema_version}, {_count(len(manifest.entries), 'entry', 'entries')}")
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
        f"{path.name} verifies: {_count(len(manifest.entries), 'entry', 'entries')}, {_size(manifest.total_bytes)}, made "
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
    if app_running and not args.stop_app:
        result = _through_the_app(paths, plan.verified.path, overwrite)
    else:
        if app_running:  # only now: a backup that fails its checks never stops the app
            from vibing import supervision

            pid = supervision.stop_running(paths)
            print(f"Stopped Vibing (pid {pid}) for the restore; start it again with `vibing` afterwards.")
        progress = _Progress("Restoring")
        try:
            done = restore.apply(
                plan,
                finish=restore.finisher(db_mod.migrate, db_mod.check),
                overwrite_agents=overwrite,
                progress=progress,
            )
        finally:
            progress.end()
        import dataclasses

        result = dataclasses.asdict(done)
        result["data_dir"] = str(done.data_dir)
        result["missing_models"] = [restore.describe_missing(m) for m in done.missing_models]
    result["outside"] = plan.outside
    if args.json:
        print(json.dumps(result, indent=2, default=str))
        return 0
    print(f"Restored {plan.verified.path.name} into {result['data_dir']}:")
    print("  " + ", ".join(_count(result[key], key[:-1], key) for key in ("projects", "versions", "messages", "files")))
    if result["schema_from"] != result["schema_to"]:
        print(f"  database migrated from schema {result['schema_from']} to {result['schema_to']}; integrity check: ok")
    else:
        print("  integrity check: ok")
    print(f"  settings: {', '.join(result['settings']) or 'none in the backup'}")
    print(f"  agent files: {result['agents']}")
    for kept in result["agents_kept"]:
        print(f"  kept your own version of {kept} (--overwrite-agents replaces it)")
    for folder in result["outside"]:
        print(f"  not restored: the agent folder {folder} was outside your home on the other computer; copy it by hand")
    for model in result["missing_models"]:
        print(f"  local model {model}")
    if result.get("crash_reports"):
        print(f"  crash reports: {result['crash_reports']}")
    print(f"  {result['key_note']}")
    return 0


def _through_the_app(paths, archive: Path, overwrite_agents: bool) -> dict[str, Any]:  # noqa: ANN001
    """Ask the running app to restore ``archive`` (its supervisor stops the workers, swaps, starts them again)."""
    import msgspec

    from vibing.schema.supervisor import RestoreBackup

    print("Vibing is running: restoring through it (its services stop for a moment; the window stays open).")
    with running.connect(paths) as bus:
        reply = bus.request(
            "supervisor",
            RestoreBackup(path=str(archive), replace=True, overwrite_agents=overwrite_agents),
            timeout=3600,
        )
    return {name: msgspec.to_builtins(getattr(reply, name)) for name in reply.__struct_fields__}


def _count(n: int, one: str, many: str) -> str:
    """ "1 entry", "2 entries": what a person reads."""
    return f"{n} {one if n == 1 else many}"
