"""The network, when a preview really needs it: the bar that says so, "Allow network for this project",
remembered in the shell's settings.json (through a page reload and a restart of the shell), and "Revoke".

Real Chromium (Debian's, through Playwright) against a real headless app and `vibing web`.  The internet is
emulated with ``context.route``: it answers only the requests the browser really sends, so while the preview's
CSP blocks a CDN address the route never sees it, and once the project may use the network the route serves
it.  Every other request that would leave the machine is aborted and recorded, so nothing here needs a network.
"""

from __future__ import annotations

import base64
import http.client as httpc
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import start_app, start_web

from vibing.errors import InvalidRequest
from vibing.paths import Paths
from vibing.shell.settings import MAX_NETWORK_PROJECTS, NETWORK_PROJECTS, Settings

playwright = pytest.importorskip("playwright.sync_api")
from chromium import CHROMIUM, WAIT  # noqa: E402
from test_ui_browser import project_with_files  # noqa: E402

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")

#: A library no offline library has (so it stays a CDN address), and a map tile: what real pages need.
LIB_URL = "https://unpkg.com/vibing-uncached-lib@1.0.0/dist/lib.js"
TILE_URL = "https://tile.openstreetmap.org/3/4/2.png"
LIB_JS = "document.getElementById('out').textContent = 'library loaded';"
#: A 1x1 PNG, as the tile server's answer.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
PAGE = f"""<!doctype html>
<html><head><meta charset="utf-8"><title>Cafés on a map</title></head>
<body><p id="out">waiting for the library</p><img id="tile" src="{TILE_URL}" alt="map tile" width="64" height="64">
<script src="{LIB_URL}"></script></body></html>"""


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("net") / "home")
    yield running
    running.stop()


class Web:
    """`vibing web --print-url` for the app, which a test can restart (a new port, a new preview key)."""

    def __init__(self, app) -> None:
        self.app = app
        self.proc = None
        self.start()

    def start(self) -> None:
        self.proc, self.port, self.token = start_web(self.app, "--port", "0")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={self.token}"

    def restart(self) -> None:
        self.stop()
        self.start()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)

    def intent(self, name: str, body: dict, status: int = 200) -> dict:
        """What the page's fetch sends to ``/api/shell/<name>`` (session token, Origin), and the JSON answer."""
        conn = httpc.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {
            "Content-Type": "application/json",
            "X-Vibing-Token": self.token,
            "Origin": f"http://127.0.0.1:{self.port}",
        }
        conn.request("POST", f"/api/shell/{name}", body=json.dumps(body), headers=headers)
        res = conn.getresponse()
        payload = res.read()
        conn.close()
        assert res.status == status, payload
        return json.loads(payload)


@pytest.fixture(scope="module")
def web(app):
    server = Web(app)
    yield server
    server.stop()


class Internet:
    """The emulated internet of one browser context: what it served, and what it refused."""

    def __init__(self) -> None:
        self.served: list[str] = []
        self.refused: list[str] = []

    def handle(self, route) -> None:
        url = route.request.url
        if urlsplit(url).hostname in ("127.0.0.1", "localhost"):
            return route.continue_()
        if url == LIB_URL:
            self.served.append(url)
            return route.fulfill(status=200, body=LIB_JS, content_type="application/javascript")
        if url == TILE_URL:
            self.served.append(url)
            return route.fulfill(status=200, body=PNG, content_type="image/png")
        self.refused.append(url)
        return route.abort()


@pytest.fixture
def net():
    return Internet()


@pytest.fixture
def page(browser, web, net):
    context = browser.new_context(viewport={"width": 1400, "height": 880}, color_scheme="light")
    context.route("**/*", net.handle)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    sign_in(pg, web)
    yield pg
    context.close()
    assert not errors, errors
    assert not net.refused, f"requests that would have left the machine: {net.refused}"


def sign_in(pg, web: Web) -> None:
    pg.goto(web.url)
    pg.wait_for_selector("body[data-ready='1']", timeout=WAIT)


def open_preview(pg, web: Web, project_id: str) -> None:
    """Open a project in the UI and await its preview's load report."""
    pg.goto(f"http://127.0.0.1:{web.port}/#/p/{project_id}")
    wait_preview(pg, project_id)


