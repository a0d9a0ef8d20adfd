"""A real HTTP server on loopback that speaks the Anthropic Messages API (and an OpenAI-compatible one).

It follows the wire facts we measured against the real API: the response headers (``request-id``,
``anthropic-ratelimit-*``, ``retry-after``, ``x-should-retry``), the SSE event
names and JSON shapes of the Messages stream (``message_start``,
``content_block_start/delta/stop`` with ``text_delta``, ``thinking_delta``,
``signature_delta``, ``message_delta`` with cumulative usage, ``message_stop``,
``ping``, ``error``), the error bodies (``{"type":"error","error":{...},"request_id":...}``)
and chunked HTTP/1.1 transfer with keep-alive (HTTP/2 too, by ALPN, when it serves TLS).

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

Common parameters: ``stop_reason`` (any value, e.g. model_context_window_exceeded), ``usage=none`` (no usage
field anywhere in the reply), ``tool=1`` (a
tool_use block with input_json_delta after the text), ``words`` (answer length), ``answer`` (the name of a text registered with
``server.answers[name] = text``), ``piece`` (characters per token), ``per_write`` (SSE events per HTTP
chunk), ``crlf=1`` (CRLF line ends), ``thinking=1``, ``delay_ms``.

When the request ends with an assistant turn (a prefill, as used to continue an answer) and the answer
starts with it, only the rest of the answer is streamed: the fake "model" continues coherently (and a
drop/error_mid/max_tokens scenario is not applied again to the continuation).

This module holds the server (its thread and event loop, HTTP/1.1, routing, authentication, request checks
and the choice of scenario); the endpoints live in ``messages.py`` and ``openai.py``, HTTP/2 in ``http2.py``.

Run standalone, from the repository root: ``python -m tests.fakes.anthropic [--port N]`` prints
``fake-anthropic: URL``.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import threading
from collections import deque
from typing import Any

from .cache import MAX_BREAKPOINTS, PromptCache, block_tokens
from .cache import blocks as cache_blocks
from .http2 import Http2Connection
from .messages import answer_messages
from .openai import MODELS, answer_chat
from .scenarios import Recorded, Scenario, requested_scenario, words
from .vision import anthropic_image_error
from .wire import send_error, send_json


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
        #: Prefixes seen up to each ``cache_control`` breakpoint: the usage's cache fields (``cache.py``).
        self.prompt_cache = PromptCache()
        #: Input plus ``max_tokens`` above this is refused with the API's context-length error.
        self.context_window = 200_000
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

    # -- what the endpoints share ----------------------------------------------------------------

    def record(self, request: Recorded) -> None:
        """Keep a request for the test to inspect (the endpoints run on the server's thread)."""
        with self._lock:
            self.requests.append(request)

    def count_attempt(self, key: str) -> int:
        """The number of this attempt (from 1) at the request a ``fail_then_ok`` scenario named ``key``."""
        with self._lock:
            self.attempts[key] = self.attempts.get(key, 0) + 1
            return self.attempts[key]

    def choose_scenario(self, messages: list[dict[str, Any]]) -> Scenario:
        """The next pushed scenario, else the one the last user message asks for, else ``normal``."""
        with self._lock:
            if self.queue:
                return self.queue.popleft()
        return requested_scenario(messages)

    def answer(self, sc: Scenario, prefill: str) -> str:
        """The text the fake "model" answers, minus the prefill it continues."""
        if sc.get("answer"):
            text = self.answers[sc.get("answer")]
        elif sc.name == "huge":
            text = words(sc.int("tokens", 20000))
        else:
            text = words(sc.int("words", 40))
        if prefill and text.startswith(prefill):
            text = text[len(prefill) :]
        return text

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
            await Http2Connection(self, reader, writer).serve()
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
                keep = await self.route(method, path, headers, body, writer)
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

    # -- routing ---------------------------------------------------------------------------------

    async def route(
        self, method: str, path: str, headers: dict[str, str], body: Any, writer: asyncio.StreamWriter
    ) -> bool:
        """Answer one request, whatever protocol carried it; True keeps the connection for the next one."""
        route = path.split("?")[0]
        if route in ("/v1/chat/completions", "/chat/completions") and method == "POST":
            return await answer_chat(self, headers, body, writer)
        if route == "/v1/models" and "anthropic-version" not in headers:
            return await send_json(writer, 200, MODELS)
        self.record(Recorded(method, path, headers, body))
        key = headers.get("x-api-key") or headers.get("authorization", "").removeprefix("Bearer ")
        if not key:
            return await send_error(writer, 401, "authentication_error", "x-api-key header is required")
        if "bad" in key or "invalid" in key:
            return await send_error(writer, 401, "authentication_error", "invalid x-api-key")
        if route == "/v1/models" and method == "GET":
            data = [
                {"type": "model", "id": m, "display_name": m, "created_at": "2025-09-29T00:00:00Z"}
                for m in self.model_ids
            ]
            return await send_json(
                writer, 200, {"data": data, "has_more": False, "first_id": data[0]["id"], "last_id": data[-1]["id"]}
            )
        if route != "/v1/messages" or method != "POST":
            return await send_error(writer, 404, "not_found_error", f"Not found: {method} {route}")
        if "anthropic-version" not in headers:
            return await send_error(writer, 400, "invalid_request_error", "anthropic-version: header is required")
        if not isinstance(body, dict) or "model" not in body or "max_tokens" not in body or not body.get("messages"):
            return await send_error(
                writer, 400, "invalid_request_error", "model, max_tokens and messages: Field required"
            )
        malformed = anthropic_image_error(body)
        if malformed:
            return await send_error(writer, 400, "invalid_request_error", malformed)
        marks = sum(1 for _where, block in cache_blocks(body) if "cache_control" in block)
        if marks > MAX_BREAKPOINTS:
            return await send_error(
                writer,
                400,
                "invalid_request_error",
                f"A maximum of {MAX_BREAKPOINTS} blocks with cache_control may be provided. Found {marks}.",
            )
        prompt_tokens = sum(block_tokens(block) for _where, block in cache_blocks(body))
        if prompt_tokens + int(body["max_tokens"]) > self.context_window:
            return await send_error(
                writer,
                400,
                "invalid_request_error",
                f"input length and `max_tokens` exceed context limit: {prompt_tokens} + {body['max_tokens']} > "
                f"{self.context_window}, decrease input length or `max_tokens` and try again",
            )
        messages = body["messages"]
        last = messages[-1]
        prefill = ""
        if last.get("role") == "assistant":
            prefill = last["content"] if isinstance(last["content"], str) else ""
            if prefill != prefill.rstrip():
                return await send_error(
                    writer,
                    400,
                    "invalid_request_error",
                    "messages: final assistant content cannot end with trailing whitespace",
                )
        scenario = self.choose_scenario(messages)
        self.requests[-1].scenario = scenario.name
        return await answer_messages(self, scenario, body, prefill, writer)


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
