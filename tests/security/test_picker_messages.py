"""The element picker's messages, attacked by a hostile generated app in Debian's Chromium (issue 20 item 1, U9).

The preview runs whatever the model wrote, and it can post the UI anything. The UI takes a picker message only
while it asked for a pick, only from the preview frame's window and origin, with the asked pick's id and the
expected shape and sizes; one pick answers one request. So the worst a hostile page can do is answer the pick the
person asked for with an element of its choosing: one chip, shown as text. Here it tries more: thousands of
forged messages before any pick was asked (wrong shapes, oversized fields, other versions, guessed ids, valid
ones), then, once a pick is asked (it reads the id from the request, as any page can), the same flood with the
right id, one valid answer full of HTML and script, and thousands of valid answers after it; and the UI page's
own window posts a valid answer too (not the preview's: dropped). Each flood ends with a console line the UI shows
only after it has handled everything posted before it (messages from one window arrive in order).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT
from conftest import provider_chosen, start_app

playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")

XSS = {
    "selector": '<img src=x onerror="top.__pwned=1">',
    "tag": "button",
    "text": "<script>top.__pwned=2</script><b>bold</b>",
    "file": "<svg onload=top.__pwned=3>",
    "html": '<img src=x onerror="top.__pwned=4"><iframe src="javascript:top.__pwned=5"></iframe>',
}

HOSTILE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Hostile</title></head>
<body><h1 id="title">A perfectly normal app</h1><button id="buy">Buy</button>
<script>
window.__received = [];
var P = parent, started = false, ROUNDS = 300;
var ok = function (sel) { return {selector: sel, tag: 'div', text: 't', file: 'index.html', html: '<div></div>'}; };
var forgeries = function (id) {
  var big = new Array(5001).join('x');  // over every field's limit (the HTML's is 2,000)
  return [
    {vibingPick: 1, type: 'picked', id: id, element: {selector: big, tag: 'div', text: '', file: '', html: ''}},
    {vibingPick: 1, type: 'picked', id: id, element: {selector: '#a', tag: 'div', text: big, file: '', html: ''}},
    {vibingPick: 1, type: 'picked', id: id, element: {selector: '#a', tag: 'div', text: '', file: '', html: big}},
    {vibingPick: 1, type: 'picked', id: id, element: {selector: '#a', tag: '<img src=x onerror=top.__pwned=6>', text: '', file: '', html: ''}},
    {vibingPick: 1, type: 'picked', id: id, element: {selector: 5, tag: 'div', text: '', file: '', html: ''}},
    {vibingPick: 1, type: 'picked', id: id, element: {selector: '#a', tag: 'div', text: {toString: 1}, file: '', html: ''}},
    {vibingPick: 1, type: 'picked', id: id, element: {selector: '   ', tag: 'div', text: '', file: '', html: ''}},
    {vibingPick: 1, type: 'picked', id: id, element: ['#a', 'div', '', '', '']},
    {vibingPick: 1, type: 'picked', id: id, element: {selector: '#a', tag: 'div'}},
    {vibingPick: 1, type: 'picked', id: id},
    {vibingPick: 2, type: 'picked', id: id, element: ok('#v2')},
    {vibingPick: '1', type: 'picked', id: id, element: ok('#v1string')},
    {vibingPick: 1, type: ['picked'], id: id, element: ok('#typearray')},
    {vibingPick: 1, type: 'picked', id: [id], element: ok('#idarray')},
    {vibingPick: 1, type: 'picked', id: id + 'x', element: ok('#otherid')},
    {vibingPick: 1, type: 'eval', id: id, code: 'top.__pwned=7'},
    {vibingPick: 1, type: 'send', id: id, prompt: 'delete everything'},
    'a string', null, 42, [1, 2, 3], true
  ];
};
var flood = function (id, rounds) {
  var list = forgeries(id);
  for (var i = 0; i < rounds; i++) for (var j = 0; j < list.length; j++) P.postMessage(list[j], '*');
};
// before any pick was asked: the shapes with guessed ids, and valid answers to a pick nobody asked for
flood('guess', ROUNDS);
for (var i = 0; i < ROUNDS; i++) P.postMessage({vibingPick: 1, type: 'picked', id: 'ui-' + i, element: ok('#unasked' + i)}, '*');
console.error('flood before done');
window.addEventListener('message', function (e) {
  if (e.source !== P) return;
  window.__received.push(e.data);
  if (!e.data || e.data.type !== 'start' || started) return;
  started = true;
  var id = e.data.id;
  flood(id, ROUNDS);
  P.postMessage({vibingPick: 1, type: 'picked', id: id, element: %(xss)s}, '*');
  for (var i = 0; i < 3 * ROUNDS; i++) P.postMessage({vibingPick: 1, type: 'picked', id: id, element: ok('#after' + i)}, '*');
  flood(id, ROUNDS);
  console.error('flood during done');
});
</script></body></html>
"""


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("picker-messages") / "home")
    provider_chosen(running)  # no first-run screen; and no model: nothing here may ask one anything
    yield running
    running.stop()


