"""The code editor in a real browser (issue 18, items 1 and 2): Debian's Chromium driven by Playwright against a
real headless app, `vibing web` and the local Anthropic-protocol server.

A person edits a file in the Code tab (CodeMirror), saves it (Ctrl+S or the Save button) and storage holds exactly
those bytes, as a new checkpoint; unsaved edits survive switching files and a killed shell (drafts in storage,
offered back when the project opens); a generation over unsaved edits asks first; a file that changes on disk
under unsaved edits is never replaced silently; the theme, search and replace, and files the editor must not
open (binary, too large) behave as a person expects. Timings are measured in the bench, not here.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT, signed_in_page
from conftest import start_app, start_web
from test_ui_browser import ANSWER, KEY, PAGE

from tests.fakes import FakeAnthropic

playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")

STYLES = "body { font-family: system-ui; }\nh1 { color: #5b5bd6; }\n"
SCRIPT = "function start() {\n  document.title = 'Running';\n}\ndocument.getElementById('start').onclick = start;\n"
NOTES = "Notes, written on Windows\r\nline two: café ✓\r\n"


@pytest.fixture(scope="module")
def fake():
    with FakeAnthropic() as server:
        server.answers["app"] = ANSWER
        yield server


@pytest.fixture(scope="module")
def app(fake, tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("editor") / "home", ANTHROPIC_BASE_URL=fake.url, ANTHROPIC_API_KEY=KEY)
    yield running
    running.stop()


@pytest.fixture
def page(browser, web):
    with signed_in_page(browser, web) as pg:
        yield pg
    ui_errors = [e for e in pg.errors if "is not defined" not in e]  # preview pages may throw on purpose
    assert not ui_errors, ui_errors


# -- helpers


def new_project(app, name: str, files: dict[str, str]) -> str:
    from vibing.schema.storage import CreateProject, FileWrite

    reply = app.bus().request(
        "storage", CreateProject(name=name, files=[FileWrite(path=p, content=c) for p, c in files.items()])
    )
    return reply.project.id


def open_project(page, pid: str, name: str) -> None:
    page.goto(page.url.split("#")[0] + f"#/p/{pid}")
    page.wait_for_selector(f"#project-name:has-text('{name}')", timeout=WAIT)


def open_file(page, path: str) -> None:
    """Click the file in the tree; the Code tab shows it in the editor."""
    page.click(f"#file-tree li[data-path='{path}']")
    page.wait_for_selector(f"#tab-code:not(.hidden) #code-path:text-is('{path}')", timeout=WAIT)
    page.wait_for_selector("#code-view:not(.hidden) .cm-content", timeout=WAIT)


def type_at_end(page, text: str) -> None:
    """Put the cursor at the end of the file and type, key by key, as a person does."""
    page.click("#code-view .cm-content")
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def editor_text(page) -> str:
    return page.evaluate("() => window.__vibingEditor.view.state.sliceDoc()")


def stored(app, pid: str, path: str) -> str:
    from vibing.schema.storage import ReadFile

    return app.bus().request("storage", ReadFile(project_id=pid, path=path)).file.content


def checkpoints(app, pid: str) -> list:
    from vibing.schema.storage import ListCheckpoints

    return app.bus().request("storage", ListCheckpoints(project_id=pid, limit=100)).items


def drafts(app, pid: str) -> list:
    from vibing.schema.storage import ListDrafts

    return app.bus().request("storage", ListDrafts(project_id=pid)).drafts


def dirty_in_tree(page, path: str):
    return page.locator(f"#file-tree li[data-path='{path}'] .dirty-dot")


def said_unsaved(page, path: str) -> bool:
    """Whether the tree tells a screen reader that the file has unsaved changes (in the item's name, or the dot's)."""
    return page.evaluate(
        """(path) => { const li = document.querySelector(`#file-tree li[data-path="${path}"]`);
           return !!li && ((li.getAttribute('aria-label') || '').endsWith(', unsaved changes')
             || !!li.querySelector('[aria-label="unsaved changes"]')); }""",
        path,
    )


def wait_for_draft(page, path: str) -> None:
    """Until storage acknowledged the file's draft (the editor writes it about a second after the last key)."""
    page.wait_for_function(
        "(path) => !!window.__vibingEditor.docs().get(path)?.hasDraft && !window.__vibingEditor.docs().get(path)?.draftTimer",
        arg=path,
        timeout=WAIT,
    )


# -- tests


