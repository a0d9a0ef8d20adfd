"""Stop means stop, over HTTP/2 too: reset the stream when a response is closed early.

httpcore (1.0.x) closes an HTTP/2 response without telling the server
(encode/httpcore#943, closed unfixed): the stream stays open, so the API would
go on generating, and billing, an answer nobody reads, and httpcore's stream
count drifts.  Over HTTP/1.1 closing early closes the connection, which the
server does notice.  This module adds the missing ``RST_STREAM (CANCEL)`` when
an HTTP/2 response body is closed before the server ended the stream, the fix
proposed upstream (encode/httpcore#944).  It touches httpcore internals, so it
checks that they are there and otherwise leaves httpcore alone (and says so).
"""

from __future__ import annotations

from vibing import log

logger = log.get("vibing.stream.h2fix")
_installed: bool | None = None


def install() -> bool:
    """Patch httpcore once per process; True when the reset is in place."""
    global _installed
    if _installed is not None:
        return _installed
    try:
        import h2.errors
        from httpcore._async.http2 import AsyncHTTP2Connection, HTTP2ConnectionByteStream
    except ImportError:
        _installed = False
        return False
    needed = hasattr(HTTP2ConnectionByteStream, "aclose") and hasattr(AsyncHTTP2Connection, "_write_outgoing_data")
    if not needed:
        logger.warning("h2fix.not_installed", reason="httpcore internals changed")
        _installed = False
        return False
    original = HTTP2ConnectionByteStream.aclose

    async def aclose(self) -> None:  # type: ignore[no-untyped-def]
        if not getattr(self, "_closed", True):
            try:
                connection = self._connection
                state = connection._h2_state
                stream = state.streams.get(self._stream_id)
                if stream is not None and not stream.closed:
                    state.reset_stream(self._stream_id, error_code=h2.errors.ErrorCodes.CANCEL)
                    await connection._write_outgoing_data(self._request)
            except Exception as exc:  # the connection may be gone already: nothing to tell
                logger.debug("h2fix.reset_failed", error=f"{type(exc).__name__}: {exc}")
        await original(self)

    HTTP2ConnectionByteStream.aclose = aclose  # type: ignore[method-assign]
    _installed = True
    return True
