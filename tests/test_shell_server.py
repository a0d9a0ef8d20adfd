"""The shell's loopback front door against a real headless app: token, host and origin checks,
bus requests and events through HTTP, the preview origin and its sandbox headers, settings."""

from __future__ import annotations

import http.client as httpc
import json
import tomllib
from pathlib import Path

import pytest
from conftest import start_app

TIMEOUT = 10


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("shell") / "home")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shell(app, tmp_path_factory):
    s = app.shell("web", "test-shell")
    yield s
    s.stop()


def http(port: int, method: str, path: str, body=None, headers=None, host: str | None = None):
    conn = httpc.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    hdrs = {"Host": host or f"127.0.0.1:{port}", **(headers or {})}
    data = json.dumps(body).encode() if body is not None else None
    if data is not None:
        hdrs["Content-Type"] = "application/json"
    conn.request(method, path, body=data, headers=hdrs)
    res = conn.getresponse()
    payload = res.read()
    conn.close()
    return res.status, dict(res.getheaders()), payload


def page_headers(shell) -> dict[str, str]:
    """What the page's fetch sends: its Origin (always, on a POST) and the session (here as the header)."""
    return {"X-Vibing-Token": shell.server.token, "Origin": f"http://127.0.0.1:{shell.server.port}"}


def api(shell, service, type_, body=None, status=200):
    got, _, payload = http(
        shell.server.port,
        "POST",
        "/api/request",
        {"service": service, "type": type_, "body": body or {}},
        page_headers(shell),
    )
    assert got == status, payload
    return json.loads(payload)


def preview_path(shell, project_id: str) -> str:
    return "/" + shell.preview.base_url(project_id).split("/", 3)[3]


def test_static_ui_is_served_with_a_strict_csp(shell):
    status, headers, body = http(shell.server.port, "GET", "/")
    assert status == 200 and b"<title>Vibing</title>" in body
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and f"frame-src {shell.preview.origin}" in csp and "frame-ancestors 'none'" in csp
    for name in ("app.js", "app.css", "markdown.js", "editor.js", "editor.css", "vendor/codemirror.js", "icon.svg"):
        assert http(shell.server.port, "GET", f"/ui/{name}")[0] == 200
    assert http(shell.server.port, "GET", "/ui/../settings.py")[0] == 404
    assert http(shell.server.port, "GET", "/ui/__init__.py")[0] == 404


def test_requests_need_the_token_the_host_and_the_origin(shell):
    port, token = shell.server.port, shell.server.token
    body = {"service": "storage", "type": "ListProjects", "body": {}}
    assert http(port, "POST", "/api/request", body)[0] == 403
    assert http(port, "POST", "/api/request", body, {"X-Vibing-Token": "nope"})[0] == 403
    assert http(port, "POST", "/api/request", body, {"X-Vibing-Token": token}, host="evil.example:80")[0] == 403
    assert (
        http(port, "POST", "/api/request", body, {"X-Vibing-Token": token, "Origin": "http://evil.example"})[0] == 403
    )
    assert http(port, "GET", "/events")[0] == 403
    # a POST without an Origin is refused too (browsers always send one; only a forgery lacks it)
    assert http(port, "POST", "/api/request", body, {"X-Vibing-Token": token})[0] == 403
    ok = http(port, "POST", "/api/request", body, {"X-Vibing-Token": token, "Origin": f"http://127.0.0.1:{port}"})
    assert ok[0] == 200 and json.loads(ok[2])["ok"] is True


def test_bus_requests_and_typed_errors(shell):
    created = api(shell, "storage", "CreateProject", {"name": "Bridge test", "project_type": "game"})
    assert created["ok"], created
    pid = created["reply"]["project"]["id"]
    listed = api(shell, "storage", "ListProjects", {"sort": "name"})
    assert any(p["id"] == pid for p in listed["reply"]["items"])
    missing = api(shell, "storage", "GetProject", {"project_id": "nope"})
    assert missing["ok"] is False and missing["error"]["code"] == "NotFound" and "nope" in missing["error"]["message"]
    # what the page got wrong is refused before it reaches the bus: 400 (was 200 with the same error)
    assert api(shell, "storage", "NoSuchThing", status=400)["error"]["code"] == "InvalidRequest"
    assert api(shell, "nosuch", "Ping", status=400)["error"]["code"] == "InvalidRequest"
    assert api(shell, "supervisor", "Shutdown", status=400)["error"]["code"] == "InvalidRequest"
    bad = api(shell, "storage", "ListProjects", {"limit": "many"}, status=400)
    assert bad["ok"] is False and bad["error"]["code"] == "InvalidRequest"


