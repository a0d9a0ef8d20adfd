"""The files pane in a real browser (issue 18, items 3 and 4): the tree and the keyboard, new file, rename, delete
with Undo, download, files and folders dropped from the desktop, and forking a project.

Everything a test checks about the files is read back from storage over the bus (ReadFile, ListCheckpoints), not
from the page: the page only has to show it.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT
from conftest import provider_chosen, start_app

playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")

#: Text a round trip could spoil: a BOM, CRLF and LF mixed, trailing spaces, non-ASCII, no final newline.
AWKWARD = "\ufeff/* café ☕ */\r\nbody {  color: teal;   }\n\n\tp { margin: 0 }  "
#: The first bytes of a PNG: not UTF-8, so not text.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("files") / "home")
    provider_chosen(running)  # no first-run screen: these tests never ask a model anything
    yield running
    running.stop()


def new_project(app, name: str, files: dict[str, str]) -> str:
    from vibing.schema.storage import CreateProject, FileWrite

    reply = app.bus().request(
        "storage", CreateProject(name=name, files=[FileWrite(path=p, content=c) for p, c in files.items()])
    )
    return reply.project.id


def open_project(page, pid: str, name: str) -> None:
    page.goto(page.url.split("#")[0] + f"#/p/{pid}")
    page.wait_for_selector(f"#project-name:has-text('{name}')", timeout=WAIT)
    page.wait_for_selector("#file-tree [role=treeitem]", timeout=WAIT)
    # Opened: the message box takes the focus once the project's running streams are known (a bus round trip), as
    # it does for a person who has not put the focus anywhere else in the meantime.
    expect(page.locator("#prompt")).to_be_focused(timeout=WAIT)


def stored(app, pid: str, path: str) -> str | None:
    """The file's content as storage has it, or None when there is no such file."""
    from vibing.errors import NotFound
    from vibing.schema.storage import ReadFile

    try:
        return app.bus().request("storage", ReadFile(project_id=pid, path=path)).file.content
    except NotFound:
        return None


def labels(app, pid: str) -> list[str]:
    from vibing.schema.storage import ListCheckpoints

    return [c.label for c in app.bus().request("storage", ListCheckpoints(project_id=pid)).items]


def tree_item(page, path: str):
    return page.locator(f"#file-tree [role=treeitem][data-path='{path}']")


