"""The streaming skeleton every model provider shares; a provider adds only its wire mapping.

Why a base: the Anthropic and the OpenAI-compatible providers stream the same way (one
POST, an HTTP status to judge, an SSE body parsed incrementally, one sink to feed) and
differ only in what goes on the wire and what the events mean.  Here, once:

- :class:`Call`, the resolved request, and :class:`Sink`, where one stream is delivered;
- connecting: the streamed POST on the shared httpx client, and per-request timeouts;
- a non-200 answer read with a bound (:func:`read_error`) and turned into a :class:`Failure`
  that carries what the retry policy (``retry.py``) decides on: status, headers, retryable;
- a transport error turned into a typed, person-readable failure (``failures.from_exception``);
- the read loop: bytes -> :class:`SSEParser` -> the provider's :class:`EventDecoder` ->
  ``sink.flush()`` once per network read (one bus event per read, never a token held back),
  with the guard against a body that never completes an event;
- cancel: the response is opened in ``async with``, so cancelling the task (the runner's stop)
  closes it at once, over HTTP/2 too (``h2fix``);
- usage: decoders report it through ``Sink.usage`` as the events bring it.

A provider subclasses :class:`StreamingProvider` and supplies ``url``/``headers``/``body``,
``request_id``, ``is_event_stream``, ``status_error`` when its error details differ, and an
:class:`EventDecoder` subclass that maps its events to text, thinking, usage and stop reason.
The per-token path stays a msgspec decode and a ``sink.add`` inside the decoder's own loop:
the skeleton adds one call per network read, not per event.
"""

from __future__ import annotations

from typing import Protocol

import httpx
import msgspec

from vibing.errors import ModelApiError
from vibing.schema.stream import ChatTurn
from vibing.services.stream import failures
from vibing.services.stream.failures import Failure
from vibing.services.stream.retry import parse_retry_after
from vibing.services.stream.sse import SSEEvent, SSEParser

USER_AGENT = "vibing/0.1 (+httpx)"
#: Bytes buffered without a complete event before the stream is declared garbage.
MAX_PENDING = 4 * 1024 * 1024
#: An error body is read up to this size: enough for any API's JSON, bounded against a hostile server.
MAX_ERROR_BODY = 64 * 1024


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
    #: The system prompt as its stable parts (joined, they are ``system``): where a provider with prompt caching
    #: may place a cache breakpoint.  Empty: ``system`` is one part.
    system_parts: list[str] = []
    #: Ask the provider to cache the request's prefix (Anthropic's ``cache_control``; others ignore it).
    cache: bool = False
    max_tokens: int = 4096
    temperature: float | None = None
    thinking_budget: int = 0
    api_key: str = ""

    def __repr__(self) -> str:  # never show the key, even in a traceback or a debug log
        return (
            f"Call(provider={self.provider!r}, base_url={self.base_url!r}, model={self.model!r}, "
            f"turns={len(self.messages)}, max_tokens={self.max_tokens}, api_key=[redacted])"
        )


async def read_error(resp: httpx.Response) -> bytes:
    """The start of an error body (at most about :data:`MAX_ERROR_BODY` bytes): a server cannot make us buffer more."""
    body = b""
    async for chunk in resp.aiter_bytes():
        body += chunk
        if len(body) > MAX_ERROR_BODY:
            break
    return body


def join_url(base_url: str, path: str) -> str:
    """``base_url`` with ``path`` appended, whether or not the configured URL ends in a slash."""
    return base_url.rstrip("/") + path


class EventDecoder:
    """One stream's events mapped to the sink: the per-stream half of a provider's wire mapping.

    A provider object serves many concurrent streams, so whatever a stream has seen so far
    (started, finished, ...) lives here, one instance per attempt.
    """

    __slots__ = ("call", "sink", "request_id")

    def __init__(self, call: Call, sink: Sink, request_id: str) -> None:
        self.call = call
        self.sink = sink
        self.request_id = request_id

    def take(self, events: list[SSEEvent]) -> bool:
        """Deliver the events of one network read; True once the stream said it is complete.

        Raises :class:`Failure` for an error the stream reports (after ``sink.flush()``, so the
        text before it is published first).
        """
        raise NotImplementedError

    def garbage(self) -> Failure:
        """The failure for a body that went :data:`MAX_PENDING` bytes without completing an event."""
        raise NotImplementedError

    def ended(self) -> Failure | None:
        """The connection closed before ``take`` returned True: the failure to raise, or None
        when what arrived is a complete answer all the same."""
        raise NotImplementedError


