"""Writing a backup archive: a consistent database snapshot, the settings, agents, models and crash reports.

The database is copied with SQLite's online backup API from a connection of our own, in one step: that
holds a read transaction for the copy's length, which in WAL mode never blocks the storage service's
writer, and gives a snapshot consistent to one commit.  The copy goes to a temporary file beside the
archive and is then streamed into the zip in 1 MiB chunks while it is hashed, so a database of any size
costs the same few MiB of memory.  The archive is written as ``<name>.partial`` (0600) and renamed when
complete: a backup that was interrupted never looks like one.

Never in an archive: the API key (the keychain's, or a ``.env``'s: no ``.env`` is ever read here), the
backups folder itself, and symbolic links (a link could pull in anything on the disk).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import stat
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import apsw

from vibing import __version__
from vibing import paths as paths_mod
from vibing.backup import manifest as mf
from vibing.config import Config
from vibing.errors import DiskFull, InvalidPath, NotFound

#: ``progress(done_bytes, total_bytes, what)``: called as entries are written.
Progress = Callable[[int, int, str], None]
CHUNK = 1024 * 1024
COMPRESS_LEVEL = 1
#: Crash reports kept in an archive: the most recent ones.
MAX_CRASH_REPORTS = 50
#: The folder of backups inside the data folder (scheduled ones, and ``vibing backup create`` with no FILE).
BACKUPS_DIR = "backups"
DB_NAME = "vibing.db"
MODELS_FILE = "models.json"
WINDOW_FILE = Path("shell") / "settings.json"


def backups_dir(paths: paths_mod.Paths) -> Path:
    return paths.data / BACKUPS_DIR


def default_name(now: float, kind: str = "backup") -> str:
    """``vibing-backup-20261203T061500Z.zip`` (``kind`` "auto" for scheduled ones): sorts by time."""
    return f"vibing-{kind}-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime(now))}.zip"


@dataclass
class Created:
    path: Path
    size: int
    seconds: float
    manifest: mf.Manifest


def _home() -> Path:
    return Path(os.path.expanduser("~")).resolve()


def _relative_to(path: Path, base: Path) -> str:
    try:
        rel = path.relative_to(base)
    except ValueError:
        return ""
    return rel.as_posix() if rel.parts else ""


def _walk_files(folder: Path, skip: tuple[Path, ...]) -> Iterator[tuple[Path, str]]:
    """Regular files under ``folder`` (relative names, sorted), no symlinks followed, ``skip`` folders left out."""
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not any((here / d) == s for s in skip))
        for name in sorted(filenames):
            path = here / name
            try:
                info = os.lstat(path)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode) and path not in skip:
                yield path, path.relative_to(folder).as_posix()


def agent_folders(config: Config, window: dict | None) -> list[tuple[str, Path]]:
    """The agent folders Vibing reads for this user: (setting, absolute folder), existing ones, no duplicates."""
    found: list[tuple[str, Path]] = []
    candidates: list[tuple[str, str]] = []
    if config.user_agents_dir:
        candidates.append(("user_agents_dir", config.user_agents_dir))
    candidates += [("agent_dirs", d) for d in config.agent_dirs]
    if window and isinstance(window.get("agent_dirs"), list):
        candidates += [("window", d) for d in window["agent_dirs"] if isinstance(d, str)]
    seen: set[Path] = set()
    for setting, folder in candidates:
        path = Path(os.path.expanduser(folder))
        if not path.is_absolute():
            continue
        path = path.resolve()
        if path in seen or not path.is_dir():
            continue
        seen.add(path)
        found.append((setting, path))
    return found


class _Writer:
    """The zip being written: every entry hashed and counted for the manifest, progress reported."""

    def __init__(self, archive: zipfile.ZipFile, total: int, progress: Progress | None) -> None:
        self.archive = archive
        self.entries: dict[str, mf.Entry] = {}
        self.done = 0
        self.total = total
        self.progress = progress

    def add_file(self, name: str, source: Path, *, compress: bool = True) -> None:
        mf.check_name(name)
        info = zipfile.ZipInfo(name, date_time=time.gmtime(os.stat(source).st_mtime)[:6])
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        # ZipFile.open(info, "w") compresses at the ZipInfo's level, zlib's default 6 unless set: level 1 is
        # three to four times faster on a database, for an archive about a tenth larger.
        info._compresslevel = COMPRESS_LEVEL  # noqa: SLF001  (the slot ZipFile.open reads; 3.13 keeps it as an alias)
        info.external_attr = 0o600 << 16
        digest, size = hashlib.sha256(), 0
        with open(source, "rb") as handle, self.archive.open(info, "w", force_zip64=True) as out:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
                self.done += len(chunk)
                if self.progress is not None:
                    self.progress(self.done, max(self.total, self.done), name)
        self.entries[name] = mf.Entry(size=size, sha256=digest.hexdigest())

    def add_bytes(self, name: str, data: bytes) -> None:
        mf.check_name(name)
        info = zipfile.ZipInfo(name, date_time=time.gmtime()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        self.archive.writestr(info, data)
        self.entries[name] = mf.Entry(size=len(data), sha256=hashlib.sha256(data).hexdigest())


def snapshot_db(source: Path, target: Path) -> int:
    """A consistent copy of the database ``source`` in ``target`` (a single file, rollback journal); its schema."""
    conn = apsw.Connection(str(source), flags=apsw.SQLITE_OPEN_READONLY)
    try:
        conn.set_busy_timeout(5000)
        dest = apsw.Connection(str(paths_mod.create_private_file(target)))
        try:
            with dest.backup("main", conn, "main") as backup:
                backup.step(-1)  # one read transaction: a snapshot of one commit, writers go on (WAL)
            dest.execute("PRAGMA journal_mode = DELETE").fetchall()
            return dest.execute("PRAGMA user_version").fetchone()[0]
        finally:
            dest.close()
    finally:
        conn.close()


def _read_json(path: Path) -> dict | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return doc if isinstance(doc, dict) else None


def create(
    paths: paths_mod.Paths,
    config: Config,
    target: Path | None = None,
    *,
    with_agents: bool = True,
    with_models: bool = False,
    progress: Progress | None = None,
    now: float | None = None,
    kind: str = "backup",
) -> Created:
    """Write a backup of ``paths``' Vibing to ``target`` (default: the backups folder); what was written."""
    started = time.perf_counter()
    now = time.time() if now is None else now
    folder = backups_dir(paths)
    if target is None:
        target = paths_mod.private_dir(folder) / default_name(now, kind)
    target = Path(target).expanduser().absolute()
    data = paths.data.resolve()
    if target.resolve().is_relative_to(data) and not target.resolve().is_relative_to(folder.resolve()):
        raise InvalidPath(
            f"A backup cannot be written inside the data folder ({data}) except in its backups folder; "
            f"leave FILE out to use {folder}.",
            path=str(target),
        )
    if target.exists() and target.is_dir():
        raise InvalidPath(f"{target} is a folder; give the backup a file name.", path=str(target))
    db_file = paths.data / DB_NAME
    if not db_file.is_file():
        # A backup without the database would verify and restore, and bring back nothing: say so instead.
        raise NotFound(
            f"There is nothing to back up yet: no Vibing database in {data}. Start Vibing once, or set "
            "VIBING_HOME to the folder that holds your projects.",
            path=str(db_file),
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    home = _home()
    window = _read_json(paths.data / WINDOW_FILE)
    skip = (folder.resolve(), target.resolve())

    # What goes in, and how big it is (for the progress figure).
    files: list[tuple[str, Path]] = []
    if paths.config_file.is_file():
        files.append((mf.CONFIG_ENTRY, paths.config_file))
    if (paths.data / WINDOW_FILE).is_file():
        files.append((mf.WINDOW_ENTRY, paths.data / WINDOW_FILE))
    if (paths.data / MODELS_FILE).is_file():
        files.append((mf.MODELS_ENTRY, paths.data / MODELS_FILE))
    models: list[mf.ModelFile] = []
    registry = _read_json(paths.data / MODELS_FILE) or {}
    for number, entry in enumerate(registry.get("models", []) if isinstance(registry.get("models"), list) else []):
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            continue
        model_path = Path(entry["path"])
        size = model_path.stat().st_size if model_path.is_file() else int(entry.get("size_bytes") or 0)
        model = mf.ModelFile(name=str(entry.get("name", "")), path=str(model_path), size=size)
        if with_models and model_path.is_file() and model_path.name.lower().endswith(mf.MODEL_SUFFIX):
            model.entry = f"{mf.MODEL_FILES}{number}/{model_path.name}"
            files.append((model.entry, model_path))
        models.append(model)
    folders: list[mf.AgentFolder] = []
    if with_agents:
        for number, (setting, agent_dir) in enumerate(agent_folders(config, window)):
            prefix = f"{mf.AGENTS}{number}"
            folders.append(
                mf.AgentFolder(
                    entry=prefix, path=str(agent_dir), home_relative=_relative_to(agent_dir, home), setting=setting
                )
            )
            files += [
                (f"{prefix}/{rel}", path)
                for path, rel in _walk_files(agent_dir, skip)
                if rel.lower().endswith(mf.AGENT_SUFFIX)
            ]
    if paths.crash_dir.is_dir():
        reports = [p for p, _rel in _walk_files(paths.crash_dir, skip) if p.parent == paths.crash_dir]
        reports.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        files += [(f"{mf.CRASHES}{p.name}", p) for p in reports[:MAX_CRASH_REPORTS]]
    total = (db_file.stat().st_size if db_file.is_file() else 0) + sum(p.stat().st_size for _n, p in files)

    partial = target.with_name(target.name + ".partial")
    snapshot = target.with_name(f".{target.name}.db-snapshot")
    schema_version = 0
    try:
        fd = paths_mod.open_private(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        with (
            os.fdopen(fd, "w+b") as raw,
            zipfile.ZipFile(raw, "w", compresslevel=COMPRESS_LEVEL, allowZip64=True) as archive,
        ):
            writer = _Writer(archive, total, progress)
            if db_file.is_file():
                schema_version = snapshot_db(db_file, snapshot)
                writer.add_file(mf.DB_ENTRY, snapshot)
                snapshot.unlink()
            for name, path in files:
                # Model files are already compressed (quantized weights): stored as they are, faster.
                writer.add_file(name, path, compress=not name.startswith(mf.MODEL_FILES))
            manifest = mf.Manifest(
                app_version=__version__,
                schema_version=schema_version,
                created_at=round(now, 3),
                created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now)),
                host=socket.gethostname(),
                home=str(home),
                data_dir=str(data),
                config_dir=str(paths.config.resolve()),
                agent_folders=folders,
                models=models,
                models_included=with_models,
                entries=dict(writer.entries),
            )
            writer.add_bytes(mf.MANIFEST_NAME, manifest.to_bytes())
        os.utime(partial, (now, now))  # a backup's time is its file's (see vibing.backup.schedule)
        os.replace(partial, target)
    except OSError as exc:
        import errno

        for leftover in (partial, snapshot):
            leftover.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise DiskFull(
                f"The disk that holds {target.parent} is full: the backup was not written (nothing else changed).",
                path=str(target),
            ) from None
        if isinstance(exc, FileNotFoundError):
            raise NotFound(f"A file vanished while it was backed up: {exc.filename}.", path=str(exc.filename)) from None
        raise
    except BaseException:
        for leftover in (partial, snapshot):
            leftover.unlink(missing_ok=True)
        raise
    return Created(
        path=target, size=target.stat().st_size, seconds=round(time.perf_counter() - started, 3), manifest=manifest
    )
