"""Fake servers the tests and benches talk to over real loopback sockets, split by concern:

- ``anthropic``: the FakeAnthropic server (thread, HTTP/1.1, routing, the choice of scenario), runnable
  standalone with ``python -m tests.fakes.anthropic``;
- ``messages``: its Messages endpoint (the SSE stream and the scripted failures);
- ``openai``: its OpenAI-compatible chat endpoint;
- ``http2``: HTTP/2 in front of the same endpoints;
- ``scenarios``: the scenarios and the fake "model"'s text;
- ``wire``: headers, chunks, SSE events and error bodies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .anthropic import FakeAnthropic

__all__ = ["FakeAnthropic"]


def __getattr__(name: str) -> Any:
    """Import the server on first use, not with the package: ``python -m tests.fakes.anthropic`` imports this
    package first, and importing ``anthropic`` here would load that module a second time under another name."""
    if name == "FakeAnthropic":
        from .anthropic import FakeAnthropic

        return FakeAnthropic
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
