"""The context budget and prompt caching beyond Generate (issue 19 items 1 and 2): a workflow's tasks and a
continuation are fitted to the model's context like a follow-up (older turns left out, with the recap and the
note) and sent with cache breakpoints, through the real processes and bus against the test Anthropic server, whose
prompt cache reports reads and writes as the API does and which refuses a request over the model's context.
"""

from __future__ import annotations

import time

import pytest
from conftest import start_app

from tests.fakes import FakeAnthropic
from tests.fakes.cache import block_tokens, blocks
from vibing.schema.agent import PlanWorkflow
from vibing.schema.storage import AddMessage, CreateFile, CreateProject, GetMessage
from vibing.schema.stream import (
    ContinueStream,
    Generate,
    GenerationProgress,
    RunWorkflow,
    StreamDone,
    StreamFailed,
    WorkflowDone,
    WorkflowProgress,
)

KEY = "sk-ant-test-" + "b" * 30
#: The context of the OpenAI-compatible model (the test server's ``/v1/chat/completions``): a small local model's.
SMALL_WINDOW = 4096
#: A project big enough to be cached by any model (the test server's minimum is 4,096 tokens for Opus 4.5).
APP = "\n".join(f"  <li id='item-{i}'>Item number {i} of the list, with a little text</li>" for i in range(600))


@pytest.fixture(scope="module")
def server():
    with FakeAnthropic() as s:
        yield s


@pytest.fixture(scope="module")
def app(server, tmp_path_factory):
    running = start_app(
        tmp_path_factory.mktemp("paths") / "home",
        ANTHROPIC_BASE_URL=server.url,
        ANTHROPIC_API_KEY=KEY,
        VIBING_OPENAI_BASE_URL=server.url + "/v1",
        VIBING_OPENAI_CONTEXT=str(SMALL_WINDOW),
    )
    yield running
    running.stop()


