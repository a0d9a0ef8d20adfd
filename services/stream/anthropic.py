"""The Anthropic Messages API over httpx: one streamed answer, event by event.

The per-chunk path is: bytes -> :class:`SSEParser` -> for a ``content_block_delta``
one msgspec decode -> ``sink.add(text)``; after each network read ``sink.flush()``
publishes what that read brought (one bus event per read, never a token held back).
"""

from __future__ import annotations

from typing import Any, Protocol

import httpx
import msgspec

from vibing.schema.stream import ChatTurn
from vibing.services.stream import failures
from vibing.services.stream.failures import Failure
from vibing.services.stream.retry import parse_retry_after
from vibing.services.stream.sse import SSEParser

API_VERSION = "2023-06-01"
USER_AGENT = "vibing/0.1 (+httpx)"
#: Bytes buffered without a complete event before the stream is declared garbage.
_MAX_PENDING = 4 * 1024 * 1024
_MAX_ERROR_BODY = 64 * 1024


class Sink(Protocol):
    """Where a provider delivers one stream (implemented by the runner's StreamRun)."""

    delivered: bool

    def opened(self, request_id: str, headers: httpx.Headers) -> None: ...
    def started(self, message_id: str, model: str) -> None: ...
    def add(self, text: str, thinking: bool) -> None: ...
    def flush(self) -> None: ...
    def usage(
        self, input_tokens: int | None, output_tokens: int | None, cache_creation: int | None, cache_read: int | None
    ) -> None: ...
    def stop_reason(self, reason: str) -> None: ...


class Call(msgspec.Struct, kw_only=True):
    """A resolved request: everything a provider needs."""

    provider: str
    base_url: str
    model: str
    messages: list[ChatTurn]
    system: str = ""
    max_tokens: int = 4096
    temperature: float | None = None
    thinking_budget: int = 0
    api_key: str = ""

    def __repr__(self) -> str:  # never show the key, even in a traceback or a debug log
        return (
            f"Call(provider={self.provider!r}, base_url={self.base_url!r}, model={self.model!r}, "
            f"turns={len(self.messages)}, max_tokens={self.max_tokens}, api_key=[redacted])"
        )


# -- wire shapes (unknown fields are ignored; every field has a default) -------------------------


class _Usage(msgspec.Struct):
    input_tokens: int | None = None
    output_tokens: int | None = None
    cache_creation_input_tokens: int | None = None
    cache_read_input_tokens: int | None = None


class _Message(msgspec.Struct):
    id: str = ""
    model: str = ""
    usage: _Usage | None = None


class _MessageStart(msgspec.Struct):
    message: _Message = msgspec.field(default_factory=_Message)


class _Block(msgspec.Struct):
    type: str = ""
    text: str = ""
    thinking: str = ""


class _BlockStart(msgspec.Struct):
    index: int = 0
    content_block: _Block = msgspec.field(default_factory=_Block)


class _Delta(msgspec.Struct):
    type: str = ""
    text: str = ""
    thinking: str = ""
    signature: str = ""
    partial_json: str = ""


class _BlockDelta(msgspec.Struct):
    index: int = 0
    delta: _Delta = msgspec.field(default_factory=_Delta)


class _MessageDeltaBody(msgspec.Struct):
    stop_reason: str | None = None
    stop_sequence: str | None = None


class _MessageDelta(msgspec.Struct):
    delta: _MessageDeltaBody = msgspec.field(default_factory=_MessageDeltaBody)
    usage: _Usage | None = None


class _ErrorBody(msgspec.Struct):
    type: str = ""
    message: str = ""


class _ErrorEvent(msgspec.Struct):
    error: _ErrorBody = msgspec.field(default_factory=_ErrorBody)
    request_id: str = ""


_dec_start = msgspec.json.Decoder(_MessageStart)
_dec_block_start = msgspec.json.Decoder(_BlockStart)
_dec_delta = msgspec.json.Decoder(_BlockDelta)
_dec_message_delta = msgspec.json.Decoder(_MessageDelta)
_dec_error = msgspec.json.Decoder(_ErrorEvent)
_encoder = msgspec.json.Encoder()

#: error types after which a retry may work (if no token was delivered yet).
_RETRYABLE_EVENT_ERRORS = frozenset({"overloaded_error", "api_error", "timeout_error", "rate_limit_error"})


