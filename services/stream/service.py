"""The stream service: the only process that talks to a model.

Handlers run on the worker thread and return at once; the streams themselves run
on one asyncio loop in a background thread (``runner.py``), the durable writer
on another (``durable.py``).  See ``schema/stream.py`` for the messages.
"""

from __future__ import annotations

import gc
import os
import threading
import time
import uuid
from typing import Any

from vibing import keys
from vibing.errors import BusError, InvalidRequest, NoApiKey, NotFound, VibingError
from vibing.schema.storage import (
    FinishMessage,
    GetMessage,
    ListMessages,
    ListStreamingMessages,
    MessageList,
    ResumeMessage,
)
from vibing.schema.stream import (
    ChatTurn,
    CheckKey,
    ContinueStream,
    Generate,
    GenerationStarted,
    KeyCheck,
    ListModels,
    ListStreams,
    ModelInfo,
    ModelList,
    RunWorkflow,
    SetKey,
    SnapshotStream,
    StartStream,
    StopStream,
    StopWorkflow,
    StreamList,
    StreamSnapshot,
    StreamStarted,
    SuggestTitle,
    TitleSuggestion,
    WorkflowStarted,
)
from vibing.services.stream import costs, failures, title
from vibing.services.stream.anthropic import Call
from vibing.services.stream.durable import DurableWriter
from vibing.services.stream.failures import Failure
from vibing.services.stream.ratelimit import RequestsPerMinute
from vibing.services.stream.runner import Runner, StreamRun, continuation_messages, new_stream_id
from vibing.worker import Worker, handles

_PROVIDERS = ("anthropic", "openai", "local")
_MAX_TOKENS_CEILING = 128_000


def new_message_id() -> str:
    return uuid.uuid4().hex


