"""Opening a zip someone else wrote without trusting it: the table of contents is bounded before it is read.

``zipfile.ZipFile`` reads the whole central directory into memory and makes a ``ZipInfo`` (about 600 bytes)
for each entry, whatever their number: 300,000 empty entries cost 180 MB and seconds.  :func:`open_zip`
bounds the directory's size first, then counts its records (walking their fixed 46-byte headers), never
trusting the entry count the end record declares, and only then hands the file to ``zipfile``.  Entries are
then read with :func:`read_bounded`, which takes one byte more than allowed to prove an entry too large,
whatever its header claims (a zip bomb declares small sizes).

Two readers share it: project imports (``services/storage/archive.py``) and backups (``vibing/backup``).
Each says what "too many entries" means for it through ``too_many``.
"""

from __future__ import annotations

import contextlib
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from vibing.errors import InvalidRequest, VibingError

#: Bytes of a zip's table of contents allowed per entry: a real entry needs about 100 (46 + its name + extras).
CENTRAL_BYTES_PER_ENTRY = 1024
_CENTRAL_HEADER = struct.Struct("<4s24xHHH12x")  # signature; name, extra and comment lengths (46 bytes)
_CENTRAL_SIGNATURE = b"PK\x01\x02"


def read_bounded(handle: IO[bytes], limit: int) -> bytes:
    """At most ``limit + 1`` bytes: one more than allowed proves the entry too large, whatever its header says."""
    return handle.read(limit + 1)


def check_zip_directory(source: Path, handle: IO[bytes], limit: int, too_many: Callable[[], VibingError]) -> None:
    """Refuse, before ``zipfile`` builds an object per entry, a zip whose table of contents lists too many.

    The end record is located by ``zipfile``'s own reader (zip64 included); ``too_many()`` is raised when
    the directory is larger than ``limit`` entries could need, or counts more than ``limit`` records.
    """
    try:
        end = zipfile._EndRecData(handle)  # noqa: SLF001  (the stdlib's end-record reader, zip64 included)
    except OSError:
        end = None
    if not end:
        raise InvalidRequest(f"{source} is not a readable zip file: no end of central directory.", path=str(source))
    size = end[zipfile._ECD_SIZE]  # noqa: SLF001
    if size > limit * CENTRAL_BYTES_PER_ENTRY:
        raise too_many()
    # Where the directory starts, as zipfile computes it (data may precede the zip: a self-extractor).
    start = end[zipfile._ECD_LOCATION] - size  # noqa: SLF001
    if end[zipfile._ECD_SIGNATURE] == zipfile.stringEndArchive64:  # noqa: SLF001
        start -= zipfile.sizeEndCentDir64 + zipfile.sizeEndCentDir64Locator
    if start < 0:
        raise InvalidRequest(f"{source} is not a readable zip file: a bad central directory.", path=str(source))
    handle.seek(start)
    directory = handle.read(size)
    count, at = 0, 0
    while at + _CENTRAL_HEADER.size <= len(directory):
        signature, name_len, extra_len, comment_len = _CENTRAL_HEADER.unpack_from(directory, at)
        if signature != _CENTRAL_SIGNATURE:
            break
        count += 1
        if count > limit:
            raise too_many()
        at += _CENTRAL_HEADER.size + name_len + extra_len + comment_len


@contextlib.contextmanager
def open_zip(source: Path, limit: int, too_many: Callable[[], VibingError]) -> Iterator[zipfile.ZipFile]:
    """``source`` as a ``ZipFile`` for a ``with`` block, after :func:`check_zip_directory` bounded its entries.

    Raises ``InvalidRequest`` ("is not a readable zip file: ...") for anything that is not a zip, or a
    truncated one, and ``too_many()`` for a table of contents longer than ``limit`` entries.  The file is
    opened once, so the zip that was checked is the zip that is read.
    """
    try:
        handle = open(source, "rb")  # noqa: SIM115  (handed to ZipFile, closed with it)
    except OSError as exc:
        raise InvalidRequest(f"{source} is not a readable zip file: {exc}", path=str(source)) from None
    with handle:
        try:
            check_zip_directory(source, handle, limit, too_many)
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError) as exc:
            raise InvalidRequest(f"{source} is not a readable zip file: {exc}", path=str(source)) from None
        with archive:
            if len(archive.infolist()) > limit:  # cannot happen after the check; the bound never depends on it
                raise too_many()
            yield archive
