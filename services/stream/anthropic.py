"""The Anthropic Messages API: its wire mapping on the shared streaming skeleton (``provider.py``).

Here only what is Anthropic's: the URL, headers and body of ``POST /v1/messages``, the
event types (``message_start``, ``content_block_*``, ``message_delta``, ``message_stop``,
``error``) mapped to text, thinking, usage and stop reason, and the errors they report.
The per-token path is one msgspec decode of a ``content_block_delta`` and ``sink.add(text)``.
"""

from __future__ import annotations

from typing import Any

import httpx
import msgspec

from vibing.errors import ModelApiError
from vibing.services.stream import failures, images
from vibing.services.stream.failures import Failure
from vibing.services.stream.provider import USER_AGENT, Call, EventDecoder, Sink, StreamingProvider, join_url
from vibing.services.stream.retry import parse_retry_after
from vibing.services.stream.sse import SSEEvent

API_VERSION = "2023-06-01"

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


#: Anthropic takes at most this many ``cache_control`` breakpoints in one request.
MAX_BREAKPOINTS = 4
_EPHEMERAL = {"type": "ephemeral"}


def _cached(content: str | list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A turn's content with a cache breakpoint on its last block."""
    blocks: list[dict[str, Any]] = (
        [{"type": "text", "text": content}] if isinstance(content, str) else [dict(b) for b in content]
    )
    if blocks:
        blocks[-1]["cache_control"] = _EPHEMERAL
    return blocks


def cache_layout(call: Call) -> tuple[Any, list[dict[str, Any]]]:
    """(system, messages) of a request that asks for prompt caching: breakpoints where the prefix is stable.

    The prefix is ordered most stable first (the agent and output format, then the files, then the
    conversation), and a breakpoint ends each of: the system parts (at most two: a file edit then re-writes only
    the files' part and what follows), the previous user turn (what the previous request wrote to the cache, so
    a follow-up reads up to it) and the current user turn (written now, for the next follow-up).  A retry sends
    the same bytes and reads them all.  Four at most, the API's limit."""
    parts = [p for p in (call.system_parts or ([call.system] if call.system else [])) if p]
    system: list[dict[str, Any]] = [{"type": "text", "text": p} for p in parts]
    for block in system[-2:]:
        block["cache_control"] = _EPHEMERAL
    messages: list[dict[str, Any]] = [
        {"role": m.role, "content": images.anthropic_content(m.content)} for m in call.messages
    ]
    left = MAX_BREAKPOINTS - min(2, len(system))
    users = [i for i, m in enumerate(messages) if m["role"] == "user"]
    for i in reversed(users[-left:] if left > 0 else []):
        messages[i]["content"] = _cached(messages[i]["content"])
    return system, messages


def request_body(call: Call, *, stream: bool = True) -> bytes:
    body: dict[str, Any] = {"model": call.model, "max_tokens": call.max_tokens}
    if call.cache:
        system, body["messages"] = cache_layout(call)
        if system:
            body["system"] = system
    else:
        body["messages"] = [{"role": m.role, "content": images.anthropic_content(m.content)} for m in call.messages]
        if call.system:
            body["system"] = call.system
    if call.thinking_budget > 0:
        body["thinking"] = {"type": "enabled", "budget_tokens": call.thinking_budget}
    elif call.temperature is not None:
        body["temperature"] = call.temperature
    if stream:
        body["stream"] = True
    return _encoder.encode(body)


def request_headers(api_key: str) -> dict[str, str]:
    return {
        "x-api-key": api_key,
        "anthropic-version": API_VERSION,
        "content-type": "application/json",
        "accept": "application/json",
        "user-agent": USER_AGENT,
    }


class AnthropicEvents(EventDecoder):
    """Anthropic's events for one stream: deltas to text and thinking, usage, stop reason, errors."""

    __slots__ = ("finished", "seen_event")

    def __init__(self, call: Call, sink: Sink, request_id: str) -> None:
        super().__init__(call, sink, request_id)
        self.finished = False
        self.seen_event = False

    def take(self, events: list[SSEEvent]) -> bool:
        if not events:
            return False
        sink = self.sink
        add = sink.add
        decode_delta = _dec_delta.decode
        self.seen_event = True
        for name, data, _id in events:
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
                self.finished = True
            elif name == "error":
                sink.flush()
                raise self._event_error(data)
            # ping, content_block_stop and unknown event types: nothing to do
        return self.finished

    def _event_error(self, data: bytes) -> Failure:
        request_id = self.request_id
        try:
            ev = _dec_error.decode(data)
            etype, emessage = ev.error.type, ev.error.message
        except (msgspec.DecodeError, msgspec.ValidationError):
            etype, emessage = "", data[:200].decode("utf-8", "replace")
        error = failures.classify(200, etype, emessage, provider="anthropic", model=self.call.model)
        error.details["request_id"] = request_id
        if self.sink.delivered:
            cut = failures.StreamInterrupted(
                f"The answer was cut by an error from the API: {error.message} The text so far is kept and can be "
                f"continued.",
                status=200,
                error_type=etype,
                error_code=type(error).__name__,
                request_id=request_id,
            )
            return Failure(cut, status=200, retryable=False, request_id=request_id, after_tokens=True)
        return Failure(error, status=200, retryable=etype in _RETRYABLE_EVENT_ERRORS, request_id=request_id)

    def garbage(self) -> Failure:
        delivered = self.sink.delivered
        return Failure(
            failures.ApiUnexpectedResponse(
                "The service returned an unexpected response (no event in the last 4 MB of the stream).",
                status=200,
            ),
            status=200,
            retryable=not delivered,
            request_id=self.request_id,
            after_tokens=delivered,
        )

    def ended(self) -> Failure:
        request_id = self.request_id
        if self.sink.delivered:
            return Failure(
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
        if not self.seen_event:
            return Failure(
                failures.ApiUnexpectedResponse(
                    "The service returned an unexpected response (HTTP 200 without any event).",
                    status=200,
                    request_id=request_id,
                ),
                status=200,
                retryable=True,
                request_id=request_id,
            )
        return Failure(
            failures.ApiUnreachable("The connection closed before the answer started.", request_id=request_id),
            status=200,
            retryable=True,
            request_id=request_id,
        )


class AnthropicProvider(StreamingProvider):
    name = "anthropic"
    connect_timeout_s = 5.0
    decoder = AnthropicEvents

    def url(self, call: Call) -> str:
        return join_url(call.base_url, "/v1/messages")

    def headers(self, call: Call) -> dict[str, str]:
        return request_headers(call.api_key)

    def body(self, call: Call) -> bytes:
        return request_body(call)

    def status_error(
        self, status: int, headers: httpx.Headers, body: bytes, call: Call, request_id: str, retry_after_s: float | None
    ) -> ModelApiError:
        error = super().status_error(status, headers, body, call, request_id, retry_after_s)
        error.details["request_id"] = request_id
        return error

    async def complete(self, call: Call, timeout: float = 8.0) -> tuple[str, Any]:
        """A small non-streamed answer: (text, usage dict)."""
        resp = await self.client.post(
            self.url(call),
            content=request_body(call, stream=False),
            headers=request_headers(call.api_key),
            timeout=self.timeout(timeout),
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
            join_url(base_url, "/v1/models"),
            params={"limit": "1"},
            headers=request_headers(api_key),
            timeout=self.timeout(8.0),
        )
        return resp.status_code, self.request_id(resp.headers), resp.content, resp.headers

    async def list_models(self, base_url: str, api_key: str) -> list[dict[str, Any]]:
        resp = await self.client.get(
            join_url(base_url, "/v1/models"),
            params={"limit": "100"},
            headers=request_headers(api_key),
            timeout=self.timeout(8.0),
        )
        if resp.status_code != 200:
            return []
        try:
            return list(msgspec.json.decode(resp.content).get("data", []))
        except (msgspec.DecodeError, AttributeError):
            return []