def wait_preview(pg, project_id: str) -> None:
    """Await the load report of ``project_id``'s preview, for the UI's latest reload of it."""
    pg.wait_for_function(
        """pid => { const s = window.__vibing, f = document.querySelector('#preview');
        return s.project && s.project.id === pid && f.dataset.loaded === String(s.previewVersion); }""",
        arg=project_id,
        timeout=WAIT,
    )


def preview_frame(pg):
    return pg.locator("#preview").element_handle().content_frame()


def library_ran(pg) -> bool:
    return preview_frame(pg).locator("#out").inner_text(timeout=WAIT) == "library loaded"


def await_library_and_tile(pg) -> None:
    frame = preview_frame(pg)
    frame.wait_for_function(
        """() => document.getElementById('out').textContent === 'library loaded'
        && document.getElementById('tile').complete && document.getElementById('tile').naturalWidth > 0""",
        timeout=WAIT,
    )


def tile_drawn(pg) -> bool:
    return preview_frame(pg).locator("#tile").evaluate("img => img.complete && img.naturalWidth > 0")


def stored_permissions(app) -> list[str]:
    file = app.paths.data / "shell" / "settings.json"
    return json.loads(file.read_text()).get(NETWORK_PROJECTS, []) if file.exists() else []


def expect_offline(pg) -> None:
    """The bar names what the page needs, and the CSP kept both requests from leaving."""
    bar = pg.locator("#net-bar")
    bar.wait_for(state="visible", timeout=WAIT)
    pg.wait_for_selector("#net-bar-list li:has-text('vibing-uncached-lib 1.0.0 from unpkg.com')", timeout=WAIT)
    pg.wait_for_selector("#net-bar-list li:has-text('images from tile.openstreetmap.org')", timeout=WAIT)
    assert pg.get_by_role("button", name="Allow network for this project").is_visible()
    assert not library_ran(pg) and not tile_drawn(pg)
    assert pg.locator("#preview-net").is_hidden()


def test_allow_the_network_for_one_project_remembered_and_revoked(page, app, web, net, shots):
    cafes = project_with_files(app, "Cafés on a map", {"index.html": PAGE})
    twin = project_with_files(app, "Offline twin", {"index.html": PAGE})

    # Offline by default: the bar says what needs the network, nothing was sent, the page stays as it is.
    open_preview(page, web, cafes)
    expect_offline(page)
    assert net.served == []
    page.wait_for_selector("#console-list li:has-text('unpkg.com/vibing-uncached-lib')", timeout=WAIT)
    page.locator("#tab-preview").screenshot(path=str(shots / "preview-network.png"), animations="disabled")
    page.emulate_media(color_scheme="dark")
    page.wait_for_selector("html[data-theme=dark]", timeout=WAIT)
    page.locator("#tab-preview").screenshot(path=str(shots / "preview-network-dark.png"), animations="disabled")
    page.emulate_media(color_scheme="light")
    page.wait_for_selector("html[data-theme=light]", timeout=WAIT)

    # Allow, from the keyboard: the choice is stored, the preview reloads, the library and the tile load.
    page.focus("#net-allow")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#preview-net-revoke') === document.activeElement")
    wait_preview(page, cafes)
    await_library_and_tile(page)
    assert sorted(net.served) == sorted([LIB_URL, TILE_URL])
    assert page.locator("#net-bar").is_hidden()
    assert page.get_by_role("button", name="Revoke the network for this project").is_visible()
    assert page.inner_text("#preview-net-text") == "Network allowed"
    assert stored_permissions(app) == [cafes]
    page.locator("#tab-preview .preview-bar").screenshot(path=str(shots / "preview-network-allowed.png"))

    # Another project stays strict.
    open_preview(page, web, twin)
    expect_offline(page)
    assert net.served.count(LIB_URL) == 1

    # Remembered through a page reload...
    open_preview(page, web, cafes)
    assert net.served.count(LIB_URL) == 2
    page.reload()
    page.wait_for_selector("body[data-ready='1']", timeout=WAIT)
    wait_preview(page, cafes)
    await_library_and_tile(page)
    assert net.served.count(LIB_URL) == 3
    assert page.locator("#preview-net").is_visible() and page.locator("#net-bar").is_hidden()

    # ...and a restart of the shell (a new port and a new preview key: only settings.json carries it over).
    web.restart()
    sign_in(page, web)
    open_preview(page, web, cafes)
    await_library_and_tile(page)
    assert net.served.count(LIB_URL) == 4
    open_preview(page, web, twin)
    expect_offline(page)
    assert net.served.count(LIB_URL) == 4

    # Settings lists the project by name, with its own Revoke.
    page.goto(f"http://127.0.0.1:{web.port}/#/settings")
    page.wait_for_selector("#net-projects li:has-text('Cafés on a map')", timeout=WAIT)
    assert page.locator("#net-projects li").count() == 1
    assert page.get_by_role("button", name="Revoke the network for Cafés on a map").is_visible()
    assert not page.is_checked("#set-preview-net")  # "every project" stays off
    page.locator(".setting-card:has(#net-projects)").screenshot(path=str(shots / "preview-network-settings.png"))

    # Revoke from the preview's toolbar (keyboard): the CSP is strict again and the bar is back.
    open_preview(page, web, cafes)
    page.focus("#preview-net-revoke")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#preview-reload') === document.activeElement")
    page.wait_for_function("() => window.__vibing.network.projects.size === 0")
    wait_preview(page, cafes)
    expect_offline(page)
    assert net.served.count(LIB_URL) == 5
    assert stored_permissions(app) == []

    # Allowed again, then revoked in Settings.
    page.click("#net-allow")
    page.wait_for_function("() => window.__vibing.network.projects.size === 1")
    wait_preview(page, cafes)
    await_library_and_tile(page)
    page.goto(f"http://127.0.0.1:{web.port}/#/settings")
    page.get_by_role("button", name="Revoke the network for Cafés on a map").click()
    page.wait_for_selector("#net-projects li:has-text('None')", timeout=WAIT)
    assert stored_permissions(app) == []
    open_preview(page, web, cafes)
    expect_offline(page)
    assert net.served.count(LIB_URL) == 6


