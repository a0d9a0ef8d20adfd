"""Export a project to a folder or a zip; read a zip or a folder back as files.

Exports are byte-exact: a file's stored text is written as UTF-8 with nothing
added or changed, so export -> import -> export gives identical bytes.  A small
manifest (``.vibing-project.json``) carries the name, description and type; it
is not a project file.  Reading applies the same validation as every other
write (safe relative paths, text only, size and count limits) and refuses
symlinks, so an archive cannot place anything outside the project.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from vibing import archive as bounded_zip
from vibing import project_files as validation
from vibing.archive import read_bounded
from vibing.errors import Conflict, FileTooLarge, InvalidPath, InvalidRequest, LimitExceeded, NotFound
from vibing.project_files import Limits
from vibing.schema.storage import FileData

MANIFEST = ".vibing-project.json"
#: Folders never imported from a folder on disk (dependencies, VCS and caches).
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".DS_Store", ".idea", ".vscode"}
SKIP_FILES = {".DS_Store", "Thumbs.db"}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass
class Bundle:
    """What an import read: metadata from the manifest (if any) and the files."""

    name: str = ""
    description: str = ""
    project_type: str = ""
    files: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def _manifest(project: dict) -> bytes:
    return (json.dumps(project, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def export(target: Path, fmt: str, project: dict, files: list[FileData], *, overwrite: bool = False) -> tuple[int, int]:
    """Write ``files`` to ``target``; returns (file count, bytes of file content)."""
    target = Path(target)
    if not target.is_absolute():
        raise InvalidPath(f"Export needs an absolute path, not {str(target)!r}.", path=str(target))
    if fmt not in ("zip", "folder"):
        raise InvalidRequest(f"Unknown export format {fmt!r}; choose zip or folder.")
    total = 0
    if fmt == "zip":
        if target.exists() and not overwrite:
            raise Conflict(f"{target} already exists; choose another name or allow overwriting.", path=str(target))
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".partial")
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for file in files:
                data = file.content.encode("utf-8")
                total += len(data)
                info = zipfile.ZipInfo(file.path, date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
            info = zipfile.ZipInfo(MANIFEST, date_time=_ZIP_TIME)
            info.external_attr = 0o644 << 16
            archive.writestr(info, _manifest(project))
        os.replace(tmp, target)
        return len(files), total
    if target.exists():
        if not target.is_dir():
            raise Conflict(f"{target} exists and is not a folder.", path=str(target))
        if any(target.iterdir()):
            if not overwrite:
                raise Conflict(f"The folder {target} is not empty; choose an empty or new folder.", path=str(target))
            shutil.rmtree(target)
    staging = target.with_name(f".{target.name}.partial-{os.getpid()}")
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    try:
        for file in files:
            validation.check_path(file.path)  # stored paths are safe; checked again before touching disk
            dest = staging.joinpath(*PurePosixPath(file.path).parts)
            dest.parent.mkdir(parents=True, exist_ok=True)
            data = file.content.encode("utf-8")
            total += len(data)
            dest.write_bytes(data)
        (staging / MANIFEST).write_bytes(_manifest(project))
        if target.exists():
            target.rmdir()
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return len(files), total


def _apply_manifest(bundle: Bundle, data: bytes) -> None:
    try:
        meta = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return
    if isinstance(meta, dict):
        bundle.name = str(meta.get("name") or "")
        bundle.description = str(meta.get("description") or "")
        bundle.project_type = str(meta.get("project_type") or "")


def _add(bundle: Bundle, path: str, data: bytes, limits: Limits, running: list[int]) -> None:
    text = validation.decode_text(path, data, limits)
    running[0] += len(data)
    if len(bundle.files) + 1 > limits.max_files:
        raise FileTooLarge(
            f"The import has more than {limits.max_files} files, the limit per project.", limit=limits.max_files
        )
    if running[0] > limits.max_project_bytes:
        raise FileTooLarge(
            f"The import holds more than {validation.human_bytes(limits.max_project_bytes)} of files, "
            "the limit per project.",
            limit=limits.max_project_bytes,
        )
    bundle.files[path] = text


#: Entries an archive or a folder may hold, per file a project may hold: every entry is counted (folders, and the
#: skipped ``node_modules/`` ones included), so 300,000 skipped entries cannot keep the worker busy or swell it.
ENTRIES_PER_FILE = 10
#: The manifest holds a name, a description and a type: it is never larger than this.
MAX_MANIFEST_BYTES = 1024 * 1024


def entry_limit(limits: Limits) -> int:
    """The most entries an import reads before refusing (see :data:`ENTRIES_PER_FILE`)."""
    return max(1000, limits.max_files * ENTRIES_PER_FILE)


def _too_many_entries(source: Path, limit: int) -> LimitExceeded:
    return LimitExceeded(
        f"{source.name} holds more than {limit} entries (files and folders, skipped ones included), the limit "
        f"for an import ({ENTRIES_PER_FILE} per file a project may hold).",
        path=str(source),
        limit=limit,
    )


def _manifest_bytes(source_name: str, data: bytes) -> bytes:
    if len(data) > MAX_MANIFEST_BYTES:
        raise FileTooLarge(
            f"{source_name}: the manifest {MANIFEST} is larger than {validation.human_bytes(MAX_MANIFEST_BYTES)}, "
            "the most a manifest may hold.",
            path=MANIFEST,
            limit=MAX_MANIFEST_BYTES,
        )
    return data


def _read_zip_entry(
    source: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, bundle: Bundle, limits: Limits, running: list[int]
) -> None:
    name = info.filename
    if info.is_dir():
        return
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise InvalidPath(f"{name}: the zip holds a symbolic link; links cannot be imported.", path=name)
    if name == MANIFEST:
        with archive.open(info) as entry:
            _apply_manifest(bundle, _manifest_bytes(source.name, read_bounded(entry, MAX_MANIFEST_BYTES)))
        return
    top = name.split("/", 1)[0]
    if top in SKIP_DIRS or name.rsplit("/", 1)[-1] in SKIP_FILES:
        bundle.skipped.append(name)
        return
    validation.check_path(info.orig_filename)  # zipfile cuts a name at a NUL: check it whole
    if info.file_size > limits.max_file_bytes:
        raise FileTooLarge(
            f"{name} is {validation.human_bytes(info.file_size)}; the limit per file is "
            f"{validation.human_bytes(limits.max_file_bytes)}.",
            path=name,
            size=info.file_size,
            limit=limits.max_file_bytes,
        )
    # The declared size may lie: decompress at most the limit + 1 bytes, and let decode_text refuse more.
    with archive.open(info) as entry:
        data = read_bounded(entry, limits.max_file_bytes)
    _add(bundle, name, data, limits, running)


def read_zip(source: Path, limits: Limits) -> Bundle:
    bundle = Bundle(name=source.stem)
    running = [0]
    limit = entry_limit(limits)
    with bounded_zip.open_zip(source, limit, lambda: _too_many_entries(source, limit)) as archive:
        for info in archive.infolist():
            try:
                _read_zip_entry(source, archive, info, bundle, limits, running)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
                # A CRC that does not match (an entry that lied about its size), a broken stream, an
                # unsupported or encrypted entry: the archive is refused as damaged, nothing is kept.
                raise InvalidRequest(
                    f"{source.name} is damaged or unsupported at {info.filename}: {exc}",
                    path=str(source),
                    entry=info.filename,
                ) from None
    return bundle


_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def _read_entry(dir_fd: int, name: str, rel: str, limit: int) -> bytes:
    """Read one file of a folder import with no check-then-read race.

    The file is opened relative to its folder's descriptor with ``O_NOFOLLOW`` (a symbolic link, even one
    swapped in after the listing, fails to open) and ``O_NONBLOCK`` (a FIFO cannot hang the worker); what was
    opened is then checked on the descriptor itself (a regular file), and at most ``limit + 1`` bytes are read
    whatever size it reports, so a file that grows meanwhile cannot bomb us either.
    """
    try:
        fd = os.open(name, _OPEN_FLAGS, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InvalidPath(f"{rel}: symbolic links cannot be imported.", path=rel) from None
        raise InvalidRequest(f"{rel} could not be read: {exc.strerror}.", path=rel) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InvalidPath(
                f"{rel} is not a regular file (a device, FIFO or socket); it cannot be imported.", path=rel
            )
        if info.st_size > limit:
            raise FileTooLarge(
                f"{rel} is {validation.human_bytes(info.st_size)}; the limit per file is "
                f"{validation.human_bytes(limit)}.",
                path=rel,
                size=info.st_size,
                limit=limit,
            )
        return read_bounded(handle, limit)


def read_folder(source: Path, limits: Limits) -> Bundle:
    """Read a folder as project files: no symbolic links, regular files only, every entry counted.

    The walk is ``os.fwalk`` (it opens each sub-folder relative to its parent's descriptor and checks it is the
    folder it listed), and each file is opened through :func:`_read_entry`; so nothing swapped on disk during
    the import can make it read outside the folder.
    """
    bundle = Bundle(name=source.name)
    running = [0]
    limit = entry_limit(limits)
    seen = 0
    root = source.resolve()
    for dirpath, dirnames, filenames, dir_fd in os.fwalk(root, follow_symlinks=False):
        seen += len(dirnames) + len(filenames)
        if seen > limit:
            raise _too_many_entries(source, limit)
        here = PurePosixPath(Path(dirpath).relative_to(root).as_posix())
        kept = []
        for name in sorted(dirnames):
            if name in SKIP_DIRS:
                continue
            if stat.S_ISLNK(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode):
                rel = (here / name).as_posix()
                raise InvalidPath(f"{rel}: symbolic links cannot be imported.", path=rel)
            kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            rel = (here / name).as_posix()
            if rel == MANIFEST:
                data = _read_entry(dir_fd, name, rel, MAX_MANIFEST_BYTES)
                _apply_manifest(bundle, _manifest_bytes(source.name, data))
                continue
            if name in SKIP_FILES:
                bundle.skipped.append(rel)
                continue
            validation.check_path(rel)
            _add(bundle, rel, _read_entry(dir_fd, name, rel, limits.max_file_bytes), limits, running)
    return bundle


def read(source: Path, limits: Limits) -> Bundle:
    source = Path(source)
    if not source.is_absolute():
        raise InvalidPath(f"Import needs an absolute path, not {str(source)!r}.", path=str(source))
    if source.is_dir():
        return read_folder(source, limits)
    if source.is_file():
        return read_zip(source, limits)
    raise NotFound(f"Nothing to import at {source}.", path=str(source))
