"""Workflow templates: every one plans into dependency-respecting parallel levels; broken graphs are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from vibing.services.agent import workflows
from vibing.services.agent.registry import Library, Source
from vibing.services.agent.workflows import TaskTemplate, WorkflowError, levels, load_templates, parse_workflow, plan

EXPECTED = {"full-stack", "security-audit", "testing", "performance", "code-review", "devops"}


@pytest.fixture(scope="module")
def templates():
    found, problems = load_templates()
    assert problems == []
    return found


def test_the_six_templates_exist(templates):
    assert set(templates) == EXPECTED
    assert workflows.find(templates, "fullstack-dev").id == "full-stack"
    assert workflows.find(templates, "Security Audit").id == "security-audit"
    assert workflows.find(templates, "nope") is None


@pytest.mark.parametrize("wid", sorted(EXPECTED))
def test_plans_respect_dependencies_and_group_parallel_tasks(templates, wid: str):
    result = plan(templates[wid])
    level_of = {t.id: t.level for t in result.tasks}
    assert sorted(level_of) == sorted(t.id for t in templates[wid].tasks)
    for task in result.tasks:
        for dep in task.depends_on:
            assert level_of[dep] < task.level, f"{task.id} runs before its dependency {dep}"
        if task.level:
            assert any(level_of[d] == task.level - 1 for d in task.depends_on), "levels are as early as possible"
    assert [sorted(group) for group in result.levels] == [
        sorted(t.id for t in result.tasks if t.level == n) for n in range(len(result.levels))
    ]
    assert result.max_parallel >= 2, "every template has tasks that can run side by side"
    assert all("{" not in t.prompt for t in result.tasks), "every parameter has a default"


def test_full_stack_plan_shape(templates):
    result = plan(templates["full-stack"], params={"app": "a recipe box"})
    assert result.levels == [
        ["architecture"],
        ["data-model", "interface-plan"],
        ["api", "interface"],
        ["integration-tests"],
    ]
    assert "a recipe box" in result.tasks[0].prompt
    security = plan(templates["security-audit"])
    assert security.levels[1] == ["client-review", "server-review", "dependency-review", "infrastructure-review"]


def test_missing_agents_get_a_named_stand_in(templates, tmp_path: Path):
    folder = tmp_path / "agents"
    folder.mkdir()
    (folder / "t.md").write_text("---\nname: test-automator\ndescription: Writes tests.\n---\nTests.\n")
    (folder / "w.md").write_text(
        "---\nname: web-builder\ndescription: Builds frontend interfaces and screens.\n---\nBuild.\n"
    )
    source = Source(folder, "bundled")
    source.scan()
    library = Library([source])
    library.rebuild()
    result = plan(templates["full-stack"], library)
    tasks = {t.id: t for t in result.tasks}
    assert tasks["integration-tests"].agent == "test-automator" and not tasks["integration-tests"].wanted_agent
    assert tasks["interface"].wanted_agent == "frontend-developer"
    assert tasks["interface"].agent in ("web-builder", "test-automator") and tasks["interface"].note
    assert any("frontend-developer is not in the library" in w for w in result.warnings)


def T(tid: str, *deps: str) -> TaskTemplate:
    return TaskTemplate(id=tid, agent="a", title=tid, prompt="p", depends_on=list(deps))


def test_levels_and_broken_graphs():
    assert levels([T("a"), T("b", "a"), T("c", "a"), T("d", "b", "c")]) == [["a"], ["b", "c"], ["d"]]
    with pytest.raises(WorkflowError, match="cycle: "):
        levels([T("a", "c"), T("b", "a"), T("c", "b"), T("d")])
    with pytest.raises(WorkflowError, match="unknown task 'zz'"):
        levels([T("a", "zz")])
    with pytest.raises(WorkflowError, match="depends on itself"):
        levels([T("a", "a")])
    with pytest.raises(WorkflowError, match="duplicate task id"):
        levels([T("a"), T("a")])


def test_a_bad_template_file_is_reported_and_the_rest_load(tmp_path: Path):
    (tmp_path / "good.yaml").write_text("id: good\ntasks:\n  - {id: a, agent: x, prompt: p}\n")
    (tmp_path / "cycle.yaml").write_text(
        "id: cycle\ntasks:\n  - {id: a, agent: x, prompt: p, depends_on: [b]}\n"
        "  - {id: b, agent: x, prompt: p, depends_on: [a]}\n"
    )
    (tmp_path / "broken.yaml").write_text("id: [\n")
    found, problems = load_templates(tmp_path)
    assert list(found) == ["good"]
    assert len(problems) == 2 and any("cycle" in p for p in problems)
    with pytest.raises(WorkflowError):
        parse_workflow({"id": "x", "tasks": [{"id": "a"}]})
