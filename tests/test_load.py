"""Load: 20 concurrent generations against the local protocol server plus continuous project saves, for
VIBING_LOAD_SECONDS (60 by default).  No token is lost (every stored answer equals what was streamed, with no
gap in the sequence), memory stays flat after warm-up, and the figures are printed (`pytest -s`)."""

from __future__ import annotations

import os
import threading
import time
from collections import defaultdict

import pytest

from tests.conftest import start_app
from tests.fakes import FakeAnthropic
from vibing.bench.app import memory_mb, percentile, process_tree
from vibing.schema.storage import CreateProject, GetMessage, UpdateFile
from vibing.schema.stream import ChatTurn, StartStream, StreamDone, StreamFailed, TokenDelta

LANES = 20
SECONDS = float(os.environ.get("VIBING_LOAD_SECONDS", "60"))
PROMPT = "[[scenario:slow delay_ms=2 piece=6 words=120]] write a paragraph"


@pytest.mark.timeout(SECONDS * 4 + 120)
def test_twenty_concurrent_generations_and_saves_lose_nothing_and_do_not_leak(tmp_path):
    with FakeAnthropic() as server:
        app = start_app(
            tmp_path / "home",
            ANTHROPIC_BASE_URL=server.url,
            ANTHROPIC_API_KEY="sk-ant-test-" + "l" * 30,
            VIBING_MAX_CONCURRENT_STREAMS=str(LANES),
            VIBING_RATE_LIMIT_PER_MIN="1000000",
        )
        try:
            run(app)
        finally:
            app.stop()


def run(app) -> None:
    bus = app.bus("load")
    project = bus.request("storage", CreateProject(name="Load")).project
    tokens: dict[str, list[TokenDelta]] = defaultdict(list)
    ended: dict[str, object] = {}
    finished = {}  # stream id -> threading.Event
    lock = threading.Lock()
    stop_collecting = threading.Event()
    subscription = bus.subscribe("token.", "stream.done", "stream.error")
    subscription.sync()

    def collect() -> None:
        while not stop_collecting.is_set():
            event = subscription.recv(timeout=0.2)
            if event is None:
                continue
            body = event.body
            if isinstance(body, TokenDelta):
                tokens[body.stream_id].append(body)
            elif isinstance(body, (StreamDone, StreamFailed)):
                with lock:
                    ended[body.stream_id] = body
                    done_event = finished.setdefault(body.stream_id, threading.Event())
                done_event.set()

    deadline = time.monotonic() + SECONDS
    streams: list[tuple[str, str]] = []  # (stream id, message id)
    request_ms: list[float] = []
    save_ms: list[float] = []
    errors: list[str] = []

    def lane(number: int) -> None:
        lane_bus = app.bus(f"lane-{number}")
        while time.monotonic() < deadline:
            start = time.perf_counter()
            started = lane_bus.request(
                "stream",
                StartStream(messages=[ChatTurn(role="user", content=PROMPT)], project_id=project.id, persist=True),
                timeout=20,
            )
            request_ms.append((time.perf_counter() - start) * 1000)
            with lock:
                streams.append((started.stream_id, started.message_id))
                done_event = finished.setdefault(started.stream_id, threading.Event())
            if not done_event.wait(60):
                errors.append(f"{started.stream_id} never ended")
                return

    def saver() -> None:
        save_bus = app.bus("saver")
        n = 0
        while time.monotonic() < deadline:
            start = time.perf_counter()
            save_bus.request(
                "storage",
                UpdateFile(
                    project_id=project.id, path="notes.txt", content=f"save {n}\n", create=True, checkpoint=False
                ),
                timeout=20,
            )
            save_ms.append((time.perf_counter() - start) * 1000)
            n += 1

    collector = threading.Thread(target=collect, daemon=True)
    collector.start()
    workers = [threading.Thread(target=lane, args=(i,), daemon=True) for i in range(LANES)]
    workers.append(threading.Thread(target=saver, daemon=True))
    begin = time.monotonic()
    for worker in workers:
        worker.start()
    # Memory is sampled on a schedule: once warmed up (a third of the run), and at the end.
    threading.Event().wait(min(SECONDS / 3, 20))
    warm_rss = sum(memory_mb(pid)[1] for pid in process_tree(app.proc.pid))
    for worker in workers:
        worker.join(timeout=SECONDS + 120)
    elapsed = time.monotonic() - begin
    end_rss = sum(memory_mb(pid)[1] for pid in process_tree(app.proc.pid))
    stop_collecting.set()
    collector.join(timeout=5)
    assert not errors, errors

    changes = bus.subscribe("project.changed")
    changes.sync()
    lost = []
    total_tokens = 0
    for stream_id, message_id in streams:
        result = ended[stream_id]
        assert isinstance(result, StreamDone), f"{stream_id}: {getattr(result, 'message', result)}"
        deltas = sorted(tokens[stream_id], key=lambda t: t.seq)
        assert [t.seq for t in deltas] == list(range(deltas[0].seq, deltas[0].seq + len(deltas))), "a gap"
        total_tokens += len(deltas)
        streamed = "".join(t.text for t in deltas)
        stored = bus.request("storage", GetMessage(message_id=message_id)).message
        while stored.status == "streaming":  # its last batch may still be on its way to storage: await it
            event = changes.recv(timeout=10)
            assert event is not None, f"{message_id} was never finished"
            if getattr(event.body, "message_id", "") == message_id:
                stored = bus.request("storage", GetMessage(message_id=message_id)).message
        if stored.content != streamed or stored.status != "complete":
            lost.append(stream_id)
    print(
        f"\nload: {len(streams)} generations ({len(streams) / elapsed:.1f}/s), {total_tokens:,} tokens "
        f"({total_tokens / elapsed:,.0f}/s), {len(save_ms)} saves ({len(save_ms) / elapsed:.0f}/s) in {elapsed:.0f} s; "
        f"StartStream p99 {percentile(request_ms, 99):.1f} ms, save p99 {percentile(save_ms, 99):.1f} ms; "
        f"backend RSS (supervisor tree) {warm_rss:.0f} MB after warm-up, {end_rss:.0f} MB at the end; lost: {len(lost)}"
    )
    assert len(streams) >= LANES and save_ms
    assert lost == [], f"{len(lost)} answers differ from what was streamed"
    assert end_rss - warm_rss < max(25.0, warm_rss * 0.15), f"RSS grew from {warm_rss:.0f} to {end_rss:.0f} MB"
