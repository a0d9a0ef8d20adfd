"""The agent service's logic as request -> reply functions, with no bus.

The worker (:mod:`services.agent.service`) calls these from its handlers; the CLI calls the
same ones in-process when the app is not running, so both print the same thing.
"""

from __future__ import annotations

import os
import time
from typing import Any

from vibing.errors import InvalidRequest, NotFound
from vibing.schema import agent as msg
from vibing.services.agent import project_types, workflows
from vibing.services.agent.catalog import Catalog, Change
from vibing.services.agent.parser import Agent, AgentError
from vibing.services.agent.registry import Entry, Library, Source, load_folder
from vibing.services.agent.search import Match
from vibing.services.agent.select import Pick, select

MAX_QUERY_CHARS = 1000
MAX_PROMPT_CHARS = 100_000
#: A project's context beyond this many files or earlier agents adds nothing to a pick.
MAX_CONTEXT_FILES = 200
MAX_LIMIT = 200


def summary(agent: Agent, entry: Entry | None = None, *, stale: bool = False) -> msg.AgentSummary:
    return msg.AgentSummary(
        name=agent.name,
        description=agent.description,
        category=agent.category,
        model=agent.model,
        tools=list(agent.tools),
        capabilities=list(agent.capabilities),
        tags=list(agent.tags),
        version=agent.version,
        author=agent.author,
        file=agent.file,
        origin=agent.origin,
        overrides=[a.file for a in entry.overrides] if entry else [],
        stale=stale,
    )


def problem(error: AgentError) -> msg.AgentLoadProblem:
    return msg.AgentLoadProblem(file=error.file, line=error.line, reason=error.reason)


def matched(matches: list[Match]) -> list[msg.MatchedWord]:
    return [
        msg.MatchedWord(word=m.word, term=m.term, fields=list(m.fields), points=m.points, how=m.how)
        for m in sorted(matches, key=lambda m: -m.points)
    ]


def picked(pick: Pick) -> msg.PickedAgent:
    return msg.PickedAgent(
        name=pick.agent.name,
        score=pick.score,
        source=pick.source,
        reason=pick.reason,
        matched=matched(pick.matches),
        model=pick.agent.model,
        description=pick.agent.description,
        file=pick.agent.file,
    )


def changed_event(change: Change) -> msg.AgentsChanged:
    return msg.AgentsChanged(
        added=change.diff.added,
        changed=change.diff.changed,
        removed=change.diff.removed,
        errors=[problem(e) for e in change.errors],
        files=change.files[:100],
        count=change.count,
        project_dir=change.project_dir,
    )


def workflow_info(workflow: workflows.Workflow) -> msg.WorkflowInfo:
    return msg.WorkflowInfo(
        id=workflow.id,
        name=workflow.name,
        description=workflow.description,
        category=workflow.category,
        tags=list(workflow.tags),
        params=dict(workflow.params),
        tasks=len(workflow.tasks),
        levels=len(workflows.levels(workflow.tasks, workflow.id)),
        aliases=list(workflow.aliases),
    )


def check_report(source: Source) -> msg.AgentCheckReport:
    return msg.AgentCheckReport(
        path=str(source.path),
        agents=[summary(a) for a in sorted(source.agents, key=lambda a: a.file)],
        errors=[problem(e) for e in source.errors],
        ignored=list(source.ignored),
    )


