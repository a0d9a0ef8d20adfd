"""The preview origin: a project's files, served on their own loopback port.

The UI shows ``http://127.0.0.1:<preview port>/p/<secret>/<project id>/`` in an
``<iframe sandbox="allow-scripts ...">`` without ``allow-same-origin`` or
``allow-popups``, so the generated app runs with an opaque origin: it cannot read
the UI's storage, call the bridge (another port, a cookie it never gets), open a
window to carry data out in a URL, or reach the network (the CSP below allows this
origin only).  The same sandbox travels in the response's CSP (``sandbox``), so a
preview opened in its own tab is just as confined.

The secret is per project: an HMAC of the project id under a per-launch key, so a
generated app knows its own address but cannot forge another project's, and so
cannot load another project's files.  HTML pages get a small script that reports
console errors to the parent window with ``postMessage``, for "Fix this".  Files
come from the storage service over the bus, never from disk.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import mimetypes
import re
import secrets
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from vibing import log
from vibing.bus import Bus
from vibing.errors import NotFound, VibingError
from vibing.schema.storage import ReadFile

logger = log.get("shell.preview")

CAPTURE = """<script>(function(){
var send=function(kind,msg,extra){try{parent.postMessage(Object.assign({vibingPreview:1,kind:kind,message:String(msg).slice(0,2000)},extra||{}),'*')}catch(e){}};
window.addEventListener('error',function(e){send('error',e.message||'Error',{source:(e.filename||'').split('?')[0].split('/').slice(6).join('/')||'index.html',line:e.lineno||0,col:e.colno||0})});
window.addEventListener('unhandledrejection',function(e){var r=e.reason;send('error','Unhandled promise rejection: '+(r&&r.message?r.message:r))});
var ce=console.error;console.error=function(){try{send('console',Array.prototype.map.call(arguments,function(a){try{return typeof a==='string'?a:(a&&a.message)||JSON.stringify(a)}catch(_){return String(a)}}).join(' '))}catch(_){}return ce.apply(console,arguments)};
document.addEventListener('securitypolicyviolation',function(e){send('blocked','Blocked by the preview sandbox: '+e.blockedURI+' ('+e.violatedDirective+')')});
window.addEventListener('load',function(){send('loaded','')});
})();</script>"""

#: What a preview may do, in the iframe's ``sandbox`` attribute and in its CSP alike:
#: scripts, forms and alert/confirm; never the UI's origin, popups or top navigation.
SANDBOX = "allow-scripts allow-forms allow-modals"

_HEAD = re.compile(rb"<head[^>]*>", re.IGNORECASE)
_HTML = re.compile(rb"<html[^>]*>", re.IGNORECASE)


def inject(html: bytes) -> bytes:
    script = CAPTURE.encode()
    for pattern in (_HEAD, _HTML):
        match = pattern.search(html)
        if match:
            return html[: match.end()] + script + html[match.end() :]
    return script + html


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        bus: Bus,
        port: int = 0,
        *,
        ui_origin: str = "",
        allow_network: bool = False,
        call: Callable[..., Any] | None = None,
    ) -> None:
        self.bus = bus
        #: Runs a bus request (the bridge's pool keeps the request sockets few); None: on this thread.
        self.call = call or (lambda func, *args: func(*args))
        #: Per-launch key from which every project's secret is derived.
        self._key = secrets.token_bytes(32)
        self.ui_origin = ui_origin
        #: Every project may use the network (Settings); otherwise only the projects in :attr:`network_projects`.
        self.allow_network = allow_network
        #: Projects the person allowed to use the network ("Allow network for this project").
        self.network_projects: set[str] = set()
        super().__init__(("127.0.0.1", port), PreviewHandler)
        self.port = self.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.allowed_hosts = {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    def project_secret(self, project_id: str) -> str:
        """The secret in a project's preview addresses: HMAC-SHA256(launch key, project id), 128 bits."""
        digest = hmac.new(self._key, project_id.encode("utf-8", "surrogatepass"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest[:16]).decode().rstrip("=")

    def base_url(self, project_id: str) -> str:
        return f"{self.origin}/p/{self.project_secret(project_id)}/{quote(project_id, safe='')}/"

    def network_allowed(self, project_id: str) -> bool:
        return self.allow_network or project_id in self.network_projects

    def csp(self, project_id: str = "") -> str:
        """The preview's policy: this origin only, plus ``https:`` for a project allowed to use the network."""
        src = self.origin
        net = " https:" if self.network_allowed(project_id) else ""
        ancestors = self.ui_origin or "'none'"
        return (
            f"default-src {src}{net}; script-src {src} 'unsafe-inline' 'unsafe-eval'{net}; "
            f"style-src {src} 'unsafe-inline'{net}; img-src {src} data: blob:{net}; font-src {src} data:{net}; "
            f"media-src {src} data: blob:; connect-src {src}{net}; worker-src {src} blob:; "
            f"form-action 'none'; base-uri {src}; frame-ancestors {ancestors}; sandbox {SANDBOX}"
        )

    def start(self) -> PreviewServer:
        threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.2}, name="preview-server", daemon=True
        ).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "Vibing-Preview"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, ctype: str, project_id: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", self.server.csp(project_id))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:
        if self.headers.get("Host", "") not in self.server.allowed_hosts:
            return self._send(HTTPStatus.FORBIDDEN, b"wrong host", "text/plain")
        parts = urlsplit(self.path).path.split("/", 4)
        # ["", "p", secret, project_id, path]
        if len(parts) < 4 or parts[1] != "p":
            return self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
        project_id = unquote(parts[3])
        expected = self.server.project_secret(project_id)
        if not hmac.compare_digest(parts[2].encode("utf-8", "surrogatepass"), expected.encode()):
            return self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
        path = unquote(parts[4]) if len(parts) > 4 else ""
        if path == "" or path.endswith("/"):
            path += "index.html"
        try:
            request = ReadFile(project_id=project_id, path=path)
            reply = self.server.call(lambda: self.server.bus.request("storage", request, timeout=5))
        except NotFound:
            body = (
                f"<!doctype html><meta charset=utf-8><body style='font:14px system-ui;color:#667;padding:2em'>"
                f"<p>No <code>{_escape(path)}</code> in this project yet.</p>"
            ).encode()
            return self._send(HTTPStatus.NOT_FOUND, inject(body), "text/html; charset=utf-8", project_id)
        except VibingError as exc:
            return self._send(HTTPStatus.SERVICE_UNAVAILABLE, exc.message.encode(), "text/plain; charset=utf-8")
        content = reply.file.content.encode()
        ctype = mimetypes.guess_type(path)[0] or "text/plain"
        if ctype == "text/html":
            content = inject(content)
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json", "image/svg+xml"):
            ctype += "; charset=utf-8"
        self._send(HTTPStatus.OK, content, ctype, project_id)

    do_HEAD = do_GET


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