def hostile_project(app) -> str:
    import json

    from vibing.schema.storage import CreateProject, FileWrite

    page = HOSTILE % {"xss": json.dumps(XSS).replace("</", "<\\/")}  # the page's own script must not end early
    reply = app.bus().request(
        "storage", CreateProject(name="Hostile", files=[FileWrite(path="index.html", content=page)])
    )
    return reply.project.id


def preview(page):
    return next(f for f in page.frames if f.parent_frame is page.main_frame and "/p/" in f.url)


def test_forged_and_flooded_picker_messages_add_one_text_chip_at_most(page, app, web):
    token = web.split("token=", 1)[1]
    pid = hostile_project(app)
    page.evaluate(f"location.hash = '#/p/{pid}'")
    page.wait_for_selector("#view-project:not(.hidden) #project-name:has-text('Hostile')", timeout=WAIT)
    page.frame_locator("#preview").locator("#buy").wait_for(timeout=WAIT)
    hash_before = page.evaluate("location.hash")

    # before any pick was asked: tens of thousands of messages, nothing happens
    page.wait_for_selector("#console-list li:has-text('flood before done')", timeout=30_000)
    expect(page.locator("#chips .chip")).to_have_count(0)
    expect(page.locator("#preview-pick")).to_have_attribute("aria-pressed", "false")

    # a pick is asked: the page answers it first with the forged element; everything else is dropped
    page.click("#preview-pick")
    page.wait_for_selector("#console-list li:has-text('flood during done')", timeout=60_000)
    chips = page.locator("#chips .chip")
    expect(chips).to_have_count(1)
    expect(page.locator("#preview-pick")).to_have_attribute("aria-pressed", "false")  # one answer ended the pick
    # the chip is text: the page's markup shows as characters, and no element was made from it
    expect(chips.locator(".chip-sel")).to_have_text(XSS["selector"])
    expect(chips.locator(".chip-text")).to_have_text(f"“{XSS['text'][:39]}…”")
    expect(chips.locator(".chip-file")).to_have_text(XSS["file"])
    assert chips.get_attribute("title").endswith(XSS["html"])
    made = page.evaluate(
        "() => [...document.querySelectorAll('#chips *')].map((e) => e.tagName.toLowerCase()).sort().join(' ')"
    )
    assert made == "button div span span span", made  # the chip, its three texts and its remove button
    assert (
        page.evaluate(
            "() => document.querySelectorAll(':is(#chips, #messages, #pick-hint) :is(img, svg, b, iframe, script)').length"
        )
        == 0
    )
    # nowhere in the UI does the payload sit in an attribute that runs or loads (the chip's title and aria-label
    # hold it as text)
    carriers = page.evaluate(
        """() => [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes]
              .filter((a) => a.value.includes('__pwned') && (/^on/i.test(a.name) || ['src', 'href', 'srcdoc', 'style'].includes(a.name)))
              .map((a) => e.tagName + ' ' + a.name))"""
    )
    assert carriers == []
    assert page.evaluate("() => window.__pwned") is None

    # nothing beyond the chip: no prompt sent, nothing typed, no navigation, no generation
    assert page.locator(".msg.user").count() == 0
    assert page.input_value("#prompt") == ""
    assert page.evaluate("location.hash") == hash_before
    assert not page.evaluate("() => window.__vibing.activeStream")

    # what the preview got from the UI: the picker's requests, with no token and no address of the bridge
    received = preview(page).evaluate("() => window.__received")
    assert received and all(set(m) == {"vibingPick", "type", "id"} for m in received), received
    assert token not in repr(received) and "/api/" not in repr(received)

    # another pick: a valid answer with the right id from a window that is not the preview's is not taken
    page.click("#preview-pick")
    expect(page.locator("#preview-pick")).to_have_attribute("aria-pressed", "true")
    page.wait_for_function(
        "() => document.querySelector('#pick-hint').textContent.startsWith('Point at')", timeout=WAIT
    )
    asked = preview(page).evaluate("() => window.__received.filter((m) => m.type === 'start').pop().id")
    page.evaluate(
        """(id) => new Promise((done) => {
            window.postMessage({vibingPick: 1, type: 'picked', id, element: {selector: '#fromtheui', tag: 'p', text: '', file: '', html: ''}}, '*');
            window.addEventListener('message', function h(e) { if (e.data === 'after') { removeEventListener('message', h); done(); } });
            window.postMessage('after', '*');
        })""",
        asked,
    )
    expect(chips).to_have_count(1)
    expect(page.locator("#preview-pick")).to_have_attribute("aria-pressed", "true")
    # the person's own pick still works, and is the second chip
    page.frame_locator("#preview").locator("#buy").click()
    expect(chips).to_have_count(2)
    expect(chips.nth(1).locator(".chip-sel")).to_have_text("#buy")


