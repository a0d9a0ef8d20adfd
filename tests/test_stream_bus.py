"""The stream service through the real bus: a real app (supervisor, workers) and the fake Anthropic server."""

from __future__ import annotations

import os
import signal
import time

import pytest
from conftest import App, start_app

from tests.fakes import FakeAnthropic
from vibing.errors import ApiKeyRejected, InvalidRequest, LimitExceeded, NotFound, from_reply
from vibing.schema.storage import CreateProject, GetMessage, ListMessages, UsageSummary
from vibing.schema.stream import (
    ChatTurn,
    CheckKey,
    ContinueStream,
    ListModels,
    ListStreams,
    SnapshotStream,
    StartStream,
    StopStream,
    StreamDone,
    StreamFailed,
    StreamStatus,
    TokenDelta,
)
from vibing.schema.supervisor import Status

KEY = "sk-ant-test-0123456789abcdef"


@pytest.fixture(scope="module")
def server():
    with FakeAnthropic() as s:
        yield s


@pytest.fixture(scope="module")
def app(server, tmp_path_factory):
    running = start_app(
        tmp_path_factory.mktemp("stream") / "home",
        ANTHROPIC_BASE_URL=server.url,
        ANTHROPIC_API_KEY=KEY,
        VIBING_OPENAI_BASE_URL=server.url + "/v1",
    )
    yield running
    running.stop()


def turn(text: str) -> list[ChatTurn]:
    return [ChatTurn(role="user", content=text)]


def collect(sub, stream_id: str, timeout: float = 20.0):
    """Events of one stream until its stream.done / stream.error."""
    tokens, statuses = [], []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ev = sub.recv(max(0.01, deadline - time.monotonic()))
        if ev is None:
            break
        body = ev.body
        if getattr(body, "stream_id", None) != stream_id:
            continue
        if isinstance(body, TokenDelta):
            assert ev.topic == f"token.{stream_id}"
            tokens.append(body)
        elif isinstance(body, StreamStatus):
            statuses.append(body)
        elif isinstance(body, (StreamDone, StreamFailed)):
            assert ev.topic == ("stream.done" if isinstance(body, StreamDone) else "stream.error")
            return tokens, statuses, body
    raise AssertionError(f"stream {stream_id} did not finish within {timeout}s ({len(tokens)} tokens)")


def start(bus, stream_id: str, text: str, **kw):
    return bus.request("stream", StartStream(messages=turn(text), stream_id=stream_id, **kw))


def subscribed(bus, *prefixes):
    sub = bus.subscribe(*prefixes)
    sub.sync()
    return sub


def test_tokens_in_order_with_seq(app):
    bus = app.bus()
    sub = subscribed(bus, "token.b1", "stream.")
    reply = start(bus, "b1", "[[scenario:normal words=120]]")
    assert reply.stream_id == "b1" and reply.model == "claude-sonnet-4-5" and reply.provider == "anthropic"
    tokens, statuses, done = collect(sub, "b1")
    assert isinstance(done, StreamDone)
    assert [t.seq for t in tokens] == list(range(1, len(tokens) + 1)) and done.seq == len(tokens)
    text = "".join(t.text for t in tokens)
    assert text.startswith("Here is a small web app") and len(text) == done.chars
    assert done.usage.input_tokens > 0 and done.usage.output_tokens > 0 and done.cost_usd > 0
    assert done.ttft_ms > 0 and done.duration_ms >= done.ttft_ms and done.request_id.startswith("req_")
    assert statuses[0].state == "connecting"
    snap = bus.request("stream", SnapshotStream(stream_id="b1"))
    assert snap.text == text and snap.seq == done.seq and snap.state == "done"


def test_late_subscriber_resumes_from_snapshot_without_gap(app):
    bus = app.bus()
    early = subscribed(bus, "token.b2", "stream.")
    start(bus, "b2", "[[scenario:slow delay_ms=5 words=150]]")
    while True:  # wait for a few tokens to have gone by
        ev = early.recv(10)
        assert ev is not None
        if isinstance(ev.body, TokenDelta) and ev.body.seq >= 10:
            break
    late = subscribed(app.bus("late"), "token.b2", "stream.")
    snap = bus.request("stream", SnapshotStream(stream_id="b2"))
    assert snap.seq >= 10 and snap.state == "streaming"
    tokens, _statuses, done = collect(late, "b2")
    rest = [t for t in tokens if t.seq > snap.seq]
    assert [t.seq for t in rest] == list(range(snap.seq + 1, done.seq + 1))
    final = bus.request("stream", SnapshotStream(stream_id="b2"))
    assert snap.text + "".join(t.text for t in rest) == final.text


