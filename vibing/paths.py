"""Where Vibing keeps things: data, config, logs and the bus's runtime directory, and who may read them.

``VIBING_HOME`` overrides the platform's conventions (platformdirs) entirely,
which is how tests and side-by-side installs stay apart.

Everything here is private to the user.  The runtime directory holds the bus's
sockets and ``bus.json``: whoever controls it can put their own broker between
Vibing's processes and receive the API key and every project.  So it lives in
``$XDG_RUNTIME_DIR`` (per user, 0700, made by the login manager) when there is
one; otherwise in the shared temp dir, where a predictable name can be taken by
another local user first, so a folder we did not just create is used only if
it is ours, 0700 and not a symlink (:func:`private_runtime_dir`).  The data,
config, log and crash folders are 0700 and their files 0600; an install made
before that rule is repaired on the next start (:func:`ensure`).  Only our own
folders and files get these modes, explicitly: there is no process-wide umask,
so a project exported to a folder the user picked keeps the user's usual modes.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import platformdirs
import structlog

from vibing import log
from vibing.errors import UnsafeFolder

APP = "vibing"
# sockaddr_un.sun_path is 108 bytes on Linux; leave room for the socket names.
_MAX_IPC_DIR = 80
#: Modes of everything Vibing keeps for the user alone.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


@dataclass(frozen=True)
class Paths:
    data: Path
    config: Path
    logs: Path
    runtime: Path

    @property
    def config_file(self) -> Path:
        return self.config / "config.toml"

    @property
    def bus_file(self) -> Path:
        """Written by the running supervisor: its pid and the bus endpoints."""
        return self.runtime / "bus.json"

    @property
    def crash_dir(self) -> Path:
        return self.data / "crashes"

    @property
    def private_folders(self) -> tuple[Path, ...]:
        """The folders (and everything in them) that only the user may read: data, config, logs, crashes."""
        return (self.data, self.config, self.logs, self.crash_dir)


def user_runtime_dir() -> Path | None:
    """``$XDG_RUNTIME_DIR`` when it is what the XDG spec promises (a folder of ours, 0700), else None."""
    value = os.environ.get("XDG_RUNTIME_DIR")
    if not value:
        return None
    try:
        info = os.stat(value)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid() or info.st_mode & 0o077:
        return None
    return Path(value)


def _short_runtime_dir(digest: str) -> Path:
    """A short per-user folder for the bus sockets: in ``$XDG_RUNTIME_DIR``, else in the shared temp dir.

    ``$XDG_RUNTIME_DIR`` is usually short (``/run/user/1000``), but any value may be set;
    when socket paths would not fit there either, the temp dir's folder is used, with the
    same ownership, mode and symlink checks as always.
    """
    base = user_runtime_dir()
    if base is not None and len(str(base / f"vibing-{digest}")) <= _MAX_IPC_DIR:
        return base / f"vibing-{digest}"
    return Path(tempfile.gettempdir()) / f"vibing-{os.getuid()}-{digest}"


def socket_dir(preferred: Path, key: Path | None = None) -> Path:
    """``preferred``, or a short runtime folder when unix socket paths would be too long there.

    A folder outside ``preferred`` must go through :func:`private_runtime_dir` before use.
    """
    if len(str(preferred)) <= _MAX_IPC_DIR:
        return preferred
    return _short_runtime_dir(hashlib.sha1(str(key or preferred).encode()).hexdigest()[:12])


def resolve(data_dir: str | os.PathLike | None = None) -> Paths:
    """The paths in force; ``data_dir`` (from config) moves only the data."""
    home = os.environ.get("VIBING_HOME")
    if home:
        root = Path(home).expanduser().resolve()
        config = root / "config"
        data = Path(data_dir).expanduser() if data_dir else root / "data"
        runtime = socket_dir(root / "run", data)
    else:
        config = Path(platformdirs.user_config_dir(APP))
        data = Path(data_dir).expanduser() if data_dir else Path(platformdirs.user_data_dir(APP))
        runtime = _short_runtime_dir(hashlib.sha1(str(data).encode()).hexdigest()[:8])
    return Paths(data=data, config=config, logs=data / "logs", runtime=runtime)


def _refuse(folder: Path, problem: str) -> UnsafeFolder:
    return UnsafeFolder(
        f"Vibing will not use {folder} for its bus: {problem}. Another user of this machine could use it to "
        f"read your API key and projects. Remove it (`rm -r {folder}`, as its owner or root) and start Vibing "
        "again, or set XDG_RUNTIME_DIR to a private folder of yours.",
        folder=str(folder),
    )


def private_runtime_dir(folder: Path) -> Path:
    """Create ``folder`` 0700, or accept an existing one only if it is ours, 0700 and not a symlink.

    Never ``exist_ok`` on trust: in a shared temp dir anyone can create the
    folder before us, and then owns what goes in it.  Raises :class:`UnsafeFolder`.
    """
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.mkdir(folder, PRIVATE_DIR_MODE)
    except FileExistsError:
        pass
    else:
        os.chmod(folder, PRIVATE_DIR_MODE)  # a umask could have taken bits away; ours, just made
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode):
        raise _refuse(folder, f"it is a symbolic link (to {os.readlink(folder)})")
    if not stat.S_ISDIR(info.st_mode):
        raise _refuse(folder, "it is not a folder")
    if info.st_uid != os.geteuid():
        raise _refuse(folder, f"it belongs to another user (uid {info.st_uid}), not to you (uid {os.geteuid()})")
    mode = stat.S_IMODE(info.st_mode)
    if mode != PRIVATE_DIR_MODE:
        raise _refuse(folder, f"its permissions are {mode:04o}, and they must be 0700 (you alone)")
    return folder


def private_dir(folder: Path) -> Path:
    """Create ``folder`` (and missing parents) and make it 0700; for the data, config, log and crash folders."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if stat.S_IMODE(folder.stat().st_mode) != PRIVATE_DIR_MODE:
        os.chmod(folder, PRIVATE_DIR_MODE)
    return folder


