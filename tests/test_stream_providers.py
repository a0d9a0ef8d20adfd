"""Every scenario of the fake server against our client (in-process runner, real HTTP on loopback),
and the official anthropic SDK against the same server (the server is faithful; we agree with the SDK)."""

from __future__ import annotations

import threading
import time

import anthropic
import pytest

from tests.fakes import FakeAnthropic
from vibing.schema.stream import ChatTurn, StreamDone, StreamFailed, StreamStatus, TokenDelta
from vibing.services.stream.provider import Call
from vibing.services.stream.runner import Runner, StreamRun

KEY = "sk-ant-test-0123456789abcdef"
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


class _NoDurable:
    def append(self, *args):
        pass

    def finish(self, *args):
        pass


class Harness:
    def __init__(self, server: FakeAnthropic) -> None:
        self.server = server
        self.events: list[tuple[str, object]] = []
        self.lock = threading.Lock()
        self.runner = Runner(publish=self._publish, durable=_NoDurable(), max_concurrent=4, max_retries=2)
        self.runner.start()
        self.n = 0

    def _publish(self, topic, event):
        with self.lock:
            self.events.append((topic, event))

    def run(
        self,
        content: str,
        *,
        provider="anthropic",
        base_url=None,
        model="claude-sonnet-4-5",
        key=KEY,
        wait=True,
        **call_kw,
    ) -> StreamRun:
        self.n += 1
        base = base_url or (self.server.url if provider == "anthropic" else self.server.url + "/v1")
        call = Call(
            provider=provider,
            base_url=base,
            model=model,
            messages=[ChatTurn(role="user", content=content)],
            api_key=key,
            **call_kw,
        )
        run = StreamRun(self.runner, f"t{self.n}", call)
        self.runner.launch(run)
        if wait:
            assert run.done.wait(30), "stream did not finish"
        return run

    def of(self, run: StreamRun, kind=None):
        with self.lock:
            evs = [e for t, e in self.events if getattr(e, "stream_id", None) == run.stream_id]
        return [e for e in evs if kind is None or isinstance(e, kind)]

    def final(self, run: StreamRun):
        finals = [e for e in self.of(run) if isinstance(e, (StreamDone, StreamFailed))]
        assert len(finals) == 1, finals
        return finals[0]


@pytest.fixture(scope="module")
def server():
    with FakeAnthropic() as s:
        yield s


@pytest.fixture(scope="module")
def h(server):
    harness = Harness(server)
    yield harness
    harness.runner.stop()


def sdk_stream(server, content, **kw):
    client = anthropic.Anthropic(base_url=server.url, api_key=KEY, max_retries=2)
    with client.messages.stream(
        model="claude-sonnet-4-5", max_tokens=4096, messages=[{"role": "user", "content": content}], **kw
    ) as stream:
        text = "".join(stream.text_stream)
        final = stream.get_final_message()
    thinking = "".join(b.thinking for b in final.content if b.type == "thinking")
    return text, thinking, final


def assert_gapless(h, run):
    tokens = h.of(run, TokenDelta)
    assert [t.seq for t in tokens] == list(range(1, len(tokens) + 1))
    return tokens


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "scenario",
    [
        "normal",
        "bytewise",
        "garbage",
        "garbage junk=1",
        "normal crlf=1",
        "thinking",
        "slow delay_ms=2",
        "huge tokens=20000",
        "normal per_write=50",
        "bytewise crlf=1 answer=unicode",
    ],
)
def test_scenario_text_and_usage_match_the_official_sdk(server, h, scenario):
    server.answers["unicode"] = 'Héllo wörld — 你好 🎉 "quotes" \\ back\nslash\r\nand CRLF'
    content = f"[[scenario:{scenario}]] write me an app"
    run = h.run(content)
    done = h.final(run)
    assert isinstance(done, StreamDone), done
    tokens = assert_gapless(h, run)
    ours_text = "".join(t.text for t in tokens if not t.thinking)
    ours_thinking = "".join(t.text for t in tokens if t.thinking)
    assert ours_text == run.text()
    if "junk=1" in scenario:
        # the SDK raises on a non-JSON data line; we skip that one event and keep the stream
        with pytest.raises(Exception):  # noqa: B017 - whichever error the SDK raises; ours must not
            sdk_stream(server, content)
        sdk_text, _thinking, _ = sdk_stream(server, content.replace(" junk=1", ""))
        assert ours_text == sdk_text
        return
    sdk_text, sdk_thinking, final = sdk_stream(server, content)
    assert ours_text == sdk_text and ours_text
    assert ours_thinking == sdk_thinking
    assert done.usage.input_tokens == final.usage.input_tokens
    assert done.usage.output_tokens == final.usage.output_tokens
    assert done.stop_reason == final.stop_reason == "end_turn"
    assert done.request_id.startswith("req_")
    if scenario == "thinking":
        assert ours_thinking and any(t.thinking for t in tokens)
        # thinking deltas come first and are distinguishable
        assert tokens[0].thinking and not tokens[-1].thinking


