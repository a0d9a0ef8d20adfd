"""The keyboard in a real browser (issue 18, item 6).

The new-project dialog's description is a text box of several lines: Enter creates the project and Shift+Enter
adds a line, as in the chat's message box, and Enter that ends an IME composition only commits the text.

The shortcuts sheet (Ctrl+/) is made from the table that binds the keys. The walk below reads the sheet and, for
every row, presses the keys the row shows and checks that what the row says happens; a row this test has no check
for fails it, so a new shortcut comes with its proof, and a key the sheet does not list is left to the browser.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT, wait_preview_loaded
from conftest import start_app
from test_ui_browser import ANSWER, KEY

from tests.fakes import FakeAnthropic

playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def fake():
    with FakeAnthropic() as server:
        server.answers["app"] = ANSWER
        yield server


@pytest.fixture(scope="module")
def app(fake, tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("keys") / "home", ANTHROPIC_BASE_URL=fake.url, ANTHROPIC_API_KEY=KEY)
    yield running
    running.stop()


def stored_projects(app, name: str) -> list:
    from vibing.schema.storage import ListProjects

    return [p for p in app.bus().request("storage", ListProjects(limit=200)).items if p.name == name]


def new_project_in_storage(app, name: str, files: dict[str, str] | None = None) -> str:
    from vibing.schema.storage import CreateProject, FileWrite

    files = files or {}
    reply = app.bus().request(
        "storage", CreateProject(name=name, files=[FileWrite(path=p, content=c) for p, c in files.items()])
    )
    return reply.project.id


def go_projects(page) -> None:
    page.evaluate("location.hash = '#/'")
    page.wait_for_selector("#view-dashboard:not(.hidden)", timeout=WAIT)


def go_project(page, pid: str, name: str) -> None:
    """Open the project and await it loaded (the view shows at once, still titled with a project seen before)."""
    page.evaluate(f"location.hash = '#/p/{pid}'")
    page.wait_for_function(
        "pid => window.__vibing.view === 'project' && window.__vibing.project?.id === pid", arg=pid, timeout=WAIT
    )
    page.wait_for_selector(f"#view-project:not(.hidden) #project-name:has-text('{name}')", timeout=WAIT)


def test_enter_creates_the_project_and_shift_enter_adds_a_line(page, app):
    page.keyboard.press("Control+n")
    page.wait_for_selector("#new-modal:not(.hidden)", timeout=WAIT)
    page.fill("#new-name", "Typed with Enter")
    page.focus("#new-prompt")
    page.keyboard.type("A pomodoro timer")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("with a dark theme [[scenario:normal answer=app]]")
    assert page.input_value("#new-prompt") == "A pomodoro timer\nwith a dark theme [[scenario:normal answer=app]]"
    assert page.is_visible("#new-modal") and not stored_projects(app, "Typed with Enter")

    # Enter while an input method composes (a Japanese or Chinese keyboard): it commits the text, nothing else
    page.dispatch_event("#new-prompt", "keydown", {"key": "Enter", "isComposing": True})
    assert page.is_visible("#new-modal") and not stored_projects(app, "Typed with Enter")

    page.keyboard.press("Enter")
    page.wait_for_selector("#view-project:not(.hidden) #project-name:has-text('Typed with Enter')", timeout=WAIT)
    assert page.is_hidden("#new-modal")
    # the description, both lines, is the first prompt: the generation starts at once
    page.wait_for_selector("#progress-spinner.done", timeout=30_000)
    page.wait_for_selector("#file-tree li[data-path='index.html']", timeout=WAIT)
    [project] = stored_projects(app, "Typed with Enter")
    from vibing.schema.storage import LoadProject

    messages = app.bus().request("storage", LoadProject(project_id=project.id)).messages
    assert messages[0].role == "user"
    assert messages[0].content == "A pomodoro timer\nwith a dark theme [[scenario:normal answer=app]]"


# -- the walk: one check per row of the sheet, pressing the keys the row shows -------------------------------------


class Walk:
    """What the checks share: the page, the app, and the projects made for them."""

    def __init__(self, page, app, fake) -> None:
        self.page, self.app, self.fake = page, app, fake
        self.name = "Walked through"
        self.pid = new_project_in_storage(app, self.name, {"index.html": "<h1 id='t'>walk</h1>"})

    def press(self, keys: list[str]) -> None:
        names = {"Ctrl": "Control", "⌘": "Meta", "Esc": "Escape"}
        self.page.keyboard.press("+".join(names.get(k, k) for k in keys))

    def in_project(self) -> None:
        if not self.page.evaluate(
            f"window.__vibing.view === 'project' && window.__vibing.project?.id === '{self.pid}'"
        ):
            go_project(self.page, self.pid, self.name)

    def idle(self) -> None:
        """No answer being written (a check's generation has ended)."""
        self.page.wait_for_function("() => !window.__vibing.activeStream", timeout=30_000)


def check_new_project(w: Walk, keys):
    go_projects(w.page)
    w.press(keys)
    w.page.wait_for_selector("#new-modal:not(.hidden)", timeout=WAIT)
    expect(w.page.locator("#new-name")).to_be_focused(timeout=WAIT)
    w.page.click("#new-modal [data-close]")


def check_search(w: Walk, keys):
    w.in_project()
    w.press(keys)
    w.page.wait_for_selector("#view-dashboard:not(.hidden)", timeout=WAIT)
    expect(w.page.locator("#project-search")).to_be_focused(timeout=WAIT)


def check_settings(w: Walk, keys):
    go_projects(w.page)
    w.press(keys)
    w.page.wait_for_selector("#view-settings[data-ready='1']:not(.hidden)", timeout=WAIT)


def check_shortcuts(w: Walk, keys):
    go_projects(w.page)
    w.press(keys)
    w.page.wait_for_selector("#shortcuts-modal:not(.hidden) tr[data-shortcut='shortcuts']", timeout=WAIT)
    w.page.keyboard.press("Enter")  # the focus is on Close
    w.page.wait_for_selector("#shortcuts-modal", state="hidden", timeout=WAIT)


def check_close_dialog(w: Walk, keys):
    go_projects(w.page)
    w.page.click("#new-project-btn")
    w.page.wait_for_selector("#new-modal:not(.hidden)", timeout=WAIT)
    w.press(keys)
    w.page.wait_for_selector("#new-modal", state="hidden", timeout=WAIT)


def check_save(w: Walk, keys):
    from vibing.schema.storage import ListCheckpoints

    w.in_project()
    before = len(w.app.bus().request("storage", ListCheckpoints(project_id=w.pid, limit=100)).items)
    w.press(keys)
    w.page.wait_for_selector(".toast:has-text('Checkpoint saved')", timeout=WAIT)
    assert len(w.app.bus().request("storage", ListCheckpoints(project_id=w.pid, limit=100)).items) == before + 1


def check_export(w: Walk, keys):
    w.in_project()
    w.press(keys)
    w.page.wait_for_selector("#export-modal:not(.hidden)", timeout=WAIT)
    expect(w.page.locator("#export-path")).to_be_focused(timeout=WAIT)
    w.page.click("#export-modal [data-close]")


def check_toggle_files(w: Walk, keys):
    w.in_project()
    w.press(keys)
    w.page.wait_for_selector("#files-pane", state="hidden", timeout=WAIT)
    w.press(keys)
    w.page.wait_for_selector("#files-pane", state="visible", timeout=WAIT)


def check_toggle_preview(w: Walk, keys):
    w.in_project()
    w.press(keys)
    w.page.wait_for_selector("#side-pane", state="hidden", timeout=WAIT)
    w.press(keys)
    w.page.wait_for_selector("#side-pane", state="visible", timeout=WAIT)


def check_workflows(w: Walk, keys):
    w.in_project()
    w.press(keys)
    w.page.wait_for_selector("#workflows-view:not(.hidden)", timeout=WAIT)
    assert w.page.is_hidden("#workspace")
    w.press(keys)
    w.page.wait_for_selector("#workflows-view", state="hidden", timeout=WAIT)
    w.page.wait_for_selector("#workspace", state="visible", timeout=WAIT)


def check_reload_preview(w: Walk, keys):
    w.in_project()
    wait_preview_loaded(w.page)
    version = w.page.evaluate("window.__notReloaded = true; window.__vibing.previewVersion")
    w.press(keys)
    w.page.wait_for_function(f"() => window.__vibing.previewVersion > {version}", timeout=WAIT)
    wait_preview_loaded(w.page)  # the frame, not the page: the page is the same one
    assert w.page.evaluate("window.__notReloaded === true")


def check_pick_element(w: Walk, keys):
    w.in_project()
    w.page.wait_for_selector("#preview[src]", state="attached", timeout=WAIT)
    w.page.focus("#prompt")
    w.press(keys)
    expect(w.page.locator("#preview-pick")).to_have_attribute("aria-pressed", "true")
    w.page.frame_locator("#preview").locator("vibing-picker").wait_for(state="attached", timeout=WAIT)
    w.page.keyboard.press("Escape")  # cancels the pick, and only that
    expect(w.page.locator("#preview-pick")).to_have_attribute("aria-pressed", "false")


def check_attach_image(w: Walk, keys):
    w.in_project()
    w.page.focus("#prompt")
    with w.page.expect_file_chooser(timeout=WAIT) as chooser:
        w.press(keys)
    assert chooser.value.is_multiple()
    chooser.value.set_files([])  # nothing chosen: nothing attached
    expect(w.page.locator("#image-chips .chip")).to_have_count(0)


def check_stop(w: Walk, keys):
    w.in_project()
    w.idle()
    w.page.fill("#prompt", "A pomodoro timer [[scenario:slow delay_ms=60 answer=app piece=2]]")
    w.page.click("#send-btn")
    w.page.wait_for_selector(".msg.assistant .md:has-text('calm')", timeout=WAIT)
    w.press(keys)
    w.page.wait_for_selector("#stop-btn", state="hidden", timeout=WAIT)
    w.page.wait_for_selector(".msg.assistant:last-child .msg-foot:has-text('Stopped')", timeout=WAIT)
    w.idle()


def check_send(w: Walk, keys):
    w.in_project()
    w.idle()
    sent = w.page.locator(".msg.user").count()
    w.page.fill("#prompt", "Make the title bigger [[scenario:normal answer=app]]")
    w.page.focus("#prompt")
    w.press(keys)
    w.page.wait_for_selector(".msg.user:has-text('Make the title bigger')", timeout=WAIT)
    assert w.page.locator(".msg.user").count() == sent + 1 and w.page.input_value("#prompt") == ""
    w.idle()


def check_message_newline(w: Walk, keys):
    w.in_project()
    w.idle()
    sent = w.page.locator(".msg.user").count()
    w.page.fill("#prompt", "")
    w.page.focus("#prompt")
    w.page.keyboard.type("first line")
    w.press(keys)
    w.page.keyboard.type("second line")
    assert w.page.input_value("#prompt") == "first line\nsecond line"
    assert w.page.locator(".msg.user").count() == sent and not w.page.evaluate("window.__vibing.activeStream")
    w.page.fill("#prompt", "")


def check_create(w: Walk, keys):
    go_projects(w.page)
    w.page.click("#new-project-btn")
    w.page.fill("#new-name", "Created by Enter")
    w.page.focus("#new-prompt")
    w.press(keys)
    w.page.wait_for_selector("#view-project:not(.hidden) #project-name:has-text('Created by Enter')", timeout=WAIT)
    assert len(stored_projects(w.app, "Created by Enter")) == 1


def check_description_newline(w: Walk, keys):
    go_projects(w.page)
    w.page.click("#new-project-btn")
    w.page.fill("#new-name", "Not created")
    w.page.focus("#new-prompt")
    w.page.keyboard.type("a list")
    w.press(keys)
    w.page.keyboard.type("of things")
    assert w.page.input_value("#new-prompt") == "a list\nof things"
    assert w.page.is_visible("#new-modal") and not stored_projects(w.app, "Not created")
    w.page.click("#new-modal [data-close]")


def check_open_card(w: Walk, keys):
    go_projects(w.page)
    w.page.focus(f".project-card[data-id='{w.pid}']")
    w.press(keys)
    w.page.wait_for_selector(f"#view-project:not(.hidden) #project-name:has-text('{w.name}')", timeout=WAIT)


def check_delete_card(w: Walk, keys):
    new_project_in_storage(w.app, "Thrown away")
    go_projects(w.page)
    card = w.page.locator(".project-card:has-text('Thrown away')")
    card.focus()
    w.press(keys)
    w.page.wait_for_selector(".toast:has-text('Deleted “Thrown away”')", timeout=WAIT)
    assert card.count() == 0
    w.page.click(".toast button:has-text('Undo')")  # and it is still there
    w.page.wait_for_selector(".project-card:has-text('Thrown away')", timeout=WAIT)


def tree_item(page, path: str):
    return page.locator(f"#file-tree [role=treeitem][data-path='{path}']")


def project_with_files(w: Walk, name: str) -> None:
    pid = new_project_in_storage(w.app, name, {"index.html": "<h1>x</h1>", "about.html": "<p>about</p>"})
    go_project(w.page, pid, name)
    expect(tree_item(w.page, "about.html")).to_be_visible(timeout=WAIT)


def check_new_file(w: Walk, keys):
    w.in_project()
    w.page.focus("#prompt")
    w.press(keys)
    expect(w.page.locator("#file-tree .tree-edit input")).to_be_focused(timeout=WAIT)
    w.page.keyboard.press("Escape")
    expect(w.page.locator("#file-tree .tree-edit")).to_have_count(0)


def check_rename_file(w: Walk, keys):
    project_with_files(w, "Renamed by a key")
    tree_item(w.page, "about.html").focus()
    w.press(keys)
    field = w.page.locator("#file-tree .tree-edit input")
    expect(field).to_be_focused(timeout=WAIT)
    expect(field).to_have_value("about.html")
    w.page.keyboard.press("Escape")
    expect(tree_item(w.page, "about.html")).to_be_visible()


def check_delete_file(w: Walk, keys):
    project_with_files(w, "Deleted by a key")
    tree_item(w.page, "about.html").focus()
    w.press(keys)
    toast = w.page.locator(".toast:has-text('Deleted about.html')")
    expect(toast).to_be_visible(timeout=WAIT)
    expect(tree_item(w.page, "about.html")).to_have_count(0)
    toast.locator("button:has-text('Undo')").click()
    expect(tree_item(w.page, "about.html")).to_be_visible(timeout=WAIT)


def in_editor(w: Walk) -> str:
    """The walk's index.html open in the code editor, the cursor in it: its text."""
    w.in_project()
    w.page.click("#file-tree [role=treeitem][data-path='index.html']")
    w.page.wait_for_selector("#code-view:not(.hidden) .cm-content", timeout=WAIT)
    w.page.click("#code-view .cm-content")
    return editor_text(w.page)


def editor_text(page) -> str:
    return page.evaluate("() => window.__vibingEditor.view.state.sliceDoc()")


def check_editor_find(w: Walk, keys):
    in_editor(w)
    w.press(keys)
    expect(w.page.locator("#code-view .cm-search input[name=search]")).to_be_focused(timeout=WAIT)
    w.page.keyboard.press("Escape")
    expect(w.page.locator("#code-view .cm-search")).to_have_count(0)


def check_editor_replace(w: Walk, keys):
    in_editor(w)
    w.press(keys)
    expect(w.page.locator("#code-view .cm-search input[name=replace]")).to_be_focused(timeout=WAIT)
    w.page.keyboard.press("Escape")
    expect(w.page.locator("#code-view .cm-search")).to_have_count(0)


def check_editor_undo(w: Walk, keys):
    before = in_editor(w)
    w.page.keyboard.press("Control+End")
    w.page.keyboard.type("!")
    assert editor_text(w.page) == before + "!"
    w.press(keys)
    assert editor_text(w.page) == before


def check_editor_redo(w: Walk, keys):
    before = in_editor(w)
    w.page.keyboard.press("Control+End")
    w.page.keyboard.type("!")
    w.page.keyboard.press("Control+z")
    assert editor_text(w.page) == before
    w.press(keys)
    assert editor_text(w.page) == before + "!"
    w.page.keyboard.press("Control+z")  # left as it was: nothing unsaved
    assert editor_text(w.page) == before


CHECKS: dict[str, Callable[[Walk, list[str]], None]] = {
    "new-project": check_new_project,
    "search": check_search,
    "settings": check_settings,
    "shortcuts": check_shortcuts,
    "close-dialog": check_close_dialog,
    "save": check_save,
    "export": check_export,
    "toggle-files": check_toggle_files,
    "toggle-preview": check_toggle_preview,
    "workflows": check_workflows,
    "pick-element": check_pick_element,
    "attach-image": check_attach_image,
    "reload-preview": check_reload_preview,
    "stop": check_stop,
    "send": check_send,
    "message-newline": check_message_newline,
    "create": check_create,
    "description-newline": check_description_newline,
    "open-card": check_open_card,
    "delete-card": check_delete_card,
    "new-file": check_new_file,
    "rename-file": check_rename_file,
    "delete-file": check_delete_file,
    "editor-find": check_editor_find,
    "editor-replace": check_editor_replace,
    "editor-undo": check_editor_undo,
    "editor-redo": check_editor_redo,
}
#: In the desktop window only: a browser has no folder dialog, so the sheet must not offer it there.
WINDOW_ONLY = {"open-folder"}


def sheet_rows(page) -> list[dict]:
    page.click("#shortcuts-btn")
    page.wait_for_selector("#shortcuts-modal:not(.hidden) tr[data-shortcut]", timeout=WAIT)
    rows = page.eval_on_selector_all(
        "#shortcuts-table tr[data-shortcut]",
        """rows => rows.map((tr) => ({
            id: tr.dataset.shortcut,
            label: tr.cells[0].textContent,
            keys: [...tr.querySelectorAll('kbd')].map((k) => k.textContent),
            group: tr.closest('tbody').querySelector('th').textContent,
        }))""",
    )
    page.keyboard.press("Escape")
    page.wait_for_selector("#shortcuts-modal", state="hidden", timeout=WAIT)
    return rows


def test_every_shortcut_the_sheet_lists_does_what_it_says(page, app, fake, shots):
    walk = Walk(page, app, fake)
    go_projects(page)
    rows = sheet_rows(page)
    listed = [row["id"] for row in rows]
    assert len(listed) == len(set(listed)), listed
    assert set(listed) == set(CHECKS), "each row needs a check here, and each check its row"
    assert not set(listed) & WINDOW_ONLY
    page.click("#shortcuts-btn")
    page.screenshot(path=str(shots / "shortcuts-sheet.png"), animations="disabled")
    page.keyboard.press("Escape")
    for row in rows:
        assert row["keys"] and row["label"].strip() and row["group"].strip(), row
        CHECKS[row["id"]](walk, row["keys"])


def test_a_key_the_sheet_does_not_list_is_left_to_the_browser(page):
    """Ctrl+O opens a folder in the desktop window; a browser has no folder dialog, so the page does not take it."""
    taken = page.evaluate("""() => {
        const e = new KeyboardEvent('keydown', { key: 'o', ctrlKey: true, bubbles: true, cancelable: true });
        document.body.dispatchEvent(e);
        return e.defaultPrevented;
    }""")
    assert taken is False
    assert page.evaluate("window.vibing.command('open-folder')") is False


def test_a_project_deleted_from_its_card_is_deleted_when_the_page_is_left_before_undo_ends(page, app):
    """Delete waits a few seconds for Undo; leaving the page in that time deletes it then, rather than never."""
    new_project_in_storage(app, "Left behind")
    go_projects(page)
    page.focus(".project-card:has-text('Left behind')")
    page.keyboard.press("Delete")
    page.wait_for_selector(".toast:has-text('Deleted “Left behind”')", timeout=WAIT)
    assert stored_projects(app, "Left behind"), "still there while Undo is offered"
    page.reload()
    page.wait_for_selector("body[data-ready='1']", timeout=WAIT)
    deadline = time.monotonic() + 10
    while stored_projects(app, "Left behind") and time.monotonic() < deadline:
        time.sleep(0.1)  # polling storage for the page's last request, which outlives the page
    assert not stored_projects(app, "Left behind")
    assert page.locator(".project-card:has-text('Left behind')").count() == 0
