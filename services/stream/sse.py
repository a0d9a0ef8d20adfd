"""An incremental, exact Server-Sent Events parser (the WHATWG event-stream rules).

Feed it network chunks as they come; it returns the events completed so far.
Chunk boundaries may fall anywhere: inside a line, between CR and LF, inside a
UTF-8 character (lines are split on bytes; CR and LF never occur inside a
multi-byte character, so a line is only decoded once it is whole).

- lines end with LF, CR or CRLF; a blank line ends (dispatches) an event;
- ``:`` lines are comments; a field without ``:`` has an empty value;
- one space after the colon is stripped; several ``data`` lines join with LF;
- an event with no ``data`` line is not dispatched (the spec's rule); its type resets;
- a leading UTF-8 byte order mark is skipped.

``data`` is returned as ``bytes`` (what a JSON decoder wants; it is whole UTF-8 by
construction) and ``event`` as ``str`` (``"message"`` when the stream gave none).
"""

from __future__ import annotations

from typing import NamedTuple

_BOM = b"\xef\xbb\xbf"


class SSEEvent(NamedTuple):
    event: str
    data: bytes
    id: str | None = None


class SSEParser:
    __slots__ = ("_buf", "_pending_cr", "_event", "_data", "_has_data", "last_id", "retry_ms", "_started")

    def __init__(self) -> None:
        self._buf = b""
        self._pending_cr = False
        self._event = ""
        self._data: list[bytes] = []
        self._has_data = False
        self.last_id: str | None = None
        self.retry_ms: int | None = None
        self._started = False

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        """The events that ``chunk`` completes (possibly none)."""
        if not chunk:
            return []
        if not self._started:
            data = self._buf + chunk
            if len(data) < 3 and _BOM.startswith(data):
                self._buf = data
                return []
            self._started = True
            self._buf = b""
            chunk = data[3:] if data.startswith(_BOM) else data
            if not chunk:
                return []
        if self._pending_cr:
            self._pending_cr = False
            if chunk[:1] == b"\n":
                chunk = chunk[1:]
                if not chunk:
                    return []
        if b"\r" in chunk:
            if chunk[-1:] == b"\r":
                self._pending_cr = True
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        if b"\n" not in chunk:
            self._buf += chunk
            return []
        data = self._buf + chunk if self._buf else chunk
        out: list[SSEEvent] = []
        if not self._has_data and not self._event and data.endswith(b"\n\n"):
            # Fast path: whole "event: NAME\ndata: JSON" blocks (how Anthropic frames every event).
            self._buf = b""
            blocks = data.split(b"\n\n")
            blocks.pop()
            fast = True
            for block in blocks:
                if block.startswith(b"event: "):
                    nl = block.find(b"\n")
                    if nl > 0 and block.startswith(b"data: ", nl + 1) and block.find(b"\n", nl + 1) < 0:
                        out.append(SSEEvent(block[7:nl].decode("utf-8", "replace"), block[nl + 7 :], self.last_id))
                        continue
                elif block.startswith(b"data: ") and b"\n" not in block:
                    out.append(SSEEvent("message", block[6:], self.last_id))
                    continue
                fast = False
                break
            if fast:
                return out
            out.clear()  # an unusual block: parse the whole chunk line by line instead
        lines = data.split(b"\n")
        self._buf = lines.pop()
        for line in lines:
            if not line:
                if self._has_data:
                    out.append(SSEEvent(self._event or "message", b"\n".join(self._data), self.last_id))
                    self._data = []
                    self._has_data = False
                self._event = ""
                continue
            # Fast paths for the two fields every Anthropic event has.
            if line.startswith(b"data: "):
                self._data.append(line[6:])
                self._has_data = True
                continue
            if line.startswith(b"event: "):
                self._event = line[7:].decode("utf-8", "replace")
                continue
            self._field(line)
        return out

    def _field(self, line: bytes) -> None:
        if line[:1] == b":":
            return  # a comment
        name, colon, value = line.partition(b":")
        if colon and value[:1] == b" ":
            value = value[1:]
        if name == b"data":
            self._data.append(value)
            self._has_data = True
        elif name == b"event":
            self._event = value.decode("utf-8", "replace")
        elif name == b"id":
            if b"\0" not in value:
                self.last_id = value.decode("utf-8", "replace")
        elif name == b"retry":
            if value.isdigit():
                self.retry_ms = int(value)
        # any other field is ignored

    def close(self) -> list[SSEEvent]:
        """End of stream: an unterminated event is discarded (the spec's rule)."""
        self._buf = b""
        self._data = []
        self._has_data = False
        self._event = ""
        return []

    @property
    def pending(self) -> int:
        """Bytes held for an incomplete line (for garbage detection)."""
        return len(self._buf)
