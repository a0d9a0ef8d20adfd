"""The shared streaming skeleton (services/stream/provider.py) against a hostile server on loopback.

Both providers run on the same skeleton, so each guard is proved for each: an error body that never
ends is read with a bound and the connection is dropped, and a 200 stream that never completes an
event is refused once 4 MB are buffered. Real sockets, real httpx; the server is raw asyncio so it
can misbehave in ways the faithful fake server never does.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

from vibing.schema.stream import ChatTurn
from vibing.services.stream.anthropic import AnthropicProvider
from vibing.services.stream.failures import Failure
from vibing.services.stream.openai import OpenAIProvider
from vibing.services.stream.provider import MAX_ERROR_BODY, MAX_PENDING, Call

pytestmark = pytest.mark.timeout(60)

PROVIDERS = {"anthropic": (AnthropicProvider, ""), "openai": (OpenAIProvider, "/v1")}
#: What the hostile server is ready to send: far more than either bound.
ENDLESS = 64 * 1024 * 1024
PIECE = 64 * 1024


class RecordingSink:
    delivered = False

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.flushes = 0

    def opened(self, request_id, headers) -> None:
        pass

    def started(self, message_id, model) -> None:
        pass

    def add(self, text, thinking) -> None:
        self.parts.append(text)
        self.delivered = True

    def flush(self) -> None:
        self.flushes += 1

    def usage(self, *counts) -> None:
        pass

    def stop_reason(self, reason) -> None:
        pass


class HostileServer:
    """Answers one request with ``head`` and then ``fill`` bytes as chunked body, until the client leaves."""

    def __init__(self, head: bytes, fill: bytes) -> None:
        self.head = head
        self.fill = fill
        self.sent = 0
        self.left = asyncio.Event()
        self.server: asyncio.Server | None = None

    async def __aenter__(self) -> str:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self.server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    async def __aexit__(self, *exc) -> None:
        assert self.server is not None
        self.server.close()
        await self.server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                (
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                ),
                0,
            )
            await reader.readexactly(length)
            writer.write(self.head + b"transfer-encoding: chunked\r\n\r\n")
            while self.sent < ENDLESS:
                writer.write(b"%x\r\n%s\r\n" % (len(self.fill), self.fill))
                await writer.drain()
                self.sent += len(self.fill)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            self.left.set()
            writer.close()


def _call(kind: str, url: str) -> Call:
    return Call(
        provider=kind,
        base_url=url + PROVIDERS[kind][1],
        model="m",
        messages=[ChatTurn(role="user", content="hi")],
        api_key="sk-test-0123456789",
    )


async def _attempt(kind: str, hostile: HostileServer) -> tuple[Failure, RecordingSink]:
    async with hostile as url, httpx.AsyncClient(timeout=httpx.Timeout(20.0)) as client:
        provider = PROVIDERS[kind][0](client)
        sink = RecordingSink()
        with pytest.raises(Failure) as caught:
            await provider.stream(_call(kind, url), sink)
        await asyncio.wait_for(hostile.left.wait(), 10)
    return caught.value, sink


@pytest.mark.parametrize("kind", sorted(PROVIDERS))
def test_an_endless_error_body_is_read_with_a_bound(kind):
    hostile = HostileServer(b"HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/html\r\n", b"<p>" + b"x" * (PIECE - 3))
    failure, sink = asyncio.run(_attempt(kind, hostile))
    assert failure.code == "ApiUnexpectedResponse" and failure.status == 502
    # what the retry policy decides on travels with the failure
    assert failure.retryable and failure.headers is not None and failure.headers["content-type"] == "text/html"
    assert failure.error.details["body_start"].startswith("<p>xxx")
    # the client hung up after about MAX_ERROR_BODY bytes; the server never got to send its 64 MB
    assert hostile.sent < ENDLESS // 4, hostile.sent
    assert MAX_ERROR_BODY < ENDLESS // 4
    assert sink.flushes == 0 and not sink.parts


@pytest.mark.parametrize(("kind", "retryable"), [("anthropic", True), ("openai", False)])
def test_a_stream_that_never_completes_an_event_is_refused_after_4_mb(kind, retryable):
    hostile = HostileServer(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n", b"data: " + b"y" * (PIECE - 6))
    failure, sink = asyncio.run(_attempt(kind, hostile))
    assert failure.code == "ApiUnexpectedResponse" and failure.status == 200
    assert "4 MB" in failure.error.message
    assert failure.retryable is retryable and not failure.after_tokens
    assert MAX_PENDING - PIECE <= hostile.sent < ENDLESS // 4, hostile.sent
    assert not sink.parts and sink.flushes >= 1
