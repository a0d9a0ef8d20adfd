"""Turning what a model API answered into a typed error a person understands.

:class:`Failure` is what a provider raises for one attempt: the typed error
(a ``vibing.errors.ModelApiError`` subclass, whose class name travels as the
code), the HTTP status, the response headers (for the retry policy) and
whether it is retryable at all.  The retry policy (``retry.py``) decides the
wait; the runner decides whether tokens were already delivered.
"""

from __future__ import annotations

import ssl
from datetime import UTC, datetime
from typing import Any

import httpx
import msgspec

from vibing.errors import (
    ApiKeyRejected,
    ApiOutOfCredit,
    ApiOverloaded,
    ApiPermissionDenied,
    ApiRateLimited,
    ApiRequestRejected,
    ApiRequestTooLarge,
    ApiServerError,
    ApiUnexpectedResponse,
    ApiUnreachable,
    ModelApiError,
    StreamInterrupted,
)


class Failure(Exception):
    """One failed attempt."""

    def __init__(
        self,
        error: ModelApiError,
        *,
        status: int = 0,
        headers: httpx.Headers | None = None,
        retryable: bool = False,
        request_id: str = "",
        after_tokens: bool = False,
    ) -> None:
        super().__init__(error.message)
        self.error = error
        self.status = status
        self.headers = headers
        self.retryable = retryable
        self.request_id = request_id
        self.after_tokens = after_tokens

    @property
    def code(self) -> str:
        return type(self.error).__name__


class _ErrorBody(msgspec.Struct):
    type: str = ""
    message: str = ""


class _ErrorEnvelope(msgspec.Struct):
    type: str = ""
    error: _ErrorBody | str | None = None
    request_id: str = ""
    #: OpenAI-compatible servers sometimes put the message at the top level.
    message: str = ""
    detail: Any = None


_envelope = msgspec.json.Decoder(_ErrorEnvelope)

_CREDIT_WORDS = (
    "credit balance",
    "credit",
    "billing",
    "spend limit",
    "spending limit",
    "usage limit",
    "monthly limit",
    "quota",
)


def parse_error_body(body: bytes) -> tuple[str, str, str] | None:
    """``(error type, message, request_id)`` from an API error body, or None if it is not one."""
    try:
        env = _envelope.decode(body)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    if isinstance(env.error, _ErrorBody):
        return env.error.type, env.error.message, env.request_id
    if isinstance(env.error, str):
        return "", env.error, env.request_id
    if env.message:
        return env.type, env.message, env.request_id
    if isinstance(env.detail, str):
        return "", env.detail, env.request_id
    return None


def _mentions_credit(message: str) -> bool:
    lowered = message.lower()
    return any(word in lowered for word in _CREDIT_WORDS)


def _suffix(api_message: str) -> str:
    api_message = api_message.strip()
    if not api_message:
        return ""
    if len(api_message) > 300:
        api_message = api_message[:300] + "…"
    return f" (the API said: {api_message})"


