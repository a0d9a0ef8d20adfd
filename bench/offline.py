"""Previews that work offline: the library cache's size, first paint from it, and how many samples render.

- ``preview.offline.cache_mb``: the committed cache (``shell/libraries/cache``) on disk, as ``du`` counts it.
- ``preview.offline.first_paint_ms``: a Tailwind + Chart.js dashboard whose ``<script>`` tags point at
  cdn.tailwindcss.com and jsDelivr, opened in the preview with the network off, so the rewrite sends them to
  the cache on the preview's own origin; navigation start to the first contentful paint, median of cold loads.
- ``preview.offline.first_paint_disk_ms``: the same page with the same library files written into the project
  beside it as plain files (``lib/...``, no mapping), in the same run: the least the cache could cost.
  ``preview.offline.first_paint_vs_disk`` divides the two.
- ``preview.offline.render_share``: the share of the hand-written sample generations
  (``tests/offline_apps``) marked ``offline: true`` that render correctly with the network off.

This module is also the harness of ``tests/test_offline_preview.py`` (the bench may not import tests, the tests
may import the bench): a Chromium context that cannot leave loopback, sample loading, and the checks that say a
page rendered (its expectation in the page, non-blank pixels in a screenshot, nothing reported missing).
Chromium and Playwright are optional: without them the browser rows say ``skipped`` and why.
"""

from __future__ import annotations

import http.client
import json
import os
import statistics
import struct
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from vibing.bench import Row, missing, skipped, versus_floor
from vibing.errors import Internal, InvalidRequest

PREFIX = "preview.offline"
ROOT = Path(__file__).resolve().parent.parent
LIBRARIES = ROOT / "shell" / "libraries"
CACHE = LIBRARIES / "cache"
MANIFEST = LIBRARIES / "manifest.json"
SAMPLES = ROOT / "tests" / "offline_apps"
CHROMIUM = "/usr/bin/chromium"
#: As bench/shell.py, but WebGL on SwiftShader (three.js and Phaser samples need a WebGL context; there is no GPU).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",
]
LOOPBACK = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})
VIEWPORT = {"width": 800, "height": 560}
#: A sample's ``js`` must become true within this (it polls; Babel compiling JSX in the page takes the longest).
EXPECT_MS = 10_000
#: An ``inked`` element must show at least this share of pixels unlike its dominant colour.
INKED_SHARE = 0.005
#: Cold loads per variant for the first-paint rows (a fresh browser context each: an empty HTTP cache).
PAINT_RUNS = 7

#: Reports the preview's capture script posts to its parent (``kind``: error, console, blocked, library,
#: missing, loaded).  A preview opened as the top document is its own parent, so it posts to itself.
REPORTS_SCRIPT = """(() => {
  window.__vibingReports = [];
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (d && typeof d === 'object' && d.vibingPreview) window.__vibingReports.push(JSON.parse(JSON.stringify(d)));
  });
})();"""

FIRST_PAINT_JS = """() => new Promise((resolve) => {
  const pick = (list) => list.find((e) => e.name === 'first-contentful-paint');
  const hit = pick(performance.getEntriesByType('paint'));
  if (hit) return resolve(hit.startTime);
  new PerformanceObserver((l) => { const e = pick(l.getEntries()); if (e) resolve(e.startTime); })
    .observe({ type: 'paint', buffered: true });
})"""


# -- samples -----------------------------------------------------------------------------------------------


@dataclass
class Sample:
    """One page to load in the preview: its files and what proves it rendered."""

    name: str
    files: dict[str, str]
    #: A JavaScript expression that becomes true in the page once the app works.
    js: str | None = None
    #: A CSS selector whose element must show non-blank pixels (canvas apps, WebGL too).
    inked: str | None = None
    #: False: the sample deliberately needs a library the offline cache does not hold.
    offline: bool = True
    description: str = ""


def load_samples(folder: Path = SAMPLES) -> list[Sample]:
    """The hand-written sample generations and their expectations (``expectations.json``), sorted by name."""
    index = folder / "expectations.json"
    if not index.is_file():
        return []
    expectations = json.loads(index.read_text(encoding="utf-8"))
    samples = []
    for name, spec in sorted(expectations.items()):
        root = folder / name
        if not (root / "index.html").is_file():
            raise InvalidRequest(f"The offline sample {name!r} has no index.html in {root}.")
        files = {
            path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(root.rglob("*"))
            if path.is_file()
        }
        samples.append(
            Sample(
                name,
                files,
                js=spec.get("js"),
                inked=spec.get("inked"),
                offline=bool(spec.get("offline", True)),
                description=spec.get("description", ""),
            )
        )
    return samples


