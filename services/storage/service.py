"""The storage service: the only process that opens the database."""

from __future__ import annotations

from vibing.worker import Worker


class Service(Worker):
    name = "storage"