def request_body(call: Call, *, stream: bool = True) -> bytes:
    body: dict[str, Any] = {
        "model": call.model,
        "max_tokens": call.max_tokens,
        "messages": [{"role": m.role, "content": m.content} for m in call.messages],
    }
    if call.system:
        body["system"] = call.system
    if call.thinking_budget > 0:
        body["thinking"] = {"type": "enabled", "budget_tokens": call.thinking_budget}
    elif call.temperature is not None:
        body["temperature"] = call.temperature
    if stream:
        body["stream"] = True
    return _encoder.encode(body)


def headers(api_key: str) -> dict[str, str]:
    return {
        "x-api-key": api_key,
        "anthropic-version": API_VERSION,
        "content-type": "application/json",
        "accept": "application/json",
        "user-agent": USER_AGENT,
    }


def _url(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


async def read_error(resp: httpx.Response) -> bytes:
    body = b""
    async for chunk in resp.aiter_bytes():
        body += chunk
        if len(body) > _MAX_ERROR_BODY:
            break
    return body


class AnthropicProvider:
    name = "anthropic"

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def stream(self, call: Call, sink: Sink) -> None:
        """One attempt; returns when the answer is complete, raises :class:`Failure` otherwise."""
        url = _url(call.base_url, "/v1/messages")
        try:
            async with self.client.stream(
                "POST", url, content=request_body(call), headers=headers(call.api_key)
            ) as resp:
                request_id = resp.headers.get("request-id", "")
                if resp.status_code != 200:
                    body = await read_error(resp)
                    retry_after = parse_retry_after(resp.headers)
                    error = failures.from_response(
                        resp.status_code,
                        resp.headers,
                        body,
                        provider=self.name,
                        model=call.model,
                        retry_after_s=retry_after,
                    )
                    error.details["request_id"] = request_id
                    raise Failure(
                        error, status=resp.status_code, headers=resp.headers, retryable=True, request_id=request_id
                    )
                ctype = resp.headers.get("content-type", "")
                if not ctype.startswith("text/event-stream"):
                    body = await read_error(resp)
                    error = failures.from_response(
                        200, resp.headers, body, provider=self.name, model=call.model, retry_after_s=None
                    )
                    raise Failure(error, status=200, headers=resp.headers, retryable=False, request_id=request_id)
                sink.opened(request_id, resp.headers)
                await self._consume(resp, call, sink, request_id)
        except Failure:
            raise
        except httpx.HTTPError as exc:
            raise failures.from_exception(
                exc, base_url=call.base_url, provider=self.name, delivered=sink.delivered
            ) from exc

    async def _consume(self, resp: httpx.Response, call: Call, sink: Sink, request_id: str) -> None:
        parser = SSEParser()
        feed = parser.feed
        add = sink.add
        decode_delta = _dec_delta.decode
        finished = False
        seen_event = False
        chunks = resp.aiter_bytes() if resp.headers.get("content-encoding") else resp.aiter_raw()
        async for chunk in chunks:
            for name, data, _id in feed(chunk):
                seen_event = True
                if name == "content_block_delta":
                    try:
                        delta = decode_delta(data).delta
                    except (msgspec.DecodeError, msgspec.ValidationError):
                        continue  # a garbled event: skip it, keep the stream
                    kind = delta.type
                    if kind == "text_delta":
                        add(delta.text, False)
                    elif kind == "thinking_delta":
                        add(delta.thinking, True)
                    # signature_delta and input_json_delta carry nothing to show
                elif name == "message_delta":
                    try:
                        md = _dec_message_delta.decode(data)
                    except (msgspec.DecodeError, msgspec.ValidationError):
                        continue
                    if md.delta.stop_reason:
                        sink.stop_reason(md.delta.stop_reason)
                    if md.usage is not None:
                        u = md.usage
                        sink.usage(
                            u.input_tokens, u.output_tokens, u.cache_creation_input_tokens, u.cache_read_input_tokens
                        )
                elif name == "message_start":
                    try:
                        ms = _dec_start.decode(data).message
                    except (msgspec.DecodeError, msgspec.ValidationError):
                        continue
                    sink.started(ms.id, ms.model)
                    if ms.usage is not None:
                        u = ms.usage
                        sink.usage(
                            u.input_tokens, u.output_tokens, u.cache_creation_input_tokens, u.cache_read_input_tokens
                        )
                elif name == "content_block_start":
                    try:
                        block = _dec_block_start.decode(data).content_block
                    except (msgspec.DecodeError, msgspec.ValidationError):
                        continue
                    if block.type == "text" and block.text:
                        add(block.text, False)
                    elif block.type == "thinking" and block.thinking:
                        add(block.thinking, True)
                elif name == "message_stop":
                    finished = True
                elif name == "error":
                    sink.flush()
                    self._raise_event_error(data, sink, request_id, call)
                # ping, content_block_stop and unknown event types: nothing to do
            sink.flush()
            if finished:
                break
            if parser.pending > _MAX_PENDING:
                raise Failure(
                    failures.ApiUnexpectedResponse(
                        "The service returned an unexpected response (no event in the last 4 MB of the stream).",
                        status=200,
                    ),
                    status=200,
                    retryable=not sink.delivered,
                    request_id=request_id,
                    after_tokens=sink.delivered,
                )
        if not finished:
            if sink.delivered:
                raise Failure(
                    failures.StreamInterrupted(
                        "The connection was cut in the middle of the answer; the text so far is kept and can be continued.",
                        status=200,
                        request_id=request_id,
                    ),
                    status=200,
                    retryable=False,
                    request_id=request_id,
                    after_tokens=True,
                )
            if not seen_event:
                raise Failure(
                    failures.ApiUnexpectedResponse(
                        "The service returned an unexpected response (HTTP 200 without any event).",
                        status=200,
                        request_id=request_id,
                    ),
                    status=200,
                    retryable=True,
                    request_id=request_id,
                )
            raise Failure(
                failures.ApiUnreachable("The connection closed before the answer started.", request_id=request_id),
                status=200,
                retryable=True,
                request_id=request_id,
            )

    def _raise_event_error(self, data: bytes, sink: Sink, request_id: str, call: Call) -> None:
        try:
            ev = _dec_error.decode(data)
            etype, emessage = ev.error.type, ev.error.message
        except (msgspec.DecodeError, msgspec.ValidationError):
            etype, emessage = "", data[:200].decode("utf-8", "replace")
        error = failures.classify(200, etype, emessage, provider=self.name, model=call.model)
        error.details["request_id"] = request_id
        if sink.delivered:
            cut = failures.StreamInterrupted(
                f"The answer was cut by an error from the API: {error.message} The text so far is kept and can be "
                f"continued.",
                status=200,
                error_type=etype,
                error_code=type(error).__name__,
                request_id=request_id,
            )
            raise Failure(cut, status=200, retryable=False, request_id=request_id, after_tokens=True)
        raise Failure(error, status=200, retryable=etype in _RETRYABLE_EVENT_ERRORS, request_id=request_id)

    async def complete(self, call: Call, timeout: float = 8.0) -> tuple[str, Any]:
        """A small non-streamed answer: (text, usage dict)."""
        resp = await self.client.post(
            _url(call.base_url, "/v1/messages"),
            content=request_body(call, stream=False),
            headers=headers(call.api_key),
            timeout=httpx.Timeout(timeout, connect=5.0),
        )
        if resp.status_code != 200:
            error = failures.from_response(
                resp.status_code,
                resp.headers,
                resp.content,
                provider=self.name,
                model=call.model,
                retry_after_s=parse_retry_after(resp.headers),
            )
            raise Failure(error, status=resp.status_code, headers=resp.headers)
        data = msgspec.json.decode(resp.content)
        text = "".join(b.get("text", "") for b in data.get("content", []) if b.get("type") == "text")
        return text, data.get("usage", {})

    async def check_key(self, base_url: str, api_key: str) -> tuple[int, str, bytes, httpx.Headers]:
        """GET /v1/models?limit=1: authenticated and free.  Returns (status, request id, body, headers)."""
        resp = await self.client.get(
            _url(base_url, "/v1/models"),
            params={"limit": "1"},
            headers=headers(api_key),
            timeout=httpx.Timeout(8.0, connect=5.0),
        )
        return resp.status_code, resp.headers.get("request-id", ""), resp.content, resp.headers

    async def list_models(self, base_url: str, api_key: str) -> list[dict[str, Any]]:
        resp = await self.client.get(
            _url(base_url, "/v1/models"),
            params={"limit": "100"},
            headers=headers(api_key),
            timeout=httpx.Timeout(8.0, connect=5.0),
        )
        if resp.status_code != 200:
            return []
        try:
            return list(msgspec.json.decode(resp.content).get("data", []))
        except (msgspec.DecodeError, AttributeError):
            return []
