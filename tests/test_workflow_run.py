"""A multi-agent workflow runs on the real app: levels in order, independent tasks in parallel, each task given
its dependencies' answers; a failed task skips those that depend on it; a person can stop one task (its dependents
are skipped, the rest go on) or the whole run."""

from __future__ import annotations

import json

import pytest

from tests.conftest import start_app
from tests.fakes import FakeAnthropic
from vibing.schema.agent import PlanWorkflow, WorkflowPlan
from vibing.schema.stream import (
    ListWorkflowRuns,
    RunWorkflow,
    StopStream,
    StopWorkflow,
    TokenDelta,
    WorkflowDone,
    WorkflowProgress,
)


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


def needing(plan: WorkflowPlan, task_id: str) -> set[str]:
    """Every task that needs ``task_id``'s answer, directly or through another task."""
    found: set[str] = set()
    for task in plan.tasks:  # the plan lists tasks in level order, so a dependency is seen before its dependents
        if task_id in task.depends_on or found.intersection(task.depends_on):
            found.add(task.id)
    return found


def test_stopping_one_of_two_parallel_tasks_lets_the_other_finish_and_skips_only_what_needed_it(running):
    app, server = running
    bus = app.bus()
    plan = bus.request("agent", PlanWorkflow(workflow="full-stack", params={}))
    pair = plan.levels[1]
    assert len(pair) == 2, "this test runs the two tasks of full-stack's second level side by side"
    server.push("normal")  # the first level
    server.push("hang")  # whichever of the pair reaches the server first says nothing until it is stopped
    server.push("slow", delay_ms=20, words=150)  # the other streams for a few seconds
    sub = bus.subscribe("workflow.", "token.")
    sub.sync()
    bus.request("stream", RunWorkflow(workflow="full-stack", brief="a recipe box", run_id="wf-stop-one"))

    streams: dict[str, str] = {}  # task id -> stream id, from the running progress
    talking: set[str] = set()  # streams that delivered text
    progress: list[WorkflowProgress] = []
    hung = ""
    while True:
        event = sub.recv(timeout=60)
        assert event is not None, "the workflow went quiet"
        body = event.body
        if isinstance(body, TokenDelta):
            talking.add(body.stream_id)
        elif getattr(body, "run_id", None) != "wf-stop-one":
            continue
        elif isinstance(body, WorkflowDone):
            done = body
            break
        else:
            progress.append(body)
            if body.state == "running":
                streams[body.task_id] = body.stream_id
        if not hung and all(t in streams for t in pair) and talking.intersection(streams[t] for t in pair):
            hung = next(t for t in pair if streams[t] not in talking)
            bus.request("stream", StopStream(stream_id=streams[hung]))
    other = next(t for t in pair if t != hung)

    states = {p.task_id: p for p in progress if p.state not in ("queued", "running")}
    assert states[hung].state == "stopped" and states[hung].message == "stopped by you"
    assert states[other].state == "done" and states[other].chars > 0
    order = [(p.task_id, p.state) for p in progress]
    assert order.index((hung, "stopped")) < order.index((other, "done")), "the other task was still streaming"

    title = next(t.title for t in plan.tasks if t.id == hung)
    dependents = needing(plan, hung)
    assert dependents and sorted(done.skipped) == sorted(dependents)
    direct = [t.id for t in plan.tasks if hung in t.depends_on]
    assert all(title in states[t].message and "stopped" in states[t].message for t in direct)
    everyone_else = {t.id for t in plan.tasks} - dependents - {hung}
    assert sorted(done.done) == sorted(everyone_else), "the tasks that do not need the stopped one went on"
    assert done.stopped == [hung] and not done.failed and not done.ok
    assert "1 stopped" in done.message