class Service(Worker):
    name = "stream"

    def setup(self) -> None:
        cfg = self.config
        self.rpm = RequestsPerMinute(cfg.rate_limit_per_min)
        self.durable = DurableWriter(self.bus, request_timeout_s=cfg.request_timeout_s)
        self.durable.start()
        self.runner = Runner(
            publish=self.publish,
            durable=self.durable,
            max_concurrent=cfg.max_concurrent_streams,
            max_retries=cfg.stream_max_retries,
            read_timeout_s=cfg.stream_read_timeout_s,
            resolve_local=self._resolve_local,
            meter=self.metrics,
        )
        for name, text in (
            ("vibing_stream_finished_total", "Streams ended, by provider and outcome (done, stopped, failed+code)."),
            ("vibing_stream_ttft_seconds", "Time from the request to the first token."),
            ("vibing_stream_duration_seconds", "Time from the request to the end of the stream."),
            ("vibing_stream_tokens_total", "Tokens used, by provider and kind (input, output)."),
            ("vibing_stream_retries_total", "Retries made before a first token."),
            ("vibing_stream_cost_usd_total", "Estimated cost in US dollars."),
            ("vibing_streams_active", "Streams queued or streaming now."),
        ):
            self.metrics.describe(name, text)
        self.runner.start()
        self.generations: dict[str, Any] = {}
        self.workflows: dict[str, Any] = {}
        self.recovered: list[str] = []
        self._recovery = threading.Thread(target=self._recover_interrupted, name="stream-recover", daemon=True)
        self._recovery.start()
        # Everything loaded so far lives as long as the worker: keep it out of the collector's full passes, so a
        # full collection in the middle of a stream is short (fewer pauses between two tokens).
        gc.freeze()

    def teardown(self) -> None:
        self.runner.stop()
        self.durable.stop()

    def details(self) -> dict[str, Any]:
        return {
            "active_streams": self.runner.active_count(),
            "completed": self.runner.completed,
            "failed": self.runner.failed,
            "requests_last_min": self.rpm.used,
            "durable_batches": self.durable.batches,
            "recovered_interrupted": len(self.recovered),
        }

    # -- recovery -------------------------------------------------------------------------

    def _recover_interrupted(self) -> None:
        """Messages left "streaming" by an earlier run of this worker were cut off: mark them interrupted."""
        deadline = time.monotonic() + 60.0
        while time.monotonic() < deadline and not self._stopping:
            try:
                reply: MessageList = self.bus.request("storage", ListStreamingMessages(), timeout=2.0)
            except BusError:
                time.sleep(0.2)
                continue
            except VibingError as exc:
                self.log.warning("stream.recover_failed", error=exc.message)
                return
            for message in reply.messages:
                if any(r.message_id == message.id and r.active for r in list(self.runner.streams.values())):
                    continue
                try:
                    self.bus.request(
                        "storage",
                        FinishMessage(
                            message_id=message.id,
                            status="interrupted",
                            error="The answer was interrupted (the app or the stream service stopped); continue it to "
                            "finish.",
                        ),
                        timeout=5.0,
                    )
                    self.recovered.append(message.id)
                except VibingError as exc:
                    self.log.warning("stream.recover_message_failed", message_id=message.id, error=exc.message)
            if reply.messages:
                self.log.info("stream.recovered_interrupted", count=len(self.recovered))
            return

    # -- resolving a request -------------------------------------------------------------

    def _resolve_local(self, model: str) -> tuple[str, str]:
        """The local engine's URL and model id from the model service (blocking; called off the loop)."""
        from vibing.local import ensure_local_model

        endpoint = ensure_local_model(self.bus, model)
        return endpoint.base_url, endpoint.model

    def _provider(self, provider: str) -> str:
        provider = provider or self.config.provider
        if provider not in _PROVIDERS:
            raise InvalidRequest(
                f'Unknown provider {provider!r}: use "anthropic", "openai" (any OpenAI-compatible '
                f'server such as Ollama, llama.cpp or LM Studio) or "local" (a model Vibing runs).',
                provider=provider,
            )
        return provider

    def _base_url(self, provider: str, base_url: str) -> str:
        if base_url:
            return base_url
        return self.config.anthropic_base_url if provider == "anthropic" else self.config.openai_base_url

    def _model(self, provider: str, model: str) -> str:
        if model:
            return model
        if provider == "local":
            return ""  # the model service's default local model
        return self.config.default_model if provider == "anthropic" else self.config.openai_model

    def _key(self, provider: str, given: str = "") -> tuple[str, str]:
        if given:
            return given, "given"
        if provider == "anthropic":
            return keys.get_key()
        if provider == "local":
            return "", "none"
        return os.environ.get("OPENAI_API_KEY", "").strip(), "environment"

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
    ) -> Call:
        provider = self._provider(provider)
        turns = [m for m in messages if m.content]
        if not turns:
            raise InvalidRequest("There is nothing to send: the conversation has no message.")
        for m in turns:
            if m.role not in ("user", "assistant"):
                raise InvalidRequest(
                    f'A message has role {m.role!r}; only "user" and "assistant" are sent '
                    f"(put instructions in the system prompt)."
                )
        if not 1 <= max_tokens <= _MAX_TOKENS_CEILING:
            raise InvalidRequest(f"max_tokens must be between 1 and {_MAX_TOKENS_CEILING}.", max_tokens=max_tokens)
        if temperature is not None and not 0.0 <= temperature <= 2.0:
            raise InvalidRequest("temperature must be between 0 and 1 (Anthropic) or 2 (OpenAI-compatible).")
        api_key, _source = self._key(provider)
        return Call(
            provider=provider,
            base_url=self._base_url(provider, ""),
            model=self._model(provider, model),
            messages=turns,
            system=system,
            max_tokens=max_tokens,
            temperature=temperature,
            thinking_budget=thinking_budget,
            api_key=api_key,
        )

    # -- handlers ---------------------------------------------------------------------------

    @handles(StartStream)
    def start_stream(self, req: StartStream) -> StreamStarted:
        call = self.make_call(
            provider=req.provider,
            base_url=req.base_url,
            model=req.model,
            messages=req.messages,
            system=req.system,
            max_tokens=req.max_tokens,
            temperature=req.temperature,
            thinking_budget=req.thinking_budget,
        )
        if req.base_url:
            call.base_url = req.base_url
        self.rpm.acquire()
        run = self.start_run(
            call,
            stream_id=req.stream_id,
            project_id=req.project_id,
            persist=req.persist and bool(req.project_id),
            user_message=req.user_message,
            tags=req.tags,
            agent=req.tags.get("agent", ""),
        )
        return StreamStarted(
            stream_id=run.stream_id,
            state="queued" if self.runner.active_count() > self.runner.max_concurrent else "connecting",
            message_id=run.message_id,
            model=call.model,
            provider=call.provider,
        )

    def start_run(
        self,
        call: Call,
        *,
        stream_id: str = "",
        project_id: str = "",
        persist: bool = False,
        user_message: str = "",
        tags: dict[str, str] | None = None,
        agent: str = "",
        message_id: str = "",
        prefix: str = "",
        seq0: int = 0,
        trim_ws: str = "",
        resume: bool = False,
        setup: Any = None,
    ) -> StreamRun:
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

    @handles(StopStream)
    def stop_stream(self, req: StopStream) -> StreamSnapshot:
        return self.runner.stop_stream(req.stream_id)

    @handles(SnapshotStream)
    def snapshot(self, req: SnapshotStream) -> StreamSnapshot:
        return self.runner.get(req.stream_id).snapshot()

    @handles(ListStreams)
    def list_streams(self, req: ListStreams) -> StreamList:
        return StreamList(streams=self.runner.list(req.active_only))

    @handles(ContinueStream)
    def continue_stream(self, req: ContinueStream) -> StreamStarted:
        old = self.runner.streams.get(req.stream_id) if req.stream_id else None
        if old is None and req.message_id:
            old = next((r for r in list(self.runner.streams.values()) if r.message_id == req.message_id), None)
        if old is not None:
            if old.active:
                raise InvalidRequest(
                    "That answer is still streaming; stop it before continuing it.", stream_id=old.stream_id
                )
            if old.state == "done" and old.stop_reason_value != "max_tokens":
                raise InvalidRequest("That answer is complete; there is nothing to continue.", stream_id=old.stream_id)
            partial = old.text()
            base = old.call
            turns, trimmed = continuation_messages(base.messages, partial)
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
            project_id, message_id, seq0, tags = old.project_id, old.message_id, old.seq, old.tags
            persist = old.persist
        else:
            if not req.message_id:
                raise NotFound("Nothing to continue: give the stream id of a stopped answer or a stored message id.")
            call, partial, trimmed, project_id, message_id, seq0, tags = self._continuation_from_storage(req)
            persist = True
        self.rpm.acquire()
        stream_id = req.new_stream_id or new_stream_id()
        setup = None
        if tags.get("generation") == "1" and project_id and persist:
            from vibing.services.stream import generate

            setup = generate.continuation_setup(
                self, project_id=project_id, agent=tags.get("agent", ""), prefix=partial, stream_id=stream_id
            )
        run = self.start_run(
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
        )

    def _continuation_from_storage(self, req: ContinueStream) -> tuple[Call, str, str, str, str, int, dict[str, str]]:
        reply = self.bus.request("storage", GetMessage(message_id=req.message_id))
        message = reply.message
        if message.role != "assistant":
            raise InvalidRequest("Only an answer (an assistant message) can be continued.", message_id=message.id)
        if message.status in ("complete", "streaming"):
            if message.status == "streaming":
                raise InvalidRequest("That answer is still streaming.", message_id=message.id)
            raise InvalidRequest("That answer is complete; there is nothing to continue.", message_id=message.id)
        listing: MessageList = self.bus.request("storage", ListMessages(project_id=message.project_id))
        history: list[ChatTurn] = []
        for m in listing.messages:
            if m.id == message.id:
                break
            if m.role in ("user", "assistant") and m.content:
                history.append(ChatTurn(role=m.role, content=m.content))
        turns, trimmed = continuation_messages(history, message.content)
        provider = self._provider("")
        system = ""
        if message.agent:
            system = self._system_for_agent(message.agent)
        call = self.make_call(
            provider=provider,
            base_url="",
            model=req.model or message.model,
            messages=turns,
            system=system,
            max_tokens=req.max_tokens or 8192,
            temperature=None,
        )
        # an answer by an agent is a generation's: its files are saved when the continuation ends
        return (
            call,
            message.content,
            trimmed,
            message.project_id,
            message.id,
            max(message.last_seq, 0),
            {"agent": message.agent, "generation": "1"} if message.agent else {},
        )

    def _system_for_agent(self, agent: str) -> str:
        try:
            from vibing.services.stream import generate

            return generate.system_prompt_for(self, agent)
        except Exception as exc:  # no agent service, or no such agent: continue without it
            self.log.warning("stream.continue_without_agent", agent=agent, error=str(exc))
            return ""

    @handles(ListModels)
    def list_models(self, req: ListModels) -> ModelList:
        provider = self._provider(req.provider)
        if provider == "anthropic":
            return ModelList(models=costs.catalogue(), default=self.config.default_model)
        if provider == "local":
            from vibing.schema.model import ListLocalModels

            local = self.bus.request("model", ListLocalModels())
            return ModelList(
                models=[
                    ModelInfo(id=m.name, name=m.label or m.name, provider="local", context_window=m.context_length)
                    for m in local.models
                ],
                default=local.default,
            )
        base_url = self._base_url(provider, req.base_url)
        api_key, _ = self._key(provider)
        try:
            names = self.runner.call(self.runner.providers["openai"].list_models(base_url, api_key), timeout=8.0)
        except Failure as failure:
            raise failure.error from None
        except Exception as exc:
            failure = failures.from_exception(exc, base_url=base_url, provider=provider, delivered=False)
            raise failure.error from None
        return ModelList(
            models=[ModelInfo(id=n, name=n, provider="openai") for n in names if n], default=self.config.openai_model
        )

    @handles(CheckKey)
    def check_key(self, req: CheckKey) -> KeyCheck:
        provider = self._provider(req.provider)
        base_url = self._base_url(provider, req.base_url)
        if provider in ("openai", "local"):
            try:
                self.list_models(ListModels(provider=provider, base_url=base_url))
            except VibingError as exc:
                return KeyCheck(ok=False, code=type(exc).__name__, message=exc.message, provider=provider)
            return KeyCheck(ok=True, message=f"The model server at {base_url} answers.", provider=provider)
        try:
            key, source = self._key(provider, req.key.strip())
        except NoApiKey as exc:
            return KeyCheck(ok=False, code="NoApiKey", message=exc.message, provider=provider)
        try:
            status, request_id, body, headers = self.runner.call(
                self.runner.providers["anthropic"].check_key(base_url, key), timeout=10.0
            )
        except Exception as exc:
            failure = failures.from_exception(exc, base_url=base_url, provider=provider, delivered=False)
            return KeyCheck(
                ok=False, code=failure.code, message=failure.error.message, provider=provider, source=source
            )
        shown = keys.describe(key)
        if status == 200:
            return KeyCheck(
                ok=True,
                message=f"The API key {shown} from the {source} works.",
                provider=provider,
                source=source,
                request_id=request_id,
                status=status,
            )
        error = failures.from_response(status, headers, body, provider=provider, model="", retry_after_s=None)
        return KeyCheck(
            ok=False,
            code=type(error).__name__,
            message=error.message,
            provider=provider,
            source=source,
            request_id=request_id,
            status=status,
        )

    @handles(RunWorkflow)
    def run_workflow(self, req: RunWorkflow) -> WorkflowStarted:
        from vibing.services.stream.workflow import WorkflowRun

        if not req.brief.strip():
            raise InvalidRequest("Say what the workflow is for: the brief is empty.")
        run_id = req.run_id or f"wf-{os.urandom(5).hex()}"
        run, started = WorkflowRun.start(self, req, run_id)
        self.workflows[run_id] = run
        return started

    @handles(StopWorkflow)
    def stop_workflow(self, req: StopWorkflow) -> None:
        run = self.workflows.get(req.run_id)
        if run is None:
            raise NotFound(f"No workflow run {req.run_id!r} is going on.")
        run.stop()

    @handles(SetKey)
    def set_key(self, req: SetKey) -> KeyCheck:
        """Settings' "Save to keychain": the key goes to the OS keychain, never to a file or a log."""
        backend = keys.set_key(req.key)  # KeychainError / NoApiKey reach the window as themselves
        message = f"Saved {keys.describe(req.key.strip())} to the keychain ({backend})."
        if os.environ.get("ANTHROPIC_API_KEY"):
            message += " Note: ANTHROPIC_API_KEY in the environment still takes precedence."
        self.log.info("key.saved", backend=backend)
        return KeyCheck(ok=True, message=message, provider="anthropic", source="keychain")

    @handles(SuggestTitle)
    def suggest_title(self, req: SuggestTitle) -> TitleSuggestion:
        fallback = title.fallback_title(req.prompt)
        if not req.prompt.strip():
            return TitleSuggestion(title=fallback, source="fallback", message="The prompt is empty.")
        try:
            provider = self._provider(req.provider)
            if provider == "local":
                return TitleSuggestion(title=fallback, source="fallback", message="Local models name no projects.")
            model = req.model or (costs.CHEAPEST if provider == "anthropic" else "")
            call = self.make_call(
                provider=provider,
                base_url="",
                model=model,
                messages=[ChatTurn(role="user", content=req.prompt[:2000])],
                system=title.TITLE_SYSTEM,
                max_tokens=24,
                temperature=0.3,
            )
            self.rpm.acquire()
            text, usage = self.runner.call(
                self.runner.providers[call.provider].complete(call, timeout=6.0), timeout=7.0
            )
        except Failure as failure:
            return TitleSuggestion(title=fallback, source="fallback", message=failure.error.message)
        except VibingError as exc:
            return TitleSuggestion(title=fallback, source="fallback", message=exc.message)
        except Exception as exc:  # offline, timeout: the words of the prompt will do
            return TitleSuggestion(title=fallback, source="fallback", message=f"{type(exc).__name__}: {exc}")
        suggested = title.clean_title(text)
        if req.project_id and (usage.get("input_tokens") or usage.get("output_tokens")):
            from vibing.schema.storage import RecordUsage
            from vibing.schema.stream import Usage

            u = Usage(input_tokens=int(usage.get("input_tokens", 0)), output_tokens=int(usage.get("output_tokens", 0)))
            try:
                self.bus.request(
                    "storage",
                    RecordUsage(
                        project_id=req.project_id,
                        model=call.model,
                        input_tokens=u.input_tokens,
                        output_tokens=u.output_tokens,
                        cost_usd=costs.cost_usd(call.model, u, call.provider),
                    ),
                    timeout=2.0,
                )
            except VibingError as exc:
                self.log.warning("stream.title_usage_not_recorded", error=exc.message)
        if not suggested:
            return TitleSuggestion(title=fallback, source="fallback", message="The model gave no title.")
        return TitleSuggestion(title=suggested, source="model")

    @handles(Generate)
    def generate(self, req: Generate) -> GenerationStarted:
        from vibing.services.stream import generate

        return generate.start(self, req)
