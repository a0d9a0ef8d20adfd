"""Hostile archives and folders against a real app: a zip bomb, a flood of skipped entries, links out of a folder.

Each attack goes through the bus to the real storage worker (``ImportProject``), as the window or the CLI
would send it.  Each must end in a typed error that names the limit or the reason, with the worker's peak
memory (``VmHWM`` in ``/proc/<pid>/status``) under a bound, the same worker still serving (not restarted as
crashed or hung), and nothing written.  The zips are built byte by byte here, so that a 1.5 MB file really
expands to 1.5 GB without the test having to compress 1.5 GB.
"""

from __future__ import annotations

import os
import struct
import threading
import zlib
from pathlib import Path

import pytest

from vibing.errors import FileTooLarge, InvalidPath, InvalidRequest, LimitExceeded
from vibing.schema.storage import ImportProject, ListProjects, LoadProject
from vibing.schema.supervisor import Status

#: The storage worker's peak resident memory during an attack may not pass this (it idles near 50 MB;
#: the attacks took it past 800 MB before they were bounded).
PEAK_RSS_MB = 200
GB = 1024 * 1024 * 1024
MB = 1024 * 1024


# -- building hostile zips -------------------------------------------------------------------------


def _deflate_repeated(block: bytes, times: int) -> bytes:
    """A deflate stream of ``block`` repeated ``times`` times, built by compressing ``block`` only once.

    A full flush ends a compressed block on a byte boundary with no reference to what came before, so the
    same compressed bytes can be repeated; a final empty block closes the stream.
    """
    squeezer = zlib.compressobj(9, zlib.DEFLATED, -15)
    one = squeezer.compress(block) + squeezer.flush(zlib.Z_FULL_FLUSH)
    return one * times + zlib.compressobj(9, zlib.DEFLATED, -15).flush()


def _crc_repeated(block: bytes, times: int) -> int:
    crc = 0
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    return crc


def write_zip(path: Path, entries: list[tuple[str, int, bytes, int, int]]) -> None:
    """Write a zip from raw entries: (name, method, stored bytes, crc, the uncompressed size it declares)."""
    local, central = bytearray(), bytearray()
    for name, method, data, crc, size in entries:
        raw = name.encode()
        offset = len(local)
        local += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, method, 0, 0x21, crc, len(data), size, len(raw), 0)
        local += raw + data
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            20,
            20,
            0,
            method,
            0,
            0x21,
            crc,
            len(data),
            size,
            len(raw),
            0,
            0,
            0,
            0,
            0o644 << 16,
            offset,
        )
        central += raw
    count, end = len(entries), b""
    if count > 0xFFFF:  # zip64 end records carry the real count; the classic one says "see zip64"
        at = len(local) + len(central)
        end += struct.pack("<4sQHHIIQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, len(central), len(local))
        end += struct.pack("<4sIQI", b"PK\x06\x07", 0, at, 1)
        count = 0xFFFF
    end += struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count, count, len(central), len(local), 0)
    path.write_bytes(bytes(local) + bytes(central) + end)


def bomb_zip(path: Path, name: str, *, declared: int | None = None) -> Path:
    """One entry that expands to 1.5 GB of spaces; it declares that size, or ``declared`` (a lie)."""
    block, times = b" " * MB, 1536
    write_zip(path, [(name, 8, _deflate_repeated(block, times), _crc_repeated(block, times), declared or times * MB)])
    assert path.stat().st_size < 2 * MB
    return path


def flood_zip(path: Path, count: int = 300_000) -> Path:
    """``count`` empty entries under node_modules/ (each one skipped by an import) and one real file."""
    entries = [(f"node_modules/{i}", 0, b"", 0, 0) for i in range(count)]
    entries.append(("index.html", 0, b"<p>hi</p>", zlib.crc32(b"<p>hi</p>"), 9))
    write_zip(path, entries)
    return path


# -- watching the storage worker -------------------------------------------------------------------


def _storage(bus):
    return next(s for s in bus.request("supervisor", Status()).services if s.name == "storage")


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmHWM for pid {pid}")


def _attack(app, path: Path, error: type, match: str):
    """Import ``path``; assert the typed error, a bounded worker, the same worker, and nothing written."""
    bus = app.bus()
    before = _storage(bus)
    projects_before = bus.request("storage", ListProjects()).total
    with pytest.raises(error, match=match) as refused:
        bus.request("storage", ImportProject(path=str(path)), timeout=60)
    after = _storage(bus)
    assert (after.pid, after.restarts, after.state) == (before.pid, before.restarts, "ready")
    peak = _peak_rss_mb(after.pid)
    assert peak < PEAK_RSS_MB, f"the storage worker peaked at {peak:.0f} MB"
    assert bus.request("storage", ListProjects()).total == projects_before
    return refused.value