def test_stopping_a_task_others_depend_on_skips_them(running):
    app, _server = running
    bus = app.bus()
    plan = bus.request("agent", PlanWorkflow(workflow="full-stack", params={}))
    (first,) = plan.levels[0]
    sub = bus.subscribe("workflow.")
    sub.sync()
    bus.request(
        "stream", RunWorkflow(workflow="full-stack", brief="a recipe box [[scenario:hang]]", run_id="wf-stop-first")
    )
    progress: list[WorkflowProgress] = []
    while True:
        event = sub.recv(timeout=60)
        assert event is not None, "the workflow went quiet"
        body = event.body
        if getattr(body, "run_id", None) != "wf-stop-first":
            continue
        if isinstance(body, WorkflowDone):
            done = body
            break
        progress.append(body)
        if body.task_id == first and body.state == "running":
            bus.request("stream", StopStream(stream_id=body.stream_id))

    assert done.stopped == [first] and not done.done and not done.failed and not done.ok
    assert sorted(done.skipped) == sorted(t.id for t in plan.tasks if t.id != first)
    title = next(t.title for t in plan.tasks if t.id == first)
    skipped = {p.task_id: p.message for p in progress if p.state == "skipped"}
    for task in plan.tasks:
        if task.depends_on == [first]:
            assert skipped[task.id] == f"it needs “{title}” ({first}), which was stopped"
    assert not any(p.state == "running" and p.task_id != first for p in progress), "nothing ran without its input"


def test_stopping_the_run_stops_every_running_task_and_skips_the_rest(running):
    app, server = running
    bus = app.bus()
    plan = bus.request("agent", PlanWorkflow(workflow="full-stack", params={}))
    pair = plan.levels[1]
    server.push("normal")  # the first level finishes; the next ones hang until stopped
    sub = bus.subscribe("workflow.")
    sub.sync()
    bus.request(
        "stream", RunWorkflow(workflow="full-stack", brief="a recipe box [[scenario:hang]]", run_id="wf-stop-all")
    )
    progress: list[WorkflowProgress] = []
    while True:
        event = sub.recv(timeout=60)
        assert event is not None, "the workflow went quiet"
        body = event.body
        if getattr(body, "run_id", None) != "wf-stop-all":
            continue
        if isinstance(body, WorkflowDone):
            done = body
            break
        progress.append(body)
        if {p.task_id for p in progress if p.state == "running"} >= set(pair) and body.state == "running":
            bus.request("stream", StopWorkflow(run_id="wf-stop-all"))

    assert done.done == list(plan.levels[0])
    assert sorted(done.stopped) == sorted(pair) and not done.failed
    assert sorted(done.skipped) == sorted(t for level in plan.levels[2:] for t in level)
    ends = {p.task_id: p for p in progress if p.state in ("stopped", "skipped")}
    assert all(ends[t].message == "stopped with the run" for t in pair)
    assert all(ends[t].message == "the run was stopped" for t in done.skipped)


def test_a_running_workflow_is_listed_with_its_plan_and_where_each_task_is_until_it_ends(running):
    """What a page reloaded mid-run asks for, to draw the graph again and follow the running task."""
    app, server = running
    bus = app.bus()
    server.push("hang")  # the first task says nothing until it is stopped
    sub = bus.subscribe("workflow.")
    sub.sync()
    bus.request("stream", RunWorkflow(workflow="full-stack", brief="a recipe box", project_id="", run_id="wf-listed"))
    while True:  # the first task is running
        event = sub.recv(timeout=30)
        assert event is not None, "the workflow went quiet"
        if isinstance(event.body, WorkflowProgress) and event.body.state == "running":
            first = event.body
            break

    runs = bus.request("stream", ListWorkflowRuns()).runs
    assert [r.run_id for r in runs] == ["wf-listed"]
    listed = runs[0]
    assert listed.brief == "a recipe box" and listed.workflow == "full-stack"
    assert [t.id for t in listed.plan.tasks] == [p.task_id for p in listed.tasks]
    states = {p.task_id: p for p in listed.tasks}
    assert states[first.task_id].state == "running" and states[first.task_id].stream_id == first.stream_id
    assert all(p.state == "queued" for tid, p in states.items() if tid != first.task_id)
    assert bus.request("stream", ListWorkflowRuns(project_id="another")).runs == []

    bus.request("stream", StopWorkflow(run_id="wf-listed"))
    collect(sub, "wf-listed")
    assert bus.request("stream", ListWorkflowRuns()).runs == []