def _project(bus, name: str, files: dict[str, str] | None = None, turns: int = 0, chars: int = 0) -> str:
    project_id = bus.request("storage", CreateProject(name=f"{name} {time.monotonic_ns()}")).project.id
    for path, content in (files or {}).items():
        bus.request("storage", CreateFile(project_id=project_id, path=path, content=content))
    for i in range(turns):
        role = "user" if i % 2 == 0 else "assistant"
        text = f"{role} turn {i}: " + ("lorem ipsum " * (chars // 12))
        bus.request("storage", AddMessage(project_id=project_id, role=role, content=text))
    return project_id


def _text(message: dict) -> str:
    content = message["content"]
    return content if isinstance(content, str) else "".join(b.get("text", "") for b in content)


def _sent_tokens(body: dict) -> int:
    return sum(block_tokens(b) for _w, b in blocks(body))


def _run(bus, sub, req: RunWorkflow) -> tuple[list[WorkflowProgress], dict[str, StreamDone], WorkflowDone]:
    """Run a workflow to its end: its progress, each task's StreamDone (by task id), its WorkflowDone."""
    bus.request("stream", req, timeout=15)
    progress: list[WorkflowProgress] = []
    ended: dict[str, StreamDone] = {}
    while True:
        event = sub.recv(timeout=60)
        assert event is not None, "the workflow went quiet"
        body = event.body
        if isinstance(body, StreamDone) and body.tags.get("workflow") == req.run_id:
            ended[body.tags["task"]] = body
        elif getattr(body, "run_id", None) != req.run_id:
            continue
        elif isinstance(body, WorkflowDone):
            return progress, ended, body
        else:
            progress.append(body)


def test_a_workflows_later_tasks_read_the_prefix_the_first_one_wrote(app, server):
    bus = app.bus()
    project_id = _project(bus, "Cached workflow", {"index.html": f"<ul>\n{APP}\n</ul>\n", "app.js": "let n = 0;\n"})
    plan = bus.request("agent", PlanWorkflow(workflow="code-review", params={"app": "a list"}))
    first = plan.levels[0]
    sub = bus.subscribe("workflow.", "stream.done")
    sub.sync()
    count = len(server.requests)
    req = RunWorkflow(
        workflow="code-review",
        brief="review the list [[scenario:normal words=15]]",
        run_id="wf-cache",
        project_id=project_id,
        model="claude-sonnet-4-5",  # one model for every task: a cache is per model
    )
    _progress, ended, done = _run(bus, sub, req)
    assert done.ok, done.message

    sent = [r.body for r in server.requests[count:] if r.path.endswith("/v1/messages")]
    assert len(sent) == len(plan.tasks)
    systems = {str(body["system"]) for body in sent}
    assert len(systems) == 1, "every task of the run sends the same system prompt: the shared prefix"
    files_part = next(b for b in sent[0]["system"] if "Item number 599" in b["text"])
    assert "cache_control" in files_part

    (opener,) = first
    assert ended[opener].usage.cache_creation_input_tokens > 0 and ended[opener].usage.cache_read_input_tokens == 0
    prefix = sum(block_tokens(b) for b in sent[0]["system"])
    for task in plan.tasks:
        if task.id != opener:
            usage = ended[task.id].usage
            assert usage.cache_read_input_tokens >= prefix, f"{task.id} read the project from the cache"
            assert usage.input_tokens + usage.cache_creation_input_tokens < usage.cache_read_input_tokens


def test_a_workflow_in_a_long_project_is_fitted_and_says_so(app, server):
    bus = app.bus()
    project_id = _project(bus, "Long workflow", {"index.html": "<p>hi</p>"}, turns=400, chars=2600)
    sub = bus.subscribe("workflow.", "stream.done")
    sub.sync()
    count = len(server.requests)
    req = RunWorkflow(
        workflow="code-review",
        brief="review it [[scenario:normal words=10]]",
        run_id="wf-long",
        project_id=project_id,
    )
    progress, _ended, done = _run(bus, sub, req)
    assert done.ok, done.message
    running = [p for p in progress if p.state == "running"]
    assert running and all(p.message.startswith("Older messages were left out to fit") for p in running)
    sent = [r.body for r in server.requests[count:] if r.path.endswith("/v1/messages")]
    unfitted = 400 * 2600 // 4
    assert unfitted > server.context_window, "sent whole, the conversation would be refused"
    for body in sent:
        assert _sent_tokens(body) + body["max_tokens"] <= server.context_window
        assert body["messages"][0]["role"] == "user" and len(body["messages"]) < 400, "older turns were left out"


def _stored_status(bus, message_id: str) -> str:
    """The stored message's status once its stream's last write has landed (the durable writer batches)."""
    deadline = time.monotonic() + 10
    status = "streaming"
    while status == "streaming" and time.monotonic() < deadline:
        status = bus.request("storage", GetMessage(message_id=message_id)).message.status
    return status


def _wait_stream(sub, stream_id: str) -> tuple[list[GenerationProgress], StreamDone]:
    progress: list[GenerationProgress] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        event = sub.recv(1.0)
        if event is None or getattr(event.body, "stream_id", None) != stream_id:
            continue
        if isinstance(event.body, GenerationProgress):
            progress.append(event.body)
        elif isinstance(event.body, StreamFailed):
            raise AssertionError(f"the stream failed: {event.body.message}")
        elif isinstance(event.body, StreamDone):
            return progress, event.body
    raise AssertionError("the stream did not end")


def test_a_long_continuation_is_fitted_instead_of_refused_for_its_length(app, server):
    bus = app.bus()
    project_id = _project(bus, "Long continuation", turns=400, chars=2600)
    bus.request("storage", AddMessage(project_id=project_id, role="user", content="finish the list"))
    message = bus.request(
        "storage",
        AddMessage(
            project_id=project_id,
            role="assistant",
            content="Here it is.\n\n```html index.html\n<ul>\n  <li>one</li>",
            agent="frontend-developer",
            model="claude-sonnet-4-5",
            status="interrupted",
        ),
    ).message
    sub = bus.subscribe("generate.progress", "stream.")
    sub.sync()
    started = bus.request("stream", ContinueStream(message_id=message.id, project_id=project_id), timeout=20)
    assert started.note.startswith("Older messages were left out to fit"), started.note
    progress, done = _wait_stream(sub, started.stream_id)
    assert any(p.note == started.note for p in progress), "the chat is told, as for a generation"
    assert done.stop_reason == "end_turn"

    body = server.requests[-1].body
    assert 4 < len(body["messages"]) < 400 and _sent_tokens(body) + body["max_tokens"] <= server.context_window
    assert body["messages"][-1] == {"role": "assistant", "content": message.content.rstrip()}, "the prefill stays"
    assert _text(body["messages"][-2]) == "finish the list"
    assert _stored_status(bus, message.id) == "complete"


def test_a_cut_answer_is_continued_from_the_cached_prefix(app, server):
    bus = app.bus()
    project_id = _project(bus, "Cut answer", {"index.html": f"<ul>\n{APP}\n</ul>\n"})
    sub = bus.subscribe("generate.", "stream.")
    sub.sync()
    started = bus.request(
        "stream",
        Generate(
            project_id=project_id,
            prompt="add a heading [[scenario:max_tokens words=40]]",
            agent="frontend-developer",
            stream_id="cut-1",
        ),
        timeout=20,
    )
    _progress, first = _wait_stream(sub, started.stream_id)
    assert first.stop_reason == "max_tokens" and first.can_continue
    again = bus.request("stream", ContinueStream(stream_id="cut-1", new_stream_id="cut-2"), timeout=20)
    _progress, done = _wait_stream(sub, again.stream_id)
    body = server.requests[-1].body
    assert [b.get("cache_control") is not None for b in body["system"]] == [True, True]
    assert body["messages"][-1]["role"] == "assistant"
    written = first.usage.cache_creation_input_tokens
    assert written > 0 and done.usage.cache_read_input_tokens >= written, "the continuation read what the cut wrote"


def test_a_workflow_on_a_small_model_fits_every_task_with_its_dependencies(app, server):
    """On a 4,096-token model the answers a task builds on are cut to fit (whole, the summary's four would not)."""
    bus = app.bus()
    project_id = _project(bus, "Small workflow", {"index.html": "<p>hi</p>"}, turns=6, chars=1500)
    sub = bus.subscribe("workflow.", "stream.done")
    sub.sync()
    count = len(server.requests)
    req = RunWorkflow(
        workflow="code-review",
        brief="review it [[scenario:normal words=700]]",
        run_id="wf-small",
        project_id=project_id,
        provider="openai",
    )
    _progress, ended, done = _run(bus, sub, req)
    assert done.ok, done.message
    sent = [r.body for r in server.requests[count:] if r.path.endswith("/chat/completions")]
    assert len(sent) == len(ended) == 6
    plan = bus.request("agent", PlanWorkflow(workflow="code-review", params={}))
    widest = max(plan.tasks, key=lambda t: len(t.depends_on))
    answers = sum(ended[dep].chars for dep in widest.depends_on)
    assert answers / 2.5 > SMALL_WINDOW, f"whole, the answers {widest.id} builds on would overflow the model"
    for body in sent:
        chars = sum(len(str(m["content"])) for m in body["messages"])
        assert chars / 2.5 + body["max_tokens"] <= SMALL_WINDOW, "within the model's context by the budget's count"
