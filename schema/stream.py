"""Messages of the stream service's channel: the only process that talks to a model.

Requests (``bus.request("stream", ...)``):

- :class:`StartStream` -> :class:`StreamStarted` at once; then events:
  ``token.<stream_id>``: :class:`TokenDelta` (``seq`` 1, 2, 3 ... with no gap, ``text`` the delta,
  ``thinking`` true for extended-thinking text), ``stream.status``: :class:`StreamStatus` (queued,
  connecting, retrying, streaming), and exactly one of ``stream.done``: :class:`StreamDone` or
  ``stream.error``: :class:`StreamFailed`.
- :class:`StopStream` -> :class:`StreamSnapshot` (the HTTP response is closed before the reply; the
  partial text is kept, ``state="stopped"``; a ``stream.done`` with ``stopped=True`` follows).
- :class:`SnapshotStream` -> :class:`StreamSnapshot` (text so far and the last ``seq``: a late
  subscriber subscribes to ``token.<id>`` first, then asks for the snapshot and applies only the
  deltas with ``seq`` greater than the snapshot's).
- :class:`ContinueStream` -> :class:`StreamStarted`: continue a stopped, interrupted, cut or
  ``max_tokens`` answer (the model continues from the partial text; the new deltas extend it).  Like a
  :class:`Generate`, a continuation or a workflow (:class:`RunWorkflow`) that would go over a spending limit is
  refused with ``SpendingLimitReached`` unless its ``over_limit_ok`` says the person agreed.
- :class:`ListStreams` -> :class:`StreamList`; :class:`ListModels` -> :class:`ModelList`;
  :class:`CheckKey` -> :class:`KeyCheck` (the cheapest request: it costs no tokens);
  :class:`SuggestTitle` -> :class:`TitleSuggestion` (a project title from the first prompt).
- :class:`Generate` -> :class:`GenerationStarted`: the prompt-to-app flow (agent auto-selection,
  streaming, file blocks saved through storage as one checkpoint); progress on
  ``generate.progress``: :class:`GenerationProgress`, files on ``generate.file``:
  :class:`GenerationFile`, end on ``generate.done``: :class:`GenerationDone` (tokens also on
  ``token.<stream_id>`` and ``stream.done``/``stream.error`` as for any stream).  A generation whose estimated cost would go over
  a spending limit is refused with ``SpendingLimitReached`` unless ``over_limit_ok`` says the person agreed.

Error codes in :class:`StreamFailed` are class names of ``vibing.errors`` (``ApiKeyRejected``,
``ApiOverloaded``, ...), so ``vibing.errors.from_reply(code, message, details)`` re-creates them.
"""

from __future__ import annotations

from typing import Any, Union

import msgspec

from vibing.schema.agent import WorkflowPlan
from vibing.schema.base import Message
from vibing.schema.common import COMMON_REPLIES, COMMON_REQUESTS

# -- plain parts (not tagged: they are never a message body) ---------------------------------


class PickedElement(msgspec.Struct, kw_only=True, omit_defaults=True):
    """An element of the app the person pointed at (the preview's picker, or ``vibing generate --element``).

    Page content, so untrusted: the stream service caps every field and shows the HTML to the model as quoted
    text (``services/stream/elements.py``)."""

    #: A CSS selector that finds it again in its page: ``#id`` when the id is unique, else a short nth-of-type path.
    selector: str
    tag: str = ""
    #: An excerpt of its text.
    text: str = ""
    #: The page it is in (``index.html``), when that can be told.
    file: str = ""
    #: An excerpt of its outerHTML (about 2 kB at most).
    html: str = ""


class ImageAttachment(msgspec.Struct, kw_only=True, omit_defaults=True):
    """An image the person attached to a prompt (pasted, dropped, picked, a capture of the preview, ``--image``).

    The page (or the CLI) downscales it to at most 1568 px on the long edge first; the stream service still
    checks it (``services/stream/images.py``: type by magic bytes, 5 MB decoded, 10 per message, dimensions)."""

    #: image/png, image/jpeg, image/gif or image/webp; never SVG (it can carry script).
    media_type: str
    #: The bytes, base64 (no ``data:`` prefix).
    data: str
    width: int = 0
    height: int = 0
    #: The file name it came with, shown beside its thumbnail.
    name: str = ""


