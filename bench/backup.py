"""Rows for whole-app backups: ``vibing backup create`` and ``restore`` throughput, and their peak memory.

A 200 MB data folder is built directly with apsw (the app's schema, then 200 one-megabyte rows of text in
the content-addressed ``blobs`` table, which has no full-text index to feed), so the setup takes seconds,
not the minutes that 200 MB of projects written through the bus would.  Then the two commands run as the
person would run them, each its own process: its peak RSS is its own ``VmHWM``, and its throughput is
the database's size over its wall time (create: snapshot, compress, hash; restore: verify every checksum,
stage, swap, integrity check).
"""

from __future__ import annotations

import hashlib
import os
import random
import string
import subprocess
import sys
import time
from pathlib import Path

from vibing.bench import Row

PREFIX = "backup."
MEGABYTES = 200
#: Every process involved stays under this (issue 21), whatever the database's size.
RSS_TARGET_MB = 100.0


def build(home: Path, megabytes: int = MEGABYTES) -> Path:
    """A Vibing home whose database holds ``megabytes`` MB of text; the database's path."""
    import apsw

    from vibing.services.storage.db import Database, db_path

    data = home / "data"
    data.mkdir(parents=True, exist_ok=True)
    Database(db_path(data)).close()  # the schema, through the app's own migrations
    rng = random.Random(21)
    words = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 9))) for _ in range(4000)]
    conn = apsw.Connection(str(db_path(data)))
    with conn:
        for _ in range(megabytes):
            text = " ".join(rng.choices(words, k=190_000))[: 1024 * 1024]
            conn.execute(
                "INSERT INTO blobs(sha256, content) VALUES (?, ?)", (hashlib.sha256(text.encode()).hexdigest(), text)
            )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    conn.close()
    return db_path(data)


def _hwm_mb(pid: int) -> float:
    """The process's own peak RSS so far (``VmHWM``: per address space, so nothing of the bench's is counted)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _run(home: Path, *args: str) -> tuple[float, float]:
    """Run ``vibing ARGS`` for ``home``; (wall seconds, peak RSS in MB) of that process.

    ``wait4``'s ``ru_maxrss`` would count the bench's own memory (a forked child inherits its parent's high-water
    mark, and keeps it across ``exec``), so the child's ``VmHWM`` is read every 20 ms until it exits: a high-water
    mark, so the last reading is the peak up to 20 ms before the end.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIBING_")}
    env.update(VIBING_HOME=str(home), HOME=str(home / "user"))
    (home / "user").mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "vibing", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peak = 0.0
    while True:
        peak = max(peak, _hwm_mb(proc.pid))
        try:
            proc.wait(timeout=0.02)
            break
        except subprocess.TimeoutExpired:
            continue
    seconds = time.perf_counter() - started
    error = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if proc.returncode != 0:
        raise RuntimeError(f"vibing {' '.join(args)} failed: {error[-500:]}")
    return seconds, peak


def run(workdir: str) -> list[Row]:
    root = Path(workdir) / "backup-bench"
    source = root / "old"
    db = build(source)
    size_mb = db.stat().st_size / 1024 / 1024
    archive = root / "backup.zip"
    create_s, create_rss = _run(source, "backup", "create", str(archive))
    restore_s, restore_rss = _run(root / "new", "backup", "restore", str(archive))
    note = f"{size_mb:.0f} MB database; archive {archive.stat().st_size / 1024 / 1024:.0f} MB"
    return [
        Row("backup.create_mb_per_s", round(size_mb / create_s, 1), "MB/s", direction=">", note=note),
        Row("backup.restore_mb_per_s", round(size_mb / restore_s, 1), "MB/s", direction=">", note=note),
        Row("backup.create_peak_rss_mb", round(create_rss, 1), "MB", target=RSS_TARGET_MB, note="the whole process"),
        Row("backup.restore_peak_rss_mb", round(restore_rss, 1), "MB", target=RSS_TARGET_MB, note="the whole process"),
    ]
