"""The daily automatic backups, run by the storage service (the process that holds the database).

:class:`Backups` wraps :class:`vibing.backup.schedule.Daily`: the service's ``tick`` asks it whether a
backup is due and, when one is, it is written on a thread of its own (a snapshot from its own read-only
connection: the writer is never blocked), then ``backup.created`` is published.  ``Backup now`` waits for a
running one, then writes its own, on the handler thread.  A failed automatic backup is logged and shown in
the status (Settings), and tried again at the next tick past the next interval; it never stops the service.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vibing import paths as paths_mod
from vibing.backup import schedule
from vibing.config import Config
from vibing.schema.storage import BackupCreated, BackupStatus

#: After a failed automatic backup, wait this long before trying again (not every tick).
RETRY_AFTER_S = 3600.0


class Backups:
    def __init__(
        self,
        config: Config,
        data_dir: Path,
        log: Any,
        publish: Callable[[str, Any], None],
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        resolved = paths_mod.resolve(config.data_dir or None)
        self.paths = paths_mod.Paths(
            data=data_dir, config=resolved.config, logs=data_dir / "logs", runtime=resolved.runtime
        )
        self.daily = schedule.Daily(self.paths, config, clock=clock)
        self.log = log
        self.publish = publish
        self.clock = clock
        self._thread: threading.Thread | None = None
        self._failed_at = 0.0

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def tick(self) -> None:
        """Between requests: start the daily backup when it is due (on its own thread)."""
        if self.running or not self.daily.due():
            return
        if self._failed_at and self.clock() - self._failed_at < RETRY_AFTER_S:
            return
        self._thread = threading.Thread(target=self._run, name="storage-backup", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self.now()
        except Exception as exc:  # noqa: BLE001 - a failed backup is reported, never fatal to the service
            self._failed_at = self.clock()
            self.log.warning("storage.backup_failed", error=str(exc))

    def now(self) -> BackupCreated:
        """Write a backup now (after any running one), prune, publish ``backup.created``; raises on failure."""
        before = len(schedule.backups(self.daily.folder))
        made = self.daily.run()
        self._failed_at = 0.0
        pruned = max(0, before + 1 - len(schedule.backups(self.daily.folder)))
        event = BackupCreated(
            path=str(made.path), bytes=made.size, at=made.manifest.created_at, seconds=made.seconds, pruned=pruned
        )
        self.log.info("storage.backup_created", path=str(made.path), bytes=made.size, seconds=made.seconds)
        self.publish("backup.created", event)
        return event

    def status(self) -> BackupStatus:
        found = schedule.backups(self.daily.folder)
        last = found[-1] if found else None
        return BackupStatus(
            folder=str(self.daily.folder),
            daily=self.daily.config.backup_daily,
            keep=self.daily.keep,
            last_path=str(last.path) if last else "",
            last_at=last.at if last else 0.0,
            last_bytes=last.size if last else 0,
            count=len(found),
            running=self.running,
            error=self.daily.last_error,
        )