def test_edit_and_save_writes_the_exact_bytes_as_a_checkpoint_and_reloads_the_preview(page, app):
    pid = new_project(app, "Editing", {"index.html": PAGE, "styles.css": STYLES, "app.js": SCRIPT, "notes.md": NOTES})
    open_project(page, pid, "Editing")
    page.frame_locator("#preview").locator("#title").wait_for(timeout=WAIT)
    before = len(checkpoints(app, pid))

    open_file(page, "styles.css")
    type_at_end(page, "h2 { color: red; }")
    # unsaved: a dot in the tree, in the header and on the Code tab, each saying so to a screen reader
    expect(dirty_in_tree(page, "styles.css")).to_be_visible()
    assert said_unsaved(page, "styles.css")
    expect(page.locator("#code-dirty")).to_be_visible()
    assert page.get_attribute("#code-dirty", "aria-label") == "unsaved changes"
    expect(page.locator("#code-tab-dirty")).to_be_visible()
    expect(page.locator("#code-save")).to_be_enabled()
    assert stored(app, pid, "styles.css") == STYLES  # nothing written before Save

    page.keyboard.press("Control+s")
    expect(page.locator("#code-dirty")).to_be_hidden(timeout=WAIT)
    expect(dirty_in_tree(page, "styles.css")).to_have_count(0)
    expect(page.locator("#code-save")).to_be_disabled()
    assert stored(app, pid, "styles.css") == STYLES + "h2 { color: red; }"
    after = checkpoints(app, pid)
    assert len(after) == before + 1 and after[0].label == "Edited styles.css"
    assert drafts(app, pid) == []  # saving dropped the draft

    # a file with Windows line breaks and non-ASCII text keeps its bytes; the Save button saves too
    open_file(page, "notes.md")
    type_at_end(page, "line three")
    page.click("#code-save")
    expect(page.locator("#code-dirty")).to_be_hidden(timeout=WAIT)
    assert stored(app, pid, "notes.md") == NOTES + "line three"

    # saving reloads the preview with the new file
    open_file(page, "index.html")
    page.click("#code-view .cm-content")
    page.keyboard.press("Control+f")
    page.fill("#code-view .cm-search input[name=search]", "Pomodoro</h1>")
    page.fill("#code-view .cm-search input[name=replace]", "Edited by hand</h1>")
    page.click("#code-view .cm-search button[name=replaceAll]")
    page.click("#code-view .cm-content")
    page.keyboard.press("Control+s")
    expect(page.locator("#code-dirty")).to_be_hidden(timeout=WAIT)
    assert stored(app, pid, "index.html") == PAGE.replace("Pomodoro</h1>", "Edited by hand</h1>")
    # (the preview tab is behind the code tab: the new page is loaded there, not shown)
    page.frame_locator("#preview").locator("#title:has-text('Edited by hand')").wait_for(state="attached", timeout=WAIT)


def test_unsaved_edits_and_their_undo_history_survive_switching_files(page, app):
    pid = new_project(app, "Switching", {"index.html": PAGE, "styles.css": STYLES, "app.js": SCRIPT})
    open_project(page, pid, "Switching")
    open_file(page, "app.js")
    type_at_end(page, "start();")
    open_file(page, "styles.css")
    type_at_end(page, "p { margin: 0; }")
    expect(dirty_in_tree(page, "app.js")).to_be_visible()
    expect(dirty_in_tree(page, "styles.css")).to_be_visible()

    open_file(page, "app.js")
    assert editor_text(page) == SCRIPT + "start();"
    expect(page.locator("#code-dirty")).to_be_visible()
    # this file's own history: undo takes back what was typed here, back to the stored text (clean again)
    page.click("#code-view .cm-content")
    page.keyboard.press("Control+z")
    assert editor_text(page) == SCRIPT
    expect(page.locator("#code-dirty")).to_be_hidden()
    expect(dirty_in_tree(page, "app.js")).to_have_count(0)
    page.keyboard.press("Control+Shift+z")
    assert editor_text(page) == SCRIPT + "start();"

    open_file(page, "styles.css")
    assert editor_text(page) == STYLES + "p { margin: 0; }"
    # nothing is stored until saved, but both drafts are kept in storage while the person types
    wait_for_draft(page, "styles.css")
    wait_for_draft(page, "app.js")
    assert {d.path: d.content for d in drafts(app, pid)} == {
        "app.js": SCRIPT + "start();",
        "styles.css": STYLES + "p { margin: 0; }",
    }
    assert stored(app, pid, "app.js") == SCRIPT and stored(app, pid, "styles.css") == STYLES


