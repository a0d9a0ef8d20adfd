"""The loopback HTTP front door of the UI (browser mode and the window alike).

- ``GET /`` and ``/ui/*``: our own HTML/CSS/JS (no data in them).  ``/?code=`` (a one-time
  sign-in code) or ``/?token=`` sets the session cookie and redirects to ``/``.
- ``POST /api/request``: ``{"service", "type", "body", "timeout"}`` -> a bus request -> JSON.
- ``POST /api/shell/<intent>``: the window's own intents (settings, ready, recent, native).
- ``GET /events``: Server-Sent Events of bus events.
- ``GET /attachment/<id>``: an image stored with a prompt (issue 20), for the chat's thumbnails and full-size view:
  the same token as every data request (the cookie or the header, never the address), and only for this page's own
  requests (``Sec-Fetch-Site``), with ``Cross-Origin-Resource-Policy: same-origin``, so the preview's origin, another
  port of the same host, can neither load it nor read it.

Only 127.0.0.1 is bound; every request must carry the Host it was served on (no DNS
rebinding), every POST the exact Origin of this server (a missing or malformed one is
refused: browsers always send it on a POST, so only a forgery lacks it), and every data
request the per-launch token: the page sends it as an HttpOnly, SameSite=Strict cookie it
cannot read; tools send it as the ``X-Vibing-Token`` header (or ``?token=`` on the event
stream).  The token never has to appear in a URL a browser keeps: ``vibing web`` prints a
one-time code instead (:mod:`shell.login`).

Bad HTTP is answered 400 with a JSON error and the connection closed, never a traceback:
a body is read only with one well-formed ``Content-Length`` no larger than :data:`MAX_BODY`,
and JSON is parsed strictly (no NaN, no Infinity).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import math
import mimetypes
import re
import secrets
import sys
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import msgspec

from vibing import log
from vibing.errors import InvalidRequest, NotFound, VibingError
from vibing.schema.storage import LoadAttachment
from vibing.shell.bridge import Bridge
from vibing.shell.login import LoginCodes

logger = log.get("shell.server")

UI_DIR = Path(__file__).resolve().parent / "ui"
#: A page request's largest body: a prompt with its images (the stream service takes 24 MB of base64 images with one
#: message, as the Messages API's 32 MB request allows) and room for the rest of it.
MAX_BODY = 26 * 1024 * 1024
#: The image types an attachment is answered as (never SVG: it can carry script).
ATTACHMENT_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
_ATTACHMENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
STATIC_TYPES = {".html", ".css", ".js", ".svg", ".png", ".woff2"}
#: Comment lines sent on an idle event stream so proxies and the page know it is alive.
KEEPALIVE_S = 15.0
#: A client that sends nothing (or reads nothing) for this long is dropped (no slow-loris thread pile-up).
SOCKET_TIMEOUT_S = 60.0
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; frame-src {preview}; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
SIGN_IN_PAGE = (
    "<!doctype html><meta charset=utf-8><title>Vibing</title>"
    "<body style='font:15px system-ui;color:#445;padding:3em;max-width:40em'><h1>Vibing</h1>"
    "<p>{message}</p><p>In the terminal where <code>vibing web</code> runs, press Enter for a new sign-in link.</p>"
)

Intent = Callable[[dict[str, Any]], Any]


class UiServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, bridge: Bridge, port: int = 0, *, token: str | None = None, preview_origin: str = "") -> None:
        self.bridge = bridge
        self.token = token or secrets.token_urlsafe(24)
        self.codes = LoginCodes()
        self.intents: dict[str, Intent] = {}
        self.preview_origin = preview_origin
        self.started = time.time()
        super().__init__(("127.0.0.1", port), UiHandler)
        self.port = self.server_address[1]
        self.allowed_hosts = {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}
        self.allowed_origins = {f"http://{host}" for host in self.allowed_hosts}
        #: Cookies are shared by every port of a host: the name keeps two `vibing web` apart.
        self.cookie_name = f"vibing-{self.port}"
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The address of the UI, with no secret in it."""
        return f"http://127.0.0.1:{self.port}/"

    @property
    def token_url(self) -> str:
        """The address with the session token (``vibing web --print-url``, tools and tests)."""
        return f"{self.url}?token={self.token}"

    def sign_in_url(self) -> str:
        """A fresh one-time sign-in link: it works once, for a few minutes."""
        return f"{self.url}?code={self.codes.issue()}"

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

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A connection that broke (reset, timed out) is one log line; anything else is a bug, logged in full.

        Never socketserver's default, a traceback on stderr.
        """
        error = sys.exc_info()[1]
        if isinstance(error, OSError):
            logger.info("shell.connection_dropped", error=type(error).__name__)
        else:
            logger.exception("shell.connection_failed")


class BadRequest(Exception):
    """The HTTP request itself is malformed: answered 400 (or ``status``) and the connection closed."""

    def __init__(self, message: str, status: int = HTTPStatus.BAD_REQUEST) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class UiHandler(BaseHTTPRequestHandler):
    server: UiServer
    protocol_version = "HTTP/1.1"
    #: Tokens are small writes: without TCP_NODELAY, Nagle + delayed ACKs hold them for 40+ ms.
    disable_nagle_algorithm = True
    timeout = SOCKET_TIMEOUT_S
    server_version = "Vibing"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:  # quiet: structlog has what matters
        pass

    # -- helpers --------------------------------------------------------------------

    def _host_ok(self) -> bool:
        return self.headers.get("Host", "") in self.server.allowed_hosts

    def _cookie_token(self) -> str:
        header = self.headers.get("Cookie")
        if not header:
            return ""
        try:
            morsel = SimpleCookie(header).get(self.server.cookie_name)
        except CookieError:
            return ""
        return morsel.value if morsel is not None else ""

    def _same_token(self, given: str) -> bool:
        return bool(given) and hmac.compare_digest(given.encode(), self.server.token.encode())

    def _token_ok(self, query: dict[str, list[str]]) -> bool:
        given = self.headers.get("X-Vibing-Token") or self._cookie_token() or (query.get("token") or [""])[0]
        return self._same_token(given)

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        extra: dict[str, str] | None = None,
        *,
        cache: str = "no-store",
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", cache)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        if status >= 400:  # a body we refused may still be on the wire: never read it as the next request
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data: Any) -> None:
        self._send(status, msgspec.json.encode(data, enc_hook=str), "application/json; charset=utf-8")

    def _error(self, status: int, code: str, message: str) -> None:
        self._json(
            status, {"ok": False, "error": {"code": code, "message": message, "details": {}, "retryable": False}}
        )

    def _deny(self, status: int, message: str) -> None:
        self._error(status, "Forbidden", message)

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
        if parts.path.startswith("/attachment/"):
            return self._attachment(parts.path[len("/attachment/") :])
        if parts.path in ("/", "/index.html"):
            if "code" in query or "token" in query:
                return self._sign_in(query)
            return self._static("index.html")
        if parts.path.startswith("/ui/"):
            return self._static(parts.path[4:])
        if parts.path == "/favicon.ico":
            return self._static("icon.svg")
        self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")

    do_HEAD = do_GET

    def _sign_in(self, query: dict[str, list[str]]) -> None:
        """Trade a one-time code (or the token itself) for the session cookie, then drop it from the address."""
        code = (query.get("code") or [""])[0]
        token = (query.get("token") or [""])[0]
        if not (self.server.codes.redeem(code) if code else self._same_token(token)):
            logger.info("shell.sign_in_refused", how="code" if code else "token")
            message = "This sign-in link was already used, has expired, or is not from this Vibing."
            return self._send(
                HTTPStatus.FORBIDDEN, SIGN_IN_PAGE.format(message=message).encode(), "text/html; charset=utf-8"
            )
        cookie = f"{self.server.cookie_name}={self.server.token}; Path=/; HttpOnly; SameSite=Strict"
        self._send(HTTPStatus.SEE_OTHER, b"", "text/plain", {"Location": "/", "Set-Cookie": cookie})

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

    def _attachment(self, raw_id: str) -> None:
        """An image stored with a prompt, as its bytes with its stored type (storage's ``LoadAttachment``)."""
        # Only this page's own requests: a browser says where a request comes from (the preview is "same-site",
        # another port of 127.0.0.1, and would carry the SameSite cookie). Tools send no such header.
        site = self.headers.get("Sec-Fetch-Site")
        if site is not None and site not in ("same-origin", "none"):
            return self._deny(HTTPStatus.FORBIDDEN, "Attachments are shown only in Vibing's own page.")
        if not self._token_ok({}):
            return self._deny(HTTPStatus.FORBIDDEN, "This page is not the one Vibing opened.")
        attachment_id = unquote(raw_id)
        if not _ATTACHMENT_ID.match(attachment_id):
            return self._error(HTTPStatus.NOT_FOUND, "NotFound", "No such attachment.")
        bridge = self.server.bridge
        try:
            reply = bridge.call(
                lambda: bridge.bus.request("storage", LoadAttachment(attachment_id=attachment_id), timeout=10)
            )
        except NotFound:
            return self._error(HTTPStatus.NOT_FOUND, "NotFound", "No such attachment.")
        except VibingError as exc:
            logger.info("shell.attachment_failed", code=type(exc).__name__)
            return self._error(HTTPStatus.SERVICE_UNAVAILABLE, type(exc).__name__, exc.message)
        try:
            data = base64.b64decode(reply.data, validate=True)
        except (binascii.Error, ValueError):
            data = b""
        if reply.media_type not in ATTACHMENT_TYPES or not data:
            logger.warning("shell.attachment_unservable", media_type=reply.media_type[:60])
            return self._error(HTTPStatus.NOT_FOUND, "NotFound", "That attachment is not an image that can be shown.")
        extra = {
            "Cross-Origin-Resource-Policy": "same-origin",
            # opened on its own, it is an image and nothing else
            "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
        }
        self._send(HTTPStatus.OK, data, reply.media_type, extra, cache="private, max-age=3600")

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
                    chunk = client.queue.get(timeout=KEEPALIVE_S)
                except Exception:
                    self.wfile.write(b": keepalive\n\n")
                    self.wfile.flush()
                    continue
                if chunk is None:
                    break
                # Drain what is queued into one write: a burst of tokens costs one syscall.
                chunks = [chunk]
                while len(chunks) < 512:
                    try:
                        more = client.queue.get_nowait()
                    except Exception:
                        break
                    if more is None:
                        client.queue.put(None)
                        break
                    chunks.append(more)
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
        origin = self.headers.get_all("Origin") or []
        if len(origin) != 1 or origin[0] not in self.server.allowed_origins:
            why = "no Origin header" if not origin else "a foreign or malformed Origin"
            return self._deny(HTTPStatus.FORBIDDEN, f"Refused: {why}. Vibing answers only its own page.")
        if not self._token_ok({}):
            return self._deny(HTTPStatus.FORBIDDEN, "This page is not the one Vibing opened.")
        try:
            data = self._read_json()
            if parts.path == "/api/request":
                service, type_name, body, timeout = _envelope(data)
                return self._json(HTTPStatus.OK, self.server.bridge.request(service, type_name, body, timeout))
        except BadRequest as exc:
            return self._error(exc.status, "InvalidRequest", exc.message)
        except InvalidRequest as exc:
            return self._error(HTTPStatus.BAD_REQUEST, "InvalidRequest", exc.message)
        if parts.path.startswith("/api/shell/"):
            return self._intent(parts.path[len("/api/shell/") :], data)
        self._error(HTTPStatus.NOT_FOUND, "NotFound", "No such endpoint.")

    def _read_json(self) -> dict[str, Any]:
        """The request's JSON object, read with one well-formed Content-Length; BadRequest otherwise."""
        if self.headers.get_all("Transfer-Encoding"):
            raise BadRequest("Send the body with a Content-Length; chunked bodies are not accepted.")
        lengths = self.headers.get_all("Content-Length") or []
        if len(lengths) > 1:
            raise BadRequest("The request has more than one Content-Length.")
        raw = lengths[0].strip() if lengths else "0"
        if not (raw.isascii() and raw.isdigit()) or len(raw) > 12:
            raise BadRequest(f"Content-Length must be a whole number of bytes, not {raw[:40]!r}.")
        length = int(raw)
        if length > MAX_BODY:
            raise BadRequest(
                f"Request too large ({length} bytes; at most {MAX_BODY}).", HTTPStatus.REQUEST_ENTITY_TOO_LARGE
            )
        payload = self.rfile.read(length) if length else b""
        if len(payload) != length:
            raise BadRequest("The request body ended early.")
        if not payload:
            return {}
        try:
            data = msgspec.json.decode(payload)
        except (msgspec.DecodeError, OverflowError) as exc:
            raise BadRequest(f"The body is not valid JSON ({exc}).") from None
        if not isinstance(data, dict):
            raise BadRequest("The body must be a JSON object.")
        return data

    def _intent(self, name: str, data: dict[str, Any]) -> None:
        handler = self.server.intents.get(name)
        if handler is None:
            return self._error(HTTPStatus.NOT_FOUND, "NotFound", f"No intent {name[:80]!r}.")
        try:
            reply = handler(data)
        except InvalidRequest as exc:  # the shell itself refused what the page sent
            return self._error(HTTPStatus.BAD_REQUEST, type(exc).__name__, exc.message)
        except VibingError as exc:
            return self._json(
                HTTPStatus.OK, {"ok": False, "error": {"code": type(exc).__name__, "message": exc.message}}
            )
        except (TypeError, ValueError, AttributeError) as exc:  # a value of the wrong type reached an intent
            logger.warning("shell.intent_bad_input", intent=name, error=type(exc).__name__)
            return self._error(HTTPStatus.BAD_REQUEST, "InvalidRequest", f"{name}: a value has the wrong type.")
        except Exception:
            logger.exception("shell.intent_failed", intent=name)
            return self._error(HTTPStatus.INTERNAL_SERVER_ERROR, "Internal", f"{name} failed; the shell log says why.")
        self._json(HTTPStatus.OK, {"ok": True, "reply": reply})


def _envelope(data: dict[str, Any]) -> tuple[str, str, dict[str, Any], float | None]:
    """``service``, ``type``, ``body`` and ``timeout`` of a page request, each of the right type."""
    service, type_name = data.get("service"), data.get("type")
    if not isinstance(service, str) or not isinstance(type_name, str):
        raise BadRequest('A request needs "service" and "type", as text.')
    body = data.get("body")
    if body is None:
        body = {}
    if not isinstance(body, dict):
        raise BadRequest(f'"body" must be a JSON object, not {type(body).__name__}.')
    timeout = data.get("timeout")
    if timeout is not None:
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
            raise BadRequest(f'"timeout" must be a number of seconds, not {type(timeout).__name__}.')
        timeout = float(timeout)
        if not math.isfinite(timeout) or timeout <= 0:
            raise BadRequest('"timeout" must be a positive number of seconds.')
    return service, type_name, body, timeout
