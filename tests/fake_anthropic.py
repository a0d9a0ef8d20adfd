"""A real HTTP server on loopback that speaks the Anthropic Messages API (and an OpenAI-compatible one).

It follows ``/work/shared/anthropic-wire.md``: the response headers (``request-id``,
``anthropic-ratelimit-*``, ``retry-after``, ``x-should-retry``), the SSE event
names and JSON shapes of the Messages stream (``message_start``,
``content_block_start/delta/stop`` with ``text_delta``, ``thinking_delta``,
``signature_delta``, ``message_delta`` with cumulative usage, ``message_stop``,
``ping``, ``error``), the error bodies (``{"type":"error","error":{...},"request_id":...}``)
and chunked HTTP/1.1 transfer with keep-alive.

Scenarios are chosen per request, so parallel tests do not interfere:

1. ``server.push(name, **params)`` queues a scenario for the next request(s); else
2. a directive in the last user message: ``[[scenario:NAME key=value ...]]``; else
3. ``normal``.

Scenarios: normal, slow (``delay_ms``), bytewise (one byte per HTTP chunk), fail_then_ok
(``status``, ``times``, ``id``, ``retry_after``/``retry_after_ms``/``retry_after_date``,
``should_retry``), status (always that ``status``: 400 401 402 403 404 413 429 500 502 504 529;
``html=1`` for a proxy's page), spend_cap (429 without retry-after), error_mid (``after`` tokens then an
``error`` event of ``error_type``), drop (connection cut after ``after`` tokens), garbage (comments, unknown
events and fields, lines without a colon between the real ones; ``junk=1`` adds an event whose data is not
JSON), huge (``tokens``), thinking (a thinking block first),
max_tokens, timed (each token is the server's ``time.monotonic_ns()`` at write time, for latency benches),
hang (``message_start`` then silence until the client leaves).

Common parameters: ``stop_reason`` (any value, e.g. model_context_window_exceeded), ``tool=1`` (a
tool_use block with input_json_delta after the text), ``words`` (answer length), ``answer`` (the name of a text registered with
``server.answers[name] = text``), ``piece`` (characters per token), ``per_write`` (SSE events per HTTP
chunk), ``crlf=1`` (CRLF line ends), ``thinking=1``, ``delay_ms``.

When the request ends with an assistant turn (a prefill, as used to continue an answer) and the answer
starts with it, only the rest of the answer is streamed: the fake "model" continues coherently (and a
drop/error_mid/max_tokens scenario is not applied again to the continuation).

Run standalone: ``python tests/fake_anthropic.py [--port N]`` prints ``fake-anthropic: URL``.
"""

from __future__ import annotations

import asyncio
import email.utils
import itertools
import json
import os
import re
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

DEFAULT_TEXT = (
    "Here is a small web app for you. It keeps the markup, the styles and the script in one page, "
    "so it opens anywhere without a build step. The timer counts down twenty-five minutes, plays a "
    "soft sound at the end, and remembers your last session. Press space to start or pause."
)
_DIRECTIVE = re.compile(r"\[\[scenario:(\w+)([^\]]*)\]\]")
_ids = itertools.count(1)


def _rid(prefix: str) -> str:
    return f"{prefix}_011{os.urandom(9).hex()}"


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: Any
    scenario: str = ""


@dataclass
class Scenario:
    name: str
    params: dict[str, str] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)

    def int(self, key: str, default: int) -> int:
        return int(self.params.get(key, default))

    def float(self, key: str, default: float) -> float:
        return float(self.params.get(key, default))


def _parse_directive(text: str) -> Scenario | None:
    m = _DIRECTIVE.search(text)
    if not m:
        return None
    params = {}
    for part in m.group(2).split():
        k, _, v = part.partition("=")
        params[k] = v
    return Scenario(m.group(1), params)


def _words(n: int) -> str:
    base = DEFAULT_TEXT.split(" ")
    return " ".join(base[i % len(base)] for i in range(n))


