"""The chat and the editor measured in a real Chromium page (issue 18's Measure), for :mod:`vibing.bench.shell`.

Each run gets a fresh project and a fresh page, so one run's DOM, observers and timers never weigh on the next.

- *Long tasks while an answer streams*: a ``longtask`` PerformanceObserver (Chromium reports only main-thread tasks
  of 50 ms or more, so the figures are their count and the longest), idle and under CPU load (:func:`cpu_load`, a
  busy process per core for the length of the stream, as a build or a second app would). Those are wall-clock
  times: on a shared machine a task of 10 ms of work that waits 300 ms for a core counts as a 310 ms task. So the
  same stream is also run traced (Chromium's DevTools timeline: every task of the page's main thread, with its wall
  and its thread CPU time), and the tasks that *worked* 50 ms or more are counted apart
  (:func:`cpu_long_tasks`): that count is the page's own, whatever else the machine runs. The two are separate
  runs (``trace=``): tracing costs the page and Chromium's other processes enough to change the wall-clock figures
  it would sit beside (measured: 13 long tasks, the longest 75 ms, in a traced idle run; 1 of 51 ms untraced).
- *Render cost per token*: the time the chat spends rendering (``window.__vibing.renderStats``, which chat.js
  fills around each of its renders: the StreamRenderer updates and the scroll that lays the message out) divided
  by the tokens streamed. Rendering is incremental when that stays flat as the answer grows from 1k to 50k tokens.
  Samples of that time against the streamed length also give the cost per token early and late in one answer.
- *Opening a long file*: a click on the file in the tree to the next frame painted with the file in CodeMirror.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

#: Characters per token in the streamed answers (the fake server's ``piece``).
PIECE = 4
#: Milliseconds between tokens as the fake server writes them (about a fast model's pace, 1,000 tokens a second).
DELAY_MS = 1
#: Files opened in the editor, one click each (each file once: a file opened before keeps its editor state).
EDITOR_FILES = 7
EDITOR_LINES = 5000

# Set up in the page before the stream starts: long tasks, animation frames, every 250 ms the render time spent so
# far beside the streamed text's length, and the long animation frames (LoAF: Chromium's attribution of a frame of
# 50 ms or more to the scripts that ran in it, and to style and layout), to tell our slow code from a busy machine.
_INSTRUMENT = """() => {
    window.__long = []; window.__frames = 0; window.__samples = []; window.__loaf = [];
    window.__vibing.renderStats = { frames: 0, maxMs: 0, totalMs: 0 };
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
        .observe({ type: 'longtask', buffered: false });
    try {
        new PerformanceObserver((l) => {
            for (const e of l.getEntries()) window.__loaf.push({
                ms: Math.round(e.duration), blocking_ms: Math.round(e.blockingDuration),
                style_layout_ms: e.styleAndLayoutStart ? Math.round(e.startTime + e.duration - e.styleAndLayoutStart) : 0,
                scripts: e.scripts.map((s) => [s.invoker, s.sourceFunctionName, s.sourceURL.split('/').pop(),
                                               Math.round(s.duration), Math.round(s.forcedStyleAndLayoutDuration)]),
            });
        }).observe({ type: 'long-animation-frame', buffered: false });
    } catch (e) { /* a Chromium before 123: no attribution */ }
    const tick = () => { window.__frames++; requestAnimationFrame(tick); }; requestAnimationFrame(tick);
    window.__changed = performance.now();
    new MutationObserver(() => { window.__changed = performance.now(); })
        .observe(document.querySelector('#messages'), { childList: true, subtree: true, characterData: true });
    window.__sampler = setInterval(() => {
        let chars = 0; for (const s of window.__vibing.streams.values()) chars += s.text.length;
        window.__samples.push([window.__vibing.renderStats.totalMs, chars]);
    }, 250);
}"""

# The stop button shows while the page has an answer streaming. Polled every 100 ms rather than by Playwright's
# selector waits, which query the page on every animation frame (main-thread work the figures would count).
_STREAMING = "() => !document.querySelector('#stop-btn').classList.contains('hidden')"
_STREAMED = "() => document.querySelector('#stop-btn').classList.contains('hidden')"
# The end of a stream is not the end of its work: storage's "messages" change reloads the project (after a debounce
# and a round trip) and the chat may redraw the finished answer. The run lasts until the conversation has not
# changed for 2 s, so that work is measured with the rest.
SETTLED_MS = 2000
_SETTLED = f"() => performance.now() - window.__changed > {SETTLED_MS}"

# A click on a file in the tree, to the next frame painted after it (a task queued from the frame's rAF callback
# runs once that frame is produced); then the length of what the editor holds, to check it is the whole file.
_OPEN_FILE = """async (path) => {
    const item = document.querySelector(`#file-tree [role=treeitem][data-path="${path}"]`)
        || document.querySelector(`[role=treeitem][data-path="${path}"]`);
    const t0 = performance.now();
    item.click();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const ms = performance.now() - t0;
    const view = window.__vibingEditor.view;
    return [ms, view ? view.state.doc.length : 0];
}"""


@dataclass
class StreamRun:
    """What one answer streamed into the chat cost the page."""

    tokens: int
    #: From the request to the stop button hiding, and the frames drawn meanwhile.
    seconds: float
    long_tasks: list[float]
    frames: int
    render: dict
    samples: list[list[float]]
    #: The longest animation frames of 50 ms or more, with the scripts Chromium attributes them to.
    frames_over_50ms: list[dict]
    #: The machine's 1-minute load average when the stream started and when it ended.
    load: tuple[float, float]
    #: The page's main-thread tasks of 50 ms or more of thread CPU time, as (CPU ms, wall ms), longest first;
    #: None when the run was not traced.
    cpu_long: list[tuple[float, float]] | None
    #: The most thread CPU time any one of its main-thread tasks took (None: not traced).
    cpu_longest: float | None

    @property
    def longest(self) -> float:
        return max(self.long_tasks, default=0.0)

    @property
    def ms_per_1k_tokens(self) -> float:
        return self.render["totalMs"] / self.tokens * 1000


#: The trace category and event of a main-thread task as DevTools shows it ("Task"): the task with the microtasks
#: run after it (the ``toplevel`` category's ThreadControllerImpl::RunTask leaves those out, so a fetch reply's
#: promise callbacks, the project reload that redraws a finished answer, would not count).
TRACE_CATEGORY = "disabled-by-default-devtools.timeline"
TASK_EVENT = "RunTask"


def cpu_long_tasks(trace: dict, threshold_ms: float = 50.0) -> tuple[list[tuple[float, float]], float]:
    """From a Chromium trace (:data:`TRACE_CATEGORY`): the main-thread tasks of the busiest renderer that took
    ``threshold_ms`` or more of thread CPU time, as (CPU ms, wall ms) longest first, and the longest CPU time.

    A task event inside another one on the same thread is part of it, not a task of its own."""
    events = trace.get("traceEvents", [])
    mains = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("ph") == "M" and e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"
    }
    spans: dict[tuple[int, int], list[tuple[float, float, float]]] = {}
    for e in events:
        if e.get("ph") == "X" and e.get("name") == TASK_EVENT and (e["pid"], e["tid"]) in mains:
            spans.setdefault((e["pid"], e["tid"]), []).append((e["ts"], e["dur"], e.get("tdur", 0)))
    if not spans:
        raise RuntimeError("the Chromium trace holds no task of a page's main thread (CrRendererMain RunTask)")
    tasks: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for thread, found in spans.items():
        end = float("-inf")
        for ts, dur, tdur in sorted(found, key=lambda s: (s[0], -s[1])):
            if ts >= end:  # not inside the task before
                tasks.setdefault(thread, []).append((tdur / 1000, dur / 1000))
                end = ts + dur
    page = max(tasks.values(), key=lambda ts: sum(cpu for cpu, _ in ts))  # the page, not an idle iframe's renderer
    long = sorted((t for t in page if t[0] >= threshold_ms), reverse=True)
    return [(round(cpu, 1), round(wall, 1)) for cpu, wall in long], round(max(cpu for cpu, _ in page), 1)


def long_file(lines: int = EDITOR_LINES, seed: int = 0) -> str:
    """A JavaScript file of ``lines`` lines, of the shapes a generated app has (functions, objects, strings)."""
    out: list[str] = []
    n = seed * 100_000
    while len(out) < lines:
        n += 1
        out += [
            f"// Section {n}: the state and the handlers of panel {n}.",
            f"export function panel{n}(state, items = []) {{",
            f"  const total = items.reduce((sum, item) => sum + (item.count ?? 0), {n});",
            f'  const label = `Panel {n}: ${{total}} items, "{n % 7}" selected`;',
            f"  if (total > {n * 3}) {{ state.errors.push({{ panel: {n}, reason: 'too many' }}); }}",
            f"  return {{ ...state, label, total, updated: Date.now() + {n} }};",
            "}",
            "",
        ]
    return "\n".join(out[:lines]) + "\n"


def cost_early_late(samples: list[list[float]], share: float = 0.2) -> tuple[float, float] | None:
    """Render ms per 1k characters over the first and the last ``share`` of the streamed text, from
    ``[render ms so far, characters so far]`` samples; None when the samples are too few to tell."""
    points = [(ms, chars) for ms, chars in samples if chars > 0]
    if len(points) < 10:
        return None
    total = points[-1][1]

    def rate(lo: float, hi: float) -> float | None:
        inside = [p for p in points if lo <= p[1] <= hi]
        if len(inside) < 2 or inside[-1][1] == inside[0][1]:
            return None
        return (inside[-1][0] - inside[0][0]) / (inside[-1][1] - inside[0][1]) * 1000

    early, late = rate(0, total * share), rate(total * (1 - share), total)
    return None if early is None or late is None else (early, late)


@contextmanager
def cpu_load(processes: int | None = None) -> Iterator[list[int]]:
    """A busy Python loop per core (or ``processes``) for the time of the block, ended by their own pids."""
    procs = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"], stdin=subprocess.DEVNULL)
        for _ in range(processes or os.cpu_count() or 1)
    ]
    try:
        yield [p.pid for p in procs]
    finally:
        for p in procs:
            p.send_signal(signal.SIGKILL)
        for p in procs:
            p.wait(10)


def stream_into_chat(
    browser, app, ui: str, answer: str, tokens: int, label: str, *, load: bool = False, trace: bool = False
) -> StreamRun:
    """Send a prompt in a new project's chat that the fake server answers with ``answer`` (``tokens`` tokens), and
    measure the page from Enter until the conversation is still again (the generation's files applied, the
    project reloaded). With ``trace``, the page is traced too and the run's CPU figures are filled in; tracing
    weighs on the wall-clock figures of the same run, so take those from an untraced run."""
    from vibing.schema.storage import CreateProject

    pid = app.bus.request("storage", CreateProject(name=label)).project.id
    page = browser.new_page(viewport={"width": 1400, "height": 880})
    try:
        page.goto(ui.split("#")[0] + f"#/p/{pid}")
        page.wait_for_selector("body[data-ready='1']")
        page.wait_for_selector(f"#project-name:has-text('{label}')")
        page.evaluate(_INSTRUMENT)
        if trace:
            browser.start_tracing(page=page, categories=[TRACE_CATEGORY])
        page.fill("#prompt", f"A bench answer [[scenario:slow delay_ms={DELAY_MS} answer={answer} piece={PIECE}]]")
        page.focus("#prompt")
        with cpu_load() if load else _nothing():
            t0, load_before = time.perf_counter(), os.getloadavg()[0]
            page.keyboard.press("Enter")  # Generate, as a person sends a prompt: files applied, project reloaded
            page.wait_for_function(_STREAMING, polling=100, timeout=30_000)
            page.wait_for_function(_STREAMED, polling=100, timeout=300_000)
            seconds, frames = time.perf_counter() - t0, page.evaluate("() => window.__frames")
            page.wait_for_function(_SETTLED, polling=250, timeout=60_000)
            load_after = os.getloadavg()[0]
        long_tasks, render, samples, loaf = page.evaluate(
            "() => { clearInterval(window.__sampler); return [window.__long, "
            "window.__vibing.renderStats, window.__samples, window.__loaf]; }"
        )
        cpu_long, cpu_longest = cpu_long_tasks(json.loads(browser.stop_tracing())) if trace else (None, None)
    finally:
        page.close()
    longest_frames = sorted(loaf, key=lambda f: -f["ms"])[:5]
    return StreamRun(
        tokens,
        seconds,
        long_tasks,
        frames,
        render,
        samples,
        longest_frames,
        (round(load_before, 2), round(load_after, 2)),
        cpu_long,
        cpu_longest,
    )


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


def open_long_files(browser, app, ui: str) -> tuple[list[float], list[bool]]:
    """Open :data:`EDITOR_FILES` files of :data:`EDITOR_LINES` lines, one click each: the times, and for each
    whether the editor then held the whole file."""
    from vibing.schema.storage import ApplyFiles, CreateProject, FileWrite

    pid = app.bus.request("storage", CreateProject(name="Bench editor")).project.id
    paths = [f"long{i}.js" for i in range(1, EDITOR_FILES + 1)]
    files = [FileWrite(path=p, content=long_file(seed=i)) for i, p in enumerate(paths)]
    app.bus.request("storage", ApplyFiles(project_id=pid, message_id="", files=files, label="bench"))
    page = browser.new_page(viewport={"width": 1400, "height": 880})
    times, whole = [], []
    try:
        page.goto(ui.split("#")[0] + f"#/p/{pid}")
        page.wait_for_selector("body[data-ready='1']")
        page.wait_for_selector(f"[role=treeitem][data-path='{paths[-1]}']", state="attached")
        for file in files:
            ms, length = page.evaluate(_OPEN_FILE, file.path)
            times.append(ms)
            whole.append(length == len(file.content))
    finally:
        page.close()
    return times, whole


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


# -- issue 20's measure: a phone's photo pasted into the chat, to its chip

#: Issue 20's rows (bench/shell.py adds them after the UI rows, and skips them with them).
POINT_AND_SHOW_ROWS = (("shell.ui_photo_to_chip_ms", "ms"), ("shell.ui_picker_outline_p95_ms", "ms"))
PHOTO_RUNS = 5

#: A 12-megapixel JPEG made in the page (noise over gradients, so it is photo-sized: a few MB), then pasted; the
#: time from the paste to the chip in the page (its thumbnail drawn from the decoded photo), and to the image ready to
#: send (downscaled and encoded). Also run by tests/test_ui_images.py.
PHOTO_TO_CHIP = """async () => {
    // made once per page and kept (as the person's photo exists before the paste), so the measure holds none of it
    if (!window.__benchPhoto) {
        const c = new OffscreenCanvas(4000, 3000), g = c.getContext('2d');
        const grad = g.createLinearGradient(0, 0, 4000, 3000);
        grad.addColorStop(0, '#3a6'); grad.addColorStop(0.5, '#d84'); grad.addColorStop(1, '#248');
        g.fillStyle = grad; g.fillRect(0, 0, 4000, 3000);
        const noise = g.createImageData(400, 300);
        for (let i = 0; i < noise.data.length; i++) noise.data[i] = (i % 4 === 3) ? 60 : Math.random() * 255;
        for (let y = 0; y < 3000; y += 300) for (let x = 0; x < 4000; x += 400) g.putImageData(noise, x, y);
        window.__benchPhoto = await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    }
    const blob = window.__benchPhoto;
    const file = new File([blob], 'photo.jpg', { type: 'image/jpeg' });
    const list = document.querySelector('#image-chips');
    const before = list ? list.children.length : 0;
    const dt = new DataTransfer();
    dt.items.add(file);
    const seen = new Promise((done) => {
        const check = () => { const l = document.querySelector('#image-chips'); return l && l.children.length > before; };
        const obs = new MutationObserver(() => { if (check()) { obs.disconnect(); done(performance.now()); } });
        obs.observe(document.querySelector('#composer'), { childList: true, subtree: true });
    });
    const t0 = performance.now();
    document.querySelector('#prompt').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    const shown = (await seen) - t0;
    await (await import('/ui/images.js')).imagesSettled();
    return [shown, performance.now() - t0];
}"""


def photo_to_chip(browser, app, ui: str) -> list[tuple[float, float]]:
    """:data:`PHOTO_TO_CHIP` :data:`PHOTO_RUNS` times (after one to warm up) in a project's chat: for each, the ms
    from the paste to the chip shown and to the image ready to send (decoded, downscaled, encoded)."""
    from vibing.schema.storage import CreateProject

    pid = app.bus.request("storage", CreateProject(name="Bench photo")).project.id
    page = browser.new_page(viewport={"width": 1400, "height": 880})
    runs = []
    try:
        page.goto(ui.split("#")[0] + f"#/p/{pid}")
        page.wait_for_selector("#project-name:has-text('Bench photo')")
        for i in range(PHOTO_RUNS + 1):
            shown, ready = page.evaluate(PHOTO_TO_CHIP)
            page.evaluate("async () => (await import('/ui/images.js')).clearImages()")
            if i:
                runs.append((shown, ready))
    finally:
        page.close()
    return runs


def photo_rows(runs: list[tuple[float, float]]) -> list:
    """The photo's row of :data:`POINT_AND_SHOW_ROWS` from :func:`photo_to_chip`'s runs."""
    from vibing.bench import Row

    shown, ready = [r[0] for r in runs], [r[1] for r in runs]
    return [
        Row(
            "shell.ui_photo_to_chip_ms",
            round(median(shown), 1),
            "ms",
            target=300.0,
            note=f"a 12-megapixel JPEG photo (4000×3000) pasted into the chat to its thumbnail chip, decoded upright "
            f"in the page; downscaled to 1568 px and encoded, ready to send, in {median(ready):.0f} ms; "
            f"median of {len(runs)}",
            extra={"shown_ms": [round(v, 1) for v in shown], "ready_ms": [round(v, 1) for v in ready]},
        )
    ]


# -- issue 20's other measure: the picker's outline following the pointer on a big page

OUTLINE_MOVES = 500
#: A page of 2,001 elements (1,000 cells of two elements each, in one <main>).
BIG_PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"></head><body><main id="grid">'
    + "".join(f'<div class="cell c{i % 7}"><span>{i}</span></div>' for i in range(1000))
    + "</main></body></html>"
)
#: Run inside the preview while picking: for each of 500 elements spread over the page, the ms from a pointermove
#: on it to the outline laid out around it (the reading of the outline's box forces that layout); null if the
#: outline was not where the element is (then the figure would mean nothing).
PICKER_OUTLINE = """(moves) => {
    const all = [...document.querySelectorAll('body *')];
    const box = document.querySelector('vibing-picker').shadowRoot.firstChild;
    const out = [];
    for (let i = 0; i < moves; i++) {
        const el = all[(i * 7919) % all.length], r = el.getBoundingClientRect();
        const t0 = performance.now();
        el.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: r.left + 1, clientY: r.top + 1 }));
        const b = box.getBoundingClientRect();
        out.push(performance.now() - t0);
        if (Math.abs(b.width - r.width) > 0.5 || Math.abs(b.top - r.top) > 0.5) return null;
    }
    return out;
}"""


def start_picking_in(page, timeout_ms: float = 15_000):
    """Press Pick in the project's preview toolbar; the preview's frame once its picker is armed."""
    page.click("#preview-pick")
    page.frame_locator("#preview").locator("vibing-picker").wait_for(state="attached", timeout=timeout_ms)
    return next(f for f in page.frames if f.parent_frame is page.main_frame)


def picker_outline(browser, app, ui: str) -> list[float]:
    """:data:`PICKER_OUTLINE` on :data:`BIG_PAGE` in a project's preview: the ms of each move."""
    from vibing.schema.storage import CreateProject, FileWrite

    made = CreateProject(name="Bench picker", files=[FileWrite(path="index.html", content=BIG_PAGE)])
    pid = app.bus.request("storage", made).project.id
    page = browser.new_page(viewport={"width": 1400, "height": 880})
    try:
        page.goto(ui.split("#")[0] + f"#/p/{pid}")
        page.wait_for_function(
            "() => document.querySelector('#preview').dataset.loaded === String(window.__vibing.previewVersion)"
        )
        frame = start_picking_in(page)
        frame.evaluate(PICKER_OUTLINE, 20)  # warm up: the first moves compile the picker's code
        times = frame.evaluate(PICKER_OUTLINE, OUTLINE_MOVES)
    finally:
        page.close()
    if times is None:  # a time to an outline somewhere else would measure nothing
        raise RuntimeError("the picker's outline did not follow the pointer onto the element it was over")
    return times


def outline_rows(times: list[float]) -> list:
    """The picker's row of :data:`POINT_AND_SHOW_ROWS`: the p95 of the moves, under one frame (16 ms)."""
    from vibing.bench import Row

    ordered = sorted(times)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return [
        Row(
            "shell.ui_picker_outline_p95_ms",
            round(p95, 2),
            "ms",
            target=16.0,
            note=f"picking in the preview, a page of 2,001 elements: pointermove to the outline laid out around the "
            f"element, p95 of {len(ordered)} moves (p50 {ordered[len(ordered) // 2]:.2f} ms), inside the preview",
        )
    ]
