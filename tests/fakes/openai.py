"""The OpenAI-compatible chat endpoint (``POST /v1/chat/completions``) the fake server also answers, as a
local model server (Ollama, llama.cpp) does: ``data:`` lines of ``chat.completion.chunk`` without event names,
an optional usage chunk, and ``data: [DONE]``.

It shares the scenarios (normal, slow, drop, status, ``answer``, ``piece``, ``delay_ms``) and the recorded
requests with the Anthropic side, so one server covers both providers.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from typing import TYPE_CHECKING, Any

from .scenarios import Recorded, pieces
from .vision import openai_image_error
from .wire import LAST_CHUNK, chunk, new_request_id, send_json, write_head

if TYPE_CHECKING:
    from .anthropic import FakeAnthropic

_ids = itertools.count(1)

#: What ``GET /v1/models`` lists to a client that is not an Anthropic one.
MODELS = {
    "object": "list",
    "data": [
        {"id": "llama3.2", "object": "model", "created": 0, "owned_by": "library"},
        {"id": "smollm2", "object": "model", "created": 0, "owned_by": "library"},
    ],
}


async def answer_chat(server: FakeAnthropic, headers: dict[str, str], body: Any, writer: asyncio.StreamWriter) -> bool:
    """Stream one chat completion as the scenario says; True keeps the connection for the next request."""
    server.record(Recorded("POST", "/v1/chat/completions", headers, body))
    if not isinstance(body, dict) or not body.get("messages"):
        return await send_json(
            writer, 400, {"error": {"message": "messages is required", "type": "invalid_request_error"}}
        )
    malformed = openai_image_error(body)
    if malformed:
        return await send_json(writer, 400, {"error": {"message": malformed, "type": "invalid_request_error"}})
    sc = server.choose_scenario([m for m in body["messages"] if m.get("role") != "system"])
    if sc.name == "status":
        status = sc.int("status", 500)
        return await send_json(writer, status, {"error": {"message": f"server error {status}", "type": "server_error"}})
    prefill = body["messages"][-1]["content"] if body["messages"][-1].get("role") == "assistant" else ""
    text = server.answer(sc, prefill)
    model = body.get("model", "llama3.2")
    cid = f"chatcmpl-{next(_ids)}"
    created = int(time.time())
    write_head(
        writer,
        200,
        {
            "content-type": "text/event-stream",
            "transfer-encoding": "chunked",
            "connection": "keep-alive",
            "x-request-id": new_request_id("oai"),
        },
    )

    async def send(data: dict[str, Any] | str) -> None:
        payload = (f"data: {data if isinstance(data, str) else json.dumps(data)}\n\n").encode()
        writer.write(chunk(payload))
        await writer.drain()

    def base(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        return {
            "id": cid,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "system_fingerprint": "fp_local",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }

    server.active += 1
    try:
        await send(base({"role": "assistant", "content": ""}))
        tokens = pieces(text, sc.int("piece", 4))
        delay = sc.float("delay_ms", 25.0 if sc.name == "slow" else 0.0) / 1000.0
        for i, piece in enumerate(tokens):
            if sc.name == "drop" and i == sc.int("after", 5):
                writer.transport.abort()
                return False
            await send(base({"content": piece}))
            if delay:
                await asyncio.sleep(delay)
        await send(base({}, "stop"))
        if (body.get("stream_options") or {}).get("include_usage"):
            await send(
                {
                    "id": cid,
                    "object": "chat.completion.chunk",
                    "created": created,
                    "model": model,
                    "choices": [],
                    "usage": {
                        "prompt_tokens": 12,
                        "completion_tokens": len(tokens),
                        "total_tokens": 12 + len(tokens),
                    },
                }
            )
        await send("[DONE]")
        writer.write(LAST_CHUNK)
        await writer.drain()
        return True
    except (ConnectionError, asyncio.CancelledError):
        server.left.set()
        return False
    finally:
        server.active -= 1
