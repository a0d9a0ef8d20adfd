"""One-time sign-in codes: how a browser gets the session cookie without the token in a URL.

``vibing web`` must hand the browser a secret somehow.  A URL that carries the
session token stays in the browser's history, and ``--open`` puts it on the
browser's command line, where every local user can read it (``ps``).  So the URL
carries a code instead: it works once, for a few minutes, and trades itself for
an HttpOnly, SameSite=Strict cookie that page script cannot read.  A code seen
later in a history or a process list is already spent.

Codes are kept by their SHA-256, so looking one up compares digests, not the
secret itself, and a memory dump of the table reveals no live code.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections.abc import Callable

#: How long a printed sign-in link works (once).
CODE_TTL_S = 5 * 60.0
#: Codes alive at once; the oldest goes first (a page cannot mint codes, only the owner of the process).
MAX_CODES = 64


def _digest(code: str) -> bytes:
    return hashlib.sha256(code.encode("utf-8", "surrogatepass")).digest()


class LoginCodes:
    """Issue codes, and redeem each at most once before it expires."""

    def __init__(self, ttl: float = CODE_TTL_S, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self._clock = clock
        self._codes: dict[bytes, float] = {}
        self._lock = threading.Lock()

    def issue(self) -> str:
        code = secrets.token_urlsafe(24)
        with self._lock:
            self._forget_expired()
            while len(self._codes) >= MAX_CODES:
                self._codes.pop(next(iter(self._codes)))
            self._codes[_digest(code)] = self._clock() + self.ttl
        return code

    def redeem(self, code: str) -> bool:
        """True once for a live code; False for an unknown, used or expired one."""
        if not code or len(code) > 256:
            return False
        with self._lock:
            expires = self._codes.pop(_digest(code), None)
        return expires is not None and expires > self._clock()

    def _forget_expired(self) -> None:
        now = self._clock()
        self._codes = {digest: until for digest, until in self._codes.items() if until > now}
