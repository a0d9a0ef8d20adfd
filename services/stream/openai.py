"""Any OpenAI-compatible chat-completions server (Ollama, llama.cpp, LM Studio, vLLM): its wire mapping.

``POST {base_url}/chat/completions`` with ``stream: true``; each SSE ``data:``
line is a ``chat.completion.chunk`` (``choices[0].delta.content``, and
``reasoning_content``/``reasoning`` for thinking models), ``finish_reason``
ends the choice, a final chunk may carry ``usage``, and ``data: [DONE]`` ends
the stream.  ``base_url`` includes the version prefix (``http://127.0.0.1:11434/v1``).
Connecting, reading, parsing and cancelling are the shared skeleton's (``provider.py``).
"""

from __future__ import annotations

from typing import Any

import httpx
import msgspec

from vibing.services.stream import failures, images
from vibing.services.stream.failures import Failure
from vibing.services.stream.provider import USER_AGENT, Call, EventDecoder, Sink, StreamingProvider, join_url
from vibing.services.stream.sse import SSEEvent

_FINISH = {
    "stop": "end_turn",
    "length": "max_tokens",
    "content_filter": "refusal",
    "tool_calls": "tool_use",
    "function_call": "tool_use",
}


class _ODelta(msgspec.Struct):
    content: str | None = None
    reasoning_content: str | None = None
    reasoning: str | None = None


class _OChoice(msgspec.Struct):
    index: int = 0
    delta: _ODelta | None = None
    finish_reason: str | None = None


class _OUsage(msgspec.Struct):
    prompt_tokens: int | None = None
    completion_tokens: int | None = None


class _OError(msgspec.Struct):
    message: str = ""
    type: str = ""


class _OChunk(msgspec.Struct):
    id: str = ""
    model: str = ""
    choices: list[_OChoice] = []
    usage: _OUsage | None = None
    error: _OError | str | None = None


_dec_chunk = msgspec.json.Decoder(_OChunk)
_encoder = msgspec.json.Encoder()


def request_body(call: Call) -> bytes:
    messages: list[dict[str, Any]] = []
    if call.system:
        messages.append({"role": "system", "content": call.system})
    messages.extend({"role": m.role, "content": images.openai_content(m.content)} for m in call.messages)
    body: dict[str, Any] = {
        "model": call.model,
        "messages": messages,
        "stream": True,
        "max_tokens": call.max_tokens,
        "stream_options": {"include_usage": True},
    }
    if call.temperature is not None:
        body["temperature"] = call.temperature
    return _encoder.encode(body)


def request_headers(api_key: str) -> dict[str, str]:
    h = {"content-type": "application/json", "accept": "text/event-stream", "user-agent": USER_AGENT}
    if api_key:
        h["authorization"] = f"Bearer {api_key}"
    return h


