"""The model service with the real bundled model and real processes: lazy start, determinism, stop, crashes,
restarts without orphans, bad files, idle stop."""

from __future__ import annotations

import os
import shutil
import signal
import threading
from pathlib import Path

import httpx
import pytest
from conftest import start_app
from localmodel import BUNDLED, COUNT_PROMPT, bundled_path, next_event, requires_engine, stream_chat, wait_exit

from vibing.errors import InvalidRequest, LocalEngineFailed, NotFound
from vibing.local import ensure_local_model
from vibing.schema.common import Ping, ServiceUp
from vibing.schema.model import AddLocalModel, EnsureModel, ListLocalModels, ModelEngineState, StopModel
from vibing.schema.supervisor import Status

pytestmark = requires_engine


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("local") / "home")
    yield running
    running.stop()


@pytest.fixture
def bus(app):
    return app.bus()


def test_engine_starts_lazily_and_answers_a_url(app, bus) -> None:
    pong = bus.request("model", Ping())
    assert pong.details["engines"] == {} and pong.details["engine_installed"]  # nothing loaded at start
    first = ensure_local_model(bus)
    assert first.state == "ready" and first.model == BUNDLED and first.cold
    assert first.base_url.startswith("http://127.0.0.1:") and first.base_url.endswith("/v1")
    assert first.start_ms > 0 and Path(first.path) == bundled_path()
    key = {"authorization": f"Bearer {first.api_key}"}
    models = httpx.get(first.base_url + "/models", headers=key, trust_env=False).json()
    assert [m["id"] for m in models["data"]] == [BUNDLED]
    again = bus.request("model", EnsureModel())
    assert (again.state, again.pid, again.base_url, again.cold) == ("ready", first.pid, first.base_url, False)
    listing = bus.request("model", ListLocalModels())
    bundled = listing.models[0]
    assert bundled.engine == "ready" and bundled.base_url == first.base_url and "small demo model" in bundled.label
    pong = bus.request("model", Ping())
    assert pong.details["engines"][BUNDLED]["rss_mb"] > 50


def test_temperature_zero_is_identical_run_to_run(bus) -> None:
    endpoint = ensure_local_model(bus)
    prompt = "Write one sentence about the sea."
    one, finish_one = stream_chat(endpoint.base_url, endpoint.model, prompt, max_tokens=48, api_key=endpoint.api_key)
    two, finish_two = stream_chat(endpoint.base_url, endpoint.model, prompt, max_tokens=48, api_key=endpoint.api_key)
    assert one.strip() and finish_one in ("stop", "length")
    assert one == two and finish_one == finish_two


