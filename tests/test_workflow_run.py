"""A multi-agent workflow runs on the real app: levels in order, independent tasks in parallel, each task given
its dependencies' answers; a failed task skips those that depend on it."""

from __future__ import annotations

import json

import pytest

from tests.conftest import start_app
from tests.fakes import FakeAnthropic
from vibing.schema.agent import PlanWorkflow
from vibing.schema.stream import RunWorkflow, WorkflowDone, WorkflowProgress


@pytest.fixture
def running(tmp_path):
    with FakeAnthropic() as server:
        app = start_app(tmp_path / "home", ANTHROPIC_BASE_URL=server.url, ANTHROPIC_API_KEY="sk-ant-test-" + "w" * 30)
        try:
            yield app, server
        finally:
            app.stop()


def collect(sub, run_id: str) -> tuple[list[WorkflowProgress], WorkflowDone]:
    progress = []
    while True:
        event = sub.recv(timeout=60)
        assert event is not None, "the workflow went quiet"
        if getattr(event.body, "run_id", None) != run_id:
            continue
        if isinstance(event.body, WorkflowDone):
            return progress, event.body
        progress.append(event.body)


def test_a_workflow_runs_level_by_level_with_parallel_tasks_and_dependency_answers(running):
    app, server = running
    bus = app.bus()
    plan = bus.request("agent", PlanWorkflow(workflow="full-stack", params={"app": "a recipe box"}))
    wide = next(level for level in plan.levels if len(level) > 1)  # a level whose tasks can run together
    sub = bus.subscribe("workflow.")
    sub.sync()
    bus.request(
        "stream",
        RunWorkflow(workflow="full-stack", brief="a recipe box [[scenario:slow delay_ms=5]]", run_id="wf-test"),
    )
    progress, done = collect(sub, "wf-test")
    assert done.ok and sorted(done.done) == sorted(t.id for t in plan.tasks), done.message

    order = [(p.task_id, p.state) for p in progress if p.state in ("running", "done")]
    for before, after in zip(
        plan.levels, plan.levels[1:], strict=False
    ):  # a level starts only after the previous one is done
        last_done = max(order.index((t, "done")) for t in before)
        assert all(order.index((t, "running")) > last_done for t in after)
    # the independent tasks of one level were all running before any of them finished
    assert max(order.index((t, "running")) for t in wide) < min(order.index((t, "done")) for t in wide)

    by_id = {t.id: t for t in plan.tasks}
    dependent = next(t for t in plan.tasks if t.depends_on)
    prompts = [json.dumps(r.body) for r in server.requests if r.path.endswith("/v1/messages")]
    assert len(prompts) == len(plan.tasks)
    title = by_id[dependent.depends_on[0]].title
    assert any(
        f"Output of the earlier task \\u201c{title}\\u201d" in p or f"Output of the earlier task “{title}”" in p
        for p in prompts
    )


def test_a_failed_task_skips_the_tasks_that_need_it(running):
    app, server = running
    bus = app.bus()
    plan = bus.request("agent", PlanWorkflow(workflow="full-stack", params={}))
    first = plan.levels[0]
    assert len(first) == 1, "this test fails the single first task"
    server.push("status", status=400)
    sub = bus.subscribe("workflow.")
    sub.sync()
    bus.request("stream", RunWorkflow(workflow="full-stack", brief="a recipe box", run_id="wf-fail"))
    progress, done = collect(sub, "wf-fail")
    assert not done.ok and done.failed == first
    assert sorted(done.skipped) == sorted(t.id for t in plan.tasks if t.id not in first)
    assert any(p.state == "failed" and p.message for p in progress)


def test_the_cli_runs_a_workflow_and_shows_each_task(running):
    app, _server = running
    result = app.cli("workflows", "run", "code-review", "review my todo app", "--project", "Todo")
    assert result.returncode == 0, result.stderr
    assert "✓" in result.stderr and "All" in result.stderr and "project's chat" in result.stderr
