"""The storage service."""

from vibing.services.storage.service import Service

__all__ = ["Service"]