def classify(
    status: int,
    error_type: str,
    api_message: str,
    *,
    provider: str = "anthropic",
    model: str = "",
    retry_after_s: float | None = None,
) -> ModelApiError:
    """The typed error for an HTTP status and/or an API error type (status 200: an ``error`` event)."""
    who = "Anthropic" if provider == "anthropic" else "The model server"
    details: dict[str, Any] = {"status": status, "error_type": error_type}
    if retry_after_s:
        details["retry_after_s"] = round(retry_after_s, 3)
    t = error_type
    if status == 401 or t == "authentication_error":
        return ApiKeyRejected(
            f"{who} rejected the API key (401). Check it in Settings or run `vibing key set`." + _suffix(api_message),
            **details,
        )
    if status == 402 or t == "billing_error":
        return ApiOutOfCredit(
            f"{who} says the account is out of credit (billing). Add credit in the Anthropic Console, then try again."
            + _suffix(api_message),
            **details,
        )
    if status == 403 or t == "permission_error":
        return ApiPermissionDenied(
            f"This API key is not allowed to do that{f' with {model}' if model else ''} (403)." + _suffix(api_message),
            **details,
        )
    if status == 413 or t == "request_too_large":
        return ApiRequestTooLarge(
            "The conversation is too large to send (413). Start a new conversation or remove some files."
            + _suffix(api_message),
            **details,
        )
    if status == 404 or t == "not_found_error":
        return ApiRequestRejected(
            f"{who} does not know {'the model ' + model if model else 'what was asked'} (404)." + _suffix(api_message),
            **details,
        )
    if status == 429 or t == "rate_limit_error":
        if _mentions_credit(api_message) and not retry_after_s:
            return ApiOutOfCredit(
                "The usage or spend limit of this API key is reached (429). Raise it in the Anthropic Console or wait "
                "for it to reset." + _suffix(api_message),
                **details,
            )
        if retry_after_s:
            return ApiRateLimited(
                f"{who}'s rate limit for this key was reached (429); try again in {_human_wait(retry_after_s)}."
                + _suffix(api_message),
                **details,
            )
        return ApiRateLimited(
            f"{who}'s rate limit for this key was reached (429) and it did not say when to retry: the usage limit may be "
            f"reached." + _suffix(api_message),
            **details,
        )
    if status == 529 or t == "overloaded_error":
        return ApiOverloaded(
            f"{who} is overloaded right now (529): busy for everyone, not your quota. Try again in a minute."
            + _suffix(api_message),
            **details,
        )
    if status == 400 or t == "invalid_request_error":
        if _mentions_credit(api_message):
            return ApiOutOfCredit(
                f"{who} refused the request: the credit balance or spend limit is reached. Add credit or raise the "
                f"limit in the Anthropic Console." + _suffix(api_message),
                **details,
            )
        return ApiRequestRejected(f"{who} refused the request (400)." + _suffix(api_message), **details)
    if status == 504 or t == "timeout_error":
        return ApiServerError(f"{who} timed out answering (504). Try again." + _suffix(api_message), **details)
    if status in (408, 409) or status >= 500 or t == "api_error":
        label = f"HTTP {status}" if status and status != 200 else t or "error"
        return ApiServerError(
            f"{who} had an internal error ({label}). Try again in a moment." + _suffix(api_message), **details
        )
    if status and status != 200:
        return ApiRequestRejected(f"{who} refused the request (HTTP {status})." + _suffix(api_message), **details)
    return ApiServerError(f"{who} reported an error ({t or 'unknown'})." + _suffix(api_message), **details)


def from_response(
    status: int, headers: httpx.Headers, body: bytes, *, provider: str, model: str, retry_after_s: float | None
) -> ModelApiError:
    parsed = parse_error_body(body)
    if parsed is None:
        if status == 413:
            return classify(413, "", "", provider=provider, model=model)
        kind = headers.get("content-type", "").split(";")[0].strip() or "no content type"
        return ApiUnexpectedResponse(
            f"The service returned an unexpected response (HTTP {status}, {kind}) instead of the API's answer; "
            f"a proxy or captive portal may be in the way.",
            status=status,
            content_type=kind,
            body_start=body[:120].decode("utf-8", "replace"),
        )
    error_type, message, _request_id = parsed
    error = classify(status, error_type, message, provider=provider, model=model, retry_after_s=retry_after_s)
    if status == 429 and not retry_after_s:
        reset = ratelimit_reset(headers)
        if reset is not None:
            kind, wait, at = reset
            error.message += f" The {kind} limit resets in {_human_wait(wait)} (at {at:%H:%M:%S} UTC)."
            error.details["retry_after_s"] = round(wait, 3)
            error.details["limit"] = kind
    return error


_LIMIT_KINDS = (
    ("requests", "request"),
    ("tokens", "token"),
    ("input-tokens", "input token"),
    ("output-tokens", "output token"),
)


