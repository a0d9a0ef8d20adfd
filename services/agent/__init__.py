"""The agent service."""

from vibing.services.agent.service import Service

__all__ = ["Service"]
