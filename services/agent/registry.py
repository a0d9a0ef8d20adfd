"""Agent folders and the registry built from them.

A :class:`Source` is one folder of agent files (bundled, ``~/.claude/agents``, a configured
folder, a project's ``.claude/agents``).  :meth:`Source.scan` walks it, re-parses only the
files whose (mtime, size, inode) changed, and keeps each file's last good version when
an edit breaks it.  Scanning an unchanged folder costs one ``stat`` per file, so it is
cheap enough to poll twice a second (:mod:`services.agent.watch`).

A :class:`Library` merges sources in precedence order (later wins: a user's agent named
like a bundled one replaces it, and says which file it replaced) and owns the search
index over the result.
"""

from __future__ import annotations

import errno
import os
import stat as stat_mod
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from vibing.services.agent.parser import AGENT_SUFFIX, Agent, AgentError, is_doc_file, parse_file
from vibing.services.agent.search import Index

if TYPE_CHECKING:
    from vibing.services.agent.cache import ParseCache

#: Folder depth walked below a source (agents may be grouped in sub-folders).
MAX_DEPTH = 4
#: Most files looked at in one source (a folder pointed at by mistake, like ``/``, stays cheap).
MAX_FILES = 5000
SKIP_DIRS = {"node_modules", "__pycache__", ".git", ".hg", ".svn", ".venv", "venv"}
#: Origins, lowest precedence first.
ORIGINS = ("bundled", "user", "config", "project")


def _link_reason(exc: OSError, entry: os.DirEntry) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop: the link never reaches a file"
    reason = exc.strerror or str(exc)
    try:
        if entry.is_symlink():
            return f"broken symlink ({reason})"
    except OSError:
        pass
    return f"cannot read: {reason}"


@dataclass(slots=True)
class FileState:
    signature: tuple[int, int, int]
    agent: Agent | None = None
    error: AgentError | None = None
    #: The last version that loaded, kept while the file is broken.
    last_good: Agent | None = None


@dataclass(slots=True)
class Scan:
    """What changed in a source at one scan."""

    changed: bool = False
    files: list[str] = field(default_factory=list)


class Source:
    """One folder of agent files."""

    def __init__(self, path: str | os.PathLike, origin: str, cache: ParseCache | None = None) -> None:
        self.path = Path(path).expanduser()
        self.origin = origin
        self.cache = cache
        self.files: dict[str, FileState] = {}
        #: Problems that are not about one file's content (unreadable folder, symlink loop ...).
        self.walk_errors: list[AgentError] = []
        self.ignored: list[str] = []
        self.exists = False
        self.generation = 0
        self._agents: list[Agent] = []
        self._errors: list[AgentError] = []

    def __repr__(self) -> str:
        return f"Source({str(self.path)!r}, {self.origin!r})"

    # -- walking --------------------------------------------------------------

    def _walk(self) -> tuple[dict[str, tuple[int, int, int]], list[AgentError], list[str]]:
        found: dict[str, tuple[int, int, int]] = {}
        errors: list[AgentError] = []
        ignored: list[str] = []
        try:
            root_real = os.path.realpath(self.path)
            st = os.stat(self.path)
        except OSError:
            return found, errors, ignored
        if not stat_mod.S_ISDIR(st.st_mode):
            errors.append(AgentError(str(self.path), 0, "not a folder"))
            return found, errors, ignored
        seen_dirs = {root_real}
        stack: list[tuple[str, int]] = [(str(self.path), 0)]
        while stack:
            folder, depth = stack.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError as exc:
                errors.append(AgentError(folder, 0, f"cannot read the folder: {exc.strerror or exc}"))
                continue
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir()  # follows symlinks
                except OSError as exc:
                    errors.append(AgentError(entry.path, 0, _link_reason(exc, entry)))
                    continue
                if is_dir:
                    if name in SKIP_DIRS or depth >= MAX_DEPTH:
                        continue
                    real = os.path.realpath(entry.path)
                    if real in seen_dirs:
                        if entry.is_symlink():
                            errors.append(
                                AgentError(
                                    entry.path,
                                    0,
                                    f"symlink loop: this folder links back to {real}, which is already loaded",
                                )
                            )
                        continue
                    seen_dirs.add(real)
                    stack.append((entry.path, depth + 1))
                    continue
                if not name.lower().endswith(AGENT_SUFFIX):
                    continue
                if is_doc_file(Path(name)):
                    ignored.append(entry.path)
                    continue
                try:
                    st = entry.stat()  # follows symlinks; a loop raises ELOOP
                except OSError as exc:
                    errors.append(AgentError(entry.path, 0, _link_reason(exc, entry)))
                    continue
                if not stat_mod.S_ISREG(st.st_mode):
                    errors.append(AgentError(entry.path, 0, "not a regular file"))
                    continue
                if len(found) >= MAX_FILES:
                    errors.append(
                        AgentError(str(self.path), 0, f"more than {MAX_FILES} agent files; the rest are not loaded")
                    )
                    stack.clear()
                    break
                found[entry.path] = (st.st_mtime_ns, st.st_size, st.st_ino)
        return found, errors, ignored

    def scan(self) -> Scan:
        """Bring the source up to date with the disk; parse only what changed."""
        result = Scan()
        exists = self.path.is_dir()
        found, walk_errors, ignored = self._walk() if exists else ({}, [], [])
        if exists != self.exists:
            result.changed = True
            self.exists = exists
        for path in list(self.files):
            if path not in found:
                del self.files[path]
                result.changed = True
                result.files.append(path)
        for path, signature in found.items():
            old = self.files.get(path)
            if old is not None and old.signature == signature:
                continue
            parsed = self.cache.get(path, signature) if self.cache is not None else None
            if parsed is None:
                parsed = parse_file(path, size=signature[1])
                if isinstance(parsed, Agent) and self.cache is not None:
                    self.cache.put(parsed, signature)
            if isinstance(parsed, Agent):
                parsed.origin = self.origin
                self.files[path] = FileState(signature, agent=parsed)
            else:
                last_good = None
                if old is not None:
                    last_good = old.agent or old.last_good
                self.files[path] = FileState(signature, error=parsed, last_good=last_good)
            result.changed = True
            result.files.append(path)
        if [(e.file, e.reason) for e in walk_errors] != [(e.file, e.reason) for e in self.walk_errors]:
            result.changed = True
        self.walk_errors = walk_errors
        self.ignored = ignored
        if result.changed:
            self.generation += 1
            self._resolve()
        return result

    def _resolve(self) -> None:
        """Agents of this folder (one per name: the first file by path wins) and its errors."""
        agents: list[Agent] = []
        errors: list[AgentError] = list(self.walk_errors)
        by_name: dict[str, Agent] = {}
        for path in sorted(self.files):
            state = self.files[path]
            agent = state.agent
            if state.error is not None:
                errors.append(state.error)
                agent = state.last_good
            if agent is None:
                continue
            first = by_name.get(agent.name)
            if first is not None:
                if state.agent is not None:
                    errors.append(
                        AgentError(
                            path, agent.name_line, f"duplicate name {agent.name!r}: {first.file} already defines it"
                        )
                    )
                continue
            by_name[agent.name] = agent
            agents.append(agent)
        self._agents = agents
        self._errors = errors

    @property
    def agents(self) -> list[Agent]:
        return self._agents

    @property
    def errors(self) -> list[AgentError]:
        return self._errors