def ratelimit_reset(headers: httpx.Headers, now: datetime | None = None) -> tuple[str, float, datetime] | None:
    """From ``anthropic-ratelimit-*-{remaining,reset}`` (RFC 3339): the exhausted limit that resets last
    (or, when none says 0 remaining, the latest reset): (what, seconds from now, when)."""
    now = now or datetime.now(UTC)
    found: list[tuple[bool, float, str, datetime]] = []
    for key, label in _LIMIT_KINDS:
        raw = headers.get(f"anthropic-ratelimit-{key}-reset")
        if not raw:
            continue
        try:
            when = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            continue
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        remaining = headers.get(f"anthropic-ratelimit-{key}-remaining", "")
        exhausted = remaining.strip() == "0"
        found.append((exhausted, (when - now).total_seconds(), label, when.astimezone(UTC)))
    if not found:
        return None
    exhausted = [f for f in found if f[0]] or found
    _flag, wait, label, when = max(exhausted, key=lambda f: f[1])
    if wait <= 0:
        return None
    return label, wait, when


def _human_wait(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    if seconds < 90:
        return f"{seconds:.0f} s"
    minutes = seconds / 60
    if minutes < 90:
        return f"{minutes:.0f} minutes"
    return f"{minutes / 60:.1f} hours"


human_wait = _human_wait


def from_exception(exc: BaseException, *, base_url: str, provider: str, delivered: bool) -> Failure:
    """A connection-level failure (no HTTP status)."""
    host = httpx.URL(base_url).host or base_url
    who = "Anthropic" if provider == "anthropic" else f"the model server at {base_url}"
    if delivered:
        err: ModelApiError = StreamInterrupted(
            "The connection was cut in the middle of the answer; the text so far is kept and can be continued.",
            cause=type(exc).__name__,
        )
        return Failure(err, retryable=False, after_tokens=True)
    if isinstance(exc, httpx.TimeoutException):
        phase = {
            httpx.ConnectTimeout: "connecting to",
            httpx.ReadTimeout: "waiting for",
            httpx.WriteTimeout: "sending to",
            httpx.PoolTimeout: "queueing for",
        }.get(type(exc), "talking to")
        err = ApiUnreachable(
            f"Timed out {phase} {who} ({host}). Check your connection and try again.", cause=type(exc).__name__
        )
        return Failure(err, retryable=True)
    text = str(exc)
    cause = exc.__cause__ or exc.__context__
    if isinstance(cause, ssl.SSLError) or "SSL" in text or "certificate" in text.lower():
        err = ApiUnreachable(
            f"The secure connection to {host} failed (TLS): {text or type(exc).__name__}. "
            f"A proxy or the system clock may be the cause.",
            cause=type(exc).__name__,
        )
        return Failure(err, retryable=True)
    lowered = text.lower()
    if (
        "name or service not known" in lowered
        or "nodename nor servname" in lowered
        or "getaddrinfo" in lowered
        or "temporary failure in name resolution" in lowered
        or "no address associated" in lowered
    ):
        err = ApiUnreachable(f"Cannot find {host} (DNS failed): are you offline?", cause=type(exc).__name__)
        return Failure(err, retryable=True)
    if isinstance(exc, httpx.ConnectError):
        if provider == "anthropic":
            msg = f"Cannot connect to Anthropic ({host}): are you offline? ({text or type(exc).__name__})"
        else:
            msg = (
                f"Cannot connect to the model server at {base_url}: is it running? (Ollama: `ollama serve`; "
                f"llama.cpp: `llama-server`.) ({text or type(exc).__name__})"
            )
        return Failure(ApiUnreachable(msg, cause=type(exc).__name__), retryable=True)
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError, httpx.LocalProtocolError)):
        err = ApiUnreachable(
            f"The connection to {who} broke before the answer started ({text or type(exc).__name__}).",
            cause=type(exc).__name__,
        )
        return Failure(err, retryable=True)
    err = ApiUnreachable(f"Talking to {who} failed: {type(exc).__name__}: {text}", cause=type(exc).__name__)
    return Failure(err, retryable=isinstance(exc, (httpx.TransportError, OSError)))