def test_requests_carry_the_wire_headers(server, h):
    before = len(server.requests)
    h.run("hello headers", temperature=0.3, system="be brief")
    req = server.requests[before]
    assert req.headers["x-api-key"] == KEY
    assert req.headers["anthropic-version"] == "2023-06-01"
    assert req.headers["content-type"] == "application/json"
    assert req.body["stream"] is True and req.body["system"] == "be brief" and req.body["temperature"] == 0.3
    assert req.body["messages"] == [{"role": "user", "content": "hello headers"}]


@pytest.mark.parametrize(
    "status,code,sdk_error",
    [
        (401, "ApiKeyRejected", anthropic.AuthenticationError),
        (402, "ApiOutOfCredit", anthropic.APIStatusError),
        (403, "ApiPermissionDenied", anthropic.PermissionDeniedError),
        (404, "ApiRequestRejected", anthropic.NotFoundError),
        (413, "ApiRequestTooLarge", anthropic.APIStatusError),
        (400, "ApiRequestRejected", anthropic.BadRequestError),
    ],
)
def test_errors_are_typed_and_not_retried(server, h, status, code, sdk_error):
    run = h.run(f"[[scenario:status status={status}]]")
    failed = h.final(run)
    assert isinstance(failed, StreamFailed)
    assert failed.code == code and failed.status == status and failed.attempts == 1
    assert not h.of(run, TokenDelta)
    if status != 413:
        assert failed.request_id.startswith("req_")
    with pytest.raises(sdk_error):
        sdk_stream(server, f"[[scenario:status status={status}]]")


def test_credit_balance_400_is_out_of_credit(h):
    failed = h.final(h.run("[[scenario:status status=400 credit=1]]"))
    assert failed.code == "ApiOutOfCredit" and "credit" in failed.message


def test_429_then_success_honours_retry_after(server, h):
    t0 = time.monotonic()
    run = h.run("[[scenario:fail_then_ok status=429 times=1 retry_after=0.3 id=rl1]]")
    assert isinstance(h.final(run), StreamDone)
    assert time.monotonic() - t0 >= 0.3
    statuses = h.of(run, StreamStatus)
    retrying = [s for s in statuses if s.state == "retrying"]
    assert len(retrying) == 1 and retrying[0].wait_s == pytest.approx(0.3) and "429" in retrying[0].message
    assert run.attempts == 2


def test_retry_after_ms_and_http_date(h):
    run = h.run("[[scenario:fail_then_ok status=529 times=1 retry_after_ms=120 id=ms1]]")
    assert isinstance(h.final(run), StreamDone)
    assert [s.wait_s for s in h.of(run, StreamStatus) if s.state == "retrying"] == [pytest.approx(0.12)]
    run = h.run("[[scenario:fail_then_ok status=503 times=1 retry_after_date=1.5 id=date1]]")
    assert isinstance(h.final(run), StreamDone)
    (wait,) = [s.wait_s for s in h.of(run, StreamStatus) if s.state == "retrying"]
    assert 0 < wait <= 1.6


