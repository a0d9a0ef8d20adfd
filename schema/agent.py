"""Messages of the agent service's channel: the agent registry, auto-select, workflows.

Requests (reply in brackets):

- ``ListAgents(category, project_dir)`` [``AgentList``]
- ``GetAgent(name, project_dir)`` [``AgentReply``: the agent with its system prompt; ``NotFound`` if unknown]
- ``ListCategories(project_dir)`` [``AgentCategoryList``]
- ``SearchAgents(query, limit, category, project_dir)`` [``AgentSearchResults``: ranked hits with the matched words]
- ``SelectAgents(prompt, project_type, max_helpers, project_dir)`` [``AgentSelection``: primary + helpers,
  confidence, reasons; ``fallback`` true when nothing in the prompt matched]
- ``AgentProblems(project_dir)`` [``AgentLoadReport``: the folders read and every file refused, with file/line/reason]
- ``CheckAgentFolder(path)`` [``AgentCheckReport``: a folder loaded exactly as the registry would]
- ``AddAgentFolder(path, persist)`` [``AgentLoadReport``]: watch one more folder (``persist``: also save it in config)
- ``ReloadAgents()`` [``AgentLoadReport``]: rescan every folder now
- ``ListProjectTypes()`` [``ProjectTypeList``]
- ``ListWorkflows()`` [``WorkflowList``]
- ``PlanWorkflow(workflow, params, project_dir)`` [``WorkflowPlan``: tasks, dependencies and parallel levels]

``project_dir`` (optional everywhere) is a project folder whose ``.claude/agents`` is layered on top.

Events: ``AgentsChanged`` on topic ``agents.changed`` whenever the registry changes (a file added, edited,
deleted or refused), within about a second of the change on disk.
"""

from __future__ import annotations

from typing import Union

import msgspec

from vibing.schema.base import Message
from vibing.schema.common import COMMON_REPLIES, COMMON_REQUESTS

# -- shared shapes (plain structs, not messages) ----------------------------------


class AgentSummary(msgspec.Struct, kw_only=True, omit_defaults=True):
    name: str
    description: str
    category: str
    model: str = "inherit"
    tools: list[str] = []
    capabilities: list[str] = []
    tags: list[str] = []
    version: str = ""
    author: str = ""
    #: The file it was loaded from, and where that file lives: "bundled", "user", "config" or "project".
    file: str = ""
    origin: str = ""
    #: Files of agents with the same name that this one replaces (lower-precedence folders).
    overrides: list[str] = []
    #: True when the file failed to load after an edit and this is its last good version.
    stale: bool = False


class AgentDetail(AgentSummary, kw_only=True, omit_defaults=True):
    #: The system prompt (the Markdown body).
    prompt: str = ""
    extra: dict[str, str] = {}


class AgentLoadProblem(msgspec.Struct, kw_only=True):
    file: str
    line: int
    reason: str


class CategoryCount(msgspec.Struct, kw_only=True):
    name: str
    count: int


