"""Getting the URL of a local model's engine from the model service, for any process on the bus.

The model service answers ``EnsureModel`` with ``state="starting"`` while a
model is still loading (a handler may take as long as it needs: the worker's bus
thread keeps heartbeating beside it), and :func:`ensure_local_model` asks again
until the engine is ready or the deadline passes.  Each question waits inside the
service (a long poll), so there is no sleeping here.  The reply carries the
engine's per-launch key, which only a client on the private bus can ask for.
"""

from __future__ import annotations

import time

from vibing.bus import Bus
from vibing.errors import LocalEngineFailed, RequestTimeout, ServiceCrashed, ServiceUnavailable
from vibing.schema.model import EnsureModel, ModelEndpoint

#: What the stream service's OpenAI-compatible provider is given for a local model.
PROVIDER = "openai"


def ensure_local_model(bus: Bus, model: str = "", *, timeout: float = 120.0) -> ModelEndpoint:
    """Start (if needed) the engine for ``model`` ("" = the default local model) and return its endpoint.

    Raises ``NotFound`` (no such model, or the engine is not installed), ``InvalidRequest`` (a damaged model
    file), ``LocalEngineFailed`` (the engine could not load it; the message quotes it), or ``RequestTimeout``.
    """
    deadline = time.monotonic() + timeout
    cold = False
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise LocalEngineFailed(
                f"The local model {model or '(default)'} did not become ready within {timeout:.0f} s.", model=model
            )
        asked = time.monotonic()
        try:
            reply: ModelEndpoint = bus.request(
                "model", EnsureModel(model=model, wait_s=min(2.0, remaining)), timeout=min(remaining, 2.0) + 5.0
            )
        except (ServiceUnavailable, RequestTimeout) as exc:
            # The model service crashed mid-request or is restarting (the broker held the request until its
            # timeout): ask again.  An immediate refusal (the service failed for good) is final.
            quick = time.monotonic() - asked < 1.0 and not isinstance(exc, ServiceCrashed)
            if quick or deadline - time.monotonic() <= 0:
                raise
            continue
        cold = cold or reply.cold or reply.state == "starting"
        if reply.state == "ready":
            reply.cold = cold  # True when this call had to start (or wait for) the engine
            return reply