class AgentCore:
    def __init__(self, catalog: Catalog, templates_dir: Any = workflows.TEMPLATES_DIR) -> None:
        self.catalog = catalog
        self.workflows, self.workflow_problems = workflows.load_templates(templates_dir)
        #: Changes made by a request (a folder added) that the caller should announce.
        self.pending: list[Change] = []

    def _library(self, project_dir: str) -> Library:
        if project_dir and not os.path.isdir(os.path.expanduser(project_dir)):
            raise NotFound(f"The project folder {project_dir} does not exist.", project_dir=project_dir)
        return self.catalog.library(project_dir)

    def _stale(self, library: Library, agent: Agent) -> bool:
        for source in library.sources:
            state = source.files.get(agent.file)
            if state is not None:
                return state.agent is None
        return False

    def handle(self, request: Any) -> Any:
        method = getattr(self, type(request).__name__, None)
        if method is None:
            raise InvalidRequest(f"The agent service does not handle {type(request).__name__}.")
        return method(request)

    # -- registry ---------------------------------------------------------------

    def ListAgents(self, request: msg.ListAgents) -> msg.AgentList:
        library = self._library(request.project_dir)
        category = request.category.strip().lower()
        agents = [summary(a, library.get(a.name), stale=self._stale(library, a)) for a in library.agents(category)]
        categories = [msg.CategoryCount(name=k, count=v) for k, v in library.categories().items()]
        if category and not agents and category not in library.categories():
            raise NotFound(
                f"No agents in category {category!r}. Categories: {', '.join(library.categories()) or 'none'}.",
                category=category,
            )
        return msg.AgentList(agents=agents, categories=categories, problems=len(library.errors()))

    def GetAgent(self, request: msg.GetAgent) -> msg.AgentReply:
        library = self._library(request.project_dir)
        name = request.name.strip().lower()
        entry = library.get(name)
        if entry is None:
            hits = library.index.search(name, limit=3)
            hint = f" Did you mean: {', '.join(h.agent.name for h in hits)}?" if hits else ""
            raise NotFound(f"No agent named {request.name!r}.{hint}", name=request.name)
        a = entry.agent
        base = summary(a, entry, stale=self._stale(library, a))
        detail = msg.AgentDetail(
            **{f: getattr(base, f) for f in base.__struct_fields__}, prompt=a.body, extra=dict(a.extra)
        )
        return msg.AgentReply(agent=detail)

    def ListCategories(self, request: msg.ListCategories) -> msg.AgentCategoryList:
        library = self._library(request.project_dir)
        return msg.AgentCategoryList(
            categories=[msg.CategoryCount(name=k, count=v) for k, v in library.categories().items()]
        )

    def SearchAgents(self, request: msg.SearchAgents) -> msg.AgentSearchResults:
        if len(request.query) > MAX_QUERY_CHARS:
            raise InvalidRequest(
                f"The search is too long ({len(request.query)} characters; at most {MAX_QUERY_CHARS})."
            )
        library = self._library(request.project_dir)
        start = time.perf_counter()
        limit = max(0, min(request.limit, MAX_LIMIT)) or MAX_LIMIT
        hits = library.index.search(request.query, limit=limit, category=request.category.strip().lower())
        took = (time.perf_counter() - start) * 1000
        return msg.AgentSearchResults(
            query=request.query,
            took_ms=round(took, 3),
            hits=[
                msg.AgentHit(
                    agent=summary(h.agent, library.get(h.agent.name)), score=h.score, matched=matched(h.matches)
                )
                for h in hits
            ],
        )

    def SelectAgents(self, request: msg.SelectAgents) -> msg.AgentSelection:
        # Any text gets a pick, huge ones included: only the start of a request is read (intent.MAX_CHARS).
        # The project type is a hint: an unknown one is ignored (and said so), never a failed generation.
        project_type, note = request.project_type, ""
        if project_type and project_types.get(project_type) is None:
            note = (
                f" Unknown project type {project_type!r} ignored (known: "
                f"{', '.join(p.id for p in project_types.PROJECT_TYPES)})."
            )
            project_type = ""
        library = self._library(request.project_dir)
        start = time.perf_counter()
        result = select(
            library,
            request.prompt[:MAX_PROMPT_CHARS],
            project_type,
            max(0, min(request.max_helpers, 10)),
            files=request.files[:MAX_CONTEXT_FILES],
            recent_agents=request.recent_agents[-MAX_CONTEXT_FILES:],
        )
        took = (time.perf_counter() - start) * 1000
        if result is None:
            raise NotFound(
                "No agents are loaded: the agent folders are empty or every file was refused "
                "(see `vibing agents check`)."
            )
        return msg.AgentSelection(
            primary=picked(result.primary),
            helpers=[picked(p) for p in result.helpers],
            confidence=result.confidence,
            fallback=result.fallback,
            project_type=result.project_type,
            project_type_guessed=result.project_type_guessed,
            words=result.words,
            explanation=result.explanation + note,
            took_ms=round(took, 3),
            uncertain=result.uncertain,
            runners_up=[picked(p) for p in result.runners_up],
            kind=result.kind,
            generalist=result.generalist,
            follow_up=result.follow_up,
        )

    def _report(self, library: Library) -> msg.AgentLoadReport:
        folders = [
            msg.AgentFolder(
                path=str(s.path), origin=s.origin, exists=s.exists, agents=len(s.agents), errors=len(s.errors)
            )
            for s in library.sources
        ]
        return msg.AgentLoadReport(
            folders=folders, errors=[problem(e) for e in library.errors()], agents=len(library.entries)
        )

    def AgentProblems(self, request: msg.AgentProblems) -> msg.AgentLoadReport:
        return self._report(self._library(request.project_dir))

    def CheckAgentFolder(self, request: msg.CheckAgentFolder) -> msg.AgentCheckReport:
        path = os.path.expanduser(request.path)
        if not os.path.isdir(path):
            raise NotFound(f"{request.path} is not a folder.", path=request.path)
        return check_report(load_folder(path))

    def ReloadAgents(self, request: msg.ReloadAgents) -> msg.AgentLoadReport:
        return self._report(self.catalog.base)

    def AddAgentFolder(self, request: msg.AddAgentFolder) -> msg.AgentLoadReport:
        path = os.path.abspath(os.path.expanduser(request.path))
        if not os.path.isdir(path):
            raise NotFound(f"{request.path} is not a folder.", path=request.path)
        if request.persist:
            from vibing.services.agent.settings import add_agent_dir

            add_agent_dir(path)
        self.pending.extend(self.catalog.add_folder(path))
        return self._report(self.catalog.base)

    # -- project types and workflows ----------------------------------------------

    def ListProjectTypes(self, request: msg.ListProjectTypes) -> msg.ProjectTypeList:
        return msg.ProjectTypeList(
            types=[
                msg.ProjectTypeInfo(
                    id=p.id,
                    name=p.name,
                    description=p.description,
                    base_agents=list(p.base_agents),
                    keywords=list(p.keywords),
                )
                for p in project_types.PROJECT_TYPES
            ]
        )

    def ListWorkflows(self, request: msg.ListWorkflows) -> msg.WorkflowList:
        return msg.WorkflowList(
            workflows=[workflow_info(w) for w in self.workflows.values()], problems=list(self.workflow_problems)
        )

    def PlanWorkflow(self, request: msg.PlanWorkflow) -> msg.WorkflowPlan:
        workflow = workflows.find(self.workflows, request.workflow)
        if workflow is None:
            raise NotFound(
                f"No workflow named {request.workflow!r}. Workflows: {', '.join(self.workflows)}.",
                workflow=request.workflow,
            )
        result = workflows.plan(workflow, self._library(request.project_dir), dict(request.params))
        return msg.WorkflowPlan(
            workflow=workflow_info(workflow),
            tasks=[
                msg.WorkflowTask(
                    id=t.id,
                    agent=t.agent,
                    title=t.title,
                    prompt=t.prompt,
                    depends_on=list(t.depends_on),
                    level=t.level,
                    priority=t.priority,
                    max_tokens=t.max_tokens,
                    model=t.model,
                    wanted_agent=t.wanted_agent,
                    note=t.note,
                )
                for t in result.tasks
            ],
            levels=result.levels,
            params=result.params,
            warnings=result.warnings,
            max_parallel=result.max_parallel,
        )
