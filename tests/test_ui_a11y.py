"""Accessibility in a real browser (issue 18, item 8): axe-core on every view, in the light and the dark theme, finds
no serious or critical violation; the project view's toolbar is reached with Tab, each stop with a visible focus ring.

axe is the vendored build (shell/ui/vendor/axe.min.js). The app never loads it: each check adds it to the page as a
script of the page's own origin (the page's Content-Security-Policy allows only those), then runs it over the
document as a person sees it at that moment. A failure names each rule, its impact and the elements it found, so it
says what to fix. The preview's frame is the generated app's page, not ours: axe does not go into it.

The projects, messages and versions are made over the bus the way the app makes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT, signed_in_page
from conftest import ROOT, provider_chosen, start_app

from tests.fakes import FakeAnthropic

playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")

UI = ROOT / "shell" / "ui"
AXE = UI / "vendor" / "axe.min.js"
#: Where `vibing web` serves it (shell/ui is served under /ui/): a script of the page's origin, which its CSP allows,
#: where an inline one (add_script_tag(path=...)) would be refused.
AXE_URL = "/ui/" + AXE.relative_to(UI).as_posix()
KEY = "sk-ant-test-" + "a" * 40
#: What fails a view: axe's two worst impacts.
BLOCKING = ("serious", "critical")

PAGE = "<!doctype html>\n<html lang='en'><head><title>Timer</title></head>\n<body><h1>Pomodoro</h1>\n<button id='start'>Start</button></body></html>\n"
PAGE_TWO = PAGE.replace("<h1>Pomodoro</h1>", "<h1>Pomodoro timer</h1>")
ANSWER = (
    "I'll build a **calm** pomodoro timer.\n\n"
    "- a big start button\n- a *quiet* end sound\n\n"
    "```html index.html\n" + PAGE + "```\n\n"
    "```js app.js\n// start the timer\ndocument.getElementById('start').onclick = () => { document.title = 'Running'; };\n```\n\n"
    "| Part | File |\n|---|---|\n| markup | `index.html` |\n\n"
    "See [the docs](https://example.com/docs). Press **Start** to begin."
)


#: A short answer (its code fits its block): what the chat streams in the tests that send a prompt.
RESTYLE = "Done: a **teal** heading.\n\n```css style.css\nh1 { color: teal; }\n```\n\nReload the preview to see it."


@pytest.fixture(scope="module")
def fake():
    with FakeAnthropic() as server:
        server.answers["a11y-restyle"] = RESTYLE
        yield server


@pytest.fixture(scope="module")
def app(fake, tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("a11y") / "home", ANTHROPIC_BASE_URL=fake.url, ANTHROPIC_API_KEY=KEY)
    provider_chosen(running)  # the first-run screen is opened by its address where a test wants it
    yield running
    running.stop()


@pytest.fixture(params=["light", "dark"])
def theme(request) -> str:
    return request.param


@pytest.fixture
def page(browser, web, theme):
    """A signed-in page in ``theme`` (the app follows the system's, as it does by default)."""
    with signed_in_page(browser, web, color_scheme=theme) as pg:
        expect(pg.locator("html")).to_have_attribute("data-theme", theme)
        yield pg
    assert not pg.errors, pg.errors


# -- axe ------------------------------------------------------------------------------------------------------------


def violations(page) -> list[dict]:
    """axe's serious and critical violations on the page as it is now (axe added first if the page lacks it)."""
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(url=AXE_URL)
        page.wait_for_function("() => !!window.axe", timeout=WAIT)
    return page.evaluate(
        """async (blocking) => {
            const result = await axe.run(document, { iframes: false, resultTypes: ['violations'] });
            return result.violations.filter((v) => blocking.includes(v.impact)).map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
            }));
        }""",
        list(BLOCKING),
    )


def assert_accessible(page, what: str) -> None:
    found = violations(page)
    if not found:
        return
    lines = [f"axe found {len(found)} serious or critical violation(s) in {what}:"]
    for v in found:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for n in v["nodes"][:10]:
            summary = " ".join((n["summary"] or "").split())
            lines.append(f"    {n['target']}: {summary[:300]}")
        if len(v["nodes"]) > 10:
            lines.append(f"    … and {len(v['nodes']) - 10} more")
    raise AssertionError("\n".join(lines))


# -- making what the views show ------------------------------------------------------------------------------------


def new_project(app, name: str, files: dict[str, str] | None = None) -> str:
    from vibing.schema.storage import CreateProject, FileWrite

    files = files or {}
    reply = app.bus().request(
        "storage", CreateProject(name=name, files=[FileWrite(path=p, content=c) for p, c in files.items()])
    )
    return reply.project.id


def project_with_answer(app, name: str) -> str:
    """A project with a prompt, a rendered answer that wrote files, and a second version of index.html."""
    from vibing.schema.storage import AddMessage, ApplyFiles, FileWrite, UpdateFile

    pid = new_project(app, name, {"index.html": PAGE, "style.css": "h1 { color: teal; }\n"})
    bus = app.bus()
    bus.request("storage", AddMessage(project_id=pid, role="user", content="A pomodoro timer"))
    message = bus.request(
        "storage", AddMessage(project_id=pid, role="assistant", content=ANSWER, agent="frontend-developer")
    ).message
    bus.request(
        "storage",
        ApplyFiles(
            project_id=pid,
            message_id=message.id,
            label="Timer markup",
            files=[FileWrite(path="app.js", content="document.title = 'Timer';\n")],
        ),
    )
    bus.request("storage", UpdateFile(project_id=pid, path="index.html", content=PAGE_TWO))
    return pid


def go(page, address: str) -> None:
    page.evaluate(f"location.hash = '{address}'")


def open_project(page, pid: str, name: str) -> None:
    go(page, f"#/p/{pid}")
    page.wait_for_function(
        "pid => window.__vibing.view === 'project' && window.__vibing.project?.id === pid", arg=pid, timeout=WAIT
    )
    page.wait_for_selector(f"#view-project:not(.hidden) #project-name:has-text('{name}')", timeout=WAIT)
    page.wait_for_selector("#file-tree [role=treeitem]", timeout=WAIT)


def tab(page, name: str) -> None:
    page.click(f".tab[data-tab={name}]")
    page.wait_for_selector(f"#tab-{name}:not(.hidden)", timeout=WAIT)


# -- the views -----------------------------------------------------------------------------------------------------


def test_dashboard_with_projects_the_new_project_dialog_and_the_shortcuts_sheet(page, app):
    new_project(app, "Listed one", {"index.html": PAGE})
    new_project(app, "Listed two")
    go(page, "#/")
    page.reload()
    page.wait_for_selector("body[data-ready='1']", timeout=WAIT)
    page.wait_for_selector(".project-card:has-text('Listed two')", timeout=WAIT)
    loaded = "() => !!window.axe || [...document.scripts].some((s) => s.src.includes('axe'))"
    assert not page.evaluate(loaded), "the app loads axe itself: only the tests may"
    assert_accessible(page, "the dashboard with projects")

    page.fill("#project-search", "zzz-no-such-project")
    page.wait_for_selector(".project-card", state="detached", timeout=WAIT)
    assert_accessible(page, "the dashboard when a search finds nothing")
    page.fill("#project-search", "")

    page.click("#new-project-btn")
    page.wait_for_selector("#new-modal:not(.hidden)", timeout=WAIT)
    assert_accessible(page, "the new-project dialog")
    page.keyboard.press("Escape")
    page.wait_for_selector("#new-modal", state="hidden", timeout=WAIT)

    page.keyboard.press("Control+/")
    page.wait_for_selector("#shortcuts-modal:not(.hidden) tr[data-shortcut='shortcuts']", timeout=WAIT)
    assert_accessible(page, "the shortcuts sheet")


def test_empty_dashboard(page, app):
    from vibing.schema.storage import DeleteProject, ListProjects

    bus = app.bus()
    for project in bus.request("storage", ListProjects(limit=200)).items:
        bus.request("storage", DeleteProject(project_id=project.id))
    go(page, "#/")
    page.reload()
    page.wait_for_selector("body[data-ready='1']", timeout=WAIT)
    page.wait_for_selector("#dashboard-empty:not(.hidden)", timeout=WAIT)
    assert_accessible(page, "the empty dashboard")


def test_project_view_chat_preview_files_and_code(page, app):
    pid = project_with_answer(app, "Chat and code")
    open_project(page, pid, "Chat and code")
    page.wait_for_selector("#messages .md table", timeout=WAIT)  # the answer, rendered
    page.wait_for_selector("#messages .md pre code", timeout=WAIT)
    tab(page, "preview")
    expect(page.locator("#preview-empty")).to_be_hidden(timeout=WAIT)
    assert_accessible(page, "the project view: chat with an answer, files, preview")

    page.locator("#file-tree [role=treeitem][data-path='style.css']").click()
    page.wait_for_selector("#tab-code:not(.hidden) #code-view .cm-content", timeout=WAIT)
    expect(page.locator("#code-path")).to_have_text("style.css")
    page.locator("#code-view .cm-content").click()
    page.keyboard.type("/* edited */ ")
    expect(page.locator("#code-dirty")).to_be_visible(timeout=WAIT)  # an unsaved change shows too
    assert_accessible(page, "the code tab with a file open and edited")
    page.keyboard.press("Control+f")  # the editor's search and replace
    expect(page.locator("#code-view .cm-search")).to_be_visible(timeout=WAIT)
    assert_accessible(page, "the code tab with search and replace open")

    item = page.locator("#file-tree [role=treeitem][data-path='index.html']")
    item.focus()
    page.keyboard.press("Shift+F10")  # the item's menu
    expect(page.locator(".tree-menu")).to_be_visible(timeout=WAIT)
    assert_accessible(page, "the files pane with an item's menu open")
    page.keyboard.press("Escape")
    item.focus()
    page.keyboard.press("F2")  # renaming: the name field
    expect(page.locator("#file-tree .tree-edit input")).to_be_focused(timeout=WAIT)
    assert_accessible(page, "the files pane renaming a file")
    page.keyboard.press("Escape")


def test_preview_that_needs_the_network_with_its_errors(page, app):
    needs = PAGE.replace("</body>", "<script src='https://unpkg.com/vibing-uncached-lib@1.0.0/lib.js'></script></body>")
    pid = new_project(app, "Needs the network", {"index.html": needs})
    open_project(page, pid, "Needs the network")
    expect(page.locator("#net-bar")).to_be_visible(timeout=WAIT)
    expect(page.locator("#preview-console")).to_be_visible(timeout=WAIT)
    expect(page.locator("#console-list li").first).to_be_visible(timeout=WAIT)
    assert_accessible(page, "the preview with the network bar and its errors")


def test_unsaved_changes_dialog_and_the_chat_while_an_answer_streams(page, app):
    pid = new_project(app, "Streaming", {"index.html": PAGE, "style.css": "h1 { color: red; }\n"})
    open_project(page, pid, "Streaming")
    page.locator("#file-tree [role=treeitem][data-path='style.css']").click()
    page.wait_for_selector("#tab-code:not(.hidden) #code-view .cm-content", timeout=WAIT)
    page.locator("#code-view .cm-content").click()
    page.keyboard.type("/* mine */ ")
    expect(page.locator("#code-dirty")).to_be_visible(timeout=WAIT)

    page.fill("#prompt", "Restyle the heading [[scenario:slow delay_ms=40 answer=a11y-restyle piece=8]]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#unsaved-modal:not(.hidden)", timeout=WAIT)
    assert_accessible(page, "the unsaved-changes dialog")
    page.click("#unsaved-discard")
    page.wait_for_selector("#stop-btn:not(.hidden)", timeout=WAIT)
    expect(page.locator("#progress")).to_be_visible()
    assert_accessible(page, "the chat while an answer streams")
    page.wait_for_selector("#progress-spinner.done", timeout=30_000)
    page.wait_for_function("() => !window.__vibing.activeStream", timeout=WAIT)
    assert_accessible(page, "the chat once the answer is written")


def test_a_code_block_just_opened_in_a_streaming_answer(page, app):
    # The moment between a fence's first line and its first line of code: the block is there, empty, and named
    # for a screen reader ("Code: index.html"). axe reports a name on an element whose role allows none only when
    # it has no text, so only this moment showed it (a CI run's axe check landed on it while an answer streamed).
    pid = new_project(app, "Fence just opened", {"index.html": PAGE})
    open_project(page, pid, "Fence just opened")
    page.evaluate(
        """async () => {
            const { renderMarkdown } = await import('/ui/markdown.js');
            const message = document.createElement('div');
            message.className = 'md';
            message.innerHTML = renderMarkdown('Here is the page:\\n\\n```html index.html\\n', { streaming: true });
            document.querySelector('#messages').append(message);
        }"""
    )
    expect(page.locator("#messages .codeblock.writing pre")).to_have_attribute("aria-label", "Code: index.html")
    assert_accessible(page, "a streaming answer whose code block has no code yet")


def test_history_with_the_merge_view_open(page, app):
    pid = project_with_answer(app, "History compared")
    open_project(page, pid, "History compared")
    tab(page, "history")
    rows = page.locator("#checkpoints li.cp")
    expect(rows).to_have_count(3, timeout=WAIT)
    assert_accessible(page, "the history tab")
    rows.nth(2).locator(".cp-open").click()
    expect(page.locator("#compare-view")).to_be_visible(timeout=WAIT)
    expect(page.locator(".cm-mergeView .cm-merge-b .cm-content")).to_be_visible(timeout=WAIT)
    expect(page.locator("#compare-files [role=option]").first).to_be_visible(timeout=WAIT)
    assert_accessible(page, "the history tab with two versions compared")


def test_workflows_view_picked_running_and_finished(page, app, fake):
    from vibing.schema.agent import PlanWorkflow

    plan = app.bus().request("agent", PlanWorkflow(workflow="full-stack"))
    pid = new_project(app, "Workflows shown", {"index.html": PAGE})
    open_project(page, pid, "Workflows shown")
    page.keyboard.press("Control+g")
    expect(page.locator("#workflows-view")).to_be_visible(timeout=WAIT)
    choice = page.locator(".wf-choice[data-workflow='full-stack']")
    expect(choice).to_be_visible(timeout=WAIT)
    assert_accessible(page, "the workflows view")
    choice.locator("input").check()
    page.fill("#wf-brief", "A to-do list with accounts")
    expect(page.locator(".wf-level")).to_have_count(len(plan.levels), timeout=WAIT)  # the task graph
    assert_accessible(page, "the workflows view with a workflow picked and its task graph")

    fake.queue.clear()
    for _ in plan.tasks:
        fake.push("slow", delay_ms=30, words=60)
    page.click("#wf-run")
    first = plan.levels[0][0]
    running = page.locator(f".wf-task[data-task='{first}'][data-state='running'] .wf-tail")
    expect(running).not_to_be_empty(timeout=WAIT)
    assert_accessible(page, "the workflows view while a task streams")
    expect(page.locator("#wf-status")).to_contain_text(f"All {len(plan.tasks)} tasks finished", timeout=60_000)
    assert_accessible(page, "the workflows view when the run has finished")


def test_settings_metrics_and_first_run(page, app):
    go(page, "#/settings")
    page.wait_for_selector("#view-settings[data-ready='1']:not(.hidden)", timeout=WAIT)
    assert_accessible(page, "settings")
    page.click("#key-check")  # what the check says, in its colour
    expect(page.locator("#key-status.ok, #key-status.bad")).not_to_be_empty(timeout=30_000)
    assert_accessible(page, "settings with the key checked")

    go(page, "#/metrics")
    page.wait_for_selector("#view-metrics:not(.hidden) #metrics-rows tr", timeout=WAIT)
    assert_accessible(page, "the metrics view")

    go(page, "#/welcome")
    page.wait_for_selector("#view-welcome[data-ready='1']:not(.hidden)", timeout=WAIT)
    for choice in ("anthropic", "local", "openai"):
        page.check(f"input[name=welcome-choice][value={choice}]")
        page.wait_for_selector(f"#panel-{choice}:not(.hidden)", timeout=WAIT)
        assert_accessible(page, f"the first-run screen, {choice} picked")
    page.fill("#welcome-openai-url", "http://127.0.0.1:9/v1")  # nothing listens there: a refusal, in words
    page.click("#welcome-openai-check")
    expect(page.locator("#welcome-status.bad")).not_to_be_empty(timeout=WAIT)
    assert_accessible(page, "the first-run screen saying a server did not answer")


def test_toasts_and_confirm_dialogs(page, app):
    from vibing.schema.storage import UpdateFile

    pid = new_project(app, "Asked first", {"index.html": PAGE, "style.css": "h1 { color: teal; }\n"})
    app.bus().request(
        "storage", UpdateFile(project_id=pid, path="index.html", content=PAGE_TWO)
    )  # a version to restore
    open_project(page, pid, "Asked first")
    page.click("#save-btn")
    expect(page.locator(".toast:has-text('Checkpoint saved')")).to_be_visible(timeout=WAIT)
    assert_accessible(page, "a toast")

    page.locator("#file-tree [role=treeitem][data-path='style.css']").focus()
    page.keyboard.press("Delete")  # undoable, so not asked: a toast with Undo
    toast = page.locator(".toast:has(button:has-text('Undo'))")
    expect(toast).to_be_visible(timeout=WAIT)
    assert_accessible(page, "a toast with an action")

    tab(page, "history")
    first = page.locator("#checkpoints li.cp").last
    first.locator(".cp-open").click()
    first.locator("[data-act=restore]").click()
    dialog = page.locator(".ask-modal")
    expect(dialog).to_be_visible(timeout=WAIT)
    assert_accessible(page, "a confirm dialog (ask.js)")
    dialog.locator("button[data-answer=cancel]").click()
    expect(dialog).to_have_count(0)

    page.keyboard.press("Control+e")
    expect(page.locator("#export-modal")).to_be_visible(timeout=WAIT)
    assert_accessible(page, "the export dialog")
    page.keyboard.press("Escape")
    expect(page.locator("#export-modal")).to_be_hidden(timeout=WAIT)


# -- the keyboard and the focus ring -------------------------------------------------------------------------------


def focus_ring(page) -> dict:
    """The focused element, and where its focus ring shows: an outline or a box-shadow on the element itself, or one
    that its frame (one of its three nearest ancestors: the message box's border) takes on while it has the focus.
    """
    return page.evaluate("""() => {
        const el = document.activeElement;
        const ring = (node) => {
            const s = getComputedStyle(node);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1
                && s.outlineColor !== 'rgba(0, 0, 0, 0)' ? `outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : '';
            return [outline, s.boxShadow !== 'none' ? `box-shadow ${s.boxShadow}` : ''].filter(Boolean).join('; ');
        };
        const name = el.getAttribute('aria-label') || el.title || el.textContent.trim().slice(0, 40);
        const own = ring(el);
        if (own) return { id: el.id, name, ring: own };
        const frames = [];
        for (let n = el.parentElement, i = 0; n && i < 3; n = n.parentElement, i++) frames.push(n);
        const focused = frames.map(ring);
        el.blur();
        const unfocused = frames.map(ring);
        el.focus();
        const at = frames.findIndex((_, i) => focused[i] && focused[i] !== unfocused[i]);
        return { id: el.id, name, ring: at < 0 ? '' : `${frames[at].className}: ${focused[at]}` };
    }""")


def test_the_project_toolbar_is_reached_with_tab_and_each_stop_shows_a_focus_ring(page, app):
    pid = new_project(app, "Tabbed through", {"index.html": PAGE})
    open_project(page, pid, "Tabbed through")
    expect(page.locator("#prompt")).to_be_focused(timeout=WAIT)  # where opening a project puts the focus
    toolbar = [
        "back-btn",
        "rename-btn",
        "toggle-files",
        "toggle-preview",
        "workflows-btn",
        "save-btn",
        "fork-btn",
        "export-btn",
    ]
    page.locator("#back-btn").focus()
    page.keyboard.press("Shift+Tab")  # come into the toolbar from before it, with the keyboard
    page.keyboard.press("Tab")
    seen, order = [], []
    for _ in range(len(toolbar) + 4):
        ring = focus_ring(page)
        order.append(ring["id"] or ring["name"])
        if ring["id"] in toolbar:
            seen.append(ring["id"])
            assert ring["ring"], f"#{ring['id']} ({ring['name']}) has the focus but no visible ring"
        if ring["id"] == toolbar[-1]:
            break
        page.keyboard.press("Tab")
    assert seen == toolbar, f"Tab reached {seen}, not every toolbar button in order; it went {order}"
    # and each one works from the keyboard: Enter on Files hides the files pane, again shows it
    page.locator("#toggle-files").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#files-pane")).to_be_hidden(timeout=WAIT)
    expect(page.locator("#toggle-files")).to_have_attribute("aria-pressed", "false")
    page.keyboard.press("Enter")
    expect(page.locator("#files-pane")).to_be_visible(timeout=WAIT)
    expect(page.locator("#toggle-files")).to_have_attribute("aria-pressed", "true")


def test_a_project_is_renamed_from_the_keyboard(page, app, theme):
    from vibing.schema.storage import LoadProject

    pid = new_project(app, f"Old name {theme}", {"index.html": PAGE})
    open_project(page, pid, f"Old name {theme}")
    expect(page.locator("#prompt")).to_be_focused(timeout=WAIT)  # where opening a project puts the focus
    page.locator("#rename-btn").focus()
    page.keyboard.press("Enter")
    field = page.get_by_role("textbox", name="Project name")
    expect(field).to_be_focused(timeout=WAIT)
    page.keyboard.press("Escape")  # keeps the old name, and the focus comes back
    expect(page.locator("#rename-btn")).to_be_focused()
    expect(page.locator("#project-name")).to_have_text(f"Old name {theme}")
    page.keyboard.press("Enter")
    expect(field).to_be_focused(timeout=WAIT)
    page.keyboard.press("Control+a")
    page.keyboard.type(f"New name {theme}")
    page.keyboard.press("Enter")
    expect(page.locator("#project-name")).to_have_text(f"New name {theme}", timeout=WAIT)
    expect(page.locator("#rename-btn")).to_be_focused()
    assert app.bus().request("storage", LoadProject(project_id=pid)).project.name == f"New name {theme}"


def test_the_side_tabs_are_a_tab_list_worked_with_the_arrow_keys(page, app):
    pid = new_project(app, "Arrowed tabs", {"index.html": PAGE})
    open_project(page, pid, "Arrowed tabs")
    expect(page.locator("#prompt")).to_be_focused(timeout=WAIT)  # where opening a project puts the focus
    tabs = page.locator(".tabs[role=tablist] [role=tab]")
    expect(tabs).to_have_count(3)
    expect(page.locator(".tabs [role=tab][tabindex='0']")).to_have_count(1)  # one Tab stop: the shown tab
    preview, code, history = (page.locator(f"#tab-btn-{n}") for n in ("preview", "code", "history"))
    expect(preview).to_have_attribute("aria-selected", "true")
    page.locator("#preview-reload").focus()
    page.keyboard.press("Shift+Tab")
    expect(preview).to_be_focused()
    assert focus_ring(page)["ring"], "the focused tab shows no ring"
    page.keyboard.press("ArrowRight")
    expect(code).to_be_focused()
    expect(code).to_have_attribute("aria-selected", "true")
    expect(preview).to_have_attribute("aria-selected", "false")
    expect(page.locator("#tab-code")).to_be_visible()
    page.keyboard.press("End")
    expect(history).to_be_focused()
    expect(page.locator("#tab-history")).to_be_visible()
    page.keyboard.press("ArrowRight")  # round to the first
    expect(preview).to_be_focused()
    expect(page.locator("#tab-preview")).to_be_visible()


def test_the_project_tabs_and_panes_are_reached_with_tab_and_show_a_focus_ring(page, app):
    pid = new_project(app, "Panes tabbed", {"index.html": PAGE})
    open_project(page, pid, "Panes tabbed")
    expect(page.locator("#prompt")).to_be_focused(timeout=WAIT)  # where opening a project puts the focus
    wanted = {"new-file-btn", "upload-btn", "prompt", "agent-picker", "model-picker", "send-btn", "preview-reload"}
    page.locator("#export-btn").focus()
    reached: dict[str, dict] = {}
    order = []
    for _ in range(40):
        page.keyboard.press("Tab")
        ring = focus_ring(page)
        order.append(ring["id"] or ring["name"])
        if ring["id"] in wanted:
            reached[ring["id"]] = ring
        if ring["id"] == "preview-reload":
            break
    assert set(reached) == wanted, f"Tab never reached {sorted(wanted - set(reached))}; it went {order}"
    no_ring = {k: v for k, v in reached.items() if not v["ring"]}
    assert not no_ring, f"focused without a visible ring: {no_ring}"


def test_the_dashboard_cards_and_their_buttons_are_reached_with_tab(page, app, theme):
    name = f"Carded {theme}"
    new_project(app, name, {"index.html": PAGE})
    go(page, "#/")
    page.fill("#project-search", name)
    card = page.locator(f".project-card:has-text('{name}')")
    expect(card).to_have_count(1, timeout=WAIT)
    page.locator("#project-sort").focus()
    stops = []
    for _ in range(3):
        page.keyboard.press("Tab")
        ring = focus_ring(page)
        stops.append(ring)
        assert ring["ring"], f"{ring['name']!r} has the focus but no visible ring"
        shown = page.evaluate("() => getComputedStyle(document.activeElement).opacity")
        assert shown == "1", f"{ring['name']!r} has the focus but cannot be seen (opacity {shown})"
    assert [s["name"] for s in stops][1:] == [f"Fork {name}", f"Delete {name}"], stops
    assert page.evaluate("() => document.activeElement.closest('.project-card') !== null")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")  # the card itself: Enter opens it
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#view-project:not(.hidden) #project-name:has-text('{name}')", timeout=WAIT)