def test_a_missing_library_is_named_in_the_console_the_bar_and_fix_it(page, app, web):
    """The reports the preview's capture script sends for libraries ("missing", "library"), as the page posts them."""
    reports = """<script>
    parent.postMessage({vibingPreview: 1, kind: "library", package: "three", version: "0.150.0", served: "0.160.0",
      message: "Vibing: three@0.150.0 is not in the offline library; serving 0.160.0"}, "*");
    parent.postMessage({vibingPreview: 1, kind: "missing", package: "plotly.js", version: "2.27.0",
      url: "https://cdn.plot.ly/plotly-2.27.0.min.js",
      message: "Vibing: plotly.js@2.27.0 is not in the offline library"}, "*");
    </script>"""
    pid = project_with_files(app, "Plots", {"index.html": f"<!doctype html><body><div id=chart></div>{reports}</body>"})
    open_preview(page, web, pid)
    page.wait_for_selector(
        "#net-bar-list li:text-is('plotly.js 2.27.0 from cdn.plot.ly, not in the offline library')", timeout=WAIT
    )
    assert page.inner_text("#net-bar-title") == "This page needs a library that is not offline"
    page.wait_for_selector("#console-list li.notice:has-text('serving 0.160.0')", timeout=WAIT)
    page.wait_for_selector(
        "#console-list li:has-text('Not in the offline library: plotly.js 2.27.0 (https://cdn.plot.ly/')", timeout=WAIT
    )
    # the console's Dismiss does not hide why the page is blank
    page.click("#console-clear")
    assert page.locator("#preview-console").is_hidden() and page.locator("#net-bar").is_visible()
    # the bar's Dismiss hides it for this load; a reload asks again
    page.get_by_role("button", name="Dismiss: keep this project offline").click()
    assert page.locator("#net-bar").is_hidden()
    page.click("#preview-reload")
    page.locator("#net-bar").wait_for(state="visible", timeout=WAIT)
    # "Fix this" names the package and the version to the agent
    page.click("#fix-btn")
    # what was sent: the chat's message, or, as this app has no provider, the prompt put back in the box unsent
    sent = page.wait_for_function(
        """() => {
          const text = [...document.querySelectorAll('.msg.user')].map((m) => m.innerText).concat(
            document.querySelector('#messages .msg.unsent') ? [document.querySelector('#prompt').value] : []);
          return text.find((t) => t.includes('plotly.js 2.27.0')) || null;
        }""",
        timeout=WAIT,
    ).json_value()
    assert "plotly.js 2.27.0 (https://cdn.plot.ly/plotly-2.27.0.min.js)" in sent
    assert "not in Vibing's offline library" in sent
    # once the project may use the network, the page fetches what the offline library lacks: notices, nothing to fix
    page.click("#net-allow")
    page.wait_for_function("() => window.__vibing.network.projects.size === 1")
    wait_preview(page, pid)
    page.wait_for_selector("#console-list li.notice:has-text('plotly.js 2.27.0')", timeout=WAIT)
    assert "may use the network" in page.inner_text("#console-list li.notice:has-text('plotly.js 2.27.0')")
    assert page.inner_text("#console-title") == "Notices from the preview"
    assert page.locator("#fix-btn").is_hidden() and page.locator("#net-bar").is_hidden()


