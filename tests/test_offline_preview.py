"""Previews with the network off: apps that load their libraries from CDN addresses still render.

Each page is written into a project through the storage service, its address asked of a real shell (the
``preview.url`` intent, as the UI asks) and opened in Chromium in a context that cannot leave loopback: every
request off loopback is aborted by the context's route, and the preview's own CSP should stop them before
that (so the route must see none).  What "rendered" means is the harness's (``vibing.bench.offline``, shared
with ``vibing bench``): the page's expectation became true, its canvas shows non-blank pixels, and nothing
was reported missing from the offline library.

The pages are the hand-written sample generations of ``tests/offline_apps`` (each its own case, from
``expectations.json``); :data:`PROMISES` names the ones that carry each promise of issue 15, so none of them
can quietly disappear.  Two small pages written here pin down the messages: a version substituted within
its major, and a library the cache does not hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import start_app

from vibing.bench import offline as harness
from vibing.bench.offline import Sample

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(harness.CHROMIUM).exists(), reason="Debian's chromium is not installed")

#: The sample generations, read at collection so each is its own test case.
SAMPLES = harness.load_samples()
OFFLINE = [s for s in SAMPLES if s.offline]

#: Issue 15's promises, and the samples whose expectations check them: (sample, what its check must contain).
PROMISES = {
    "a Tailwind class changes the computed style": [
        ("tailwind-landing", "getComputedStyle"),
        ("tailwind4-pricing", "getComputedStyle"),
    ],
    "three.js draws (module build + OrbitControls through an import map)": [("threejs-globe-importmap", "inked")],
    "three.js draws (the r128 cdnjs build + examples/js OrbitControls)": [("threejs-r128-cdnjs", "OrbitControls")],
    "Chart.js draws": [("chartjs-dashboard", "inked"), ("chartjs3-cdnjs-sri", "inked")],
    "React with Babel mounts a component": [("react-babel-todo", "#root"), ("react-cdnjs-counter", "getElementById")],
    "a Phaser scene starts": [("phaser-platformer", "isActive"), ("phaser-breakout-range", "isActive")],
}

HEAD = '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'

#: three@0.150.0 is not cached; another 0.x three is, and is served in its place with a notice.
SUBSTITUTED = Sample(
    "three-substituted",
    {
        "index.html": HEAD.format(title="Revision")
        + """<script type="importmap">
{ "imports": { "three": "https://cdn.jsdelivr.net/npm/three@0.150.0/build/three.module.js" } }
</script>
</head>
<body>
<script type="module">
  import * as THREE from 'three';
  window.revision = THREE.REVISION;
</script>
</body>
</html>"""
    },
)

UNCACHED = Sample(
    "uncached-library",
    {
        "index.html": HEAD.format(title="Waves")
        + """<script src="https://cdn.jsdelivr.net/npm/vanta@0.5.24/dist/vanta.waves.min.js"></script>
</head>
<body><h1 id="hello">Hello</h1></body>
</html>"""
    },
    js="(window.__vibingReports || []).some((r) => r.kind === 'missing')",
)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("offline") / "home")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shell(app):
    s = app.shell("web", "offline-test")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def bus(app):
    return app.bus()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=harness.CHROMIUM, args=harness.CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def preview(bus, shell, browser):
    """Open a sample in the preview with the network off: its outcome, after checking nothing left loopback."""

    def open_offline(sample: Sample) -> harness.Outcome:
        url = harness.preview_url(shell, harness.create_project(bus, sample.name, sample.files))
        assert url.startswith(f"http://127.0.0.1:{shell.preview.port}/p/")
        context, traffic = harness.offline_context(browser)
        try:
            outcome = harness.check_page(context, url, sample)
        finally:
            context.close()
        assert not traffic.answered, f"requests left loopback: {traffic.answered}"
        assert not traffic.refused, f"the preview let these requests reach the network layer: {traffic.refused}"
        assert traffic.served, "the preview served nothing"
        return outcome

    return open_offline


def test_a_close_version_of_the_same_major_is_served_with_a_notice(preview):
    cached = harness.read_manifest()["packages"]["three"]["versions"]
    assert "0.150.0" not in cached, "pick another uncached three version for this test"
    closest = min((v for v in cached if v.startswith("0.")), key=lambda v: abs(int(v.split(".")[1]) - 150))
    runs_it = Sample(SUBSTITUTED.name, SUBSTITUTED.files, js=f"window.revision === '{closest.split('.')[1]}'")

    outcome = preview(runs_it)

    assert outcome.rendered, outcome.describe()
    notices = [r for r in outcome.of_kind("library") if r.get("package") == "three"]
    assert [(r.get("version"), r.get("served")) for r in notices] == [("0.150.0", closest)], outcome.describe()
    assert any("three@0.150.0" in line and closest in line for line in outcome.console), outcome.console


def test_an_uncached_library_is_reported_missing_by_name(preview):
    outcome = preview(UNCACHED)

    missing = outcome.of_kind("missing")
    assert missing, outcome.describe()
    assert any(r.get("package") == "vanta" and r.get("version") == "0.5.24" for r in missing), missing
    assert any("vanta" in line for line in outcome.console), outcome.console


def test_the_samples_carry_every_promise_of_the_issue():
    by_name = {s.name: s for s in OFFLINE}
    for promise, carriers in PROMISES.items():
        for name, check in carriers:
            sample = by_name.get(name)
            assert sample, f"{promise}: no offline sample {name!r} in {harness.SAMPLES}"
            checks = f"{sample.js} inked" if sample.inked else str(sample.js)
            assert check in checks, f"{promise}: {name}'s expectation does not check it ({check!r})"
    assert any(not s.offline for s in SAMPLES), "expected a sample that needs the network"


@pytest.mark.parametrize("sample", OFFLINE, ids=lambda s: s.name)
def test_an_offline_sample_generation_renders_with_the_network_off(preview, sample):
    assert sample.js or sample.inked, f"{sample.name} has nothing to check in expectations.json"

    outcome = preview(sample)

    assert outcome.rendered, outcome.describe()


@pytest.mark.parametrize("sample", [s for s in SAMPLES if not s.offline], ids=lambda s: s.name)
def test_a_sample_that_needs_the_network_says_what_for(preview, sample):
    says_why = "(window.__vibingReports || []).some((r) => r.kind === 'missing' || r.kind === 'blocked')"

    outcome = preview(Sample(sample.name, sample.files, js=says_why))

    reasons = outcome.of_kind("missing") + outcome.of_kind("blocked")
    assert reasons, outcome.describe()
    assert all(r.get("message") for r in reasons), reasons


def test_a_canvas_nothing_drew_on_is_judged_blank_and_a_drawn_one_inked(browser):
    page = browser.new_page(viewport=harness.VIEWPORT)
    page.set_content(
        "<canvas id='blank' width='300' height='150' style='background:#0b1020'></canvas>"
        "<canvas id='drawn' width='300' height='150' style='background:#0b1020'></canvas>"
        "<script>const g = document.getElementById('drawn').getContext('2d');"
        "g.fillStyle = '#6366f1'; g.fillRect(20, 20, 60, 100);</script>"
    )

    blank = harness.inked_share(page.locator("#blank").screenshot())
    drawn = harness.inked_share(page.locator("#drawn").screenshot())
    page.close()

    assert blank == 0.0
    assert drawn == pytest.approx(60 * 100 / (300 * 150), abs=0.01)
