"""One exception tree for the whole app, with messages a person understands.

Every error that crosses the bus travels as ``schema.common.Error`` carrying the
class name in ``code``; :func:`from_reply` turns it back into the same class on
the caller's side, so a handler's ``raise NotFound(...)`` in the storage worker
is a ``NotFound`` in the shell.
"""

from __future__ import annotations

from typing import Any


class VibingError(Exception):
    """Base of every error Vibing raises on purpose."""

    #: Whether retrying the same request later may succeed.
    retryable = False

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message


# -- bus -------------------------------------------------------------------


class BusError(VibingError):
    """Something went wrong carrying a message between processes."""


class ServiceUnavailable(BusError):
    """The service is not running (starting, restarting, failed or stopped)."""

    retryable = True


class ServiceCrashed(ServiceUnavailable):
    """The service died while handling the request; it may or may not have been applied."""


class RequestTimeout(BusError):
    """No reply arrived within the request's timeout."""

    retryable = True


class BadMessage(BusError):
    """A frame could not be decoded or names an unknown message type."""


class AppNotRunning(BusError):
    """No running Vibing app was found for this data folder."""


# -- config and keys ----------------------------------------------------------


class ConfigError(VibingError):
    """The configuration is invalid; the message says where and how to fix it."""


class KeychainError(VibingError):
    """The OS keychain cannot be used (none installed, locked, or refused)."""


class NoApiKey(VibingError):
    """No Anthropic API key is configured."""


# -- requests ---------------------------------------------------------------


class InvalidRequest(VibingError):
    """The request is well-formed but its content is not acceptable."""


class NotFound(VibingError):
    """The thing asked for does not exist."""


class Conflict(VibingError):
    """The request clashes with the current state (a name taken, a stale version)."""


class LimitExceeded(VibingError):
    """A size, count or rate limit was reached."""


class Internal(VibingError):
    """An unexpected failure inside a service; details are in its log."""


def _all_subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_all_subclasses(sub))
    return found


def error_class(code: str) -> type[VibingError]:
    """The exception class named ``code`` (subclasses defined anywhere count)."""
    for cls in _all_subclasses(VibingError):
        if cls.__name__ == code:
            return cls
    return VibingError


def from_reply(code: str, message: str, details: dict[str, Any] | None = None) -> VibingError:
    return error_class(code)(message, **(details or {}))
