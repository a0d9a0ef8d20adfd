"""The stream service: the only process that talks to a model.

Handlers run on the worker thread and return at once; the streams themselves run
on one asyncio loop in a background thread (``runner.py``), the durable writer
on another (``durable.py``).  This class only wires those parts to the handlers:
how a stream is started is the launcher's (``launcher.py``), what is said to the
model the prompt builder's (``prompts.py``), where a key may go the credentials'
(``credentials.py``).  See ``schema/stream.py`` for the messages.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

import msgspec

from vibing import keys
from vibing.errors import BusError, InvalidRequest, NoApiKey, NotFound, VibingError
from vibing.schema.storage import FinishMessage, ListStreamingMessages, MessageList
from vibing.schema.stream import (
    ChatTurn,
    CheckKey,
    ContinueStream,
    Generate,
    GenerationStarted,
    KeyCheck,
    ListModels,
    ListStreams,
    ListWorkflowRuns,
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
    WorkflowRunList,
    WorkflowStarted,
)
from vibing.services.stream import budget, costs, failures, generate, spending, title
from vibing.services.stream.durable import DurableWriter
from vibing.services.stream.failures import Failure
from vibing.services.stream.launcher import Launcher
from vibing.services.stream.provider import Call
from vibing.services.stream.ratelimit import RequestsPerMinute
from vibing.services.stream.runner import Runner
from vibing.services.stream.workflow import WorkflowRun
from vibing.worker import Worker, handles


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
        self.launcher = Launcher(
            config=cfg,
            bus=self.bus,
            publish=self.publish,
            runner=self.runner,
            durable=self.durable,
            rpm=self.rpm,
            log=self.log,
        )
        self.launcher.continuation_setup = generate.continuation_setup
        self.launcher.prepare_continuation = self._prepare_continuation
        self.workflows: dict[str, WorkflowRun] = {}
        self.recovered: list[str] = []
        self._recovery = threading.Thread(target=self._recover_interrupted, name="stream-recover", daemon=True)
        self._recovery.start()

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

    # -- the local engine --------------------------------------------------------------

    def _resolve_local(self, model: str) -> tuple[str, str, str]:
        """The local engine's URL, model id and per-launch key from the model service (blocking; off the loop)."""
        from vibing.local import ensure_local_model

        endpoint = ensure_local_model(self.bus, model)
        return endpoint.base_url, endpoint.model, endpoint.api_key

    def _prepare_continuation(
        self, call: Call, req: ContinueStream, project_id: str, base: Call | None
    ) -> tuple[Call, str]:
        """A continuation goes like a generation: fitted to its model's context (``budget.fit_continuation``: the
        request and the partial answer stay, older turns go first, with the recap), sent with prompt caching from
        the same stable prefix (the cut answer's system parts while this worker still knows it), and checked
        against the spending limits (``SpendingLimitReached`` unless ``req.over_limit_ok``).  -> (call, note)."""
        lim = budget.limits_for(self.config, call.provider, call.model, call.max_tokens)
        fitted = budget.fit_continuation(call.system, call.messages, lim, model=call.model)
        same = base is not None and base.system_parts and "\n\n".join(base.system_parts) == call.system
        parts = list(base.system_parts) if same and base is not None else [call.system] if call.system else []
        call = msgspec.structs.replace(
            call,
            messages=fitted.turns,
            system_parts=parts,
            max_tokens=min(call.max_tokens, fitted.max_tokens),
            cache=call.provider == "anthropic",
        )
        spending.check_call(
            self.bus, self.config, call, project_id=project_id, over_limit_ok=req.over_limit_ok, log=self.log
        )
        if fitted.note:
            self.log.info("stream.continuation_fitted", dropped_turns=fitted.dropped_turns, window=lim.window)
        return call, fitted.note

    # -- handlers ---------------------------------------------------------------------------

    @handles(StartStream)
    def start_stream(self, req: StartStream) -> StreamStarted:
        call = self.launcher.make_call(
            provider=req.provider,
            base_url=req.base_url,
            model=req.model,
            messages=req.messages,
            system=req.system,
            max_tokens=req.max_tokens,
            temperature=req.temperature,
            thinking_budget=req.thinking_budget,
            api_key=req.api_key,
        )
        run = self.launcher.start(
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
        return self.launcher.continue_stream(req)

    @handles(ListModels)
    def list_models(self, req: ListModels) -> ModelList:
        provider = self.launcher.provider(req.provider)
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
        base_url, api_key, _source = self.launcher.credentials.destination(provider, req.base_url, req.api_key)
        openai = self.runner.provider("openai")
        try:
            names = self.runner.call(openai.list_models(base_url, api_key), timeout=8.0)
        except Failure as failure:
            raise failure.error from None
        except Exception as exc:
            failure = failures.from_exception(exc, base_url=base_url, provider=provider, delivered=False)
            raise failure.error from None
        return ModelList(
            models=[
                ModelInfo(id=n, name=n, provider="openai", images=bool(getattr(self.config, "openai_images", False)))
                for n in names
                if n
            ],
            default=self.config.openai_model,
        )

    @handles(CheckKey)
    def check_key(self, req: CheckKey) -> KeyCheck:
        provider = self.launcher.provider(req.provider)
        if provider in ("openai", "local"):
            base_url = req.base_url or self.launcher.credentials.configured_url(provider)
            try:
                self.list_models(ListModels(provider=provider, base_url=req.base_url, api_key=req.key.strip()))
            except VibingError as exc:
                return KeyCheck(ok=False, code=type(exc).__name__, message=exc.message, provider=provider)
            return KeyCheck(ok=True, message=f"The model server at {base_url} answers.", provider=provider)
        try:
            base_url, key, source = self.launcher.credentials.destination(provider, req.base_url, req.key.strip())
        except NoApiKey as exc:  # none, or KeyWithheld: the stored key does not go to that address
            return KeyCheck(ok=False, code=type(exc).__name__, message=exc.message, provider=provider)
        anthropic = self.runner.provider("anthropic")
        try:
            status, request_id, body, headers = self.runner.call(anthropic.check_key(base_url, key), timeout=10.0)
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
        if not req.brief.strip():
            raise InvalidRequest("Say what the workflow is for: the brief is empty.")
        run_id = req.run_id or f"wf-{os.urandom(5).hex()}"
        run, started = WorkflowRun.start(
            self.launcher, req, run_id, on_end=lambda ended: self.workflows.pop(ended.run_id, None)
        )
        self.workflows[run_id] = run
        return started

    @handles(ListWorkflowRuns)
    def list_workflow_runs(self, req: ListWorkflowRuns) -> WorkflowRunList:
        runs = [run.info() for run in list(self.workflows.values())]
        return WorkflowRunList(runs=[r for r in runs if not req.project_id or r.project_id == req.project_id])

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
            provider = self.launcher.provider(req.provider)
            if provider == "local":
                return TitleSuggestion(title=fallback, source="fallback", message="Local models name no projects.")
            model = req.model or (costs.CHEAPEST if provider == "anthropic" else "")
            call = self.launcher.make_call(
                provider=provider,
                base_url="",
                model=model,
                messages=[ChatTurn(role="user", content=req.prompt[:2000])],
                system=title.TITLE_SYSTEM,
                max_tokens=24,
                temperature=0.3,
            )
            # A few cents at most, never worth a question: over a hard limit the prompt's words make the title.
            spending.check_call(self.bus, self.config, call, project_id=req.project_id, log=self.log)
            self.rpm.acquire()
            text, usage = self.runner.call(self.runner.provider(call.provider).complete(call, timeout=6.0), timeout=7.0)
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
        warning = spending.check(self.bus, self.config, req, self.log)  # over a limit: SpendingLimitReached
        started = generate.start(self.launcher, req)
        started.spending_warning = warning
        return started
