"""Scheduled backups: due once a day, the last ``backup_keep`` kept, tested with a controllable clock.

The schedule runs on a real data folder (written by a real app) and writes real archives; only the clock is
ours, so a day passes in a line.  Then the storage service's side over a real bus: *Backup now*, the status
Settings shows, ``backup.created``, and pruning to ``backup_keep``.
"""

from __future__ import annotations

import json
import os
import time

import pytest

from tests.conftest import start_app
from vibing import config as config_mod
from vibing import paths as paths_mod
from vibing.backup import schedule, verify
from vibing.schema.storage import BackupCreated, BackupNow, BackupStatus, CreateProject, GetBackupStatus

DAY = 24 * 3600.0


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("schedule")
    app = start_app(home)
    try:
        app.bus().request("storage", CreateProject(name="Daily"))
    finally:
        app.stop()
    return home


def _paths(home) -> paths_mod.Paths:
    root = home
    return paths_mod.Paths(
        data=root / "data", config=root / "config", logs=root / "data" / "logs", runtime=root / "run"
    )


def test_a_backup_a_day_and_the_last_ones_kept(home):
    config = config_mod.Config(backup_keep=3)
    clock = Clock(1_900_000_000.0)
    daily = schedule.Daily(_paths(home), config, clock=clock, first_delay_s=300)
    assert not daily.due(), "not in the first minutes after a start"
    clock.now += 301
    assert daily.due(), "no backup yet"
    first = daily.run()
    assert first.path.name.startswith("vibing-auto-") and first.path.stat().st_mtime == clock.now
    assert verify.verify(first.path).manifest.schema_version > 0
    assert not daily.due()
    clock.now += DAY - 1
    assert not daily.due(), "less than a day later"
    clock.now += 1
    assert daily.due()
    # A backup made by hand counts as today's, and is never pruned.
    by_hand = daily.folder / "vibing-backup-by-hand.zip"
    by_hand.write_bytes(first.path.read_bytes())
    os.utime(by_hand, (clock.now, clock.now))
    assert not daily.due()
    made = [first.path]
    for _day in range(4):
        clock.now += DAY
        assert daily.due()
        made.append(daily.run().path)
    automatic = sorted(p.name for p in daily.folder.glob("vibing-auto-*.zip"))
    assert automatic == sorted(p.name for p in made[-3:]), "the three newest automatic backups are kept"
    assert by_hand.exists()
    assert daily.last().path == made[-1]
    # Several in one day (Back up now, pressed again and again) replace that day's copy, never older days'.
    for _press in range(5):
        clock.now += 60
        today = daily.run().path
    automatic = sorted(p.name for p in daily.folder.glob("vibing-auto-*.zip"))
    assert automatic == sorted(p.name for p in [*made[-3:-1], today]), "one a day, for the last three days"


def test_switched_off_it_is_never_due(home):
    clock = Clock(1_950_000_000.0)
    daily = schedule.Daily(_paths(home), config_mod.Config(backup_daily=False), clock=clock, first_delay_s=0)
    clock.now += 30 * DAY
    assert not daily.due()


def test_backup_now_over_the_bus_keeps_the_newest_of_the_day(tmp_path):
    app = start_app(tmp_path / "home", VIBING_BACKUP_KEEP="2")
    try:
        bus = app.bus()
        bus.request("storage", CreateProject(name="Now"))
        status = bus.request("storage", GetBackupStatus())
        assert isinstance(status, BackupStatus) and status.count == 0 and status.daily and status.keep == 2
        events = bus.subscribe("backup.created")
        events.sync()
        paths = []
        for _ in range(3):
            status = bus.request("storage", BackupNow(), timeout=60)
            paths.append(status.last_path)
            event = events.recv(timeout=10)
            assert event is not None and isinstance(event.body, BackupCreated)
            assert event.body.path == status.last_path and event.body.bytes == status.last_bytes > 0
        # the same day's: each replaces the one before (a day keeps its newest; older days are kept, see above)
        assert status.count == 1 and event.body.pruned == 1
        folder = app.paths.data / "backups"
        assert sorted(p.name for p in folder.glob("*.zip")) == [paths[-1].rsplit("/", 1)[1]]
        assert status.last_at <= time.time()
        assert verify.verify(folder / paths[-1].rsplit("/", 1)[1]).manifest.entries
        # `vibing backup ls`: each with its date, size and versions, and whether it verifies.
        (folder / "vibing-backup-broken.zip").write_bytes(b"PK\x03\x04 not really")
        listed = app.cli("backup", "ls", "--json")
        assert listed.returncode == 0, listed.stderr
        rows = {row["path"].rsplit("/", 1)[1]: row for row in json.loads(listed.stdout)["backups"]}
        assert len(rows) == 2 and not rows.pop("vibing-backup-broken.zip")["ok"]
        assert all(r["ok"] and r["schema_version"] > 0 and r["app_version"] and r["created"] for r in rows.values())
        text = app.cli("backup", "ls").stdout
        assert text.count("verifies") == 1 and "DOES NOT VERIFY" in text
    finally:
        app.stop()
