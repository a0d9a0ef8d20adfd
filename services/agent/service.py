"""The agent service: the registry of agents."""

from __future__ import annotations

from vibing.worker import Worker


class Service(Worker):
    name = "agent"
