"""The agent service in the real app, over the real bus: queries, auto-select, hot reload, overrides."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from vibing.errors import NotFound
from vibing.schema.agent import (
    AddAgentFolder,
    AgentList,
    AgentLoadReport,
    AgentProblems,
    AgentReply,
    AgentsChanged,
    AgentSearchResults,
    AgentSelection,
    GetAgent,
    ListAgents,
    ListProjectTypes,
    ListWorkflows,
    PlanWorkflow,
    ProjectTypeList,
    SearchAgents,
    SelectAgents,
    WorkflowList,
    WorkflowPlan,
)


def agent_file(name: str, description: str, body: str = "You write small, careful apps.", **extra: str) -> str:
    lines = ["---", f"name: {name}", f"description: {description}", "model: haiku"]
    lines += [f"{k}: {v}" for k, v in extra.items()]
    return "\n".join(lines + ["---", body, ""])


def wait_event(sub, predicate, timeout: float = 5.0) -> tuple[AgentsChanged, float]:
    """The first agents.changed event matching ``predicate``, and when it arrived (monotonic)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        event = sub.recv(timeout=max(0.0, deadline - time.monotonic()))
        if event is None:
            break
        if isinstance(event.body, AgentsChanged) and predicate(event.body):
            return event.body, time.monotonic()
    raise AssertionError(f"no matching agents.changed event within {timeout}s")


def test_queries_over_the_bus(app):
    bus = app.bus()
    listed = bus.request("agent", ListAgents())
    assert isinstance(listed, AgentList) and listed.agents, "the bundled library should load"
    names = {a.name for a in listed.agents}
    assert "frontend-developer" in names
    assert all(a.file and a.origin for a in listed.agents)

    one = bus.request("agent", GetAgent(name="frontend-developer"))
    assert isinstance(one, AgentReply) and one.agent.prompt.strip()
    with pytest.raises(NotFound):
        bus.request("agent", GetAgent(name="no-such-agent"))

    found = bus.request("agent", SearchAgents(query="frontend"))
    assert isinstance(found, AgentSearchResults) and found.hits
    assert found.hits[0].agent.name.startswith("frontend") or "frontend" in found.hits[0].agent.name

    picked = bus.request("agent", SelectAgents(prompt="a unity platformer game", project_type="game"))
    assert isinstance(picked, AgentSelection)
    assert picked.primary.name and picked.explanation and picked.project_type == "game"
    assert not picked.fallback and picked.primary.matched

    fallback = bus.request("agent", SelectAgents(prompt="hello there"))
    assert fallback.fallback and fallback.primary.name in ("fullstack-developer", "frontend-developer")
    assert fallback.uncertain and len(fallback.runners_up) == 2
    kept = bus.request(
        "agent",
        SelectAgents(prompt="make the buttons bigger", files=["index.html"], recent_agents=["arcade-game-developer"]),
    )
    assert kept.primary.name == "arcade-game-developer" and kept.follow_up and kept.primary.source == "project"
    odd = bus.request("agent", SelectAgents(prompt="a unity platformer game", project_type="spaceship"))
    assert odd.primary.name and "Unknown project type 'spaceship' ignored" in odd.explanation
    assert bus.request("agent", SelectAgents(prompt="hello", project_type="MOBILE_APP")).project_type == "mobile-app"
    huge = bus.request("agent", SelectAgents(prompt="a snake game " * 10_000))  # 130 kB: read from its start
    assert huge.primary.name == "arcade-game-developer"

    types = bus.request("agent", ListProjectTypes())
    assert isinstance(types, ProjectTypeList)
    assert {t.id for t in types.types} == {"website", "mobile-app", "game", "api", "dashboard"}

    flows = bus.request("agent", ListWorkflows())
    assert isinstance(flows, WorkflowList) and len(flows.workflows) >= 6 and not flows.problems
    plan = bus.request("agent", PlanWorkflow(workflow="security-audit"))
    assert isinstance(plan, WorkflowPlan) and plan.levels[0] == ["threat-model"] and plan.max_parallel == 4


