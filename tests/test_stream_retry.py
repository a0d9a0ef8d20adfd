"""The retry policy, the error classification, the client-side limits and the cost table."""

from __future__ import annotations

import email.utils
from datetime import UTC

import httpx
import pytest

from vibing import errors
from vibing.errors import LimitExceeded
from vibing.schema.stream import Usage
from vibing.services.stream import costs, failures, retry
from vibing.services.stream.ratelimit import RequestsPerMinute

NOW = 1_800_000_000.0


def decide(status, headers=None, n=0, max_retries=2, **kw):
    return retry.decide(status, headers or {}, n, max_retries, rand=lambda: 0.0, now=lambda: NOW, **kw)


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504, 529])
def test_retried_statuses(status):
    headers = {"retry-after": "1"} if status == 429 else {}
    assert decide(status, headers).retry


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404, 413, 422])
def test_not_retried_statuses(status):
    assert not decide(status).retry


def test_x_should_retry_overrides():
    assert not decide(529, {"x-should-retry": "false"}).retry
    assert decide(400, {"x-should-retry": "true"}).retry
    assert decide(429, {"x-should-retry": "true"}).retry  # even without retry-after


def test_retry_after_ms_first_then_seconds_then_date():
    assert decide(529, {"retry-after-ms": "250", "retry-after": "9"}).wait_s == pytest.approx(0.25)
    assert decide(529, {"retry-after": "2.5"}).wait_s == pytest.approx(2.5)
    date = email.utils.formatdate(NOW + 7, usegmt=True)
    assert decide(529, {"retry-after": date}).wait_s == pytest.approx(7, abs=1)


def test_retry_after_bounds():
    long = decide(429, {"retry-after": "120"})
    assert not long.retry and long.retry_after_s == 120  # shown to the user, not slept through
    assert decide(529, {"retry-after": "60"}).wait_s == 60
    # zero / negative / nonsense: ignored, backoff instead
    for value in ("0", "-3", "soon"):
        d = decide(529, {"retry-after": value})
        assert d.retry and d.wait_s == pytest.approx(0.5)