def test_529_twice_then_success_and_529_forever_fails(server, h):
    run = h.run("[[scenario:fail_then_ok status=529 times=2 id=o2]]")
    assert isinstance(h.final(run), StreamDone) and run.attempts == 3
    waits = [s.wait_s for s in h.of(run, StreamStatus) if s.state == "retrying"]
    assert 0.375 <= waits[0] <= 0.5 and 0.75 <= waits[1] <= 1.0  # backoff with jitter
    run = h.run("[[scenario:status status=529]]")
    failed = h.final(run)
    assert failed.code == "ApiOverloaded" and failed.attempts == 3 and failed.retryable
    assert "not your quota" in failed.message


def test_should_retry_false_and_long_retry_after_are_not_slept(h):
    run = h.run("[[scenario:status status=529 should_retry=false]]")
    assert h.final(run).attempts == 1
    t0 = time.monotonic()
    run = h.run("[[scenario:status status=429 retry_after=3600]]")
    failed = h.final(run)
    assert time.monotonic() - t0 < 2
    assert failed.code == "ApiRateLimited" and failed.retry_after_s == 3600 and "60 minutes" in failed.message


def test_spend_cap_429_is_not_looped(h):
    failed = h.final(h.run("[[scenario:spend_cap]]"))
    assert failed.attempts == 1 and failed.code == "ApiOutOfCredit" and "limit" in failed.message


def test_html_502_is_an_unexpected_response(h):
    failed = h.final(h.run("[[scenario:status status=502]]"))
    assert failed.code == "ApiUnexpectedResponse" and "unexpected response" in failed.message
    assert "502" in failed.message and failed.attempts == 3  # 5xx: retried, then reported


def test_error_event_mid_stream_keeps_partial_text(h):
    run = h.run("[[scenario:error_mid after=5]]")
    failed = h.final(run)
    assert failed.code == "StreamInterrupted" and failed.attempts == 1 and failed.can_continue
    assert failed.chars == len(run.text()) > 0
    assert "overloaded" in failed.message.lower()


def test_error_event_before_any_token_is_retried(h):
    run = h.run("[[scenario:error_first]]")
    failed = h.final(run)
    assert failed.code == "ApiOverloaded" and failed.attempts == 3 and failed.chars == 0


def test_dropped_connection_mid_stream(h):
    run = h.run("[[scenario:drop after=7]]")
    failed = h.final(run)
    assert failed.code == "StreamInterrupted" and failed.can_continue and failed.retryable is not None
    assert run.text() == "".join(t.text for t in h.of(run, TokenDelta))
    assert len(h.of(run, TokenDelta)) >= 1 and failed.attempts == 1


def test_max_tokens_can_continue(h):
    done = h.final(h.run("[[scenario:max_tokens after=10]]"))
    assert done.stop_reason == "max_tokens" and done.can_continue


def test_connection_refused_is_offline(h):
    run = h.run("hi", base_url="http://127.0.0.1:9")
    failed = h.final(run)
    assert failed.code == "ApiUnreachable" and "offline" in failed.message and failed.attempts == 3


def test_stop_closes_the_http_response_at_once(server, h):
    server.left.clear()
    run = h.run("[[scenario:slow delay_ms=20 words=2000]]", wait=False)
    deadline = time.monotonic() + 10
    while not h.of(run, TokenDelta) and time.monotonic() < deadline:
        time.sleep(0.01)
    t0 = time.monotonic()
    snap = h.runner.stop_stream(run.stream_id)
    assert time.monotonic() - t0 < 0.5
    assert server.left.wait(2), "the server did not see the client leave"
    assert snap.state == "stopped" and snap.text and snap.seq >= 1
    done = h.final(run)
    assert isinstance(done, StreamDone) and done.stopped and done.can_continue
    assert snap.text == "".join(t.text for t in h.of(run, TokenDelta))


def test_hang_then_stop(server, h):
    run = h.run("[[scenario:hang]]", wait=False)
    deadline = time.monotonic() + 5
    while run.state != "connecting" and time.monotonic() < deadline:
        time.sleep(0.01)
    snap = h.runner.stop_stream(run.stream_id)
    assert snap.state == "stopped" and snap.text == ""


