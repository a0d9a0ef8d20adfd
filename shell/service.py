"""The shell's own presence on the bus: a worker named "shell" that answers pings.

It registers only once the page has painted, so the supervisor's "ready" line
(and ``vibing status``) means the window is really usable.  It runs on a thread
of the window process; the GUI thread never waits on it.
"""

from __future__ import annotations

import threading
from typing import Any

from vibing import config as config_mod
from vibing.errors import ConfigError
from vibing.schema.shell import Focus, Focused
from vibing.worker import Worker, handles


class ShellService(Worker):
    name = "shell"

    def __init__(self, shell: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.shell = shell

    def details(self) -> dict[str, Any]:
        return {
            "mode": self.shell.mode,
            "ui_port": self.shell.server.port,
            "preview_port": self.shell.preview.port,
            "events_forwarded": self.shell.bridge.events_seen,
            "ui_ready_ms": self.shell.ready_info.get("ms", 0.0),
        }

    @handles(Focus)
    def focus(self, _request: Focus) -> Focused:
        """Raise the window (a second launch asked); the window process set ``shell.raise_window``."""
        raise_window = getattr(self.shell, "raise_window", None)
        if raise_window is None:
            return Focused(raised=False, mode=self.shell.mode)
        raise_window()
        return Focused(raised=True, mode=self.shell.mode)


def start(shell: Any) -> ShellService:
    try:
        config = config_mod.load()
    except ConfigError:
        config = config_mod.Config()
    service = ShellService(shell, config=config, endpoints=shell.bus.endpoints, data_dir=shell.paths.data)
    threading.Thread(target=service.run, kwargs={"install_signals": False}, name="shell-service", daemon=True).start()
    return service


__all__ = ["ShellService", "start"]
