"""HTTP/2 for the fake server, offered by ALPN over TLS as api.anthropic.com does.

The scenario code only writes HTTP/1.1 bytes (a status line, headers, chunked frames). Rather than write
every scenario twice, each HTTP/2 stream gets a writer that turns those bytes into HEADERS and DATA frames
(with the ``h2`` library), so both protocols send exactly the same content.
"""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .anthropic import FakeAnthropic


class Http2Connection:
    """One HTTP/2 connection: reads frames, and answers each finished request on its own stream and task."""

    def __init__(self, server: FakeAnthropic, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        import h2.config
        import h2.connection

        self.server = server
        self.reader = reader
        self.writer = writer
        self.conn = h2.connection.H2Connection(h2.config.H2Configuration(client_side=False, header_encoding="utf-8"))
        self.streams: dict[int, Http2Stream] = {}
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
                        stream = self.streams[event.stream_id] = Http2Stream(self, event.stream_id)
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

    async def _respond(self, stream: Http2Stream, req: dict[str, Any]) -> None:
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
            await self.server.route(method, path, headers, body, stream)
        except (ConnectionError, asyncio.CancelledError):
            pass


class Http2Stream:
    """The writer one HTTP/2 stream's scenario code writes HTTP/1.1 bytes to."""

    def __init__(self, connection: Http2Connection, stream_id: int) -> None:
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
