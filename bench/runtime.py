"""Rows for the runtime: cold start, memory, bus round trip and event rate, crash to serving.

Two targets here are ratios to floors measured in the same run (see :mod:`vibing.bench.floors`):
cold start against a fresh Python importing our core libraries (``startup.import_floor_ms``,
target 1.5x), and bus events per second against raw zmq PUB/SUB between two processes
(``bus.raw_pubsub_msgs_per_s``, target at least 1/20).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from vibing import schema
from vibing.bench import Row, floors, versus_floor
from vibing.bench.app import BenchApp, memory_mb, percentile
from vibing.schema.base import encode_header, make_header
from vibing.schema.common import Ping, ServiceUp
from vibing.schema.supervisor import Status

PREFIXES = ("startup.", "memory.", "bus.", "restart.")
EVENTS = 100_000
#: Cold start must also be under this many ms when the import floor is at most IMPORT_FLOOR_FAST_MS.
COLD_START_MS = 500
IMPORT_FLOOR_FAST_MS = 250


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


BENCH_EVENT = ServiceUp(service="bench", pid=1)


def _events_per_second(app: BenchApp, bus_file: Path) -> tuple[float, int]:
    proc = subprocess.Popen(
        [sys.executable, "-c", SUBSCRIBER, str(bus_file), str(EVENTS)], stdout=subprocess.PIPE, text=True, env=app.env
    )
    assert proc.stdout.readline().strip() == "ready"
    event = BENCH_EVENT
    for _ in range(EVENTS):
        app.bus.publish("bench.tokens", event)
    line = proc.stdout.readline().split()
    proc.wait(timeout=30)
    received, seconds = int(line[1]), float(line[2])
    return received / seconds, received


def run(workdir: str) -> list[Row]:
    work = Path(workdir)
    rows: list[Row] = []
    app_env = {k: v for k, v in os.environ.items() if not k.startswith("VIBING_")}

    # First launch ever: a fresh data folder (database created, agent parse cache built).
    firsts = []
    for i in range(3):
        app = BenchApp(work / f"first-{i}", VIBING_RESTART_LIMIT="1000")
        firsts.append(app.launch_ms)
        app.stop()
    # Cold start as a user sees it every day: nothing running, the data folder already there.
    # Each launch follows an import floor measured just before it, so both see the same machine.
    launches, imports = [], []
    for i in range(5):
        imports.append(floors.import_floor_ms(app_env))
        # Five deliberate kills below must not count as a flapping worker.
        app = BenchApp(work / "first-0", VIBING_RESTART_LIMIT="1000")
        launches.append(app.launch_ms)
        if i < 4:
            app.stop()
    floor_ms = percentile(imports, 50)
    fast_machine = floor_ms <= IMPORT_FLOOR_FAST_MS
    import_floor = Row(
        "startup.import_floor_ms",
        round(floor_ms, 1),
        "ms",
        note=f"floor: a fresh Python imports {', '.join(floors.IMPORT_FLOOR_LIBRARIES)} and exits, p50 of 5 "
        f"(max {max(imports):.0f}), each just before a cold start",
        kind="floor",
    )
    cold = Row(
        "startup.cold_ms",
        round(percentile(launches, 50), 1),
        "ms",
        target=COLD_START_MS if fast_machine else None,
        plan=1000,
        webapp=2500,
        note=f"launch (no process running, data folder present) to every eager service ready, p50 of 5 "
        f"(max {max(launches):.0f}); the {COLD_START_MS} ms target holds when the import floor is "
        f"<= {IMPORT_FLOOR_FAST_MS} ms" + ("" if fast_machine else f" (here {floor_ms:.0f} ms: not applied)"),
    )
    rows += [
        import_floor,
        cold,
        versus_floor(
            "startup.cold_vs_import_floor",
            cold,
            import_floor,
            1.5,
            note="launch to all ready, over a bare Python importing the core libraries",
        ),
        Row(
            "startup.first_launch_ms",
            round(percentile(firsts, 50), 1),
            "ms",
            note="the very first launch: a fresh data folder (database and agent cache created), p50 of 3",
        ),
    ]

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
            note=f"supervisor, the zygote, the eager workers; RSS {rss:.0f} MB",
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
    echo = floors.zmq_echo_us(work, 5000)
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
            note=f"raw zmq DEALER/ROUTER echo, same run: p50 {percentile(echo, 50):.0f} us, "
            f"p99 {percentile(echo, 99):.0f} us",
        )
    )

    # Two rounds of ours and of the floor, in turn; the best of each (a burst of load elsewhere hits either).
    payload = b"".join([b"bench.tokens", encode_header(make_header("bench")), schema.encode(BENCH_EVENT)])
    ours, raw = [], []
    for _ in range(2):
        ours.append(_events_per_second(app, app.bus_file))
        raw.append(floors.raw_pubsub_rate(work, payload, EVENTS))
    rate, received = max(ours)
    raw_rate, raw_received = max(raw)
    raw_pubsub = Row(
        "bus.raw_pubsub_msgs_per_s",
        round(raw_rate),
        "msg/s",
        direction=">",
        note=f"floor: raw zmq PUB -> SUB in another process, no broker, no encoding or decoding; "
        f"{raw_received:,} of {EVENTS:,} messages, each the bus event's bytes ({len(payload)}) in one frame, "
        f"best of 2",
        kind="floor",
    )
    events = Row(
        "bus.events_per_s",
        round(rate),
        "ev/s",
        target=50_000,
        direction=">",
        note=f"{received:,} of {EVENTS:,} events to a subscriber in another process (encoded, through the broker, "
        f"decoded), best of 2",
    )
    rows += [
        raw_pubsub,
        events,
        versus_floor(
            "bus.events_vs_raw_pubsub",
            events,
            raw_pubsub,
            1 / 20,
            direction=">",
            note="at least 1/20 of raw PUB/SUB between two processes",
        ),
    ]

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
