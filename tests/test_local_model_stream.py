"""End to end through the real bus: the stream service streams the bundled model, which the model service runs
(one streaming path: the stream service's OpenAI-compatible provider, pointed at the local engine's URL)."""

from __future__ import annotations

import os
import signal

import pytest
from conftest import start_app
from localmodel import COUNT_PROMPT, next_event, requires_engine, stream_chat

from vibing.local import PROVIDER, ensure_local_model
from vibing.schema.model import ModelEngineState
from vibing.schema.stream import ChatTurn, StartStream, StopStream, StreamDone, StreamFailed, TokenDelta

pytestmark = requires_engine


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("local-stream") / "home")
    yield running
    running.stop()


@pytest.fixture
def bus(app):
    return app.bus()


def _start(bus, endpoint, prompt: str, max_tokens: int) -> str:
    started = bus.request(
        "stream",
        StartStream(
            messages=[ChatTurn(role="user", content=prompt)],
            provider=PROVIDER,
            base_url=endpoint.base_url,
            api_key=endpoint.api_key,
            model=endpoint.model,
            temperature=0.0,
            max_tokens=max_tokens,
            persist=False,
        ),
    )
    return started.stream_id


def _collect(sub, sid: str, on_token=None, timeout: float = 60.0, others=None):
    tokens = []

    def match(body) -> bool:
        if getattr(body, "stream_id", None) != sid:
            if others is not None:
                others.append(body)
            return False
        if isinstance(body, TokenDelta):
            tokens.append(body)
            if on_token is not None:
                on_token(len(tokens))
            return False
        return isinstance(body, (StreamDone, StreamFailed))

    end = next_event(sub, match, timeout=timeout)
    return tokens, end


def test_tokens_from_the_bundled_model_on_the_bus(bus) -> None:
    endpoint = ensure_local_model(bus)
    sub = bus.subscribe("token.", "stream.")
    sub.sync()
    prompt = "Write one sentence about the sea."
    sid = _start(bus, endpoint, prompt, 48)
    tokens, done = _collect(sub, sid)
    assert isinstance(done, StreamDone), done
    assert [t.seq for t in tokens] == list(range(1, len(tokens) + 1)) and len(tokens) > 3
    text = "".join(t.text for t in tokens)
    assert done.chars == len(text) and done.stop_reason in ("end_turn", "max_tokens") and done.ttft_ms > 0
    # The same request straight to the engine gives the same text: the bus adds nothing and loses nothing.
    direct, _ = stream_chat(endpoint.base_url, endpoint.model, prompt, max_tokens=48, api_key=endpoint.api_key)
    assert text == direct
    # And a second run through the bus is identical (temperature 0).
    tokens_again, _ = _collect(sub, _start(bus, endpoint, prompt, 48))
    assert "".join(t.text for t in tokens_again) == text


def test_stop_mid_stream(bus) -> None:
    endpoint = ensure_local_model(bus)
    sub = bus.subscribe("token.", "stream.")
    sub.sync()
    sid = _start(bus, endpoint, COUNT_PROMPT, 400)
    stopped = []

    def stop_after_three(n: int) -> None:
        if n == 3 and not stopped:
            stopped.append(bus.request("stream", StopStream(stream_id=sid)))

    tokens, done = _collect(sub, sid, on_token=stop_after_three)
    assert isinstance(done, StreamDone) and done.stopped
    snapshot = stopped[0]
    assert snapshot.state == "stopped" and snapshot.text.startswith("".join(t.text for t in tokens[:3]))
    assert len(tokens) < 100
    # The engine keeps serving after its client went away mid-answer.
    text, _ = stream_chat(endpoint.base_url, endpoint.model, "Say hello.", max_tokens=8, api_key=endpoint.api_key)
    assert text.strip()


def test_engine_killed_mid_stream_is_a_typed_error_and_the_next_generation_works(bus) -> None:
    endpoint = ensure_local_model(bus)
    sub = bus.subscribe("token.", "stream.", "model.engine")
    sub.sync()
    sid = _start(bus, endpoint, COUNT_PROMPT, 400)
    killed = []

    def kill_after_five(n: int) -> None:
        if n == 5 and not killed:
            killed.append(n)
            os.kill(endpoint.pid, signal.SIGKILL)

    others: list = []
    tokens, failed = _collect(sub, sid, on_token=kill_after_five, others=others)
    assert killed and isinstance(failed, StreamFailed), failed
    assert failed.code == "StreamInterrupted" and failed.retryable and failed.chars > 0
    assert "cut in the middle of the answer" in failed.message
    crashed = next((b for b in others if isinstance(b, ModelEngineState) and b.state == "crashed"), None) or next_event(
        sub, lambda b: isinstance(b, ModelEngineState) and b.state == "crashed"
    )
    assert crashed.pid == endpoint.pid and "killed by SIGKILL" in crashed.message

    fresh = ensure_local_model(bus)
    assert fresh.cold and fresh.pid != endpoint.pid
    tokens, done = _collect(sub, _start(bus, fresh, "Say hello.", 16))
    assert isinstance(done, StreamDone) and tokens


def test_provider_local_starts_the_engine_on_first_use(bus) -> None:
    """The path the app uses: StartStream(provider="local"); the stream service asks the model service."""
    from vibing.schema.model import StopModel

    bus.request("model", StopModel())
    sub = bus.subscribe("token.", "stream.", "model.engine")
    sub.sync()
    started = bus.request(
        "stream",
        StartStream(
            messages=[ChatTurn(role="user", content="Say hello.")],
            provider="local",
            temperature=0.0,
            max_tokens=16,
            persist=False,
        ),
    )
    others: list = []
    tokens, done = _collect(sub, started.stream_id, others=others, timeout=90)
    assert isinstance(done, StreamDone), done
    assert tokens and done.chars == len("".join(t.text for t in tokens))
    states = [b.state for b in others if isinstance(b, ModelEngineState)]
    assert states[:2] == ["starting", "ready"]  # started lazily, by this stream


def test_a_local_answer_cut_by_an_engine_crash_can_be_continued(bus) -> None:
    """provider="local" stays local: continuing looks the engine up again, so a fresh one finishes the answer."""
    from vibing.schema.stream import ContinueStream

    sub = bus.subscribe("token.", "stream.", "model.engine")
    sub.sync()
    started = bus.request(
        "stream",
        StartStream(
            messages=[ChatTurn(role="user", content=COUNT_PROMPT)],
            provider="local",
            temperature=0.0,
            max_tokens=400,
            persist=False,
        ),
    )
    killed: list[int] = []

    def kill_after_five(n: int) -> None:
        if n == 5 and not killed:
            killed.append(n)
            os.kill(ensure_local_model(bus).pid, signal.SIGKILL)

    _tokens, failed = _collect(sub, started.stream_id, on_token=kill_after_five, timeout=90)
    assert killed and isinstance(failed, StreamFailed) and failed.can_continue, failed
    again = bus.request("stream", ContinueStream(stream_id=started.stream_id, max_tokens=32), timeout=30)
    more, done = _collect(sub, again.stream_id, timeout=90)
    assert isinstance(done, StreamDone), done
    assert done.provider == "local" and more
