"""Messages of the model service's channel: the local models and their engine.

The model service owns the local engine (llama.cpp's OpenAI-compatible server,
``python -m llama_cpp.server``) as a child process on a private loopback port.
It does not stream anything itself: the stream service streams from the URL it
hands out, through its OpenAI-compatible provider (one streaming path for every
model, local or remote).

Requests (``bus.request("model", ...)``):

- :class:`EnsureModel` -> :class:`ModelEndpoint`: start the engine for a model
  if it is not running (lazily, on first use) and answer its base URL once the
  server answers.  The reply comes within ``wait_s`` (capped below the worker's
  heartbeat deadline): ``state="starting"`` means ask again (the request is
  idempotent; ``vibing.local.ensure_local_model`` does the asking until a
  deadline); ``state="ready"`` carries ``base_url`` (OpenAI-compatible, with
  ``/v1``) and the model id to send.  A failed start raises ``LocalEngineFailed``
  with the engine's own last words; a missing file ``NotFound``; a corrupt one
  ``InvalidRequest``.
- :class:`StopModel` -> ``Ok``: stop the engine now (give the memory back).
- :class:`ListLocalModels` -> :class:`LocalModelList` (with the engines' states).
- :class:`AddLocalModel` -> :class:`LocalModelReply`: register a GGUF file (checked first).
- :class:`UseLocalModel` -> :class:`LocalModelReply`: make a model the default local model.
- :class:`RemoveLocalModel` -> ``Ok`` (the file itself is never deleted).

Events: ``model.engine``: :class:`ModelEngineState` whenever an engine starts,
becomes ready, stops (idle, asked, app stopping) or crashes (``state="crashed"``,
with a message a person understands and the engine's last log line).
"""

from __future__ import annotations

from typing import Union

import msgspec

from vibing.schema.base import Message
from vibing.schema.common import COMMON_REPLIES, COMMON_REQUESTS


class LocalModel(msgspec.Struct, kw_only=True, omit_defaults=True):
    """A model file this computer can run."""

    name: str
    path: str
    #: What to show: "SmolLM2-135M-Instruct (bundled, small demo model)".
    label: str = ""
    bundled: bool = False
    default: bool = False
    size_bytes: int = 0
    architecture: str = ""
    quantization: str = ""
    context_length: int = 0
    added_at: float = 0.0
    #: Engine state when listed by the running service: "" (not running) | starting | ready.
    engine: str = ""
    base_url: str = ""


# -- requests -------------------------------------------------------------------------------


class EnsureModel(Message):
    """Have the engine for ``model`` ("" = the default local model) running; answer its URL."""

    model: str = ""
    #: Longest wait for this reply (the service caps it below its heartbeat deadline).
    wait_s: float = 2.0


class StopModel(Message):
    """Stop the engine of ``model`` ("" = every engine)."""

    model: str = ""


class ListLocalModels(Message):
    pass


class AddLocalModel(Message):
    path: str
    #: The name to use it by; "" = made from the file name.
    name: str = ""


class UseLocalModel(Message):
    name: str


class RemoveLocalModel(Message):
    name: str


# -- replies --------------------------------------------------------------------------------


class ModelEndpoint(Message):
    model: str
    #: "starting" (ask again) | "ready"
    state: str
    #: OpenAI-compatible base URL, e.g. http://127.0.0.1:41234/v1 ("" while starting).
    base_url: str = ""
    #: The engine's per-launch key (``Authorization: Bearer``); it refuses every request without it.
    api_key: str = ""
    pid: int = 0
    path: str = ""
    #: True when this request started the engine (a cold start).
    cold: bool = False
    #: Milliseconds from spawning the engine to its first healthy answer (once ready).
    start_ms: float = 0.0


class LocalModelReply(Message):
    model: LocalModel


class LocalModelList(Message):
    models: list[LocalModel]
    default: str = ""
    #: False when llama-cpp-python is not installed (``pip install 'vibing[local]'``).
    engine_installed: bool = True


# -- events ---------------------------------------------------------------------------------


class ModelEngineState(Message):
    """On ``model.engine``: starting | ready | stopped | crashed | failed (did not start)."""

    model: str
    state: str
    pid: int = 0
    base_url: str = ""
    #: For stopped: idle | requested | shutdown | replaced.
    reason: str = ""
    message: str = ""
    exit_code: int | None = None
    #: The engine's last log line (crashed/failed).
    log_tail: str = ""


REQUEST_TYPES = COMMON_REQUESTS + (
    EnsureModel,
    StopModel,
    ListLocalModels,
    AddLocalModel,
    UseLocalModel,
    RemoveLocalModel,
)
Request = Union[REQUEST_TYPES]  # type: ignore[valid-type]
Reply = Union[COMMON_REPLIES + (ModelEndpoint, LocalModelList, LocalModelReply)]  # type: ignore[valid-type]
EVENTS: tuple = (ModelEngineState,)