def test_zip_bomb_manifest_is_refused_at_its_limit(app, tmp_path: Path) -> None:
    bomb = bomb_zip(tmp_path / "bomb.zip", ".vibing-project.json")
    refused = _attack(app, bomb, FileTooLarge, r"manifest .* larger than 1 MB")
    assert refused.details["limit"] == MB


def test_zip_entry_that_lies_about_its_size_is_never_expanded(app, tmp_path: Path) -> None:
    """It says 10 bytes and holds 1.5 GB: at most the declared size (or the limit) is decompressed, then the
    checksum shows the lie."""
    liar = bomb_zip(tmp_path / "liar.zip", "index.html", declared=10)
    refused = _attack(app, liar, InvalidRequest, r"liar\.zip is damaged or unsupported at index\.html: Bad CRC-32")
    assert refused.details["entry"] == "index.html"
    at_limit = bomb_zip(tmp_path / "at-limit.zip", "index.html", declared=2 * MB)  # a size that passes the check
    _attack(app, at_limit, InvalidRequest, r"at-limit\.zip is damaged or unsupported at index\.html")


def test_300k_skipped_entries_are_counted_and_refused(app, tmp_path: Path) -> None:
    flood = flood_zip(tmp_path / "flood.zip")
    refused = _attack(app, flood, LimitExceeded, r"more than 20000 entries \(files and folders, skipped ones")
    assert refused.details["limit"] == 20_000


def test_folder_import_refuses_links_out_and_special_files(app, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the neighbour's diary")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "diary.txt").write_text("more of it")

    linked_file = tmp_path / "linked-file"
    (linked_file / "src").mkdir(parents=True)
    (linked_file / "index.html").write_text("<p>hi</p>")
    (linked_file / "src" / "notes.txt").symlink_to(secret)
    _attack(app, linked_file, InvalidPath, r"src/notes\.txt: symbolic links cannot be imported")

    linked_folder = tmp_path / "linked-folder"
    linked_folder.mkdir()
    (linked_folder / "index.html").write_text("<p>hi</p>")
    (linked_folder / "assets").symlink_to(outside)
    _attack(app, linked_folder, InvalidPath, r"assets: symbolic links cannot be imported")

    # A FIFO would block a plain open() forever (no writer ever comes); it must be refused at once instead.
    fifo_folder = tmp_path / "fifo"
    fifo_folder.mkdir()
    (fifo_folder / "index.html").write_text("<p>hi</p>")
    os.mkfifo(fifo_folder / "pipe.txt")
    _attack(app, fifo_folder, InvalidPath, r"pipe\.txt is not a regular file")


def test_folder_swapped_for_a_link_during_the_import_never_leaks(app, tmp_path: Path) -> None:
    """A file replaced by a symbolic link while the import runs (the check-then-read race) is refused or read as
    the file it was, never followed: the secret's text is in no project."""
    secret = tmp_path / "secret.txt"
    secret.write_text("the neighbour's diary")
    root = tmp_path / "racy"
    root.mkdir()
    for i in range(1500):
        (root / f"f{i:04}.txt").write_text("plain text")
    stop = threading.Event()

    def swap() -> None:  # keep turning the files into links to the secret and back, as fast as possible
        while not stop.is_set():
            for i in range(1500):
                target, spare = root / f"f{i:04}.txt", root / f".spare{i:04}"
                try:
                    spare.symlink_to(secret)
                    os.replace(spare, target)
                    spare.write_text("plain text")
                    os.replace(spare, target)
                except OSError:
                    pass

    bus = app.bus()
    projects_before = bus.request("storage", ListProjects()).total
    swapper = threading.Thread(target=swap, daemon=True)
    swapper.start()
    try:
        try:
            reply = bus.request("storage", ImportProject(path=str(root)), timeout=60)
        except InvalidRequest as exc:  # refused whole: a link caught on the opened file, or a file gone mid-walk
            assert "symbolic links cannot be imported" in exc.message or (
                type(exc) is InvalidRequest and "could not be read: No such file" in exc.message
            )
            assert bus.request("storage", ListProjects()).total == projects_before, "a refused import writes nothing"
        else:
            loaded = bus.request("storage", LoadProject(project_id=reply.project.id))
            assert all("diary" not in f.content for f in loaded.files)
    finally:
        stop.set()
        swapper.join()
