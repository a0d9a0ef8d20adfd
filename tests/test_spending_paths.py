"""Spending limits on every way a request reaches a paid model, not only a generation (issue 19 item 3): a workflow
is checked before its run (the estimate of all its tasks) and again before each task, a continuation before it is
sent, and a title suggestion falls back to the prompt's words rather than go over a hard limit.  Same refusal
(``SpendingLimitReached``: nothing sent, nothing stored) and the same agreement (``over_limit_ok``) as Generate.

Real processes, bus and SQLite; the model is the test Anthropic server.  The limits are read from the config file
at each request; the day's spending is shared by the module's tests, so each sets its limits from what was spent
before it (``spent_today``).
"""

from __future__ import annotations

import time

import pytest
from conftest import start_app
from test_budget_paths import _stored_status
from test_spending import new_project, set_limits, spent_today

from tests.fakes import FakeAnthropic
from vibing.errors import SpendingLimitReached
from vibing.schema.agent import PlanWorkflow
from vibing.schema.storage import AddMessage, GetMessage, ListMessages, ListProjects
from vibing.schema.stream import (
    ContinueStream,
    RunWorkflow,
    StreamDone,
    SuggestTitle,
    WorkflowDone,
    WorkflowProgress,
)
from vibing.services.stream import spending

KEY = "sk-ant-test-0123456789abcdef"


@pytest.fixture(scope="module")
def server():
    with FakeAnthropic() as s:
        yield s


@pytest.fixture(scope="module")
def app(server, tmp_path_factory):
    running = start_app(
        tmp_path_factory.mktemp("spend-paths") / "home", ANTHROPIC_BASE_URL=server.url, ANTHROPIC_API_KEY=KEY
    )
    yield running
    running.stop()


def _sent(server) -> int:
    return sum(1 for r in server.requests if r.path.endswith("/v1/messages"))


def _workflow_end(sub, run_id: str, on_progress=None) -> tuple[list[WorkflowProgress], WorkflowDone]:
    progress: list[WorkflowProgress] = []
    while True:
        event = sub.recv(timeout=60)
        assert event is not None, "the workflow went quiet"
        body = event.body
        if getattr(body, "run_id", None) != run_id:
            continue
        if isinstance(body, WorkflowDone):
            return progress, body
        progress.append(body)
        if on_progress is not None:
            on_progress(body)


def test_a_workflow_over_the_limit_is_refused_before_any_task_then_runs_with_the_agreement(app, server):
    bus = app.bus()
    project_id = new_project(bus, "Workflow limit")
    plan = bus.request("agent", PlanWorkflow(workflow="code-review", params={"app": "a todo list"}))
    one_task = spending.estimate(
        model="claude-sonnet-4-5", provider="anthropic", prompt="", history_chars=0, file_chars=0, max_tokens=4000
    ).usd
    day, _ = spent_today(bus)
    set_limits(app, spending_limit_day_usd=round(day + one_task, 6), spending_warn_day_usd=0)
    count = _sent(server)

    brief = "review a todo list [[scenario:normal words=20]]"
    with pytest.raises(SpendingLimitReached) as refused:
        bus.request("stream", RunWorkflow(workflow="code-review", brief=brief, project_id=project_id), timeout=15)
    details = refused.value.details
    assert details["limit"] == "day" and details["estimate_usd"] > one_task, "all its tasks were counted"
    assert refused.value.message.startswith(f"This workflow ({len(plan.tasks)} tasks) would take today's spending")
    assert _sent(server) == count and bus.request("storage", ListMessages(project_id=project_id)).messages == []

    sub = bus.subscribe("workflow.")
    sub.sync()
    bus.request(
        "stream",
        RunWorkflow(workflow="code-review", brief=brief, project_id=project_id, run_id="wf-agreed", over_limit_ok=True),
        timeout=15,
    )
    _progress, done = _workflow_end(sub, "wf-agreed")
    assert done.ok and sorted(done.done) == sorted(t.id for t in plan.tasks), done.message
    assert _sent(server) == count + len(plan.tasks)


def test_each_task_is_checked_again_and_one_over_the_limit_fails_with_the_reason(app, server):
    bus = app.bus()
    project_id = new_project(bus, "Workflow later limit")
    plan = bus.request("agent", PlanWorkflow(workflow="full-stack", params={"app": "a recipe box"}))
    first = plan.levels[0]
    set_limits(app)  # no limit when the run starts
    count = _sent(server)
    sub = bus.subscribe("workflow.")
    sub.sync()

    def lower_the_limit(progress: WorkflowProgress) -> None:
        # While the first task streams, the person sets a limit today's spending has already reached.
        if progress.task_id == first[0] and progress.state == "running":
            day, _ = spent_today(bus)
            set_limits(app, spending_limit_day_usd=round(day + 0.0001, 6))

    bus.request(
        "stream",
        RunWorkflow(
            workflow="full-stack",
            brief="a recipe box [[scenario:slow delay_ms=20 words=60]]",
            project_id=project_id,
            run_id="wf-later",
        ),
        timeout=15,
    )
    progress, done = _workflow_end(sub, "wf-later", lower_the_limit)
    set_limits(app)
    assert done.done == first, "the task that was already running finished"
    refused = [p for p in progress if p.state == "failed"]
    assert refused and sorted(done.failed) == sorted(p.task_id for p in refused)
    assert all("above your limit" in p.message for p in refused)
    assert sorted(done.done + done.failed + done.skipped) == sorted(t.id for t in plan.tasks)
    assert _sent(server) == count + len(first), "nothing was sent for a refused task"


