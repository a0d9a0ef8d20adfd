"""The supervisor's own channel: the live process tree, crash reports seen, stopping the app.

These are the control verbs; what each one does (and the restart, crash-report
and exit-code policy behind the answers) is written in ``vibing.supervision``.
"""

from __future__ import annotations

from typing import Union

from vibing.schema.base import Message
from vibing.schema.common import COMMON_REPLIES, COMMON_REQUESTS


class Status(Message):
    """Ask for the process tree; ``probe`` also pings every ready service."""

    probe: bool = False


class ServiceStatus(Message):
    """One supervised process, as ``vibing status`` prints it."""

    name: str
    pid: int | None
    state: str  # "idle" (started on first use) | "starting" | "ready" | "restarting" | "failed" | "stopped"
    uptime_s: float
    restarts: int
    last_error: str = ""
    queue_depth: int = 0


class CrashReport(Message):
    """A worker's crash, kept as a text file in the data folder's ``crashes/``."""

    path: str
    service: str
    when: float
    summary: str


class UpdateNotice(Message):
    """A newer Vibing is out (from the last daily check of the update feed; nothing is downloaded)."""

    current: str
    version: str
    date: str = ""
    notes_url: str = ""


class StatusReply(Message):
    supervisor_pid: int
    uptime_s: float
    services: list[ServiceStatus]
    endpoints: dict[str, str] = {}
    #: Crash reports the user has not acknowledged yet (this run and earlier ones).
    unseen_crashes: list[CrashReport] = []
    #: A newer release, when the last update check found one.
    update: UpdateNotice | None = None


class AcknowledgeCrashes(Message):
    """The user has seen the crash reports listed so far."""


class Shutdown(Message):
    """Stop the whole app gracefully."""

    reason: str = "requested"


class RestoreBackup(Message):
    """Restore a backup archive into the running app: checked whole first, then the workers are stopped, the
    data swapped (with a safety copy) and the workers started again; the window stays open.

    ``replace``: the person agreed to replace the projects there (refused with Conflict otherwise, when there
    are any).  ``overwrite_agents``: agent files that differ from the backup's are replaced (else kept).
    """

    path: str
    replace: bool = False
    overwrite_agents: bool = False


class RestoreReply(Message):
    """What came back; the API key is never in a backup (``key_note`` says to set it again)."""

    data_dir: str
    projects: int
    versions: int
    messages: int
    files: int
    agents: int
    settings: list[str] = []
    agents_kept: list[str] = []
    #: For each local model whose file is not on this computer: its name, size and where to put the file.
    missing_models: list[str] = []
    schema_from: int = 0
    schema_to: int = 0
    key_note: str = ""


Request = Union[COMMON_REQUESTS + (Status, Shutdown, AcknowledgeCrashes, RestoreBackup)]  # type: ignore[valid-type]
Reply = Union[COMMON_REPLIES + (StatusReply, RestoreReply)]  # type: ignore[valid-type]
EVENTS: tuple = ()
