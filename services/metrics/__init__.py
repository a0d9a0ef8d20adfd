"""The metrics service."""

from vibing.services.metrics.service import Service

__all__ = ["Service"]