def test_openai_compatible_provider(server, h):
    run = h.run("[[scenario:normal]] hi", provider="openai", model="llama3.2", key="")
    done = h.final(run)
    assert isinstance(done, StreamDone) and done.provider == "openai" and done.cost_usd == 0
    assert run.text().startswith("Here is a small web app") and done.usage.output_tokens > 0
    assert done.usage.input_tokens == 12
    req = server.requests[-1]
    assert req.path == "/v1/chat/completions" and req.body["stream"] is True
    assert "authorization" not in req.headers
    failed = h.final(h.run("[[scenario:drop after=3]]", provider="openai", model="llama3.2", key=""))
    assert failed.code == "StreamInterrupted"


def test_stop_closes_an_openai_compatible_stream_at_once(server, h):
    """Cancel is the shared skeleton's: the local-model provider's response is closed at once as well."""
    server.left.clear()
    run = h.run("[[scenario:slow delay_ms=20 words=2000]]", provider="openai", model="llama3.2", key="", wait=False)
    deadline = time.monotonic() + 10
    while not h.of(run, TokenDelta) and time.monotonic() < deadline:
        time.sleep(0.01)
    t0 = time.monotonic()
    snap = h.runner.stop_stream(run.stream_id)
    assert time.monotonic() - t0 < 0.5
    assert server.left.wait(2), "the server did not see the client leave"
    assert snap.state == "stopped" and snap.text and snap.seq >= 1
    done = h.final(run)
    assert isinstance(done, StreamDone) and done.stopped and done.provider == "openai"
    assert snap.text == "".join(t.text for t in h.of(run, TokenDelta))


def test_three_concurrent_streams_and_one_failing(server, h):
    runs = [h.run(f"[[scenario:slow delay_ms=3 words=60]] n{i}", wait=False) for i in range(3)]
    bad = h.run("[[scenario:status status=401]]", wait=False)
    for run in runs + [bad]:
        assert run.done.wait(30)
    for run in runs:
        assert isinstance(h.final(run), StreamDone)
        assert_gapless(h, run)
    assert isinstance(h.final(bad), StreamFailed)


def test_concurrency_limit_queues_streams(server):
    events = []
    runner = Runner(publish=lambda t, e: events.append(e), durable=_NoDurable(), max_concurrent=1)
    runner.start()
    try:

        def call() -> Call:
            return Call(
                provider="anthropic",
                base_url=server.url,
                model="m",
                api_key=KEY,
                messages=[ChatTurn(role="user", content="[[scenario:slow delay_ms=5 words=20]]")],
            )

        first, second = StreamRun(runner, "q1", call()), StreamRun(runner, "q2", call())
        runner.launch(first)
        runner.launch(second)
        assert first.done.wait(20) and second.done.wait(20)
        queued = [e for e in events if isinstance(e, StreamStatus) and e.stream_id == "q2" and e.state == "queued"]
        assert queued and "already streaming" in queued[0].message
        second_tokens = [e for e in events if isinstance(e, TokenDelta) and e.stream_id == "q2"]
        first_done = next(i for i, e in enumerate(events) if isinstance(e, StreamDone) and e.stream_id == "q1")
        assert events.index(second_tokens[0]) > first_done  # it waited for the slot
    finally:
        runner.stop()


def test_the_key_never_shows_in_a_repr():
    call = Call(provider="anthropic", base_url="x", model="m", messages=[], api_key=KEY)
    assert KEY not in repr(call) and "redacted" in repr(call)


@pytest.mark.parametrize(
    "scenario,reason",
    [
        ("normal stop_reason=model_context_window_exceeded", "model_context_window_exceeded"),
        ("normal stop_reason=refusal", "refusal"),
        ("normal tool=1", "tool_use"),
    ],
)
def test_other_stop_reasons_are_terminal_not_errors(server, h, scenario, reason):
    content = f"[[scenario:{scenario}]]"
    run = h.run(content)
    done = h.final(run)
    assert isinstance(done, StreamDone) and done.stop_reason == reason and not done.can_continue
    sdk_text, _thinking, final = sdk_stream(server, content)
    assert run.text() == sdk_text and final.stop_reason == reason
    assert done.usage.output_tokens == final.usage.output_tokens
    if reason == "tool_use":
        assert final.content[-1].type == "tool_use" and final.content[-1].input == {"location": "Paris"}
