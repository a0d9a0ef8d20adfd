"""Messages every service understands, and the error reply every channel shares."""

from __future__ import annotations

from typing import Any

from vibing.schema.base import Message


class Ping(Message):
    """Health probe: every worker answers it with its :class:`Pong`."""


class Pong(Message):
    service: str
    pid: int
    state: str = "ready"
    uptime_s: float = 0.0
    handled: int = 0
    queue_depth: int = 0
    details: dict[str, Any] = {}


class Ok(Message):
    """A reply that carries nothing but success."""


class Error(Message):
    """A typed failure: ``code`` names a class of ``vibing.errors``; ``message`` is for a person."""

    code: str
    message: str
    details: dict[str, Any] = {}


class ServiceUp(Message):
    """Published on ``service.up`` when a worker registers with the broker."""

    service: str
    pid: int


class ServiceDown(Message):
    """Published on ``service.down`` when a worker exits, hangs or is stopped."""

    service: str
    pid: int
    reason: str
    restarting: bool = True


class Probe(Message):
    """Published by a subscriber to itself to learn that its subscriptions are live."""

    token: str


COMMON_REQUESTS = (Ping,)
COMMON_REPLIES = (Pong, Ok, Error)
EVENTS = (ServiceUp, ServiceDown, Probe)
