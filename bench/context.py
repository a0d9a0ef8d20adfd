"""Rows for long projects (issue 19): what prompt caching saves, the request size, and the budget step's time.

Setup: the fake Anthropic server (``tests/fakes/``) in its own process, which bills each request's input as the
real API does (``cache.py``: a cache write on the first sight of a prefix up to a ``cache_control`` breakpoint, a
read when a later request's prefix matches).  A scripted 20-turn session on a 150 KB project (30 files of 5 KB):
each turn's request is built by the code the stream worker runs for a generation (``fitting.fitted_call``: the
context budget, the files' snapshot, the cache breakpoints; then ``anthropic.request_body``) and sent to the
server, which answers with its usage.  The "model's" answers are scripted here (two turns in three rewrite one
file, whole, as Vibing's output format asks; the others only talk), and the project's files follow them.  The
same session is sent again without caching (no ``cache_control``, as before issue 19).

- ``context.billed_input_pct``: the input billed over the session with caching, in plain-input-token equivalents
  (cache reads 0.1x, writes 1.25x), as a share of the same session's input without caching.  Target <= 35 %.
- ``context.request_kb_per_turn``: the bytes of each turn's request body (mean; each turn's in ``extra``).
- ``context.budget_step_ms``: the time to build one turn's request from the project (fit to the budget, choose
  the files' listing, place the breakpoints, encode the body), no model call: the worst turn, each turn's time
  the fastest of :data:`REPEATS` builds (the machine is shared; the scheduler's pauses are not the step's).
  Target < 5 ms.
"""

from __future__ import annotations

import time
from types import SimpleNamespace

import httpx
import msgspec

from vibing.bench import Row, skipped
from vibing.bench.stream import FAKE, start_fake_server
from vibing.schema.stream import ChatTurn, Usage
from vibing.services.stream import costs, fitting, prefix
from vibing.services.stream.anthropic import request_body, request_headers
from vibing.services.stream.provider import Call

PREFIX = "context."
KEY = "sk-ant-bench-000000000000000000000000"
MODEL = "claude-sonnet-4-5"
TURNS = 20
FILES = 30
FILE_BYTES = 5 * 1024
#: Each turn's request is built this many times; the fastest counts.
REPEATS = 5
AGENT = (
    "You are a senior frontend developer. You build accessible, responsive web apps with plain HTML, CSS and "
    "JavaScript, test what you write in your head before you write it, and keep every file complete.\n"
) * 12


