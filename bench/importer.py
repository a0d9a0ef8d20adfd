"""Row for the PostgreSQL import: rows written per second, web app database to local database.

A throwaway PostgreSQL server (the test suite's ``tests/postgres.py``: initdb +
pg_ctl on a RAM disk, loopback only) gets the web app's schema and 1,000
projects with 20 messages and 5 files each (plus one past version each), then a
real headless app is started and the import runs in this process exactly as
``vibing db import-postgres`` does: streamed from PostgreSQL, written through
the storage service over the bus, one transaction per project.  A row is a
project, a file, a message, a checkpoint, a token usage row or a user written locally.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from pathlib import Path

from vibing.bench import Row, missing, skipped
from vibing.bench.app import BenchApp

PREFIX = "import."
PROJECTS = 1000
MESSAGES = 20
FILES = 5
ROOT = Path(__file__).resolve().parent.parent


def _postgres_module():
    path = ROOT / "tests" / "postgres.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("vibing_bench_postgres", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def run(workdir: str) -> list[Row]:
    pg = _postgres_module()
    absent = ([] if pg is not None else ["tests/postgres.py (a source checkout)"]) + missing("psycopg")
    if absent:
        return [skipped("import.rows_per_s", "rows/s", absent, direction=">"), skipped("import.rerun_s", "s", absent)]
    try:
        cluster = pg.start_cluster()
    except pg.ServerUnavailable as exc:
        needs = "a PostgreSQL server"
        return [
            skipped("import.rows_per_s", "rows/s", needs, direction=">", note=str(exc)),
            skipped("import.rerun_s", "s", needs, note=str(exc)),
        ]
    app = None
    try:
        url = cluster.create_webapp_database("bench_import")
        started = time.perf_counter()
        pg.generate(
            url,
            users=10,
            projects=PROJECTS // 10,
            messages=MESSAGES,
            files=FILES,
            versions=1,
            usage=50,
            bad=False,
            file_lines=40,
            single_document_every=0,
            seed=3,
        )
        seed_s = time.perf_counter() - started
        app = BenchApp(Path(workdir) / "import-home")
        from vibing.config import Config
        from vibing.importer import import_postgres
        from vibing.project_files import Limits

        report = import_postgres(url, app.bus, Limits.from_config(Config()), progress_out=None)
        load = os.getloadavg()[0]
        assert report.ok and report.projects.imported == PROJECTS, report.to_json()
        rows = [
            Row(
                "import.rows_per_s",
                round(report.rows_per_s),
                "rows/s",
                direction=">",
                note=f"{PROJECTS:,} projects x {MESSAGES} messages, {FILES} files and 2 checkpoints each, plus "
                f"users and token usage: {report.rows_written:,} rows in {report.seconds:.2f} s "
                f"({PROJECTS / report.seconds:.0f} projects/s), PostgreSQL -> bus -> SQLite, one transaction "
                f"per project (seeding PostgreSQL took {seed_s:.1f} s, not counted; load average {load:.1f})",
                extra={
                    "rows": report.rows_written,
                    "seconds": round(report.seconds, 3),
                    "projects": report.projects.imported,
                    "messages": report.messages.imported,
                    "files": report.files.imported,
                },
            )
        ]
        again = import_postgres(url, app.bus, Limits.from_config(Config()), progress_out=None)
        rows.append(
            Row(
                "import.rerun_s",
                round(again.seconds, 3),
                "s",
                note=f"the same import again: {again.projects.skipped:,} projects recognised as imported, "
                f"{again.rows_written} rows written",
            )
        )
        return rows
    finally:
        if app is not None:
            app.stop()
        cluster.stop()
