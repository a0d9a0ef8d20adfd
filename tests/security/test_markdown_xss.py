"""Model output is untrusted HTML: the chat's Markdown renderer never lets it run.

Every payload below tries to run script (setting ``window.__xss``) or to plant an active
attribute or URL. Each is rendered by the UI's own ``markdown.js`` (whole, and as a
stream growing character by character, the way answers arrive) into a live page in
Debian's Chromium; no payload may run, and the rendered DOM may hold no script, no
event handler attribute and no URL other than http(s).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")

PAYLOADS = [
    "<script>window.__xss = 1</script>",
    '<img src=x onerror="window.__xss = 2">',
    '<svg onload="window.__xss = 3"></svg>',
    '<iframe src="javascript:parent.__xss = 4"></iframe>',
    "[click](javascript:window.__xss=5)",
    "[click](JaVaScRiPt:window.__xss=6)",
    '[x](https://example.com" onmouseover="window.__xss=7)',
    "**<img src=x onerror=window.__xss=8>**",
    "`<script>window.__xss = 9</script>`",
    "```html\n</code></pre><img src=x onerror=window.__xss=10>\n```",
    "```html index.html\n<script>window.__xss = 11</script>\n```",
    "_<a href=javascript:window.__xss=12>a</a>_",
    '<a href="data:text/html,<script>parent.__xss=13</script>">x</a>',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=14">',
    "<details open ontoggle=window.__xss=15>",
    "&lt;img src=x onerror=window.__xss=16&gt;",
    "\u0000<script>window.__xss=17</script>",
    "[a](https://example.com)<img src=x onerror=window.__xss=18>[b](https://example.com)",
]

PAGE = """<!doctype html><meta charset="utf-8"><div id="out"></div>
<script type="module">
import { renderMarkdown, StreamRenderer } from "/markdown.js";
window.renderWhole = (text) => { document.getElementById("out").innerHTML = renderMarkdown(text); };
window.renderStream = (text) => {
  const r = new StreamRenderer(document.getElementById("out"));
  for (let i = 1; i <= text.length; i++) while (r.update(text.slice(0, i))) {}
  while (r.update(text, { streaming: false })) {}
};
window.ready = true;
</script>"""

INSPECT = """() => {
  const bad = [];
  for (const el of document.querySelectorAll("#out *")) {
    if (["SCRIPT", "IFRAME", "OBJECT", "EMBED", "svg", "MATH", "STYLE"].includes(el.tagName)) bad.push(el.tagName);
    for (const attr of el.attributes) {
      if (attr.name.startsWith("on")) bad.push(el.tagName + "@" + attr.name);
      if (["href", "src", "action", "formaction", "xlink:href"].includes(attr.name)
          && !/^https?:/i.test(attr.value.trim())) bad.push(el.tagName + "@" + attr.name + "=" + attr.value);
    }
  }
  return { bad, xss: window.__xss ?? null };
}"""


@pytest.fixture(scope="module")
def page_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The UI's own files served as they are, plus a blank page that imports markdown.js."""
    site = tmp_path_factory.mktemp("site")
    (site / "index.html").write_text(PAGE)
    (site / "vendor").mkdir()
    for name in ("markdown.js", "vendor/markdown.js", "vendor/codemirror.js"):
        (site / name).write_bytes((ROOT / "shell" / "ui" / name).read_bytes())
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()


@pytest.fixture(scope="module")
def browser_page(page_url: str):
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(page_url)
        page.wait_for_function("window.ready === true")
        yield page
        browser.close()


def test_the_inspector_sees_an_unsafe_render(browser_page):
    """The check itself can fail: raw HTML put in the page is caught, and its script runs."""
    browser_page.evaluate("document.getElementById('out').innerHTML = '<img src=x onerror=\"window.__xss=99\">'")
    browser_page.wait_for_function("window.__xss === 99")
    result = browser_page.evaluate(INSPECT)
    assert result["bad"] and result["xss"] == 99
    browser_page.evaluate("window.__xss = undefined; document.getElementById('out').innerHTML = ''")


@pytest.mark.parametrize("mode", ["renderWhole", "renderStream"])
@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_no_payload_runs_or_leaves_an_active_attribute(browser_page, payload: str, mode: str):
    browser_page.evaluate("window.__xss = undefined")
    browser_page.evaluate(f"(text) => window.{mode}(text)", payload)
    # Let any image error or toggle event fire before looking: a round trip through the event loop.
    browser_page.evaluate("() => new Promise((done) => setTimeout(done, 0))")
    result = browser_page.evaluate(INSPECT)
    assert result == {"bad": [], "xss": None}, payload
