"""Multi-agent workflows: templates (YAML data files) planned into levels of parallel tasks.

A template is a graph of tasks, each run by one agent, with ``depends_on`` edges.  A
plan checks the graph (unknown dependencies, cycles), fills the prompts' ``{params}``,
resolves each task's agent in the library (substituting the best match, and saying so,
when the library lacks it), and groups the tasks into topological levels: every task of
a level depends only on tasks of earlier levels, so the tasks of one level can stream in
parallel, each seeing its dependencies' outputs.
"""

from __future__ import annotations

import os
import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from vibing.services.agent.registry import Library

TEMPLATES_DIR = Path(__file__).resolve().parent / "workflow_templates"
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class WorkflowError(ValueError):
    """A template that cannot be planned (the message says why)."""


@dataclass(slots=True)
class TaskTemplate:
    id: str
    agent: str
    title: str
    prompt: str
    depends_on: list[str] = field(default_factory=list)
    priority: int = 5
    max_tokens: int = 8000


@dataclass(slots=True)
class Workflow:
    id: str
    name: str
    description: str
    category: str
    tags: list[str]
    params: dict[str, str]
    tasks: list[TaskTemplate]
    aliases: list[str] = field(default_factory=list)
    file: str = ""


@dataclass(slots=True)
class PlannedTask:
    id: str
    agent: str
    title: str
    prompt: str
    depends_on: list[str]
    level: int
    priority: int
    max_tokens: int
    model: str = ""
    #: The agent the template asked for when the library lacks it (``agent`` is the stand-in).
    wanted_agent: str = ""
    note: str = ""


@dataclass(slots=True)
class Plan:
    workflow: Workflow
    tasks: list[PlannedTask]
    levels: list[list[str]]
    params: dict[str, str]
    warnings: list[str]

    @property
    def max_parallel(self) -> int:
        return max((len(level) for level in self.levels), default=0)


def _as_str_list(value: Any, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v) for v in value]
    raise WorkflowError(f"{what} must be a list of ids")


def parse_workflow(data: Any, file: str = "<data>") -> Workflow:
    if not isinstance(data, dict):
        raise WorkflowError(f"{file}: a workflow must be a mapping")
    wid = str(data.get("id") or Path(file).stem)
    if not _ID_RE.match(wid):
        raise WorkflowError(f"{file}: invalid workflow id {wid!r}")
    raw_tasks = data.get("tasks")
    if not isinstance(raw_tasks, list) or not raw_tasks:
        raise WorkflowError(f"{file}: 'tasks' must be a non-empty list")
    tasks = []
    for number, raw in enumerate(raw_tasks, 1):
        if not isinstance(raw, dict):
            raise WorkflowError(f"{file}: task {number} must be a mapping")
        missing = [k for k in ("id", "agent", "prompt") if not raw.get(k)]
        if missing:
            raise WorkflowError(f"{file}: task {number} has no {', '.join(missing)}")
        tasks.append(
            TaskTemplate(
                id=str(raw["id"]),
                agent=str(raw["agent"]),
                title=str(raw.get("title") or raw["id"]),
                prompt=str(raw["prompt"]).strip(),
                depends_on=_as_str_list(raw.get("depends_on"), f"{file}: task {raw['id']}: depends_on"),
                priority=int(raw.get("priority", 5)),
                max_tokens=int(raw.get("max_tokens", 8000)),
            )
        )
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise WorkflowError(f"{file}: 'params' must be a mapping")
    workflow = Workflow(
        id=wid,
        name=str(data.get("name") or wid),
        description=str(data.get("description") or ""),
        category=str(data.get("category") or "general"),
        tags=_as_str_list(data.get("tags"), f"{file}: tags"),
        params={str(k): str(v) for k, v in params.items()},
        tasks=tasks,
        aliases=_as_str_list(data.get("aliases"), f"{file}: aliases"),
        file=file,
    )
    levels(workflow.tasks, file)  # refuse a broken graph at load time
    return workflow


