"""The local model keeps working (issue 19 item 4): ten turns on a small app with the bundled SmolLM2 (4,096 tokens
of context) never fail for context length, because each request is fitted to the engine's window first."""

from __future__ import annotations

from types import SimpleNamespace

import httpx
import pytest
from conftest import start_app
from localmodel import requires_engine
from test_stream_generate import run_generation

from vibing.local import ensure_local_model
from vibing.schema.agent import GetAgent
from vibing.schema.storage import CreateProject, ListMessages
from vibing.schema.stream import ChatTurn, Generate
from vibing.services.stream.fitting import fitted_call
from vibing.services.stream.provider import Call

pytestmark = requires_engine

APP = {
    "index.html": (
        "<!DOCTYPE html>\n<html>\n<head><title>Tasks</title><link rel='stylesheet' href='styles.css'></head>\n"
        "<body>\n<h1>Tasks</h1>\n<form id='f'><input id='t' placeholder='New task'><button>Add</button></form>\n"
        "<ul id='list'></ul>\n<script src='app.js'></script>\n</body>\n</html>\n"
    ),
    "styles.css": "body { font-family: sans-serif; margin: 2rem; }\nli { padding: .25rem 0; }\n" * 16,
    "app.js": (
        "const list = document.getElementById('list');\n"
        "document.getElementById('f').addEventListener('submit', (e) => {\n"
        "  e.preventDefault();\n  const li = document.createElement('li');\n"
        "  li.textContent = document.getElementById('t').value;\n  list.append(li);\n});\n"
    )
    * 8,
}
ASKS = [
    "Make the heading blue.",
    "Add a button that clears the list.",
    "Show how many tasks there are.",
    "Let me mark a task as done.",
    "Keep the tasks after a reload.",
    "Make the buttons bigger.",
    "Add a dark theme.",
    "Sort the tasks by name.",
    "Add a footer with the date.",
    "Explain what you changed so far.",
]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    # the engine reuses the evaluated prefix of the previous request: with the stable prefix a follow-up evaluates
    # only its new turns (a loaded 2-core machine evaluates a few dozen tokens a second)
    running = start_app(tmp_path_factory.mktemp("local-context") / "home", VIBING_MODEL_REUSE_PROMPT_CACHE="true")
    yield running
    running.stop()


@pytest.mark.timeout(3600)
def test_ten_turns_on_a_small_app_never_fail_for_context_length(app) -> None:
    bus = app.bus()
    project_id = bus.request("storage", CreateProject(name="Tasks")).project.id
    sub = bus.subscribe("generate.", "token.", "stream.")
    sub.sync()
    history: list[ChatTurn] = []
    fitted_turns = 0
    agent_prompt = bus.request("agent", GetAgent(name="frontend-developer")).agent.prompt
    config = SimpleNamespace(model_context=4096, openai_context=0)
    base_call = Call(provider="local", base_url="", model="", messages=[], max_tokens=128)
    for ask in ASKS:
        req = Generate(
            project_id=project_id,
            prompt=ask,
            agent="frontend-developer",
            provider="local",  # a model the model service runs (its window: model_context)
            temperature=0.0,
            history=history,
            files=APP,
            max_tokens=128,  # short answers keep the test quick; the input then gets more of the window to fill
        )
        reply, progress, _files, tokens, done = run_generation(bus, sub, req, timeout=600)
        assert done.ok, f"turn {len(history) // 2 + 1}: {done.error_code}: {done.message}"
        answer = "".join(t.text for t in tokens if not t.thinking)
        assert answer.strip()
        # The same request, fitted again here, counted by the engine's own tokenizer: the budget's estimate was
        # not below it, and with the answer's reserve it fits the window (the engine does not report usage).
        call, fitted = fitted_call(config, base_call, agent_prompt, APP, history, ask)
        text = call.system + "".join(m.content for m in call.messages)
        endpoint = ensure_local_model(bus)  # the engine that served the turn
        counted = httpx.post(
            endpoint.base_url.removesuffix("/v1") + "/extras/tokenize/count",
            json={"input": text},
            headers={"authorization": f"Bearer {endpoint.api_key}"},
            timeout=30,
        ).json()["count"]
        overhead = 8 * (len(call.messages) + 1)  # the chat template's role markers
        assert counted + overhead <= fitted.estimate, (counted, fitted.estimate)
        assert fitted.estimate + call.max_tokens <= 4096 and bool(reply.note) == bool(fitted.note)
        fitted_turns += bool(reply.note)
        history += [ChatTurn(role="user", content=ask), ChatTurn(role="assistant", content=answer)]
    assert fitted_turns > 0, "ten turns of this model's answers do not fit 4,096 tokens: some were left out"
    stored = bus.request("storage", ListMessages(project_id=project_id)).messages
    assert [m.role for m in stored] == ["user", "assistant"] * len(ASKS)
