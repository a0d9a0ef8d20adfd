"""The History tab in a real browser (issue 18, item 3): each version says what it changed, by whom and when; any two
versions side by side in CodeMirror's merge view, file by file; restoring asks first and can be undone.

The versions are made over the bus the way the app makes them (a project created, a generation's files applied for
a message of an agent, a person's edit, a save that adds and removes files); what the tests check about the files
after a restore is read back from storage.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT
from conftest import provider_chosen, start_app

playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")

PAGE_ONE = (
    "<!doctype html>\n<h1>Pomodoro</h1>\n<button id='start'>Start</button>\n<p class='hint'>25 minutes of focus</p>\n"
)
PAGE_TWO = "<!doctype html>\n<h1>Pomodoro timer</h1>\n<button id='start'>Start</button>\n<p class='hint'>25 minutes of focus</p>\n"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("history") / "home")
    provider_chosen(running)  # no first-run screen: these tests never ask a model anything
    yield running
    running.stop()


def project_with_history(app, name: str) -> str:
    """Four versions, newest last: created (3 files), a generation by an agent, an edit by the person, a save that
    adds one file and removes another."""
    from vibing.schema.storage import (
        AddMessage,
        ApplyFiles,
        CreateProject,
        FileWrite,
        SaveProject,
        UpdateFile,
    )

    bus = app.bus()
    files = {"index.html": PAGE_ONE, "app.js": "start();\n", "old.css": "h1 { color: red; }\n"}
    pid = bus.request(
        "storage", CreateProject(name=name, files=[FileWrite(path=p, content=c) for p, c in files.items()])
    ).project.id
    message = bus.request(
        "storage", AddMessage(project_id=pid, role="assistant", content="Done.", agent="frontend-developer")
    ).message
    bus.request(
        "storage",
        ApplyFiles(
            project_id=pid,
            message_id=message.id,
            label="Timer markup",
            files=[
                FileWrite(path="index.html", content=PAGE_TWO),
                FileWrite(path="timer.js", content="let left = 25;\n"),
            ],
        ),
    )
    bus.request("storage", UpdateFile(project_id=pid, path="app.js", content="start();\nstop();\n"))
    bus.request(
        "storage",
        SaveProject(
            project_id=pid,
            label="Saved by you",
            files=[FileWrite(path="site.css", content="h1{}\n")],
            deletes=["old.css"],
        ),
    )
    return pid


def open_history(page, pid: str, name: str) -> None:
    page.goto(page.url.split("#")[0] + f"#/p/{pid}")
    page.wait_for_selector(f"#project-name:has-text('{name}')", timeout=WAIT)
    page.click(".tab[data-tab=history]")
    page.wait_for_selector("#checkpoints li.cp", timeout=WAIT)


def stored(app, pid: str, path: str) -> str | None:
    from vibing.errors import NotFound
    from vibing.schema.storage import ReadFile

    try:
        return app.bus().request("storage", ReadFile(project_id=pid, path=path)).file.content
    except NotFound:
        return None


def test_each_version_says_its_kind_who_made_it_what_changed_and_when(page, app):
    pid = project_with_history(app, "Summaries")
    open_history(page, pid, "Summaries")
    rows = page.locator("#checkpoints li.cp")
    expect(rows).to_have_count(4)
    expect(page.locator("#history-count")).to_have_text("4 versions")
    expected = [  # newest first: kind, label, by whom, what changed
        ("save", "Saved by you", "by you", "+1 ~0 −1 files"),
        ("edit", "Edited app.js", "by you", "+0 ~1 −0 files"),
        ("generation", "Timer markup", "by frontend-developer", "+1 ~1 −0 files"),
        ("create", "Created", "by you", "+3 ~0 −0 files"),
    ]
    for row, (kind, label, author, counts) in zip(rows.all(), expected, strict=True):
        expect(row.locator(".kind")).to_have_text(kind)
        expect(row.locator(".label")).to_have_text(label)
        expect(row.locator(".author")).to_have_text(author)
        expect(row.locator(".counts")).to_have_text(counts)
        expect(row.locator("time.when")).to_have_text("just now")
    expect(rows.nth(0).locator(".counts")).to_have_attribute("aria-label", "files: 1 added, 0 changed, 1 removed")


def test_compare_any_two_versions_side_by_side_file_by_file(page, app, shots):
    pid = project_with_history(app, "Side by side")
    page.set_viewport_size({"width": 1280, "height": 800})
    open_history(page, pid, "Side by side")
    rows = page.locator("#checkpoints li.cp")
    # "Compare with…" on the first version: the one after it is offered at once, and any other can be picked
    rows.nth(3).locator(".cp-open").click()  # one click: compared with the current files
    view = page.locator("#compare-view")
    expect(view).to_be_visible(timeout=WAIT)
    expect(page.locator("#compare-to")).to_have_value("0")
    rows.nth(3).locator("[data-act=with]").click()
    expect(page.locator("#compare-to")).to_be_focused()
    generation = rows.nth(2).get_attribute("data-id")
    expect(page.locator("#compare-to")).to_have_value(generation)
    files = page.locator("#compare-files [role=option]")
    expect(files).to_have_count(2, timeout=WAIT)  # index.html changed, timer.js added
    expect(page.locator("#compare-files li[data-path='index.html'] .status")).to_have_text("modified")
    expect(page.locator("#compare-files li[data-path='timer.js'] .status")).to_have_text("added")
    # both sides of the modified file, in the merge view, read-only, as HTML
    expect(page.locator("#compare-path")).to_have_text("index.html", timeout=WAIT)
    left, right = page.locator(".cm-mergeView .cm-merge-a"), page.locator(".cm-mergeView .cm-merge-b")
    expect(left.locator(".cm-content")).to_contain_text("<h1>Pomodoro</h1>")
    expect(right.locator(".cm-content")).to_contain_text("<h1>Pomodoro timer</h1>")
    expect(left.locator(".cm-content")).to_have_attribute("aria-readonly", "true")
    expect(left.locator(".cm-changedLine")).to_contain_text("<h1>Pomodoro</h1>")  # the line that changed, marked
    expect(right.locator(".cm-changedText")).to_have_text(" timer")  # and what was added to it
    # highlighted as HTML, in the app's own colours: the tag name is --hl-tag's colour
    assert left.evaluate("""(side) => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--hl-tag)';
        document.body.append(probe);
        const want = getComputedStyle(probe).color;
        probe.remove();
        const tag = [...side.querySelectorAll('.cm-content span')].find((s) => s.textContent === 'h1');
        return !!tag && getComputedStyle(tag).color === want;
    }""")
    page.screenshot(path=str(shots / "history-diff.png"), animations="disabled")
    # the list marks the two versions compared
    expect(rows.nth(3).locator(".side-tag")).to_have_text("From")
    expect(rows.nth(2).locator(".side-tag")).to_have_text("To")
    # picking the other file (keyboard: the list is a listbox)
    page.locator("#compare-files").focus()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#compare-path")).to_have_text("timer.js", timeout=WAIT)
    expect(right.locator(".cm-content")).to_contain_text("let left = 25;")
    # any other pair: the pickers
    page.select_option("#compare-from", generation)
    page.select_option("#compare-to", rows.nth(0).get_attribute("data-id"))
    expect(files).to_have_count(3, timeout=WAIT)  # app.js changed, site.css added, old.css removed
    expect(page.locator("#compare-files li[data-path='old.css'] .status")).to_have_text("removed")
    expect(page.locator("#compare-files li[data-path='app.js'] .status")).to_have_text("modified")
    page.click("#compare-files li[data-path='app.js']")
    expect(right.locator(".cm-content")).to_contain_text("stop();", timeout=WAIT)
    # Esc closes it and gives the files and the chat back
    page.locator("#compare-files").focus()
    page.keyboard.press("Escape")
    expect(view).to_be_hidden()
    expect(page.locator("#files-pane")).to_be_visible()


def test_restore_asks_first_says_it_is_a_new_version_and_undo_puts_the_files_back(page, app):
    pid = project_with_history(app, "Restoring")
    open_history(page, pid, "Restoring")
    first = page.locator("#checkpoints li.cp").nth(3)
    first.locator(".cp-open").click()
    first.locator("[data-act=restore]").click()
    dialog = page.locator(".ask-modal")
    expect(dialog).to_contain_text("Restore version #")
    expect(dialog.locator("button[data-answer=restore]")).to_be_focused()
    dialog.locator("button[data-answer=cancel]").click()
    expect(dialog).to_have_count(0)
    assert stored(app, pid, "old.css") is None  # nothing happened
    first.locator("[data-act=restore]").click()
    page.click(".ask-modal button[data-answer=restore]")
    toast = page.locator(".toast:has-text('Restored')")
    expect(toast).to_contain_text("saved as a new version", timeout=WAIT)
    assert stored(app, pid, "index.html") == PAGE_ONE
    assert stored(app, pid, "old.css") == "h1 { color: red; }\n"
    assert stored(app, pid, "site.css") is None
    expect(page.locator("#checkpoints li.cp").first.locator(".kind")).to_have_text("restore", timeout=WAIT)
    toast.locator("button:has-text('Undo')").click()
    expect(page.locator(".toast:has-text('Undone')")).to_be_visible(timeout=WAIT)
    assert stored(app, pid, "index.html") == PAGE_TWO
    assert stored(app, pid, "site.css") == "h1{}\n"
    assert stored(app, pid, "old.css") is None
    assert stored(app, pid, "app.js") == "start();\nstop();\n"
