"""The launcher: turns what a caller asked for into a running stream.

Every way an answer starts (``StartStream``, ``Generate``, a workflow task, ``ContinueStream``) goes through the
same steps: pick the provider, model, address and key (:meth:`Launcher.make_call`, which checks the request),
take a slot of the per-minute limit, open the stored message through the durable writer, attach the caller's
hooks (a generation's file parser) and hand the :class:`StreamRun` to the :class:`Runner`.  Those steps used to
live on the stream ``Service``, which made ``generate.py`` and ``workflow.py`` import the service that imports
them; now they build on this object, and the service only wires it to its handlers.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from vibing.config import Config
from vibing.errors import InvalidRequest, NotFound, VibingError
from vibing.schema.storage import GetMessage, ListMessages, MessageList, ResumeMessage
from vibing.schema.stream import ChatTurn, ContinueStream, ImageAttachment, StreamStarted
from vibing.services.stream import images, prompts
from vibing.services.stream import turns as turn_content
from vibing.services.stream.credentials import Credentials
from vibing.services.stream.durable import DurableWriter
from vibing.services.stream.provider import Call
from vibing.services.stream.ratelimit import RequestsPerMinute
from vibing.services.stream.runner import Runner, StreamRun, new_stream_id

PROVIDERS = ("anthropic", "openai", "local")
MAX_TOKENS_CEILING = 128_000
#: A stored answer is continued with this budget unless the request names one.
CONTINUE_MAX_TOKENS = 8192

#: Makes the hook that lets a continued generation parse and save its files: (launcher, project_id, agent,
#: prefix, stream_id) -> setup(run).  Given by the service (``generate.continuation_setup``): the launcher does
#: not import ``generate``, which builds on the launcher.
ContinuationSetup = Callable[..., Callable[[StreamRun], None]]


def new_message_id() -> str:
    return uuid.uuid4().hex


class Launcher:
    """Starts answers on the runner; thread-safe as far as its parts are (called from handler threads)."""

    def __init__(
        self,
        *,
        config: Config,
        bus: Any,
        publish: Callable[[str, Any], None],
        runner: Runner,
        durable: DurableWriter,
        rpm: RequestsPerMinute,
        log: Any,
        credentials: Credentials | None = None,
    ) -> None:
        self.config = config
        self.bus = bus
        self.publish = publish
        self.runner = runner
        self.durable = durable
        self.rpm = rpm
        self.log = log
        self.credentials = credentials or Credentials(config)
        self.continuation_setup: ContinuationSetup | None = None
        #: Fits a continuation to its model's context, with prompt caching, and checks the spending limits:
        #: (call, request, project_id, the cut run's call or None) -> (call, note).  Given by the service.
        self.prepare_continuation: Callable[..., tuple[Call, str]] | None = None

    # -- what to call ----------------------------------------------------------------------

    def provider(self, provider: str) -> str:
        """``provider`` or the configured one, checked."""
        provider = provider or self.config.provider
        if provider not in PROVIDERS:
            raise InvalidRequest(
                f'Unknown provider {provider!r}: use "anthropic", "openai" (any OpenAI-compatible '
                f'server such as Ollama, llama.cpp or LM Studio) or "local" (a model Vibing runs).',
                provider=provider,
            )
        return provider

    def model(self, provider: str, model: str) -> str:
        if model:
            return model
        if provider == "local":
            return ""  # the model service's default local model
        return self.config.default_model if provider == "anthropic" else self.config.openai_model

    def make_call(
        self,
        *,
        provider: str,
        base_url: str,
        model: str,
        messages: list[ChatTurn],
        system: str,
        max_tokens: int,
        temperature: float | None,
        thinking_budget: int = 0,
        api_key: str = "",
    ) -> Call:
        """A checked call: the conversation, the limits, and the address with the key allowed to go there."""
        provider = self.provider(provider)
        turns = [m for m in messages if m.content]
        if not turns:
            raise InvalidRequest("There is nothing to send: the conversation has no message.")
        model = self.model(provider, model)
        if any(turn_content.images_of(m.content) for m in turns):
            images.require(provider, model, self.config)
            for m in turns:
                images.check_blocks(turn_content.images_of(m.content))
        for m in turns:
            if m.role not in ("user", "assistant"):
                raise InvalidRequest(
                    f'A message has role {m.role!r}; only "user" and "assistant" are sent '
                    f"(put instructions in the system prompt)."
                )
        if not 1 <= max_tokens <= MAX_TOKENS_CEILING:
            raise InvalidRequest(f"max_tokens must be between 1 and {MAX_TOKENS_CEILING}.", max_tokens=max_tokens)
        if temperature is not None and not 0.0 <= temperature <= 2.0:
            raise InvalidRequest("temperature must be between 0 and 1 (Anthropic) or 2 (OpenAI-compatible).")
        destination = self.credentials.destination(provider, base_url, api_key)
        return Call(
            provider=provider,
            base_url=destination.base_url,
            model=model,
            messages=turns,
            system=system,
            max_tokens=max_tokens,
            temperature=temperature,
            thinking_budget=thinking_budget,
            api_key=destination.api_key,
        )

    # -- starting ----------------------------------------------------------------------------

    def start(
        self,
        call: Call,
        *,
        stream_id: str = "",
        project_id: str = "",
        persist: bool = False,
        user_message: str = "",
        user_images: list[ImageAttachment] | None = None,
        tags: dict[str, str] | None = None,
        agent: str = "",
        message_id: str = "",
        prefix: str = "",
        seq0: int = 0,
        trim_ws: str = "",
        resume: bool = False,
        setup: Callable[[StreamRun], None] | None = None,
    ) -> StreamRun:
        """Take a rate-limit slot, open the stored answer (``persist``), run ``setup`` on the new run (the
        caller's hooks, before any token), then launch it."""
        self.rpm.acquire()
        stream_id = stream_id or new_stream_id()
        if persist and not message_id:
            message_id = new_message_id()
        run = StreamRun(
            self.runner,
            stream_id,
            call,
            project_id=project_id,
            message_id=message_id,
            persist=persist,
            tags=tags,
            prefix=prefix,
            seq0=seq0,
            trim_ws=trim_ws,
        )
        if setup is not None:
            setup(run)
        if persist:
            self.durable.begin(
                run.session,
                project_id,
                message_id,
                agent=agent,
                model=call.model,
                user_message=user_message,
                user_images=user_images,
                resume=ResumeMessage(message_id=message_id) if resume else None,
            )
        self.runner.launch(run)
        self.log.info(
            "stream.start",
            stream_id=stream_id,
            provider=call.provider,
            model=call.model,
            project_id=project_id,
            message_id=message_id,
            turns=len(call.messages),
            persist=persist,
        )
        return run

    # -- continuing --------------------------------------------------------------------------

    def continue_stream(self, req: ContinueStream) -> StreamStarted:
        """Continue a cut answer: one this worker still knows (its call is reused), else a stored one."""
        old = self.runner.streams.get(req.stream_id) if req.stream_id else None
        if old is None and req.message_id:
            old = next((r for r in list(self.runner.streams.values()) if r.message_id == req.message_id), None)
        if old is not None:
            call, partial, trimmed = self._continuation_of_run(old, req)
            project_id, message_id, seq0, tags, persist = old.project_id, old.message_id, old.seq, old.tags, old.persist
        else:
            if not req.message_id:
                raise NotFound("Nothing to continue: give the stream id of a stopped answer or a stored message id.")
            call, partial, trimmed, project_id, message_id, seq0, tags = self._continuation_from_storage(req)
            persist = True
        note = ""
        if self.prepare_continuation is not None:
            call, note = self.prepare_continuation(call, req, project_id, old.call if old is not None else None)
        stream_id = req.new_stream_id or new_stream_id()
        setup = None
        if tags.get("generation") == "1" and project_id and persist and self.continuation_setup is not None:
            setup = self.continuation_setup(
                self, project_id=project_id, agent=tags.get("agent", ""), prefix=partial, stream_id=stream_id, note=note
            )
        run = self.start(
            call,
            stream_id=stream_id,
            project_id=project_id,
            persist=persist,
            tags=tags,
            message_id=message_id,
            prefix=partial,
            seq0=seq0,
            trim_ws=trimmed,
            resume=persist,
            agent=tags.get("agent", ""),
            setup=setup,
        )
        return StreamStarted(
            stream_id=run.stream_id,
            state="connecting",
            message_id=message_id,
            model=call.model,
            provider=call.provider,
            offset=len(partial),
            note=note,
        )

    def _continuation_of_run(self, old: StreamRun, req: ContinueStream) -> tuple[Call, str, str]:
        if old.active:
            raise InvalidRequest(
                "That answer is still streaming; stop it before continuing it.", stream_id=old.stream_id
            )
        if old.state == "done" and old.stop_reason_value != "max_tokens":
            raise InvalidRequest("That answer is complete; there is nothing to continue.", stream_id=old.stream_id)
        partial = old.text()
        base = old.call
        turns, trimmed = prompts.continuation_messages(base.messages, partial)
        call = Call(
            provider=base.provider,
            base_url=base.base_url,
            model=req.model or base.model,
            messages=turns,
            system=base.system,
            max_tokens=req.max_tokens or base.max_tokens,
            temperature=base.temperature,
            api_key=base.api_key,
        )
        return call, partial, trimmed

    def _continuation_from_storage(self, req: ContinueStream) -> tuple[Call, str, str, str, str, int, dict[str, str]]:
        message = self.bus.request("storage", GetMessage(message_id=req.message_id)).message
        if message.role != "assistant":
            raise InvalidRequest("Only an answer (an assistant message) can be continued.", message_id=message.id)
        if message.status == "streaming":
            raise InvalidRequest("That answer is still streaming.", message_id=message.id)
        if message.status == "complete":
            raise InvalidRequest("That answer is complete; there is nothing to continue.", message_id=message.id)
        listing: MessageList = self.bus.request("storage", ListMessages(project_id=message.project_id))
        provider = self.provider("")
        answered = images.for_continuation(
            prompts.turns_before(listing.messages, message.id),
            provider,
            self.model(provider, req.model or message.model),
            self.config,
            self.bus,
        )
        turns, trimmed = prompts.continuation_messages(answered, message.content)
        call = self.make_call(
            provider="",
            base_url="",
            model=req.model or message.model,
            messages=turns,
            system=self._system_for_agent(message.agent) if message.agent else "",
            max_tokens=req.max_tokens or CONTINUE_MAX_TOKENS,
            temperature=None,
        )
        # an answer by an agent is a generation's: its files are saved when the continuation ends
        tags = {"agent": message.agent, "generation": "1"} if message.agent else {}
        return call, message.content, trimmed, message.project_id, message.id, max(message.last_seq, 0), tags

    def _system_for_agent(self, agent: str) -> str:
        try:
            return prompts.agent_system_prompt(self.bus, agent)
        except VibingError as exc:  # no agent service, or no such agent: continue without it
            self.log.warning("stream.continue_without_agent", agent=agent, error=exc.message)
            return ""
