"""A full disk: writes fail whole with a clear message, nothing saved is damaged, the app keeps serving."""

from __future__ import annotations

import os
import random
import shutil
import string
import subprocess

import pytest

from tests.conftest import start_app
from vibing.errors import DiskFull
from vibing.schema.common import Ping
from vibing.schema.storage import CheckDatabase, CreateFile, CreateProject, ReadFile


@pytest.fixture
def small_disk(tmp_path):
    """A real 6 MB file system (tmpfs) for the data folder; needs root, as CI has."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a size-limited tmpfs needs root")
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount)], capture_output=True, text=True
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def incompressible(size: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choices(string.ascii_letters + string.digits, k=size))


def test_writes_on_a_full_disk_fail_cleanly_and_lose_nothing(tmp_path, small_disk):
    app = start_app(tmp_path / "home", VIBING_DATA_DIR=str(small_disk / "data"))
    try:
        bus = app.bus()
        project = bus.request("storage", CreateProject(name="Fills the disk", project_type="website")).project
        saved: dict[str, str] = {}
        error = None
        for i in range(200):
            path, content = f"chunk-{i:03d}.txt", incompressible(400_000, i)
            try:
                bus.request("storage", CreateFile(project_id=project.id, path=path, content=content), timeout=20)
            except DiskFull as exc:
                error = exc
                break
            saved[path] = content
        assert error is not None, "the 6 MB disk never filled up"
        assert saved, "some writes should have fitted before the disk filled"
        assert "is full" in error.message and str(small_disk) in error.message
        assert "nothing saved before was changed" in error.message

        assert bus.request("storage", Ping()).state == "ready"  # still serving
        for path, content in saved.items():  # every acknowledged write is intact
            assert bus.request("storage", ReadFile(project_id=project.id, path=path)).file.content == content
        with pytest.raises(DiskFull):  # and it stays a clear error, not a crash, while the disk is full
            bus.request(
                "storage",
                CreateFile(project_id=project.id, path="one-more.txt", content=incompressible(400_000, 999)),
                timeout=20,
            )
        check = bus.request("storage", CheckDatabase(), timeout=20)
        assert check.ok, check.integrity
    finally:
        app.stop()
