"""The supervisor's own channel: the live process tree and stopping the app."""

from __future__ import annotations

from typing import Union

from schema.base import Message
from schema.common import COMMON_REPLIES, COMMON_REQUESTS


class Status(Message):
    """Ask for the process tree; ``probe`` also pings every ready service."""

    probe: bool = False


class ServiceStatus(Message):
    name: str
    pid: int | None
    state: str  # "starting" | "ready" | "restarting" | "failed" | "stopped"
    uptime_s: float
    restarts: int
    last_error: str = ""
    queue_depth: int = 0


class StatusReply(Message):
    supervisor_pid: int
    uptime_s: float
    services: list[ServiceStatus]
    endpoints: dict[str, str] = {}


class Shutdown(Message):
    """Stop the whole app gracefully."""

    reason: str = "requested"


Request = Union[COMMON_REQUESTS + (Status, Shutdown)]  # type: ignore[valid-type]
Reply = Union[COMMON_REPLIES + (StatusReply,)]  # type: ignore[valid-type]
EVENTS: tuple = ()
