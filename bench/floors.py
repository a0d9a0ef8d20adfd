"""The floors: what the machine itself does, measured in the same run as our figures.

Absolute times on shared machines swing 2-5x from one machine (and one minute) to
the next, so every target of ``vibing bench`` is a ratio to a floor measured beside
it: the least work that could possibly do the same job, with no Vibing code in the
way.  Each function or class here measures one floor (its samples); the row
modules turn them into floor rows and ratio rows (see :func:`vibing.bench.versus_floor`).

- :func:`import_floor_ms`: a fresh Python that imports our core libraries and exits.
- :func:`zmq_echo_us`: a DEALER/ROUTER echo inside one process (the old token-relay floor).
- :func:`raw_pubsub_rate`: raw zmq PUB/SUB between two processes, no broker, no decoding.
- :func:`sse_relay_latencies`: one SSE line read with httpx from a local server, then one
  zmq hop to another process: the least a token relay can cost.
- :class:`Sqlite3ProjectLoad`: the standard library's sqlite3 loading a project in-process.
- :class:`InProcessSearch`: our FTS query run in-process on the same file, no bus, no cache.

Where it can, a bench interleaves floor samples with its own (one each, in turn), so a burst
of load from another process on the machine falls on both.
"""

from __future__ import annotations

import re
import select
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import zmq

#: The libraries every Vibing process needs; importing them is the least a cold start can cost.
IMPORT_FLOOR_LIBRARIES = ("zmq", "msgspec", "apsw", "structlog", "httpx", "yaml")


# -- start-up -------------------------------------------------------------------------


def import_floor_ms(env: dict[str, str] | None = None) -> float:
    """One fresh Python importing :data:`IMPORT_FLOOR_LIBRARIES`, launch to exit."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", f"import {', '.join(IMPORT_FLOOR_LIBRARIES)}"], env=env, check=True, timeout=60
    )
    return (time.perf_counter() - start) * 1000


# -- zmq ------------------------------------------------------------------------------


def zmq_echo_us(workdir: Path, n: int, size: int = 90) -> list[float]:
    """Round trips of a DEALER->ROUTER echo between this process and a thread: no broker, no decoding."""
    context = zmq.Context.instance()
    router = context.socket(zmq.ROUTER)
    router.bind(f"ipc://{workdir}/floor-echo.sock")

    def echo() -> None:
        for _ in range(n):
            router.send_multipart(router.recv_multipart())

    thread = threading.Thread(target=echo, daemon=True)
    thread.start()
    dealer = context.socket(zmq.DEALER)
    dealer.connect(f"ipc://{workdir}/floor-echo.sock")
    payload = b"x" * size
    times = []
    clock = time.perf_counter
    for _ in range(n):
        start = clock()
        dealer.send(payload)
        dealer.recv()
        times.append((clock() - start) * 1e6)
    thread.join()
    dealer.close(0)
    router.close(0)
    return times


RAW_SUBSCRIBER = textwrap.dedent("""
    import sys, time, zmq
    endpoint, n = sys.argv[1], int(sys.argv[2])
    sub = zmq.Context().socket(zmq.SUB)
    sub.setsockopt(zmq.RCVHWM, 100_000)
    sub.connect(endpoint)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    while sub.recv() != b"probe":
        pass
    print("ready", flush=True)
    sub.setsockopt(zmq.RCVTIMEO, 5000)
    recv, first, last, received = sub.recv, None, None, 0
    try:
        while received < n:
            if recv() == b"probe":
                continue
            received += 1
            last = time.perf_counter()
            if first is None:
                first = last
    except zmq.Again:
        pass
    print(f"done {received} {last - first:.6f}", flush=True)
""")


def raw_pubsub_rate(workdir: Path, payload: bytes, n: int) -> tuple[float, int]:
    """(messages per second, messages received) of raw zmq PUB/SUB to a subscriber in another process.

    Each message is ``payload`` as one frame, sent as it is (encoded once, before the clock starts)
    with the bus's high-water marks; the subscriber only receives.  One frame, because that is what
    zmq itself moves fastest: pyzmq's multipart calls cost several microseconds a message in Python,
    which is our cost to pay (or avoid), not the floor's.  The rate is the subscriber's, first
    message to last.
    """
    endpoint = f"ipc://{workdir}/floor-pubsub.sock"
    pub = zmq.Context.instance().socket(zmq.PUB)
    pub.setsockopt(zmq.SNDHWM, 100_000)
    pub.setsockopt(zmq.LINGER, 0)
    pub.bind(endpoint)
    proc = subprocess.Popen([sys.executable, "-c", RAW_SUBSCRIBER, endpoint, str(n)], stdout=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not select.select([proc.stdout], [], [], 0.01)[0]:  # the subscription is live once a probe lands
            if time.monotonic() > deadline:
                raise RuntimeError("the raw PUB/SUB subscriber did not start")
            pub.send(b"probe")
        if proc.stdout.readline().strip() != "ready":
            raise RuntimeError("the raw PUB/SUB subscriber did not start")
        send = pub.send
        for _ in range(n):
            send(payload)
        line = proc.stdout.readline().split()
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        pub.close(0)
    received, seconds = int(line[1]), float(line[2])
    return received / seconds, received


# -- token relay ----------------------------------------------------------------------

SSE_RELAY = textwrap.dedent("""
    import json, sys, httpx, zmq
    url, endpoint, headers, body = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
    push = zmq.Context().socket(zmq.PUSH)
    push.connect(endpoint)
    with httpx.Client(timeout=60) as client:
        with client.stream("POST", url, json=body, headers=headers) as response:
            response.raise_for_status()
            for line in response.iter_lines():
                if line.startswith("data:"):
                    push.send(line.encode())
    push.send(b"done")
    push.close(linger=5000)
