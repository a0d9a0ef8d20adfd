"""Previews with the network off: apps that load their libraries from CDN addresses still render.

Each page is written into a project through the storage service, its address asked of a real shell (the
``preview.url`` intent, as the UI asks) and opened in Chromium in a context that cannot leave loopback: every
request off loopback is aborted by the context's route, and the preview's own CSP should stop them before
that (so the route must see none).  What "rendered" means is the harness's (``vibing.bench.offline``, shared
with ``vibing bench``): the page's expectation became true, its canvas shows non-blank pixels, and nothing
was reported missing from the offline library.

Two sets of pages: a few written here, one per promise of issue 15 (a Tailwind class takes effect, three.js
and Chart.js draw, React mounts through Babel, a Phaser scene starts, a same-major version is substituted
with a notice, an uncached library is reported), and the hand-written sample generations of
``tests/offline_apps`` (each its own case, from ``expectations.json``).
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

HEAD = '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'

TAILWIND = Sample(
    "tailwind-play-cdn",
    {
        "index.html": HEAD.format(title="Launch")
        + """<script src="https://cdn.tailwindcss.com"></script>
<script>tailwind.config = { theme: { extend: { colors: { brand: '#4f46e5' } } } }</script>
</head>
<body class="bg-slate-50">
  <section class="max-w-xl mx-auto py-16 text-center">
    <h1 class="text-4xl font-extrabold tracking-tight">Ship faster</h1>
    <button id="cta" class="mt-8 bg-brand text-white px-6 py-3 rounded-lg">Get started</button>
  </section>
</body>
</html>"""
    },
    js="getComputedStyle(document.querySelector('#cta')).backgroundColor === 'rgb(79, 70, 229)' && "
    "getComputedStyle(document.querySelector('#cta')).paddingLeft === '24px'",
)

TAILWIND_4 = Sample(
    "tailwind-4-browser",
    {
        "index.html": HEAD.format(title="Cards")
        + """<script src="https://cdn.jsdelivr.net/npm/@tailwindcss/browser@4"></script>
</head>
<body>
  <div id="card" class="m-8 p-4 rounded-2xl shadow-lg">A card</div>
</body>
</html>"""
    },
    js="getComputedStyle(document.querySelector('#card')).paddingTop === '16px' && "
    "getComputedStyle(document.querySelector('#card')).borderTopLeftRadius === '16px'",
)

GLOBE = """
  const renderer = new THREE.WebGLRenderer({ antialias: true });
  renderer.setSize(400, 300);
  renderer.domElement.id = 'scene';
  document.body.appendChild(renderer.domElement);
  const scene = new THREE.Scene();
  scene.background = new THREE.Color(0x0b1020);
  const camera = new THREE.PerspectiveCamera(60, 4 / 3, 0.1, 100);
  camera.position.set(0, 0, 3);
  const controls = new OrbitControls(camera, renderer.domElement);
  controls.enableDamping = true;
  const globe = new THREE.Mesh(new THREE.SphereGeometry(1, 48, 24), new THREE.MeshNormalMaterial());
  scene.add(globe);
  window.framesDrawn = 0;
  (function frame() {
    globe.rotation.y += 0.01;
    controls.update();
    renderer.render(scene, camera);
    window.framesDrawn++;
    requestAnimationFrame(frame);
  })();