def test_stop_mid_stream(app, server):
    bus = app.bus()
    sub = subscribed(bus, "token.b3", "stream.")
    start(bus, "b3", "[[scenario:slow delay_ms=20 words=3000]]")
    while True:
        ev = sub.recv(10)
        assert ev is not None
        if isinstance(ev.body, TokenDelta) and ev.body.seq >= 3:
            break
    server.left.clear()
    t0 = time.monotonic()
    snap = bus.request("stream", StopStream(stream_id="b3"))
    assert time.monotonic() - t0 < 1.0
    assert snap.state == "stopped" and snap.text and snap.stop_reason == "stopped"
    assert server.left.wait(3)
    tokens, _s, done = collect(sub, "b3")
    assert isinstance(done, StreamDone) and done.stopped and done.can_continue and done.seq == snap.seq
    # no token after the stop
    assert bus.request("stream", SnapshotStream(stream_id="b3")).seq == snap.seq


def test_three_concurrent_streams(app):
    bus = app.bus()
    sub = subscribed(bus, "token.c", "stream.")
    ids = ["c1", "c2", "c3"]
    t0 = time.monotonic()
    for i, sid in enumerate(ids):
        start(bus, sid, f"[[scenario:slow delay_ms=10 words={40 + i}]] n{i}")
    active = bus.request("stream", ListStreams(active_only=True)).streams
    assert {s.stream_id for s in active} >= set(ids) - {s for s in ids if False}
    results = {}
    seqs = {sid: [] for sid in ids}
    pending = set(ids)
    deadline = time.monotonic() + 30
    while pending and time.monotonic() < deadline:
        ev = sub.recv(5)
        assert ev is not None
        body = ev.body
        if isinstance(body, TokenDelta) and body.stream_id in seqs:
            seqs[body.stream_id].append(body.seq)
        elif isinstance(body, (StreamDone, StreamFailed)) and body.stream_id in pending:
            results[body.stream_id] = body
            pending.discard(body.stream_id)
    assert not pending
    elapsed = time.monotonic() - t0
    for sid in ids:
        assert isinstance(results[sid], StreamDone)
        assert seqs[sid] == list(range(1, results[sid].seq + 1))
    # in parallel: three ~50-token streams at 10 ms/token take far less than three times one
    assert elapsed < 3 * 0.5 + 1.0


def test_errors_are_typed(app):
    bus = app.bus()
    sub = subscribed(bus, "stream.")
    start(bus, "e1", "[[scenario:status status=401]]")
    _t, _s, failed = collect(sub, "e1")
    assert isinstance(failed, StreamFailed) and failed.code == "ApiKeyRejected" and failed.status == 401
    assert failed.request_id.startswith("req_") and "vibing key set" in failed.message
    err = from_reply(failed.code, failed.message, failed.details)
    assert isinstance(err, ApiKeyRejected)

    start(bus, "e2", "[[scenario:fail_then_ok status=529 times=2 id=bus529]]")
    _t, statuses, done = collect(sub, "e2")
    assert isinstance(done, StreamDone)
    assert [s.attempt for s in statuses if s.state == "retrying"] == [2, 3]

    start(bus, "e3", "[[scenario:drop after=6]]")
    tokens, _s, failed = collect(sub, "e3")
    assert failed.code == "StreamInterrupted" and failed.can_continue and failed.chars > 0

    start(bus, "e4", "[[scenario:status status=529]]")
    _t, _s, failed = collect(sub, "e4")
    assert failed.code == "ApiOverloaded" and failed.attempts == 3 and failed.retryable


def test_invalid_requests_are_refused_at_once(app):
    bus = app.bus()
    with pytest.raises(InvalidRequest):
        bus.request("stream", StartStream(messages=[]))
    with pytest.raises(InvalidRequest):
        bus.request("stream", StartStream(messages=turn("x"), provider="nonsense"))
    with pytest.raises(NotFound):
        bus.request("stream", SnapshotStream(stream_id="nope"))


