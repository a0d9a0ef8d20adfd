"""Which folders make up the registry, and keeping them fresh.

Precedence, lowest first (a later folder's agent replaces an earlier one of the same name):

1. the bundled library (``agents/`` of the source tree, or ``<prefix>/share/vibing/agents`` when installed);
2. the user's Claude Code agents, ``~/.claude/agents`` (config ``user_agents_dir``; empty disables it);
3. folders from the config (``agent_dirs``) or added at run time, in the order given;
4. a project's ``.claude/agents``, in the view of that project only.

:meth:`Catalog.refresh` rescans every folder (one ``stat`` per file when nothing changed)
and rebuilds only the views whose folders changed; it is called from the worker's tick.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from vibing.install import bundled_agents_dir
from vibing.services.agent.cache import ParseCache
from vibing.services.agent.parser import AgentError
from vibing.services.agent.registry import Diff, Library, Source

MAX_PROJECT_VIEWS = 8
#: The bundled library's folder is the installation's to know (a checkout, a wheel and the bundle differ).
bundled_dir = bundled_agents_dir


@dataclass(slots=True)
class Change:
    project_dir: str
    diff: Diff
    files: list[str] = field(default_factory=list)
    errors: list[AgentError] = field(default_factory=list)
    count: int = 0


class Catalog:
    def __init__(
        self,
        *,
        bundled: Path | None = None,
        user_dir: str = "",
        config_dirs: list[str] | None = None,
        max_projects: int = MAX_PROJECT_VIEWS,
        cache: ParseCache | None = None,
    ) -> None:
        self.cache = cache
        self.base_sources: list[Source] = []
        if bundled is not None:
            self.base_sources.append(Source(bundled, "bundled", cache))
        if user_dir:
            self.base_sources.append(Source(user_dir, "user", cache))
        for folder in config_dirs or ():
            self._add_source(folder)
        self.base = Library(list(self.base_sources))
        self.max_projects = max_projects
        #: project folder -> (its .claude/agents source, its view)
        self.projects: OrderedDict[str, tuple[Source, Library]] = OrderedDict()

    @classmethod
    def from_config(cls, config, cache_file: Path | None = None) -> Catalog:
        return cls(
            bundled=bundled_dir(),
            user_dir=getattr(config, "user_agents_dir", "~/.claude/agents"),
            config_dirs=list(getattr(config, "agent_dirs", []) or []),
            cache=ParseCache(cache_file) if cache_file else None,
        )

    def _add_source(self, folder: str) -> Source | None:
        path = Path(folder).expanduser()
        resolved = os.path.abspath(path)
        for source in self.base_sources:
            if os.path.abspath(source.path) == resolved:
                return None
        source = Source(resolved, "config", self.cache)
        self.base_sources.append(source)
        return source

    # -- loading ----------------------------------------------------------------

    def load(self) -> None:
        for source in self.base_sources:
            source.scan()
        self.base.rebuild()

    def add_folder(self, folder: str) -> list[Change]:
        """Watch one more folder (highest precedence among the app-wide ones)."""
        source = self._add_source(folder)
        if source is None:
            return []
        self.base.sources = list(self.base_sources)
        for project_source, view in self.projects.values():
            view.sources = self.base_sources + [project_source]
        return self.refresh()

    def library(self, project_dir: str = "") -> Library:
        """The app-wide view, or a project's (its ``.claude/agents`` on top), loaded on first use."""
        if not project_dir:
            return self.base
        key = os.path.abspath(os.path.expanduser(project_dir))
        found = self.projects.get(key)
        if found is not None:
            self.projects.move_to_end(key)
            return found[1]
        source = Source(Path(key) / ".claude" / "agents", "project", self.cache)
        source.scan()
        view = Library(self.base_sources + [source])
        view.rebuild()
        self.projects[key] = (source, view)
        while len(self.projects) > self.max_projects:
            self.projects.popitem(last=False)
        return view

    def save_cache(self) -> bool:
        return self.cache.save() if self.cache is not None else False

    def sources(self) -> list[Source]:
        return self.base_sources + [source for source, _ in self.projects.values()]

    def refresh(self) -> list[Change]:
        """Rescan every folder; the views that changed, with what changed."""
        changed_files: dict[int, list[str]] = {}
        for source in self.sources():
            scan = source.scan()
            if scan.changed:
                changed_files[id(source)] = scan.files or [str(source.path)]
        if not changed_files:
            return []
        changes = []
        views = [("", self.base)] + [(key, view) for key, (_, view) in self.projects.items()]
        for key, view in views:
            if not view.stale():
                continue
            diff = view.rebuild()
            files = [f for s in view.sources for f in changed_files.get(id(s), [])]
            changes.append(Change(key, diff, files, view.errors(), len(view.entries)))
        return changes
