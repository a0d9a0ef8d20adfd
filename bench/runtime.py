"""Rows for the runtime: cold start, memory, bus round trip and event rate, crash to serving."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import zmq

from vibing.bench import Row
from vibing.bench.app import BenchApp, memory_mb, percentile
from vibing.schema.common import Ping, ServiceUp
from vibing.schema.supervisor import Status

PREFIXES = ("startup.", "memory.", "bus.", "restart.")
EVENTS = 200_000


def _raw_zmq_rtt(workdir: Path, n: int) -> list[float]:
    """The floor: a DEALER->ROUTER echo between this process and a thread, no broker, no decoding."""
    context = zmq.Context.instance()
    router = context.socket(zmq.ROUTER)
    router.bind(f"ipc://{workdir}/raw.sock")

    def echo() -> None:
        for _ in range(n):
            router.send_multipart(router.recv_multipart())

    thread = threading.Thread(target=echo, daemon=True)
    thread.start()
    dealer = context.socket(zmq.DEALER)
    dealer.connect(f"ipc://{workdir}/raw.sock")
    times = []
    for _ in range(n):
        start = time.perf_counter()
        dealer.send(b"x" * 90)
        dealer.recv()
        times.append((time.perf_counter() - start) * 1e6)
    thread.join()
    dealer.close(0)
    router.close(0)
    return times


SUBSCRIBER = textwrap.dedent("""
    import sys, time
    from vibing.bus import Bus
    from vibing.protocol import BusInfo
    from pathlib import Path
    info = BusInfo.read(Path(sys.argv[1]))
    n = int(sys.argv[2])
    bus = Bus(info.endpoints, "bench-sub")
    sub = bus.subscribe("bench.")
    sub.sync()
    print("ready", flush=True)
    first = None
    for i in range(n):
        event = sub.recv(timeout=30)
        if event is None:
            print(f"lost {n - i}", flush=True)
            break
        if first is None:
            first = time.perf_counter()
    print(f"done {i + 1} {time.perf_counter() - first:.6f}", flush=True)
""")


def _events_per_second(app: BenchApp, bus_file: Path) -> tuple[float, int]:
    proc = subprocess.Popen(
        [sys.executable, "-c", SUBSCRIBER, str(bus_file), str(EVENTS)], stdout=subprocess.PIPE, text=True, env=app.env
    )
    assert proc.stdout.readline().strip() == "ready"
    event = ServiceUp(service="bench", pid=1)
    for _ in range(EVENTS):
        app.bus.publish("bench.tokens", event)
    line = proc.stdout.readline().split()
    proc.wait(timeout=30)
    received, seconds = int(line[1]), float(line[2])
    return received / seconds, received


def run(workdir: str) -> list[Row]:
    work = Path(workdir)
    rows: list[Row] = []

    # First launch ever: a fresh data folder (database created, agent parse cache built).
    firsts = []
    for i in range(3):
        app = BenchApp(work / f"first-{i}", VIBING_RESTART_LIMIT="1000")
        firsts.append(app.launch_ms)
        app.stop()
    # Cold start as a user sees it every day: nothing running, the data folder already there.
    launches = []
    for i in range(5):
        # Five deliberate kills below must not count as a flapping worker.
        app = BenchApp(work / "first-0", VIBING_RESTART_LIMIT="1000")
        launches.append(app.launch_ms)
        if i < 4:
            app.stop()
    rows.append(
        Row(
            "startup.cold_ms",
            round(percentile(launches, 50), 1),
            "ms",
            target=500,
            plan=1000,
            webapp=2500,
            note=f"launch (no process running, data folder present) to every eager service ready, p50 of 5 "
            f"(max {max(launches):.0f})",
        )
    )
    rows.append(
        Row(
            "startup.first_launch_ms",
            round(percentile(firsts, 50), 1),
            "ms",
            note="the very first launch: a fresh data folder (database and agent cache created), p50 of 3",
        )
    )

    pss = rss = 0.0
    for pid in app.pids():
        p, r = memory_mb(pid)
        pss, rss = pss + p, rss + r
    rows.append(
        Row(
            "memory.backend_pss_mb",
            round(pss, 1),
            "MB",
            target=100,
            plan=150,
            webapp=300,
            note=f"supervisor, fork server, its resource tracker, the eager workers; RSS {rss:.0f} MB",
        )
    )

    bus = app.bus
    for _ in range(500):
        bus.request("storage", Ping())
    times = []
    for _ in range(5000):
        start = time.perf_counter()
        bus.request("storage", Ping())
        times.append((time.perf_counter() - start) * 1e6)
    raw = _raw_zmq_rtt(work, 5000)
    rows.append(
        Row(
            "bus.rtt_p50_us",
            round(percentile(times, 50), 1),
            "us",
            note="Ping to storage and back, client -> broker -> worker -> broker -> client",
        )
    )
    rows.append(
        Row(
            "bus.rtt_p99_us",
            round(percentile(times, 99), 1),
            "us",
            note=f"raw zmq DEALER/ROUTER echo, same run: p50 {percentile(raw, 50):.0f} us, "
            f"p99 {percentile(raw, 99):.0f} us",
        )
    )

    rate, received = _events_per_second(app, app.bus_file)
    rows.append(
        Row(
            "bus.events_per_s",
            round(rate),
            "ev/s",
            target=50_000,
            direction=">",
            note=f"{received:,} of {EVENTS:,} events to a subscriber in another process",
        )
    )

    restarts = []
    for _ in range(5):
        status = {s.name: s.pid for s in bus.request("supervisor", Status()).services}
        start = time.perf_counter()
        os.kill(status["storage"], signal.SIGKILL)
        pong = bus.request("storage", Ping(), timeout=10, idempotent=True)
        while pong.pid == status["storage"]:  # the old worker answered before it died
            pong = bus.request("storage", Ping(), timeout=10, idempotent=True)
        restarts.append((time.perf_counter() - start) * 1000)
    rows.append(
        Row(
            "restart.ms",
            round(percentile(restarts, 50), 1),
            "ms",
            target=1000,
            note=f"SIGKILL storage to a reply from its successor, p50 of 5 (max {max(restarts):.0f})",
        )
    )
    app.stop()
    return rows