def test_drafts_come_back_after_the_shell_is_killed(browser, app):
    from vibing.schema.storage import ApplyFiles, FileWrite

    pid = new_project(app, "Crash", {"index.html": PAGE, "styles.css": STYLES, "app.js": SCRIPT})
    proc, port, token = start_web(app, "--port", "0")
    try:
        with signed_in_page(browser, f"http://127.0.0.1:{port}/?token={token}") as page:
            open_project(page, pid, "Crash")
            open_file(page, "styles.css")
            type_at_end(page, "p { margin: 0; }")
            open_file(page, "app.js")
            type_at_end(page, "start();")
            wait_for_draft(page, "styles.css")
            wait_for_draft(page, "app.js")
            proc.send_signal(signal.SIGKILL)  # the shell dies with the edits unsaved
            proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    # while no window is open, a generation rewrites app.js (storage keeps the draft): the draft is now stale
    app.bus().request(
        "storage",
        ApplyFiles(project_id=pid, message_id="", files=[FileWrite(path="app.js", content=SCRIPT + "// rewritten\n")]),
    )

    proc, port, token = start_web(app, "--port", "0")
    try:
        with signed_in_page(browser, f"http://127.0.0.1:{port}/?token={token}") as page:
            open_project(page, pid, "Crash")
            page.wait_for_selector("#draft-notice:not(.hidden)", timeout=WAIT)
            assert page.inner_text("#draft-notice-title") == "Unsaved changes to 2 files were recovered"
            expect(page.locator("#draft-notice li:has-text('app.js')")).to_contain_text("the file changed since")
            expect(page.locator("#draft-notice li:has-text('styles.css') .stale")).to_have_count(0)
            page.click("#draft-restore")
            page.wait_for_selector("#draft-notice", state="hidden", timeout=WAIT)
            expect(dirty_in_tree(page, "styles.css")).to_be_visible()
            expect(dirty_in_tree(page, "app.js")).to_be_visible()

            open_file(page, "styles.css")
            assert editor_text(page) == STYLES + "p { margin: 0; }"
            expect(page.locator("#code-conflict")).to_be_hidden()
            # the stale one comes back as it was typed, dirty, and says the file changed since: the person decides
            open_file(page, "app.js")
            assert editor_text(page) == SCRIPT + "start();"
            expect(page.locator("#code-dirty")).to_be_visible()
            expect(page.locator("#code-conflict")).to_contain_text("changed since these edits were made")
            page.click("#conflict-keep")
            expect(page.locator("#code-conflict")).to_be_hidden()
            page.click("#code-save")
            expect(page.locator("#code-dirty")).to_be_hidden(timeout=WAIT)
            assert stored(app, pid, "app.js") == SCRIPT + "start();"
            assert [d.path for d in drafts(app, pid)] == ["styles.css"]
            assert not page.errors, page.errors
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_recovered_drafts_can_be_discarded(page, app):
    from vibing.schema.storage import SaveDraft

    pid = new_project(app, "Leftovers", {"index.html": PAGE, "styles.css": STYLES})
    sha = next(f.sha256 for f in app.bus().request("storage", _load(pid)).files if f.path == "styles.css")
    app.bus().request(
        "storage", SaveDraft(project_id=pid, path="styles.css", content=STYLES + "/* left over */", base_sha256=sha)
    )
    open_project(page, pid, "Leftovers")
    page.wait_for_selector("#draft-notice:not(.hidden)", timeout=WAIT)
    assert page.inner_text("#draft-notice-title") == "Unsaved changes to 1 file was recovered"
    page.click("#draft-discard")
    page.wait_for_selector("#draft-notice", state="hidden", timeout=WAIT)  # once storage forgot them
    assert drafts(app, pid) == []
    open_file(page, "styles.css")
    assert editor_text(page) == STYLES
    expect(dirty_in_tree(page, "styles.css")).to_have_count(0)


def _load(pid: str):
    from vibing.schema.storage import LoadProject

    return LoadProject(project_id=pid)


