"""What the fake servers put on the wire besides the scenario text: the HTTP/1.1 status line and headers,
chunked framing, SSE events, the Anthropic rate-limit headers and the error bodies.

Each shape copies the wire facts we measured against api.anthropic.com (header names and order, the
compact JSON of SSE data, the ``{"type":"error","error":{...},"request_id":...}`` body, a proxy's HTML page
on 502 and 413), because the tests compare our client with the official SDK on exactly these bytes.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import os
from datetime import UTC, datetime, timedelta
from typing import Any

#: The end of a chunked body.
LAST_CHUNK = b"0\r\n\r\n"

_REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    408: "Request Timeout",
    409: "Conflict",
    413: "Payload Too Large",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
    529: "",
}

#: The error type and message the API sends with each status.
STATUS_ERRORS = {
    400: ("invalid_request_error", "messages.0.content: Input should be a valid string"),
    401: ("authentication_error", "invalid x-api-key"),
    402: ("billing_error", "Your credit balance is too low to access the Anthropic API."),
    403: ("permission_error", "Your API key does not have permission to use the specified resource."),
    404: ("not_found_error", "model: claude-nonexistent"),
    409: ("conflict_error", "Conflict"),
    413: ("request_too_large", "Request exceeds the maximum allowed number of bytes."),
    429: ("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit"),
    500: ("api_error", "Internal server error"),
    504: ("timeout_error", "Request timed out"),
    529: ("overloaded_error", "Overloaded"),
}


def new_request_id(prefix: str) -> str:
    """A fresh id shaped like the API's (``req_011...``), so clients that show or log it see the real form."""
    return f"{prefix}_011{os.urandom(9).hex()}"


def sse(name: str, data: dict[str, Any], nl: str = "\n") -> bytes:
    """One SSE event with compact JSON data, as the API writes it; ``nl`` is the line end (``\\r\\n`` too)."""
    return f"event: {name}{nl}data: {json.dumps(data, separators=(',', ':'), ensure_ascii=False)}{nl}{nl}".encode()


def chunk(payload: bytes) -> bytes:
    """``payload`` framed as one HTTP/1.1 chunk."""
    return b"%x\r\n%s\r\n" % (len(payload), payload)


def ratelimit_headers() -> dict[str, str]:
    """The ``anthropic-ratelimit-*`` headers, each limit one short of full, resetting in 7 seconds."""
    reset = (datetime.now(UTC) + timedelta(seconds=7)).strftime("%Y-%m-%dT%H:%M:%SZ")
    h = {}
    for kind, limit in (
        ("requests", 4000),
        ("tokens", 2_000_000),
        ("input-tokens", 1_600_000),
        ("output-tokens", 400_000),
    ):
        h[f"anthropic-ratelimit-{kind}-limit"] = str(limit)
        h[f"anthropic-ratelimit-{kind}-remaining"] = str(limit - 1)
        h[f"anthropic-ratelimit-{kind}-reset"] = reset
    return h


def write_head(writer: asyncio.StreamWriter, status: int, headers: dict[str, str]) -> None:
    """The status line and headers, in the order given (529 has no reason phrase, as the API sends it)."""
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, '')}".rstrip()]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))


async def send_json(
    writer: asyncio.StreamWriter,
    status: int,
    data: Any,
    extra: dict[str, str] | None = None,
    request_id: str | None = None,
) -> bool:
    """A whole JSON response with the API's headers (behind its Cloudflare front); True keeps the connection."""
    body = json.dumps(data).encode()
    headers = {
        "date": email.utils.formatdate(usegmt=True),
        "content-type": "application/json",
        "content-length": str(len(body)),
        "connection": "keep-alive",
        "request-id": request_id or new_request_id("req"),
        "x-robots-tag": "none",
        "via": "1.1 google",
        "cf-cache-status": "DYNAMIC",
        "server": "cloudflare",
        **(extra or {}),
    }
    write_head(writer, status, headers)
    writer.write(body)
    await writer.drain()
    return True


async def send_error(
    writer: asyncio.StreamWriter, status: int, etype: str, message: str, extra: dict[str, str] | None = None
) -> bool:
    """The API's error body; its ``request_id`` is the same as the ``request-id`` header."""
    request_id = new_request_id("req")
    return await send_json(
        writer,
        status,
        {"type": "error", "error": {"type": etype, "message": message}, "request_id": request_id},
        extra,
        request_id,
    )


async def send_proxy_page(writer: asyncio.StreamWriter, status: int, extra: dict[str, str]) -> bool:
    """The HTML page a proxy in front of the API answers with (502, a 413 too large to reach the API)."""
    page = (
        f"<html><head><title>{status}</title></head><body><center><h1>{status}</h1></center>"
        f"<hr><center>cloudflare</center></body></html>"
    ).encode()
    headers = {
        "date": email.utils.formatdate(usegmt=True),
        "content-type": "text/html",
        "content-length": str(len(page)),
        "connection": "keep-alive",
        "server": "cloudflare",
        **extra,
    }
    write_head(writer, status, headers)
    writer.write(page)
    await writer.drain()
    return True
