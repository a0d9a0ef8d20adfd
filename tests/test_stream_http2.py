"""HTTP/2 where the server offers it: the fake server over TLS with ALPN h2, our client through httpx."""

from __future__ import annotations

import os
import subprocess
import time

import pytest

from tests.fakes import FakeAnthropic
from vibing.schema.stream import ChatTurn, StreamDone, StreamFailed, TokenDelta
from vibing.services.stream.provider import Call
from vibing.services.stream.runner import Runner, StreamRun

KEY = "sk-ant-test-0123456789abcdef"


class _NoDurable:
    def append(self, *args):
        pass

    def finish(self, *args):
        pass


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return str(cert), str(key)


@pytest.fixture(scope="module")
def h2(tls_files):
    old = os.environ.get("SSL_CERT_FILE")
    os.environ["SSL_CERT_FILE"] = tls_files[0]  # httpx trusts it (trust_env), like a corporate CA
    events: list = []
    with FakeAnthropic(tls=tls_files) as server:
        runner = Runner(publish=lambda t, e: events.append(e), durable=_NoDurable())
        runner.start()
        try:
            yield server, runner, events
        finally:
            runner.stop()
            if old is None:
                os.environ.pop("SSL_CERT_FILE", None)
            else:
                os.environ["SSL_CERT_FILE"] = old


def _run(runner, server, content, sid, wait=True):
    call = Call(
        provider="anthropic",
        base_url=server.url,
        model="claude-sonnet-4-5",
        api_key=KEY,
        messages=[ChatTurn(role="user", content=content)],
    )
    run = StreamRun(runner, sid, call)
    runner.launch(run)
    if wait:
        assert run.done.wait(30)
    return run


def _final(events, sid):
    return next(e for e in events if isinstance(e, (StreamDone, StreamFailed)) and e.stream_id == sid)


def test_streams_over_http2(h2):
    server, runner, events = h2
    run = _run(runner, server, "[[scenario:normal words=300]]", "h2a")
    done = _final(events, "h2a")
    assert isinstance(done, StreamDone) and run.text().startswith("Here is a small web app")
    assert "h2" in server.protocols and "http/1.1" not in server.protocols
    assert done.request_id.startswith("req_") and done.usage.output_tokens > 0
    # the same HTTP/2 connection is reused by the next stream
    connections = server.connections
    _run(runner, server, "[[scenario:bytewise words=20]]", "h2b")
    assert isinstance(_final(events, "h2b"), StreamDone) and server.connections == connections


def test_errors_retries_and_drop_over_http2(h2):
    server, runner, events = h2
    _run(runner, server, "[[scenario:status status=401]]", "h2e")
    assert _final(events, "h2e").code == "ApiKeyRejected"
    _run(runner, server, "[[scenario:fail_then_ok status=529 times=1 retry_after_ms=50 id=h2r]]", "h2r")
    assert isinstance(_final(events, "h2r"), StreamDone)
    _run(runner, server, "[[scenario:drop after=5]]", "h2d")
    failed = _final(events, "h2d")
    assert failed.code == "StreamInterrupted" and failed.chars > 0


def test_stop_resets_the_http2_stream(h2):
    server, runner, events = h2
    server.left.clear()
    _run(runner, server, "[[scenario:slow delay_ms=20 words=3000]]", "h2s", wait=False)
    deadline = time.monotonic() + 10
    while not any(isinstance(e, TokenDelta) and e.stream_id == "h2s" for e in events):
        assert time.monotonic() < deadline
        time.sleep(0.01)
    snap = runner.stop_stream("h2s")
    assert snap.state == "stopped" and snap.text
    assert server.left.wait(3), "the server did not see the stream reset"
    # the connection survives a reset stream: the next stream still works
    _run(runner, server, "[[scenario:normal]]", "h2n")
    assert isinstance(_final(events, "h2n"), StreamDone)


def test_stopping_one_multiplexed_stream_leaves_the_others(h2):
    server, runner, events = h2
    connections = server.connections
    runs = [
        _run(runner, server, f"[[scenario:slow delay_ms=5 words=80]] m{i}", f"h2m{i}", wait=False) for i in range(3)
    ]
    deadline = time.monotonic() + 10
    while not any(isinstance(e, TokenDelta) and e.stream_id == "h2m1" for e in events):
        assert time.monotonic() < deadline
        time.sleep(0.01)
    runner.stop_stream("h2m1")
    for run in runs:
        assert run.done.wait(30)
    assert _final(events, "h2m1").stopped
    for sid in ("h2m0", "h2m2"):
        done = _final(events, sid)
        assert isinstance(done, StreamDone) and not done.stopped
    assert server.connections == connections  # all three on the one HTTP/2 connection
