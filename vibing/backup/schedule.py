"""Daily automatic backups into ``<data>/backups``, the last ``keep`` of them kept.

The storage service owns the schedule (it holds the database, and its ``tick`` runs between requests): it
asks :meth:`Daily.due` now and then, and when a backup is due it runs :meth:`Daily.run` on a thread of its
own, so requests are not held up.  ``Backup now`` (Settings) runs the same thing at once.

Time comes from ``clock`` (``time.time`` in the app), and a backup's time is its file's modification time,
which :func:`vibing.backup.create.create` sets to the clock's ``now``: so a test moves a fake clock forward
a day and sees a backup become due, and sees the eighth one prune the first, without waiting.  Only
automatic backups (``vibing-auto-*.zip``) are pruned; the ones a person made with ``vibing backup create``
stay until they delete them.  The first automatic backup is not taken in the first minutes after a start
(:data:`FIRST_DELAY_S`), which keep a launch quick.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vibing import paths as paths_mod
from vibing.backup import create as create_mod
from vibing.config import Config

INTERVAL_S = 24 * 3600.0
FIRST_DELAY_S = 300.0
AUTO_KIND = "auto"
_AUTO = re.compile(r"^vibing-auto-\d{8}T\d{6}Z(?:-\d+)?\.zip$")
#: A ``.partial`` archive older than this was left by a backup that was killed: removed by :meth:`Daily.prune`.
STALE_PARTIAL_S = 3600.0


@dataclass(frozen=True)
class BackupFile:
    path: Path
    at: float
    size: int

    @property
    def automatic(self) -> bool:
        return bool(_AUTO.match(self.path.name))


def backups(folder: Path) -> list[BackupFile]:
    """The finished backups in ``folder``, oldest first."""
    found = []
    if folder.is_dir():
        for path in folder.glob("*.zip"):
            try:
                info = path.stat()
            except OSError:
                continue
            found.append(BackupFile(path=path, at=info.st_mtime, size=info.st_size))
    found.sort(key=lambda b: (b.at, b.path.name))
    return found


class Daily:
    """The daily backup of one Vibing: when it is due, taking it, and pruning the old ones."""

    def __init__(
        self,
        paths: paths_mod.Paths,
        config: Config,
        *,
        clock: Callable[[], float] = time.time,
        interval_s: float = INTERVAL_S,
        first_delay_s: float = FIRST_DELAY_S,
    ) -> None:
        self.paths = paths
        self.config = config
        self.folder = create_mod.backups_dir(paths)
        self.keep = config.backup_keep
        self.clock = clock
        self.interval_s = interval_s
        self.started = clock()
        self.first_delay_s = first_delay_s
        self.lock = threading.Lock()
        self.last_error = ""

    def last(self) -> BackupFile | None:
        found = backups(self.folder)
        return found[-1] if found else None

    def due(self) -> bool:
        """Whether a daily backup should be taken now: on, past the first minutes, and none within a day."""
        if not self.config.backup_daily:
            return False
        now = self.clock()
        if now - self.started < self.first_delay_s:
            return False
        last = self.last()
        return last is None or now - last.at >= self.interval_s

    def _name(self, now: float) -> Path:
        base = create_mod.default_name(now, AUTO_KIND)
        target, n = self.folder / base, 1
        while target.exists():
            n += 1
            target = self.folder / base.replace(".zip", f"-{n}.zip")
        return target

    def run(self) -> create_mod.Created:
        """Take a backup now (one at a time), then prune; raises what :func:`create` raises."""
        with self.lock:
            now = self.clock()
            paths_mod.private_dir(self.folder)
            try:
                made = create_mod.create(self.paths, self.config, self._name(now), now=now)
            except Exception as exc:
                self.last_error = str(exc)
                raise
            self.last_error = ""
            self.prune()
            return made

    def prune(self) -> list[Path]:
        """Keep the newest automatic backup of each of the last ``keep`` days; delete the other automatic ones, and
        partial files left by a killed backup.

        By day, not by count: pressing Back up now seven times in an afternoon must not push a week of daily
        backups out (each press replaces that day's copy instead)."""
        removed = []
        kept_days: set[str] = set()
        for backup in reversed([b for b in backups(self.folder) if b.automatic]):  # newest first
            day = time.strftime("%Y-%m-%d", time.localtime(backup.at))
            if day not in kept_days and len(kept_days) < self.keep:
                kept_days.add(day)
                continue
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
        now = time.time()  # a leftover's age is real time: its mtime was set by the file system
        for partial in self.folder.glob("*.partial") if self.folder.is_dir() else ():
            try:
                if now - partial.stat().st_mtime > STALE_PARTIAL_S:
                    partial.unlink()
                    removed.append(partial)
            except OSError:
                continue
        return removed
