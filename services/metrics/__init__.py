"""The metrics service."""

from services.metrics.service import Service

__all__ = ["Service"]