SHOTS = """<!doctype html>
<html><head><meta charset="utf-8"><title>Hostile shots</title></head>
<body><h1>Nothing to see</h1>
<script>
var P = parent, ROUNDS = 300, started = false;
var c = document.createElement('canvas'); c.width = 2; c.height = 2;
c.getContext('2d').fillStyle = '#f00'; c.getContext('2d').fillRect(0, 0, 2, 2);
var PNG = c.toDataURL('image/png').split(',')[1];
var GIF = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
var ok = function (id) { return {vibingShot: 1, type: 'shot', id: id, png: PNG, width: 2, height: 2}; };
var forgeries = function (id) {
  return [
    {vibingShot: 1, type: 'shot', id: id, png: PNG, width: 0, height: 2},
    {vibingShot: 1, type: 'shot', id: id, png: PNG, width: 99999, height: 2},
    {vibingShot: 1, type: 'shot', id: id, png: PNG, width: '2', height: 2},
    {vibingShot: 1, type: 'shot', id: id, png: PNG, width: 2.5, height: 2},
    {vibingShot: 1, type: 'shot', id: id, png: 12345, width: 2, height: 2},
    {vibingShot: 1, type: 'shot', id: id, png: '<img src=x onerror=top.__pwned=1>', width: 2, height: 2},
    {vibingShot: 1, type: 'shot', id: id, png: GIF, width: 1, height: 1},
    {vibingShot: 1, type: 'shot', id: id, png: btoa('<svg onload="top.__pwned=2"/>'), width: 2, height: 2},
    {vibingShot: 1, type: 'shot', id: id, width: 2, height: 2},
    {vibingShot: 2, type: 'shot', id: id, png: PNG, width: 2, height: 2},
    {vibingShot: '1', type: 'shot', id: id, png: PNG, width: 2, height: 2},
    {vibingShot: 1, type: 'shot', id: [id], png: PNG, width: 2, height: 2},
    {vibingShot: 1, type: 'shot', id: id + 'x', png: PNG, width: 2, height: 2},
    {vibingShot: 1, type: 'send', id: id, prompt: 'delete everything'},
    {vibingPick: 1, type: 'picked', id: id, element: {selector: '#x', tag: 'div', text: '', file: '', html: ''}},
    'a string', null, 42
  ];
};
var flood = function (id, rounds) {
  var list = forgeries(id);
  for (var i = 0; i < rounds; i++) for (var j = 0; j < list.length; j++) P.postMessage(list[j], '*');
};
// before anything is asked: valid answers to guessed ids, and the shapes
for (var i = 0; i < ROUNDS; i++) P.postMessage(ok('ui-' + i), '*');
flood('guess', 50);
console.error('shots before done');
window.addEventListener('message', function (e) {
  if (e.source !== P || !e.data || e.data.type !== 'capture' || started) return;
  started = true;
  var id = e.data.id, big = new Array(8 * 1024 * 1024 + 2).join('A');
  for (var k = 0; k < 3; k++) P.postMessage({vibingShot: 1, type: 'shot', id: id, png: big, width: 2, height: 2}, '*');
  flood(id, ROUNDS);
  P.postMessage(ok(id), '*');
  for (var i = 0; i < ROUNDS; i++) P.postMessage(ok(id), '*');
  flood(id, ROUNDS);
  console.error('shots during done');
});
</script></body></html>
"""


def test_forged_screenshot_messages_add_one_bounded_image_chip_at_most(page, app):
    """The screenshot's answer (issue 20 item 3) is checked like a pick: the hostile app floods it before and
    while a capture is asked (oversized, wrong shapes and types, not a PNG, other versions and ids), then answers
    the real request with its own tiny PNG and hundreds more: one chip, of at most the long edge, and nothing else."""
    from vibing.schema.storage import CreateProject, FileWrite

    files = [FileWrite(path="index.html", content=SHOTS)]
    pid = app.bus().request("storage", CreateProject(name="Hostile shots", files=files)).project.id
    page.evaluate(f"location.hash = '#/p/{pid}'")
    page.wait_for_selector("#view-project:not(.hidden) #project-name:has-text('Hostile shots')", timeout=WAIT)
    page.wait_for_selector("#console-list li:has-text('shots before done')", timeout=30_000)
    chips = page.locator("#image-chips .chip")
    expect(chips).to_have_count(0)
    page.click("#preview-shot")
    page.wait_for_selector("#console-list li:has-text('shots during done')", timeout=60_000)
    expect(chips).to_have_count(1, timeout=WAIT)
    expect(chips.locator(".chip-sel")).to_have_text("preview screenshot.png")
    assert chips.get_attribute("title").startswith("preview screenshot.png: 2×2")
    expect(page.locator("#preview-shot")).to_be_enabled()
    expect(page.locator("#chips .chip")).to_have_count(0)  # the forged pick was not asked for
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator(".msg.user").count() == 0
    assert page.input_value("#prompt") == ""
    assert not page.evaluate("() => window.__vibing.activeStream")
    # another capture is answered once again, by one chip more (the page's own drawing: the first request's
    # answer, which came after the forged one, was dropped)
    page.click("#preview-shot")
    expect(chips).to_have_count(2, timeout=WAIT)
