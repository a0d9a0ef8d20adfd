"""The window and the UI: first paint, memory, token latency through the bridge, UI stalls.

- ``shell.window_first_paint_ms``: ``vibing run`` (with the window, under a private Xvfb) to the
  page reporting its first useful paint (the projects screen rendered from the storage service).
- ``shell.window_memory_mb``: PSS of the shell process (Python: bridge, servers); the web engine's
  processes are reported apart (``shell.webengine_memory_mb``), as platform-notes asks.
- ``shell.bridge_token_latency_p50/p99_ms``: upstream byte written by the local Anthropic-protocol
  server to the token's Server-Sent Event read from ``vibing web`` (bus + bridge + HTTP).
- ``shell.ui_long_tasks`` and ``shell.ui_longest_task_ms`` (and ``..._load``, with a busy process per core):
  the main-thread tasks of 50 ms or more in Chromium (PerformanceObserver ``longtask``) while the chat renders a
  20,000-token answer live, their count and the longest (0 when none); ``shell.ui_long_tasks_cpu`` and
  ``shell.ui_longest_task_cpu_ms`` (and ``..._load``) count thread CPU time instead of wall time (a Chromium trace
  of the same stream, in a run of its own: tracing slows the page and the browser enough to change the wall-clock
  figures), so that a shared machine's waits for a core do not count as the page's work.
- ``shell.ui_render_ms_per_1k_tokens_{1,10,50}k`` and ``shell.ui_render_cost_50k_vs_1k``: the chat's render
  time per token for answers of 1k, 10k and 50k tokens, flat when rendering is incremental.
- ``shell.editor_open_5000_lines_ms``: a click on a 5,000-line file in the tree to it painted in CodeMirror.

The page-side measuring is in :mod:`vibing.bench.ui`.
"""

from __future__ import annotations

import functools
import http.client
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from vibing.bench import Row, missing, skipped, versus_floor
from vibing.bench import ui as ui_bench
from vibing.bench.app import BenchApp, memory_mb, percentile, process_tree, read_line

PREFIX = "shell."
ROOT = Path(__file__).resolve().parent.parent
KEY = "sk-ant-bench-000000000000000000000000"
LATENCY_TOKENS = 2000
#: The answer streamed into the chat for the long-task rows (issue 18: 20,000 tokens).
UI_TOKENS = 20_000
#: The answer lengths whose render cost per token must stay flat, and the most the longest may cost per token
#: over the shortest.
GROWTH = (1000, 10_000, 50_000)
GROWTH_TARGET = 1.5
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIBING_")}
    env.update(VIBING_HOME=str(home), PYTHONUNBUFFERED="1", **extra)
    return env


def _children(pid: int) -> list[int]:
    return process_tree(pid)[1:]


_FAKE_WITH_ANSWER = """
import json, sys, threading, signal
sys.path.insert(0, sys.argv[1])
from tests.fakes import FakeAnthropic
server = FakeAnthropic().start()
server.answers.update(json.loads(sys.stdin.read()))
print("fake-anthropic: " + server.url, flush=True)
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
stop.wait()
server.stop()
"""


def realistic_answer(tokens: int = UI_TOKENS, piece: int = 4) -> str:
    """A generation-shaped answer (prose, lists, file blocks) of ``tokens`` tokens of ``piece`` characters."""
    parts, n = [], 0
    while sum(len(p) for p in parts) < tokens * piece:
        n += 1
        code = "\n".join(f"  const value{i} = compute({i}, state.items[{i}] ?? 'none'); // step {i}" for i in range(24))
        parts.append(
            f"## Part {n}\n\nThis part adds **feature {n}**: a panel with a list, a counter and a `reset` button. "
            f"It keeps the state in one object and re-renders only what changed.\n\n"
            f"- the list shows the items\n- the counter updates\n- reset clears everything\n\n"
            f"```js part{n}.js\nexport function part{n}(state) {{\n{code}\n  return state;\n}}\n```\n\n"
        )
    return "".join(parts)[: tokens * piece]


