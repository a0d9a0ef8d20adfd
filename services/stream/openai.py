"""Any OpenAI-compatible chat-completions server with streaming (Ollama, llama.cpp, LM Studio, vLLM).

``POST {base_url}/chat/completions`` with ``stream: true``; each SSE ``data:``
line is a ``chat.completion.chunk`` (``choices[0].delta.content``, and
``reasoning_content``/``reasoning`` for thinking models), ``finish_reason``
ends the choice, a final chunk may carry ``usage``, and ``data: [DONE]`` ends
the stream.  ``base_url`` includes the version prefix (``http://127.0.0.1:11434/v1``).
"""

from __future__ import annotations

from typing import Any

import httpx
import msgspec

from vibing.services.stream import failures
from vibing.services.stream.anthropic import Call, Sink, read_error
from vibing.services.stream.failures import Failure
from vibing.services.stream.retry import parse_retry_after
from vibing.services.stream.sse import SSEParser

_FINISH = {
    "stop": "end_turn",
    "length": "max_tokens",
    "content_filter": "refusal",
    "tool_calls": "tool_use",
    "function_call": "tool_use",
}
_MAX_PENDING = 4 * 1024 * 1024


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
    messages: list[dict[str, str]] = []
    if call.system:
        messages.append({"role": "system", "content": call.system})
    messages.extend({"role": m.role, "content": m.content} for m in call.messages)
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


def _headers(api_key: str) -> dict[str, str]:
    h = {"content-type": "application/json", "accept": "text/event-stream", "user-agent": "vibing/0.1 (+httpx)"}
    if api_key:
        h["authorization"] = f"Bearer {api_key}"
    return h


class OpenAIProvider:
    name = "openai"

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def stream(self, call: Call, sink: Sink) -> None:
        url = call.base_url.rstrip("/") + "/chat/completions"
        try:
            async with self.client.stream(
                "POST", url, content=request_body(call), headers=_headers(call.api_key)
            ) as resp:
                request_id = resp.headers.get("x-request-id", "") or resp.headers.get("request-id", "")
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
                    raise Failure(
                        error, status=resp.status_code, headers=resp.headers, retryable=True, request_id=request_id
                    )
                ctype = resp.headers.get("content-type", "")
                if "event-stream" not in ctype:
                    body = await read_error(resp)
                    error = failures.from_response(
                        200, resp.headers, body, provider=self.name, model=call.model, retry_after_s=None
                    )
                    raise Failure(error, status=200, retryable=False, request_id=request_id)
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
        add = sink.add
        finished = False
        got_finish = False
        started = False
        async for chunk in resp.aiter_bytes():
            for _name, data, _id in parser.feed(chunk):
                if data == b"[DONE]":
                    finished = True
                    break
                try:
                    c = _dec_chunk.decode(data)
                except (msgspec.DecodeError, msgspec.ValidationError):
                    continue
                if c.error is not None:
                    sink.flush()
                    message = c.error if isinstance(c.error, str) else c.error.message
                    error = failures.classify(
                        200,
                        "" if isinstance(c.error, str) else c.error.type,
                        message,
                        provider=self.name,
                        model=call.model,
                    )
                    if sink.delivered:
                        raise Failure(
                            failures.StreamInterrupted(
                                f"The answer was cut by an error from the model server: {error.message}", status=200
                            ),
                            status=200,
                            retryable=False,
                            after_tokens=True,
                        )
                    raise Failure(error, status=200, retryable=False)
                if not started:
                    started = True
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
                        got_finish = True
                        sink.stop_reason(_FINISH.get(choice.finish_reason, choice.finish_reason))
                if c.usage is not None:
                    sink.usage(c.usage.prompt_tokens, c.usage.completion_tokens, None, None)
            sink.flush()
            if finished:
                break
            if parser.pending > _MAX_PENDING:
                raise Failure(
                    failures.ApiUnexpectedResponse(
                        "The model server returned an unexpected response (no event in 4 MB).", status=200
                    ),
                    status=200,
                    retryable=False,
                )
        if not finished and not got_finish:
            if sink.delivered:
                raise Failure(
                    failures.StreamInterrupted(
                        "The connection to the model server was cut in the middle of the answer; the text so far is kept "
                        "and can be continued.",
                        status=200,
                    ),
                    status=200,
                    retryable=False,
                    after_tokens=True,
                )
            raise Failure(
                failures.ApiUnreachable("The model server closed the connection before answering."),
                status=200,
                retryable=True,
            )

    async def complete(self, call: Call, timeout: float = 8.0) -> tuple[str, Any]:
        """A small non-streamed answer: (text, usage dict with input_tokens/output_tokens)."""
        body = msgspec.json.decode(request_body(call))
        body["stream"] = False
        body.pop("stream_options", None)
        resp = await self.client.post(
            call.base_url.rstrip("/") + "/chat/completions",
            content=_encoder.encode(body),
            headers=_headers(call.api_key),
            timeout=httpx.Timeout(timeout, connect=3.0),
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
            base_url.rstrip("/") + "/models", headers=_headers(api_key), timeout=httpx.Timeout(5.0, connect=3.0)
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
