"""Streams in flight: one asyncio loop in a thread, one httpx client, many streams.

A :class:`StreamRun` is one answer: it receives deltas from a provider
(``add``/``flush``), publishes them as :class:`TokenDelta` events with a gapless
``seq``, hands them to the durable writer, and keeps the text for snapshots.
The :class:`Runner` owns the loop, the client, the concurrency slots and the
retry loop; the worker's handlers call it from the worker thread.

The client is built by the loop's first callback, not before :meth:`Runner.start`
returns: importing httpx's transport (httpcore, h2, anyio: 67 modules) takes most
of the stream worker's start, and nothing needs the client before the first
request.  Whatever reaches the loop later finds the client built (or the typed
error saying why it could not be).
"""

from __future__ import annotations

import asyncio
import gc
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from vibing import log
from vibing.errors import Internal, ModelApiError, NotFound, VibingError
from vibing.schema.storage import FinishMessage
from vibing.schema.stream import (
    StreamDone,
    StreamFailed,
    StreamInfo,
    StreamSnapshot,
    StreamStatus,
    TokenDelta,
    Usage,
)
from vibing.services.stream import costs, retry, tls
from vibing.services.stream.anthropic import AnthropicProvider
from vibing.services.stream.failures import Failure, human_wait
from vibing.services.stream.openai import OpenAIProvider
from vibing.services.stream.provider import Call

logger = log.get("vibing.stream")

#: Finished streams kept in memory for snapshots and continuation.
_KEEP_FINISHED = 200
#: ... and at most this much of their text (the stored message has it all anyway).
_KEEP_CHARS = 8_000_000
_CONTINUABLE = {"stopped", "failed", "interrupted"}
#: How long a request from another thread waits for the client the loop is building (normally well under 1 s).
_OPEN_TIMEOUT_S = 30.0


def new_stream_id() -> str:
    return "s" + os.urandom(8).hex()


