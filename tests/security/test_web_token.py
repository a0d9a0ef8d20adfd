"""Small leaks of `vibing web` (issue 14, item 11), replayed against a real `vibing web`.

Before: `vibing web` printed ``http://127.0.0.1:PORT/?token=<session token>`` and ``--open``
passed that same URL to the browser, so the token sat in the browser's history and on its
command line (``ps``), and a POST with no Origin header was served.  Now stdout and the
browser get a one-time code that trades itself for an HttpOnly, SameSite=Strict cookie once;
the token is printed only with ``--print-url``; a POST without our exact Origin is refused.
"""

from __future__ import annotations

import http.client as httpc
import json
import socket
import stat
import subprocess
import sys
from http.cookies import SimpleCookie

import pytest
from conftest import start_app, wait_for_line

TIMEOUT = 20


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("web-token") / "home")
    yield running
    running.stop()


def run_web(app, *args: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "vibing", "web", *args],
        env={**app.env, **env},
        cwd=app.home,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    proc.wait(timeout=10)


def get(port: int, target: str) -> tuple[int, httpc.HTTPResponse, bytes]:
    conn = httpc.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    conn.request("GET", target, headers={"Host": f"127.0.0.1:{port}"})
    res = conn.getresponse()
    body = res.read()
    conn.close()
    return res.status, res, body


def post(port: int, path: str, headers: dict[str, str], body: bytes = b"{}") -> tuple[int, dict]:
    conn = httpc.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    conn.putrequest("POST", path, skip_host=True)
    conn.putheader("Host", f"127.0.0.1:{port}")
    for key, value in headers.items():
        for one in value if isinstance(value, list) else [value]:
            conn.putheader(key, one)
    conn.putheader("Content-Length", str(len(body)))
    conn.endheaders(body)
    res = conn.getresponse()
    data = json.loads(res.read())
    conn.close()
    return res.status, data


def redeem(port: int, target: str) -> str:
    """Open a sign-in link as a browser would; the session cookie it sets (its value)."""
    status, res, _ = get(port, target)
    assert status == 303 and res.getheader("Location") == "/", status
    header = res.getheader("Set-Cookie")
    attributes = {part.strip().split("=")[0].lower() for part in header.split(";")[1:]}
    assert {"httponly", "path"} <= attributes and "samesite=strict" in header.lower() and "path=/" in header.lower()
    (morsel,) = SimpleCookie(header).values()
    assert morsel.key == f"vibing-{port}"
    return morsel.value


def port_of(url: str) -> int:
    return int(url.split(":")[2].split("/")[0])


def test_the_printed_link_carries_a_one_time_code_not_the_token(app):
    proc = run_web(app)
    try:
        served = wait_for_line(proc, "Vibing is served at", 30)
        sign_in = wait_for_line(proc, "Sign in:", 10)
        note = wait_for_line(proc, "works once", 10)
        url = sign_in.split("Sign in:", 1)[1].strip()
        port = port_of(url)
        assert "token" not in served + sign_in + note and "?code=" in url
        path = url.split(f"127.0.0.1:{port}", 1)[1]
        token = redeem(port, path)
        assert token and token not in served + sign_in + note  # the session secret was never printed
        origin = f"http://127.0.0.1:{port}"
        status, reply = post(port, "/api/shell/info", {"Cookie": f"vibing-{port}={token}", "Origin": origin})
        assert status == 200 and reply["ok"] is True
        status, reply = post(port, "/api/request", {"Cookie": f"vibing-{port}={token}", "Origin": origin})
        assert status == 400  # signed in (no body is a bad request, not a 403)
        # the code works once
        status, res, page = get(port, path)
        assert status == 403 and res.getheader("Set-Cookie") is None and b"already used" in page
        assert get(port, "/?code=made-up")[0] == 403
        assert get(port, "/?token=wrong")[0] == 403
        assert post(port, "/api/shell/info", {"Cookie": f"vibing-{port}=wrong", "Origin": origin})[0] == 403
    finally:
        stop(proc)


def test_open_hands_the_browser_a_code_that_is_spent_after_one_use(app, tmp_path):
    """``--open`` runs the browser with the URL on its command line: record that command line."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(TIMEOUT)
    browser = tmp_path / "browser"
    browser.write_text(
        f"#!{sys.executable}\nimport socket, sys\n"
        f"s = socket.create_connection(('127.0.0.1', {listener.getsockname()[1]}))\n"
        "s.sendall('\\0'.join(sys.argv).encode()); s.close()\n"
    )
    browser.chmod(browser.stat().st_mode | stat.S_IXUSR)
    proc = run_web(app, "--open", BROWSER=str(browser))
    try:
        served = wait_for_line(proc, "Vibing is served at", 30)
        conn, _ = listener.accept()
        with conn:
            conn.settimeout(TIMEOUT)
            argv = b"".join(iter(lambda: conn.recv(65536), b"")).decode().split("\0")
        (url,) = argv[1:]
        assert "?code=" in url and "token" not in url
        port = port_of(url)
        path = url.split(f"127.0.0.1:{port}", 1)[1]
        token = redeem(port, path)
        assert token not in url and token not in served
        assert get(port, path)[0] == 403  # what `ps` or the history showed is already spent
    finally:
        listener.close()
        stop(proc)


def test_a_code_expires_and_is_single_use():
    from vibing.shell.login import LoginCodes

    now = [1000.0]
    codes = LoginCodes(ttl=300, clock=lambda: now[0])
    late = codes.issue()
    now[0] += 301
    assert codes.redeem(late) is False
    fresh = codes.issue()
    assert codes.redeem(fresh) is True and codes.redeem(fresh) is False
    assert codes.redeem("") is False and codes.redeem("x" * 10_000) is False


def test_a_post_without_our_exact_origin_is_refused(app):
    proc = run_web(app, "--print-url")
    try:
        url = wait_for_line(proc, "Vibing is served at", 30).split(" at ", 1)[1].strip()
        port, token = port_of(url), url.split("token=", 1)[1]
        auth = {"X-Vibing-Token": token}
        for origin in (
            None,
            "null",
            "",
            f"127.0.0.1:{port}",
            f"http://127.0.0.1:{port}/",
            f"https://127.0.0.1:{port}",
            f"http://127.0.0.1:{port}.evil.example",
            f"http://127.0.0.1:{port + 1}",
            [f"http://127.0.0.1:{port}", "http://evil.example"],
        ):
            headers = dict(auth) if origin is None else {**auth, "Origin": origin}
            status, reply = post(port, "/api/shell/info", headers)
            assert status == 403 and reply["error"]["code"] == "Forbidden", (origin, reply)
            assert "Origin" in reply["error"]["message"], reply
        for good in (f"http://127.0.0.1:{port}", f"http://localhost:{port}"):
            status, reply = post(port, "/api/shell/info", {**auth, "Origin": good})
            assert status == 200 and reply["ok"] is True
    finally:
        stop(proc)
