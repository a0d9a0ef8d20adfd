"""The model service: local models and the local engine (a supervised child process)."""

from vibing.services.model.service import Service

__all__ = ["Service"]