def _project() -> dict[str, str]:
    files = {}
    for i in range(FILES):
        ext = ("js", "css", "html")[i % 3]
        line = {
            "js": f"export function step{i}(state) {{ return {{ ...state, count: state.count + {i} }}; }}\n",
            "css": f".panel-{i} {{ margin: {i % 7}px; padding: {i % 5}px; color: #{i:03x}; }}\n",
            "html": f"<section id='s{i}'><h2>Section {i}</h2><p>Text of section {i}.</p></section>\n",
        }[ext]
        body = (line * (FILE_BYTES // len(line) + 1))[:FILE_BYTES]
        files[f"src/part{i:02d}.{ext}"] = body[: body.rfind("\n") + 1]
    return files


def _answer(turn: int, files: dict[str, str]) -> tuple[str, dict[str, str]]:
    """The scripted answer of ``turn`` and the files after it."""
    if turn % 3 == 2:
        return f"Turn {turn}: nothing needs to change; the layout already handles that case.", files
    path = sorted(files)[(turn * 7) % len(files)]
    lang = path.rsplit(".", 1)[-1]
    content = files[path] + f"/* changed in turn {turn} */\n"
    return f"Done.\n\n```{lang} {path}\n{content}```\n\nI changed {path}.", {**files, path: content}


def session(client: httpx.Client, url: str, *, cache: bool, project_id: str) -> list[dict]:
    """One scripted session; per turn: usage, request bytes, budget step seconds."""
    config = SimpleNamespace(model_context=0, openai_context=0)
    agent = f"{AGENT}(Session {project_id}.)"  # each session's prefixes are its own in the server's cache
    snapshots = prefix.Snapshots()
    files = _project()
    history: list[ChatTurn] = []
    out = []
    for turn in range(TURNS):
        prompt = f"Turn {turn}: please adjust section {turn} so that it reads better on a phone."
        base = Call(
            provider="anthropic",
            base_url=url,
            model=MODEL,
            messages=[ChatTurn(role="user", content=prompt)],
            max_tokens=16000,
            api_key=KEY,
        )
        step = float("inf")
        for _ in range(REPEATS):  # the fastest of a few: the step's own cost, not the shared machine's scheduler
            t0 = time.perf_counter()
            call, _fitted = fitting.fitted_call(
                config, base, agent, files, history, prompt, project_id=project_id, snapshots=snapshots
            )
            if not cache:
                call = msgspec.structs.replace(call, cache=False)
            body = request_body(call, stream=False)
            step = min(step, time.perf_counter() - t0)
        resp = client.post(url + "/v1/messages", content=body, headers=request_headers(KEY))
        resp.raise_for_status()
        u = resp.json().get("usage", {})
        usage = Usage(
            input_tokens=u.get("input_tokens") or 0,
            cache_creation_input_tokens=u.get("cache_creation_input_tokens") or 0,
            cache_read_input_tokens=u.get("cache_read_input_tokens") or 0,
        )
        answer, files = _answer(turn, files)
        history += [ChatTurn(role="user", content=prompt), ChatTurn(role="assistant", content=answer)]
        out.append({"usage": usage, "bytes": len(body), "step_s": step})
    return out


def run(workdir: str) -> list[Row]:
    if not FAKE.is_file():
        return [skipped("context.*", "", "tests/fakes (a source checkout)", note=f"no fake Anthropic server at {FAKE}")]
    fake, url = start_fake_server()
    try:
        with httpx.Client(timeout=30.0) as client:
            session(client, url, cache=True, project_id="warm")  # imports and first calls out of the figures
            cached = session(client, url, cache=True, project_id="cached")
            plain = session(client, url, cache=False, project_id="plain")
    finally:
        fake.terminate()
        fake.wait(10)
    billed = sum(costs.billed_input_tokens(t["usage"]) for t in cached)
    baseline = sum(costs.billed_input_tokens(t["usage"]) for t in plain)
    reads = sum(t["usage"].cache_read_input_tokens for t in cached)
    writes = sum(t["usage"].cache_creation_input_tokens for t in cached)
    sizes = [t["bytes"] for t in cached]
    steps_ms = sorted(t["step_s"] * 1000 for t in cached)
    pct = 100.0 * billed / baseline if baseline else 0.0
    return [
        Row(
            "context.billed_input_pct",
            round(pct, 1),
            "%",
            target=35.0,
            note=f"{TURNS} turns, {FILES} files of {FILE_BYTES // 1024} KB: {billed:,.0f} input token-equivalents "
            f"billed with caching ({reads:,} read at 0.1x, {writes:,} written at 1.25x) / {baseline:,.0f} without",
        ),
        Row(
            "context.request_kb_per_turn",
            round(sum(sizes) / len(sizes) / 1024, 1),
            "KB",
            note=f"request body bytes per turn: first {sizes[0] / 1024:.0f} KB, last {sizes[-1] / 1024:.0f} KB",
            extra={"bytes_per_turn": sizes},
        ),
        Row(
            "context.budget_step_ms",
            round(steps_ms[-1], 3),
            "ms",
            target=5.0,
            note=f"build one turn's request (budget, files' listing, breakpoints), no model call: the worst of "
            f"{TURNS} turns, each the fastest of {REPEATS} (median turn {steps_ms[len(steps_ms) // 2]:.3f} ms)",
        ),
    ]