""")
_STAMP = re.compile(rb'"text":\s*"(\d+)\|')


def sse_relay_latencies(workdir: Path, url: str, headers: dict[str, str], body: dict) -> list[float]:
    """Per-token latency (ms) of the least a relay does: read an SSE line with httpx, one zmq hop.

    Another process streams ``body`` from the server at ``url`` with a plain httpx client, and
    pushes every ``data:`` line as it is read to this process.  A token's text is the server's
    ``time.monotonic_ns()`` when it wrote it, so its latency is the arrival time here minus that:
    the same measure as the stream bench, with no Vibing code between.
    """
    import json

    endpoint = f"ipc://{workdir}/floor-relay.sock"
    pull = zmq.Context.instance().socket(zmq.PULL)
    pull.setsockopt(zmq.LINGER, 0)
    pull.bind(endpoint)
    proc = subprocess.Popen(
        [sys.executable, "-c", SSE_RELAY, url, endpoint, json.dumps(headers), json.dumps(body)],
        stderr=subprocess.PIPE,
        text=True,
    )
    arrivals: list[tuple[int, bytes]] = []
    try:
        recv, clock = pull.recv, time.monotonic_ns
        while pull.poll(30_000):
            line = recv()
            if line == b"done":
                break
            arrivals.append((clock(), line))
        else:
            raise RuntimeError("the SSE relay floor stopped sending")
        proc.wait(timeout=30)
        if proc.returncode != 0:
            raise RuntimeError(f"the SSE relay floor failed: {proc.stderr.read()[-2000:]}")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        pull.close(0)
    return [(arrived - int(m.group(1))) / 1e6 for arrived, line in arrivals if (m := _STAMP.search(line))]


# -- storage --------------------------------------------------------------------------


class Sqlite3ProjectLoad:
    """A project load with the standard library, in-process: no bus, no cache, the same rows as ours.

    Call it to load once.  The bench interleaves these calls with its loads over the bus, so the
    floor and our figure see the same machine at the same moments.
    """

    def __init__(self, path: Path, project_id: str) -> None:
        self.project_id = project_id
        self.conn = sqlite3.connect(str(path), check_same_thread=False)
        self.conn.execute("PRAGMA query_only = ON")

    def __call__(self) -> dict:
        conn, project_id = self.conn, self.project_id
        project = conn.execute(
            "SELECT p.id, p.name, p.description, p.project_type, p.provider, p.model, p.created_at, p.updated_at,"
            " p.forked_from FROM projects p WHERE p.id = ?",
            (project_id,),
        ).fetchone()
        msgs = [
            dict(zip(("id", "role", "content", "status", "created_at", "agent", "model"), row, strict=False))
            for row in conn.execute(
                "SELECT id, role, content, status, created_at, agent, model FROM messages"
                " WHERE project_id = ? ORDER BY pk",
                (project_id,),
            )
        ]
        fls = [
            dict(zip(("path", "content", "language", "size"), row, strict=False))
            for row in conn.execute(
                "SELECT path, content, language, size FROM project_files WHERE project_id = ? ORDER BY path",
                (project_id,),
            )
        ]
        return {"project": project, "messages": msgs, "files": fls}

    def close(self) -> None:
        self.conn.close()


class InProcessSearch:
    """Our project search (``services.storage.search.projects``) in this process, on the same file.

    The same SQL, ranking and snippets the storage service runs for ``SearchProjects``, on a
    connection configured as the service configures its reader; what it leaves out is the bus,
    the worker and the query cache.  Call it with a query to search once.
    """

    def __init__(self, path: Path) -> None:
        import apsw

        from vibing.services.storage import search
        from vibing.services.storage.db import configure

        self._search = search.projects
        self.conn = apsw.Connection(str(path))
        self.conn.set_busy_timeout(5000)
        configure(self.conn)
        self.conn.execute("PRAGMA query_only = ON")

    def __call__(self, query: str) -> object:
        return self._search(self.conn, query)

    def close(self) -> None:
        self.conn.close()
