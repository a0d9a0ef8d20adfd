"""The stable prefix: which version of a project's files a follow-up lists, so that prompt caching pays.

A request lists the agent, then the project's files, then the conversation (``prompts.py``), and the provider
caches it by prefix.  Listing the *current* files would change the prefix on almost every turn, since most
answers rewrite a file, and everything after the first changed byte (the rest of the files and the whole
conversation) would be billed again, at the cache-write price.  But a file an answer rewrote is already in the
conversation, whole (Vibing's output format asks for complete files).  So a follow-up keeps listing the files as
they were when the listing was made (the *snapshot*), as long as every difference between the snapshot and the
current files is such a rewrite, still among the turns the request carries: then the agent, the files and the
conversation up to the previous turn are read from the cache, and only the last answer and the new prompt are
new.  The files section says that a file written again in the conversation has its latest version there.

Anything else starts a new snapshot from the current files: a file the person edited, created or deleted, a
rewrite whose turn was left out to fit (``budget.py``), another agent or model.  The snapshots live in this
process only (a bounded LRU per project): a restarted worker just makes the next request a cache write.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from vibing.schema.stream import ChatTurn
from vibing.services.stream.turns import text_of

#: Projects whose snapshot is kept (least recently used dropped first).
MAX_PROJECTS = 64


@dataclass(frozen=True)
class Snapshot:
    key: tuple[str, str, str]  # (provider, model, agent's system part)
    files: dict[str, str]


def written_in(turns: list[ChatTurn], path: str, content: str) -> bool:
    """Does the last answer among ``turns`` that writes ``path`` write exactly ``content``?

    A cheap check (substring searches, no parsing): the answer has a fence whose info string ends with the path,
    and the content right after it."""
    body = content.rstrip()
    for turn in reversed(turns):
        if turn.role != "assistant":
            continue
        text = text_of(turn.content)
        for marker in (f" {path}\n", f"`{path}\n"):
            at = text.rfind(marker)
            if at >= 0:
                return text.startswith(body, at + len(marker))
    return False


def explained(snapshot: dict[str, str], current: dict[str, str], turns: list[ChatTurn]) -> bool:
    """Is every difference between the snapshot and the current files a rewrite the turns carry?"""
    if any(path not in current for path in snapshot):
        return False  # a deleted file: the listing would still show it
    for path, content in current.items():
        if snapshot.get(path) != content and not written_in(turns, path, content):
            return False
    return True


class Snapshots:
    """The files each project's requests list, by project (thread-safe: generations start on the bus threads)."""

    def __init__(self, limit: int = MAX_PROJECTS) -> None:
        self._items: OrderedDict[str, Snapshot] = OrderedDict()
        self._lock = threading.Lock()
        self.limit = limit

    def listing(self, project_id: str, key: tuple[str, str, str], current: dict[str, str], turns: list[ChatTurn]):
        """The files to list: the project's snapshot when the turns explain how the files changed since, else the
        current files.  ``turns``: the conversation the request carries."""
        with self._lock:
            snap = self._items.get(project_id)
        if (
            project_id
            and snap is not None
            and snap.key == key
            and (snap.files or not current)  # a project's first files are listed, not left to the conversation
            and explained(snap.files, current, turns)
        ):
            return snap.files
        return current

    def keep(self, project_id: str, key: tuple[str, str, str], files: dict[str, str]) -> None:
        if not project_id:
            return
        with self._lock:
            self._items[project_id] = Snapshot(key, files)
            self._items.move_to_end(project_id)
            while len(self._items) > self.limit:
                self._items.popitem(last=False)
