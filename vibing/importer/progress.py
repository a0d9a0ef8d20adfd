"""A one-line progress bar with counts, redrawn in place on a terminal (nothing when not a terminal)."""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO


class Progress:
    def __init__(
        self, total: int, *, out: TextIO = sys.stderr, enabled: bool | None = None, interval: float = 0.1
    ) -> None:
        self.total = max(0, total)
        self.out = out
        self.enabled = out.isatty() if enabled is None else enabled
        self.interval = interval
        self._last = 0.0
        self._drawn = False

    def update(
        self, done: int, *, messages: int = 0, files: int = 0, skipped: int = 0, problems: int = 0, force: bool = False
    ) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval and done < self.total:
            return
        self._last = now
        width = shutil.get_terminal_size((80, 20)).columns
        counts = f" {done:,}/{self.total:,} projects  {messages:,} messages  {files:,} files"
        if skipped:
            counts += f"  {skipped:,} skipped"
        if problems:
            counts += f"  {problems:,} problems"
        bar_width = max(10, min(30, width - len(counts) - 4))
        filled = int(bar_width * done / self.total) if self.total else bar_width
        line = f"[{'#' * filled}{'.' * (bar_width - filled)}]{counts}"
        self.out.write("\r" + line[: width - 1].ljust(min(width - 1, len(line))) + "\x1b[K")
        self.out.flush()
        self._drawn = True

    def close(self) -> None:
        if self.enabled and self._drawn:
            self.out.write("\n")
            self.out.flush()
