"""The agent service."""

from services.agent.service import Service

__all__ = ["Service"]