def _start_fake_with_answers(answers: dict[str, str]) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", _FAKE_WITH_ANSWER, str(ROOT)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    proc.stdin.write(json.dumps(answers))
    proc.stdin.close()
    line = proc.stdout.readline().strip()
    if not line.startswith("fake-anthropic: "):
        proc.kill()
        raise RuntimeError(f"the fake server did not start: {line!r}")
    return proc, line.split(": ", 1)[1]


#: The rows of the desktop window (first paint, memory), skipped together when it cannot be opened here.
WINDOW_ROWS = (
    ("shell.window_first_paint_ms", "ms"),
    ("shell.window_memory_mb", "MB"),
    ("shell.webengine_memory_mb", "MB"),
)
#: The rows read in a real browser page; skipped without Chromium or Playwright.
UI_ROWS = (
    ("shell.ui_longest_render_ms", "ms"),
    ("shell.enter_to_first_token_ms", "ms"),
    ("shell.ui_long_tasks", "tasks"),
    ("shell.ui_longest_task_ms", "ms"),
    ("shell.ui_long_tasks_cpu", "tasks"),
    ("shell.ui_longest_task_cpu_ms", "ms"),
    ("shell.ui_long_tasks_load", "tasks"),
    ("shell.ui_longest_task_load_ms", "ms"),
    ("shell.ui_long_tasks_cpu_load", "tasks"),
    ("shell.ui_longest_task_cpu_load_ms", "ms"),
    *((f"shell.ui_render_ms_per_1k_tokens_{n // 1000}k", "ms") for n in GROWTH),
    ("shell.ui_render_cost_50k_vs_1k", "x"),
    ("shell.editor_open_5000_lines_ms", "ms"),
)
#: The rows that stream through `vibing web` from the fake Anthropic server.
BRIDGE_ROWS = (("shell.bridge_token_latency_p50_ms", "ms"), ("shell.bridge_token_latency_p99_ms", "ms"))