def test_the_tree_is_a_keyboard_tree_with_folders(page, app):
    pid = new_project(
        app, "Keyboard tree", {"index.html": "<h1>hi</h1>", "css/site.css": "body{}", "css/print.css": "@page{}"}
    )
    open_project(page, pid, "Keyboard tree")
    expect(page.locator("#file-tree")).to_have_attribute("role", "tree")
    assert page.locator("#file-tree [role=treeitem]").count() == 4  # index.html, css/, and its two files
    folder = page.locator("#file-tree [role=treeitem][data-dir='css']")
    expect(folder).to_have_attribute("aria-expanded", "true")
    expect(folder).to_have_attribute("aria-label", "css, folder")
    # one tab stop: the selected file
    expect(page.locator("#file-tree [role=treeitem][tabindex='0']")).to_have_count(1)
    tree_item(page, "index.html").focus()
    page.keyboard.press("ArrowDown")
    expect(folder).to_be_focused()
    page.keyboard.press("ArrowLeft")  # closes the folder
    expect(folder).to_have_attribute("aria-expanded", "false")
    expect(tree_item(page, "css/print.css")).to_be_hidden()
    page.keyboard.press("ArrowRight")  # opens it again
    page.keyboard.press("ArrowRight")  # and goes into it
    expect(tree_item(page, "css/print.css")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(tree_item(page, "css/site.css")).to_be_focused()
    page.keyboard.press("Enter")  # opens it in the Code tab
    page.wait_for_selector("#tab-code:not(.hidden)", timeout=WAIT)
    expect(page.locator("#code-path")).to_have_text("css/site.css")
    expect(tree_item(page, "css/site.css")).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowLeft")  # up to the folder
    expect(folder).to_be_focused()
    page.keyboard.press("Home")
    expect(tree_item(page, "index.html")).to_be_focused()


def test_rename_with_f2_then_undo_it_by_restoring_the_version_before(page, app):
    pid = new_project(app, "Renaming", {"index.html": "<h1>home</h1>", "about.html": "<p>about us</p>\n"})
    open_project(page, pid, "Renaming")
    tree_item(page, "about.html").focus()
    page.keyboard.press("F2")
    field = page.locator("#file-tree .tree-edit input")
    expect(field).to_be_focused()
    expect(field).to_have_value("about.html")
    assert page.evaluate("() => document.activeElement.selectionEnd") == len("about")  # the name, not the extension
    page.keyboard.type("contact")
    page.keyboard.press("Enter")
    expect(tree_item(page, "contact.html")).to_be_visible(timeout=WAIT)
    expect(tree_item(page, "about.html")).to_have_count(0)
    assert stored(app, pid, "contact.html") == "<p>about us</p>\n"
    assert stored(app, pid, "about.html") is None
    assert labels(app, pid)[0] == "Renamed about.html to contact.html"
    # undo, through the history: restore the version before the rename
    page.click(".tab[data-tab=history]")
    before = page.locator("#checkpoints li.cp").nth(1)
    before.locator(".cp-open").click()
    before.locator("[data-act=restore]").click()
    page.click(".ask-modal button[data-answer=restore]")
    page.wait_for_selector(".toast:has-text('Restored')", timeout=WAIT)
    expect(tree_item(page, "about.html")).to_be_visible(timeout=WAIT)
    assert stored(app, pid, "about.html") == "<p>about us</p>\n"
    assert stored(app, pid, "contact.html") is None


def test_a_redraw_of_the_tree_keeps_the_focus_on_the_item_that_has_it(page, app):
    from vibing.schema.storage import UpdateFile

    pid = new_project(app, "Redrawn", {"index.html": "<h1>home</h1>", "about.html": "<p>about us</p>\n"})
    open_project(page, pid, "Redrawn")
    # focused the way a screen reader's cursor or a script does it, not by the tree's own keys or a click
    page.evaluate("document.querySelector(\"#file-tree [role=treeitem][data-path='about.html']\").focus()")
    # a change from elsewhere (another window, the CLI) reloads the project and draws the tree again
    app.bus().request("storage", UpdateFile(project_id=pid, path="notes.md", content="# notes\n", create=True))
    expect(tree_item(page, "notes.md")).to_be_visible(timeout=WAIT)
    expect(tree_item(page, "about.html")).to_be_focused()
    page.keyboard.press("F2")
    expect(page.locator("#file-tree .tree-edit input")).to_have_value("about.html")


def test_opening_a_project_leaves_the_focus_where_the_person_put_it_meanwhile(page, app):
    pid = new_project(app, "Focused early", {"index.html": "<h1>home</h1>", "about.html": "<p>about us</p>\n"})
    held = []  # the running streams' request, answered only once the person has focused an item

    def asks_for_running_streams(request) -> bool:
        return '"ListStreams"' in (request.post_data or "")

    def hold_list_streams(route):
        if asks_for_running_streams(route.request):
            held.append(route)
        else:
            route.continue_()

    page.route("**/api/request", hold_list_streams)
    try:
        with page.expect_request(asks_for_running_streams):
            page.goto(page.url.split("#")[0] + f"#/p/{pid}")
        expect(tree_item(page, "about.html")).to_be_visible(timeout=WAIT)
        tree_item(page, "about.html").focus()
        assert held, "the project opened without asking for its running streams"
        with page.expect_response(lambda r: r.request is held[0].request):
            held[0].continue_()
    finally:
        page.unroute("**/api/request", hold_list_streams)
    # the reply has landed and the opening has run to its end: two frames after it, the focus is still the person's
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    expect(tree_item(page, "about.html")).to_be_focused()
    expect(page.locator("#prompt")).not_to_be_focused()


def test_delete_with_the_delete_key_and_undo_from_the_toast_brings_it_back_byte_for_byte(page, app):
    pid = new_project(app, "Deleting", {"index.html": "<h1>x</h1>", "styles.css": AWKWARD})
    open_project(page, pid, "Deleting")
    tree_item(page, "styles.css").focus()
    page.keyboard.press("Delete")
    toast = page.locator(".toast:has-text('Deleted styles.css')")
    expect(toast).to_be_visible(timeout=WAIT)
    expect(tree_item(page, "styles.css")).to_have_count(0)
    assert stored(app, pid, "styles.css") is None
    expect(tree_item(page, "index.html")).to_be_focused()  # the keyboard carries on from the next item
    toast.locator("button:has-text('Undo')").click()
    expect(tree_item(page, "styles.css")).to_be_visible(timeout=WAIT)
    assert stored(app, pid, "styles.css") == AWKWARD
    assert labels(app, pid)[:2] == ["Created styles.css", "Deleted styles.css"]  # Undo is a version of its own


def test_a_new_file_with_a_bad_name_says_why_and_a_good_name_creates_it(page, app):
    pid = new_project(app, "New files", {"index.html": "<h1>x</h1>"})
    open_project(page, pid, "New files")
    page.locator("#prompt").focus()
    page.keyboard.press("Control+Alt+n")
    field = page.locator("#file-tree .tree-edit input")
    expect(field).to_be_focused()
    error = page.locator("#file-tree .tree-error")
    for bad, why in [
        ("../secret.txt", "files must stay inside the project"),
        ("css\\site.css", "use '/' between folders"),
        ("index.html", "already has a file"),
    ]:
        field.fill(bad)
        field.press("Enter")
        expect(error).to_contain_text(why, timeout=WAIT)
        expect(field).to_have_attribute("aria-invalid", "true")
    field.fill("")
    field.press("Enter")
    expect(error).to_contain_text("Type a name for the file")
    assert labels(app, pid) == ["Created"]  # nothing was written
    field.fill("notes/todo.md")
    field.press("Enter")
    expect(tree_item(page, "notes/todo.md")).to_be_visible(timeout=WAIT)
    expect(page.locator("#file-tree .tree-edit")).to_have_count(0)
    assert stored(app, pid, "notes/todo.md") == ""
    # the button does the same; Esc leaves without a file
    page.click("#new-file-btn")
    expect(field).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#file-tree .tree-edit")).to_have_count(0)


def test_download_a_file_from_its_menu(page, app):
    pid = new_project(app, "Downloads", {"index.html": "<h1>x</h1>", "css/site.css": AWKWARD})
    open_project(page, pid, "Downloads")
    # Pressed on the item itself (Playwright focuses it first): a page-wide key press after focus() went to the body
    # when the tree was redrawn in between, as it is once the project's load settles.
    tree_item(page, "css/site.css").press("Shift+F10")
    menu = page.locator(".tree-menu[role=menu]")
    expect(menu.locator("[role=menuitem]").first).to_be_focused()
    with page.expect_download(timeout=WAIT) as info:
        menu.locator("[role=menuitem]:has-text('Download')").click()
    download = info.value
    assert download.suggested_filename == "site.css"
    assert Path(download.path()).read_bytes() == AWKWARD.encode("utf-8")


def drop(page, files: dict[str, bytes], *, on: str = "#workspace") -> None:
    """Drop ``files`` (name -> bytes) on ``on`` as the desktop would: a drop event carrying File objects."""
    page.evaluate(
        """([files, selector]) => {
            const dt = new DataTransfer();
            for (const [name, b64] of Object.entries(files)) {
                const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
                dt.items.add(new File([bytes], name));
            }
            const target = document.querySelector(selector);
            target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
            target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        }""",
        [{name: base64.b64encode(data).decode() for name, data in files.items()}, on],
    )


def test_dropped_files_land_those_refused_are_listed_with_why_and_existing_ones_are_asked_about(page, app):
    pid = new_project(app, "Drops", {"index.html": "<h1>old</h1>"})
    open_project(page, pid, "Drops")
    drop(
        page,
        {
            "extra.css": AWKWARD.encode(),
            "logo.png": PNG,
            "index.html": b"<h1>new</h1>",
            "bad\\name.js": b"x()",
        },
    )
    # one question for the files that exist
    dialog = page.locator(".ask-modal")
    expect(dialog).to_contain_text("index.html already exists", timeout=WAIT)
    dialog.locator("button[data-answer=replace]").click()
    report = page.locator("#drop-report")
    expect(report).to_be_visible(timeout=WAIT)
    expect(report.locator("strong")).to_have_text("Added 1 file, replaced 1 · 2 refused")
    expect(report.locator("li[data-path='logo.png']")).to_contain_text("binary file")
    expect(report.locator("li[data-path='bad\\\\name.js']")).to_contain_text("use '/' between folders")
    expect(tree_item(page, "extra.css")).to_be_visible(timeout=WAIT)
    assert stored(app, pid, "extra.css") == AWKWARD
    assert stored(app, pid, "index.html") == "<h1>new</h1>"
    assert stored(app, pid, "logo.png") is None
    assert labels(app, pid)[0] == "Added 1 file, replaced 1"  # one version for the whole drop
    # "Keep mine" adds the others and leaves the existing file as it is
    drop(page, {"index.html": b"<h1>newer</h1>", "more.js": b"more()"})
    dialog.locator("button[data-answer=skip]").click()
    expect(page.locator(".toast:has-text('Added 1 file')")).to_be_visible(timeout=WAIT)
    assert stored(app, pid, "index.html") == "<h1>new</h1>"
    assert stored(app, pid, "more.js") == "more()"
    # Cancel adds nothing at all
    drop(page, {"index.html": b"<h1>newest</h1>", "nothing.js": b"no()"})
    dialog.locator("button[data-answer=cancel]").click()
    expect(dialog).to_have_count(0)
    assert stored(app, pid, "nothing.js") is None


def test_a_dropped_folder_is_walked_into_the_folder_it_is_dropped_on(page, app):
    """A folder from the desktop: its entries (webkitGetAsEntry) are walked, tool folders left out.

    Chromium gives file-system entries only for a real drag from the desktop, which a test cannot make; the entries
    here are stand-ins with the same methods (isDirectory, createReader().readEntries, file), holding real Files.
    """
    pid = new_project(app, "Folders", {"index.html": "<h1>x</h1>", "assets/readme.txt": "assets"})
    open_project(page, pid, "Folders")
    page.evaluate("""() => {
        const file = (path, text) => ({ isFile: true, isDirectory: false, name: path.split('/').pop(), fullPath: '/' + path,
            file: (ok) => ok(new File([text], path.split('/').pop())) });
        const dir = (path, children) => ({ isFile: false, isDirectory: true, name: path.split('/').pop(), fullPath: '/' + path,
            createReader: () => {
                let given = false;
                return { readEntries: (ok) => { const batch = given ? [] : children; given = true; setTimeout(() => ok(batch)); } };
            } });
        const site = dir('site', [
            file('site/app.js', 'run()'),
            dir('site/lib', [file('site/lib/util.js', 'export {}')]),
            dir('site/.git', [file('site/.git/HEAD', 'ref: main')]),
        ]);
        const dt = new DataTransfer();
        dt.items.add(new File(['x'], 'site'));
        DataTransferItem.prototype.webkitGetAsEntry = () => site;
        const target = document.querySelector("#file-tree [data-dir='assets'] .row");
        target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }""")
    report = page.locator("#drop-report")
    expect(report).to_contain_text("Added 2 files", timeout=WAIT)
    expect(report).to_contain_text("Left out site/.git/")
    expect(tree_item(page, "assets/site/lib/util.js")).to_be_visible(timeout=WAIT)
    assert stored(app, pid, "assets/site/app.js") == "run()"
    assert stored(app, pid, "assets/site/lib/util.js") == "export {}"
    assert stored(app, pid, "assets/site/.git/HEAD") is None


def test_upload_files_with_the_button(page, app, tmp_path):
    pid = new_project(app, "Uploads", {"index.html": "<h1>x</h1>"})
    open_project(page, pid, "Uploads")
    (tmp_path / "data.json").write_text('{"a": 1}\n')
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    page.set_input_files("#upload-input", [str(tmp_path / "data.json"), str(tmp_path / "photo.jpg")])
    report = page.locator("#drop-report")
    expect(report.locator("strong")).to_have_text("Added 1 file · 1 refused", timeout=WAIT)
    expect(report).to_contain_text("photo.jpg is a binary file")
    assert stored(app, pid, "data.json") == '{"a": 1}\n'


def test_fork_from_the_dashboard_and_from_the_project(page, app):
    from vibing.schema.storage import ListProjects

    pid = new_project(app, "Original idea", {"index.html": "<h1>original</h1>"})
    page.evaluate("location.hash = '#/'")
    card = page.locator(f".project-card[data-id='{pid}']")
    expect(card).to_be_visible(timeout=WAIT)
    card.focus()
    page.keyboard.press("Tab")  # the card's first button: Fork
    expect(card.locator("[data-act=fork]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".toast:has-text('Forked as “Original idea (copy)”')")).to_be_visible(timeout=WAIT)
    expect(page.locator("#project-name")).to_have_text("Original idea (copy)", timeout=WAIT)
    fork_id = page.evaluate("window.__vibing.project.id")
    assert fork_id != pid
    assert stored(app, fork_id, "index.html") == "<h1>original</h1>"
    assert labels(app, fork_id) == ["Forked from Original idea"]
    # and from the project's toolbar: the fork of the fork opens
    page.click("#fork-btn")
    expect(page.locator("#project-name")).to_have_text("Original idea (copy) (copy)", timeout=WAIT)
    names = [p.name for p in app.bus().request("storage", ListProjects(limit=200)).items]
    assert {"Original idea", "Original idea (copy)", "Original idea (copy) (copy)"} <= set(names)
