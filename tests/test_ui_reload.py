"""The project view's reloads in a real browser: a change that a reload already holds is not loaded again.

Every generation ends with the project reloaded for its done event, and storage's change events for the same
generation used to load it a second time 80 ms later (a second redraw of the chat, the tree and the editor for
nothing new). A reload sent after a change event holds that change, so the event's own reload waits for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT
from conftest import start_app

playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")

# Counts the page's LoadProject requests, and resolves window.__historyMoment when project.js has finished with a
# change event (its last step tells the history view that checkpoints may have changed).
_WATCH = """async () => {
    window.__loads = 0;
    const fetch0 = window.fetch;
    window.fetch = (url, init) => {
        if (String(url).endsWith('/api/request') && JSON.parse(init.body).type === 'LoadProject') window.__loads += 1;
        return fetch0(url, init);
    };
    const project = await import('/ui/project.js');
    window.__historyMoment = new Promise((resolve) => project.onProject('history', resolve));
    return true;
}"""


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("reload") / "home")
    yield running
    running.stop()


def open_project(page, app, name: str) -> str:
    from vibing.schema.storage import CreateProject, FileWrite

    pid = (
        app.bus()
        .request("storage", CreateProject(name=name, files=[FileWrite(path="index.html", content="<h1>One</h1>")]))
        .project.id
    )
    page.evaluate(f"location.hash = '#/p/{pid}'")
    page.wait_for_selector(f"#view-project:not(.hidden) #project-name:has-text('{name}')", timeout=WAIT)
    page.wait_for_selector("#file-tree li[data-path='index.html']", timeout=WAIT)
    return pid


def test_a_change_already_reloaded_is_not_loaded_again(page, app):
    from vibing.schema.storage import CreateFile

    pid = open_project(page, app, "Reloaded once")
    page.evaluate(_WATCH)
    # As the chat does when a generation is done: a reload sent as soon as the change is heard (after project.js's
    # own handler, which registered first), before the change event's debounced reload is due.
    page.evaluate("""async () => {
        const bus = await import('/ui/bus.js');
        const project = await import('/ui/project.js');
        const off = bus.on('ProjectChanged', () => { off(); project.reloadProject(); });
    }""")
    app.bus().request("storage", CreateFile(project_id=pid, path="two.html", content="<h1>Two</h1>"))
    page.evaluate("() => window.__historyMoment")  # the change event's handling is over
    expect(page.locator("#file-tree li[data-path='two.html']")).to_be_visible(timeout=WAIT)
    assert page.evaluate("() => window.__loads") == 1


def test_a_change_after_a_reload_was_sent_is_loaded(page, app):
    from vibing.schema.storage import CreateFile

    pid = open_project(page, app, "Reloaded twice")
    page.evaluate(_WATCH)
    # A reload sent before the change cannot hold it: the change event loads the project itself.
    page.evaluate("async () => { (await import('/ui/project.js')).reloadProject(); }")
    app.bus().request("storage", CreateFile(project_id=pid, path="three.html", content="<h1>Three</h1>"))
    page.evaluate("() => window.__historyMoment")
    expect(page.locator("#file-tree li[data-path='three.html']")).to_be_visible(timeout=WAIT)
    assert page.evaluate("() => window.__loads") == 2