def test_check_key_and_models(app):
    bus = app.bus()
    ok = bus.request("stream", CheckKey(), timeout=15)
    assert ok.ok and ok.source == "environment" and ok.request_id.startswith("req_")
    assert KEY not in ok.message  # never shown in full
    bad = bus.request("stream", CheckKey(key="sk-ant-bad-key-0000000000000"), timeout=15)
    assert not bad.ok and bad.code == "ApiKeyRejected" and bad.status == 401
    models = bus.request("stream", ListModels())
    assert models.default == "claude-sonnet-4-5" and any(m.id.startswith("claude-haiku") for m in models.models)
    local = bus.request("stream", ListModels(provider="openai"), timeout=10)
    assert "llama3.2" in [m.id for m in local.models]


def test_openai_compatible_provider_over_the_bus(app):
    bus = app.bus()
    sub = subscribed(bus, "token.o1", "stream.")
    reply = start(bus, "o1", "[[scenario:normal]] hi", provider="openai")
    assert reply.provider == "openai" and reply.model == "llama3.2"
    tokens, _s, done = collect(sub, "o1")
    assert isinstance(done, StreamDone) and done.provider == "openai" and done.cost_usd == 0
    assert "".join(t.text for t in tokens).startswith("Here is a small web app")


def _project(bus) -> str:
    return bus.request("storage", CreateProject(name=f"stream test {time.monotonic_ns()}")).project.id


def test_persisted_answer_and_usage(app):
    bus = app.bus()
    project_id = _project(bus)
    sub = subscribed(bus, "token.p1", "stream.")
    reply = start(bus, "p1", "[[scenario:normal words=200]] build it", project_id=project_id, user_message="build it")
    assert reply.message_id
    tokens, _s, done = collect(sub, "p1")
    assert done.message_id == reply.message_id
    text = "".join(t.text for t in tokens)
    deadline = time.monotonic() + 5
    while True:
        stored = bus.request("storage", GetMessage(message_id=reply.message_id)).message
        if stored.status != "streaming" or time.monotonic() > deadline:
            break
        time.sleep(0.02)  # the finish is written by the background writer; poll storage briefly
    assert stored.status == "complete" and stored.content == text and stored.last_seq == done.seq
    assert stored.output_tokens == done.usage.output_tokens and stored.cost_usd == pytest.approx(done.cost_usd)
    messages = bus.request("storage", ListMessages(project_id=project_id)).messages
    assert [(m.role, m.content[:8]) for m in messages] == [("user", "build it"), ("assistant", text[:8])]
    usage = bus.request("storage", UsageSummary(project_id=project_id))
    assert usage.output_tokens == done.usage.output_tokens