class StreamRun:
    """One streamed answer and everything known about it."""

    def __init__(
        self,
        runner: Runner,
        stream_id: str,
        call: Call,
        *,
        project_id: str = "",
        message_id: str = "",
        persist: bool = False,
        tags: dict[str, str] | None = None,
        prefix: str = "",
        seq0: int = 0,
        trim_ws: str = "",
    ) -> None:
        self.runner = runner
        self.stream_id = stream_id
        #: The durable writer's key for this stream's writes (unique even if a stream id is reused).
        self.session = f"{stream_id}#{os.urandom(4).hex()}"
        self.topic = f"token.{stream_id}"
        self.call = call
        self.project_id = project_id
        self.message_id = message_id
        self.persist = persist
        self.tags = tags or {}
        self.state = "queued"
        self.lock = threading.Lock()
        self.parts: list[str] = [prefix] if prefix else []
        self.offset = len(prefix)
        self.thinking_parts: list[str] = []
        self.seq = seq0
        self.chars = 0
        self.delivered = False
        self._pend: list[str] = []
        self._pend_thinking = False
        self._trim_ws = trim_ws
        self._usage = Usage()
        self.stop_reason_value = ""
        self.request_id = ""
        self.upstream_message_id = ""
        self.error_code = ""
        self.error_message = ""
        self.attempts = 0
        self.accepted = time.monotonic()
        self.accepted_wall = time.time()
        self.first_token_at = 0.0
        self.finished_at = 0.0
        self.task: asyncio.Task | None = None
        self.stop_requested = False
        self.stop_requested_by_user = False
        self.done = threading.Event()
        #: Called (on the loop) with this run when it ends, e.g. by a generation.
        self.on_finish: list[Callable[[StreamRun], None]] = []
        #: Called (on the loop) with each text delta, e.g. by the file-block parser.
        self.on_text: Callable[[str], None] | None = None
        self.on_first_token: Callable[[StreamRun], None] | None = None
        self.on_thinking: Callable[[], None] | None = None

    # -- the provider's sink (loop thread) ---------------------------------------------------

    def opened(self, request_id: str, headers: httpx.Headers) -> None:
        self.request_id = request_id

    def started(self, message_id: str, model: str) -> None:
        self.upstream_message_id = message_id

    def add(self, text: str, thinking: bool) -> None:
        if not text:
            return
        if self._pend and thinking != self._pend_thinking:
            self.flush()
        self._pend_thinking = thinking
        self._pend.append(text)

    def flush(self) -> None:
        pend = self._pend
        if not pend:
            return
        text = pend[0] if len(pend) == 1 else "".join(pend)
        self._pend = []
        thinking = self._pend_thinking
        if self._trim_ws and not thinking:
            text = self._trim_continuation(text)
            if not text:
                return
        with self.lock:
            self.seq += 1
            seq = self.seq
            if thinking:
                self.thinking_parts.append(text)
            else:
                self.parts.append(text)
                self.chars += len(text)
        if not self.delivered:
            self.delivered = True
            self.first_token_at = time.monotonic()
            self.state = "streaming"
            if self.on_first_token is not None:
                self.on_first_token(self)
        self.runner.publish(self.topic, TokenDelta(stream_id=self.stream_id, seq=seq, text=text, thinking=thinking))
        if thinking:
            if self.on_thinking is not None:
                self.on_thinking()
        else:
            if self.persist:
                self.runner.durable.append(self.session, text, seq)
            if self.on_text is not None:
                self.on_text(text)

    def _trim_continuation(self, text: str) -> str:
        """A continuation was sent without the partial text's trailing whitespace; do not repeat it."""
        ws = self._trim_ws
        self._trim_ws = ""
        lead = text[: len(text) - len(text.lstrip())]
        if lead.startswith(ws):
            return text[len(ws) :]
        if ws.startswith(lead):
            return text[len(lead) :]
        return text

    def usage(
        self, input_tokens: int | None, output_tokens: int | None, cache_creation: int | None, cache_read: int | None
    ) -> None:
        u = self.usage_value
        if input_tokens is not None:
            u.input_tokens = input_tokens
        if output_tokens is not None:
            u.output_tokens = output_tokens
        if cache_creation is not None:
            u.cache_creation_input_tokens = cache_creation
        if cache_read is not None:
            u.cache_read_input_tokens = cache_read

    @property
    def usage_value(self) -> Usage:
        return self._usage

    def stop_reason(self, reason: str) -> None:
        self.stop_reason_value = reason

    # -- views -------------------------------------------------------------------------------

    def text(self) -> str:
        with self.lock:
            return "".join(self.parts)

    def snapshot(self) -> StreamSnapshot:
        with self.lock:
            text = "".join(self.parts)
            thinking = "".join(self.thinking_parts)
            seq = self.seq
        return StreamSnapshot(
            stream_id=self.stream_id,
            state=self.state,
            text=text,
            thinking=thinking,
            seq=seq,
            project_id=self.project_id,
            message_id=self.message_id,
            model=self.call.model,
            provider=self.call.provider,
            stop_reason=self.stop_reason_value,
            usage=self.usage_value,
            error_code=self.error_code,
            error_message=self.error_message,
            offset=self.offset,
        )

    def info(self) -> StreamInfo:
        return StreamInfo(
            stream_id=self.stream_id,
            state=self.state,
            project_id=self.project_id,
            message_id=self.message_id,
            model=self.call.model,
            provider=self.call.provider,
            seq=self.seq,
            chars=self.chars,
            started_at=self.accepted_wall,
            tags=dict(self.tags),
        )

    @property
    def active(self) -> bool:
        return self.state in ("queued", "connecting", "retrying", "streaming")

    @property
    def ttft_ms(self) -> float:
        return round((self.first_token_at - self.accepted) * 1000, 3) if self.first_token_at else 0.0

    @property
    def duration_ms(self) -> float:
        end = self.finished_at or time.monotonic()
        return round((end - self.accepted) * 1000, 3)


