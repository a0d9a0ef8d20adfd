"""The bridge's ``GET /attachment/<id>`` (issue 20): the images stored with prompts, for the chat's thumbnails.

It answers only what the rest of the bridge answers: the right Host, the session token (the cookie or the header,
never in the address), and only the page's own requests. The preview is another port of the same host, so the
browser would send the SameSite cookie with its requests: the route refuses any request the browser marks as not
same-origin (``Sec-Fetch-Site``), and its answer carries ``Cross-Origin-Resource-Policy: same-origin``. Tested
over raw HTTP, and from a hostile generated app in Debian's Chromium that knows an attachment's id and the UI's
address and tries every way a page has to load it.
"""

from __future__ import annotations

import http.client
import json
from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT
from conftest import provider_chosen, start_app

from tests.fakes.images import b64, png

IMAGE = png(40, 30, (250, 120, 0))


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("attachment-route") / "home")
    provider_chosen(running)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def stored(app) -> tuple[str, str]:
    """A project with one prompt that carried an image: (project id, attachment id)."""
    from vibing.schema.storage import AddMessage, CreateProject, LoadProject
    from vibing.schema.stream import ImageAttachment

    bus = app.bus()
    pid = bus.request("storage", CreateProject(name="With an image")).project.id
    image = ImageAttachment(media_type="image/png", data=b64(IMAGE), width=40, height=30, name="orange.png")
    bus.request("storage", AddMessage(project_id=pid, role="user", content="like this", images=[image]))
    message = bus.request("storage", LoadProject(project_id=pid)).messages[-1]
    return pid, message.attachments[0].id


def get(web: str, path: str, *headers: tuple[str, str], token: str | None = "header", host: str = "") -> tuple:
    port = int(web.split(":")[2].split("/")[0])
    secret = web.split("token=", 1)[1]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    sent = {"Host": host or f"127.0.0.1:{port}"}
    if token == "header":
        sent["X-Vibing-Token"] = secret
    elif token == "cookie":
        sent["Cookie"] = f"vibing-{port}={secret}"
    sent.update(dict(headers))
    conn.request("GET", path.replace("{token}", secret), headers=sent)
    answer = conn.getresponse()
    body = answer.read()
    conn.close()
    return answer.status, {k.lower(): v for k, v in answer.getheaders()}, body


def test_the_page_gets_the_image_with_its_type_and_headers(web, stored):
    _pid, aid = stored
    for how in ("header", "cookie"):
        status, headers, body = get(web, f"/attachment/{aid}", ("Sec-Fetch-Site", "same-origin"), token=how)
        assert status == 200, (how, body)
        assert body == IMAGE
        assert headers["content-type"] == "image/png"
        assert headers["cache-control"] == "private, max-age=3600"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["cross-origin-resource-policy"] == "same-origin"


def test_everything_else_is_refused(web, stored):
    _pid, aid = stored
    path = f"/attachment/{aid}"

    def refused(status, expected, words):
        got, _headers, body = status
        assert got == expected, (got, body)
        error = json.loads(body)["error"]
        assert words in error["message"], error
        assert aid not in body.decode()

    refused(get(web, path, token=None), 403, "not the one Vibing opened")
    refused(get(web, path + "?token={token}", token=None), 403, "not the one Vibing opened")  # never in the address
    refused(get(web, path, host="evil.example:80"), 403, "Wrong host")
    # the browser says the request is not the page's own: refused even with the session's cookie
    for site in ("same-site", "cross-site"):
        refused(get(web, path, ("Sec-Fetch-Site", site), token="cookie"), 403, "only in Vibing's own page")
    refused(get(web, "/attachment/" + "0" * 32), 404, "No such attachment")
    for bad in ("../ui/index.html", "%2e%2e%2fui%2findex.html", "a%20b", "x" * 200, ""):
        refused(get(web, "/attachment/" + bad), 404, "No such attachment")


HOSTILE = """<!doctype html><html><head><meta charset="utf-8"></head><body><h1 id="t">Hostile</h1><script>
var ui = location.ancestorOrigins && location.ancestorOrigins[0], url = ui + '/attachment/%(aid)s', out = [];
var say = function (what) { out.push(what); if (out.length === 4) console.error('attachment probes: ' + out.sort().join(', ')); };
var img = new Image(); img.onload = function () { say('img LOADED') }; img.onerror = function () { say('img blocked') }; img.src = url;
fetch(url, {credentials: 'include'}).then(function (r) { return r.blob() }).then(function (b) { say('fetch READ ' + b.size) }, function () { say('fetch blocked') });
fetch(url, {mode: 'no-cors', credentials: 'include'}).then(function () { say('no-cors fetch ANSWERED') }, function () { say('no-cors fetch blocked') });
var x = new XMLHttpRequest(); x.open('GET', url); x.withCredentials = true;
x.onload = function () { say('xhr READ') }; x.onerror = function () { say('xhr blocked') }; x.send();
</script></body></html>"""


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_a_preview_cannot_reach_an_attachment(page, app, stored):
    """The generated app knows the UI's address and the id, and tries an image, fetch (CORS and no-cors), XHR."""
    from vibing.schema.storage import CreateProject, FileWrite

    _pid, aid = stored
    files = [FileWrite(path="index.html", content=HOSTILE % {"aid": aid})]
    pid = app.bus().request("storage", CreateProject(name="Prober", files=files)).project.id
    page.evaluate(f"location.hash = '#/p/{pid}'")
    line = page.locator("#console-list li", has_text="attachment probes:")
    line.wait_for(timeout=WAIT)
    assert line.text_content().startswith(
        "attachment probes: fetch blocked, img blocked, no-cors fetch blocked, xhr blocked"
    ), line.text_content()
    # while the page itself shows it
    page.evaluate(f"location.hash = '#/p/{stored[0]}'")
    thumb = page.locator(".msg.user .msg-image img")
    thumb.wait_for(timeout=WAIT)
    page.wait_for_function("() => document.querySelector('.msg.user .msg-image img').naturalWidth === 40", timeout=WAIT)