class StreamingProvider:
    """Connect, judge the status, read and parse the stream, map transport errors; the wire is the subclass's."""

    #: The provider's name in ``Call.provider`` and in error messages ("anthropic", "openai").
    name: str = ""
    #: Connect timeout of the short, non-streamed requests (a completion, a key check, a model list).
    connect_timeout_s: float = 5.0
    #: The subclass's per-stream event mapping.
    decoder: type[EventDecoder] = EventDecoder

    def __init__(self, client: httpx.AsyncClient) -> None:
        #: Shared by every stream (its connection pool, HTTP/2 and stream timeouts are the runner's).
        self.client = client

    # -- the wire mapping (a subclass's) ------------------------------------------------------

    def url(self, call: Call) -> str:
        raise NotImplementedError

    def headers(self, call: Call) -> dict[str, str]:
        raise NotImplementedError

    def body(self, call: Call) -> bytes:
        raise NotImplementedError

    def request_id(self, headers: httpx.Headers) -> str:
        """The server's id for this request (shown in error details), "" when it gave none."""
        return headers.get("request-id", "")

    def is_event_stream(self, content_type: str) -> bool:
        return content_type.startswith("text/event-stream")

    def status_error(
        self, status: int, headers: httpx.Headers, body: bytes, call: Call, request_id: str, retry_after_s: float | None
    ) -> ModelApiError:
        """The typed error for a non-200 answer to the streamed request."""
        return failures.from_response(
            status, headers, body, provider=self.name, model=call.model, retry_after_s=retry_after_s
        )

    # -- the skeleton -------------------------------------------------------------------------

    def timeout(self, total_s: float) -> httpx.Timeout:
        """Timeouts of a short request: ``total_s`` for each phase, a shorter connect."""
        return httpx.Timeout(total_s, connect=self.connect_timeout_s)

    async def stream(self, call: Call, sink: Sink) -> None:
        """One attempt; returns when the answer is complete, raises :class:`Failure` otherwise.

        Cancelling the task that runs this closes the response at once (``async with``): the
        server sees the connection, or the HTTP/2 stream, go away and stops generating.
        """
        try:
            async with self.client.stream(
                "POST", self.url(call), content=self.body(call), headers=self.headers(call)
            ) as resp:
                request_id = self.request_id(resp.headers)
                if resp.status_code != 200:
                    body = await read_error(resp)
                    error = self.status_error(
                        resp.status_code, resp.headers, body, call, request_id, parse_retry_after(resp.headers)
                    )
                    raise Failure(
                        error, status=resp.status_code, headers=resp.headers, retryable=True, request_id=request_id
                    )
                if not self.is_event_stream(resp.headers.get("content-type", "")):
                    body = await read_error(resp)
                    error = failures.from_response(
                        200, resp.headers, body, provider=self.name, model=call.model, retry_after_s=None
                    )
                    raise Failure(error, status=200, headers=resp.headers, retryable=False, request_id=request_id)
                sink.opened(request_id, resp.headers)
                await self._consume(resp, self.decoder(call, sink, request_id), sink)
        except Failure:
            raise
        except httpx.HTTPError as exc:
            raise failures.from_exception(
                exc, base_url=call.base_url, provider=self.name, delivered=sink.delivered
            ) from exc

    @staticmethod
    async def _consume(resp: httpx.Response, decoder: EventDecoder, sink: Sink) -> None:
        parser = SSEParser()
        feed = parser.feed
        take = decoder.take
        flush = sink.flush
        # Without a content encoding the raw chunks are the bytes: skip httpx's identity decoder.
        chunks = resp.aiter_bytes() if resp.headers.get("content-encoding") else resp.aiter_raw()
        async for chunk in chunks:
            complete = take(feed(chunk))
            flush()
            if complete:
                return
            if parser.pending > MAX_PENDING:
                raise decoder.garbage()
        failure = decoder.ended()
        if failure is not None:
            raise failure