def test_hot_reload_add_edit_break_delete_within_a_second(app, tmp_path: Path):
    bus = app.bus()
    folder = tmp_path / "more-agents"
    folder.mkdir()
    sub = bus.subscribe("agents.changed")
    sub.sync()
    report = bus.request("agent", AddAgentFolder(path=str(folder)))
    assert isinstance(report, AgentLoadReport)
    assert str(folder) in [f.path for f in report.folders]

    path = folder / "zeta-helper.md"
    path.write_text(agent_file("zeta-helper", "Draws zebra stripes on canvases."), encoding="utf-8")
    written = time.monotonic()
    event, arrived = wait_event(sub, lambda e: "zeta-helper" in e.added and not e.project_dir)
    assert arrived - written < 1.0, f"added agent seen after {arrived - written:.2f}s"
    assert str(path) in event.files
    hit = bus.request("agent", SearchAgents(query="zebra stripes")).hits[0]
    assert hit.agent.name == "zeta-helper" and hit.agent.origin == "config"

    path.write_text(agent_file("zeta-helper", "Paints tiger stripes on every canvas now."), encoding="utf-8")
    written = time.monotonic()
    event, arrived = wait_event(sub, lambda e: "zeta-helper" in e.changed)
    assert arrived - written < 1.0
    assert "tiger" in bus.request("agent", GetAgent(name="zeta-helper")).agent.description

    path.write_text("---\nname: zeta-helper\ndescription: [unclosed\n---\nbody\n", encoding="utf-8")
    written = time.monotonic()
    event, arrived = wait_event(sub, lambda e: any(err.file == str(path) for err in e.errors))
    assert arrived - written < 1.0
    error = next(err for err in event.errors if err.file == str(path))
    assert error.line >= 2 and "YAML" in error.reason
    kept = bus.request("agent", GetAgent(name="zeta-helper")).agent
    assert "tiger" in kept.description and kept.stale, "the last good version stays loaded"
    problems = bus.request("agent", AgentProblems())
    assert any(e.file == str(path) for e in problems.errors)

    path.unlink()
    written = time.monotonic()
    event, arrived = wait_event(sub, lambda e: "zeta-helper" in e.removed)
    assert arrived - written < 1.0
    with pytest.raises(NotFound):
        bus.request("agent", GetAgent(name="zeta-helper"))


def test_user_folder_overrides_bundled_agent(app, tmp_path: Path):
    bus = app.bus()
    bundled = bus.request("agent", GetAgent(name="frontend-developer")).agent
    assert bundled.origin == "bundled"
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "my-frontend.md").write_text(
        agent_file("frontend-developer", "My own frontend agent that only writes Svelte."), encoding="utf-8"
    )
    bus.request("agent", AddAgentFolder(path=str(folder)))
    mine = bus.request("agent", GetAgent(name="frontend-developer")).agent
    assert mine.origin == "config" and mine.file == str(folder / "my-frontend.md")
    assert mine.overrides == [bundled.file]
    names = [a.name for a in bus.request("agent", ListAgents()).agents]
    assert names.count("frontend-developer") == 1


def test_project_folder_is_layered_on_top(app, tmp_path: Path):
    bus = app.bus()
    project = tmp_path / "proj"
    (project / ".claude" / "agents").mkdir(parents=True)
    (project / ".claude" / "agents" / "house-style.md").write_text(
        agent_file("house-style", "Applies this project's quirky house style."), encoding="utf-8"
    )
    listed = bus.request("agent", ListAgents(project_dir=str(project)))
    assert "house-style" in {a.name for a in listed.agents}
    assert "house-style" not in {a.name for a in bus.request("agent", ListAgents()).agents}
    got = bus.request("agent", GetAgent(name="house-style", project_dir=str(project))).agent
    assert got.origin == "project"
    with pytest.raises(NotFound):
        bus.request("agent", ListAgents(project_dir=str(tmp_path / "missing")))


def test_cli_talks_to_the_running_app(app, tmp_path: Path):
    out = app.cli("agents", "pick", "write unit tests for my api", "--json")
    assert out.returncode == 0, out.stderr
    reply = json.loads(out.stdout)
    assert reply["type"] == "AgentSelection" and reply["primary"]["name"]
    out = app.cli("agents", "ls")
    assert out.returncode == 0 and "frontend-developer" in out.stdout
    out = app.cli("agents", "show", "frontend-developer")
    assert out.returncode == 0 and "file:" in out.stdout
    out = app.cli("workflows", "plan", "full-stack")
    assert out.returncode == 0 and "level 2 (in parallel)" in out.stdout

    folder = tmp_path / "added"
    folder.mkdir()
    (folder / "quill.md").write_text(agent_file("quill-writer", "Writes release notes with a quill."), encoding="utf-8")
    out = app.cli("agents", "add-dir", str(folder))
    assert out.returncode == 0, out.stderr
    assert "running app now loads it" in out.stdout
    assert "quill-writer" in {a.name for a in app.bus().request("agent", ListAgents()).agents}
    config_text = (app.paths.config_file).read_text(encoding="utf-8")
    assert str(folder) in config_text
