"""The stream service."""

from vibing.services.stream.service import Service

__all__ = ["Service"]
