"""Export a project to a folder or a zip; read a zip or a folder back as files.

Exports are byte-exact: a file's stored text is written as UTF-8 with nothing
added or changed, so export -> import -> export gives identical bytes.  A small
manifest (``.vibing-project.json``) carries the name, description and type; it
is not a project file.  Reading applies the same validation as every other
write (safe relative paths, text only, size and count limits) and refuses
symlinks, so an archive cannot place anything outside the project.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from vibing import project_files as validation
from vibing.errors import Conflict, FileTooLarge, InvalidPath, InvalidRequest, NotFound
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


def read_zip(source: Path, limits: Limits) -> Bundle:
    bundle = Bundle(name=source.stem)
    running = [0]
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InvalidRequest(f"{source} is not a readable zip file: {exc}", path=str(source)) from None
    with archive:
        for info in archive.infolist():
            name = info.filename
            if info.is_dir():
                continue
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise InvalidPath(f"{name}: the zip holds a symbolic link; links cannot be imported.", path=name)
            if name == MANIFEST:
                _apply_manifest(bundle, archive.read(info)[:1_000_000])
                continue
            top = name.split("/", 1)[0]
            if top in SKIP_DIRS or name.rsplit("/", 1)[-1] in SKIP_FILES:
                bundle.skipped.append(name)
                continue
            validation.check_path(info.orig_filename)  # zipfile cuts a name at a NUL: check it whole
            if info.file_size > limits.max_file_bytes:
                raise FileTooLarge(
                    f"{name} is {validation.human_bytes(info.file_size)}; the limit per file is "
                    f"{validation.human_bytes(limits.max_file_bytes)}.",
                    path=name,
                    size=info.file_size,
                    limit=limits.max_file_bytes,
                )
            with archive.open(info) as handle:  # read at most the limit (+1): a lying header cannot bomb us
                data = handle.read(limits.max_file_bytes + 1)
            _add(bundle, name, data, limits, running)
    return bundle


def read_folder(source: Path, limits: Limits) -> Bundle:
    bundle = Bundle(name=source.name)
    running = [0]
    root = source.resolve()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        for name in sorted(filenames):
            full = Path(dirpath) / name
            rel = full.relative_to(root).as_posix()
            if rel == MANIFEST:
                _apply_manifest(bundle, full.read_bytes()[:1_000_000])
                continue
            if name in SKIP_FILES:
                bundle.skipped.append(rel)
                continue
            if full.is_symlink():
                raise InvalidPath(f"{rel}: symbolic links cannot be imported.", path=rel)
            if not full.is_file():
                bundle.skipped.append(rel)
                continue
            validation.check_path(rel)
            size = full.stat().st_size
            if size > limits.max_file_bytes:
                raise FileTooLarge(
                    f"{rel} is {validation.human_bytes(size)}; the limit per file is "
                    f"{validation.human_bytes(limits.max_file_bytes)}.",
                    path=rel,
                    size=size,
                    limit=limits.max_file_bytes,
                )
            _add(bundle, rel, full.read_bytes(), limits, running)
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