def levels(tasks: list[TaskTemplate], where: str = "workflow") -> list[list[str]]:
    """Topological levels (Kahn); raises :class:`WorkflowError` on duplicates, unknown ids or a cycle."""
    ids = [t.id for t in tasks]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise WorkflowError(f"{where}: duplicate task id {duplicates[0]!r}")
    by_id = {t.id: t for t in tasks}
    for task in tasks:
        for dep in task.depends_on:
            if dep not in by_id:
                raise WorkflowError(f"{where}: task {task.id!r} depends on unknown task {dep!r}")
            if dep == task.id:
                raise WorkflowError(f"{where}: task {task.id!r} depends on itself")
    remaining = {t.id: set(t.depends_on) for t in tasks}
    order = {t.id: n for n, t in enumerate(tasks)}
    result: list[list[str]] = []
    done: set[str] = set()
    while remaining:
        ready = sorted(
            (tid for tid, deps in remaining.items() if deps <= done), key=lambda tid: (-by_id[tid].priority, order[tid])
        )
        if not ready:
            cycle = _find_cycle(remaining)
            raise WorkflowError(f"{where}: the tasks depend on each other in a cycle: {' -> '.join(cycle)}")
        result.append(ready)
        done.update(ready)
        for tid in ready:
            del remaining[tid]
    return result


def _find_cycle(graph: dict[str, set[str]]) -> list[str]:
    for start in sorted(graph):
        path, seen, node = [start], {start}, start
        while True:
            nxt = sorted(d for d in graph.get(node, ()) if d in graph)
            if not nxt:
                break
            node = nxt[0]
            if node in seen:
                return path[path.index(node) :] + [node]
            path.append(node)
            seen.add(node)
    return sorted(graph)


def load_templates(folder: str | os.PathLike = TEMPLATES_DIR) -> tuple[dict[str, Workflow], list[str]]:
    """Every ``*.yaml`` workflow in ``folder`` and the problems found (a bad file does not stop the rest)."""
    found: dict[str, Workflow] = {}
    problems: list[str] = []
    for path in sorted(Path(folder).glob("*.y*ml")):
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            workflow = parse_workflow(data, str(path))
        except (OSError, UnicodeDecodeError, yaml.YAMLError, WorkflowError, ValueError, TypeError) as exc:
            problems.append(f"{path}: {exc}")
            continue
        if workflow.id in found:
            problems.append(f"{path}: duplicate workflow id {workflow.id!r}")
            continue
        found[workflow.id] = workflow
    return found, problems


def find(workflows: dict[str, Workflow], name: str) -> Workflow | None:
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    if key in workflows:
        return workflows[key]
    for workflow in workflows.values():
        if key in workflow.aliases:
            return workflow
    return None


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, params: dict[str, str]) -> str:
    try:
        return string.Formatter().vformat(template, (), _Params(params))
    except (ValueError, IndexError, AttributeError):
        return template


def plan(workflow: Workflow, library: Library | None = None, params: dict[str, str] | None = None) -> Plan:
    """The workflow's tasks with their levels, agents resolved in ``library`` and prompts filled."""
    merged = dict(workflow.params)
    merged.update({k: v for k, v in (params or {}).items() if v is not None})
    level_ids = levels(workflow.tasks, workflow.id)
    level_of = {tid: n for n, group in enumerate(level_ids) for tid in group}
    warnings: list[str] = []
    unknown = sorted(set(params or {}) - set(workflow.params))
    if unknown:
        warnings.append(
            f"unused parameters: {', '.join(unknown)} (this workflow takes: {', '.join(workflow.params) or 'none'})"
        )
    tasks = []
    for template in workflow.tasks:
        prompt = _fill(template.prompt, merged)
        agent, wanted, note, model = template.agent, "", "", ""
        if library is not None:
            entry = library.get(template.agent)
            if entry is None:
                from vibing.services.agent.select import select

                picked = select(library, f"{template.title}. {prompt}")
                if picked is not None:
                    agent, wanted = picked.primary.agent.name, template.agent
                    note = f"{template.agent} is not in the library; {agent} stands in ({picked.primary.reason})"
                    warnings.append(f"task {template.id}: {note}")
                    model = picked.primary.agent.model
                else:
                    warnings.append(f"task {template.id}: agent {template.agent} is not in the library")
            else:
                model = entry.agent.model
        tasks.append(
            PlannedTask(
                id=template.id,
                agent=agent,
                title=template.title,
                prompt=prompt,
                depends_on=list(template.depends_on),
                level=level_of[template.id],
                priority=template.priority,
                max_tokens=template.max_tokens,
                model=model,
                wanted_agent=wanted,
                note=note,
            )
        )
    tasks.sort(key=lambda t: (t.level, -t.priority, t.id))
    return Plan(workflow, tasks, level_ids, merged, warnings)
