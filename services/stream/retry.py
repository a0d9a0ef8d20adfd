"""The retry policy of the official SDKs (as we measured them on the wire), as pure functions.

- retry 408, 409, 429, every status >= 500 (529 included) and connection errors,
  only before any token was delivered; default 2 retries;
- ``x-should-retry: true|false`` overrides everything;
- wait ``retry-after-ms`` first, then ``retry-after`` (seconds or an HTTP date),
  honoured when 0 < wait <= 60 s; a longer one is shown to the user, not slept;
- otherwise backoff ``min(0.5 * 2**n, 8)`` s minus up to 25 % jitter;
- a 429 without any retry-after (a spend cap) is not looped.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

RETRYABLE_STATUSES = frozenset({408, 409, 429})
MAX_HONOURED_WAIT_S = 60.0
INITIAL_DELAY_S = 0.5
MAX_DELAY_S = 8.0


def parse_retry_after(headers: Mapping[str, str] | None, *, now: Callable[[], float] = time.time) -> float | None:
    """Seconds the server asked us to wait, or None when it did not say (or said nonsense)."""
    if not headers:
        return None
    raw_ms = headers.get("retry-after-ms")
    if raw_ms is not None:
        try:
            return float(raw_ms) / 1000.0
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if raw is None:
        return None
    try:
        return float(raw)
    except ValueError:
        pass
    parsed = email.utils.parsedate_tz(raw)
    if parsed is None:
        return None
    return float(email.utils.mktime_tz(parsed) - now())


def backoff(retry_index: int, *, rand: Callable[[], float] = random.random) -> float:
    """The wait before retry number ``retry_index`` (0 for the first retry)."""
    delay = min(INITIAL_DELAY_S * (2.0 ** min(retry_index, 1000)), MAX_DELAY_S)
    return max(0.0, delay * (1 - 0.25 * rand()))


@dataclass(frozen=True)
class Decision:
    retry: bool
    wait_s: float = 0.0
    #: What the server asked (even when not honoured: shown to the user).
    retry_after_s: float | None = None
    reason: str = ""


def decide(
    status: int | None,
    headers: Mapping[str, str] | None,
    retry_index: int,
    max_retries: int,
    *,
    delivered: bool = False,
    connection_error: bool = False,
    rand: Callable[[], float] = random.random,
    now: Callable[[], float] = time.time,
) -> Decision:
    """Whether (and after how long) to retry a failed attempt.

    ``status`` is None for a connection error (then ``connection_error`` is True);
    ``retry_index`` is the number of retries already made.
    """
    retry_after = parse_retry_after(headers, now=now)
    if delivered:
        return Decision(False, retry_after_s=retry_after, reason="tokens already delivered")
    if retry_index >= max_retries:
        return Decision(False, retry_after_s=retry_after, reason="retries exhausted")
    should = (headers or {}).get("x-should-retry")
    if should == "false":
        return Decision(False, retry_after_s=retry_after, reason="x-should-retry: false")
    if should != "true":
        if connection_error:
            pass
        elif status is None or not (status in RETRYABLE_STATUSES or status >= 500):
            return Decision(False, retry_after_s=retry_after, reason=f"status {status} is not retried")
        elif status == 429 and retry_after is None:
            return Decision(False, reason="429 without retry-after (a usage or spend limit): not looped")
    if retry_after is not None and retry_after > MAX_HONOURED_WAIT_S:
        return Decision(False, retry_after_s=retry_after, reason="retry-after above 60 s: shown, not slept")
    if retry_after is not None and 0 < retry_after <= MAX_HONOURED_WAIT_S:
        return Decision(True, retry_after, retry_after_s=retry_after, reason="retry-after")
    return Decision(True, backoff(retry_index, rand=rand), retry_after_s=retry_after, reason="backoff")
