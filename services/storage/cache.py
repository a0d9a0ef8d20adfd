"""The query cache: LRU with a time to live, invalidated by key and by prefix.

Keys are strings shaped like paths (``project:<id>:load``, ``list:...``), so a
write to a project drops everything under ``project:<id>:`` and every list or
search result with one prefix sweep.  Hit and miss counts feed ``Pong.details``
and the metrics service.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cachetools import TTLCache


class QueryCache:
    def __init__(self, maxsize: int = 2048, ttl: float = 60.0) -> None:
        self._cache: TTLCache = TTLCache(maxsize=max(1, maxsize), ttl=ttl)
        self.hits = 0
        self.misses = 0
        self.invalidations = 0

    def get(self, key: str, compute: Callable[[], Any]) -> Any:
        try:
            value = self._cache[key]
        except KeyError:
            self.misses += 1
            value = compute()
            self._cache[key] = value
            return value
        self.hits += 1
        return value

    def invalidate(self, key: str) -> None:
        if self._cache.pop(key, None) is not None:
            self.invalidations += 1

    def invalidate_prefix(self, *prefixes: str) -> int:
        doomed = [key for key in list(self._cache.keys()) if key.startswith(prefixes)]
        for key in doomed:
            self._cache.pop(key, None)
        self.invalidations += len(doomed)
        return len(doomed)

    def clear(self) -> None:
        self._cache.clear()

    @property
    def hit_rate(self) -> float:
        total = self.hits + self.misses
        return self.hits / total if total else 0.0

    def stats(self) -> dict[str, Any]:
        return {
            "hits": self.hits,
            "misses": self.misses,
            "hit_rate": round(self.hit_rate, 4),
            "size": len(self._cache),
            "maxsize": int(self._cache.maxsize),
            "ttl_s": self._cache.ttl,
            "invalidations": self.invalidations,
        }