class Runner:
    """The asyncio side of the stream service."""

    def __init__(
        self,
        *,
        publish: Callable[[str, Any], None],
        durable: Any,
        max_concurrent: int = 4,
        max_retries: int = 2,
        read_timeout_s: float = 120.0,
        resolve_local: Callable[[str], tuple[str, str, str]] | None = None,
        meter: Any = None,
    ) -> None:
        self.publish = publish
        #: vibing.meter.Meter (thread-safe): per-stream figures, recorded when a stream ends (never per token).
        self.meter = meter
        #: For provider "local": model name -> (OpenAI-compatible base URL, model id, the engine's key); blocking.
        self.resolve_local = resolve_local
        self.durable = durable
        self.max_concurrent = max(1, max_concurrent)
        self.max_retries = max_retries
        self.read_timeout_s = read_timeout_s
        self.streams: dict[str, StreamRun] = {}
        self._finished: list[str] = []
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run_loop, name="stream-loop", daemon=True)
        self.client: httpx.AsyncClient | None = None
        self.providers: dict[str, Any] = {}
        #: Set once the loop has built the client, or failed to (then ``_open_error`` says why).
        self._opened = threading.Event()
        self._open_error = ""
        # The loop's first callback, queued before anything else can be: every stream and every call sent to the
        # loop later runs after the client is built.
        self.loop.call_soon_threadsafe(self._open)
        self._slots = asyncio.Semaphore(self.max_concurrent)
        self.completed = 0
        self.failed = 0
        self._kept_chars = 0
        #: Set when the service stops: streams cut by it are stored as interrupted (continuable), not stopped.
        self.shutting_down = False

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Start the loop; returns at once, while the loop builds the client (see the module's docstring)."""
        self._thread.start()

    def _run_loop(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_forever()
        finally:
            if self.client is not None:
                self.loop.run_until_complete(self.client.aclose())
            self.loop.close()

    def _open(self) -> None:
        """Build the shared client and the providers on it (the loop's first callback)."""
        try:
            from vibing.services.stream import h2fix

            h2fix.install()  # a stopped stream is reset over HTTP/2 as well (httpcore does not do it)
            self.client = httpx.AsyncClient(
                http2=True,
                verify=tls.context(),
                timeout=httpx.Timeout(connect=10.0, read=self.read_timeout_s, write=30.0, pool=None),
                limits=httpx.Limits(max_connections=64, max_keepalive_connections=16, keepalive_expiry=60.0),
                follow_redirects=False,
            )
            self.providers = {"anthropic": AnthropicProvider(self.client), "openai": OpenAIProvider(self.client)}
            # The client and the ~4,000 objects of the modules it imported live as long as the worker: keep them
            # out of the collector's full passes (measured: 0.6-1 ms less per full collection, so fewer pauses
            # between two tokens; the freeze itself takes 0.01 ms).
            gc.freeze()
        except Exception as exc:  # a bad CA file, a missing package: every request says so instead of hanging
            logger.exception("stream.client_failed")
            self._open_error = f"The stream service could not set up its HTTP client: {type(exc).__name__}: {exc}"
        finally:
            self._opened.set()

    def provider(self, name: str) -> Any:
        """The provider ``name`` on the shared client, from any thread; raises ``Internal`` if there is no client.

        On the loop the client is always built already (:meth:`_open` runs first); another thread waits for it.
        """
        if not self._opened.wait(_OPEN_TIMEOUT_S):
            raise Internal(f"The stream service's HTTP client is not ready after {_OPEN_TIMEOUT_S:.0f} s.")
        if self._open_error:
            raise Internal(self._open_error)
        return self.providers[name]

    def stop(self, timeout: float = 3.0) -> None:
        """Stop every stream (kept as stopped), close the client, end the loop."""
        if not self._thread.is_alive():
            return
        self.shutting_down = True
        try:
            self.call(self._stop_all(), timeout=timeout)
        except Exception:
            logger.exception("stream.stop_all_failed")
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=timeout)

    async def _stop_all(self) -> None:
        for run in list(self.streams.values()):
            if run.active:
                await self._stop(run)

    def call(self, coro: Any, timeout: float = 10.0) -> Any:
        """Run ``coro`` on the loop from another thread and wait for its result."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    # -- starting, stopping ----------------------------------------------------------------

    def launch(self, run: StreamRun) -> None:
        """Register ``run`` and start it on the loop (returns at once)."""
        if run.stream_id in self.streams and self.streams[run.stream_id].active:
            from vibing.errors import Conflict

            raise Conflict(f"A stream with id {run.stream_id} is already running.", stream_id=run.stream_id)
        self.streams[run.stream_id] = run
        self.loop.call_soon_threadsafe(self._create_task, run)

    def _create_task(self, run: StreamRun) -> None:
        run.task = self.loop.create_task(self._run(run), name=f"stream-{run.stream_id}")

    def get(self, stream_id: str) -> StreamRun:
        run = self.streams.get(stream_id)
        if run is None:
            raise NotFound(
                f"No stream {stream_id} is known to the stream service (it may have ended long ago or "
                f"before a restart).",
                stream_id=stream_id,
            )
        return run

    def stop_stream(self, stream_id: str, timeout: float = 5.0) -> StreamSnapshot:
        run = self.get(stream_id)
        run.stop_requested_by_user = True
        if run.active:
            self.call(self._stop(run), timeout=timeout)
        return run.snapshot()

    async def _stop(self, run: StreamRun) -> None:
        run.stop_requested = True
        task = run.task
        if task is None:
            # Not scheduled yet (call_soon pending): let it start, then cancel.
            await asyncio.sleep(0)
            task = run.task
        if task is not None and not task.done():
            task.cancel()
            await asyncio.wait([task], timeout=3.0)

    # -- one stream ----------------------------------------------------------------------

    async def _run(self, run: StreamRun) -> None:
        failure: Failure | None = None
        cancelled = False
        try:
            if self._slots.locked():
                self._status(run, "queued", f"Waiting: {self.max_concurrent} answers are already streaming.")
            async with self._slots:
                await self._attempts(run)
        except asyncio.CancelledError:
            cancelled = True
        except Failure as failed:
            failure = failed
        except Exception as exc:  # a bug: report it as a failed stream, keep the loop
            logger.exception("stream.crashed", stream_id=run.stream_id)
            failure = Failure(
                Internal(f"The stream service failed: {type(exc).__name__}: {exc}"),  # type: ignore[arg-type]
                retryable=False,
            )
        if failure is not None:
            self._finish(run, self._failed_end, failure)
        elif cancelled:
            self._finish(run, self._stopped_end)
        else:
            self._finish(run, self._done_end)

    async def _attempts(self, run: StreamRun) -> None:
        # A local run stays "local": the engine is looked up before every attempt (and every continuation),
        # so an engine that died is started again instead of retried at its dead port.
        wanted = run.call.model if run.call.provider == "local" else None
        retries = 0
        while True:
            call = run.call if wanted is None else await self._resolve_local(run, wanted)
            try:
                provider = self.provider(call.provider)
            except VibingError as exc:
                raise Failure(exc, retryable=False) from None  # type: ignore[arg-type]
            run.attempts += 1
            run.state = "connecting"
            if run.attempts == 1:
                self._status(run, "connecting")
            try:
                await provider.stream(call, run)
                return
            except Failure as failure:
                run.flush()
                if failure.after_tokens or run.delivered:
                    raise
                if not failure.retryable:
                    raise
                decision = retry.decide(
                    failure.status or None,
                    failure.headers,
                    retries,
                    self.max_retries,
                    delivered=run.delivered,
                    connection_error=failure.status in (0, 200) and failure.headers is None,
                )
                if decision.retry_after_s is not None and decision.retry_after_s > 0:
                    failure.error.details["retry_after_s"] = round(decision.retry_after_s, 3)
                if not decision.retry:
                    failure.error.details["retry_decision"] = decision.reason
                    raise
                retries += 1
                run.state = "retrying"
                self._status(
                    run,
                    "retrying",
                    f"{failure.error.message} Retrying in {human_wait(decision.wait_s)} "
                    f"(attempt {retries + 1} of {self.max_retries + 1}).",
                    attempt=retries + 1,
                    wait_s=decision.wait_s,
                    request_id=failure.request_id,
                )
                logger.info(
                    "stream.retry",
                    stream_id=run.stream_id,
                    code=failure.code,
                    status=failure.status,
                    wait_s=round(decision.wait_s, 3),
                    reason=decision.reason,
                    attempt=retries + 1,
                )
                await asyncio.sleep(decision.wait_s)

    async def _resolve_local(self, run: StreamRun, wanted: str) -> Call:
        """The call aimed at the local engine (the model service starts it if needed)."""
        import msgspec

        if self.resolve_local is None:
            raise Failure(NotFound("Local models are not available in this process."), retryable=False)  # type: ignore[arg-type]
        run.state = "connecting"
        self._status(run, "connecting", f"Starting the local model {wanted or '(default)'}…")
        try:
            base_url, model, api_key = await asyncio.to_thread(self.resolve_local, wanted)
        except VibingError as exc:
            raise Failure(exc, retryable=False) from None  # type: ignore[arg-type]
        run.call.model = model  # the engine's model id, recorded with the answer
        return msgspec.structs.replace(run.call, provider="openai", base_url=base_url, model=model, api_key=api_key)

    def _status(self, run: StreamRun, state: str, message: str = "", **extra: Any) -> None:
        self.publish(
            "stream.status",
            StreamStatus(stream_id=run.stream_id, state=state, message=message, project_id=run.project_id, **extra),
        )

    def _cost(self, run: StreamRun) -> float:
        return costs.cost_usd(run.call.model, run.usage_value, run.call.provider)

    def _persist_end(self, run: StreamRun, status: str, error: str = "") -> None:
        """Queue the message's end; a continuation's usage goes in its own row (storage keeps one per finish)."""
        u = run.usage_value
        cost = self._cost(run)
        if run.offset > 0:
            from vibing.schema.storage import RecordUsage

            after = (
                [
                    RecordUsage(
                        project_id=run.project_id,
                        model=run.call.model,
                        input_tokens=u.input_tokens,
                        output_tokens=u.output_tokens,
                        cost_usd=cost,
                        message_id=run.message_id,
                        cache_creation_input_tokens=u.cache_creation_input_tokens,
                        cache_read_input_tokens=u.cache_read_input_tokens,
                    )
                ]
                if (u.input_tokens or u.output_tokens)
                else []
            )
            self.durable.finish(
                run.session,
                FinishMessage(message_id=run.message_id, status=status, seq=run.seq, model=run.call.model, error=error),
                after,
            )
            return
        self.durable.finish(
            run.session,
            FinishMessage(
                message_id=run.message_id,
                status=status,
                seq=run.seq,
                input_tokens=u.input_tokens,
                output_tokens=u.output_tokens,
                model=run.call.model,
                cost_usd=cost,
                error=error,
                cache_creation_input_tokens=u.cache_creation_input_tokens,
                cache_read_input_tokens=u.cache_read_input_tokens,
            ),
        )

    def _measure(self, run: StreamRun, outcome: str, code: str = "") -> None:
        meter = self.meter
        if meter is None:
            return
        provider = run.call.provider
        labels = {"provider": provider, "outcome": outcome}
        if code:
            labels["code"] = code
        meter.inc("vibing_stream_finished_total", **labels)
        if run.first_token_at:
            meter.observe("vibing_stream_ttft_seconds", run.first_token_at - run.accepted, provider=provider)
        meter.observe(
            "vibing_stream_duration_seconds", (run.finished_at or time.monotonic()) - run.accepted, provider=provider
        )
        u = run.usage_value
        if u.input_tokens:
            meter.inc("vibing_stream_tokens_total", u.input_tokens, provider=provider, kind="input")
        if u.output_tokens:
            meter.inc("vibing_stream_tokens_total", u.output_tokens, provider=provider, kind="output")
        if u.cache_read_input_tokens:  # prompt caching: billed at 0.1x (reads) and 1.25x (writes) of input
            meter.inc("vibing_stream_tokens_total", u.cache_read_input_tokens, provider=provider, kind="cache_read")
        if u.cache_creation_input_tokens:
            meter.inc(
                "vibing_stream_tokens_total", u.cache_creation_input_tokens, provider=provider, kind="cache_write"
            )
        if run.attempts > 1:
            meter.inc("vibing_stream_retries_total", run.attempts - 1, provider=provider)
        cost = self._cost(run)
        if cost:
            meter.inc("vibing_stream_cost_usd_total", cost, provider=provider)
        meter.set("vibing_streams_active", self.active_count())

    # -- the end of a stream: one path, three outcomes -----------------------------------

    def _finish(self, run: StreamRun, outcome: Callable[..., _End], *args: Any) -> None:
        """The one end of every stream (on the loop): the last tokens out, the stored message closed with its
        usage, the metrics, the end event, a log line, then the run retired.  ``outcome`` says only what
        differs between done, stopped and failed (:meth:`_done_end`, :meth:`_stopped_end`, :meth:`_failed_end`)."""
        try:
            run.flush()
            run.finished_at = time.monotonic()
            end = outcome(run, *args)
            run.state = end.state
            run.stop_reason_value = end.stop_reason or run.stop_reason_value
            if run.persist:
                self._persist_end(run, end.stored_status, end.stored_error)
            self.publish(end.topic, end.event)
            self._measure(run, end.state, end.code)
            getattr(logger, end.log_level)(
                end.log_event, stream_id=run.stream_id, seq=run.seq, chars=run.chars, **end.log
            )
        finally:
            self._retire(run)

    def _done_end(self, run: StreamRun) -> _End:
        self.completed += 1
        reason = run.stop_reason_value or "end_turn"
        cut = reason == "max_tokens"
        return _End(
            state="done",
            stop_reason=reason,
            stored_status="stopped" if cut else "complete",
            stored_error="The answer reached the max_tokens limit." if cut else "",
            topic="stream.done",
            event=StreamDone(**self._end_fields(run), stop_reason=reason, ttft_ms=run.ttft_ms, can_continue=cut),
            log_event="stream.done",
            log=dict(
                stop_reason=reason,
                ttft_ms=run.ttft_ms,
                duration_ms=run.duration_ms,
                input_tokens=run.usage_value.input_tokens,
                output_tokens=run.usage_value.output_tokens,
                request_id=run.request_id,
            ),
        )

    def _stopped_end(self, run: StreamRun) -> _End:
        cut_by_shutdown = self.shutting_down and not run.stop_requested_by_user
        return _End(
            state="stopped",
            stop_reason="stopped",
            stored_status="interrupted" if cut_by_shutdown else "stopped",
            stored_error="The app stopped during the answer; continue it to finish." if cut_by_shutdown else "",
            topic="stream.done",
            event=StreamDone(
                **self._end_fields(run),
                stop_reason="stopped",
                ttft_ms=run.ttft_ms,
                stopped=True,
                can_continue=run.chars > 0 or run.offset > 0,
            ),
            log_event="stream.stopped",
        )

    def _failed_end(self, run: StreamRun, failure: Failure) -> _End:
        self.failed += 1
        error = failure.error
        run.error_code = type(error).__name__
        run.error_message = error.message
        details = {k: v for k, v in error.details.items() if isinstance(v, (str, int, float, bool))}
        request_id = failure.request_id or run.request_id or str(details.get("request_id", ""))
        can_continue = run.chars > 0 or run.offset > 0
        return _End(
            state="failed",
            stored_status="interrupted" if can_continue else "error",
            stored_error=error.message,
            topic="stream.error",
            event=StreamFailed(
                stream_id=run.stream_id,
                code=run.error_code,
                message=error.message,
                request_id=request_id,
                status=failure.status,
                retryable=isinstance(error, ModelApiError) and error.retryable,
                retry_after_s=float(details.get("retry_after_s", 0.0) or 0.0),
                attempts=run.attempts,
                seq=run.seq,
                chars=run.chars,
                can_continue=can_continue,
                project_id=run.project_id,
                message_id=run.message_id,
                details=details,
                tags=run.tags,
            ),
            code=run.error_code,
            log_level="warning",
            log_event="stream.failed",
            log=dict(code=run.error_code, status=failure.status, request_id=request_id, attempts=run.attempts),
        )

    def _end_fields(self, run: StreamRun) -> dict[str, Any]:
        """What every :class:`StreamDone` says, whatever the outcome."""
        return dict(
            stream_id=run.stream_id,
            usage=run.usage_value,
            duration_ms=run.duration_ms,
            cost_usd=self._cost(run),
            model=run.call.model,
            provider=run.call.provider,
            seq=run.seq,
            chars=run.chars,
            project_id=run.project_id,
            message_id=run.message_id,
            request_id=run.request_id,
            tags=run.tags,
        )

    def _retire(self, run: StreamRun) -> None:
        run.done.set()
        for callback in run.on_finish:
            try:
                callback(run)
            except Exception:
                logger.exception("stream.finish_callback_failed", stream_id=run.stream_id)
        self._finished.append(run.stream_id)
        self._kept_chars += run.chars + run.offset
        while self._finished and (len(self._finished) > _KEEP_FINISHED or self._kept_chars > _KEEP_CHARS):
            old = self._finished.pop(0)
            stale = self.streams.get(old)
            if stale is not None and not stale.active:
                self._kept_chars -= stale.chars + stale.offset
                del self.streams[old]

    # -- views ---------------------------------------------------------------------------

    def active_count(self) -> int:
        return sum(1 for r in list(self.streams.values()) if r.active)

    def list(self, active_only: bool = False) -> list[StreamInfo]:
        return [r.info() for r in list(self.streams.values()) if r.active or not active_only]


@dataclass
class _End:
    """How one outcome ends a stream: what :meth:`Runner._finish` stores, publishes and logs."""

    state: str  # done | stopped | failed
    stored_status: str  # the stored message's status: complete | stopped | interrupted | error
    topic: str
    event: Any
    log_event: str
    stored_error: str = ""
    stop_reason: str = ""
    code: str = ""  # the error class of a failure (a metric label)
    log_level: str = "info"
    log: dict[str, Any] = field(default_factory=dict)


__all__ = ["Runner", "StreamRun", "Call", "new_stream_id", "_CONTINUABLE"]