def _until(condition, timeout: float = WAIT / 1000) -> None:
    """Until ``condition()`` holds (a state in another process: storage), or fail after ``timeout`` seconds."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


def test_a_generation_over_unsaved_edits_asks_first(page, app, fake):
    pid = new_project(app, "Asking", {"index.html": PAGE, "styles.css": STYLES, "app.js": SCRIPT})
    open_project(page, pid, "Asking")
    open_file(page, "styles.css")
    type_at_end(page, "p { margin: 0; }")
    asked = len(fake.requests)

    prompt = "A pomodoro timer [[scenario:slow delay_ms=5 answer=app piece=40]]"
    page.fill("#prompt", prompt)
    page.keyboard.press("Enter")
    page.wait_for_selector("#unsaved-modal:not(.hidden)", timeout=WAIT)
    assert page.inner_text("#unsaved-list") == "styles.css"
    expect(page.locator("#unsaved-save")).to_be_focused()
    # Escape is Cancel: nothing was sent, the prompt is still in the box, the edits are still unsaved
    page.keyboard.press("Escape")
    page.wait_for_selector("#unsaved-modal", state="hidden", timeout=WAIT)
    assert page.input_value("#prompt") == prompt
    assert len(fake.requests) == asked
    expect(page.locator("#stop-btn")).to_be_hidden()
    assert page.locator(".msg.user").count() == 0
    expect(dirty_in_tree(page, "styles.css")).to_be_visible()

    # Save and continue (by keyboard: Tab moves between the choices, Enter picks one)
    page.click("#send-btn")
    page.wait_for_selector("#unsaved-modal:not(.hidden)", timeout=WAIT)
    page.keyboard.press("Enter")
    page.wait_for_selector("#unsaved-modal", state="hidden", timeout=WAIT)
    page.wait_for_selector("#progress-spinner.done", timeout=30_000)
    labels = [c.label for c in checkpoints(app, pid)]
    assert "Edited styles.css" in labels
    assert labels.index("Edited styles.css") > 0  # saved before the generation's checkpoint, which came after
    # the file was clean when the generation rewrote it: the editor shows the new text, still clean
    page.wait_for_function(
        "(css) => window.__vibingEditor.docs().get('styles.css')?.base === css", arg=stored(app, pid, "styles.css")
    )
    assert "background: #101014" in stored(app, pid, "styles.css")
    expect(page.locator("#code-dirty")).to_be_hidden()

    # Discard my changes and continue: the editor goes back to the stored text, its draft is dropped, and the
    # generation runs
    open_file(page, "app.js")
    before = stored(app, pid, "app.js")
    type_at_end(page, "// mine")
    wait_for_draft(page, "app.js")
    page.fill("#prompt", "A pomodoro timer [[scenario:slow delay_ms=40 answer=app piece=20]]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#unsaved-modal:not(.hidden)", timeout=WAIT)
    assert page.inner_text("#unsaved-list") == "app.js"
    page.click("#unsaved-discard")
    page.wait_for_selector("#stop-btn:not(.hidden)", timeout=WAIT)
    assert editor_text(page) == before
    expect(dirty_in_tree(page, "app.js")).to_have_count(0)
    _until(lambda: drafts(app, pid) == [])
    assert page.locator(".msg.user").count() == 2
    page.wait_for_selector("#stop-btn", state="hidden", timeout=30_000)


def test_a_file_changed_on_disk_under_unsaved_edits_is_not_replaced_silently(page, app):
    from vibing.schema.storage import DeleteFile, UpdateFile

    pid = new_project(app, "Two windows", {"index.html": PAGE, "app.js": SCRIPT, "styles.css": STYLES})
    open_project(page, pid, "Two windows")
    open_file(page, "app.js")
    type_at_end(page, "start();")
    # another window (or a generation) writes the file
    app.bus().request("storage", UpdateFile(project_id=pid, path="app.js", content=SCRIPT + "// theirs\n"))
    expect(page.locator("#code-conflict")).to_contain_text("changed on disk", timeout=WAIT)
    assert editor_text(page) == SCRIPT + "start();"
    expect(page.locator("#code-dirty")).to_be_visible()
    # Keep mine: the edits stay, and Save writes them over theirs
    page.click("#conflict-keep")
    expect(page.locator("#code-conflict")).to_be_hidden()
    page.keyboard.press("Control+s")
    expect(page.locator("#code-dirty")).to_be_hidden(timeout=WAIT)
    assert stored(app, pid, "app.js") == SCRIPT + "start();"

    # Reload: the version on disk replaces the edits (and Ctrl+Z would bring them back)
    type_at_end(page, "\n// again")
    app.bus().request("storage", UpdateFile(project_id=pid, path="app.js", content="// theirs, again\n"))
    expect(page.locator("#code-conflict")).to_be_visible(timeout=WAIT)
    page.click("#conflict-reload")
    expect(page.locator("#code-conflict")).to_be_hidden()
    assert editor_text(page) == "// theirs, again\n"
    expect(page.locator("#code-dirty")).to_be_hidden()
    _until(lambda: drafts(app, pid) == [])

    # a clean file that changes on disk simply shows the new text
    app.bus().request("storage", UpdateFile(project_id=pid, path="app.js", content="// third\n"))
    page.wait_for_function("() => window.__vibingEditor.view.state.sliceDoc() === '// third\\n'", timeout=WAIT)
    expect(page.locator("#code-conflict")).to_be_hidden()

    # a file deleted under unsaved edits is let go (storage dropped its draft with it, the tree no longer lists it),
    # and the message offers the edits back as the file
    type_at_end(page, "// kept")
    app.bus().request("storage", DeleteFile(project_id=pid, path="app.js"))
    page.wait_for_selector(".toast:has-text('app.js was deleted while it had unsaved changes')", timeout=WAIT)
    expect(page.locator("#file-tree li[data-path='app.js']")).to_have_count(0)
    page.click(".toast button:has-text('Save my version')")
    page.wait_for_selector(".toast:has-text('app.js is back, with your changes')", timeout=WAIT)
    assert stored(app, pid, "app.js") == "// third\n// kept"


def test_the_editor_follows_the_theme_without_a_reload(page, app):
    pid = new_project(app, "Themes", {"app.js": SCRIPT})
    open_project(page, pid, "Themes")
    open_file(page, "app.js")
    style = """() => { const ed = document.querySelector('#code-view .cm-editor');
        const kw = [...ed.querySelectorAll('.cm-line span')].find((s) => s.textContent === 'function');
        return [getComputedStyle(ed).backgroundColor, getComputedStyle(kw).color, window.__vibingEditor.dark]; }"""
    page.evaluate("window.vibing.command('theme-light')")
    page.wait_for_selector("html[data-theme=light]", timeout=WAIT)
    light = page.evaluate(style)
    page.evaluate("window.vibing.command('theme-dark')")
    page.wait_for_selector("html[data-theme=dark]", timeout=WAIT)
    dark = page.evaluate(style)
    assert light[2] is False and dark[2] is True
    assert light[0] != dark[0] and light[1] != dark[1]
    assert dark[0] == "rgb(20, 20, 24)"  # the dark theme's code background (app.css --code-bg)
    # "system" follows the desktop as it changes
    page.evaluate("window.vibing.command('theme-system')")
    page.emulate_media(color_scheme="dark")
    page.wait_for_selector("html[data-theme=dark]", timeout=WAIT)
    assert page.evaluate(style) == dark
    page.emulate_media(color_scheme="light")
    page.wait_for_selector("html[data-theme=light]", timeout=WAIT)
    assert page.evaluate(style) == light


def test_search_and_replace_folding_and_brackets_inside_the_editor(page, app):
    pid = new_project(app, "Searching", {"app.js": SCRIPT, "index.html": PAGE})
    open_project(page, pid, "Searching")
    open_file(page, "app.js")
    page.click("#code-view .cm-content")
    page.keyboard.press("Control+f")  # the editor's search, not the projects search
    page.wait_for_selector("#code-view .cm-search", timeout=WAIT)
    expect(page.locator("#code-view .cm-search input[name=search]")).to_be_focused()
    assert page.is_visible("#view-project")
    page.keyboard.type("start")
    expect(page.locator("#code-view .cm-searchMatch")).to_have_count(3)
    page.keyboard.press("Escape")
    expect(page.locator("#code-view .cm-search")).to_have_count(0)
    # Ctrl+H: the same panel, in the replace field
    page.click("#code-view .cm-content")
    page.keyboard.press("Control+h")
    expect(page.locator("#code-view .cm-search input[name=replace]")).to_be_focused()
    page.fill("#code-view .cm-search input[name=search]", "start")
    page.fill("#code-view .cm-search input[name=replace]", "begin")
    page.click("#code-view .cm-search button[name=replaceAll]")
    assert editor_text(page) == SCRIPT.replace("start", "begin")
    expect(page.locator("#code-dirty")).to_be_visible()
    # brackets: the cursor beside one marks its match
    page.evaluate(
        "() => { const v = window.__vibingEditor.view; v.dispatch({ selection: { anchor: v.state.doc.toString().indexOf('{') + 1 } }); v.focus(); }"
    )
    expect(page.locator("#code-view .cm-matchingBracket")).to_have_count(2)
    # folding: the function's body folds from the gutter and unfolds again
    page.locator("#code-view .cm-foldGutter .cm-gutterElement span[title='Fold line']").first.click()
    expect(page.locator("#code-view .cm-foldPlaceholder")).to_have_count(1)
    page.locator("#code-view .cm-foldPlaceholder").click()
    expect(page.locator("#code-view .cm-foldPlaceholder")).to_have_count(0)
    # line numbers and the highlighted active line
    expect(page.locator("#code-view .cm-lineNumbers .cm-gutterElement:text-is('4')")).to_have_count(1)
    expect(page.locator("#code-view .cm-activeLine")).to_have_count(1)


def test_binary_too_large_and_long_files(page, app):
    big = "".join(f"const line{i} = {i}; // a line of a long file\n" for i in range(5000))
    pid = new_project(
        app,
        "Odd files",
        {
            "index.html": PAGE,
            "blob.bin": "".join(chr(i % 32) for i in range(1, 2000)).replace("\0", "\x01"),
            "huge.js": "// " + "x" * (1200 * 1024) + "\n",
            "long.js": big,
        },
    )
    open_project(page, pid, "Odd files")
    page.click("#file-tree li[data-path='blob.bin']")
    expect(page.locator("#code-message")).to_have_text(
        "blob.bin looks like a binary file: it cannot be shown or edited as text.", timeout=WAIT
    )
    expect(page.locator("#code-view")).to_be_hidden()
    page.click("#file-tree li[data-path='huge.js']")
    expect(page.locator("#code-message")).to_contain_text("huge.js is 1.2 MB: too large to edit here (1 MB at most)")
    expect(page.locator("#code-view")).to_be_hidden()

    # 5,000 lines open (the time to open them is the bench's business), from the first line to the last
    open_file(page, "long.js")
    expect(page.locator("#code-view .cm-line").first).to_have_text("const line0 = 0; // a line of a long file")
    assert page.inner_text("#code-info").startswith("JavaScript · 5001 lines")
    page.click("#code-view .cm-content")
    page.keyboard.press("Control+End")
    page.keyboard.type("// the end")
    expect(page.locator("#code-view .cm-line:has-text('const line4999 = 4999;')")).to_be_visible()
    expect(page.locator("#code-view .cm-activeLine")).to_have_text("// the end")
    page.keyboard.press("Control+s")
    expect(page.locator("#code-dirty")).to_be_hidden(timeout=WAIT)
    assert stored(app, pid, "long.js") == big + "// the end"


def test_screenshots_of_the_editor_with_unsaved_changes(page, app, shots):
    pid = new_project(
        app,
        "Pomodoro",
        {
            "index.html": PAGE,
            "styles.css": "body { font-family: system-ui; background: #101014; color: #eee; }\nh1 { font-size: 3rem; }\n",
            "app.js": "// The timer: twenty-five minutes, then a short break.\nconst MINUTES = 25;\nlet left = MINUTES * 60;\n"
            "let timer = null;\n\nfunction tick() {\n  left -= 1;\n  document.title = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;\n"
            "  if (left <= 0) stop();\n}\n\nfunction start() {\n  if (timer) return;\n  timer = setInterval(tick, 1000);\n}\n\n"
            "function stop() {\n  clearInterval(timer);\n  timer = null;\n}\n\ndocument.getElementById('start').addEventListener('click', start);\n",
        },
    )
    page.set_viewport_size({"width": 1280, "height": 800})
    page.evaluate("window.vibing.command('theme-light')")
    open_project(page, pid, "Pomodoro")
    open_file(page, "app.js")
    page.click("#code-view .cm-content")
    page.keyboard.press("Control+End")
    page.keyboard.type("document.addEventListener('keydown', (e) => {\nif (e.key === ' ') start();")
    expect(page.locator("#code-dirty")).to_be_visible()
    page.screenshot(path=str(shots / "editor.png"), animations="disabled")
    # dark, with the search panel open on a word
    page.evaluate("window.vibing.command('theme-dark')")
    page.wait_for_selector("html[data-theme=dark]", timeout=WAIT)
    page.keyboard.press("Control+f")
    page.keyboard.type("timer")
    page.keyboard.press("Enter")
    page.screenshot(path=str(shots / "editor-dark.png"), animations="disabled")
    page.evaluate("window.vibing.command('theme-system')")
