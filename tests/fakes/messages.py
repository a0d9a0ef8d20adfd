"""The Messages endpoint (``POST /v1/messages``) of the fake Anthropic server: the SSE stream, the whole
(non-streaming) answer, and the scripted failures that replace or cut them.

The stream has the API's event order and shapes: ``message_start``, an optional thinking block
(``thinking_delta`` then ``signature_delta``), the text block's ``text_delta`` events with a ``ping`` before
them, an optional ``tool_use`` block streaming ``input_json_delta``, ``message_delta`` with cumulative
usage, and ``message_stop``.  The input usage, cache fields included, is the prompt cache's (``cache.py``);
``usage=none`` leaves every usage field out. The scenario decides how it is written (speed, chunking, line ends) and where
it fails.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import os
import time
from typing import TYPE_CHECKING, Any

from .scenarios import Scenario, pieces
from .wire import (
    LAST_CHUNK,
    STATUS_ERRORS,
    chunk,
    new_request_id,
    ratelimit_headers,
    send_error,
    send_json,
    send_proxy_page,
    sse,
    write_head,
)

if TYPE_CHECKING:
    from .anthropic import FakeAnthropic


async def answer_messages(
    server: FakeAnthropic, sc: Scenario, body: dict[str, Any], prefill: str, writer: asyncio.StreamWriter
) -> bool:
    """Answer one valid Messages request as the scenario says; True keeps the connection for the next one."""
    name = sc.name
    if name == "fail_then_ok":
        attempt = server.count_attempt(sc.get("id", "default"))
        if attempt <= sc.int("times", 1):
            return await _status_error(sc, sc.int("status", 529), writer)
    elif name == "status":
        return await _status_error(sc, sc.int("status", 500), writer)
    elif name == "spend_cap":
        return await send_error(
            writer,
            429,
            "rate_limit_error",
            "You have reached your specified API usage limits. You will regain access on 2026-12-01 at 00:00 UTC.",
            ratelimit_headers(),
        )
    if prefill and name in ("drop", "error_mid", "max_tokens"):
        sc = Scenario("normal", sc.params)  # a continuation of a cut answer is served whole
    if not body.get("stream"):
        return await _non_streaming(server, sc, body, prefill, writer)
    model = body["model"]
    nl = "\r\n" if sc.get("crlf") == "1" else "\n"
    msg_id = f"msg_01{os.urandom(11).hex()}"
    usage = server.prompt_cache.usage(body)
    request_id = new_request_id("req")
    headers = {
        "date": email.utils.formatdate(usegmt=True),
        "content-type": "text/event-stream; charset=utf-8",
        "transfer-encoding": "chunked",
        "connection": "keep-alive",
        "cache-control": "no-cache",
        "request-id": request_id,
        "anthropic-organization-id": "00000000-0000-4000-8000-000000000000",
        **ratelimit_headers(),
        "via": "1.1 google",
        "cf-cache-status": "DYNAMIC",
        "x-robots-tag": "none",
        "server": "cloudflare",
    }
    write_head(writer, 200, headers)
    server.active += 1
    try:
        return await _stream_body(server, sc, prefill, writer, model, nl, msg_id, usage)
    except (ConnectionError, asyncio.CancelledError):
        server.disconnects += 1
        server.left.set()
        return False
    finally:
        server.active -= 1


async def _stream_body(
    server: FakeAnthropic,
    sc: Scenario,
    prefill: str,
    writer: asyncio.StreamWriter,
    model: str,
    nl: str,
    msg_id: str,
    usage: dict[str, int],
) -> bool:
    name = sc.name
    per_write = sc.int("per_write", 1 if name not in ("huge",) else 256)
    delay = sc.float("delay_ms", 25.0 if name == "slow" else 0.0) / 1000.0
    bytewise = name == "bytewise"
    no_usage = sc.get("usage") == "none"  # a reply without any usage field (a proxy that strips them)
    out: list[bytes] = []

    async def send(data: bytes, force: bool = False) -> None:
        out.append(data)
        if len(out) >= per_write or force:
            payload = b"".join(out)
            out.clear()
            if bytewise:
                for i in range(len(payload)):
                    writer.write(chunk(payload[i : i + 1]))
                    await writer.drain()
                    await asyncio.sleep(0)
            else:
                writer.write(chunk(payload))
                await writer.drain()

    async def end_with_error_event() -> bool:
        """An ``error`` event in the middle of a 200 stream (the scenario's ``error_type``), then the end."""
        await send(
            sse(
                "error",
                {"type": "error", "error": {"type": sc.get("error_type", "overloaded_error"), "message": "Overloaded"}},
                nl,
            ),
            force=True,
        )
        writer.write(LAST_CHUNK)
        await writer.drain()
        return True

    await send(
        sse(
            "message_start",
            {
                "type": "message_start",
                "message": {
                    "id": msg_id,
                    "type": "message",
                    "role": "assistant",
                    "model": model,
                    "content": [],
                    "stop_reason": None,
                    "stop_sequence": None,
                    **(
                        {}
                        if no_usage
                        else {
                            "usage": {
                                "input_tokens": usage["input_tokens"],
                                "cache_creation_input_tokens": usage["cache_creation_input_tokens"],
                                "cache_read_input_tokens": usage["cache_read_input_tokens"],
                                "output_tokens": 1,
                                "service_tier": "standard",
                            }
                        }
                    ),
                },
            },
            nl,
        ),
        force=True,
    )
    if name == "hang":
        await send(sse("ping", {"type": "ping"}, nl), force=True)
        while True:
            await asyncio.sleep(0.05)
            await send(b": keep-alive" + nl.encode() + nl.encode(), force=True)
    if name == "error_first":
        return await end_with_error_event()
    index = 0
    output_tokens = 1
    if name == "thinking" or sc.get("thinking") == "1":
        await send(
            sse(
                "content_block_start",
                {
                    "type": "content_block_start",
                    "index": 0,
                    "content_block": {"type": "thinking", "thinking": "", "signature": ""},
                },
                nl,
            )
        )
        for piece in pieces("Let me think about the layout first: a header, the timer, two buttons.", 6):
            await send(
                sse(
                    "content_block_delta",
                    {
                        "type": "content_block_delta",
                        "index": 0,
                        "delta": {"type": "thinking_delta", "thinking": piece},
                    },
                    nl,
                )
            )
            output_tokens += 1
        await send(
            sse(
                "content_block_delta",
                {
                    "type": "content_block_delta",
                    "index": 0,
                    "delta": {
                        "type": "signature_delta",
                        "signature": "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds",
                    },
                },
                nl,
            )
        )
        await send(sse("content_block_stop", {"type": "content_block_stop", "index": 0}, nl))
        index = 1
    await send(
        sse(
            "content_block_start",
            {"type": "content_block_start", "index": index, "content_block": {"type": "text", "text": ""}},
            nl,
        )
    )
    await send(sse("ping", {"type": "ping"}, nl), force=True)
    if name == "timed":
        count = sc.int("tokens", 1000)
        for _ in range(count):
            await send(
                sse(
                    "content_block_delta",
                    {
                        "type": "content_block_delta",
                        "index": index,
                        "delta": {"type": "text_delta", "text": f"{time.monotonic_ns()}|"},
                    },
                    nl,
                ),
                force=True,
            )
            output_tokens += 1
            if delay:
                await asyncio.sleep(delay)
    else:
        text = server.answer(sc, prefill)
        tokens = pieces(text, sc.int("piece", 4))
        # the same bytes sse() would make, built faster (benches stream hundreds of thousands)
        delta_head = (
            f'event: content_block_delta{nl}data: {{"type":"content_block_delta","index":{index},'
            f'"delta":{{"type":"text_delta","text":'
        ).encode()
        delta_tail = ("}}" + nl + nl).encode()
        if name == "max_tokens":
            tokens = tokens[: sc.int("after", max(1, len(tokens) // 2))]
        after = sc.int("after", 5)
        for i, piece in enumerate(tokens):
            if name in ("error_mid", "drop") and i == after:
                if out:
                    await send(b"", force=True)
                if name == "drop":
                    writer.transport.abort()
                    server.disconnects += 1
                    return False
                return await end_with_error_event()
            if name == "garbage" and i % 3 == 1:
                await send((": this is a comment" + nl).encode())
                await send(
                    (
                        "garbage line without a colon"
                        + nl
                        + "event: vendor_extension"
                        + nl
                        + 'data: {"type":"vendor_extension","x":1}'
                        + nl
                        + nl
                    ).encode()
                )
                if sc.get("junk") == "1":  # not JSON: the official SDK raises on this, we skip it
                    await send(("event: vendor_junk" + nl + "data: {not json at all" + nl + nl).encode())
                await send(("retry: 1000" + nl + "id: 7" + nl + "x-unknown-field: ignored" + nl).encode())
            await send(
                b"%s%s%s" % (delta_head, json.dumps(piece, ensure_ascii=False).encode(), delta_tail),
                force=delay > 0,
            )
            output_tokens += 1
            if delay:
                await asyncio.sleep(delay)
    stop_reason = "max_tokens" if name == "max_tokens" else sc.get("stop_reason", "end_turn")
    await send(sse("content_block_stop", {"type": "content_block_stop", "index": index}, nl))
    if sc.get("tool") == "1":  # a tool_use block whose input streams as partial JSON
        index += 1
        await send(
            sse(
                "content_block_start",
                {
                    "type": "content_block_start",
                    "index": index,
                    "content_block": {
                        "type": "tool_use",
                        "id": "toolu_01" + os.urandom(8).hex(),
                        "name": "get_weather",
                        "input": {},
                    },
                },
                nl,
            )
        )
        for part in ('{"loc', 'ation": "Par', 'is"}'):
            await send(
                sse(
                    "content_block_delta",
                    {
                        "type": "content_block_delta",
                        "index": index,
                        "delta": {"type": "input_json_delta", "partial_json": part},
                    },
                    nl,
                )
            )
            output_tokens += 1
        await send(sse("content_block_stop", {"type": "content_block_stop", "index": index}, nl))
        stop_reason = "tool_use"
    await send(
        sse(
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": stop_reason, "stop_sequence": None},
                **({} if no_usage else {"usage": {"output_tokens": output_tokens}}),
            },
            nl,
        )
    )
    await send(sse("message_stop", {"type": "message_stop"}, nl), force=True)
    writer.write(LAST_CHUNK)
    await writer.drain()
    return True


async def _status_error(sc: Scenario, status: int, writer: asyncio.StreamWriter) -> bool:
    """A failed request: the status with the headers that tell a client whether and when to retry."""
    extra: dict[str, str] = {}
    if sc.get("retry_after") is not None:
        extra["retry-after"] = sc.get("retry_after")
    if sc.get("retry_after_ms") is not None:
        extra["retry-after-ms"] = sc.get("retry_after_ms")
    if sc.get("retry_after_date") is not None:
        when = time.time() + float(sc.get("retry_after_date"))
        extra["retry-after"] = email.utils.formatdate(when, usegmt=True)
    if sc.get("should_retry") is not None:
        extra["x-should-retry"] = sc.get("should_retry")
    elif status >= 500:
        extra["x-should-retry"] = "true"
    if status == 429:
        extra.update(ratelimit_headers())
    if sc.get("html") == "1" or status == 502 or (status == 413 and sc.get("json") != "1"):
        return await send_proxy_page(writer, status, extra)
    etype, message = STATUS_ERRORS.get(status, ("api_error", "Internal server error"))
    if sc.get("credit") == "1":
        message = "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing."
    return await send_error(writer, status, etype, message, extra)


async def _non_streaming(
    server: FakeAnthropic, sc: Scenario, body: dict[str, Any], prefill: str, writer: asyncio.StreamWriter
) -> bool:
    text = server.answer(sc, prefill)
    return await send_json(
        writer,
        200,
        {
            "id": f"msg_01{os.urandom(11).hex()}",
            "type": "message",
            "role": "assistant",
            "model": body["model"],
            "content": [{"type": "text", "text": text}],
            "stop_reason": "end_turn",
            "stop_sequence": None,
            "usage": {**server.prompt_cache.usage(body), "output_tokens": len(pieces(text, 4))},
        },
        ratelimit_headers(),
    )
