"""The loopback HTTP front door of the UI (browser mode and the window alike).

- ``GET /`` and ``/ui/*``: our own HTML/CSS/JS (no data in them).
- ``POST /api/request``: ``{"service", "type", "body", "timeout"}`` -> a bus request -> JSON.
- ``POST /api/shell/<intent>``: the window's own intents (settings, ready, recent, native).
- ``GET /events?token=``: Server-Sent Events of bus events.

Only 127.0.0.1 is bound; every request must carry the Host it was served on
(no DNS rebinding) and every data request the per-launch token (header
``X-Vibing-Token``, or ``?token=`` for the event stream, which cannot send
headers).  No cookies are used, so the preview origin (another port on the
same host) never inherits any credential.
"""

from __future__ import annotations

import hmac
import json
import mimetypes
import secrets
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from vibing import log
from vibing.errors import VibingError
from vibing.shell.bridge import Bridge

logger = log.get("shell.server")

UI_DIR = Path(__file__).resolve().parent / "ui"
MAX_BODY = 8 * 1024 * 1024
STATIC_TYPES = {".html", ".css", ".js", ".svg", ".png", ".woff2"}
#: Comment lines sent on an idle event stream so proxies and the page know it is alive.
KEEPALIVE_S = 15.0
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; frame-src {preview}; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)

Intent = Callable[[dict[str, Any]], Any]


class UiServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, bridge: Bridge, port: int = 0, *, token: str | None = None, preview_origin: str = "") -> None:
        self.bridge = bridge
        self.token = token or secrets.token_urlsafe(24)
        self.intents: dict[str, Intent] = {}
        self.preview_origin = preview_origin
        self.started = time.time()
        super().__init__(("127.0.0.1", port), UiHandler)
        self.port = self.server_address[1]
        self.allowed_hosts = {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={self.token}"

    def intent(self, name: str) -> Callable[[Intent], Intent]:
        def register(func: Intent) -> Intent:
            self.intents[name] = func
            return func

        return register

    def start(self) -> UiServer:
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.2}, name="ui-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class UiHandler(BaseHTTPRequestHandler):
    server: UiServer
    protocol_version = "HTTP/1.1"
    #: Tokens are small writes: without TCP_NODELAY, Nagle + delayed ACKs hold them for 40+ ms.
    disable_nagle_algorithm = True
    server_version = "Vibing"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:  # quiet: structlog has what matters
        pass

    # -- helpers --------------------------------------------------------------------

    def _host_ok(self) -> bool:
        return self.headers.get("Host", "") in self.server.allowed_hosts

    def _token_ok(self, query: dict[str, list[str]]) -> bool:
        given = self.headers.get("X-Vibing-Token") or (query.get("token") or [""])[0]
        return bool(given) and hmac.compare_digest(given.encode(), self.server.token.encode())

    def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode(), "application/json; charset=utf-8")

    def _deny(self, status: int, message: str) -> None:
        self._json(status, {"ok": False, "error": {"code": "Forbidden", "message": message}})

    # -- GET ----------------------------------------------------------------------

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        if not self._host_ok():
            return self._deny(HTTPStatus.FORBIDDEN, "Wrong host.")
        if parts.path == "/events":
            if not self._token_ok(query):
                return self._deny(HTTPStatus.FORBIDDEN, "This page is not the one Vibing opened.")
            return self._events()
        if parts.path in ("/", "/index.html"):
            return self._static("index.html")
        if parts.path.startswith("/ui/"):
            return self._static(parts.path[4:])
        if parts.path == "/favicon.ico":
            return self._static("icon.svg")
        self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")

    do_HEAD = do_GET

    def _static(self, name: str) -> None:
        target = (UI_DIR / name).resolve()
        if UI_DIR not in target.parents or not target.is_file() or target.suffix not in STATIC_TYPES:
            return self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype.endswith("javascript"):
            ctype += "; charset=utf-8"
        extra = {}
        if name == "index.html":
            extra["Content-Security-Policy"] = CSP.format(preview=self.server.preview_origin or "'none'")
        self._send(HTTPStatus.OK, target.read_bytes(), ctype, extra)

    def _events(self) -> None:
        bridge = self.server.bridge
        client = bridge.connect()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Accel-Buffering", "no")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        try:
            self.wfile.write(b"retry: 1000\nevent: hello\ndata: {}\n\n")
            self.wfile.flush()
            while True:
                try:
                    event = client.queue.get(timeout=KEEPALIVE_S)
                except Exception:
                    self.wfile.write(b": keepalive\n\n")
                    self.wfile.flush()
                    continue
                if event is None:
                    break
                # Drain what is queued into one write: a burst of tokens costs one syscall.
                chunks = [_sse(event)]
                while len(chunks) < 512:
                    try:
                        more = client.queue.get_nowait()
                    except Exception:
                        break
                    if more is None:
                        client.queue.put(None)
                        break
                    chunks.append(_sse(more))
                self.wfile.write(b"".join(chunks))
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
        finally:
            bridge.disconnect(client)

    # -- POST ---------------------------------------------------------------------

    def do_POST(self) -> None:
        parts = urlsplit(self.path)
        if not self._host_ok():
            return self._deny(HTTPStatus.FORBIDDEN, "Wrong host.")
        if not self._token_ok({}):
            return self._deny(HTTPStatus.FORBIDDEN, "This page is not the one Vibing opened.")
        origin = self.headers.get("Origin")
        if origin and origin.removeprefix("http://") not in self.server.allowed_hosts:
            return self._deny(HTTPStatus.FORBIDDEN, "Wrong origin.")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._deny(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "Request too large.")
        try:
            data = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            return self._json(
                HTTPStatus.BAD_REQUEST, {"ok": False, "error": {"code": "InvalidRequest", "message": "Not JSON."}}
            )
        if not isinstance(data, dict):
            data = {}
        if parts.path == "/api/request":
            result = self.server.bridge.request(
                str(data.get("service", "")), str(data.get("type", "")), data.get("body") or {}, data.get("timeout")
            )
            return self._json(HTTPStatus.OK, result)
        if parts.path.startswith("/api/shell/"):
            name = parts.path[len("/api/shell/") :]
            handler = self.server.intents.get(name)
            if handler is None:
                return self._json(
                    HTTPStatus.NOT_FOUND,
                    {"ok": False, "error": {"code": "NotFound", "message": f"No intent {name!r}."}},
                )
            try:
                reply = handler(data)
            except VibingError as exc:
                return self._json(
                    HTTPStatus.OK, {"ok": False, "error": {"code": type(exc).__name__, "message": exc.message}}
                )
            except Exception as exc:
                logger.exception("shell.intent_failed", intent=name)
                return self._json(
                    HTTPStatus.OK,
                    {"ok": False, "error": {"code": "Internal", "message": f"{type(exc).__name__}: {exc}"}},
                )
            return self._json(HTTPStatus.OK, {"ok": True, "reply": reply})
        self._json(HTTPStatus.NOT_FOUND, {"ok": False, "error": {"code": "NotFound", "message": "No such endpoint."}})


def _sse(event: dict[str, Any]) -> bytes:
    return b"data: " + json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode() + b"\n\n"