def test_events_arrive_over_sse(shell):
    conn = httpc.HTTPConnection("127.0.0.1", shell.server.port, timeout=TIMEOUT)
    conn.request("GET", f"/events?token={shell.server.token}")
    res = conn.getresponse()
    assert res.status == 200 and res.getheader("Content-Type") == "text/event-stream"
    assert res.fp.readline() == b"retry: 1000\n"
    assert res.fp.readline() == b"event: hello\n"
    created = api(shell, "storage", "CreateProject", {"name": "Evented"})
    pid = created["reply"]["project"]["id"]
    while True:  # bounded by the socket timeout
        line = res.fp.readline()
        assert line, "the event stream ended"
        if line.startswith(b"data: "):
            event = json.loads(line[6:])
            if event.get("type") == "ProjectChanged" and event["project_id"] == pid:
                assert event["topic"] == "project.changed" and event["what"] == "created"
                break
    conn.close()


def test_token_events_are_relayed_whole_with_their_topic(shell, app):
    """The bridge relays token events from the raw frames (no header decoded, JSON straight from msgspec):
    every field arrives, with the topic, in order, and a malformed frame on the way is dropped."""
    import zmq

    from vibing.schema.base import encode_header, make_header
    from vibing.schema.stream import TokenDelta

    conn = httpc.HTTPConnection("127.0.0.1", shell.server.port, timeout=TIMEOUT)
    conn.request(
        "GET", "/events", headers={"Host": f"127.0.0.1:{shell.server.port}", "X-Vibing-Token": shell.server.token}
    )
    res = conn.getresponse()
    assert res.status == 200
    assert res.fp.readline() == b"retry: 1000\n" and res.fp.readline() == b"event: hello\n"
    bus = app.bus("relay-test")
    texts = ["Hello", " wörld ✓", ' "quoted"\n', "</script>"]
    bus.publish("token.relay-1", TokenDelta(stream_id="relay-1", seq=0, text=texts[0]))
    push = zmq.Context.instance().socket(zmq.PUSH)  # a frame that is not an event: dropped, the stream goes on
    push.connect(bus.endpoints.events_in)
    push.send_multipart([b"token.relay-1", encode_header(make_header("x")), b"\xc1 not msgpack"])
    for seq, text in enumerate(texts[1:], 1):
        bus.publish("token.relay-1", TokenDelta(stream_id="relay-1", seq=seq, text=text, thinking=seq == 2))
    got = []
    while len(got) < len(texts):  # bounded by the socket timeout
        line = res.fp.readline()
        assert line, "the event stream ended"
        if line.startswith(b"data: "):
            event = json.loads(line[6:])
            if event.get("stream_id") == "relay-1":
                got.append(event)
    conn.close()
    push.close(0)
    assert [e["text"] for e in got] == texts and [e["seq"] for e in got] == [0, 1, 2, 3]
    assert all(e["topic"] == "token.relay-1" and e["type"] == "TokenDelta" for e in got)
    assert got[2]["thinking"] is True and "thinking" not in got[1]


def test_preview_origin_serves_files_sandboxed(shell):
    created = api(
        shell,
        "storage",
        "CreateProject",
        {
            "name": "Preview",
            "files": [
                {
                    "type": "FileWrite",
                    "path": "index.html",
                    "content": "<!doctype html><html><head><title>t</title></head><body>hi</body></html>",
                },
                {"type": "FileWrite", "path": "css/site.css", "content": "body{color:red}"},
            ],
        },
    )
    pid = created["reply"]["project"]["id"]
    port = shell.preview.port
    base = preview_path(shell, pid)
    status, headers, body = http(port, "GET", base)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"vibingPreview" in body and body.index(b"vibingPreview") < body.index(b"<title>")
    csp = headers["Content-Security-Policy"]
    assert f"connect-src {shell.preview.origin};" in csp and "frame-ancestors http://127.0.0.1:" in csp
    assert f":{shell.server.port}" not in csp.split("frame-ancestors")[0], "the preview may not reach the UI origin"
    status, headers, body = http(port, "GET", base + "css/site.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css") and body == b"body{color:red}"
    assert http(port, "GET", base + "nope.js")[0] == 404
    assert http(port, "GET", f"/p/wrongsecret/{pid}/")[0] == 404
    assert "sandbox allow-scripts" in csp and "allow-same-origin" not in csp and "allow-popups" not in csp
    assert http(port, "GET", base, host="evil.example")[0] == 403