def open_private(path: Path, flags: int = os.O_WRONLY | os.O_CREAT | os.O_APPEND) -> int:
    """``os.open`` a file of ours so that, if it is created, it is created 0600 (no window at 0644)."""
    fd = os.open(path, flags | os.O_CLOEXEC, PRIVATE_FILE_MODE)
    if stat.S_IMODE(os.fstat(fd).st_mode) & 0o077:
        os.fchmod(fd, PRIVATE_FILE_MODE)
    return fd


def write_private_text(path: Path, text: str) -> Path:
    """Write a new text file of ours (a crash report, a marker), 0600 from its first byte."""
    with os.fdopen(open_private(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def write_private_bytes(path: Path, data: bytes) -> Path:
    """Write a new binary file of ours (a cache, a temp file before ``os.replace``), 0600 from its first byte."""
    with os.fdopen(open_private(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "wb") as handle:
        handle.write(data)
    return path


def create_private_file(path: Path) -> Path:
    """Make sure ``path`` exists and is 0600 before another library opens it.

    SQLite gives its ``-wal`` and ``-shm`` files the database file's mode, so a
    database created here first keeps all three private.
    """
    os.close(open_private(path, os.O_RDONLY | os.O_CREAT))
    return path


def _walk(folder: Path) -> Iterator[tuple[str, os.stat_result]]:
    """Every folder and file under ``folder`` (itself included), by lstat; symlinks are not followed."""
    stack = [str(folder)]
    while stack:
        current = stack.pop()
        try:
            info = os.lstat(current)
        except OSError:
            continue
        yield current, info
        if stat.S_ISDIR(info.st_mode):
            try:
                with os.scandir(current) as entries:
                    stack.extend(entry.path for entry in entries)
            except OSError:
                continue


def repair_private(folders: tuple[Path, ...]) -> list[str]:
    """Take every bit for group and others off the folders and files under ``folders``; returns what changed.

    Installs made before Vibing kept its data private have 0755 folders and 0644
    files.  Symlinks are left alone (chmod would follow them out of our folders).
    """
    changed: list[str] = []
    seen: set[str] = set()
    for folder in folders:
        for path, info in _walk(folder):
            if path in seen:
                continue
            seen.add(path)
            if not (stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode)):
                continue
            mode = stat.S_IMODE(info.st_mode)
            if mode & 0o077:
                try:
                    os.chmod(path, mode & ~0o077)  # the owner's own bits stay (an executable stays one)
                except OSError:
                    continue
                changed.append(path)
    return changed


def ensure(paths: Paths) -> Paths:
    """Create the folders private, repair the modes of an older install, and check the runtime dir.

    Raises :class:`UnsafeFolder` when the runtime folder cannot be trusted.
    """
    repaired = repair_private(paths.private_folders)  # first, so the report counts the top folders too
    for folder in paths.private_folders:
        private_dir(folder)
    if repaired or _unreported:
        _report_repair(repaired)
    private_runtime_dir(paths.runtime)
    return paths


#: Repairs made before logging was set up, reported by the next :func:`ensure` after it is.
_unreported: list[str] = []


def _report_repair(repaired: list[str]) -> None:
    """Log the repair once, in the log file: held until structlog is configured (``ensure`` runs before it)."""
    _unreported.extend(repaired)
    if not structlog.is_configured():
        return
    log.get("vibing.paths").warning(
        "paths.made_private",
        count=len(_unreported),
        examples=_unreported[:5],
        why="folders are now 0700 and files 0600: other users of this machine can no longer read them",
    )
    _unreported.clear()