# A turn's content is either plain text or a list of typed blocks (issue 20): tagged by ``type``, so a turn
# decodes to exactly the blocks it was sent with, and each provider encodes them its own way.


class TextBlock(msgspec.Struct, tag="text", tag_field="type", kw_only=True, omit_defaults=True):
    text: str


class ImageBlock(msgspec.Struct, tag="image", tag_field="type", kw_only=True, omit_defaults=True):
    """An image of a turn.  ``data`` may be empty in a turn rebuilt from storage until the stream service loads
    the stored attachment ``attachment_id`` (only the images that are sent again are loaded)."""

    media_type: str
    data: str = ""
    width: int = 0
    height: int = 0
    name: str = ""
    attachment_id: str = ""


class ElementBlock(msgspec.Struct, tag="element", tag_field="type", kw_only=True, omit_defaults=True):
    """An element the person picked, sent as quoted text (``services/stream/elements.py``)."""

    element: PickedElement


ContentBlock = Union[TextBlock, ImageBlock, ElementBlock]


class ChatTurn(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One turn of the conversation sent to the model: plain text, or a list of typed blocks."""

    role: str  # "user" | "assistant"
    content: str | list[ContentBlock]
    #: The stored message this turn came from ("" for a turn that is not stored yet).
    message_id: str = ""


class Usage(msgspec.Struct, kw_only=True, omit_defaults=True):
    input_tokens: int = 0
    output_tokens: int = 0
    cache_creation_input_tokens: int = 0
    cache_read_input_tokens: int = 0


class StreamInfo(msgspec.Struct, kw_only=True, omit_defaults=True):
    stream_id: str
    state: str
    project_id: str = ""
    message_id: str = ""
    model: str = ""
    provider: str = ""
    seq: int = 0
    chars: int = 0
    started_at: float = 0.0
    #: What started it (``workflow``/``task``/``agent`` for a workflow's task): a client that lists the running
    #: streams, after a reload, tells a chat answer from a task of a workflow by these.
    tags: dict[str, str] = {}


class ModelInfo(msgspec.Struct, kw_only=True, omit_defaults=True):
    id: str
    name: str = ""
    provider: str = "anthropic"
    context_window: int = 0
    #: US dollars per million tokens (0 for local models).
    input_per_mtok: float = 0.0
    output_per_mtok: float = 0.0
    #: Whether it accepts images (every Claude model; an OpenAI-compatible one when ``openai_images`` is set;
    #: the bundled local model does not).  A ``Generate`` with images for a model that does not is refused with
    #: ``ImagesNotSupported`` before anything is sent.
    images: bool = False


# -- requests ------------------------------------------------------------------------------------


class StartStream(Message):
    """Stream one answer.  Empty fields take the configured defaults."""

    messages: list[ChatTurn]
    project_id: str = ""
    system: str = ""
    model: str = ""
    max_tokens: int = 4096
    temperature: float | None = None
    #: "anthropic" or "openai" (any OpenAI-compatible server); "" = config.provider.
    provider: str = ""
    #: The server's base URL (e.g. http://127.0.0.1:11434/v1 for provider "openai"); "" = the configured one.
    base_url: str = ""
    #: The key for ``base_url``.  A stored key goes only to the configured address: another address needs its own.
    api_key: str = ""
    #: Chosen by the caller (so it can subscribe before starting) or made up by the service.
    stream_id: str = ""
    #: Extended thinking budget in tokens (Anthropic); 0 = off.
    thinking_budget: int = 0
    #: Persist the answer through storage as an assistant message of ``project_id``.
    persist: bool = True
    #: The user's message to store before the answer (when persisting); "" = do not store one.
    user_message: str = ""
    #: Free-form tags carried into the events (e.g. the agent's name).
    tags: dict[str, str] = {}


class StopStream(Message):
    stream_id: str


class SnapshotStream(Message):
    stream_id: str


class ContinueStream(Message):
    """Continue a stopped/interrupted/cut/max_tokens answer: by ``stream_id`` (known to this
    worker) or by stored ``message_id`` (loaded from storage)."""

    stream_id: str = ""
    message_id: str = ""
    project_id: str = ""
    #: The new stream's id (optional, as in StartStream).
    new_stream_id: str = ""
    max_tokens: int = 0
    model: str = ""
    #: The person agreed to go over a spending limit (``SpendingLimitReached`` refuses the request without it).
    over_limit_ok: bool = False


class ListStreams(Message):
    """Streams known to this worker (running and recently finished)."""

    active_only: bool = False


class ListModels(Message):
    provider: str = ""
    #: An OpenAI-compatible server's base URL; "" = the configured one.
    base_url: str = ""
    #: The key for that server.  A stored key goes only to the configured address: another address needs its own.
    api_key: str = ""


class CheckKey(Message):
    """Validate the API key with the cheapest request (listing models costs no tokens).
    ``key`` tests a key before it is saved; "" checks the configured one."""

    provider: str = ""
    base_url: str = ""
    key: str = ""


class RunWorkflow(Message):
    """Run a multi-agent workflow (``vibing workflows ls``): its tasks level by level, the independent ones in
    parallel, each task given its dependencies' answers.  Progress on ``workflow.progress``, the end on
    ``workflow.done``; with a ``project_id`` every task's answer is kept in that project's chat."""

    workflow: str
    brief: str
    params: dict[str, str] = {}
    project_id: str = ""
    model: str = ""
    provider: str = ""
    run_id: str = ""
    #: The person agreed to go over a spending limit: checked before the run (all its tasks) and before each task.
    over_limit_ok: bool = False


class ListWorkflowRuns(Message):
    """-> :class:`WorkflowRunList`: the runs going on (of one project, or all).  A page that opens the project,
    or is reloaded, shows its run again and follows its running tasks."""

    project_id: str = ""


class StopWorkflow(Message):
    """Stop a run: its running tasks end ``stopped``, those not started are skipped.  One task alone is stopped
    through its stream (``StopStream`` with the ``stream_id`` of its ``running`` progress)."""

    run_id: str


class SetKey(Message):
    """Store the Anthropic API key in the OS keychain (from Settings).  The reply never contains the key."""

    key: str


class Generate(Message):
    """Prompt -> agent -> streamed answer -> files saved as one checkpoint."""

    project_id: str
    prompt: str
    #: An agent's name; "" = auto-select through the agent service.
    agent: str = ""
    model: str = ""
    provider: str = ""
    #: As in StartStream: another address than the configured one needs its own ``api_key``.
    base_url: str = ""
    api_key: str = ""
    max_tokens: int = 16000
    temperature: float | None = None
    stream_id: str = ""
    #: Earlier turns (follow-ups); "" content turns are skipped.
    history: list[ChatTurn] = []
    #: Current files of the project (path -> text), sent so the agent changes only what it names.
    files: dict[str, str] = {}
    #: The person agreed to go over a spending limit (``SpendingLimitReached`` refuses the request without it).
    over_limit_ok: bool = False
    #: Elements the person picked: sent to the model with this prompt, to change exactly them (issue 20).
    elements: list[PickedElement] = []
    #: Images sent with this prompt and stored with its message (already downscaled by the page; checked again:
    #: ``ImageRefused`` above the caps, ``ImagesNotSupported`` for a model that takes no images).
    images: list[ImageAttachment] = []


class SuggestTitle(Message):
    """A short title for a new project from its first prompt (one cheap model call, a few seconds at most;
    falls back to the prompt's first words).  With ``project_id`` the call's usage is recorded."""

    prompt: str
    project_id: str = ""
    provider: str = ""
    model: str = ""


# -- replies -------------------------------------------------------------------------------------


class StreamStarted(Message):
    stream_id: str
    state: str  # "queued" | "connecting"
    message_id: str = ""
    model: str = ""
    provider: str = ""
    #: Characters of text already in the message before this stream (continuations).
    offset: int = 0
    #: What was left out to fit the model's context ("" when nothing was), as ``GenerationStarted.note``.
    note: str = ""


class StreamSnapshot(Message):
    stream_id: str
    #: queued | connecting | retrying | streaming | done | stopped | failed | interrupted
    state: str
    text: str = ""
    thinking: str = ""
    #: The last published seq: deltas with a greater seq are not in ``text`` yet.
    seq: int = 0
    project_id: str = ""
    message_id: str = ""
    model: str = ""
    provider: str = ""
    stop_reason: str = ""
    usage: Usage = msgspec.field(default_factory=Usage)
    error_code: str = ""
    error_message: str = ""
    #: Characters of ``text`` that came from an earlier stream (continuations).
    offset: int = 0


class StreamList(Message):
    streams: list[StreamInfo]


class ModelList(Message):
    models: list[ModelInfo]
    default: str = ""


class KeyCheck(Message):
    ok: bool
    message: str
    code: str = ""
    provider: str = "anthropic"
    source: str = ""  # environment | keychain | given
    request_id: str = ""
    status: int = 0


class TitleSuggestion(Message):
    title: str
    #: "model" or "fallback" (no key, offline, or too slow: made from the prompt's words).
    source: str = "model"
    message: str = ""


class WorkflowStarted(Message):
    run_id: str
    workflow: str
    #: Task ids by level (each inner list runs in parallel).
    levels: list[list[str]]
    agents: dict[str, str] = {}
    #: Today's spending with this run's estimate is above the warning the person set (it runs anyway): what to say.
    spending_warning: str = ""


class GenerationStarted(Message):
    stream_id: str
    project_id: str
    agent: str = ""
    agent_reason: str = ""
    #: Auto-select's calibrated confidence in ``agent`` (0 when the agent was chosen by hand).
    agent_confidence: float = 0.0
    model: str = ""
    message_id: str = ""
    #: What was left out to fit the model's context ("" when nothing was), e.g. "Older messages were left out
    #: to fit (the model takes 4,096 tokens)."
    note: str = ""
    #: Today's spending with this request is above the warning the person set (it was sent anyway): what to say.
    spending_warning: str = ""
    #: The earlier user messages (ids) whose images were sent again with this prompt (at most the last two that
    #: carried any), so the chat can say "sent again: the images of 2 earlier messages".
    resent_image_turns: list[str] = []


# -- events --------------------------------------------------------------------------------------


class TokenDelta(Message):
    """On ``token.<stream_id>``: text that arrived in one network read, in order."""

    stream_id: str
    seq: int
    text: str
    thinking: bool = False


class StreamStatus(Message):
    """On ``stream.status``: the stream's state changed (before tokens, or a retry wait)."""

    stream_id: str
    state: str  # queued | connecting | retrying | streaming
    message: str = ""
    attempt: int = 0
    wait_s: float = 0.0
    request_id: str = ""
    project_id: str = ""


class StreamDone(Message):
    """On ``stream.done``: the answer is complete (or was stopped: ``stopped``)."""

    stream_id: str
    stop_reason: str
    usage: Usage
    ttft_ms: float
    duration_ms: float
    cost_usd: float
    model: str
    provider: str
    seq: int
    chars: int
    project_id: str = ""
    message_id: str = ""
    request_id: str = ""
    stopped: bool = False
    #: True for ``max_tokens`` (and stops): ContinueStream can finish the answer.
    can_continue: bool = False
    tags: dict[str, str] = {}


class StreamFailed(Message):
    """On ``stream.error``: the stream failed; ``code`` is a ``vibing.errors`` class name."""

    stream_id: str
    code: str
    message: str
    request_id: str = ""
    status: int = 0
    retryable: bool = False
    #: Seconds after which trying again should work (when the API said so).
    retry_after_s: float = 0.0
    attempts: int = 1
    seq: int = 0
    #: Characters delivered before the failure (kept, and continuable when > 0).
    chars: int = 0
    can_continue: bool = False
    project_id: str = ""
    message_id: str = ""
    details: dict[str, Any] = {}
    tags: dict[str, str] = {}


class GenerationProgress(Message):
    """On ``generate.progress``: starting | selecting | thinking | generating | writing | saving | done | error."""

    stream_id: str
    project_id: str
    phase: str
    message: str = ""
    agent: str = ""
    file: str = ""
    lines: int = 0
    output_tokens: int = 0
    #: Share of the model's context window used by the request (0..1).
    context_used: float = 0.0
    #: As ``GenerationStarted.note``: what was left out to fit the model's context.
    note: str = ""
    #: As ``GenerationStarted.resent_image_turns``.
    resent_image_turns: list[str] = []


class GenerationFile(Message):
    """On ``generate.file``: a file block completed (saved at the end as one checkpoint).

    The path and its size only, never the content: the text already went out once as tokens, and a client that
    wants the file reads it from storage (``ReadFile``) once ``generate.done`` names it saved."""

    stream_id: str
    project_id: str
    path: str
    lines: int
    chars: int
    language: str = ""


class GenerationDone(Message):
    """On ``generate.done``: files saved (or the error that stopped the generation)."""

    stream_id: str
    project_id: str
    ok: bool
    files: list[str] = []
    checkpoint_id: str = ""
    message: str = ""
    error_code: str = ""
    usage: Usage = msgspec.field(default_factory=Usage)
    duration_ms: float = 0.0
    cost_usd: float = 0.0
    agent: str = ""
    stop_reason: str = ""


class WorkflowProgress(Message):
    """On ``workflow.progress``: a task is queued | running | done | failed | stopped | skipped.

    ``stopped``: a person stopped it (``StopStream`` with its ``stream_id``, or ``StopWorkflow`` for the whole
    run); its partial answer is kept, ``chars`` long.  ``skipped``: it never ran, because a task it depends on did
    not finish (``message`` names that task) or the run was stopped first."""

    run_id: str
    workflow: str
    task_id: str
    agent: str
    title: str
    state: str
    level: int = 0
    stream_id: str = ""
    message: str = ""
    chars: int = 0


class WorkflowDone(Message):
    """On ``workflow.done``: every task's id is in exactly one of ``done``, ``failed``, ``skipped``, ``stopped``."""

    run_id: str
    workflow: str
    ok: bool
    done: list[str] = []
    failed: list[str] = []
    skipped: list[str] = []
    #: Tasks a person stopped while they ran (``ok`` is false when any was).
    stopped: list[str] = []
    duration_ms: float = 0.0
    message: str = ""


class WorkflowRunInfo(msgspec.Struct, kw_only=True, omit_defaults=True):
    """A run going on: its plan (the graph to draw) and each task's latest progress (queued ones included)."""

    run_id: str
    workflow: str
    brief: str
    plan: WorkflowPlan
    tasks: list[WorkflowProgress]
    project_id: str = ""
    started_at: float = 0.0


class WorkflowRunList(Message):
    runs: list[WorkflowRunInfo] = []


REQUEST_TYPES = COMMON_REQUESTS + (
    StartStream,
    StopStream,
    SnapshotStream,
    ContinueStream,
    ListStreams,
    ListModels,
    CheckKey,
    SetKey,
    Generate,
    SuggestTitle,
    RunWorkflow,
    StopWorkflow,
    ListWorkflowRuns,
)
Request = Union[REQUEST_TYPES]  # type: ignore[valid-type]
REPLY_TYPES = COMMON_REPLIES + (
    StreamStarted,
    StreamSnapshot,
    StreamList,
    ModelList,
    KeyCheck,
    GenerationStarted,
    TitleSuggestion,
    WorkflowStarted,
    WorkflowRunList,
)
Reply = Union[REPLY_TYPES]  # type: ignore[valid-type]
EVENTS: tuple = (
    TokenDelta,
    StreamStatus,
    StreamDone,
    StreamFailed,
    GenerationProgress,
    GenerationFile,
    GenerationDone,
    WorkflowProgress,
    WorkflowDone,
)