def test_unknown_model_and_missing_or_corrupt_files(app, bus, tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="No local model named 'nope'"):
        bus.request("model", EnsureModel(model="nope"))
    with pytest.raises(NotFound, match="No model file at"):
        bus.request("model", AddLocalModel(path=str(tmp_path / "missing.gguf")))
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"PK\x03\x04 a zip, not a model" + b"\0" * 100)
    with pytest.raises(InvalidRequest, match="does not start with the GGUF signature"):
        bus.request("model", AddLocalModel(path=str(junk)))

    # A good copy, listed, then cut short on disk (an interrupted copy): refused before any engine starts.
    copy = tmp_path / "copy.gguf"
    shutil.copyfile(bundled_path(), copy)
    added = bus.request("model", AddLocalModel(path=str(copy), name="copy")).model
    assert added.name == "copy" and added.architecture == "llama"
    with open(copy, "r+b") as f:
        f.truncate(copy.stat().st_size // 2)
    with pytest.raises(InvalidRequest, match="truncated"):
        bus.request("model", EnsureModel(model="copy"))
    os.unlink(copy)
    with pytest.raises(NotFound, match="No model file at"):
        bus.request("model", EnsureModel(model="copy"))

    # A header that reads fine but names an architecture llama.cpp does not know: the engine itself refuses
    # it, and its own words reach the caller.
    weird = tmp_path / "weird.gguf"
    data = bytearray(bundled_path().read_bytes())
    key = b"general.architecture"
    at = data.index(key) + len(key) + 4 + 8  # after the key, its value type (u32) and the string length (u64)
    assert data[at : at + 5] == b"llama"
    data[at : at + 5] = b"zzzzz"
    weird.write_bytes(bytes(data))
    bus.request("model", AddLocalModel(path=str(weird), name="weird"))
    with pytest.raises(LocalEngineFailed) as failed:
        ensure_local_model(bus, "weird", timeout=60)
    message = failed.value.message
    assert "could not load weird" in message and "while starting" in message and "It said:" in message
    # The bundled model is unaffected.
    assert ensure_local_model(bus).state == "ready"


def test_sigkill_engine_mid_stream_then_next_generation_works(bus) -> None:
    endpoint = ensure_local_model(bus)
    events = bus.subscribe("model.engine")
    events.sync()
    count = [0]
    killed = threading.Event()

    def kill_after_a_few(n: int) -> None:
        count[0] = n
        if n == 5 and not killed.is_set():
            killed.set()
            os.kill(endpoint.pid, signal.SIGKILL)

    with pytest.raises(httpx.HTTPError):
        stream_chat(
            endpoint.base_url,
            endpoint.model,
            COUNT_PROMPT,
            max_tokens=400,
            on_token=kill_after_a_few,
            api_key=endpoint.api_key,
        )
    assert killed.is_set() and count[0] >= 5
    crashed = next_event(events, lambda b: isinstance(b, ModelEngineState) and b.state == "crashed")
    assert crashed.pid == endpoint.pid and crashed.exit_code == -signal.SIGKILL
    assert "stopped unexpectedly: killed by SIGKILL" in crashed.message
    assert "starts again on the next request" in crashed.message

    fresh = ensure_local_model(bus)
    assert fresh.cold and fresh.pid != endpoint.pid
    text, _ = stream_chat(
        fresh.base_url, fresh.model, "Write one sentence about the sea.", max_tokens=48, api_key=fresh.api_key
    )
    assert text.strip()


def test_sigkill_model_worker_restarts_it_and_leaves_no_orphan(app, bus) -> None:
    endpoint = ensure_local_model(bus)
    status = {s.name: s for s in bus.request("supervisor", Status()).services}
    worker_pid = status["model"].pid
    ups = bus.subscribe("service.up")
    ups.sync()
    os.kill(worker_pid, signal.SIGKILL)
    assert wait_exit(endpoint.pid, 10.0), "the engine outlived its model worker"
    up = next_event(ups, lambda b: isinstance(b, ServiceUp) and b.service == "model")
    assert up.pid != worker_pid
    fresh = ensure_local_model(bus)
    assert fresh.cold and fresh.pid != endpoint.pid
    text, _ = stream_chat(fresh.base_url, fresh.model, "Say hello.", max_tokens=8, api_key=fresh.api_key)
    assert text.strip()


def test_stop_model_gives_memory_back(bus) -> None:
    endpoint = ensure_local_model(bus)
    events = bus.subscribe("model.engine")
    events.sync()
    bus.request("model", StopModel())
    stopped = next_event(events, lambda b: isinstance(b, ModelEngineState) and b.state == "stopped")
    assert stopped.reason == "requested" and stopped.pid == endpoint.pid
    assert wait_exit(endpoint.pid, 5.0)
    assert bus.request("model", Ping()).details["engines"] == {}


def test_idle_engine_is_stopped_and_restarts_on_demand(tmp_path: Path) -> None:
    idle_app = start_app(tmp_path / "home", VIBING_MODEL_IDLE_S="1.5")
    try:
        bus = idle_app.bus()
        events = bus.subscribe("model.engine")
        events.sync()
        endpoint = ensure_local_model(bus)
        text, _ = stream_chat(endpoint.base_url, endpoint.model, "Say hello.", max_tokens=8, api_key=endpoint.api_key)
        assert text.strip()
        stopped = next_event(events, lambda b: isinstance(b, ModelEngineState) and b.state == "stopped", timeout=30)
        assert stopped.reason == "idle" and stopped.pid == endpoint.pid
        assert wait_exit(endpoint.pid, 5.0)
        again = ensure_local_model(bus)
        assert again.cold and again.pid != endpoint.pid
    finally:
        idle_app.stop()


def test_sigkill_of_the_whole_app_leaves_no_engine_behind(tmp_path: Path) -> None:
    """The supervisor killed outright: its zygote goes, the model worker is told to stop (or finds the bus
    gone) and stops its engine on the way out."""
    doomed = start_app(tmp_path / "home")
    try:
        endpoint = ensure_local_model(doomed.bus())
        doomed.proc.kill()
        doomed.proc.wait()
        assert wait_exit(endpoint.pid, 15.0), "the engine outlived a SIGKILLed app"
    finally:
        doomed.stop()
