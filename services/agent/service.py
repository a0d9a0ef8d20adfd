"""The agent service: the registry of agents, search, auto-select, project types and workflow plans.

The logic lives in :mod:`services.agent.core` (request -> reply, no bus); this worker loads the
folders at start and answers requests.  A watcher thread rescans the agent folders every
:data:`WATCH_INTERVAL_S` (one ``stat`` per file when nothing changed, about 2 ms for 170 files)
and publishes ``AgentsChanged`` on ``agents.changed`` when something changed on disk, so an edit
is live well within a second whatever the heartbeat interval.  One lock keeps the watcher and
the handlers from touching the registry at the same time.
"""

from __future__ import annotations

import gc
import threading
import time
from typing import Any

from vibing.schema import agent as msg
from vibing.services.agent.catalog import Catalog
from vibing.services.agent.core import AgentCore, changed_event
from vibing.worker import Worker, handles

TOPIC_CHANGED = "agents.changed"
CACHE_FILE = "agents-cache.msgpack"
#: How often the agent folders are rescanned (seconds).
WATCH_INTERVAL_S = 0.25


class Service(Worker):
    name = "agent"

    def setup(self) -> None:
        start = time.perf_counter()
        self.lock = threading.RLock()
        self._watch_stop = threading.Event()
        cache_file = self.data_dir / CACHE_FILE if self.data_dir is not None else None
        self.catalog = Catalog.from_config(self.config, cache_file)
        self.catalog.load()
        # Everything loaded so far lives as long as the process: keep it out of the collector's way (measured: a
        # later full collection 0.3-0.5 ms shorter, for 0.01 ms).  No gc.collect() first: the zygote has
        # collected and frozen the preload, and a collection here cost 3-15 ms of the start for ~200 objects.
        gc.freeze()
        self.core = AgentCore(self.catalog)
        self.selections = 0
        self.scan_ms = 0.0
        library = self.catalog.base
        cached = self.catalog.cache.hits if self.catalog.cache is not None else 0
        self.catalog.save_cache()
        self.log.info(
            "agents.loaded",
            agents=len(library.entries),
            errors=len(library.errors()),
            from_cache=cached,
            folders=[str(s.path) for s in library.sources],
            workflows=len(self.core.workflows),
            took_ms=round((time.perf_counter() - start) * 1000, 1),
        )
        for error in library.errors()[:50]:
            self.log.warning("agents.refused", file=error.file, line=error.line, reason=error.reason)
        for problem in self.core.workflow_problems:
            self.log.warning("workflows.refused", problem=problem)
        self._watcher = threading.Thread(target=self._watch, name="agent-watch", daemon=True)
        self._watcher.start()

    def teardown(self) -> None:
        self._watch_stop.set()
        self._watcher.join(timeout=2)
        with self.lock:
            self.catalog.save_cache()

    def _watch(self) -> None:
        while not self._watch_stop.wait(WATCH_INTERVAL_S):
            try:
                self.refresh()
            except Exception:  # a bug must not stop hot reload for good
                self.log.exception("agents.watch_failed")

    def refresh(self) -> int:
        """Rescan the folders; publish what changed; returns how many views changed."""
        with self.lock:
            start = time.perf_counter()
            changes = self.catalog.refresh()
            self.scan_ms = round((time.perf_counter() - start) * 1000, 2)
            self._announce(changes)
            if changes:
                self.catalog.save_cache()
        return len(changes)

    def _announce(self, changes: list) -> None:
        for change in changes:
            self.log.info(
                "agents.changed",
                project_dir=change.project_dir,
                added=change.diff.added,
                changed=change.diff.changed,
                removed=change.diff.removed,
                errors=len(change.errors),
                count=change.count,
            )
            self.publish(TOPIC_CHANGED, changed_event(change))

    def details(self) -> dict[str, Any]:
        with self.lock:
            library = self.catalog.base
            return {
                "agents": len(library.entries),
                "problems": len(library.errors()),
                "folders": len(library.sources),
                "project_views": len(self.catalog.projects),
                "selections": self.selections,
                "last_scan_ms": self.scan_ms,
            }

    # -- handlers ---------------------------------------------------------------

    @handles(
        msg.ListAgents,
        msg.GetAgent,
        msg.ListCategories,
        msg.SearchAgents,
        msg.AgentProblems,
        msg.CheckAgentFolder,
        msg.ListProjectTypes,
        msg.ListWorkflows,
        msg.PlanWorkflow,
    )
    def query(self, request: Any) -> Any:
        with self.lock:
            return self.core.handle(request)

    @handles(msg.SelectAgents)
    def select_agents(self, request: msg.SelectAgents) -> msg.AgentSelection:
        with self.lock:
            reply = self.core.SelectAgents(request)
        self.selections += 1
        return reply

    @handles(msg.ReloadAgents)
    def reload(self, request: msg.ReloadAgents) -> msg.AgentLoadReport:
        self.refresh()
        with self.lock:
            return self.core.ReloadAgents(request)

    @handles(msg.AddAgentFolder)
    def add_folder(self, request: msg.AddAgentFolder) -> msg.AgentLoadReport:
        with self.lock:
            try:
                return self.core.AddAgentFolder(request)
            finally:
                changes, self.core.pending = self.core.pending, []
                self._announce(changes)