def test_the_network_intent_refuses_bad_input_in_words(app, web):
    pid = project_with_files(app, "Intent target", {"index.html": "<h1>hi</h1>"})
    refusals = [
        ({"allow": True}, "Which project?"),
        ({"project_id": 42, "allow": True}, "Which project?"),
        ({"project_id": "../../etc/passwd", "allow": True}, "Which project?"),
        ({"project_id": "x" * 101, "allow": True}, "Which project?"),
        ({"project_id": pid, "allow": "yes"}, "allow: true or false"),
        ({"project_id": pid}, "allow: true or false"),
    ]
    for body, words in refusals:
        answer = web.intent("preview.network", body, status=400)
        assert answer["ok"] is False and answer["error"]["code"] == "InvalidRequest", body
        assert words in answer["error"]["message"], answer
    # a project that does not exist is not remembered
    unknown = web.intent("preview.network", {"project_id": "0" * 32, "allow": True})
    assert unknown["ok"] is False and unknown["error"]["code"] == "NotFound"
    # a generic settings write cannot grant it, and neither can an imported settings file
    refused = web.intent("settings.update", {"values": {NETWORK_PROJECTS: [pid]}}, status=400)
    assert "one at a time" in refused["error"]["message"]
    exported = web.intent("settings.export", {})["reply"]
    exported["values"][NETWORK_PROJECTS] = [pid]
    assert web.intent("settings.import", {"document": exported})["ok"]
    assert pid not in stored_permissions(app)
    # allowing answers with the new state, and it is what the preview serves
    before = web.intent("settings.get", {})["reply"]["network_projects"]
    allowed = web.intent("preview.network", {"project_id": pid, "allow": True})["reply"]
    assert allowed == {
        "project_id": pid,
        "allowed": True,
        "project_allowed": True,
        "everywhere": False,
        "projects": [*before, pid],
    }
    assert web.intent("settings.get", {})["reply"]["network_projects"] == [*before, pid]
    revoked = web.intent("preview.network", {"project_id": pid, "allow": False})["reply"]
    assert revoked["allowed"] is False and revoked["projects"] == before


def test_the_list_of_allowed_projects_is_bounded(tmp_path):
    settings = Settings(Paths(data=tmp_path / "data", config=tmp_path / "config", logs=tmp_path, runtime=tmp_path))
    for n in range(MAX_NETWORK_PROJECTS):
        settings.set_network(f"p{n}", True)
    with pytest.raises(InvalidRequest, match="revoke some in Settings first"):
        settings.set_network("one-more", True)
    assert settings.set_network("p0", True)[-1] == "p0"  # allowing again moves it, never grows the list
    assert len(settings.network_projects()) == MAX_NETWORK_PROJECTS
    # a hand-edited file's junk is ignored, not trusted
    settings.file.write_text(json.dumps({NETWORK_PROJECTS: ["ok-id", 7, "../x", "ok-id"]}))
    assert settings.network_projects() == ["ok-id"]
