"""Checking a backup archive without trusting it, before anything is restored from it (and for ``verify``/``ls``).

The archive is opened with the bounded reader (:func:`vibing.archive.open_zip`: the table of contents is
counted before ``zipfile`` reads it), its manifest is read with a size cap, and then every entry is checked:
a safe relative name, not a symbolic link, listed in the manifest exactly once, the size the manifest and
the zip both declare, and the sha256 the manifest records.  Each entry is decompressed in 1 MiB chunks and
never beyond its declared size plus one byte, so a zip bomb (an entry that claims to be small and expands
to gigabytes) is caught after one chunk too many, with nothing written anywhere.
"""

from __future__ import annotations

import hashlib
import stat
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vibing import archive as bounded_zip
from vibing.backup import manifest as mf
from vibing.errors import FileTooLarge, InvalidPath, InvalidRequest, LimitExceeded

CHUNK = 1024 * 1024


@dataclass
class Verified:
    path: Path
    manifest: mf.Manifest
    size: int

    @property
    def total_bytes(self) -> int:
        return self.manifest.total_bytes


def _too_many(source: Path) -> Callable[[], LimitExceeded]:
    return lambda: LimitExceeded(
        f"{source.name} holds more than {mf.MAX_ENTRIES} entries, more than any Vibing backup.",
        path=str(source),
        limit=mf.MAX_ENTRIES,
    )


def _damaged(source: Path, name: str, why: str) -> InvalidRequest:
    return InvalidRequest(
        f"{source.name} is damaged at {name}: {why}. Nothing was restored; use another backup.",
        path=str(source),
        entry=name,
    )


def read_entry(
    source: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, expected: mf.Entry, sink: Callable[[bytes], object]
) -> None:
    """Decompress ``info`` into ``sink`` chunk by chunk, refusing more bytes than declared or a wrong sha256."""
    digest, size = hashlib.sha256(), 0
    try:
        with archive.open(info) as entry:
            while chunk := bounded_zip.read_bounded(entry, min(CHUNK, expected.size - size + 1) - 1):
                size += len(chunk)
                if size > expected.size:
                    raise FileTooLarge(
                        f"{source.name}: {info.filename} expands beyond the {expected.size:,} bytes it declares "
                        "(a zip bomb?). Nothing was restored.",
                        path=str(source),
                        entry=info.filename,
                    )
                digest.update(chunk)
                sink(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile) and exc.errno is not None:
            raise  # the disk we write to, not the archive
        raise _damaged(source, info.filename, str(exc) or type(exc).__name__) from None
    if size != expected.size:
        raise _damaged(source, info.filename, f"{size:,} bytes where the manifest says {expected.size:,}")
    if digest.hexdigest() != expected.sha256:
        raise _damaged(source, info.filename, "its checksum (sha256) does not match the manifest")


def check_entries(source: Path, archive: zipfile.ZipFile, manifest: mf.Manifest) -> dict[str, zipfile.ZipInfo]:
    """Every entry's name, kind and declared size against the manifest; the entries by name."""
    found: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        name = info.orig_filename  # zipfile cuts a name at a NUL: check it whole
        mf.check_name(name.rstrip("/") if info.is_dir() else name)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise InvalidPath(f"{source.name}: {name} is a symbolic link; a backup never holds links.", path=name)
        if info.is_dir():
            continue
        if name in found:
            raise InvalidRequest(f"{source.name} holds {name} twice; it is not a backup Vibing wrote.", path=name)
        if name != mf.MANIFEST_NAME:
            expected = manifest.entries.get(name)
            if expected is None:
                raise InvalidRequest(f"{source.name} holds {name}, which its manifest does not list.", path=name)
            if info.file_size != expected.size:
                raise _damaged(source, name, f"the zip says {info.file_size:,} bytes, the manifest {expected.size:,}")
        found[name] = info
    missing = sorted(set(manifest.entries) - set(found))
    if missing:
        raise _damaged(source, missing[0], "the manifest lists it but the archive does not hold it (truncated?)")
    return found


def read_manifest(source: Path, archive: zipfile.ZipFile) -> mf.Manifest:
    try:
        info = archive.getinfo(mf.MANIFEST_NAME)
    except KeyError:
        raise InvalidRequest(f"{source.name} is not a Vibing backup: it has no {mf.MANIFEST_NAME}.") from None
    if info.file_size > mf.MAX_MANIFEST_BYTES:
        raise FileTooLarge(f"{source.name}: its manifest is larger than any Vibing writes.", path=str(source))
    try:
        with archive.open(info) as handle:
            data = bounded_zip.read_bounded(handle, mf.MAX_MANIFEST_BYTES)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise _damaged(source, mf.MANIFEST_NAME, str(exc)) from None
    if len(data) > mf.MAX_MANIFEST_BYTES:
        raise FileTooLarge(f"{source.name}: its manifest is larger than any Vibing writes.", path=str(source))
    return mf.parse(data, source.name)


def verify(source: Path, *, progress: Callable[[int, int, str], None] | None = None) -> Verified:
    """Check ``source`` whole (names, sizes, checksums); raises a ``VibingError`` with one clear message."""
    source = Path(source).expanduser().absolute()
    if not source.is_file():
        raise InvalidRequest(f"There is no backup file at {source}.", path=str(source))
    with bounded_zip.open_zip(source, mf.MAX_ENTRIES + 1, _too_many(source)) as archive:
        manifest = read_manifest(source, archive)
        infos = check_entries(source, archive, manifest)
        done, total = 0, manifest.total_bytes
        for name, expected in manifest.entries.items():

            def count(chunk: bytes, name: str = name) -> None:
                nonlocal done
                done += len(chunk)
                if progress is not None:
                    progress(done, total, name)

            read_entry(source, archive, infos[name], expected, count)
    return Verified(path=source, manifest=manifest, size=source.stat().st_size)