def read_manifest(path: Path = MANIFEST) -> dict[str, Any]:
    """The cache's manifest (what the runtime knows is cached); empty when the cache is not built."""
    if not path.is_file():
        return {"format": 1, "packages": {}, "hosts": {}, "fonts": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def cache_size(cache: Path = CACHE) -> tuple[int, int, int]:
    """(bytes allocated on disk, bytes of content, files) of the cache; symlinks are not followed."""
    allocated = content = files = 0
    for base, dirs, names in os.walk(cache):
        for name in names + dirs:
            st = os.lstat(os.path.join(base, name))
            allocated += st.st_blocks * 512
            if name in names:
                content += st.st_size
                files += 1
    return allocated, content, files


# -- pixels ------------------------------------------------------------------------------------------------


def png_colours(data: bytes) -> Counter[tuple[int, int, int]]:
    """How many pixels of each RGB colour an 8-bit, non-interlaced RGB or RGBA PNG has (alpha is ignored).

    Chromium's screenshots are such PNGs; decoding them here (zlib, and each row's filter undone) spares the
    tests an image library.  The filters Chromium uses most (up, sub) run on whole rows at once.
    """
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise InvalidRequest("The screenshot is not a PNG.")
    pos, idat, header = 8, [], None
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, chunk = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat.append(chunk)
        elif kind == b"IEND":
            break
    if header is None:
        raise InvalidRequest("The screenshot PNG has no header.")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise InvalidRequest(f"Unexpected screenshot PNG (depth {depth}, colour type {colour}, interlace {interlace}).")
    bpp = 3 if colour == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(b"".join(idat))
    even = int.from_bytes(b"\x00\xff" * ((stride + 1) // 2), "big") >> (8 * ((stride + 1) // 2 * 2 - stride))
    odd = (1 << (8 * stride)) - 1 ^ even
    prev = bytes(stride)
    colours: Counter[tuple[int, int, int]] = Counter()
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], raw[start + 1 : start + 1 + stride]
        if kind == 1:
            out = bytearray(line)
            for c in range(bpp):
                out[c::bpp] = bytes(v & 0xFF for v in accumulate(line[c::bpp]))
            line = bytes(out)
        elif kind == 2:
            line = _add_bytes(line, prev, even, odd)
        elif kind in (3, 4):
            line = _unfilter_slow(kind, bytearray(line), prev, bpp)
        prev = line
        colours.update(zip(line[0::bpp], line[1::bpp], line[2::bpp], strict=True))
    return colours


def _add_bytes(a: bytes, b: bytes, even: int, odd: int) -> bytes:
    """Each byte of ``a`` plus the same byte of ``b``, modulo 256, as two big-integer additions: every other
    byte is masked to zero so a carry lands in a zero byte and is masked away."""
    x, y = int.from_bytes(a, "big"), int.from_bytes(b, "big")
    total = (((x & even) + (y & even)) & even) | (((x & odd) + (y & odd)) & odd)
    return total.to_bytes(len(a), "big")


def _unfilter_slow(kind: int, line: bytearray, prev: bytes, bpp: int) -> bytes:
    """The average (3) and Paeth (4) filters, byte by byte: each byte depends on the one decoded before it."""
    for i in range(len(line)):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        if kind == 3:
            line[i] = (line[i] + ((a + b) >> 1)) & 0xFF
            continue
        c = prev[i - bpp] if i >= bpp else 0
        p = a + b - c
        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
        line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
    return bytes(line)


def inked_share(png: bytes, tolerance: int = 16) -> float:
    """The share of a screenshot's pixels that differ from its dominant colour by more than ``tolerance``.

    A canvas a library never drew on shows one colour (its clear colour, or the page behind it): 0.
    """
    colours = png_colours(png)
    total = sum(colours.values())
    if not total:
        return 0.0
    (r, g, b), _ = colours.most_common(1)[0]
    inked = sum(n for (pr, pg, pb), n in colours.items() if max(abs(pr - r), abs(pg - g), abs(pb - b)) > tolerance)
    return inked / total


# -- the preview, with the network off ---------------------------------------------------------------------


def loopback(url: str) -> bool:
    """True for addresses that never leave this machine (and for data:, blob: and about: ones)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return (parts.hostname or "") in LOOPBACK


@dataclass
class Traffic:
    """What a context asked of the network: everything off loopback is refused before it leaves."""

    #: Off-loopback requests that reached the network layer (the preview's CSP should have stopped them first).
    refused: list[str] = field(default_factory=list)
    #: Off-loopback requests that got an answer: must stay empty (the route refuses them all).
    answered: list[str] = field(default_factory=list)
    #: Loopback requests that got an answer (the page's own files and the cache).
    served: list[str] = field(default_factory=list)


def offline_context(browser: Any, *, block: bool = True, **options: Any) -> tuple[Any, Traffic]:
    """A fresh context (empty HTTP cache) whose pages reach loopback only, with the reports catcher installed.

    ``block``: route every request and abort the ones off loopback (Playwright's routing also turns the HTTP
    cache off, so timing contexts pass False and rely on the preview's CSP, still recording any request that
    leaves).
    """
    context = browser.new_context(viewport=VIEWPORT, **options)
    traffic = Traffic()

    def route(r: Any) -> None:
        if loopback(r.request.url):
            r.continue_()
        else:
            traffic.refused.append(r.request.url)
            r.abort("internetdisconnected")

    def finished(request: Any) -> None:
        (traffic.served if loopback(request.url) else traffic.answered).append(request.url)

    if block:
        context.route("**/*", route)
    context.on("requestfinished", finished)
    context.add_init_script(REPORTS_SCRIPT)
    return context, traffic


@dataclass
class Outcome:
    """How one sample fared in the preview."""

    name: str
    rendered: bool
    why: str = ""
    reports: list[dict[str, Any]] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    ink: float | None = None

    def of_kind(self, kind: str) -> list[dict[str, Any]]:
        return [r for r in self.reports if r.get("kind") == kind]

    def describe(self) -> str:
        """Why it failed, with what the page said (for an assertion message)."""
        said = [f"{r.get('kind')}: {r.get('message')}" for r in self.reports if r.get("kind") != "loaded"]
        return f"{self.name}: {self.why}; page reports {said[:8]}; errors {self.errors[:4]}; console {self.console[:6]}"


def open_page(context: Any) -> tuple[Any, Outcome]:
    """A new page of ``context`` and the outcome that collects its console lines and uncaught errors."""
    page = context.new_page()
    outcome = Outcome("", False)
    page.on("console", lambda m: outcome.console.append(m.text))
    page.on("pageerror", lambda e: outcome.errors.append(str(e)))
    return page, outcome


def judge(page: Any, outcome: Outcome, sample: Sample, *, expect_ms: int = EXPECT_MS) -> Outcome:
    """Judge a loaded page against ``sample``'s expectations, filling ``outcome``.

    Rendered means: the ``js`` expectation became true, the ``inked`` element shows non-blank pixels, and the
    preview reported no library ``missing`` from the offline cache.
    """
    from playwright.sync_api import Error as PlaywrightError

    outcome.name = sample.name
    try:
        if sample.js:
            probe = f"() => {{ try {{ return !!({sample.js}); }} catch (e) {{ return false; }} }}"
            try:
                page.wait_for_function(probe, timeout=expect_ms, polling=100)
            except PlaywrightError:
                outcome.why = f"its expectation stayed false for {expect_ms / 1000:g} s: {sample.js}"
                return outcome
        if sample.inked:
            outcome.ink = _await_ink(page, sample.inked)
            if outcome.ink < INKED_SHARE:
                outcome.why = f"{sample.inked} stayed blank ({outcome.ink:.2%} of its pixels drawn)"
                return outcome
        outcome.rendered = True
        return outcome
    finally:
        try:
            outcome.reports = page.evaluate("() => window.__vibingReports || []")
        except PlaywrightError:
            pass
        if outcome.rendered and outcome.of_kind("missing"):
            outcome.rendered = False
            outcome.why = "it reported a library missing from the offline cache"


def check_page(context: Any, url: str, sample: Sample, *, expect_ms: int = EXPECT_MS) -> Outcome:
    """Open ``url`` in a new page of ``context``, judge it against ``sample`` (see :func:`judge`), close it."""
    from playwright.sync_api import Error as PlaywrightError

    page, outcome = open_page(context)
    try:
        page.goto(url, wait_until="load", timeout=30_000)
        return judge(page, outcome, sample, expect_ms=expect_ms)
    except PlaywrightError as exc:
        outcome.name, outcome.why = sample.name, f"the page did not load: {exc.message.splitlines()[0]}"
        return outcome
    finally:
        page.close()


def _await_ink(page: Any, selector: str, budget_s: float = 5.0) -> float:
    """The inked share of ``selector``'s box in a screenshot, retaken until it shows ink or ``budget_s`` passes
    (an app draws its first frame a few animation frames after its expectation holds).

    The page is captured clipped to the element's box (on screen), not with an element screenshot, which waits
    for the element to stop moving: an animated canvas is the usual case here.
    """
    element = page.locator(selector).first
    element.scroll_into_view_if_needed(timeout=5_000)
    deadline = time.monotonic() + budget_s
    while True:
        box = element.bounding_box(timeout=5_000)
        if not box:
            return 0.0
        viewport = page.viewport_size
        left, top = max(box["x"], 0), max(box["y"], 0)
        right = min(box["x"] + box["width"], viewport["width"])
        bottom = min(box["y"] + box["height"], viewport["height"])
        if right - left < 1 or bottom - top < 1:
            return 0.0
        clip = {"x": left, "y": top, "width": right - left, "height": bottom - top}
        share = inked_share(page.screenshot(clip=clip, animations="allow", timeout=5_000))
        if share >= INKED_SHARE or time.monotonic() > deadline:
            return share
        page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")


def create_project(bus: Any, name: str, files: dict[str, str]) -> str:
    """A new project holding ``files``, written through the storage service; its id."""
    from vibing.schema.storage import CreateProject, FileWrite

    reply = bus.request(
        "storage", CreateProject(name=name, files=[FileWrite(path=p, content=c) for p, c in files.items()])
    )
    return reply.project.id


def preview_url(shell: Any, project_id: str) -> str:
    """A project's preview address, asked of the shell the way the UI asks (the ``preview.url`` intent)."""
    port = shell.server.port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(
            "POST",
            "/api/shell/preview.url",
            json.dumps({"project_id": project_id}),
            {
                "Host": f"127.0.0.1:{port}",
                "Origin": f"http://127.0.0.1:{port}",
                "X-Vibing-Token": shell.server.token,
                "Content-Type": "application/json",
            },
        )
        answer = json.loads(conn.getresponse().read())
    finally:
        conn.close()
    if not answer.get("ok"):
        raise Internal(f"The shell gave no preview address: {answer.get('error')}")
    return answer["reply"]


@contextmanager
def in_process_shell(home: Path, bus_file: Path) -> Iterator[Any]:
    """A shell (UI server and preview) in this process on a running app's bus, stopped after the block."""
    from vibing.shell.runtime import Shell

    old = os.environ.get("VIBING_HOME")
    os.environ["VIBING_HOME"] = str(home)
    try:
        shell = Shell(bus_file, mode="web", sender="bench-offline").start()
    finally:
        if old is None:
            os.environ.pop("VIBING_HOME", None)
        else:
            os.environ["VIBING_HOME"] = old
    try:
        yield shell
    finally:
        shell.stop()


def browser_missing() -> list[str]:
    """What the browser rows need and this install lacks (Debian's chromium, Playwright); empty when all is here."""
    return (["chromium"] if not Path(CHROMIUM).exists() else []) + missing("playwright")


# -- the Tailwind + Chart.js dashboard ---------------------------------------------------------------------

DASHBOARD = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sales dashboard</title>
  <script src="{tailwind}"></script>
  <script src="{chart}"></script>
</head>
<body class="bg-slate-50 text-slate-800">
  <main class="max-w-4xl mx-auto p-6">
    <h1 id="title" class="text-3xl font-bold text-indigo-600">Sales this week</h1>
    <div class="grid grid-cols-3 gap-4 my-6">
      <div class="rounded-xl bg-white shadow p-4"><p class="text-sm text-slate-500">Revenue</p><p class="text-2xl font-semibold">$12,480</p></div>
      <div class="rounded-xl bg-white shadow p-4"><p class="text-sm text-slate-500">Orders</p><p class="text-2xl font-semibold">312</p></div>
      <div class="rounded-xl bg-white shadow p-4"><p class="text-sm text-slate-500">Refunds</p><p class="text-2xl font-semibold">4</p></div>
    </div>
    <div class="rounded-xl bg-white shadow p-4"><canvas id="chart" height="220"></canvas></div>
  </main>
  <script>
    new Chart(document.getElementById('chart'), {{
      type: 'bar',
      data: {{ labels: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
              datasets: [{{ label: 'Revenue', data: [1200, 1900, 1500, 2100, 2400, 1800, 1580],
                           backgroundColor: '#6366f1' }}] }},
      options: {{ animation: false, plugins: {{ legend: {{ display: false }} }} }}
    }});
    window.dashboardReady = true;
  </script>
</body>
</html>
"""
DASHBOARD_CHECK = Sample(
    "dashboard",
    {},
    js="window.dashboardReady === true && "
    "getComputedStyle(document.querySelector('#title')).color === 'rgb(79, 70, 229)'",
    inked="#chart",
)


def dashboard_variants(manifest: dict[str, Any], cache: Path = CACHE) -> tuple[dict[str, str], dict[str, str]]:
    """The dashboard's files twice: loading its libraries from their CDN addresses (answered from the cache),
    and with the very same cached files written beside it as ``lib/...`` (no mapping involved)."""
    host = manifest.get("hosts", {}).get("cdn.tailwindcss.com")
    if not host:
        raise InvalidRequest("The offline cache has no Tailwind Play CDN script (hosts['cdn.tailwindcss.com']).")
    tailwind = cache / f"{host['package']}@{host['version']}" / host["path"]
    versions = manifest.get("packages", {}).get("chart.js", {}).get("versions", {})
    fours = sorted((v for v in versions if v.split(".")[0] == "4"), key=lambda v: tuple(map(int, v.split("."))))
    if not fours:
        raise InvalidRequest("The offline cache holds no Chart.js 4.")
    version = fours[-1]
    entry = versions[version]["default"]
    chart = cache / f"chart.js@{version}" / entry
    cdn = DASHBOARD.format(
        tailwind="https://cdn.tailwindcss.com", chart=f"https://cdn.jsdelivr.net/npm/chart.js@{version}/{entry}"
    )
    disk = {
        "index.html": DASHBOARD.format(tailwind="lib/tailwind.js", chart="lib/chart.js"),
        "lib/tailwind.js": tailwind.read_text(encoding="utf-8"),
        "lib/chart.js": chart.read_text(encoding="utf-8"),
    }
    return {"index.html": cdn}, disk


def _first_paint(browser: Any, url: str) -> tuple[float, float, Outcome, Traffic]:
    """One cold load of ``url``: (first contentful paint ms, load event ms), the page's check, its traffic."""
    context, traffic = offline_context(browser, block=False)
    try:
        page, outcome = open_page(context)
        page.goto(url, wait_until="load", timeout=30_000)
        paint = page.evaluate(FIRST_PAINT_JS)
        load = page.evaluate("() => performance.getEntriesByType('navigation')[0].loadEventEnd")
        judge(page, outcome, DASHBOARD_CHECK)
    finally:
        context.close()
    return paint, load, outcome, traffic


def _paint_rows(browser: Any, bus: Any, shell: Any) -> list[Row]:
    try:
        cdn, disk = dashboard_variants(read_manifest())
    except (InvalidRequest, OSError) as exc:
        return _skipped_paint("the offline library cache (tools/rebuild_libraries.py)", str(exc))
    urls = {
        "cache": preview_url(shell, create_project(bus, "Offline dashboard (cache)", cdn)),
        "disk": preview_url(shell, create_project(bus, "Offline dashboard (disk)", disk)),
    }
    paints: dict[str, list[float]] = {"cache": [], "disk": []}
    loads: dict[str, list[float]] = {"cache": [], "disk": []}
    left: list[str] = []
    for run in range(PAINT_RUNS + 1):
        for variant in ("cache", "disk") if run % 2 else ("disk", "cache"):
            paint, load, outcome, traffic = _first_paint(browser, urls[variant])
            left += traffic.answered
            if not outcome.rendered:
                return _skipped_paint(f"a dashboard that renders ({variant} variant)", outcome.describe())
            if run:  # the first round warms the servers and the page cache of the files
                paints[variant].append(paint)
                loads[variant].append(load)
    if left:
        return _skipped_paint("a preview that stays on loopback", f"requests left it: {sorted(set(left))[:4]}")
    note = "median of {n} cold loads (fresh context) in the preview, network off, navigation start to first contentful paint"
    cache_row = Row(
        f"{PREFIX}.first_paint_ms",
        round(statistics.median(paints["cache"]), 1),
        "ms",
        note=f"Tailwind + Chart.js dashboard from CDN addresses answered by the cache; {note.format(n=PAINT_RUNS)}",
        extra={
            "runs_ms": [round(v, 1) for v in paints["cache"]],
            "load_ms": round(statistics.median(loads["cache"]), 1),
        },
    )
    disk_row = Row(
        f"{PREFIX}.first_paint_disk_ms",
        round(statistics.median(paints["disk"]), 1),
        "ms",
        kind="floor",
        note=f"the same dashboard, its library files beside it in the project (no mapping); {note.format(n=PAINT_RUNS)}",
        extra={"runs_ms": [round(v, 1) for v in paints["disk"]], "load_ms": round(statistics.median(loads["disk"]), 1)},
    )
    ratio = versus_floor(
        f"{PREFIX}.first_paint_vs_disk",
        cache_row,
        disk_row,
        None,
        note="what answering CDN addresses from the cache costs over plain files",
    )
    return [cache_row, disk_row, ratio]


PAINT_ROWS = [
    (f"{PREFIX}.first_paint_ms", "ms"),
    (f"{PREFIX}.first_paint_disk_ms", "ms"),
    (f"{PREFIX}.first_paint_vs_disk", "x"),
]
RENDER_ROW = f"{PREFIX}.render_share"


def _skipped_paint(needs: str | list[str], why: str = "") -> list[Row]:
    return [skipped(row_id, unit, needs, note=why) for row_id, unit in PAINT_ROWS]


def _skipped_render(needs: str | list[str], why: str = "") -> Row:
    return skipped(RENDER_ROW, "share", needs, target=0.95, direction=">", note=why)


def render_outcomes(browser: Any, bus: Any, shell: Any, samples: list[Sample]) -> list[Outcome]:
    """Each sample opened in the preview with the network off, in its own context, and judged."""
    outcomes = []
    for sample in samples:
        url = preview_url(shell, create_project(bus, f"Offline sample {sample.name}", sample.files))
        context, traffic = offline_context(browser)
        try:
            outcome = check_page(context, url, sample)
        finally:
            context.close()
        if outcome.rendered and traffic.answered:
            outcome.rendered, outcome.why = False, f"requests left loopback: {traffic.answered[:4]}"
        outcomes.append(outcome)
    return outcomes


def _render_row(browser: Any, bus: Any, shell: Any) -> Row:
    samples = [s for s in load_samples() if s.offline]
    if not samples:
        return _skipped_render("tests/offline_apps (a source checkout)", f"no offline samples in {SAMPLES}")
    outcomes = render_outcomes(browser, bus, shell, samples)
    failed = [o for o in outcomes if not o.rendered]
    return Row(
        RENDER_ROW,
        round((len(outcomes) - len(failed)) / len(outcomes), 3),
        "share",
        target=0.95,
        direction=">",
        note=f"{len(outcomes) - len(failed)} of {len(outcomes)} offline samples render with the network off "
        "(expectation true, canvas inked, nothing missing)",
        extra={"failed": {o.name: o.why for o in failed}},
    )


def _cache_row() -> Row:
    row_id = f"{PREFIX}.cache_mb"
    if not MANIFEST.is_file() or not CACHE.is_dir():
        return skipped(row_id, "MB", "the offline library cache (tools/rebuild_libraries.py)", target=40)
    allocated, content, files = cache_size()
    return Row(
        row_id,
        round(allocated / 2**20, 2),
        "MB",
        target=40,
        note=f"shell/libraries/cache as du counts it (allocated blocks); {files:,} files, "
        f"{content / 2**20:.2f} MB of content",
        extra={"content_mb": round(content / 2**20, 2), "files": files},
    )


def run(workdir: str) -> list[Row]:
    rows = [_cache_row()]
    absent = browser_missing()
    if absent:
        return rows + _skipped_paint(absent) + [_skipped_render(absent)]
    from playwright.sync_api import sync_playwright

    from vibing.bench.app import BenchApp

    app = BenchApp(Path(workdir) / "preview-offline")
    try:
        with in_process_shell(app.home, app.bus_file) as shell, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                rows += _paint_rows(browser, app.bus, shell)
                rows.append(_render_row(browser, app.bus, shell))
            finally:
                browser.close()
    finally:
        app.stop()
    return rows