@dataclass(slots=True)
class Entry:
    """An agent in force and the files it replaced (lower-precedence agents of the same name)."""

    agent: Agent
    overrides: list[Agent] = field(default_factory=list)


@dataclass(slots=True)
class Diff:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


class Library:
    """Agents merged from sources (lowest precedence first) with their search index."""

    def __init__(self, sources: list[Source]) -> None:
        self.sources = sources
        self.entries: dict[str, Entry] = {}
        self.index = Index(())
        self._generations: tuple[int, ...] = ()
        self._fingerprints: dict[str, tuple] = {}

    def stale(self) -> bool:
        return tuple(s.generation for s in self.sources) != self._generations

    def rebuild(self) -> Diff:
        """Merge the sources again (after a scan changed one); returns which names changed."""
        entries: dict[str, Entry] = {}
        for source in self.sources:
            for agent in source.agents:
                old = entries.get(agent.name)
                entries[agent.name] = Entry(agent, ([old.agent] + old.overrides) if old else [])
        fingerprints = {name: entry.agent.fingerprint() for name, entry in entries.items()}
        diff = Diff(
            added=sorted(set(fingerprints) - set(self._fingerprints)),
            removed=sorted(set(self._fingerprints) - set(fingerprints)),
            changed=sorted(
                n for n in fingerprints if n in self._fingerprints and fingerprints[n] != self._fingerprints[n]
            ),
        )
        self.entries = entries
        self._fingerprints = fingerprints
        self.index = Index(entry.agent for entry in entries.values())
        self._generations = tuple(s.generation for s in self.sources)
        return diff

    # -- queries --------------------------------------------------------------

    def get(self, name: str) -> Entry | None:
        return self.entries.get(name)

    def names(self) -> list[str]:
        return sorted(self.entries)

    def agents(self, category: str = "") -> list[Agent]:
        found = [e.agent for e in self.entries.values() if not category or e.agent.category == category]
        return sorted(found, key=lambda a: a.name)

    def categories(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for entry in self.entries.values():
            counts[entry.agent.category] = counts.get(entry.agent.category, 0) + 1
        return dict(sorted(counts.items()))

    def errors(self) -> list[AgentError]:
        out: list[AgentError] = []
        for source in self.sources:
            out.extend(source.errors)
        return out


def load_folder(path: str | os.PathLike, origin: str = "config") -> Source:
    """Load one folder exactly as the registry does (``vibing agents check``)."""
    source = Source(path, origin)
    source.scan()
    return source