class MatchedWord(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One prompt/query word that counted: where it matched and for how many points."""

    word: str
    term: str
    fields: list[str]
    points: float
    #: "word", "prefix", "joined" (two words written as one), "exact" (a search naming the agent), or for
    #: auto-select "word" or "context" (said of existing work or the situation: "my site", "for my bakery").
    how: str = "word"


class AgentHit(msgspec.Struct, kw_only=True):
    agent: AgentSummary
    score: float
    matched: list[MatchedWord] = []


class PickedAgent(msgspec.Struct, kw_only=True):
    name: str
    score: float
    #: "specialist" (the request names its subject), "generalist" (the right all-rounder for what is asked),
    #: "project" (the agent of the project's earlier turns), "fallback" (nothing to go on), "project-type" (a helper).
    source: str
    reason: str
    matched: list[MatchedWord] = []
    model: str = ""
    description: str = ""
    file: str = ""


class AgentFolder(msgspec.Struct, kw_only=True):
    path: str
    origin: str
    exists: bool
    agents: int
    errors: int


class ProjectTypeInfo(msgspec.Struct, kw_only=True):
    id: str
    name: str
    description: str
    base_agents: list[str]
    keywords: list[str]


class WorkflowInfo(msgspec.Struct, kw_only=True):
    id: str
    name: str
    description: str
    category: str
    tags: list[str]
    params: dict[str, str]
    tasks: int
    levels: int
    aliases: list[str] = []


class WorkflowTask(msgspec.Struct, kw_only=True, omit_defaults=True):
    id: str
    agent: str
    title: str
    prompt: str
    depends_on: list[str] = []
    #: Topological level: tasks of the same level have no dependency between them and can run in parallel.
    level: int = 0
    priority: int = 5
    max_tokens: int = 8000
    model: str = ""
    #: When the library lacks the template's agent: the one it asked for (``agent`` is the stand-in).
    wanted_agent: str = ""
    note: str = ""


# -- requests --------------------------------------------------------------------


class ListAgents(Message):
    category: str = ""
    project_dir: str = ""


class GetAgent(Message):
    name: str
    project_dir: str = ""


class ListCategories(Message):
    project_dir: str = ""


class SearchAgents(Message):
    query: str
    limit: int = 10
    category: str = ""
    project_dir: str = ""


class SelectAgents(Message):
    """Auto-select: the best agent for ``prompt`` (and up to ``max_helpers`` helpers)."""

    prompt: str
    #: website | mobile-app | game | api | dashboard ('' guesses it from the prompt).
    project_type: str = ""
    max_helpers: int = 2
    project_dir: str = ""
    #: The project's context, so that a follow-up stays with the project: its file paths...
    files: list[str] = []
    #: ...and the agents that answered its earlier turns, oldest first.
    recent_agents: list[str] = []


class AgentProblems(Message):
    project_dir: str = ""


class CheckAgentFolder(Message):
    path: str


class AddAgentFolder(Message):
    path: str
    #: Also save it in the config file (agent_dirs), so it is loaded at every start.
    persist: bool = False


class ReloadAgents(Message):
    pass


class ListProjectTypes(Message):
    pass


class ListWorkflows(Message):
    pass


class PlanWorkflow(Message):
    workflow: str
    params: dict[str, str] = {}
    project_dir: str = ""


# -- replies ---------------------------------------------------------------------


class AgentList(Message):
    agents: list[AgentSummary]
    categories: list[CategoryCount] = []
    #: How many files were refused (details: AgentProblems).
    problems: int = 0


class AgentReply(Message):
    agent: AgentDetail


class AgentCategoryList(Message):
    categories: list[CategoryCount]


class AgentSearchResults(Message):
    query: str
    hits: list[AgentHit]
    took_ms: float = 0.0


class AgentSelection(Message):
    primary: PickedAgent
    helpers: list[PickedAgent] = []
    #: 0..1, calibrated: of the picks shown at 80 %, about 80 % are right (measured on tests/data/routing.tsv).
    confidence: float = 0.0
    #: True when nothing in the prompt pointed at a specialist and a default agent was chosen.
    fallback: bool = False
    #: True below the confidence threshold: "no clear specialist, using <generalist>", with ``runners_up``.
    uncertain: bool = False
    #: The next two candidates, for one-click switching.
    runners_up: list[PickedAgent] = []
    #: What the request asks for, in words ("a game", "an everyday app", "a follow-up to a game").
    kind: str = ""
    #: The all-rounder for that kind (the primary when no specialist is clearly asked for).
    generalist: str = ""
    #: True when the request was read as a follow-up in an existing project.
    follow_up: bool = False
    project_type: str = ""
    project_type_guessed: bool = False
    #: The prompt's words that were considered (stop words removed; synonyms as "word->synonym").
    words: list[str] = []
    #: One sentence for a person: who was chosen and why.
    explanation: str = ""
    took_ms: float = 0.0


class AgentLoadReport(Message):
    folders: list[AgentFolder]
    errors: list[AgentLoadProblem]
    agents: int = 0


class AgentCheckReport(Message):
    path: str
    agents: list[AgentSummary]
    errors: list[AgentLoadProblem]
    ignored: list[str] = []


class ProjectTypeList(Message):
    types: list[ProjectTypeInfo]


class WorkflowList(Message):
    workflows: list[WorkflowInfo]
    problems: list[str] = []


class WorkflowPlan(Message):
    workflow: WorkflowInfo
    tasks: list[WorkflowTask]
    #: Task ids by level; each inner list can run in parallel once the previous levels are done.
    levels: list[list[str]]
    params: dict[str, str] = {}
    warnings: list[str] = []
    max_parallel: int = 1


# -- events ----------------------------------------------------------------------


class AgentsChanged(Message):
    """Published on ``agents.changed`` when the registry changed on disk."""

    added: list[str] = []
    changed: list[str] = []
    removed: list[str] = []
    #: Files refused right now (a broken file keeps its last good version loaded).
    errors: list[AgentLoadProblem] = []
    #: The files whose change triggered this.
    files: list[str] = []
    count: int = 0
    #: '' for the app-wide registry, else the project folder whose view changed.
    project_dir: str = ""


REQUEST_TYPES = COMMON_REQUESTS + (
    ListAgents,
    GetAgent,
    ListCategories,
    SearchAgents,
    SelectAgents,
    AgentProblems,
    CheckAgentFolder,
    AddAgentFolder,
    ReloadAgents,
    ListProjectTypes,
    ListWorkflows,
    PlanWorkflow,
)
Request = Union[REQUEST_TYPES]  # type: ignore[valid-type]
REPLY_TYPES = COMMON_REPLIES + (
    AgentList,
    AgentReply,
    AgentCategoryList,
    AgentSearchResults,
    AgentSelection,
    AgentLoadReport,
    AgentCheckReport,
    ProjectTypeList,
    WorkflowList,
    WorkflowPlan,
)
Reply = Union[REPLY_TYPES]  # type: ignore[valid-type]
EVENTS: tuple = (AgentsChanged,)
