"""No bus endpoint that another local program could reach (issue 14, item 5).

Before: ``transport = "tcp"`` bound the bus on loopback ports without any
authentication, so any process on the machine could register as any service
(and be handed the API key in ``SetKey``) or send requests.  Nothing used it, so
it was removed: the setting is refused at start with a clear message, and the
app's only endpoints are unix sockets in its 0700 runtime folder.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.conftest import vibing_env
from vibing.protocol import BusInfo


def listening_tcp_inodes() -> set[str]:
    """Socket inodes of every tcp socket in LISTEN state on this machine (IPv4 and IPv6)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "0A":  # TCP_LISTEN
                inodes.add(fields[9])
    return inodes


def socket_inodes(pid: int) -> set[str]:
    found = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            found.add(target[8:-1])
    return found


def test_the_tcp_transport_is_refused_with_a_clear_message(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "vibing", "run", "--headless"],
        env=vibing_env(home, VIBING_TRANSPORT="tcp"),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "'tcp' bus transport is no longer available" in result.stderr
    assert "Remove `transport`" in result.stderr and "Traceback" not in result.stderr
    assert "vibing: ready" not in result.stdout


def test_the_bus_listens_only_on_unix_sockets_in_the_private_folder(app):
    info = BusInfo.read(app.paths.bus_file)
    endpoints = info.endpoints.to_dict()
    runtime = app.paths.runtime
    for endpoint in endpoints.values():
        assert endpoint.startswith(f"ipc://{runtime}/"), endpoint
        assert Path(endpoint[len("ipc://") :]).exists()
    assert stat.S_IMODE(runtime.stat().st_mode) == 0o700 and runtime.stat().st_uid == os.geteuid()
    listening = socket_inodes(info.pid) & listening_tcp_inodes()
    assert listening == set(), "the supervisor (the bus) has no listening tcp socket"
