"""A handler that runs far longer than the heartbeat deadline does not get its worker killed as hung.

The worker base answers heartbeats from its bus thread while handlers run on the handler thread, so the
broker's deadline (``heartbeat_interval_s * heartbeat_liveness``, 3 s by default) bounds how long a *stuck*
process may stay silent, not how long a request may take.  The slow path here is a real one: importing a large
project zip into the storage service (unzip, validate, store, index).  The archive grows until one import takes
at least 6 s on this machine, twice the deadline; a stopped process is still caught (the SIGSTOP test in
test_runtime_supervisor.py).
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from conftest import start_app

from vibing.config import Config
from vibing.schema.common import Ping
from vibing.schema.storage import ImportProject, LoadProject
from vibing.schema.supervisor import Status

LONG_S = 6.0
FILES = 100


@pytest.fixture
def roomy_app(tmp_path: Path):
    """An app whose storage limits admit a project large enough to take seconds to import."""
    running = start_app(
        tmp_path / "home", VIBING_STORAGE_MAX_PROJECT_BYTES=str(1 << 31), VIBING_STORAGE_MAX_FILE_BYTES=str(1 << 26)
    )
    yield running
    running.stop()


def _big_zip(path: Path, megabytes: int) -> Path:
    line = "".join(f"export const value{i} = compute({i}, 'alpha beta gamma');\n" for i in range(200))
    per_file = line * max(1, megabytes * 1024 * 1024 // FILES // len(line))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for i in range(FILES):
            archive.writestr(f"src/part{i:03}.js", per_file)
    return path


def _storage(bus):
    return next(s for s in bus.request("supervisor", Status()).services if s.name == "storage")


def test_a_request_longer_than_the_heartbeat_deadline_completes_on_the_same_worker(roomy_app, tmp_path: Path) -> None:
    deadline_s = Config().heartbeat_interval_s * Config().heartbeat_liveness
    assert LONG_S >= 2 * deadline_s  # the default deadline is what this test outlasts
    bus = roomy_app.bus()
    before = _storage(bus)
    took, megabytes = 0.0, 8
    while took < LONG_S:
        megabytes *= 2
        assert megabytes <= 1024, "no import took 6 s even at 1 GB"
        archive = _big_zip(tmp_path / f"big-{megabytes}.zip", megabytes)
        started = time.monotonic()
        reply = bus.request("storage", ImportProject(path=str(archive)), timeout=300)
        took = time.monotonic() - started
        loaded = bus.request("storage", LoadProject(project_id=reply.project.id), timeout=60)
        assert len(loaded.files) == FILES
        archive.unlink()
    after = _storage(bus)
    assert (after.pid, after.restarts, after.state, after.last_error) == (before.pid, before.restarts, "ready", "")
    assert bus.request("storage", Ping()).pid == before.pid
    log = (roomy_app.paths.logs / "supervisor.log").read_text()
    assert "service.hung" not in log
