"""Where Vibing keeps things: data, config, logs and the bus's runtime directory.

``VIBING_HOME`` overrides the platform's conventions (platformdirs) entirely,
which is how tests and side-by-side installs stay apart.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP = "vibing"
# sockaddr_un.sun_path is 108 bytes on Linux; leave room for the socket names.
_MAX_IPC_DIR = 80


@dataclass(frozen=True)
class Paths:
    data: Path
    config: Path
    logs: Path
    runtime: Path

    @property
    def config_file(self) -> Path:
        return self.config / "config.toml"

    @property
    def bus_file(self) -> Path:
        """Written by the running supervisor: its pid and the bus endpoints."""
        return self.runtime / "bus.json"

    @property
    def crash_dir(self) -> Path:
        return self.data / "crashes"


def socket_dir(preferred: Path, key: Path | None = None) -> Path:
    """``preferred``, or a short folder in the temp dir when unix socket paths would be too long there."""
    if len(str(preferred)) <= _MAX_IPC_DIR:
        return preferred
    digest = hashlib.sha1(str(key or preferred).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"vibing-{os.getuid()}-{digest}"


def resolve(data_dir: str | os.PathLike | None = None) -> Paths:
    """The paths in force; ``data_dir`` (from config) moves only the data."""
    home = os.environ.get("VIBING_HOME")
    if home:
        root = Path(home).expanduser().resolve()
        config = root / "config"
        data = Path(data_dir).expanduser() if data_dir else root / "data"
        runtime = socket_dir(root / "run", data)
    else:
        config = Path(platformdirs.user_config_dir(APP))
        data = Path(data_dir).expanduser() if data_dir else Path(platformdirs.user_data_dir(APP))
        digest = hashlib.sha1(str(data).encode()).hexdigest()[:8]
        runtime = socket_dir(Path(tempfile.gettempdir()) / f"vibing-{os.getuid()}-{digest}", data)
    return Paths(data=data, config=config, logs=data / "logs", runtime=runtime)


def ensure(paths: Paths) -> Paths:
    """Create the folders; the runtime dir is private (0700) since it holds the bus sockets."""
    for folder in (paths.data, paths.config, paths.logs, paths.crash_dir):
        folder.mkdir(parents=True, exist_ok=True)
    paths.runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(paths.runtime, 0o700)
    return paths