def _window_rows(workdir: Path) -> list[Row]:
    absent = missing("Xvfb", "webview", "PySide6.QtWebEngineWidgets")
    if absent:
        return [skipped(row_id, unit, absent) for row_id, unit in WINDOW_ROWS]
    number = next(n for n in range(150, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    xvfb = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    home = workdir / "shell-window-home"
    runs, shell_pss, engine_pss = [], 0.0, 0.0
    try:
        for attempt in range(2):
            t0 = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-m", "vibing", "run"],
                cwd=workdir,
                env=_env(home, DISPLAY=f":{number}", QTWEBENGINE_DISABLE_SANDBOX="1"),
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            try:
                read_line(proc, "vibing: window ready", 90)
                runs.append((time.perf_counter() - t0) * 1000)
                read_line(proc, "vibing: ready", 30)
                if attempt == 1:
                    shell = [
                        p for p in _children(proc.pid) if b"-m\0vibing.shell" in Path(f"/proc/{p}/cmdline").read_bytes()
                    ]
                    if shell:
                        shell_pss = memory_mb(shell[0])[0]
                        engine_pss = sum(memory_mb(p)[0] for p in _children(shell[0]))
            finally:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    note = "launch of `vibing run` to the window's first useful paint (projects listed), best of 2, Xvfb, 2 cores"
    return [
        Row(
            "shell.window_first_paint_ms",
            round(min(runs), 1),
            "ms",
            plan=1000,
            webapp=2500,
            note=note,
            extra={"runs_ms": [round(r, 1) for r in runs]},
        ),
        Row("shell.window_memory_mb", round(shell_pss, 1), "MB", note="PSS of the shell process (bridge, servers, Qt)"),
        Row(
            "shell.webengine_memory_mb",
            round(engine_pss, 1),
            "MB",
            note="PSS of the QtWebEngine processes under the window, reported apart from the backend",
        ),
    ]


def _bridge_rows(workdir: Path, url: str) -> list[Row]:
    from vibing.schema.stream import ChatTurn, StartStream

    app = BenchApp(
        workdir / "shell-bridge-home", ANTHROPIC_BASE_URL=url, ANTHROPIC_API_KEY=KEY, VIBING_RATE_LIMIT_PER_MIN="100000"
    )
    web = subprocess.Popen(
        [sys.executable, "-m", "vibing", "web", "--print-url"],  # the token address, reused by each page
        cwd=app.home,
        env=app.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    rows: list[Row] = []
    try:
        line = read_line(web, "Vibing is served at", 30)
        ui = line.split(" at ", 1)[1].strip()
        port = int(ui.split(":")[2].split("/")[0])
        token = ui.split("token=", 1)[1]
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", f"/events?token={token}")
        res = conn.getresponse()
        res.fp.readline(), res.fp.readline(), res.fp.readline()
        app.bus.request(
            "stream",
            StartStream(
                messages=[ChatTurn(role="user", content=f"[[scenario:timed tokens={LATENCY_TOKENS} delay_ms=1]]")],
                stream_id="bench-bridge",
                max_tokens=64000,
                persist=False,
            ),
        )
        lat: list[float] = []
        while True:
            raw = res.fp.readline()
            if not raw:
                break
            if not raw.startswith(b"data: "):
                continue
            arrived = time.monotonic_ns()
            event = json.loads(raw[6:])
            if event.get("type") == "TokenDelta" and event.get("stream_id") == "bench-bridge":
                lat.extend((arrived - int(s)) / 1e6 for s in event["text"].split("|") if s)
            elif event.get("type") in ("StreamDone", "StreamFailed") and event.get("stream_id") == "bench-bridge":
                break
        conn.close()
        lat = lat[50:]
        note = "server write to the token's SSE line read from `vibing web` (bus, bridge, HTTP), 1 token per ms"
        rows += [
            Row(
                "shell.bridge_token_latency_p50_ms",
                round(percentile(lat, 50), 3),
                "ms",
                target=1.0,
                plan=100,
                webapp=200,
                note=note,
            ),
            Row(
                "shell.bridge_token_latency_p99_ms",
                round(percentile(lat, 99), 3),
                "ms",
                target=1.0,
                plan=100,
                webapp=200,
                note=note,
                extra={"tokens": len(lat)},
            ),
        ]
        rows += _ui_rows(app, ui)
    finally:
        web.terminate()
        web.wait(10)
        app.stop()
    return rows


def _ui_rows(app: BenchApp, ui: str) -> list[Row]:
    absent = (["chromium"] if not Path(CHROMIUM).exists() else []) + missing("playwright")
    if absent:
        return [skipped(row_id, unit, absent) for row_id, unit in UI_ROWS + ui_bench.POINT_AND_SHOW_ROWS]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            stream = functools.partial(ui_bench.stream_into_chat, browser, app, ui)
            # the wall-clock rows from untraced runs, the CPU rows from traced ones (tracing weighs on the former)
            idle = stream("ui", UI_TOKENS, "Bench stream")
            idle_cpu = stream("ui", UI_TOKENS, "Bench stream traced", trace=True)
            loaded = stream("ui", UI_TOKENS, "Bench stream load", load=True)
            loaded_cpu = stream("ui", UI_TOKENS, "Bench stream load traced", load=True, trace=True)
            sizes = {n: stream(f"ui{n}", n, f"Bench {n} tokens") for n in GROWTH}
            open_ms, open_whole = ui_bench.open_long_files(browser, app, ui)
            first_token = _enter_to_first_token(browser, ui, app)
            photo = ui_bench.photo_to_chip(browser, app, ui)
            outline = ui_bench.picker_outline(browser, app, ui)
        finally:
            browser.close()
    return (
        ui_figures(idle, idle_cpu, loaded, loaded_cpu, sizes, open_ms, open_whole, first_token)
        + ui_bench.photo_rows(photo)
        + ui_bench.outline_rows(outline)
    )


def ui_figures(
    idle: ui_bench.StreamRun,
    idle_cpu: ui_bench.StreamRun,
    loaded: ui_bench.StreamRun,
    loaded_cpu: ui_bench.StreamRun,
    sizes: dict[int, ui_bench.StreamRun],
    open_ms: list[float],
    open_whole: list[bool],
    first_token: list[float],
) -> list[Row]:
    """The rows of :data:`UI_ROWS` from what the page measured (apart, so their shape is tested without a browser).

    The wall-clock rows come from the untraced runs (``idle``, ``loaded``), the CPU rows from the traced runs of
    the same stream (``idle_cpu``, ``loaded_cpu``)."""
    for run in (idle_cpu, loaded_cpu):
        if run.cpu_long is None or run.cpu_longest is None:
            raise RuntimeError("the CPU rows need a traced run (stream_into_chat(..., trace=True))")
    render = idle.render
    rows = [
        Row(
            "shell.ui_longest_render_ms",
            round(render["maxMs"], 1),
            "ms",
            target=16.7,
            note=f"longest frame of our own token rendering (Markdown, sanitising, highlighting, the scroll's layout) "
            f"during the {UI_TOKENS:,}-token stream; {render['frames']} renders, {render['totalMs']:.0f} ms in all",
            extra={k: round(v, 2) for k, v in render.items()},
        )
    ]
    if first_token:
        rows.append(
            Row(
                "shell.enter_to_first_token_ms",
                round(percentile(first_token, 50), 1),
                "ms",
                plan=1000,
                note="Enter in the chat to the first token painted (Generate: agent auto-selection, storage, "
                "the local server answering at once), median of 5",
                extra={"runs_ms": [round(v, 1) for v in first_token]},
            )
        )
    how_loaded = f"under load ({os.cpu_count()} busy processes)"
    for run, traced, suffix, how in ((idle, idle_cpu, "", "idle"), (loaded, loaded_cpu, "_load", how_loaded)):
        what = f"while a {UI_TOKENS:,}-token answer (prose and file blocks, 1 token/ms) streams into the chat, {how}"
        facts = {"frames": run.frames, "seconds": round(run.seconds, 2), "tokens": run.tokens, "load_avg": run.load}
        traced_facts = {
            "frames": traced.frames,
            "seconds": round(traced.seconds, 2),
            "tokens": traced.tokens,
            "load_avg": traced.load,
            "wall_long_tasks_while_traced": len(traced.long_tasks),
        }
        rows += [
            Row(
                f"shell.ui_long_tasks{suffix}",
                float(len(run.long_tasks)),
                "tasks",
                target=1.0,
                note=f"main-thread tasks of 50 ms or more (PerformanceObserver longtask) {what}, untraced; target none",
                extra={
                    **facts,
                    "durations_ms": [round(d, 1) for d in sorted(run.long_tasks, reverse=True)[:20]],
                    "longest_frames": run.frames_over_50ms,
                },
            ),
            Row(
                f"shell.ui_longest_task{suffix}_ms",
                round(run.longest, 1),
                "ms",
                target=50.0,
                note=f"longest main-thread task {what}, untraced (0: none reached 50 ms); "
                f"{run.frames} frames in {run.seconds:.1f} s",
                extra=facts,
            ),
            Row(
                f"shell.ui_long_tasks_cpu{suffix}",
                float(len(traced.cpu_long)),
                "tasks",
                target=1.0,
                note=f"main-thread tasks that worked 50 ms or more (thread CPU time, Chromium trace) {what}: the "
                "page's own long tasks, whatever else the machine runs; from a traced run of its own (not the "
                "run of the wall-clock rows); target none",
                extra={**traced_facts, "cpu_and_wall_ms": traced.cpu_long[:20]},
            ),
            Row(
                f"shell.ui_longest_task_cpu{suffix}_ms",
                traced.cpu_longest,
                "ms",
                target=50.0,
                note=f"the most thread CPU time one main-thread task took {what}, in a traced run of its own",
                extra=traced_facts,
            ),
        ]
    per_token = {}
    for n, run in sizes.items():
        early_late = ui_bench.cost_early_late(run.samples)
        per_token[n] = Row(
            f"shell.ui_render_ms_per_1k_tokens_{n // 1000}k",
            round(run.ms_per_1k_tokens, 2),
            "ms",
            note=f"the chat's render time per 1,000 tokens of a {n:,}-token answer streamed at 1 token/ms "
            f"({run.render['totalMs']:.0f} ms over {run.render['frames']} frames, longest {run.render['maxMs']:.1f} ms)",
            extra={
                "tokens": run.tokens,
                "frames": run.render["frames"],
                "total_ms": round(run.render["totalMs"], 1),
                "longest_task_ms": round(run.longest, 1),
                "long_tasks": len(run.long_tasks),
                "load_avg": run.load,
                "ms_per_1k_chars_first_fifth": None if early_late is None else round(early_late[0], 3),
                "ms_per_1k_chars_last_fifth": None if early_late is None else round(early_late[1], 3),
            },
        )
    rows += list(per_token.values())
    small, large = per_token[GROWTH[0]], per_token[GROWTH[-1]]
    rows.append(
        versus_floor(
            "shell.ui_render_cost_50k_vs_1k",
            large,
            small,
            GROWTH_TARGET,
            note="render cost per token of a 50x longer answer over a short one's: flat (about 1) when a growing "
            "message is not re-parsed whole per token",
        )
    )
    rows.append(
        Row(
            "shell.editor_open_5000_lines_ms",
            round(ui_bench.median(open_ms), 1),
            "ms",
            target=150.0,
            note=f"a click on a {ui_bench.EDITOR_LINES:,}-line JavaScript file in the tree to the next frame painted "
            f"with it in CodeMirror, median of {len(open_ms)} files (each opened once; the first creates the editor)",
            extra={"runs_ms": [round(v, 1) for v in open_ms]},
        )
    )
    if not all(open_whole):
        raise RuntimeError(
            f"the editor did not hold the whole {ui_bench.EDITOR_LINES:,}-line file after a click "
            f"({open_whole.count(False)} of {len(open_whole)} files): the open time would be meaningless"
        )
    return rows


def _enter_to_first_token(browser, ui: str, app: BenchApp) -> list[float]:
    """Press Enter in the chat and time the first token painted, a few times (Generate must exist)."""
    if not (ROOT / "services" / "stream" / "generate.py").exists():
        return []
    from vibing.schema.storage import CreateProject

    runs = []
    page = browser.new_page(viewport={"width": 1400, "height": 880})
    for i in range(6):
        pid = app.bus.request("storage", CreateProject(name=f"First token {i}")).project.id
        page.goto(ui.split("#")[0] + f"#/p/{pid}")
        page.wait_for_selector(f"#project-name:has-text('First token {i}')")
        page.fill("#prompt", "A landing page for a bakery [[scenario:normal words=30]]")
        page.evaluate("""() => {
            window.__t0 = 0; window.__t1 = 0;
            document.querySelector('#prompt').addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__t0 = performance.now(); }, { capture: true, once: true });
            new MutationObserver((_, obs) => {
                const md = document.querySelector('.msg.assistant .md');
                if (md && md.textContent.trim() && !window.__t1) { window.__t1 = performance.now(); obs.disconnect(); }
            }).observe(document.querySelector('#messages'), { childList: true, subtree: true, characterData: true });
        }""")
        page.keyboard.press("Enter")
        page.wait_for_selector("#progress-spinner.done, #progress-spinner.failed", timeout=60_000)
        t0, t1 = page.evaluate("() => [window.__t0, window.__t1]")
        if i and t0 and t1:  # the first run warms the agent index and the connection
            runs.append(t1 - t0)
    page.close()
    return runs


def run(workdir: str) -> list[Row]:
    from vibing.bench.stream import FAKE

    work = Path(workdir)
    rows = _window_rows(work)
    if not FAKE.is_file():
        needs = "tests/fakes (a source checkout)"
        return rows + [skipped(row_id, unit, needs) for row_id, unit in BRIDGE_ROWS + UI_ROWS]
    answers = {"ui": realistic_answer(UI_TOKENS), **{f"ui{n}": realistic_answer(n) for n in GROWTH}}
    fake, url = _start_fake_with_answers(answers)
    try:
        rows += _bridge_rows(work, url)
    finally:
        fake.terminate()
        fake.wait(10)
    return rows