def test_backoff_and_jitter():
    assert [retry.backoff(n, rand=lambda: 0.0) for n in range(6)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert retry.backoff(0, rand=lambda: 1.0) == pytest.approx(0.375)  # at most 25 % less
    for n in range(8):
        w = retry.backoff(n)
        top = min(0.5 * 2**n, 8)
        assert 0.75 * top <= w <= top


def test_spend_cap_429_not_looped():
    d = decide(429, {})
    assert not d.retry and "spend" in d.reason


def test_no_retry_after_tokens_or_when_exhausted():
    assert not decide(529, delivered=True).retry
    assert not decide(529, n=2, max_retries=2).retry
    assert decide(None, connection_error=True).retry


def test_classification_messages():
    e = failures.classify(401, "authentication_error", "invalid x-api-key")
    assert isinstance(e, errors.ApiKeyRejected) and "vibing key set" in e.message
    assert isinstance(failures.classify(402, "billing_error", ""), errors.ApiOutOfCredit)
    assert isinstance(
        failures.classify(400, "invalid_request_error", "Your credit balance is too low"), errors.ApiOutOfCredit
    )
    assert isinstance(failures.classify(400, "invalid_request_error", "max_tokens: too big"), errors.ApiRequestRejected)
    assert isinstance(failures.classify(403, "permission_error", ""), errors.ApiPermissionDenied)
    assert isinstance(failures.classify(413, "", ""), errors.ApiRequestTooLarge)
    assert isinstance(failures.classify(529, "overloaded_error", ""), errors.ApiOverloaded)
    assert "not your quota" in failures.classify(529, "overloaded_error", "").message
    assert isinstance(failures.classify(500, "api_error", ""), errors.ApiServerError)
    assert isinstance(failures.classify(200, "overloaded_error", ""), errors.ApiOverloaded)
    rl = failures.classify(429, "rate_limit_error", "slow down", retry_after_s=12)
    assert isinstance(rl, errors.ApiRateLimited) and "12 s" in rl.message
    html = failures.from_response(
        502,
        httpx.Headers({"content-type": "text/html"}),
        b"<html>bad gateway</html>",
        provider="anthropic",
        model="m",
        retry_after_s=None,
    )
    assert isinstance(html, errors.ApiUnexpectedResponse) and "unexpected response" in html.message
    assert "502" in html.message
    # the classes travel over the bus by name
    assert errors.error_class("ApiOverloaded") is errors.ApiOverloaded


def test_connection_failures():
    f = failures.from_exception(
        httpx.ConnectError("[Errno -2] Name or service not known"),
        base_url="https://api.anthropic.com",
        provider="anthropic",
        delivered=False,
    )
    assert isinstance(f.error, errors.ApiUnreachable) and "offline" in f.error.message and f.retryable
    f = failures.from_exception(
        httpx.ReadTimeout("timed out"), base_url="https://api.anthropic.com", provider="anthropic", delivered=False
    )
    assert "Timed out" in f.error.message
    f = failures.from_exception(
        httpx.RemoteProtocolError("peer closed"),
        base_url="https://api.anthropic.com",
        provider="anthropic",
        delivered=True,
    )
    assert isinstance(f.error, errors.StreamInterrupted) and not f.retryable
    f = failures.from_exception(
        httpx.ConnectError("refused"), base_url="http://127.0.0.1:11434/v1", provider="openai", delivered=False
    )
    assert "is it running" in f.error.message


def test_requests_per_minute():
    now = [0.0]
    rpm = RequestsPerMinute(3, clock=lambda: now[0])
    for _ in range(3):
        rpm.acquire()
    with pytest.raises(LimitExceeded) as info:
        rpm.acquire()
    assert "3 requests per minute" in info.value.message and info.value.details["retry_after_s"] == 60
    now[0] = 30.0
    with pytest.raises(LimitExceeded):
        rpm.acquire()
    now[0] = 60.0
    rpm.acquire()
    assert rpm.used == 1


def test_costs():
    usage = Usage(input_tokens=1_000_000, output_tokens=1_000_000)
    assert costs.cost_usd("claude-sonnet-4-5-20250929", usage) == pytest.approx(18.0)
    assert costs.cost_usd("claude-haiku-4-5", usage) == pytest.approx(6.0)
    assert costs.cost_usd("claude-opus-4-1-20250805", usage) == pytest.approx(90.0)
    assert costs.cost_usd("claude-opus-4-5", usage) == pytest.approx(30.0)
    assert costs.cost_usd("llama3.2", usage, "openai") == 0.0
    assert costs.cost_usd("unknown-model", usage) == 0.0
    cached = Usage(cache_creation_input_tokens=1_000_000, cache_read_input_tokens=1_000_000)
    assert costs.cost_usd("claude-sonnet-4-5", cached) == pytest.approx(3.75 + 0.3)


def test_newer_models_of_a_family_are_estimated():
    usage = Usage(input_tokens=1_000_000, output_tokens=1_000_000)
    assert costs.cost_usd("claude-sonnet-4-6", usage) == pytest.approx(18.0)
    assert costs.cost_usd("claude-opus-5", usage) == pytest.approx(30.0)


def test_429_without_retry_after_explains_the_reset_from_ratelimit_headers():
    from datetime import datetime, timedelta

    soon = (datetime.now(UTC) + timedelta(seconds=42)).strftime("%Y-%m-%dT%H:%M:%SZ")
    later = (datetime.now(UTC) + timedelta(seconds=300)).strftime("%Y-%m-%dT%H:%M:%SZ")
    headers = httpx.Headers(
        {
            "content-type": "application/json",
            "anthropic-ratelimit-requests-remaining": "10",
            "anthropic-ratelimit-requests-reset": later,
            "anthropic-ratelimit-output-tokens-remaining": "0",
            "anthropic-ratelimit-output-tokens-reset": soon,
        }
    )
    body = b'{"type":"error","error":{"type":"rate_limit_error","message":"Output tokens per minute exceeded"}}'
    error = failures.from_response(429, headers, body, provider="anthropic", model="m", retry_after_s=None)
    assert isinstance(error, errors.ApiRateLimited)
    assert "output token limit resets in" in error.message and 38 <= error.details["retry_after_s"] <= 42
    # and it is still not looped (no retry-after)
    assert not retry.decide(429, {}, 0, 2).retry