def _interrupted_answer(bus, name: str) -> tuple[str, str]:
    project_id = new_project(bus, name)
    bus.request("storage", AddMessage(project_id=project_id, role="user", content="a counter [[scenario:normal]]"))
    partial = "A counter.\n\n```html index.html\n<!doctype html><button>0</button>"
    message = bus.request(
        "storage",
        AddMessage(
            project_id=project_id,
            role="assistant",
            content=partial,
            agent="frontend-developer",
            model="claude-sonnet-4-5",
            status="interrupted",
        ),
    ).message
    return project_id, message.id


def test_a_continuation_over_the_limit_is_refused_then_sent_with_the_agreement(app, server):
    bus = app.bus()
    project_id, message_id = _interrupted_answer(bus, "Continue limit")
    day, _ = spent_today(bus)
    set_limits(app, spending_limit_day_usd=round(day + 0.0001, 6), spending_warn_day_usd=0)
    count = _sent(server)

    with pytest.raises(SpendingLimitReached) as refused:
        bus.request("stream", ContinueStream(message_id=message_id, project_id=project_id), timeout=15)
    assert refused.value.details["limit"] == "day" and "above your limit" in refused.value.message
    assert _sent(server) == count
    assert bus.request("storage", GetMessage(message_id=message_id)).message.status == "interrupted"

    sub = bus.subscribe("stream.done")
    sub.sync()
    started = bus.request(
        "stream", ContinueStream(message_id=message_id, project_id=project_id, over_limit_ok=True), timeout=15
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        event = sub.recv(1.0)
        if event is not None and isinstance(event.body, StreamDone) and event.body.stream_id == started.stream_id:
            break
    else:
        raise AssertionError("the continuation did not end")
    assert _sent(server) == count + 1
    assert _stored_status(bus, message_id) == "complete"  # StreamDone comes before the durable writer's last batch
    set_limits(app)


def test_a_title_over_a_hard_limit_is_made_from_the_prompt_without_asking(app, server):
    bus = app.bus()
    day, _ = spent_today(bus)
    set_limits(app, spending_limit_day_usd=round(day + 1e-6, 6), spending_warn_day_usd=0)
    count = _sent(server)
    title = bus.request("stream", SuggestTitle(prompt="a pomodoro timer with a dark theme"), timeout=15)
    assert title.source == "fallback" and title.title and "above your limit" in title.message
    assert _sent(server) == count, "no model call over the limit"

    set_limits(app, spending_limit_day_usd=round(day + 5.0, 6))
    title = bus.request("stream", SuggestTitle(prompt="a pomodoro timer with a dark theme"), timeout=15)
    assert _sent(server) == count + 1, "under the limit the model names it"
    set_limits(app)


def test_the_command_line_asks_too_and_without_a_terminal_says_how_to_agree(app, server):
    bus = app.bus()
    project_id, message_id = _interrupted_answer(bus, "CLI continue limit")
    day, _ = spent_today(bus)
    set_limits(app, spending_limit_day_usd=round(day + 0.0001, 6), spending_warn_day_usd=0)
    count = _sent(server)
    before = {p.name for p in bus.request("storage", ListProjects()).items}

    brief = "review a todo list [[scenario:normal words=20]]"
    refused = app.cli("workflows", "run", "code-review", brief, "--project", "CLI workflow limit", input="")
    assert refused.returncode == 2, refused.stdout + refused.stderr
    last = refused.stderr.strip().splitlines()[-1]
    assert "would take today's spending" in last and "--over-limit-ok" in last and "Traceback" not in refused.stderr
    assert {p.name for p in bus.request("storage", ListProjects()).items} == before, "the new project went too"

    refused = app.cli("generate", "--continue", "--project", "CLI continue limit", input="")
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "--over-limit-ok" in refused.stderr.strip().splitlines()[-1]
    assert _sent(server) == count, "nothing was sent"
    assert bus.request("storage", GetMessage(message_id=message_id)).message.status == "interrupted"

    sent = app.cli("generate", "--continue", "--project", "CLI continue limit", "--over-limit-ok")
    assert sent.returncode == 0, sent.stdout + sent.stderr
    assert bus.request("storage", GetMessage(message_id=message_id)).message.status == "complete"
    ran = app.cli("workflows", "run", "code-review", brief, "--project", "CLI workflow limit", "--over-limit-ok")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    set_limits(app)
