"""Bad HTTP on the bridge (issue 14, item 7), replayed against a real `vibing web`.

Before: ``Content-Length: -1`` made the server read until the client closed (past the 8 MB
limit), and bad lengths or values of the wrong type dropped the connection with a traceback
or answered ``Internal``.  Now each is a 400 (413 for a body over the limit) with a JSON
error a person can read, the connection is closed, the server carries on, and neither its
stderr nor its log holds a traceback.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import start_app, wait_for_line

TIMEOUT = 10


@dataclass
class Web:
    port: int
    token: str
    proc: subprocess.Popen
    stderr: Path
    log: Path


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("bridge-http") / "home")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def web(app, tmp_path_factory):
    stderr = tmp_path_factory.mktemp("web") / "stderr.txt"
    with stderr.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "vibing", "web", "--print-url"],
            env=app.env,
            cwd=app.home,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        )
    url = wait_for_line(proc, "Vibing is served at", 30).split(" at ", 1)[1].strip()
    port = int(url.split(":")[2].split("/")[0])
    yield Web(port, url.split("token=", 1)[1], proc, stderr, app.paths.logs / "web.log")
    proc.terminate()
    proc.wait(timeout=10)


def send(web: Web, head: list[str], body: bytes = b"", *, hang_up: bool = False) -> tuple[int, dict[str, str], bytes]:
    """One raw HTTP exchange; the socket stays open for writing (as a slow or hostile client's would)
    unless ``hang_up``."""
    lines = [*head, f"Host: 127.0.0.1:{web.port}", f"Origin: http://127.0.0.1:{web.port}"]
    lines.append(f"X-Vibing-Token: {web.token}")
    raw = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
    with socket.create_connection(("127.0.0.1", web.port), timeout=TIMEOUT) as sock:
        sock.sendall(raw)
        if hang_up:
            sock.shutdown(socket.SHUT_WR)
        reader = sock.makefile("rb")
        status_line = reader.readline()
        assert status_line, "the server dropped the connection without an answer"
        headers: dict[str, str] = {}
        while (line := reader.readline()) not in (b"\r\n", b"\n", b""):
            key, _, value = line.decode("latin-1").partition(":")
            headers[key.strip().lower()] = value.strip()
        payload = reader.read(int(headers.get("content-length", "0")))
    return int(status_line.split()[1]), headers, payload


def post(web: Web, body: bytes, *extra: str, path: str = "/api/request", length: str | None = None, hang_up=False):
    head = [f"POST {path} HTTP/1.1", "Content-Type: application/json", *extra]
    if length is not None:
        head.append(f"Content-Length: {length}")
    return send(web, head, body, hang_up=hang_up)


def assert_refused(answer, status: int = 400, words: str = "") -> dict:
    got, headers, payload = answer
    assert got == status, (got, payload)
    error = json.loads(payload)
    assert error["ok"] is False and error["error"]["code"] == "InvalidRequest", error
    assert words.lower() in error["error"]["message"].lower(), error
    assert headers.get("connection") == "close"
    return error


LIST = b'{"service": "storage", "type": "ListProjects", "body": {}}'


def test_bad_content_lengths_are_refused_not_read_to_the_end(web):
    # -1 used to mean "read until the client closes": the socket stays open here, so a hang fails the test
    assert_refused(post(web, LIST, length="-1"), words="Content-Length")
    assert_refused(post(web, LIST, length="ten"), words="Content-Length")
    assert_refused(post(web, LIST, length="+58"), words="Content-Length")
    assert_refused(post(web, LIST, length="5_8"), words="Content-Length")
    assert_refused(post(web, LIST, f"Content-Length: {len(LIST)}", length=str(len(LIST))), words="more than one")
    assert_refused(post(web, b"3a\r\n" + LIST + b"\r\n0\r\n\r\n", "Transfer-Encoding: chunked"), words="chunked")
    assert_refused(post(web, LIST, length=str(2**70)), words="Content-Length")
    assert_refused(post(web, LIST, length=str(27 * 1024 * 1024)), status=413, words="too large")  # MAX_BODY: 26 MB
    assert_refused(post(web, LIST[:20], length=str(len(LIST)), hang_up=True), words="ended early")


def test_values_of_the_wrong_type_are_400_with_a_clear_error(web):
    cases = [
        (b'{"service": "storage", "type": "ListProjects", "body": [1, 2]}', '"body" must be'),
        (b'{"service": "storage", "type": "ListProjects", "body": "all"}', '"body" must be'),
        (b'{"service": "storage", "type": "ListProjects", "timeout": "soon"}', '"timeout" must be'),
        (b'{"service": "storage", "type": "ListProjects", "timeout": true}', '"timeout" must be'),
        (b'{"service": "storage", "type": "ListProjects", "timeout": -1}', '"timeout" must be'),
        (b'{"service": "storage", "type": "ListProjects", "timeout": NaN}', "not valid JSON"),
        (b'{"service": "storage", "type": "ListProjects", "timeout": 1e999}', "not valid JSON"),
        (b'{"service": "storage", "type": "ListProjects", "body": {"limit": NaN}}', "not valid JSON"),
        (
            b'{"service": "storage", "type": "ListProjects", "body": {"limit": 1180591620717411303424}}',
            "cannot be sent",
        ),
        (b'{"service": "storage", "type": "ListProjects", "body": {"limit": "many"}}', "ListProjects"),
        (b'{"service": 7, "type": "ListProjects"}', '"service" and "type"'),
        (b'["storage", "ListProjects"]', "JSON object"),
        (b'{"service": "storage", "type"', "not valid JSON"),
        (b"\xff\xfe{}", "not valid JSON"),
    ]
    for body, words in cases:
        assert_refused(post(web, body, length=str(len(body))), words=words)
    for intent in ("settings.update", "recent.add", "native", "settings.import", "preview.url"):
        assert_refused(post(web, b"[1]", length="3", path=f"/api/shell/{intent}"), words="JSON object")
    wrong = b'{"values": {"theme": ["dark"], "agent_dirs": 7}}'
    assert_refused(post(web, wrong, length=str(len(wrong)), path="/api/shell/settings.update"))
    wrong = b'{"project_id": ["x"]}'
    assert_refused(post(web, wrong, length=str(len(wrong)), path="/api/shell/preview.url"), words="project")


def test_the_server_carries_on_and_logs_no_traceback(web):
    test_bad_content_lengths_are_refused_not_read_to_the_end(web)
    status, _, payload = post(web, LIST, length=str(len(LIST)))
    assert status == 200 and json.loads(payload)["ok"] is True
    assert web.proc.poll() is None
    assert "Traceback" not in web.stderr.read_text()
    log = web.log.read_text() if web.log.exists() else ""
    assert "Traceback" not in log and "intent_failed" not in log and "request_crashed" not in log, log[-2000:]