class OpenAIEvents(EventDecoder):
    """Chat-completion chunks for one stream: content and reasoning deltas, finish reason, usage, errors."""

    __slots__ = ("started", "got_finish")

    def __init__(self, call: Call, sink: Sink, request_id: str) -> None:
        super().__init__(call, sink, request_id)
        self.started = False
        self.got_finish = False

    def take(self, events: list[SSEEvent]) -> bool:
        sink = self.sink
        add = sink.add
        decode = _dec_chunk.decode
        for _name, data, _id in events:
            if data == b"[DONE]":
                return True
            try:
                c = decode(data)
            except (msgspec.DecodeError, msgspec.ValidationError):
                continue
            if c.error is not None:
                sink.flush()
                raise self._chunk_error(c.error)
            if not self.started:
                self.started = True
                sink.started(c.id, c.model)
            for choice in c.choices:
                d = choice.delta
                if d is not None:
                    thinking = d.reasoning_content or d.reasoning
                    if thinking:
                        add(thinking, True)
                    if d.content:
                        add(d.content, False)
                if choice.finish_reason:
                    self.got_finish = True
                    sink.stop_reason(_FINISH.get(choice.finish_reason, choice.finish_reason))
            if c.usage is not None:
                sink.usage(c.usage.prompt_tokens, c.usage.completion_tokens, None, None)
        return False

    def _chunk_error(self, err: _OError | str) -> Failure:
        message = err if isinstance(err, str) else err.message
        error = failures.classify(
            200, "" if isinstance(err, str) else err.type, message, provider="openai", model=self.call.model
        )
        if self.sink.delivered:
            return Failure(
                failures.StreamInterrupted(
                    f"The answer was cut by an error from the model server: {error.message}", status=200
                ),
                status=200,
                retryable=False,
                after_tokens=True,
            )
        return Failure(error, status=200, retryable=False)

    def garbage(self) -> Failure:
        return Failure(
            failures.ApiUnexpectedResponse(
                "The model server returned an unexpected response (no event in 4 MB).", status=200
            ),
            status=200,
            retryable=False,
        )

    def ended(self) -> Failure | None:
        if self.got_finish:
            return None  # no [DONE], but the choice finished: a whole answer
        if self.sink.delivered:
            return Failure(
                failures.StreamInterrupted(
                    "The connection to the model server was cut in the middle of the answer; the text so far is kept "
                    "and can be continued.",
                    status=200,
                ),
                status=200,
                retryable=False,
                after_tokens=True,
            )
        return Failure(
            failures.ApiUnreachable("The model server closed the connection before answering."),
            status=200,
            retryable=True,
        )


class OpenAIProvider(StreamingProvider):
    name = "openai"
    connect_timeout_s = 3.0
    decoder = OpenAIEvents

    def url(self, call: Call) -> str:
        return join_url(call.base_url, "/chat/completions")

    def headers(self, call: Call) -> dict[str, str]:
        return request_headers(call.api_key)

    def body(self, call: Call) -> bytes:
        return request_body(call)

    def request_id(self, headers: httpx.Headers) -> str:
        return headers.get("x-request-id", "") or headers.get("request-id", "")

    def is_event_stream(self, content_type: str) -> bool:
        return "event-stream" in content_type  # local servers vary in what they put around it

    async def complete(self, call: Call, timeout: float = 8.0) -> tuple[str, Any]:
        """A small non-streamed answer: (text, usage dict with input_tokens/output_tokens)."""
        body = msgspec.json.decode(request_body(call))
        body["stream"] = False
        body.pop("stream_options", None)
        resp = await self.client.post(
            self.url(call),
            content=_encoder.encode(body),
            headers=request_headers(call.api_key),
            timeout=self.timeout(timeout),
        )
        if resp.status_code != 200:
            raise Failure(
                failures.from_response(
                    resp.status_code,
                    resp.headers,
                    resp.content,
                    provider=self.name,
                    model=call.model,
                    retry_after_s=None,
                ),
                status=resp.status_code,
            )
        data = msgspec.json.decode(resp.content)
        choice = (data.get("choices") or [{}])[0]
        usage = data.get("usage") or {}
        return (choice.get("message") or {}).get("content") or "", {
            "input_tokens": usage.get("prompt_tokens", 0),
            "output_tokens": usage.get("completion_tokens", 0),
        }

    async def list_models(self, base_url: str, api_key: str) -> list[str]:
        resp = await self.client.get(
            join_url(base_url, "/models"), headers=request_headers(api_key), timeout=self.timeout(5.0)
        )
        if resp.status_code != 200:
            raise Failure(
                failures.from_response(
                    resp.status_code, resp.headers, resp.content, provider=self.name, model="", retry_after_s=None
                ),
                status=resp.status_code,
            )
        try:
            data = msgspec.json.decode(resp.content)
            return [m.get("id", "") for m in data.get("data", []) if isinstance(m, dict)]
        except (msgspec.DecodeError, AttributeError):
            return []
