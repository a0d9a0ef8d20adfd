"""The runner's start does not wait for its HTTP client, and nothing notices: the first stream finds it built.

``Runner.start()`` returns before the loop has built the client (importing httpx's transport takes most of the
stream worker's start).  A stream launched at once still streams; a client that cannot be built fails every
stream and request with a typed error instead of hanging.
"""

from __future__ import annotations

import pytest

from tests.fakes import FakeAnthropic
from vibing.errors import Internal
from vibing.schema.stream import ChatTurn, StreamDone, StreamFailed, TokenDelta
from vibing.services.stream import tls
from vibing.services.stream.provider import Call
from vibing.services.stream.runner import Runner, StreamRun

KEY = "sk-ant-test-0123456789abcdef"


class _NoDurable:
    def append(self, *args):
        pass

    def finish(self, *args):
        pass


def _call(url: str) -> Call:
    return Call(
        provider="anthropic",
        base_url=url,
        model="claude-sonnet-4-5",
        api_key=KEY,
        messages=[ChatTurn(role="user", content="[[scenario:normal words=40]]")],
    )


def test_a_stream_launched_before_the_loop_runs_streams():
    events: list = []
    with FakeAnthropic() as server:
        runner = Runner(publish=lambda topic, event: events.append(event), durable=_NoDurable())
        run = StreamRun(runner, "early", _call(server.url))
        runner.launch(run)  # queued before the loop even runs, so before its client exists
        runner.start()
        try:
            assert run.done.wait(30)
        finally:
            runner.stop()
    ends = [e for e in events if isinstance(e, (StreamDone, StreamFailed))]
    assert [type(e) for e in ends] == [StreamDone]
    assert [e.seq for e in events if isinstance(e, TokenDelta)] == list(range(1, run.seq + 1))
    assert run.text() and runner.client is not None and runner.client.is_closed


def test_the_client_shares_the_tls_context_unless_the_environment_names_other_cas(monkeypatch, tmp_path):
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    assert tls.context() is tls.DEFAULT
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    assert tls.context() is not tls.DEFAULT


def test_a_client_that_cannot_be_built_fails_streams_with_a_typed_error(monkeypatch, tmp_path):
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "missing-ca.pem"))  # a CA bundle that is not there
    events: list = []
    runner = Runner(publish=lambda topic, event: events.append(event), durable=_NoDurable())
    runner.start()
    try:
        run = StreamRun(runner, "nocert", _call("https://127.0.0.1:9"))
        runner.launch(run)
        assert run.done.wait(30)
        with pytest.raises(Internal, match="could not set up its HTTP client: FileNotFoundError"):
            runner.provider("anthropic")
    finally:
        runner.stop()
    (failed,) = [e for e in events if isinstance(e, StreamFailed)]
    assert failed.code == "Internal" and "FileNotFoundError" in failed.message and not failed.retryable
    assert run.state == "failed" and runner.client is None