def _wait_stored(bus, message_id: str, predicate, timeout: float = 5.0):
    """The stored message once ``predicate`` holds for it (or at the deadline, for the caller's assert to say why).

    The stream service publishes its events before the durable writer's batch holding the message has landed,
    so the message may not be in storage yet, let alone in its last state.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            stored = bus.request("storage", GetMessage(message_id=message_id)).message
        except NotFound:
            if time.monotonic() > deadline:
                raise
        else:
            if predicate(stored) or time.monotonic() > deadline:
                return stored
        time.sleep(0.02)


def test_continue_after_a_cut(app, server):
    bus = app.bus()
    project_id = _project(bus)
    full = "A" * 50 + " then the second half of the answer, which the model continues coherently."
    server.answers["cut"] = full
    sub = subscribed(bus, "token.k", "stream.")
    first = start(bus, "k1", "[[scenario:drop after=8 answer=cut]]", project_id=project_id, user_message="go")
    tokens, _s, failed = collect(sub, "k1")
    assert failed.code == "StreamInterrupted" and failed.can_continue
    partial = "".join(t.text for t in tokens)
    stored = _wait_stored(bus, first.message_id, lambda m: m.status != "streaming")
    assert stored.status == "interrupted" and stored.content == partial
    cont = bus.request("stream", ContinueStream(stream_id="k1", new_stream_id="k2"))
    assert cont.message_id == first.message_id and cont.offset == len(partial)
    tokens2, _s, done = collect(sub, "k2")
    assert isinstance(done, StreamDone)
    assert tokens2[0].seq == failed.seq + 1  # the message's seq continues
    snap = bus.request("stream", SnapshotStream(stream_id="k2"))
    assert snap.text == full
    stored = _wait_stored(bus, first.message_id, lambda m: m.status == "complete")
    assert stored.content == full and stored.status == "complete"
    # the continuation asked the model to go on from the partial text
    last = server.requests[-1].body["messages"]
    assert last[-1] == {"role": "assistant", "content": partial.rstrip()}


def test_rate_limit_per_minute(server, tmp_path):
    app = start_app(
        tmp_path / "rl", ANTHROPIC_BASE_URL=server.url, ANTHROPIC_API_KEY=KEY, VIBING_RATE_LIMIT_PER_MIN="2"
    )
    try:
        bus = app.bus()
        start(bus, "r1", "hi")
        start(bus, "r2", "hi")
        with pytest.raises(LimitExceeded) as info:
            start(bus, "r3", "hi")
        assert "2 requests per minute" in info.value.message and info.value.details["retry_after_s"] > 0
    finally:
        app.stop()


def test_no_key_is_a_clear_error(server, tmp_path):
    app = start_app(tmp_path / "nokey", ANTHROPIC_BASE_URL=server.url)
    try:
        bus = app.bus()
        from vibing.errors import NoApiKey

        with pytest.raises(NoApiKey) as info:
            start(bus, "n1", "hi")
        assert "ANTHROPIC_API_KEY" in info.value.message or "vibing key set" in info.value.message
        check = bus.request("stream", CheckKey(), timeout=15)
        assert not check.ok and check.code == "NoApiKey"
    finally:
        app.stop()


def _stream_pid(bus) -> int:
    status = bus.request("supervisor", Status())
    return next(s.pid for s in status.services if s.name == "stream" and s.state == "ready")


def test_sigkill_stream_worker_mid_generation(server, tmp_path):
    app: App = start_app(tmp_path / "kill", ANTHROPIC_BASE_URL=server.url, ANTHROPIC_API_KEY=KEY)
    try:
        bus = app.bus()
        project_id = _project(bus)
        sub = subscribed(bus, "token.x1", "stream.", "service.")
        reply = start(
            bus, "x1", "[[scenario:slow delay_ms=4 words=3000]]", project_id=project_id, user_message="a long one"
        )
        published: list[TokenDelta] = []
        while len(published) < 150:
            ev = sub.recv(10)
            assert ev is not None
            if isinstance(ev.body, TokenDelta):
                published.append(ev.body)
        pid = _stream_pid(bus)
        os.kill(pid, signal.SIGKILL)
        # drain what was published before the kill
        while True:
            ev = sub.recv(0.3)
            if ev is None:
                break
            if isinstance(ev.body, TokenDelta):
                published.append(ev.body)
            if ev.topic == "service.up":
                break
        stored = bus.request("storage", GetMessage(message_id=reply.message_id)).message
        # what storage holds is exactly the published text up to the last batch's seq
        assert stored.last_seq >= 1
        upto = "".join(t.text for t in published if t.seq <= stored.last_seq)
        assert stored.content == upto
        lost = sum(len(t.text) for t in published if t.seq > stored.last_seq)
        assert lost <= 2048 + 200  # at most one batch (2 KB or 100 ms of tokens)
        # the restarted worker marks it interrupted; it can be continued by message id
        stored = _wait_stored(bus, reply.message_id, lambda m: m.status == "interrupted", timeout=15)
        assert stored.status == "interrupted"
        deadline = time.monotonic() + 15
        while True:
            try:
                cont = bus.request("stream", ContinueStream(message_id=reply.message_id, new_stream_id="x2"))
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        _tokens, _s, done = collect(sub, "x2", timeout=60)
        assert isinstance(done, StreamDone) and cont.offset == len(stored.content)
        final = _wait_stored(bus, reply.message_id, lambda m: m.status == "complete")
        assert final.content.startswith(stored.content) and len(final.content) > len(stored.content)
    finally:
        app.stop()


def test_key_check_cli_uses_the_api(app):
    result = app.cli("key", "check", timeout=60)
    assert result.returncode == 0, result.stderr
    assert "works" in result.stdout and KEY not in result.stdout
    bad = app.cli("key", "check", timeout=60, ANTHROPIC_API_KEY="sk-ant-bad-key-0000000000000")
    # the CLI shows its own key source; the running app checks the key it uses (the good one here)
    assert "sk-ant-…0000" in bad.stdout


def test_continuation_usage_is_recorded(app, server):
    bus = app.bus()
    project_id = _project(bus)
    sub = subscribed(bus, "token.u", "stream.")
    first = start(bus, "u1", "[[scenario:max_tokens after=10]]", project_id=project_id, user_message="go")
    _t, _s, done1 = collect(sub, "u1")
    assert done1.stop_reason == "max_tokens" and done1.can_continue
    bus.request("stream", ContinueStream(stream_id="u1", new_stream_id="u2"))
    _t, _s, done2 = collect(sub, "u2")
    assert isinstance(done2, StreamDone)
    stored = _wait_stored(bus, first.message_id, lambda m: m.status == "complete")
    assert stored.status == "complete"
    deadline = time.monotonic() + 5
    while True:
        usage = bus.request("storage", UsageSummary(project_id=project_id))
        if usage.requests == 2 or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    assert usage.requests == 2
    assert usage.output_tokens == done1.usage.output_tokens + done2.usage.output_tokens


def test_metrics_are_reported(app):
    from vibing.schema.metrics import MetricsReport

    bus = app.bus()
    sub = subscribed(bus, "metrics.report", "stream.")
    start(bus, "m1", "hello metrics")
    deadline = time.monotonic() + 10
    names = set()
    while time.monotonic() < deadline and "vibing_stream_ttft_seconds" not in names:
        ev = sub.recv(1)
        if ev is not None and isinstance(ev.body, MetricsReport) and ev.body.service == "stream":
            names |= {h.name for h in ev.body.histograms} | {s.name for s in ev.body.samples}
    assert {"vibing_stream_ttft_seconds", "vibing_stream_finished_total", "vibing_stream_tokens_total"} <= names


def test_graceful_quit_mid_stream_leaves_it_interrupted(server, tmp_path):
    app = start_app(tmp_path / "quit", ANTHROPIC_BASE_URL=server.url, ANTHROPIC_API_KEY=KEY)
    home = app.home
    try:
        bus = app.bus()
        project_id = _project(bus)
        sub = subscribed(bus, "token.q1")
        reply = start(bus, "q1", "[[scenario:slow delay_ms=10 words=2000]]", project_id=project_id, user_message="long")
        published = []
        while len(published) < 40:  # > 100 ms of tokens: at least one batch is in storage
            ev = sub.recv(10)
            assert ev is not None
            published.append(ev.body)
    finally:
        assert app.stop() == 0
    app = start_app(home, ANTHROPIC_BASE_URL=server.url, ANTHROPIC_API_KEY=KEY)
    try:
        # the restarted stream worker's recovery runs in the background, just after it is ready
        stored = _wait_stored(app.bus(), reply.message_id, lambda m: m.status != "streaming", timeout=15)
        # interrupted (by the stream worker's teardown, or by the next start's recovery if storage was already
        # gone at quit), with what had been batched: continuable
        assert stored.status == "interrupted" and stored.content and stored.last_seq >= 1
        assert (
            "".join(t.text for t in published if t.seq <= stored.last_seq)
            == stored.content[: sum(len(t.text) for t in published if t.seq <= stored.last_seq)]
        )
    finally:
        app.stop()


def test_the_key_never_reaches_the_logs(app):
    # runs after the module's other tests: streams, errors, retries, key checks all happened in this app
    bus = app.bus()
    sub = subscribed(bus, "stream.")
    start(bus, "z1", "[[scenario:status status=401]]")
    collect(sub, "z1")
    bus.request("stream", CheckKey(key="sk-ant-bad-key-0000000000000"), timeout=15)
    logs = list(app.paths.logs.glob("*.log*"))
    assert logs
    for path in logs:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert KEY not in text and "sk-ant-bad-key-0000000000000" not in text, path
