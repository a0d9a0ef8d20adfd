"""The storage service."""

from services.storage.service import Service

__all__ = ["Service"]
