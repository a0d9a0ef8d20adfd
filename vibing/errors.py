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


class SpendingLimitReached(VibingError):
    """A generation whose estimated cost would take today's spending, or its project's, above a limit the person
    set (``vibing config``, Settings).  Nothing was sent; the same request with ``over_limit_ok`` goes through,
    so a client asks the person first.  ``details``: ``limit`` ("day" or "project"), ``limit_usd``, ``spent_usd``
    (so far), ``estimate_usd`` (this request) and ``total_usd`` (their sum), in US dollars."""


def _all_subclasses(cls: type) -> list[type]:
    found: list[type] = []
    sub: type
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


# -- storage ------------------------------------------------------------------


class InvalidPath(InvalidRequest):
    """A file path is not a safe relative POSIX path inside the project."""


class NotText(InvalidRequest):
    """A file is not valid UTF-8 text."""


class FileTooLarge(LimitExceeded):
    """A file, or a project's files taken together, exceed the configured size or count limit."""


# -- images in the chat (raised by the stream service before anything is sent) ------------------------


class ImageRefused(InvalidRequest):
    """An attached image cannot be sent: not a PNG, JPEG, GIF or WebP (SVG is refused: it can carry script),
    corrupt, or over a limit (bytes, pixels, images per message).  The message names the image and why."""


class ImagesNotSupported(InvalidRequest):
    """The chosen model takes no images (the bundled local model; an OpenAI-compatible model unless its setting
    says it does).  Nothing was sent; the message names the model and what to do."""


# -- model APIs (raised and reported by the stream service) -------------------------------------


class ModelApiError(VibingError):
    """The model's API (Anthropic or an OpenAI-compatible server) failed; details carry
    ``status``, ``request_id`` and ``retry_after_s`` when known."""


class ApiKeyRejected(ModelApiError):
    """401: the API key is wrong, revoked or missing."""


class ApiPermissionDenied(ModelApiError):
    """403: the key may not use this model or feature."""


class ApiOutOfCredit(ModelApiError):
    """402, or a 400/429 saying the credit balance or the spend limit is exhausted."""


class ApiRequestRejected(ModelApiError):
    """400/404: the API refused the request as written (unknown model, bad parameter)."""


class ApiRequestTooLarge(ModelApiError):
    """413: the conversation is too large to send."""


class ApiRateLimited(ModelApiError):
    """429: the key's rate limit was reached; try again after ``retry_after_s``."""

    retryable = True


class ApiOverloaded(ModelApiError):
    """529: the provider is busy for everyone (not the user's quota)."""

    retryable = True


class ApiServerError(ModelApiError):
    """5xx (or 408/409 after retries): the provider failed on its side."""

    retryable = True


class ApiUnreachable(ModelApiError):
    """No connection: offline, DNS, TLS, refused, or timed out."""

    retryable = True


class ApiUnexpectedResponse(ModelApiError):
    """Not the API's JSON or event stream (a proxy's HTML page, garbage)."""

    retryable = True


class StreamInterrupted(ModelApiError):
    """The answer was cut mid-stream (connection dropped or an error event); the partial text is kept."""

    retryable = True


# -- local models (raised by the model service) ------------------------------------------------


class LocalEngineFailed(VibingError):
    """The local model engine could not start, or stopped unexpectedly (crash, out of memory); the message
    quotes the engine's last words.  Asking again starts a fresh engine."""

    retryable = True


# -- the machine ---------------------------------------------------------------------------------------


class DiskFull(VibingError):
    """The disk that holds Vibing's data is full; the write was refused whole and nothing saved was changed."""

    retryable = True


# -- local security ------------------------------------------------------------------------------------


class UnsafeFolder(VibingError):
    """A folder Vibing must keep private (the bus's runtime folder) is owned by another user, open to others,
    or a symlink; Vibing refuses to use it rather than let someone else stand between its processes."""


class UnknownService(BusError):
    """A request named a service that does not exist; the bus answers at once instead of holding it."""


class KeyWithheld(NoApiKey):
    """The stored API key was not sent: the request named an address other than the one the user configured,
    or the configured address came from a ``.env`` file in the folder Vibing was started from.  Nothing was sent;
    the request may bring its own key for that address."""