"""


def three_module(version: str) -> dict[str, str]:
    """A spinning globe the way the three.js agent writes it: an import map to jsDelivr, OrbitControls from addons."""
    return {
        "index.html": HEAD.format(title="Globe")
        + f"""<style>body {{ margin: 0; background: #000; }}</style>
<script type="importmap">
{{ "imports": {{ "three": "https://cdn.jsdelivr.net/npm/three@{version}/build/three.module.js",
                "three/addons/": "https://cdn.jsdelivr.net/npm/three@{version}/examples/jsm/" }} }}
</script>
</head>
<body>
<script type="module">
  import * as THREE from 'three';
  import {{ OrbitControls }} from 'three/addons/controls/OrbitControls.js';
  {GLOBE}
</script>
</body>
</html>"""
    }


THREE_MODULE = Sample("three-module-importmap", three_module("0.160.0"), js="window.framesDrawn > 3", inked="#scene")

THREE_R128 = Sample(
    "three-r128-cdnjs",
    {
        "index.html": HEAD.format(title="Globe r128")
        + """<script src="https://cdnjs.cloudflare.com/ajax/libs/three.js/r128/three.min.js"
  integrity="sha512-dLxUelApnYxpLt6K2iomGngnHO83iUvZytA3YjDUCjT0HDOHKXnVYdf3hU4JjM8uEhxf9nD1/ey98U3t2vZ0qQ=="
  crossorigin="anonymous" referrerpolicy="no-referrer"></script>
<script src="https://cdn.jsdelivr.net/npm/three@0.128.0/examples/js/controls/OrbitControls.js"></script>
</head>
<body style="margin:0">
<script>
  const OrbitControls = THREE.OrbitControls;
"""
        + GLOBE
        + """</script>
</body>
</html>"""
    },
    js="THREE.REVISION === '128' && window.framesDrawn > 3",
    inked="#scene",
)

CHART = Sample(
    "chartjs-bare-jsdelivr",
    {
        "index.html": HEAD.format(title="Sales")
        + """<script src="https://cdn.jsdelivr.net/npm/chart.js"></script>
</head>
<body>
  <div style="width:480px"><canvas id="chart"></canvas></div>
  <script>
    window.chart = new Chart(document.getElementById('chart'), {
      type: 'line',
      data: { labels: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'],
              datasets: [{ label: 'Visitors', data: [120, 190, 150, 240, 210, 300],
                           borderColor: '#0ea5e9', backgroundColor: 'rgba(14,165,233,0.3)', fill: true }] },
      options: { animation: false }
    });
  </script>
</body>
</html>"""
    },
    js="window.chart && window.chart.data.datasets.length === 1",
    inked="#chart",
)

REACT = Sample(
    "react-babel-unpkg",
    {
        "index.html": HEAD.format(title="Todos")
        + """<script crossorigin src="https://unpkg.com/react@18/umd/react.production.min.js"></script>
<script crossorigin src="https://unpkg.com/react-dom@18/umd/react-dom.production.min.js"></script>
<script src="https://unpkg.com/@babel/standalone/babel.min.js"></script>
</head>
<body>
  <div id="root"></div>
  <script type="text/babel">
    function Todos() {
      const [items, setItems] = React.useState(['Buy milk', 'Walk the dog']);
      return (
        <ul id="todos">
          {items.map((text) => <li key={text}>{text}</li>)}
        </ul>
      );
    }
    ReactDOM.createRoot(document.getElementById('root')).render(<Todos />);
  </script>
</body>
</html>"""
    },
    js="document.querySelectorAll('#todos li').length === 2",
)

PHASER = Sample(
    "phaser-scene",
    {
        "index.html": HEAD.format(title="Jumper")
        + """<script src="https://cdn.jsdelivr.net/npm/phaser@3.80.1/dist/phaser.min.js"></script>
</head>
<body style="margin:0">
  <div id="game"></div>
  <script>
    class Play extends Phaser.Scene {
      constructor() { super('play'); }
      create() {
        this.add.rectangle(200, 150, 120, 80, 0xffcc00);
        this.add.text(20, 20, 'Score: 0', { fontSize: '20px', color: '#ffffff' });
        window.sceneStarted = this.scene.key;
      }
    }
    new Phaser.Game({ type: Phaser.AUTO, width: 400, height: 300, parent: 'game',
                      backgroundColor: '#1d2b53', audio: { noAudio: true }, scene: Play });
  </script>
</body>
</html>"""
    },
    js="window.sceneStarted === 'play'",
    inked="#game canvas",
)

#: The requested version is not cached, but another 0.x three is: it is served in its place, with a notice.
SUBSTITUTED = Sample("three-substituted", three_module("0.150.0"), js="window.framesDrawn > 3", inked="#scene")

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

RENDERS = [TAILWIND, TAILWIND_4, THREE_MODULE, THREE_R128, CHART, REACT, PHASER]


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


@pytest.mark.parametrize("sample", RENDERS, ids=lambda s: s.name)
def test_a_cached_library_loaded_from_its_cdn_address_renders_offline(preview, sample):
    outcome = preview(sample)

    assert outcome.rendered, outcome.describe()


def test_a_close_version_of_the_same_major_is_served_with_a_notice(preview):
    cached = harness.read_manifest()["packages"]["three"]["versions"]
    assert "0.150.0" not in cached, "pick another uncached three version for this test"

    outcome = preview(SUBSTITUTED)

    assert outcome.rendered, outcome.describe()
    notices = [r for r in outcome.of_kind("library") if r.get("package") == "three"]
    assert notices, outcome.describe()
    assert {r.get("version") for r in notices} == {"0.150.0"}
    served = {r.get("served") for r in notices}
    assert len(served) == 1 and served <= set(cached) and next(iter(served)).startswith("0."), notices
    assert any("three@0.150.0" in line and next(iter(served)) in line for line in outcome.console), outcome.console


def test_an_uncached_library_is_reported_missing_by_name(preview):
    outcome = preview(UNCACHED)

    missing = outcome.of_kind("missing")
    assert missing, outcome.describe()
    assert any(r.get("package") == "vanta" and r.get("version") == "0.5.24" for r in missing), missing
    assert any("vanta" in line for line in outcome.console), outcome.console


def test_the_sample_generations_are_there():
    assert len([s for s in SAMPLES if s.offline]) >= 10, f"expected the offline samples in {harness.SAMPLES}"
    assert any(not s.offline for s in SAMPLES), "expected a sample that needs an uncached library"


@pytest.mark.parametrize("sample", [s for s in SAMPLES if s.offline], ids=lambda s: s.name)
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
