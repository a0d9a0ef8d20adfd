"""Bad backups and awkward situations: each gives one clear message, and the current data stays untouched.

One real app writes a real backup (module fixture); each test then damages a copy of it the way a truncated
download, a tampered file, a hostile archive or a newer Vibing would, and runs ``vibing backup restore`` (a
real process) over the same home, whose files are compared byte for byte before and after.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import stat
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import apsw
import pytest

from tests.conftest import start_app, vibing_env
from vibing.backup import restore as restore_mod
from vibing.errors import Conflict
from vibing.schema.storage import CreateProject, FileWrite, ListProjects
from vibing.services.storage import db as db_mod


def _cli(home: Path, *args: str, preexec=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vibing", *args],
        env=vibing_env(home, HOME=str(home / "user")),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=home,
        preexec_fn=preexec,
    )


def _tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its sha256; not the logs (each command may log) nor SQLite's shared-memory
    index (-shm), which any reader rewrites."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "logs" not in p.relative_to(folder).parts and not p.name.endswith("-shm")
    }


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """A home with one project and its backup; the app is stopped."""
    home = tmp_path_factory.mktemp("backup-bad")
    (home / "user" / ".claude" / "agents").mkdir(parents=True)
    (home / "user" / ".claude" / "agents" / "mine.md").write_text("---\nname: mine\n---\nMine.\n")
    app = start_app(home, HOME=str(home / "user"))
    try:
        app.bus().request(
            "storage", CreateProject(name="Kept", files=[FileWrite(path="index.html", content="<h1>kept</h1>\n")])
        )
    finally:
        app.stop()
    archive = home / "good.zip"
    result = _cli(home, "backup", "create", str(archive))
    assert result.returncode == 0, result.stderr
    return home, archive


def _rebuild(good: Path, target: Path, change) -> Path:
    """A copy of ``good`` whose entries (name -> bytes) and manifest (a dict) ``change(entries, manifest)`` edits."""
    with zipfile.ZipFile(good) as zf:
        entries = {name: zf.read(name) for name in zf.namelist()}
    manifest = json.loads(entries.pop("manifest.json"))
    change(entries, manifest)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            if isinstance(data, zipfile.ZipInfo):
                continue
            zf.writestr(name, data)
        zf.writestr("manifest.json", json.dumps(manifest))
    return target


def _listed(manifest: dict, name: str, data: bytes) -> None:
    manifest["entries"][name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def _refused(home: Path, archive: Path, *extra: str) -> str:
    before = _tree(home / "data")
    result = _cli(home, "backup", "restore", str(archive), "--yes", *extra)
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("vibing: "), result.stderr
    assert _tree(home / "data") == before, "the current data changed"
    assert not any(p.name.startswith((".data.restore-", "data.before-restore")) for p in home.iterdir())
    return lines[0]


def test_a_truncated_archive(made, tmp_path):
    home, good = made
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert "is not a readable zip file" in _refused(home, cut)
    verify = _cli(home, "backup", "verify", str(cut))
    assert verify.returncode == 2 and "is not a readable zip file" in verify.stderr


def test_a_wrong_checksum(made, tmp_path):
    home, good = made

    def tamper(entries, manifest):
        entries["db/vibing.db"] = entries["db/vibing.db"][:-1] + b"\x01"

    message = _refused(home, _rebuild(good, tmp_path / "tampered.zip", tamper))
    assert "db/vibing.db" in message and "checksum (sha256) does not match" in message


@pytest.mark.parametrize(
    ("name", "words"),
    [("../escaped.md", "leaves its folder"), ("agents/0/../../x", "leaves its folder"), ("/etc/evil", "absolute path")],
)
def test_entries_that_leave_the_archive(made, tmp_path, name, words):
    home, good = made

    def add(entries, manifest):
        entries[name] = b"evil"
        _listed(manifest, name, b"evil")

    message = _refused(home, _rebuild(good, tmp_path / "escape.zip", add))
    assert words in message
    assert not (home / "escaped.md").exists() and not (home.parent / "escaped.md").exists()


def test_a_symbolic_link_entry(made, tmp_path):
    home, good = made
    target = _rebuild(good, tmp_path / "link.zip", lambda entries, manifest: _listed(manifest, "agents/0/l", b"/etc"))
    with zipfile.ZipFile(target, "a") as zf:
        info = zipfile.ZipInfo("agents/0/l")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, b"/etc")
    assert "symbolic link" in _refused(home, target)


def test_a_zip_bomb(made, tmp_path):
    """An entry whose headers and manifest claim 1,000 bytes and whose data expands to 200 MB."""
    home, good = made
    small = b"x" * 1000
    target = _rebuild(good, tmp_path / "bomb.zip", lambda entries, manifest: _listed(manifest, "crashes/r.txt", small))
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("crashes/r.txt", b"\0" * (200 * 1024 * 1024))
    data = bytearray(target.read_bytes())
    name = b"crashes/r.txt"
    # Patch the uncompressed size in the local header (offset 22) and the central record (offset 24).
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := data.find(signature, at)) != -1:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", data, at + offset, len(small))
            at += 4
    target.write_bytes(bytes(data))
    message = _refused(home, target)
    assert "crashes/r.txt" in message and ("damaged" in message or "zip bomb" in message)


def test_a_manifest_from_a_newer_app(made, tmp_path):
    home, good = made

    def newer_format(entries, manifest):
        manifest.update(format_version=9, app_version="9.0.0")

    message = _refused(home, _rebuild(good, tmp_path / "newer.zip", newer_format))
    assert "newer Vibing" in message and "9.0.0" in message

    def newer_schema(entries, manifest):
        manifest.update(schema_version=99, app_version="4.2.0")

    message = _refused(home, _rebuild(good, tmp_path / "newer-schema.zip", newer_schema))
    known = len(db_mod.migrations())
    assert "schema version 99" in message and "4.2.0" in message and f"up to {known}" in message


def test_a_disk_that_fills_during_the_restore(made):
    """The restore process may write no file beyond 4 KB (RLIMIT_FSIZE): the database does not fit."""
    home, good = made

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    before = _tree(home / "data")
    result = _cli(home, "backup", "restore", str(good), "--yes", preexec=small_files)
    assert result.returncode == 2, result.stderr
    assert "disk filled up" in result.stderr and "untouched" in result.stderr
    assert _tree(home / "data") == before
    assert not any(p.name.startswith(".data.restore-") for p in home.iterdir())


def test_not_enough_free_space_is_refused_before_anything_is_written(made, tmp_path):
    """A restore into a 4 MB disk (a real tmpfs; needs root) of a backup that needs more than that."""
    home, good = made
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a size-limited tmpfs needs root")
    small = tmp_path / "small"
    small.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(small)]).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        big = _rebuild(
            good,
            tmp_path / "big.zip",
            lambda entries, manifest: (
                entries.__setitem__("crashes/big.txt", os.urandom(6 * 1024 * 1024)),
                _listed(manifest, "crashes/big.txt", entries["crashes/big.txt"]),
            ),
        )
        (small / "user").mkdir()
        result = _cli(small, "backup", "restore", str(big))
        assert result.returncode == 2, result.stderr
        assert "needs" in result.stderr and "free" in result.stderr and "nothing was changed" in result.stderr
        assert not (small / "data" / "vibing.db").exists()
    finally:
        subprocess.run(["umount", "-l", str(small)], check=False)


def test_a_restore_while_the_app_runs_goes_through_it_or_stops_it_when_asked(made, tmp_path):
    """With the app running, the restore goes through its supervisor (the services stop, the data is swapped, they
    start again, the app keeps running); --stop-app stops the app instead. A bad backup changes neither."""
    from vibing.errors import Conflict
    from vibing.schema.storage import ListProjects
    from vibing.schema.supervisor import RestoreBackup

    home, good = made
    app = start_app(home, HOME=str(home / "user"))
    try:
        bus = app.bus()
        bus.request("storage", CreateProject(name="Added later"))
        cut = tmp_path / "cut.zip"
        cut.write_bytes(good.read_bytes()[:200])
        bad = _cli(home, "backup", "restore", str(cut), "--yes")
        assert bad.returncode == 2 and "is not a readable zip file" in bad.stderr
        assert app.proc.poll() is None
        with pytest.raises(Conflict, match="never merges"):  # the supervisor asks for the person's agreement too
            bus.request("supervisor", RestoreBackup(path=str(good)), timeout=60)
        assert sorted(p.name for p in bus.request("storage", ListProjects()).items) == ["Added later", "Kept"]

        done = _cli(home, "backup", "restore", str(good), "--yes")
        assert done.returncode == 0, done.stderr
        assert "restoring through it" in done.stdout and "1 project," in done.stdout
        assert app.proc.poll() is None, "the app kept running"
        names = [p.name for p in bus.request("storage", ListProjects(), timeout=30).items]
        assert names == ["Kept"], "the restarted storage service serves the restored data"

        stopped = _cli(home, "backup", "restore", str(good), "--yes", "--stop-app")
        assert stopped.returncode == 0, stopped.stderr
        assert "Stopped Vibing" in stopped.stdout and "1 project," in stopped.stdout
        assert app.proc.wait(timeout=30) == 0
    finally:
        app.stop()
    again = start_app(home, HOME=str(home / "user"))
    again.stop()


def test_a_home_with_projects_is_replaced_only_after_confirmation(made, tmp_path):
    home, good = made
    # Another home with its own project: restoring asks first (no terminal here: refused, untouched).
    other = tmp_path / "other"
    (other / "user").mkdir(parents=True)
    app = start_app(other, HOME=str(other / "user"))
    try:
        app.bus().request("storage", CreateProject(name="Mine here"))
    finally:
        app.stop()
    before = _tree(other / "data")
    refused = _cli(other, "backup", "restore", str(good))
    assert refused.returncode == 2 and "never merges" in refused.stderr and "--yes" in refused.stderr
    assert _tree(other / "data") == before
    # A differing agent file here is kept unless asked.
    (other / "user" / ".claude" / "agents").mkdir(parents=True)
    (other / "user" / ".claude" / "agents" / "mine.md").write_text("my own edit\n")
    done = _cli(other, "backup", "restore", str(good), "--yes")
    assert done.returncode == 0, done.stderr
    assert "1 project," in done.stdout and "kept your own version" in done.stdout
    assert (other / "user" / ".claude" / "agents" / "mine.md").read_text() == "my own edit\n"
    conn = apsw.Connection(str(other / "data" / "vibing.db"), flags=apsw.SQLITE_OPEN_READONLY)
    assert [r[0] for r in conn.execute("SELECT name FROM projects")] == ["Kept"]
    conn.close()
    assert not any(p.name.startswith("data.before-restore") for p in other.iterdir())


def test_a_backup_of_an_older_schema_is_migrated_after_the_restore(made, tmp_path):
    from vibing.services.storage.db import migrations

    home, good = made
    older = tmp_path / "v2.db"
    conn = apsw.Connection(str(older))
    for migration in migrations()[:2]:
        conn.execute(migration.sql)
    conn.execute("PRAGMA user_version = 2")
    conn.close()

    def old_db(entries, manifest):
        entries["db/vibing.db"] = older.read_bytes()
        _listed(manifest, "db/vibing.db", entries["db/vibing.db"])
        manifest["schema_version"] = 2

    target = tmp_path / "restored-home"
    (target / "user").mkdir(parents=True)
    result = _cli(target, "backup", "restore", str(_rebuild(good, tmp_path / "v2.zip", old_db)))
    assert result.returncode == 0, result.stderr
    latest = migrations()[-1].version
    assert f"migrated from schema 2 to {latest}" in result.stdout
    conn = apsw.Connection(str(target / "data" / "vibing.db"), flags=apsw.SQLITE_OPEN_READONLY)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest
    conn.close()


def test_a_restore_killed_while_staging_leaves_the_data_as_it_was(made, tmp_path):
    """SIGKILL once the staging folder exists (a 60 MB entry keeps it busy): the data is untouched, and the next
    restore sweeps the leftover away."""
    home, good = made
    big = os.urandom(60 * 1024 * 1024)

    def add(entries, manifest):
        entries["crashes/big.txt"] = big
        _listed(manifest, "crashes/big.txt", big)

    archive = _rebuild(good, tmp_path / "slow.zip", add)
    before = _tree(home / "data")
    proc = subprocess.Popen(
        [sys.executable, "-m", "vibing", "backup", "restore", str(archive), "--yes"],
        env=vibing_env(home, HOME=str(home / "user")),
        cwd=home,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    staging = home / f".data.restore-{proc.pid}"
    while not staging.exists():  # the condition awaited: the restore has started writing
        assert proc.poll() is None, "the restore ended before it was seen staging"
        time.sleep(0.005)
    proc.kill()
    proc.wait()
    assert _tree(home / "data") == before
    assert staging.exists(), "killed mid-way, it left its staging folder (swept by the next restore)"
    again = _cli(home, "backup", "restore", str(good), "--yes")
    assert again.returncode == 0, again.stderr
    assert not staging.exists()


def test_a_restore_killed_during_its_swap_is_undone_by_the_next_one(made, tmp_path):
    """The state a kill between the swap's renames leaves (the data folder renamed to its safety copy, the journal
    written, no data folder): the next restore puts the previous data back before anything else."""
    home, good = made
    before = _tree(home / "data")
    config = home / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("rate_limit_per_min = 42\n")
    safety = home / "data.before-restore-20260101T000000"
    os.rename(home / "data", safety)
    (home / ".data.restore-journal.json").write_text(
        json.dumps({"safety": str(safety), "had_data": True, "config": "rate_limit_per_min = 42\n"})
    )
    config.write_text("rate_limit_per_min = 1\n")  # as if the backup's config had been put in place
    truncated = tmp_path / "cut.zip"
    truncated.write_bytes(good.read_bytes()[:100])
    result = _cli(home, "backup", "restore", str(truncated), "--yes")
    assert result.returncode == 2 and "is not a readable zip file" in result.stderr
    assert _tree(home / "data") == before, "the previous data is back"
    assert config.read_text() == "rate_limit_per_min = 42\n"
    assert not safety.exists() and not (home / ".data.restore-journal.json").exists()


def test_an_archive_cannot_choose_where_outside_the_home_its_files_go(made, tmp_path):
    """A manifest whose agent folder and model file name places outside the new HOME and Vibing's folders: the
    restore writes neither there, and says so."""
    home, good = made
    elsewhere = tmp_path / "elsewhere"

    def aim_outside(entries, manifest):
        manifest["agent_folders"][0].update(path=str(elsewhere / "agents"), home_relative="")
        entries["models/files/0/evil.gguf"] = b"GGUF-evil"
        _listed(manifest, "models/files/0/evil.gguf", b"GGUF-evil")
        manifest["models"] = [
            {"name": "evil", "path": str(elsewhere / "evil.gguf"), "size": 9, "entry": "models/files/0/evil.gguf"}
        ]

    target = tmp_path / "target-home"
    (target / "user").mkdir(parents=True)
    result = _cli(target, "backup", "restore", str(_rebuild(good, tmp_path / "aimed.zip", aim_outside)))
    assert result.returncode == 0, result.stderr
    assert not elsewhere.exists(), "nothing was written outside the home"
    assert f"not restored: the agent folder {elsewhere / 'agents'}" in result.stdout
    assert "local model evil is not on this computer" in result.stdout


def test_an_archive_writes_only_agent_and_model_files_in_the_home(made, tmp_path):
    """An "agent folder" at ~/.ssh holding authorized_keys, a "model" at ~/.bashrc: neither is written."""
    home, good = made

    def aim_at_dotfiles(entries, manifest):
        manifest["agent_folders"].append({"entry": "agents/9", "path": "/x/.ssh", "home_relative": ".ssh"})
        for name, data in (("agents/9/authorized_keys", b"ssh-ed25519 AAAA attacker"), ("models/files/1/m", b"x")):
            entries[name] = data
            _listed(manifest, name, data)
        manifest["models"] = [
            {"name": "m", "path": manifest["home"] + "/.bashrc", "size": 1, "entry": "models/files/1/m"}
        ]

    target = tmp_path / "target-home"
    (target / "user").mkdir(parents=True)
    result = _cli(target, "backup", "restore", str(_rebuild(good, tmp_path / "dotfiles.zip", aim_at_dotfiles)))
    assert result.returncode == 0, result.stderr
    assert not (target / "user" / ".ssh" / "authorized_keys").exists()
    assert not (target / "user" / ".bashrc").exists()
    assert (target / "user" / ".claude" / "agents" / "mine.md").exists(), "the real agent came back"


def test_a_restore_killed_during_its_swap_is_undone_when_the_app_starts(made, tmp_path):
    """The same state, and the app started before any other restore: it opens the data as it was, not an empty
    folder (the journal's process is gone)."""
    home, _good = made
    safety = home / "data.before-restore-20260102T000000"
    os.rename(home / "data", safety)
    dead = _ended_pid()
    (home / ".data.restore-journal.json").write_text(
        json.dumps({"safety": str(safety), "had_data": True, "config": None, "pid": dead})
    )
    app = start_app(home, HOME=str(home / "user"))
    try:
        names = [p.name for p in app.bus().request("storage", ListProjects()).items]
        assert "Kept" in names, "the data from before the restore is what the app opened"
    finally:
        app.stop()
    assert not safety.exists() and not (home / ".data.restore-journal.json").exists()


def test_a_restore_going_on_in_another_process_is_not_undone(tmp_path):
    """Only a dead restore is undone: one whose process still runs is left alone, with a clear message."""
    data = tmp_path / "data"
    data.mkdir()
    journal = tmp_path / ".data.restore-journal.json"
    journal.write_text(json.dumps({"safety": "", "had_data": False, "config": None, "pid": os.getppid()}))
    with pytest.raises(Conflict, match="A restore is going on right now"):
        restore_mod.recover_interrupted(data, tmp_path / "config.toml")
    assert data.is_dir() and journal.is_file()


def _ended_pid() -> int:
    child = subprocess.Popen(["true"])  # noqa: S603, S607
    child.wait()
    return child.pid


def test_a_home_that_never_ran_has_nothing_to_back_up(tmp_path):
    done = _cli(tmp_path, "backup", "create", str(tmp_path / "empty.zip"))
    assert done.returncode != 0
    assert "nothing to back up yet" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "empty.zip").exists()
    assert not list(tmp_path.glob("*.partial"))