def test_settings_round_trip_without_secrets(shell, app):
    port = shell.server.port

    def intent(name, data=None, status=200):
        got, _, payload = http(port, "POST", f"/api/shell/{name}", data or {}, page_headers(shell))
        assert got == status, payload
        return json.loads(payload)

    got = intent("settings.get")
    assert got["ok"] and got["reply"]["values"]["theme"] == "system"
    updated = intent(
        "settings.update", {"values": {"theme": "dark", "rate_limit_per_min": 42, "default_model": "claude-x"}}
    )
    assert updated["ok"], updated
    config = tomllib.loads(Path(app.paths.config_file).read_text())
    assert config["rate_limit_per_min"] == 42 and config["default_model"] == "claude-x" and "theme" not in config
    assert intent("settings.update", {"values": {"rate_limit_per_min": 0}})["ok"] is False  # a ConfigError
    # refused by the shell itself (InvalidRequest): 400 (was 200 with the same error)
    assert (
        intent("settings.update", {"values": {"api_key": "sk-ant-xxxxxxxxxxxxxxxxxxxxxx"}}, status=400)["ok"] is False
    )
    exported = intent("settings.export")["reply"]
    assert exported["values"]["theme"] == "dark" and not any("key" in k for k in exported["values"])
    exported["values"]["theme"] = "light"
    assert intent("settings.import", {"document": exported})["reply"]["values"]["theme"] == "light"
    assert intent("settings.import", {"document": {"hello": 1}}, status=400)["ok"] is False
    # a provider address is where a key goes: never a settings write, and no confirmation in a browser
    assert intent("info")["reply"]["confirm"] is False
    moved = intent("settings.update", {"values": {"openai_base_url": "http://127.0.0.1:9/v1"}}, status=400)
    assert "confirm" in moved["error"]["message"]
    asked = intent("settings.address", {"provider": "openai", "url": "http://127.0.0.1:9/v1"}, status=400)
    assert "vibing config set-address openai" in asked["error"]["message"]
    assert "openai_base_url" not in tomllib.loads(Path(app.paths.config_file).read_text())


def test_previews_may_be_allowed_the_internet(shell):
    port = shell.server.port
    created = api(
        shell,
        "storage",
        "CreateProject",
        {"name": "CDN", "files": [{"type": "FileWrite", "path": "index.html", "content": "<h1>cdn</h1>"}]},
    )
    base = preview_path(shell, created["reply"]["project"]["id"])
    assert "https:" not in http(shell.preview.port, "GET", base)[1]["Content-Security-Policy"]
    http(
        port,
        "POST",
        "/api/shell/settings.update",
        {"values": {"preview_allow_network": True}},
        page_headers(shell),
    )
    csp = http(shell.preview.port, "GET", base)[1]["Content-Security-Policy"]
    assert "script-src" in csp and " https:" in csp and f":{shell.server.port}" not in csp.split("frame-ancestors")[0]
    http(
        port,
        "POST",
        "/api/shell/settings.update",
        {"values": {"preview_allow_network": False}},
        page_headers(shell),
    )
    assert "https:" not in http(shell.preview.port, "GET", base)[1]["Content-Security-Policy"]


def test_many_connections_share_a_few_bus_sockets(shell):
    """Each HTTP connection has its own thread; bus requests still use the bridge's fixed pool."""
    for _ in range(60):
        assert api(shell, "storage", "ListProjects", {"limit": 1})["ok"]
    with shell.bus._sockets_lock:
        count = len(shell.bus._sockets)
    assert count <= 8 + 4, count  # the pool's request sockets, the event subscription, probes
