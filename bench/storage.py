"""Rows for storage: project load/save, FTS search, listing, cache hit rate, over the real bus.

The database is seeded in-process (10,000 projects with a file and two messages
each, plus one project with 200 messages and 50 files), then a real headless
app is started on it and every figure is a request over the bus from this
process.  Beside them, measured in the same run on the same file (see
:mod:`vibing.bench.floors`), the floors the targets are ratios to: the standard
library's ``sqlite3`` doing the same project load in-process (load p99 at most 2x
its p99; the cached load's p50 below its p50), and our FTS query run in-process
with no bus and no cache (search p99 at most 2x its p99).
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

from vibing import schema
from vibing.bench import Row, floors, versus_floor
from vibing.bench.app import BenchApp, percentile
from vibing.schema.common import Ping
from vibing.schema.storage import (
    AddMessage,
    AppendMessageText,
    ApplyFiles,
    FileWrite,
    FinishMessage,
    ListCheckpoints,
    ListFiles,
    ListProjects,
    LoadProject,
    ReadFile,
    RenameProject,
    SaveProject,
    SearchProjects,
    StartAssistantMessage,
    UsageSummary,
)
from vibing.services.storage import files as files_mod
from vibing.services.storage import history, messages, projects
from vibing.services.storage.db import Database, db_path

PREFIX = "storage."
PROJECTS = 10_000
BIG_MESSAGES = 200
BIG_FILES = 50


def _vocabulary(rng: random.Random, n: int) -> list[str]:
    syllables = ["ka", "lo", "mi", "ra", "te", "vu", "shi", "no", "pe", "zu", "an", "or", "el", "ix", "qu", "by"]
    common = [
        "timer",
        "todo",
        "weather",
        "dashboard",
        "game",
        "chat",
        "portfolio",
        "landing",
        "shop",
        "blog",
        "calculator",
        "tracker",
        "music",
        "photo",
        "recipe",
        "fitness",
        "budget",
        "notes",
        "quiz",
        "map",
    ]
    words = set(common)
    while len(words) < n:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _text(rng: random.Random, vocab: list[str], words: int) -> str:
    # Zipf-like: a few words are frequent, most are rare (like real text)
    return " ".join(
        vocab[min(len(vocab) - 1, int(rng.paretovariate(1.0)) - 1)] if rng.random() < 0.5 else rng.choice(vocab)
        for _ in range(words)
    )


def _file(rng: random.Random, vocab: list[str], i: int, size: int) -> tuple[str, str]:
    kind = i % 4
    if kind == 0:
        path, body = f"pages/page{i}.html", f'<section class="p{i}">\n  <h2>{_text(rng, vocab, 4)}</h2>\n'
    elif kind == 1:
        path, body = f"styles/s{i}.css", f".c{i} {{ color: #{i:06x}; margin: {i}px; }}\n"
    elif kind == 2:
        path, body = f"src/mod{i}.js", f"export function f{i}(x) {{\n  return x + {i};\n}}\n"
    else:
        path, body = f"docs/n{i}.md", f"# {_text(rng, vocab, 3)}\n"
    while len(body) < size:
        body += f"  // {_text(rng, vocab, 8)}\n"
    return path, body


def seed(data_dir: Path, rng: random.Random) -> tuple[str, list[str], dict]:
    """Fill a fresh database; returns (big project id, vocabulary, sizes)."""
    db = Database(db_path(data_dir))
    vocab = _vocabulary(rng, 3000)
    now = time.time() - PROJECTS
    with db.transaction() as conn:
        for i in range(PROJECTS):
            pid = projects.insert(
                conn,
                name=f"{_text(rng, vocab, 2).title()} {i}",
                description=_text(rng, vocab, 12),
                project_type=projects.PROJECT_TYPES[i % 5],
                now=now + i,
            )
            files_mod.write(
                conn,
                pid,
                "index.html",
                f"<html><body><h1>{_text(rng, vocab, 6)}</h1>\n<p>{_text(rng, vocab, 40)}</p></body></html>\n",
                now=now + i,
            )
            messages.add(conn, pid, "user", _text(rng, vocab, 12))
            messages.add(conn, pid, "assistant", _text(rng, vocab, 60))
            history.create(conn, pid, "create", "Created")
    with db.transaction() as conn:
        big = projects.insert(conn, name="Big project", description="200 messages and 50 files", project_type="website")
        for i in range(BIG_MESSAGES):
            if i % 2 == 0:
                messages.add(conn, big, "user", _text(rng, vocab, 20), model="claude-sonnet-4-5")
            else:
                messages.add(
                    conn, big, "assistant", _text(rng, vocab, 200), agent="frontend", model="claude-sonnet-4-5"
                )
        for i in range(BIG_FILES):
            path, body = _file(rng, vocab, i, 2000)
            files_mod.write(conn, big, path, body, now=time.time())
        history.create(conn, big, "save", "Seeded")
    conn = db.reader
    sizes = {
        "message_bytes": conn.execute(
            "SELECT sum(length(content)) FROM messages WHERE project_id = ?", (big,)
        ).fetchone()[0],
        "file_bytes": conn.execute("SELECT sum(size) FROM project_files WHERE project_id = ?", (big,)).fetchone()[0],
    }
    db.writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return big, vocab, sizes


def _session(bus, project_id: str, other_ids: list[str]) -> None:
    """A typical session: dashboard, open projects, chat and a generation, look at history, go back."""
    bus.request("storage", ListProjects(limit=50))
    for pid in other_ids[:3]:
        bus.request("storage", LoadProject(project_id=pid))
    bus.request("storage", ListProjects(limit=50))
    bus.request("storage", LoadProject(project_id=project_id))
    bus.request("storage", ListFiles(project_id=project_id))
    for _ in range(3):
        bus.request("storage", ReadFile(project_id=project_id, path="pages/page0.html"))
        bus.request("storage", ReadFile(project_id=project_id, path="src/mod2.js"))
    bus.request("storage", AddMessage(project_id=project_id, role="user", content="make the buttons bigger"))
    msg = bus.request("storage", StartAssistantMessage(project_id=project_id, model="claude-sonnet-4-5")).message
    for seq in range(20):
        bus.request("storage", AppendMessageText(message_id=msg.id, text=f"token batch {seq} ", seq=seq))
        if seq % 5 == 0:  # the shell re-reads the project while it streams
            bus.request("storage", ListFiles(project_id=project_id))
    bus.request(
        "storage",
        FinishMessage(message_id=msg.id, status="complete", input_tokens=1200, output_tokens=400, cost_usd=0.0096),
    )
    bus.request(
        "storage",
        ApplyFiles(
            project_id=project_id,
            message_id=msg.id,
            files=[FileWrite(path="styles/s1.css", content=f".b {{ padding: {seq}px }}\n")],
        ),
    )
    for _ in range(3):
        bus.request("storage", LoadProject(project_id=project_id))
        bus.request("storage", ListCheckpoints(project_id=project_id))
        bus.request("storage", UsageSummary(project_id=project_id))
    for _ in range(3):
        bus.request("storage", ListProjects(limit=50))
        bus.request("storage", LoadProject(project_id=other_ids[0]))


def run(workdir: str) -> list[Row]:
    work = Path(workdir) / "storage"
    home = work / "home"
    rng = random.Random(42)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    big, vocab, sizes = seed(home / "data", rng)
    seed_s = time.perf_counter() - started
    app = BenchApp(home)
    rows: list[Row] = []
    try:
        bus = app.bus
        load = LoadProject(project_id=big)
        payload = len(schema.encode(bus.request("storage", load)))
        # The floor, stdlib sqlite3 in this process, is sampled between our loads (every 4th cached
        # one, every uncached one), so both see the same machine at the same moments.
        sqlite3_load = floors.Sqlite3ProjectLoad(db_path(home / "data"), big)
        for _ in range(200):
            bus.request("storage", load)
            sqlite3_load()
        clock = time.perf_counter
        warm, direct = [], []
        for i in range(2000):
            start = clock()
            bus.request("storage", load)
            warm.append((clock() - start) * 1000)
            if i % 4 == 0:
                start = clock()
                sqlite3_load()
                direct.append((clock() - start) * 1000)

        cold = []
        for i in range(300):  # each load after a write: the cache was invalidated, the query runs
            bus.request("storage", RenameProject(project_id=big, name=f"Big project {i}"))
            start = clock()
            bus.request("storage", load)
            cold.append((clock() - start) * 1000)
            start = clock()
            sqlite3_load()
            direct.append((clock() - start) * 1000)
        sqlite3_load.close()

        detail = bus.request("storage", load)
        all_files = [FileWrite(path=f.path, content=f.content) for f in detail.files]
        saves = []
        for i in range(300):
            changed = list(all_files)
            changed[i % len(changed)] = FileWrite(
                path=changed[i % len(changed)].path, content=changed[i % len(changed)].content + f"/* {i} */\n"
            )
            start = time.perf_counter()
            bus.request("storage", SaveProject(project_id=big, files=changed))
            saves.append((time.perf_counter() - start) * 1000)
            all_files = changed

        # FTS: distinct queries (so every one is a cache miss): single words, pairs, prefixes
        queries = set()
        while len(queries) < 600:
            kind = rng.random()
            if kind < 0.5:
                queries.add(rng.choice(vocab))
            elif kind < 0.8:
                queries.add(f"{rng.choice(vocab)} {rng.choice(vocab)}")
            else:
                word = rng.choice(vocab)
                queries.add(word[: max(3, len(word) - 2)])
        queries = sorted(queries)
        rng.shuffle(queries)
        # Each query also runs in this process (the floor), first or second in turn.
        in_process = floors.InProcessSearch(db_path(home / "data"))
        for q in queries[:100]:
            bus.request("storage", SearchProjects(query=q))
            in_process(q)
        fts, fts_direct, hits = [], [], 0
        for i, q in enumerate(queries[100:]):
            if i % 2:
                start = clock()
                in_process(q)
                fts_direct.append((clock() - start) * 1000)
            start = clock()
            reply = bus.request("storage", SearchProjects(query=q))
            fts.append((clock() - start) * 1000)
            hits += len(reply.hits)
            if not i % 2:
                start = clock()
                in_process(q)
                fts_direct.append((clock() - start) * 1000)
        in_process.close()
        start = clock()
        bus.request("storage", SearchProjects(query="timer"))  # a frequent word
        common = (clock() - start) * 1000

        listing = []
        sorts = ("updated", "created", "name")
        for i in range(600):  # distinct pages: cache misses
            request = ListProjects(sort=sorts[i % 3], limit=50, offset=(i * 50) % PROJECTS)
            start = time.perf_counter()
            bus.request("storage", request)
            listing.append((time.perf_counter() - start) * 1000)

        others = [p.id for p in bus.request("storage", ListProjects(limit=10)).items if p.id != big]
        before = bus.request("storage", Ping()).details["cache"]
        for _ in range(5):
            _session(bus, big, others)
        after = bus.request("storage", Ping()).details["cache"]
        session_hits = after["hits"] - before["hits"]
        session_misses = after["misses"] - before["misses"]
        hit_rate = session_hits / max(1, session_hits + session_misses)
    finally:
        app.stop()

    machine = f"load avg {load_before:.1f} -> {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    shape = (
        f"{BIG_MESSAGES} msgs ({sizes['message_bytes'] // 1024} KB) + {BIG_FILES} files "
        f"({sizes['file_bytes'] // 1024} KB), reply {payload // 1024} KB"
    )
    load_p50 = Row(
        "storage.load_p50_ms",
        round(percentile(cold, 50), 3),
        "ms",
        target=2,
        plan=5,
        webapp=45,
        note=f"uncached (query runs), {shape}; cached p50 {percentile(warm, 50):.3f}",
        extra={"cached_p50_ms": round(percentile(warm, 50), 3), "cached_p99_ms": round(percentile(warm, 99), 3)},
    )
    load_p99 = Row(
        "storage.load_p99_ms",
        round(percentile(cold, 99), 3),
        "ms",
        target=2,
        plan=5,
        webapp=80,
        note=f"uncached, over the bus; cached p99 {percentile(warm, 99):.3f} ms",
        extra={"cached_p99_ms": round(percentile(warm, 99), 3), "samples": len(cold), "machine": machine},
    )
    cached_p50 = Row(
        "storage.load_cached_p50_ms",
        round(percentile(warm, 50), 3),
        "ms",
        note="same load answered from the query cache (reopening a project), over the bus",
    )
    cached_p99 = Row(
        "storage.load_cached_p99_ms",
        round(percentile(warm, 99), 3),
        "ms",
        target=2,
        plan=5,
        webapp=80,
        note="same load answered from the query cache (reopening a project)",
    )
    sqlite3_p99 = Row(
        "storage.load_sqlite3_inprocess_p99_ms",
        round(percentile(direct, 99), 3),
        "ms",
        note=f"floor: stdlib sqlite3, same load (project, messages, files as dicts), in-process, no bus, no cache; "
        f"{len(direct)} loads between ours",
        kind="floor",
    )
    sqlite3_p50 = Row(
        "storage.load_sqlite3_inprocess_p50_ms",
        round(percentile(direct, 50), 3),
        "ms",
        note="floor: the same, p50",
        kind="floor",
    )
    rows += [
        load_p50,
        load_p99,
        cached_p50,
        cached_p99,
        sqlite3_p50,
        sqlite3_p99,
        versus_floor(
            "storage.load_p99_vs_sqlite3",
            load_p99,
            sqlite3_p99,
            2,
            note="uncached load over the bus, at most 2x stdlib sqlite3 in-process",
        ),
        versus_floor(
            "storage.load_cached_p50_vs_sqlite3",
            cached_p50,
            sqlite3_p50,
            1,
            note="a cached load over the bus beats an uncached in-process one",
        ),
    ]
    rows.append(
        Row(
            "storage.save_p99_ms",
            round(percentile(saves, 99), 3),
            "ms",
            note=f"save 50 files (1 changed) + checkpoint, one transaction; p50 {percentile(saves, 50):.3f}",
        )
    )
    fts_floor = Row(
        "storage.fts_inprocess_p99_ms",
        round(percentile(fts_direct, 99), 3),
        "ms",
        note=f"floor: the same {len(fts_direct)} queries through the same search code, in-process on the same "
        f"file (no bus, no worker, no cache), each beside its bus twin; p50 {percentile(fts_direct, 50):.3f}",
        kind="floor",
    )
    fts_row = Row(
        "storage.fts_p99_ms",
        round(percentile(fts, 99), 3),
        "ms",
        target=5,
        plan=50,
        note=f"{len(fts)} distinct queries over {PROJECTS:,} projects (+messages, files); "
        f"p50 {percentile(fts, 50):.3f}; avg {hits / len(fts):.1f} hits/page; "
        f"common word {common:.2f} ms",
    )
    rows += [
        fts_floor,
        fts_row,
        versus_floor("storage.fts_p99_vs_inprocess", fts_row, fts_floor, 2, note="over the bus, at most 2x in-process"),
    ]
    rows.append(
        Row(
            "storage.list_p99_ms",
            round(percentile(listing, 99), 3),
            "ms",
            note=f"50 of {PROJECTS:,}, sorted by updated/created/name, uncached; p50 {percentile(listing, 50):.3f}",
        )
    )
    rows.append(
        Row(
            "storage.cache_hit_rate",
            round(hit_rate * 100, 1),
            "%",
            direction=">",
            note=f"session replay x5: {session_hits} hits, {session_misses} misses "
            f"(seeded in {seed_s:.1f} s; {machine})",
        )
    )
    return rows
