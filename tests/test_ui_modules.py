"""The page's ES modules: what the window's first paint waits for, and what it leaves until the projects are listed.

app.js imports what the projects screen, Settings and the first run need; the project's views (project-views.js:
the chat, the editor, the file tree, history, workflows) come later by a dynamic import, and CodeMirror and
markdown-it (about 1 MB of script) with them. index.html preloads the first group, so its modules arrive together
instead of one level of imports after another. These tests read the files the page loads, as the browser does.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT
from conftest import ROOT, provider_chosen, start_app

from vibing.install import UI_MODULES

UI = ROOT / "shell" / "ui"
#: ``import ... from "./x.js"``, ``export ... from "./x.js"`` and ``import "./x.js"``: the static imports.
STATIC_IMPORT = re.compile(r'^\s*(?:(?:import|export)\s[^;]*?\sfrom\s+|import\s+)"\./([\w./-]+)"', re.MULTILINE)
PRELOAD = re.compile(r'<link rel="modulepreload" href="/ui/([\w./-]+)">')


def static_imports(name: str) -> set[str]:
    """Every module that loading ``name`` loads before it runs (its static imports, and theirs)."""
    found: set[str] = set()
    pending = [name]
    while pending:
        for imported in STATIC_IMPORT.findall((UI / pending.pop()).read_text()):
            if imported not in found:
                found.add(imported)
                pending.append(imported)
    return found - {name}


def test_index_preloads_exactly_what_app_js_imports_before_the_first_paint():
    preloaded = PRELOAD.findall((UI / "index.html").read_text())
    assert len(preloaded) == len(set(preloaded)), "a module is preloaded twice"
    assert set(preloaded) == static_imports("app.js")


def test_the_first_paint_loads_neither_the_project_views_nor_the_vendored_libraries():
    first = static_imports("app.js")
    assert not first & {"project-views.js", "chat.js", "code.js", "editor.js", "markdown.js", "versions.js"}
    assert not {name for name in first if name.startswith("vendor/")}


def test_the_project_views_bring_the_editor_and_the_markdown_renderer_with_them():
    later = static_imports("project-views.js")
    assert {"chat.js", "code.js", "files.js", "versions.js", "workflows.js"} <= later
    assert {"vendor/codemirror.js", "vendor/markdown.js"} <= later
    assert 'import("./project-views.js")' in (UI / "app.js").read_text()


def test_the_installation_check_knows_every_module_the_page_can_load():
    loadable = static_imports("app.js") | static_imports("project-views.js") | {"project-views.js"}
    ours = {name.removesuffix(".js") for name in loadable if not name.startswith("vendor/")}
    assert ours == set(UI_MODULES)
    assert {path.stem for path in UI.glob("*.js")} == set(UI_MODULES) | {"app"}


# -- in Chromium: the projects screen does not wait for the editor, and a project waits for its views ------------------


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("modules") / "home")
    provider_chosen(running)  # the projects screen, not the first-run one, is what the test clicks in
    yield running
    running.stop()


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_the_projects_are_listed_while_codemirror_is_held_back_and_a_project_opened_meanwhile_waits_for_it(
    browser, app, web
):
    from vibing.schema.storage import CreateProject, FileWrite

    page_text = "<!doctype html><title>Held</title><h1>Held back</h1>\n"
    project = (
        app.bus()
        .request("storage", CreateProject(name="Held back", files=[FileWrite(path="index.html", content=page_text)]))
        .project
    )
    context = browser.new_context(viewport={"width": 1400, "height": 880})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        held: list = []
        page.route(
            "**/ui/vendor/codemirror.js", lambda route: held.append(route)
        )  # asked for, never answered until released

        with page.expect_request("**/ui/vendor/codemirror.js", timeout=WAIT):  # asked for once the projects show
            page.goto(web)
            page.wait_for_selector(".project-card:has-text('Held back')", timeout=WAIT)
            page.wait_for_selector("body[data-ready='1']", timeout=WAIT)
        deadline = time.monotonic() + WAIT / 1000
        while not held and time.monotonic() < deadline:  # the route's handler runs on the next event Playwright reads
            page.evaluate("1")
        assert held, "the request for CodeMirror never reached the route that holds it"
        assert page.evaluate("!window.__vibingEditor")  # nothing of the editor has run yet

        page.click(".project-card:has-text('Held back')")
        assert page.evaluate("window.__vibing.view") == "dashboard"  # the project waits for its views
        held.pop().continue_()
        page.wait_for_selector("#view-project:not(.hidden) #project-name:has-text('Held back')", timeout=WAIT)
        assert page.evaluate("window.__vibing.project.id") == project.id
        page.click("#file-tree li[data-path='index.html']")
        page.wait_for_selector("#code-view:not(.hidden) .cm-content:has-text('Held back')", timeout=WAIT)
        assert not errors, errors
    finally:
        context.close()
