"""Where a command finds the app: the settings in force, the data folder, and the running app's bus.

Every command that talks to the running app needs the same three steps (load the
settings, resolve the folders they name, attach to the bus the supervisor wrote
in ``bus.json``), and every one must fail the same way when the app is not
running.  They live here once, so that a change to how the app is found (another
data folder, another runtime folder) is made in one place.
"""

from __future__ import annotations

from typing import NamedTuple

from vibing import config as config_mod
from vibing import paths as paths_mod
from vibing.bus import Bus
from vibing.errors import AppNotRunning


class Setup(NamedTuple):
    """The settings in force and the folders they resolve to."""

    config: config_mod.Config
    paths: paths_mod.Paths


def setup() -> Setup:
    """Load the settings (defaults < config file < ``.env`` < environment) and resolve the data folders."""
    config = config_mod.load()
    return Setup(config, paths_mod.resolve(config.data_dir or None))


def connect(paths: paths_mod.Paths | None = None, *, sender: str = "cli") -> Bus:
    """A bus client attached to the running app (use it as a context manager).

    Raises :class:`~vibing.errors.AppNotRunning` ("Vibing is not running for this
    data folder. Start it with `vibing` ...") when no live supervisor owns this
    data folder; the ``vibing`` command prints that message and exits 2.
    """
    if paths is None:
        paths = setup().paths
    return Bus.connect_running(paths.bus_file, sender)


def connect_if_running(paths: paths_mod.Paths | None = None, *, sender: str = "cli") -> Bus | None:
    """Like :func:`connect`, but None when the app is not running, for commands that can work without it."""
    try:
        return connect(paths, sender=sender)
    except AppNotRunning:
        return None
