"""Is a newer Vibing out?  At most once a day, one small JSON feed says; nothing is ever downloaded.

The feed's address is set when the app is built (:data:`vibing.UPDATE_FEED_URL`) and can be changed
in the config (``update_feed_url``); with no address, or with ``update_check = false`` (Settings), no
request is made.  The feed is one JSON object::

    {"version": "0.2.0", "date": "2026-12-20", "notes_url": "https://example.org/vibing/0.2.0"}

The supervisor checks in the background (:func:`check_if_due`) and keeps the answer in
``<data>/update.json``; ``vibing --version``, ``vibing status`` and the window read that file
(:func:`newer_release`), so none of them waits on the network.  A failed check (no network, a
500, malformed JSON, a server that hangs: :data:`TIMEOUT_S` at most, whatever the server does) is
logged and stays silent in the UI; it is retried the next day.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from vibing import log
from vibing.errors import VibingError

logger = log.get("updates")

#: The whole check, connection to last byte, ends within this many seconds.
TIMEOUT_S = 3.0
#: At most one check per this many seconds.
CHECK_EVERY_S = 24 * 3600.0
#: A feed is a few hundred bytes; anything much larger is not our feed.
MAX_FEED_BYTES = 64 * 1024
_VERSION = re.compile(r"^\d+(\.\d+){0,3}$")


class UpdateCheckFailed(VibingError):
    """The update feed could not be read or did not say which version is out."""


@dataclass(frozen=True)
class Release:
    version: str
    date: str = ""
    notes_url: str = ""


@dataclass(frozen=True)
class Checked:
    """What ``update.json`` keeps: when the feed was last asked, and what it said (None: it failed)."""

    checked_at: float
    release: Release | None = None


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def is_newer(candidate: str, current: str) -> bool:
    """Whether ``candidate`` is a later version than ``current`` (dotted numbers; anything else is not newer)."""
    if not _VERSION.match(candidate) or not _VERSION.match(current.split("+")[0].split("-")[0]):
        return False
    width = 4
    a = version_key(candidate) + (0,) * (width - len(candidate.split(".")))
    b = version_key(current.split("+")[0].split("-")[0])
    b = b + (0,) * (width - len(b))
    return a > b


def parse_feed(body: bytes) -> Release:
    """The release a feed announces; :class:`UpdateCheckFailed` naming what is wrong with it otherwise."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise UpdateCheckFailed(f"The update feed is not JSON ({exc.__class__.__name__}).") from None
    if not isinstance(data, dict):
        raise UpdateCheckFailed("The update feed is not a JSON object.")
    version = data.get("version")
    if not isinstance(version, str) or not _VERSION.match(version):
        raise UpdateCheckFailed("The update feed has no usable version (dotted numbers, such as 0.2.0).")
    date = data.get("date") if isinstance(data.get("date"), str) else ""
    notes = data.get("notes_url") if isinstance(data.get("notes_url"), str) else ""
    if notes and not notes.startswith(("https://", "http://")):
        notes = ""  # shown as a link: only a web address
    return Release(version=version, date=date[:40], notes_url=notes[:500])


def fetch(url: str, *, timeout: float = TIMEOUT_S) -> Release:
    """Read the feed at ``url``, all of it within ``timeout`` seconds, however slowly the server answers."""
    import httpx  # here, not at the top: the supervisor imports this module, and httpx costs it ~10 MB and ~40 ms

    deadline = time.monotonic() + timeout
    try:
        with httpx.Client(follow_redirects=True, max_redirects=3) as client:
            remaining = httpx.Timeout(max(0.05, deadline - time.monotonic()))  # making the client took some
            with client.stream("GET", url, headers={"Accept": "application/json"}, timeout=remaining) as response:
                if response.status_code != 200:
                    raise UpdateCheckFailed(f"The update feed answered HTTP {response.status_code}.")
                body = b""
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > MAX_FEED_BYTES:
                        raise UpdateCheckFailed("The update feed is too large to be a feed.")
                    if time.monotonic() > deadline:
                        raise UpdateCheckFailed(f"The update feed did not answer within {timeout:g} s.")
    except httpx.TimeoutException:
        raise UpdateCheckFailed(f"The update feed did not answer within {timeout:g} s.") from None
    except httpx.HTTPError as exc:
        raise UpdateCheckFailed(f"The update feed could not be reached ({exc.__class__.__name__}).") from None
    if time.monotonic() > deadline:
        raise UpdateCheckFailed(f"The update feed did not answer within {timeout:g} s.")
    return parse_feed(body)


def state_file(data_dir: Path) -> Path:
    return data_dir / "update.json"


def load(data_dir: Path) -> Checked | None:
    """The last check, or None if there was none (or its file is unreadable: then one is due)."""
    try:
        data = json.loads(state_file(data_dir).read_text(encoding="utf-8"))
        release = data.get("release")
        return Checked(
            checked_at=float(data["checked_at"]),
            release=Release(**{k: str(release[k]) for k in ("version", "date", "notes_url")}) if release else None,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(data_dir: Path, checked: Checked) -> None:
    payload: dict[str, Any] = {
        "checked_at": checked.checked_at,
        "release": asdict(checked.release) if checked.release else None,
    }
    target = state_file(data_dir)
    temporary = target.with_name(f".{target.name}.{os.getpid()}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(payload, handle)
    os.replace(temporary, target)


def seconds_until_due(data_dir: Path, *, now: float | None = None) -> float:
    """0 when a check is due now, else how long until it is."""
    last = load(data_dir)
    if last is None:
        return 0.0
    now = time.time() if now is None else now
    return max(0.0, last.checked_at + CHECK_EVERY_S - now)


def check_if_due(data_dir: Path, url: str, *, now: float | None = None) -> Checked | None:
    """Ask the feed if a day has passed since the last check; the new record, or None if none was due.

    A failure is logged and recorded as a check without an answer (so it is not retried in a loop, and
    a release found earlier is forgotten rather than announced from stale data).
    """
    if not url or seconds_until_due(data_dir, now=now) > 0:
        return None
    now = time.time() if now is None else now
    try:
        checked = Checked(checked_at=now, release=fetch(url))
        logger.info("updates.checked", latest=checked.release.version if checked.release else None)
    except UpdateCheckFailed as exc:
        logger.warning("updates.check_failed", reason=exc.message)
        checked = Checked(checked_at=now, release=None)
    try:
        save(data_dir, checked)
    except OSError as exc:
        logger.warning("updates.not_saved", reason=str(exc))
    return checked


def newer_release(data_dir: Path, current: str) -> Release | None:
    """The release the last check found, if it is newer than ``current`` (no network: the saved answer)."""
    last = load(data_dir)
    if last is None or last.release is None or not is_newer(last.release.version, current):
        return None
    return last.release
