"""The stream service: the only process that talks to a model."""

from __future__ import annotations

from vibing.worker import Worker


class Service(Worker):
    name = "stream"
