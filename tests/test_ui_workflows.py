"""The Workflows view in a real browser (issue 18 item 5): a person opens a project, opens Workflows, picks the
full-stack workflow, writes its brief, sees its task graph, runs it and watches its two middle tasks (the data model
and the interface plan, which need only the architecture) stream side by side and finish; in another run they stop
one of the two while the other goes on and finishes.

The app runs headless against the local Anthropic-protocol server, whose scenarios decide how each task answers:
slowly (so that two tasks visibly stream at once), not at all until stopped (``hang``), or at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT
from conftest import provider_chosen, start_app

from tests.fakes import FakeAnthropic

playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
KEY = "sk-ant-test-" + "f" * 40


@pytest.fixture(scope="module")
def fake():
    with FakeAnthropic() as server:
        yield server


@pytest.fixture(autouse=True)
def scripted(fake):
    """Each test scripts the server's answers afresh (a failed test's unused ones do not reach the next)."""
    fake.queue.clear()
    yield fake


@pytest.fixture(scope="module")
def app(fake, tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("wf") / "home", ANTHROPIC_BASE_URL=fake.url, ANTHROPIC_API_KEY=KEY)
    provider_chosen(running)
    yield running
    running.stop()


def open_project(page, app, name: str) -> str:
    from vibing.schema.storage import CreateProject

    pid = app.bus().request("storage", CreateProject(name=name)).project.id
    page.goto(page.url.split("#")[0] + f"#/p/{pid}")
    page.wait_for_selector(f"#project-name:has-text('{name}')", timeout=WAIT)
    return pid


def full_stack_plan(app):
    from vibing.schema.agent import PlanWorkflow

    plan = app.bus().request("agent", PlanWorkflow(workflow="full-stack"))
    assert len(plan.levels[1]) == 2, "full-stack's second step is two tasks side by side"
    return plan


def open_workflows_and_pick_full_stack(page, brief: str) -> None:
    """Ctrl+G opens the view; the workflow is picked and the brief written with the keyboard."""
    page.keyboard.press("Control+g")
    expect(page.locator("#workflows-view")).to_be_visible(timeout=WAIT)
    expect(page.locator("#workflows-btn")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#workspace")).to_be_hidden()
    choice = page.locator(".wf-choice[data-workflow='full-stack']")
    expect(choice).to_contain_text("Plan the backend and data")  # each workflow with its description
    choice.locator("input").focus()
    page.keyboard.press("Space")
    expect(choice.locator("input")).to_be_checked()
    page.locator("#wf-brief").focus()
    page.keyboard.type(brief)


def card(page, task_id: str):
    return page.locator(f".wf-task[data-task='{task_id}']")


def test_a_workflow_is_picked_run_and_its_parallel_tasks_stream_side_by_side(page, app, fake, shots):
    plan = full_stack_plan(app)
    first, pair = plan.levels[0][0], plan.levels[1]
    open_project(page, app, "Recipe box")
    for _ in plan.tasks:  # every task answers slowly, so that the two of the second step visibly stream together
        fake.push("slow", delay_ms=20, words=70)
    open_workflows_and_pick_full_stack(page, "A recipe box: save recipes, tag them, plan the week's meals")

    # the graph before the run: one column per step, a card per task with its agent and what it waits for
    expect(page.locator(".wf-level")).to_have_count(len(plan.levels), timeout=WAIT)
    for i, level in enumerate(plan.levels):
        column = page.locator(".wf-level").nth(i)
        expect(column.locator(".wf-level-title")).to_contain_text(f"Step {i + 1}")
        for task_id in level:
            task = next(t for t in plan.tasks if t.id == task_id)
            expect(column.locator(f".wf-task[data-task='{task_id}'] .wf-agent")).to_have_text(task.agent)
    architecture = next(t.title for t in plan.tasks if t.id == first)
    for task_id in pair:
        expect(card(page, task_id).locator(".wf-after")).to_have_text(f"After: {architecture}")

    page.locator("#wf-run").focus()
    page.keyboard.press("Enter")
    expect(card(page, first)).to_have_attribute("data-state", "running", timeout=WAIT)
    expect(page.locator("#wf-form")).to_be_hidden()

    # both tasks of the second step stream at the same time, each card with its own text
    page.wait_for_function(
        """(ids) => ids.every((id) => {
             const c = document.querySelector(`.wf-task[data-task="${id}"]`);
             return c.dataset.state === "running" && c.querySelector(".wf-tail").textContent.length > 40;
           })""",
        arg=pair,
        timeout=WAIT,
    )
    for task_id in pair:
        expect(card(page, task_id).locator(".wf-chars")).to_contain_text("characters")
        expect(card(page, task_id).get_by_role("button", name="Stop")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.screenshot(path=str(shots / "workflows.png"), animations="disabled")

    expect(page.locator("#wf-status")).to_contain_text(f"All {len(plan.tasks)} tasks finished", timeout=60_000)
    for task in plan.tasks:
        expect(card(page, task.id)).to_have_attribute("data-state", "done")
        expect(card(page, task.id).locator(".wf-chars")).to_contain_text("characters")
    expect(page.locator("#wf-stop-all")).to_be_hidden()

    # a task's full answer is in the chat: its button goes there, at that message
    card(page, pair[0]).get_by_role("button", name="Open in chat").click()
    expect(page.locator("#workspace")).to_be_visible()
    expect(page.locator("#workflows-view")).to_be_hidden()
    focused = page.locator("#messages .msg.assistant:focus")
    expect(focused).to_have_count(1, timeout=WAIT)
    tail = card(page, pair[0]).locator(".wf-tail").text_content().lstrip("…")[-40:]
    assert tail.strip() and tail.strip() in focused.text_content()


def test_stopping_one_task_leaves_the_other_to_finish(page, app, fake):
    plan = full_stack_plan(app)
    first, pair = plan.levels[0][0], plan.levels[1]
    open_project(page, app, "Meal planner")
    fake.push("normal")  # the architecture
    fake.push("hang")  # whichever task of the pair asks first says nothing until it is stopped
    fake.push("slow", delay_ms=40, words=120)  # the other streams for a few seconds
    open_workflows_and_pick_full_stack(page, "a meal planner")
    page.locator("#wf-run").click()
    expect(card(page, first)).to_have_attribute("data-state", "done", timeout=WAIT)

    # the one that streams is the one to keep; the silent one is stopped while the other still streams
    page.wait_for_function(
        """(ids) => ids.filter((id) => {
             const c = document.querySelector(`.wf-task[data-task="${id}"]`);
             return c.dataset.state === "running" && c.querySelector(".wf-tail").textContent.length > 0;
           }).length === 1
           && ids.every((id) => document.querySelector(`.wf-task[data-task="${id}"]`).dataset.state === "running")""",
        arg=pair,
        timeout=WAIT,
    )
    hung = next(t for t in pair if not card(page, t).locator(".wf-tail").text_content())
    other = next(t for t in pair if t != hung)
    title = next(t.title for t in plan.tasks if t.id == hung)
    stop = card(page, hung).get_by_role("button", name=f"Stop “{title}”")
    stop.focus()
    page.keyboard.press("Enter")

    expect(card(page, hung)).to_have_attribute("data-state", "stopped", timeout=WAIT)
    expect(card(page, hung).locator(".wf-state")).to_have_text("Stopped")
    expect(card(page, hung).locator(".wf-message")).to_have_text("Stopped: stopped by you")
    assert card(page, other).get_attribute("data-state") == "running", "the other task was still streaming"
    expect(card(page, other)).to_have_attribute("data-state", "done", timeout=60_000)

    # what needed the stopped task is skipped and says which task it waited for; the rest went on
    needs_hung = [t.id for t in plan.tasks if hung in t.depends_on]
    for task_id in needs_hung:
        expect(card(page, task_id)).to_have_attribute("data-state", "skipped", timeout=WAIT)
        expect(card(page, task_id).locator(".wf-message")).to_contain_text(f"“{title}”")
    expect(page.locator("#wf-status")).to_contain_text("1 stopped", timeout=60_000)
    expect(page.locator("#wf-again")).to_be_visible()


def test_stop_all_stops_every_running_task(page, app, fake):
    plan = full_stack_plan(app)
    first, pair = plan.levels[0][0], plan.levels[1]
    open_project(page, app, "Book club")
    fake.push("normal")  # the architecture; the tasks after it hang until stopped
    open_workflows_and_pick_full_stack(page, "a book club [[scenario:hang]]")
    page.locator("#wf-run").click()
    for task_id in pair:
        expect(card(page, task_id)).to_have_attribute("data-state", "running", timeout=WAIT)
    page.get_by_role("button", name="Stop all").click()
    expect(page.locator("#wf-status")).to_contain_text("2 stopped", timeout=WAIT)
    expect(card(page, first)).to_have_attribute("data-state", "done")
    for task_id in pair:
        expect(card(page, task_id)).to_have_attribute("data-state", "stopped")
        expect(card(page, task_id).locator(".wf-message")).to_have_text("Stopped: stopped with the run")
    for task_id in (t for level in plan.levels[2:] for t in level):
        expect(card(page, task_id)).to_have_attribute("data-state", "skipped")
    # a new run starts from the form again, the workflow still picked
    page.get_by_role("button", name="New run").click()
    expect(page.locator("#wf-form")).to_be_visible()
    expect(page.locator("#wf-brief")).to_be_focused()
    expect(page.locator(".wf-choice[data-workflow='full-stack'] input")).to_be_checked()


def test_a_reloaded_page_shows_the_running_workflow_again_and_the_chat_does_not_take_its_tasks(page, app, fake):
    plan = full_stack_plan(app)
    first, pair = plan.levels[0][0], plan.levels[1]
    open_project(page, app, "Reading list")
    fake.push("slow", delay_ms=40, words=120)  # the architecture: still writing when the page comes back
    open_workflows_and_pick_full_stack(page, "a reading list [[scenario:hang]]")
    page.locator("#wf-run").click()
    expect(card(page, first)).to_have_attribute("data-state", "running", timeout=WAIT)
    expect(card(page, first).locator(".wf-tail")).to_be_visible(timeout=WAIT)

    page.reload()
    page.wait_for_selector("#project-name:has-text('Reading list')", timeout=WAIT)
    notice = page.locator(".toast:has-text('is still running in this project')")
    expect(notice).to_be_visible(timeout=WAIT)
    # the chat shows no answer of its own being written: the task's text is the workflow view's
    expect(page.locator("#stop-btn")).to_be_hidden()
    assert page.evaluate("!window.__vibing.activeStream")
    notice.get_by_role("button", name="Show it").click()
    expect(page.locator("#workflows-view")).to_be_visible(timeout=WAIT)
    expect(page.locator("#wf-run-brief")).to_have_text("a reading list [[scenario:hang]]")
    # the first task is followed again: its text catches up and goes on, and it ends as it would have
    expect(card(page, first).locator(".wf-tail")).to_be_visible(timeout=WAIT)
    expect(card(page, first)).to_have_attribute("data-state", "done", timeout=60_000)
    for task_id in pair:
        expect(card(page, task_id)).to_have_attribute("data-state", "running", timeout=WAIT)
    page.get_by_role("button", name="Stop all").click()
    expect(page.locator("#wf-status")).to_contain_text("2 stopped", timeout=WAIT)
