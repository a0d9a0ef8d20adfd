"""Putting a backup back, on this machine or a new one, without ever leaving the current data unusable.

In order:

1. **Checks first** (:func:`plan`): the whole archive is verified (:func:`vibing.backup.verify.verify`:
   names, sizes, checksums, bounded reads), the database's schema is compared with what this Vibing knows
   (newer: refused, naming both versions), free disk space is compared with what will be written, and what
   would be replaced is counted (projects in the current database, agent files that differ).  Nothing has
   changed yet; the caller asks the person what it must.
2. **Staging** (:func:`apply`): everything for the data folder is extracted, checksums checked again as it
   is written, into a hidden sibling folder on the same disk.  A disk that fills, an archive that changed
   meanwhile, a process killed here: the staging folder is dropped (or left for the next restore to sweep)
   and the current data was never touched.
3. **The swap**: the current data folder is renamed to a dated safety copy
   (``<data>.before-restore-<time>``), its ``backups`` and ``logs`` folders move into the staged one, and
   the staged folder takes the data folder's name; the config file is replaced the same way.  Two renames
   on one disk, under a journal: a restore killed from here until it has succeeded is undone by the next
   ``vibing backup restore`` (:func:`recover_interrupted`), which puts the safety copy back.
4. **Afterwards**: the caller's ``finish`` migrates an older schema and runs the integrity check; if it
   fails, the swap is undone from the safety copy.  Then agent folders and model files go back under the
   new HOME (an existing different file only with ``overwrite_agents``), the safety copy is deleted, and
   :class:`Restored` says what came back, and that the API key must be set again.

Absolute paths in the config (``data_dir``, ``agent_dirs``, ``user_agents_dir``), the window's settings and
the model registry are rewritten: the backup's data and config folders become this machine's, and anything
under the old HOME moves under the new one.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import time
import tomllib
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import apsw

from vibing import archive as bounded_zip
from vibing import paths as paths_mod
from vibing.backup import manifest as mf
from vibing.backup import restore_journal
from vibing.backup import verify as verify_mod
from vibing.backup.create import BACKUPS_DIR, DB_NAME, MODELS_FILE, WINDOW_FILE
from vibing.errors import Conflict, DiskFull, Internal, InvalidRequest, VibingError
from vibing.protocol import pid_alive

#: Folders of the current data folder that survive a restore (they describe this machine, not the backup).
KEPT_FOLDERS = (BACKUPS_DIR, "logs")
#: What the window's settings.json remembers about one computer (see shell/settings.py STATE_KEYS): not restored.
WINDOW_STATE_KEYS = ("update_dismissed", "provider_ready")
#: Room left free on the disk beyond what a restore writes.
DISK_MARGIN = 32 * 1024 * 1024
_STAGING = re.compile(r"^\.(?P<name>.+)\.restore-(?P<pid>\d+)$")

Progress = Callable[[int, int, str], None]


@dataclass
class Plan:
    """What a restore of ``source`` would do here; computed by :func:`plan` before anything changes."""

    verified: verify_mod.Verified
    data_dir: Path
    config_file: Path
    home: Path
    latest_schema: int
    #: Projects in the current database, which the restore would replace.
    existing_projects: int = 0
    #: (agent folder, its new place) for each folder in the archive.
    agent_targets: list[tuple[mf.AgentFolder, Path]] = field(default_factory=list)
    #: Agent files that exist here with other content (never overwritten without asking).
    agent_conflicts: list[Path] = field(default_factory=list)
    needed_bytes: int = 0
    #: An interrupted restore was found and undone first (the previous data is back).
    recovered: bool = False
    #: Agent folders and model files of the backup that would land outside the new HOME and Vibing's folders:
    #: never written (an archive must not choose where on this disk its files go), named in the summary.
    outside: list[str] = field(default_factory=list)

    def ours(self, path: Path) -> bool:
        """Whether ``path`` is under this HOME, the data folder or the config folder (where a restore may write)."""
        resolved = Path(os.path.abspath(path))
        return any(resolved.is_relative_to(base) for base in (self.home, self.data_dir, self.config_file.parent))

    @property
    def manifest(self) -> mf.Manifest:
        return self.verified.manifest

    def rewrite(self, value: str) -> str:
        """``value`` (an absolute path of the backed-up machine) as it is on this one."""
        return rewrite_path(value, self.manifest, self.home, self.data_dir, self.config_file.parent)


@dataclass
class Restored:
    data_dir: Path
    projects: int
    versions: int
    messages: int
    files: int
    agents: int
    agents_kept: list[str]
    settings: list[str]
    models: list[dict[str, Any]]
    missing_models: list[dict[str, Any]]
    crash_reports: int
    schema_from: int
    schema_to: int
    key_note: str = mf.API_KEY_NOTE


def describe_missing(model: dict[str, Any]) -> str:
    """One line for a local model whose file is not on this computer: its name, size and where it belongs."""
    return f"{model['name']} is not on this computer: put its file ({_human(int(model['size']))}) at {model['path']}"


def rewrite_path(value: str, manifest: mf.Manifest, home: Path, data_dir: Path, config_dir: Path) -> str:
    """The backup's data and config folders become this machine's; anything under the old HOME, under the new."""
    path = PurePosixPath(value)
    if not path.is_absolute():
        return value
    for old, new in ((manifest.data_dir, data_dir), (manifest.config_dir, config_dir), (manifest.home, home)):
        if old and (path == PurePosixPath(old) or path.is_relative_to(old)):
            return str(Path(new) / path.relative_to(old))
    return value


def _home() -> Path:
    return Path(os.path.expanduser("~")).resolve()


def count_projects(db_file: Path) -> int:
    """Projects in the database at ``db_file`` (0 when there is none)."""
    if not db_file.is_file():
        return 0
    # With no -wal beside it (the app closed it cleanly), every commit is in the file: open it immutable, so
    # that merely asking creates no -wal or -shm in a folder the restore may yet leave alone.
    wal = Path(f"{db_file}-wal")
    uri = f"file:{db_file}?mode=ro" + ("" if wal.exists() else "&immutable=1")
    conn = apsw.Connection(uri, flags=apsw.SQLITE_OPEN_READONLY | apsw.SQLITE_OPEN_URI)
    try:
        conn.set_busy_timeout(5000)
        return conn.execute("SELECT count(*) FROM projects").fetchone()[0]
    except apsw.Error:
        return 0
    finally:
        conn.close()


def _existing_ancestor(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def sweep_staging(data_dir: Path) -> None:
    """Remove the staging folders of restores that were killed (their process is gone)."""
    parent = data_dir.parent
    if not parent.is_dir():
        return
    for child in parent.iterdir():
        match = _STAGING.match(child.name)
        if not match or match["name"] != data_dir.name or not child.is_dir():
            continue
        pid = int(match["pid"])
        alive = True
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            alive = False
        except PermissionError:
            alive = True
        if not alive or pid == os.getpid():
            shutil.rmtree(child, ignore_errors=True)


def recover_interrupted(data_dir: Path, config_file: Path) -> bool:
    """Undo a restore that was killed after its swap began (its journal is still there); whether one was.

    The journal names the safety copy and holds the previous config file: the previous data folder comes
    back whole (with this machine's ``backups`` and ``logs``), whatever state the swap was left in.
    """
    journal = restore_journal(data_dir)
    if not journal.is_file():
        return False
    try:
        doc = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        doc = {}
    owner = doc.get("pid")
    if isinstance(owner, int) and owner != os.getpid() and pid_alive(owner):
        raise Conflict(
            f"A restore is going on right now (process {owner}) for {data_dir}. Wait until it has finished, then "
            "try again."
        )
    safety = Path(doc["safety"]) if doc.get("safety") else None
    if safety is not None and safety.is_dir():
        if data_dir.exists():
            for kept in KEPT_FOLDERS:
                if (data_dir / kept).is_dir() and not (safety / kept).exists():
                    os.rename(data_dir / kept, safety / kept)
            failed = data_dir.parent / f".{data_dir.name}.failed-restore-{os.getpid()}"
            os.rename(data_dir, failed)
            shutil.rmtree(failed, ignore_errors=True)
        os.rename(safety, data_dir)
    elif doc.get("had_data") is False and data_dir.exists():
        shutil.rmtree(data_dir, ignore_errors=True)  # there was nothing before: an unfinished restore is dropped
    if isinstance(doc.get("config"), str):
        paths_mod.write_private_bytes(config_file, doc["config"].encode("utf-8", errors="surrogateescape"))
    elif doc.get("config") is None and doc.get("config_restored"):
        config_file.unlink(missing_ok=True)
    journal.unlink(missing_ok=True)
    return True


def _same_content(path: Path, expected: mf.Entry) -> bool:
    import hashlib

    try:
        if path.stat().st_size != expected.size:
            return False
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            while chunk := handle.read(1024 * 1024):
                digest.update(chunk)
        return digest.hexdigest() == expected.sha256
    except OSError:
        return False


def agent_files(manifest: mf.Manifest, folder: mf.AgentFolder) -> list[tuple[str, str]]:
    """(entry name, path relative to the folder) of every file of ``folder`` in the archive."""
    prefix = folder.entry.rstrip("/") + "/"
    return [
        (name, name[len(prefix) :])
        for name in manifest.entries
        if name.startswith(prefix) and name.lower().endswith(mf.AGENT_SUFFIX)
    ]


def plan(
    source: Path,
    paths: paths_mod.Paths,
    *,
    latest_schema: int,
    progress: Progress | None = None,
    home: Path | None = None,
) -> Plan:
    """Check everything about restoring ``source`` into ``paths`` and say what it would do; changes nothing."""
    recovered = recover_interrupted(paths.data.absolute(), paths.config_file)
    verified = verify_mod.verify(source, progress=progress)
    manifest = verified.manifest
    if manifest.schema_version > latest_schema:
        raise InvalidRequest(
            f"{verified.path.name} was made by Vibing {manifest.app_version} with database schema version "
            f"{manifest.schema_version}; this Vibing knows schema versions up to {latest_schema}. Update Vibing, "
            "then restore it. Nothing was changed.",
            schema_version=manifest.schema_version,
            latest=latest_schema,
        )
    home = (home or _home()).resolve()
    data_dir = paths.data.absolute()
    result = Plan(
        verified=verified, data_dir=data_dir, config_file=paths.config_file, home=home, latest_schema=latest_schema
    )
    result.recovered = recovered
    sweep_staging(data_dir)
    result.existing_projects = count_projects(data_dir / DB_NAME)
    for folder in manifest.agent_folders:
        target = home / folder.home_relative if folder.home_relative else Path(result.rewrite(folder.path))
        if not result.ours(target):
            result.outside.append(folder.path)
            continue
        result.agent_targets.append((folder, target))
        for name, rel in agent_files(manifest, folder):
            existing = target / rel
            if existing.exists() and not _same_content(existing, manifest.entries[name]):
                result.agent_conflicts.append(existing)
    needed = manifest.total_bytes
    free = shutil.disk_usage(_existing_ancestor(data_dir.parent)).free
    result.needed_bytes = needed
    if needed + DISK_MARGIN > free:
        raise DiskFull(
            f"Restoring {verified.path.name} needs {_human(needed)} on the disk of {data_dir.parent}, and only "
            f"{_human(free)} is free. Free some space and try again; nothing was changed.",
            needed=needed,
            free=free,
        )
    return result


def _human(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


# -- rewriting the settings for this machine ------------------------------------------------------


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise InvalidRequest(f"The backed-up config holds a value this restore cannot write back ({value!r}).")


def rewrite_config(text: str, plan_: Plan) -> str:
    """The config file with its folders rewritten; the rest of the file (comments included) kept as it was."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidRequest(f"The backed-up config.toml is not valid TOML ({exc}); nothing was changed.") from None
    wanted = dict(doc)
    if isinstance(doc.get("data_dir"), str) and doc["data_dir"]:
        wanted["data_dir"] = str(plan_.data_dir)
    if isinstance(doc.get("agent_dirs"), list):
        wanted["agent_dirs"] = [plan_.rewrite(d) if isinstance(d, str) else d for d in doc["agent_dirs"]]
    if isinstance(doc.get("user_agents_dir"), str):
        wanted["user_agents_dir"] = plan_.rewrite(doc["user_agents_dir"])
    if wanted == doc:
        return text
    out = text
    for key in ("data_dir", "agent_dirs", "user_agents_dir"):
        if wanted.get(key) != doc.get(key):
            line = f"{key} = {_toml_value(wanted[key])}"
            out = re.sub(rf"^{key}\s*=.*$", lambda _m, line=line: line, out, count=1, flags=re.MULTILINE)
    with contextlib.suppress(tomllib.TOMLDecodeError):
        if tomllib.loads(out) == wanted:
            return out
    # A value spread over several lines: write the (flat) file again, one setting a line.
    return "".join(f"{key} = {_toml_value(value)}\n" for key, value in wanted.items())


def rewrite_window(data: bytes, plan_: Plan) -> bytes:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return data  # the window reads (and repairs) its own file; it is restored as it was
    if not isinstance(doc, dict):
        return data
    for key in WINDOW_STATE_KEYS:
        doc.pop(key, None)
    if isinstance(doc.get("agent_dirs"), list):
        doc["agent_dirs"] = [plan_.rewrite(d) if isinstance(d, str) else d for d in doc["agent_dirs"]]
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def rewrite_models(data: bytes, plan_: Plan) -> bytes:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return data
    if isinstance(doc, dict) and isinstance(doc.get("models"), list):
        for entry in doc["models"]:
            if isinstance(entry, dict) and isinstance(entry.get("path"), str):
                entry["path"] = plan_.rewrite(entry["path"])
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


# -- applying -------------------------------------------------------------------------------------


def _disk_full(exc: OSError, where: Path) -> VibingError | None:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFull(
            f"The disk filled up while restoring into {where}; the restore was abandoned and your current "
            "data is untouched. Free some space and try again.",
            path=str(where),
        )
    return None


def _extract(source: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, expected: mf.Entry, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True, mode=paths_mod.PRIVATE_DIR_MODE)
    with os.fdopen(paths_mod.open_private(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "wb") as out:
        verify_mod.read_entry(source, archive, info, expected, out.write)


def _read_small(source: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, expected: mf.Entry) -> bytes:
    parts: list[bytes] = []
    verify_mod.read_entry(source, archive, info, expected, parts.append)
    return b"".join(parts)


def _stage(plan_: Plan, staging: Path, progress: Progress | None) -> tuple[bytes | None, int]:
    """Extract the data folder's part of the archive into ``staging``; the rewritten config text, crash reports."""
    manifest, source = plan_.manifest, plan_.verified.path
    config_text: bytes | None = None
    crashes = 0
    done, total = 0, manifest.total_bytes
    with bounded_zip.open_zip(source, mf.MAX_ENTRIES + 1, verify_mod._too_many(source)) as archive:  # noqa: SLF001
        infos = verify_mod.check_entries(source, archive, manifest)
        for name, expected in manifest.entries.items():
            info = infos[name]
            if name == mf.DB_ENTRY:
                _extract(source, archive, info, expected, staging / DB_NAME)
            elif name == mf.CONFIG_ENTRY:
                text = _read_small(source, archive, info, expected).decode("utf-8", errors="replace")
                config_text = rewrite_config(text, plan_).encode("utf-8")
            elif name == mf.WINDOW_ENTRY:
                data = rewrite_window(_read_small(source, archive, info, expected), plan_)
                (staging / WINDOW_FILE).parent.mkdir(parents=True, exist_ok=True)
                paths_mod.write_private_bytes(staging / WINDOW_FILE, data)
            elif name == mf.MODELS_ENTRY:
                paths_mod.write_private_bytes(
                    staging / MODELS_FILE, rewrite_models(_read_small(source, archive, info, expected), plan_)
                )
            elif name.startswith(mf.CRASHES) and "/" not in name[len(mf.CRASHES) :]:
                _extract(source, archive, info, expected, staging / "crashes" / name[len(mf.CRASHES) :])
                crashes += 1
            else:
                continue  # agent folders and model files: after the swap, outside the data folder
            done += expected.size
            if progress is not None:
                progress(done, total, name)
    return config_text, crashes


def _place_outside(plan_: Plan, overwrite_agents: bool) -> tuple[int, list[str], list[dict[str, Any]]]:
    """Agent files and included model files, written where they belong on this machine."""
    manifest, source = plan_.manifest, plan_.verified.path
    written, kept = 0, []
    missing: list[dict[str, Any]] = []
    with bounded_zip.open_zip(source, mf.MAX_ENTRIES + 1, verify_mod._too_many(source)) as archive:  # noqa: SLF001
        infos = verify_mod.check_entries(source, archive, manifest)
        for folder, target in plan_.agent_targets:
            for name, rel in agent_files(manifest, folder):
                dest = target / rel
                expected = manifest.entries[name]
                if dest.exists():
                    if _same_content(dest, expected):
                        written += 1
                        continue
                    if not overwrite_agents:
                        kept.append(str(dest))
                        continue
                _write_atomically(source, archive, infos[name], expected, dest)
                written += 1
        for model in manifest.models:
            dest = Path(plan_.rewrite(model.path))
            if dest.is_file():
                continue
            if not plan_.ours(dest) or not dest.name.lower().endswith(mf.MODEL_SUFFIX):
                missing.append({"name": model.name, "path": model.path, "size": model.size})
                continue
            if model.entry and model.entry in infos:
                _write_atomically(source, archive, infos[model.entry], manifest.entries[model.entry], dest)
            else:
                missing.append({"name": model.name, "path": str(dest), "size": model.size})
    return written, kept, missing


def _write_atomically(
    source: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, expected: mf.Entry, dest: Path
) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.restoring-{os.getpid()}")
    try:
        with open(tmp, "wb") as out:
            verify_mod.read_entry(source, archive, info, expected, out.write)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _summary_counts(db_file: Path) -> dict[str, int]:
    counts = {"projects": 0, "versions": 0, "messages": 0, "files": 0}
    if not db_file.is_file():
        return counts
    conn = apsw.Connection(str(db_file), flags=apsw.SQLITE_OPEN_READONLY)
    try:
        for key, table in (
            ("projects", "projects"),
            ("versions", "checkpoints"),
            ("messages", "messages"),
            ("files", "project_files"),
        ):
            counts[key] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 (fixed names)
    finally:
        conn.close()
    return counts


#: ``finish(db_file)`` migrates an older schema and checks integrity, raising on a problem: (from, to) versions.
Finish = Callable[[Path], tuple[int, int]]


def finisher(
    migrate: Callable[..., tuple[int, int, Any]], check: Callable[[Any], tuple[list[str], list[str]]]
) -> Finish:
    """The ``finish`` step from the storage service's own ``migrate`` and ``check`` (``services/storage/db.py``).

    Handed in by the caller (the CLI, the supervisor), because this package sits below the services.  The
    database is opened without the service's pragmas: its 256 MiB memory map and 32 MiB cache suit a
    long-lived service, while here a one-pass check would count every mapped page in this process's memory.
    """

    def finish(db_file: Path) -> tuple[int, int]:
        conn = apsw.Connection(str(db_file))
        try:
            conn.set_busy_timeout(5000)
            conn.execute("PRAGMA foreign_keys = ON").fetchall()
            old, new, _backup = migrate(conn, db_file)
            integrity, problems = check(conn)
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

    return finish


def apply(plan_: Plan, *, finish: Finish, overwrite_agents: bool = False, progress: Progress | None = None) -> Restored:
    """Restore what :func:`plan` checked; on any failure before the end the current data is as it was."""
    data_dir = plan_.data_dir
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = data_dir.parent / f".{data_dir.name}.restore-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    paths_mod.private_dir(staging)
    try:
        config_text, crashes = _stage(plan_, staging, progress)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise _disk_full(exc, data_dir) or exc from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise

    # The swap: the current data becomes the safety copy, the staged folder the data folder.
    stamp = time.strftime("%Y%m%dT%H%M%S")
    safety = data_dir.parent / f"{data_dir.name}.before-restore-{stamp}"
    had_data = data_dir.exists()
    old_config = plan_.config_file.read_bytes() if plan_.config_file.is_file() else None
    journal = restore_journal(data_dir)
    paths_mod.write_private_text(
        journal,
        json.dumps(
            {
                "safety": str(safety) if had_data else "",
                "had_data": had_data,
                "config": old_config.decode("utf-8", errors="surrogateescape") if old_config is not None else None,
                "config_restored": config_text is not None,
                "pid": os.getpid(),
            }
        ),
    )
    if had_data:
        os.rename(data_dir, safety)
        for kept in KEPT_FOLDERS:
            if (safety / kept).is_dir():
                os.rename(safety / kept, staging / kept)
    os.rename(staging, data_dir)

    def undo() -> None:
        if had_data:
            for kept in KEPT_FOLDERS:
                if (data_dir / kept).is_dir() and not (safety / kept).exists():
                    os.rename(data_dir / kept, safety / kept)
        failed = data_dir.parent / f".{data_dir.name}.failed-restore-{stamp}"
        os.rename(data_dir, failed)
        if had_data:
            os.rename(safety, data_dir)
        shutil.rmtree(failed, ignore_errors=True)
        if old_config is not None:
            paths_mod.write_private_bytes(plan_.config_file, old_config)
        elif config_text is not None:
            plan_.config_file.unlink(missing_ok=True)

    try:
        if config_text is not None:
            paths_mod.private_dir(plan_.config_file.parent)
            tmp = plan_.config_file.with_name(plan_.config_file.name + ".restoring")
            paths_mod.write_private_bytes(tmp, config_text)
            os.replace(tmp, plan_.config_file)
        schema_from, schema_to = finish(data_dir / DB_NAME) if (data_dir / DB_NAME).is_file() else (0, 0)
        agents, agents_kept, missing = _place_outside(plan_, overwrite_agents)
    except BaseException as exc:
        undo()
        journal.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _disk_full(exc, data_dir) or exc from None
        raise
    journal.unlink(missing_ok=True)  # from here on the restore stands
    if had_data:
        shutil.rmtree(safety, ignore_errors=True)
    counts = _summary_counts(data_dir / DB_NAME)
    settings = [
        label
        for label, present in (
            ("config.toml", config_text is not None),
            ("window settings", mf.WINDOW_ENTRY in plan_.manifest.entries),
            ("local model list", mf.MODELS_ENTRY in plan_.manifest.entries),
        )
        if present
    ]
    return Restored(
        data_dir=data_dir,
        agents=agents,
        agents_kept=agents_kept,
        settings=settings,
        models=[{"name": m.name, "path": plan_.rewrite(m.path), "size": m.size} for m in plan_.manifest.models],
        missing_models=missing,
        crash_reports=crashes,
        schema_from=schema_from,
        schema_to=schema_to,
        projects=counts["projects"],
        versions=counts["versions"],
        messages=counts["messages"],
        files=counts["files"],
    )
