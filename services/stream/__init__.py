"""The stream service."""

from services.stream.service import Service

__all__ = ["Service"]
