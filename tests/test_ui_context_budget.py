"""The context budget and the spending limits as a person sees them, in a real browser (issue 19 items 2 and 3):
a long conversation on a model with a small context is fitted, and the chat says "Older messages were left out to
fit" on the answer; Continue on a cut answer that would go over the daily limit asks the same question a prompt
asks, and "Send anyway" continues it.

The small model is an OpenAI-compatible one (the test server's ``/v1/chat/completions``) whose context is set to
4,096 tokens (``openai_context``), so a dozen stored turns overflow it; the paid one is the test Anthropic server.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT
from conftest import provider_chosen, start_app

from tests.fakes import FakeAnthropic
from vibing.schema.storage import AddMessage, CreateProject, GetMessage, ListMessages, RecordUsage, SpendingSoFar
from vibing.services.stream import spending

playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
KEY = "sk-ant-test-" + "c" * 40
ANSWER = "A counter.\n\n```html index.html\n<!doctype html><h1 id=count>0</h1>\n```\n"


@pytest.fixture(scope="module")
def fake():
    with FakeAnthropic() as server:
        server.answers["counter"] = ANSWER
        yield server


@pytest.fixture(scope="module")
def app(fake, tmp_path_factory):
    running = start_app(
        tmp_path_factory.mktemp("budget-ui") / "home",
        ANTHROPIC_BASE_URL=fake.url,
        ANTHROPIC_API_KEY=KEY,
        VIBING_OPENAI_BASE_URL=fake.url + "/v1",
        VIBING_OPENAI_CONTEXT="4096",
    )
    provider_chosen(running)
    yield running
    running.stop()


def _open(page, project_id: str, name: str) -> None:
    page.goto(page.url.split("#")[0] + f"#/p/{project_id}")
    page.wait_for_selector(f"#project-name:has-text('{name}')", timeout=WAIT)


def test_a_long_conversation_says_older_messages_were_left_out(page, app, fake, shots):
    bus = app.bus()
    pid = bus.request("storage", CreateProject(name="Long talk", provider="openai", model="llama3.2")).project.id
    for i in range(12):  # about 7,000 tokens: over the model's 4,096
        role = "user" if i % 2 == 0 else "assistant"
        text = f"{role} message {i}: " + "a sentence about the counter app and what it should do next. " * 30
        bus.request("storage", AddMessage(project_id=pid, role=role, content=text))
    _open(page, pid, "Long talk")
    count = len(fake.requests)

    page.fill("#prompt", "make the number bigger [[scenario:slow delay_ms=30 answer=counter]]")
    page.keyboard.press("Enter")
    note = page.locator(".msg.assistant .fit-note")
    expect(note).to_contain_text("Older messages were left out to fit", timeout=WAIT)
    expect(note).to_contain_text("4,096 tokens")
    page.screenshot(path=str(shots / "context-note.png"), animations="disabled")
    page.wait_for_selector("#progress-spinner.done", timeout=30_000)

    sent = [r for r in fake.requests[count:] if r.path.endswith("/chat/completions")]
    assert len(sent) == 1
    turns = [m for m in sent[0].body["messages"] if m["role"] != "system"]
    assert len(turns) < 13, "older turns were left out (12 stored, and the prompt)"
    assert "make the number bigger" in str(turns[-1]["content"])


def test_continue_over_the_limit_asks_and_continues_with_the_agreement(page, app, fake, shots):
    bus = app.bus()
    pid = bus.request("storage", CreateProject(name="Cut counter")).project.id
    bus.request(
        "storage", AddMessage(project_id=pid, role="user", content="a counter [[scenario:normal answer=counter]]")
    )
    partial = "A counter.\n\n```html index.html\n<!doctype html>"
    message = bus.request(
        "storage",
        AddMessage(
            project_id=pid,
            role="assistant",
            content=partial,
            agent="frontend-developer",
            model="claude-sonnet-4-5",
            status="interrupted",
        ),
    ).message
    bus.request(
        "storage",
        RecordUsage(project_id=pid, model="claude-sonnet-4-5", input_tokens=10, output_tokens=10, cost_usd=2.0),
    )
    spent = bus.request("storage", SpendingSoFar(since=spending.start_of_today())).since_usd
    app.paths.config_file.write_text(f"spending_limit_day_usd = {spent + 0.001:.6f}\nspending_warn_day_usd = 0\n")
    _open(page, pid, "Cut counter")
    count = len(fake.requests)

    page.click(".msg.assistant .msg-foot button[data-act=continue]")
    dialog = page.locator(".ask-modal[role=alertdialog]")
    expect(dialog).to_contain_text("This request would take today's spending to about", timeout=WAIT)
    expect(dialog).to_contain_text("Send anyway?")
    page.screenshot(path=str(shots / "continue-ask.png"), animations="disabled")
    assert len(fake.requests) == count, "nothing was sent before the person answered"
    dialog.locator("button[data-answer=send]").click()

    page.wait_for_selector("#file-tree li[data-path='index.html']", timeout=30_000)
    assert len([r for r in fake.requests[count:] if r.path.endswith("/v1/messages")]) == 1
    stored = bus.request("storage", GetMessage(message_id=message.id)).message
    assert stored.status == "complete" and stored.content.startswith(partial)
    assert [m.role for m in bus.request("storage", ListMessages(project_id=pid)).messages] == ["user", "assistant"]
    app.paths.config_file.write_text("")
