"""The client-side limits: requests per minute (sliding window) and streams at once.

The per-minute limit protects the user's quota and wallet from a runaway loop;
it is checked when a stream is asked for, and a refusal says when to try again.
The concurrency limit queues streams (they start as slots free up).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from vibing.errors import LimitExceeded


class RequestsPerMinute:
    """A sliding 60 s window; thread-safe."""

    def __init__(self, limit: int, *, window_s: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window_s = window_s
        self.clock = clock
        self._times: deque[float] = deque()
        self._lock = threading.Lock()

    def _prune(self, now: float) -> None:
        while self._times and now - self._times[0] >= self.window_s:
            self._times.popleft()

    def wait_needed(self) -> float:
        with self._lock:
            now = self.clock()
            self._prune(now)
            if len(self._times) < self.limit:
                return 0.0
            return max(0.0, self.window_s - (now - self._times[0]))

    def acquire(self) -> None:
        """Count one request, or raise ``LimitExceeded`` saying when the next one may go."""
        with self._lock:
            now = self.clock()
            self._prune(now)
            if len(self._times) >= self.limit:
                wait = max(0.0, self.window_s - (now - self._times[0]))
                raise LimitExceeded(
                    f"Vibing's request limit is reached: {self.limit} requests per minute (set in Settings, "
                    f"`rate_limit_per_min`). The next request can go in {max(1, round(wait))} s.",
                    limit_per_min=self.limit,
                    retry_after_s=round(wait, 3),
                )
            self._times.append(now)

    @property
    def used(self) -> int:
        with self._lock:
            self._prune(self.clock())
            return len(self._times)