def _pieces(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def _sse(name: str, data: dict[str, Any], nl: str = "\n") -> bytes:
    return f"event: {name}{nl}data: {json.dumps(data, separators=(',', ':'), ensure_ascii=False)}{nl}{nl}".encode()


class FakeAnthropic:
    """``with FakeAnthropic() as server: ... server.url ...``"""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, tls: tuple[str, str] | None = None) -> None:
        """``tls=(certfile, keyfile)`` serves HTTPS and offers HTTP/2 by ALPN (as api.anthropic.com does)."""
        self.host = host
        self.port = port
        self.tls = tls
        self.protocols: list[str] = []
        self.requests: list[Recorded] = []
        self.answers: dict[str, str] = {}
        self.queue: deque[Scenario] = deque()
        self.attempts: dict[str, int] = {}
        self.connections = 0
        self.active = 0
        self.disconnects = 0
        self.model_ids = ["claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001", "claude-opus-4-5-20251101"]
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.AbstractServer | None = None
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self.left = threading.Event()

    # -- control ----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://{'localhost' if self.tls else self.host}:{self.port}"

    def push(self, name: str, **params: Any) -> None:
        self.queue.append(Scenario(name, {k: str(v) for k, v in params.items()}))

    def start(self) -> FakeAnthropic:
        self._thread = threading.Thread(target=self._run, name="fake-anthropic", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fake server did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeAnthropic:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def _run(self) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        ssl_context = None
        if self.tls:
            import ssl

            ssl_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ssl_context.load_cert_chain(*self.tls)
            ssl_context.set_alpn_protocols(["h2", "http/1.1"])
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, self.host, self.port, ssl=ssl_context)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._server.close()
            tasks = [t for t in asyncio.all_tasks(self._loop) if not t.done()]
            for task in tasks:
                task.cancel()
            if tasks:
                self._loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            self._loop.close()

    # -- HTTP/1.1 ------------------------------------------------------------------------------

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        sock = writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.connections += 1
        ssl_object = writer.get_extra_info("ssl_object")
        protocol = (ssl_object.selected_alpn_protocol() if ssl_object is not None else None) or "http/1.1"
        self.protocols.append(protocol)
        if protocol == "h2":
            await _H2Connection(self, reader, writer).serve()
            return
        try:
            while True:
                line = await reader.readline()
                if not line:
                    return
                method, path, _version = line.decode("latin-1").rstrip("\r\n").split(" ", 2)
                headers: dict[str, str] = {}
                while True:
                    h = await reader.readline()
                    if h in (b"\r\n", b"\n", b""):
                        break
                    k, _, v = h.decode("latin-1").partition(":")
                    headers[k.strip().lower()] = v.strip()
                length = int(headers.get("content-length", "0") or 0)
                raw = await reader.readexactly(length) if length else b""
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = raw.decode("utf-8", "replace")
                keep = await self._route(method, path, headers, body, writer)
                if not keep:
                    return
        except (ConnectionError, asyncio.IncompleteReadError):
            self.disconnects += 1
        except asyncio.CancelledError:
            raise
        finally:
            try:
                writer.close()
            except Exception:
                pass

    @staticmethod
    def _ratelimit_headers() -> dict[str, str]:
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

    async def _head(self, writer: asyncio.StreamWriter, status: int, headers: dict[str, str]) -> None:
        reason = {
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
        }.get(status, "")
        lines = [f"HTTP/1.1 {status} {reason}".rstrip()]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

    async def _json(
        self,
        writer: asyncio.StreamWriter,
        status: int,
        data: Any,
        extra: dict[str, str] | None = None,
        request_id: str | None = None,
    ) -> bool:
        body = json.dumps(data).encode()
        headers = {
            "date": email.utils.formatdate(usegmt=True),
            "content-type": "application/json",
            "content-length": str(len(body)),
            "connection": "keep-alive",
            "request-id": request_id or _rid("req"),
            "x-robots-tag": "none",
            "via": "1.1 google",
            "cf-cache-status": "DYNAMIC",
            "server": "cloudflare",
            **(extra or {}),
        }
        await self._head(writer, status, headers)
        writer.write(body)
        await writer.drain()
        return True

    async def _error(
        self, writer: asyncio.StreamWriter, status: int, etype: str, message: str, extra: dict[str, str] | None = None
    ) -> bool:
        request_id = _rid("req")
        return await self._json(
            writer,
            status,
            {"type": "error", "error": {"type": etype, "message": message}, "request_id": request_id},
            extra,
            request_id,
        )

    async def _route(
        self, method: str, path: str, headers: dict[str, str], body: Any, writer: asyncio.StreamWriter
    ) -> bool:
        route = path.split("?")[0]
        if route in ("/v1/chat/completions", "/chat/completions") and method == "POST":
            return await self._openai_chat(headers, body, writer)
        if route == "/v1/models" and "anthropic-version" not in headers:
            return await self._json(
                writer,
                200,
                {
                    "object": "list",
                    "data": [
                        {"id": "llama3.2", "object": "model", "created": 0, "owned_by": "library"},
                        {"id": "smollm2", "object": "model", "created": 0, "owned_by": "library"},
                    ],
                },
            )
        with self._lock:
            self.requests.append(Recorded(method, path, headers, body))
        key = headers.get("x-api-key") or headers.get("authorization", "").removeprefix("Bearer ")
        if not key:
            return await self._error(writer, 401, "authentication_error", "x-api-key header is required")
        if "bad" in key or "invalid" in key:
            return await self._error(writer, 401, "authentication_error", "invalid x-api-key")
        if route == "/v1/models" and method == "GET":
            data = [
                {"type": "model", "id": m, "display_name": m, "created_at": "2025-09-29T00:00:00Z"}
                for m in self.model_ids
            ]
            return await self._json(
                writer, 200, {"data": data, "has_more": False, "first_id": data[0]["id"], "last_id": data[-1]["id"]}
            )
        if route != "/v1/messages" or method != "POST":
            return await self._error(writer, 404, "not_found_error", f"Not found: {method} {route}")
        if "anthropic-version" not in headers:
            return await self._error(writer, 400, "invalid_request_error", "anthropic-version: header is required")
        if not isinstance(body, dict) or "model" not in body or "max_tokens" not in body or not body.get("messages"):
            return await self._error(
                writer, 400, "invalid_request_error", "model, max_tokens and messages: Field required"
            )
        messages = body["messages"]
        last = messages[-1]
        prefill = ""
        if last.get("role") == "assistant":
            prefill = last["content"] if isinstance(last["content"], str) else ""
            if prefill != prefill.rstrip():
                return await self._error(
                    writer,
                    400,
                    "invalid_request_error",
                    "messages: final assistant content cannot end with trailing whitespace",
                )
        scenario = self._scenario(messages)
        self.requests[-1].scenario = scenario.name
        return await self._messages(scenario, body, prefill, writer)

    def _scenario(self, messages: list[dict[str, Any]]) -> Scenario:
        with self._lock:
            if self.queue:
                return self.queue.popleft()
        for m in reversed(messages):
            if m.get("role") == "user":
                content = m.get("content")
                text = (
                    content
                    if isinstance(content, str)
                    else " ".join(b.get("text", "") for b in content if isinstance(b, dict))
                )
                found = _parse_directive(text)
                return found or Scenario("normal")
        return Scenario("normal")

    def _answer(self, sc: Scenario, prefill: str) -> str:
        if sc.get("answer"):
            text = self.answers[sc.get("answer")]
        elif sc.name == "huge":
            text = _words(sc.int("tokens", 20000))
        else:
            text = _words(sc.int("words", 40))
        if prefill and text.startswith(prefill):
            text = text[len(prefill) :]
        return text

    # -- the Messages stream ------------------------------------------------------------------

    async def _messages(self, sc: Scenario, body: dict[str, Any], prefill: str, writer: asyncio.StreamWriter) -> bool:
        name = sc.name
        if name == "fail_then_ok":
            key = sc.get("id", "default")
            with self._lock:
                self.attempts[key] = self.attempts.get(key, 0) + 1
                attempt = self.attempts[key]
            if attempt <= sc.int("times", 1):
                return await self._status_error(sc, sc.int("status", 529), writer)
        elif name == "status":
            return await self._status_error(sc, sc.int("status", 500), writer)
        elif name == "spend_cap":
            return await self._error(
                writer,
                429,
                "rate_limit_error",
                "You have reached your specified API usage limits. You will regain access on 2026-12-01 at 00:00 UTC.",
                self._ratelimit_headers(),
            )
        if prefill and name in ("drop", "error_mid", "max_tokens"):
            sc = Scenario("normal", sc.params)  # a continuation of a cut answer is served whole
        if not body.get("stream"):
            return await self._non_streaming(sc, body, prefill, writer)
        model = body["model"]
        nl = "\r\n" if sc.get("crlf") == "1" else "\n"
        msg_id = f"msg_01{os.urandom(11).hex()}"
        input_tokens = (
            sum(len(str(m.get("content", "")).split()) for m in body["messages"])
            + len(str(body.get("system", "")).split())
            + 3
        )
        request_id = _rid("req")
        headers = {
            "date": email.utils.formatdate(usegmt=True),
            "content-type": "text/event-stream; charset=utf-8",
            "transfer-encoding": "chunked",
            "connection": "keep-alive",
            "cache-control": "no-cache",
            "request-id": request_id,
            "anthropic-organization-id": "00000000-0000-4000-8000-000000000000",
            **self._ratelimit_headers(),
            "via": "1.1 google",
            "cf-cache-status": "DYNAMIC",
            "x-robots-tag": "none",
            "server": "cloudflare",
        }
        await self._head(writer, 200, headers)
        self.active += 1
        try:
            return await self._stream_body(sc, body, prefill, writer, model, nl, msg_id, input_tokens)
        except (ConnectionError, asyncio.CancelledError):
            self.disconnects += 1
            self.left.set()
            return False
        finally:
            self.active -= 1

    async def _stream_body(
        self,
        sc: Scenario,
        body: dict[str, Any],
        prefill: str,
        writer: asyncio.StreamWriter,
        model: str,
        nl: str,
        msg_id: str,
        input_tokens: int,
    ) -> bool:
        name = sc.name
        per_write = sc.int("per_write", 1 if name not in ("huge",) else 256)
        delay = sc.float("delay_ms", 25.0 if name == "slow" else 0.0) / 1000.0
        bytewise = name == "bytewise"
        out: list[bytes] = []

        async def send(data: bytes, force: bool = False) -> None:
            out.append(data)
            if len(out) >= per_write or force:
                payload = b"".join(out)
                out.clear()
                if bytewise:
                    for i in range(len(payload)):
                        writer.write(b"1\r\n" + payload[i : i + 1] + b"\r\n")
                        await writer.drain()
                        await asyncio.sleep(0)
                else:
                    writer.write(b"%x\r\n%s\r\n" % (len(payload), payload))
                    await writer.drain()

        await send(
            _sse(
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
                        "usage": {
                            "input_tokens": input_tokens,
                            "cache_creation_input_tokens": 0,
                            "cache_read_input_tokens": 0,
                            "output_tokens": 1,
                            "service_tier": "standard",
                        },
                    },
                },
                nl,
            ),
            force=True,
        )
        if name == "hang":
            await send(_sse("ping", {"type": "ping"}, nl), force=True)
            while True:
                await asyncio.sleep(0.05)
                await send(b": keep-alive" + nl.encode() + nl.encode(), force=True)
        if name == "error_first":
            await send(
                _sse(
                    "error",
                    {
                        "type": "error",
                        "error": {"type": sc.get("error_type", "overloaded_error"), "message": "Overloaded"},
                    },
                    nl,
                ),
                force=True,
            )
            writer.write(b"0\r\n\r\n")
            await writer.drain()
            return True
        index = 0
        output_tokens = 1
        if name == "thinking" or sc.get("thinking") == "1":
            await send(
                _sse(
                    "content_block_start",
                    {
                        "type": "content_block_start",
                        "index": 0,
                        "content_block": {"type": "thinking", "thinking": "", "signature": ""},
                    },
                    nl,
                )
            )
            for piece in _pieces("Let me think about the layout first: a header, the timer, two buttons.", 6):
                await send(
                    _sse(
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
                _sse(
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
            await send(_sse("content_block_stop", {"type": "content_block_stop", "index": 0}, nl))
            index = 1
        await send(
            _sse(
                "content_block_start",
                {"type": "content_block_start", "index": index, "content_block": {"type": "text", "text": ""}},
                nl,
            )
        )
        await send(_sse("ping", {"type": "ping"}, nl), force=True)
        if name == "timed":
            count = sc.int("tokens", 1000)
            for _ in range(count):
                await send(
                    _sse(
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
            text = self._answer(sc, prefill)
            pieces = _pieces(text, sc.int("piece", 4))
            # the same bytes _sse() would make, built faster (benches stream hundreds of thousands)
            delta_head = (
                f'event: content_block_delta{nl}data: {{"type":"content_block_delta","index":{index},'
                f'"delta":{{"type":"text_delta","text":'
            ).encode()
            delta_tail = ("}}" + nl + nl).encode()
            if name == "max_tokens":
                pieces = pieces[: sc.int("after", max(1, len(pieces) // 2))]
            after = sc.int("after", 5)
            for i, piece in enumerate(pieces):
                if name in ("error_mid", "drop") and i == after:
                    if out:
                        await send(b"", force=True)
                    if name == "drop":
                        writer.transport.abort()
                        self.disconnects += 1
                        return False
                    await send(
                        _sse(
                            "error",
                            {
                                "type": "error",
                                "error": {"type": sc.get("error_type", "overloaded_error"), "message": "Overloaded"},
                            },
                            nl,
                        ),
                        force=True,
                    )
                    writer.write(b"0\r\n\r\n")
                    await writer.drain()
                    return True
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
        await send(_sse("content_block_stop", {"type": "content_block_stop", "index": index}, nl))
        if sc.get("tool") == "1":  # a tool_use block whose input streams as partial JSON
            index += 1
            await send(
                _sse(
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
                    _sse(
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
            await send(_sse("content_block_stop", {"type": "content_block_stop", "index": index}, nl))
            stop_reason = "tool_use"
        await send(
            _sse(
                "message_delta",
                {
                    "type": "message_delta",
                    "delta": {"stop_reason": stop_reason, "stop_sequence": None},
                    "usage": {"output_tokens": output_tokens},
                },
                nl,
            )
        )
        await send(_sse("message_stop", {"type": "message_stop"}, nl), force=True)
        writer.write(b"0\r\n\r\n")
        await writer.drain()
        return True

    async def _status_error(self, sc: Scenario, status: int, writer: asyncio.StreamWriter) -> bool:
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
            extra.update(self._ratelimit_headers())
        if sc.get("html") == "1" or status == 502 or (status == 413 and sc.get("json") != "1"):
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
            await self._head(writer, status, headers)
            writer.write(page)
            await writer.drain()
            return True
        etype, message = {
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
        }.get(status, ("api_error", "Internal server error"))
        if sc.get("credit") == "1":
            message = "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing."
        return await self._error(writer, status, etype, message, extra)

    async def _non_streaming(
        self, sc: Scenario, body: dict[str, Any], prefill: str, writer: asyncio.StreamWriter
    ) -> bool:
        text = self._answer(sc, prefill)
        return await self._json(
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
                "usage": {"input_tokens": 10, "output_tokens": len(_pieces(text, 4))},
            },
            self._ratelimit_headers(),
        )

    # -- OpenAI-compatible chat completions ---------------------------------------------------

    async def _openai_chat(self, headers: dict[str, str], body: Any, writer: asyncio.StreamWriter) -> bool:
        with self._lock:
            self.requests.append(Recorded("POST", "/v1/chat/completions", headers, body))
        if not isinstance(body, dict) or not body.get("messages"):
            return await self._json(
                writer, 400, {"error": {"message": "messages is required", "type": "invalid_request_error"}}
            )
        sc = self._scenario([m for m in body["messages"] if m.get("role") != "system"])
        if sc.name == "status":
            status = sc.int("status", 500)
            return await self._json(
                writer, status, {"error": {"message": f"server error {status}", "type": "server_error"}}
            )
        prefill = body["messages"][-1]["content"] if body["messages"][-1].get("role") == "assistant" else ""
        text = self._answer(sc, prefill)
        model = body.get("model", "llama3.2")
        cid = f"chatcmpl-{next(_ids)}"
        created = int(time.time())
        await self._head(
            writer,
            200,
            {
                "content-type": "text/event-stream",
                "transfer-encoding": "chunked",
                "connection": "keep-alive",
                "x-request-id": _rid("oai"),
            },
        )

        async def chunk(data: dict[str, Any] | str) -> None:
            payload = (f"data: {data if isinstance(data, str) else json.dumps(data)}\n\n").encode()
            writer.write(b"%x\r\n%s\r\n" % (len(payload), payload))
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

        self.active += 1
        try:
            await chunk(base({"role": "assistant", "content": ""}))
            pieces = _pieces(text, sc.int("piece", 4))
            delay = sc.float("delay_ms", 25.0 if sc.name == "slow" else 0.0) / 1000.0
            for i, piece in enumerate(pieces):
                if sc.name == "drop" and i == sc.int("after", 5):
                    writer.transport.abort()
                    return False
                await chunk(base({"content": piece}))
                if delay:
                    await asyncio.sleep(delay)
            await chunk(base({}, "stop"))
            if (body.get("stream_options") or {}).get("include_usage"):
                await chunk(
                    {
                        "id": cid,
                        "object": "chat.completion.chunk",
                        "created": created,
                        "model": model,
                        "choices": [],
                        "usage": {
                            "prompt_tokens": 12,
                            "completion_tokens": len(pieces),
                            "total_tokens": 12 + len(pieces),
                        },
                    }
                )
            await chunk("[DONE]")
            writer.write(b"0\r\n\r\n")
            await writer.drain()
            return True
        except (ConnectionError, asyncio.CancelledError):
            self.left.set()
            return False
        finally:
            self.active -= 1


class _H2Connection:
    """HTTP/2 (the h2 library) in front of the HTTP/1.1 scenario code: each stream gets a writer that
    turns the HTTP/1.1 bytes the scenarios write (status line, headers, chunked frames) into HEADERS and
    DATA frames, so both protocols send exactly the same content."""

    def __init__(self, server: FakeAnthropic, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        import h2.config
        import h2.connection

        self.server = server
        self.reader = reader
        self.writer = writer
        self.conn = h2.connection.H2Connection(h2.config.H2Configuration(client_side=False, header_encoding="utf-8"))
        self.streams: dict[int, _H2Stream] = {}
        self.window = asyncio.Event()
        self.tasks: set[asyncio.Task] = set()

    async def serve(self) -> None:
        import h2.events

        self.conn.initiate_connection()
        self.writer.write(self.conn.data_to_send())
        requests: dict[int, dict[str, Any]] = {}
        try:
            while True:
                data = await self.reader.read(65536)
                if not data:
                    break
                for event in self.conn.receive_data(data):
                    if isinstance(event, h2.events.RequestReceived):
                        requests[event.stream_id] = {"headers": dict(event.headers), "body": b""}
                    elif isinstance(event, h2.events.DataReceived):
                        requests[event.stream_id]["body"] += event.data
                        self.conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
                    elif isinstance(event, h2.events.StreamEnded):
                        req = requests.pop(event.stream_id)
                        stream = self.streams[event.stream_id] = _H2Stream(self, event.stream_id)
                        task = asyncio.ensure_future(self._respond(stream, req))
                        self.tasks.add(task)
                        task.add_done_callback(self.tasks.discard)
                    elif isinstance(event, h2.events.StreamReset):
                        stream = self.streams.pop(event.stream_id, None)
                        if stream is not None:
                            stream.closed = True
                            self.server.disconnects += 1
                            self.server.left.set()
                    elif isinstance(event, (h2.events.WindowUpdated, h2.events.RemoteSettingsChanged)):
                        self.window.set()
                    elif isinstance(event, h2.events.ConnectionTerminated):
                        return
                self.flush()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            for stream in self.streams.values():
                stream.closed = True
            for task in list(self.tasks):
                task.cancel()
            try:
                self.writer.close()
            except Exception:
                pass

    def flush(self) -> None:
        data = self.conn.data_to_send()
        if data:
            self.writer.write(data)

    async def _respond(self, stream: _H2Stream, req: dict[str, Any]) -> None:
        headers = req["headers"]
        method, path = headers.pop(":method", "GET"), headers.pop(":path", "/")
        for pseudo in (":authority", ":scheme"):
            headers.pop(pseudo, None)
        raw = req["body"]
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        try:
            await self.server._route(method, path, headers, body, stream)
        except (ConnectionError, asyncio.CancelledError):
            pass


class _H2Stream:
    """The writer one HTTP/2 stream's scenario code writes HTTP/1.1 bytes to."""

    def __init__(self, connection: _H2Connection, stream_id: int) -> None:
        self.c = connection
        self.stream_id = stream_id
        self.buf = b""
        self.head_done = False
        self.chunked = False
        self.remaining: int | None = None
        self.pending = b""
        self.ended = False
        self.closed = False
        self.transport = self

    def write(self, data: bytes) -> None:
        if self.closed:
            raise ConnectionResetError("the client reset the stream")
        self.buf += data
        self._process()

    def _process(self) -> None:
        if not self.head_done:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return
            head, self.buf = self.buf[:end].decode("latin-1"), self.buf[end + 4 :]
            lines = head.split("\r\n")
            status = lines[0].split(" ")[1]
            headers = [(":status", status)]
            for line in lines[1:]:
                k, _, v = line.partition(":")
                k = k.strip().lower()
                if k == "transfer-encoding":
                    self.chunked = "chunked" in v
                    continue
                if k in ("connection", "keep-alive"):
                    continue
                if k == "content-length":
                    self.remaining = int(v.strip())
                headers.append((k, v.strip()))
            self.c.conn.send_headers(self.stream_id, headers, end_stream=self.remaining == 0)
            self.head_done = True
            if self.remaining == 0:
                self.closed = True
                self.c.flush()
                return
        while self.buf and not self.ended:
            if self.chunked:
                nl = self.buf.find(b"\r\n")
                if nl < 0:
                    return
                size = int(self.buf[:nl], 16)
                if len(self.buf) < nl + 2 + size + 2:
                    return
                chunk = self.buf[nl + 2 : nl + 2 + size]
                self.buf = self.buf[nl + 2 + size + 2 :]
                if size == 0:
                    self.ended = True
                else:
                    self.pending += chunk
            else:
                self.pending += self.buf
                if self.remaining is not None:
                    self.remaining -= len(self.buf)
                    self.ended = self.remaining <= 0
                self.buf = b""
        self._send()

    def _send(self) -> None:
        conn = self.c.conn
        while self.pending:
            window = min(conn.local_flow_control_window(self.stream_id), conn.max_outbound_frame_size)
            if window <= 0:
                break
            piece, self.pending = self.pending[:window], self.pending[window:]
            conn.send_data(self.stream_id, piece)
        if self.ended and not self.pending:
            conn.end_stream(self.stream_id)
            self.ended = False
            self.pending = b""
            self.buf = b""
            self.closed = True
        self.c.flush()

    async def drain(self) -> None:
        while self.pending and not self.closed:
            self.c.window.clear()
            await self.c.window.wait()
            self._send()
        await self.c.writer.drain()

    def abort(self) -> None:
        """A dropped connection: the whole TCP connection goes, as when a network path dies."""
        self.closed = True
        self.c.writer.transport.abort()

    def close(self) -> None:
        pass

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return self.c.writer.get_extra_info(name, default)


def main() -> None:
    import argparse
    import signal
    import sys

    parser = argparse.ArgumentParser(description="a local Anthropic-protocol server for tests and benches")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = FakeAnthropic(port=args.port).start()
    print(f"fake-anthropic: {server.url}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        sys.stdin.read() if not sys.stdin.isatty() and os.environ.get("FAKE_STDIN_EXIT") else stop.wait()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
