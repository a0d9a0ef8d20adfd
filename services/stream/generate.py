"""The main job: prompt -> agent -> streamed answer -> files saved as one checkpoint, with progress.

``Generate`` is handled here for the shell and ``vibing generate`` alike (both are thin clients):

1. the project (its provider/model, and for a follow-up its conversation and current files) is read from
   storage; the agent is the one asked for, or auto-selected by the agent service (with its reason);
2. the system prompt is the agent's body plus Vibing's output format, then the current files; with the
   conversation, it is fitted to the model's context (``budget.py``: older turns, then unnamed large files, are
   left out, and the progress events carry a note saying so) and ordered for prompt caching;
3. the answer streams like any other (``token.<stream_id>``, persisted through the durable writer, the
   user's prompt stored first); a :class:`FileBlockParser` watches the text and publishes
   ``writing <file> (+N lines)`` progress and a ``generate.file`` event as each block completes (path and
   line count only: the text already went out as tokens; clients read a saved file from storage);
4. at the end the files go to storage in one ``ApplyFiles`` (one checkpoint labelled with the message);
   ``generate.done`` says what was saved, tokens, time and cost.

The per-token work added here is one ``str.split`` check (``FileBlockParser.feed``); progress events are
throttled; storage calls happen on a helper thread, never on the streaming loop.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import msgspec

from vibing.errors import BusError, InvalidRequest, NotFound, VibingError
from vibing.schema.agent import GetAgent, SelectAgents
from vibing.schema.storage import ApplyFiles, FileWrite, GetProject, LoadProject
from vibing.schema.stream import (
    ChatTurn,
    ContentBlock,
    ElementBlock,
    Generate,
    GenerationDone,
    GenerationFile,
    GenerationProgress,
    GenerationStarted,
    TextBlock,
)
from vibing.services.stream import costs, fitting, images, prompts, turns
from vibing.services.stream.files import FileBlock, FileBlockParser
from vibing.services.stream.launcher import Launcher
from vibing.services.stream.provider import Call
from vibing.services.stream.runner import StreamRun, new_stream_id

_PROGRESS_EVERY_S = 0.15


class Generation:
    def __init__(self, launcher: Launcher, req: Generate, stream_id: str) -> None:
        self.launcher = launcher
        self.req = req
        self.stream_id = stream_id
        self.project_id = req.project_id
        self.agent = ""
        self.agent_reason = ""
        self.agent_confidence = 0.0
        self.parser = FileBlockParser()
        self.parser.on_open = self._on_open
        self.parser.on_close = self._on_close
        self._last_progress = 0.0
        self._thinking_told = False
        self._generating_told = False
        self.context_used = 0.0
        #: What was left out to fit the model's context (``budget.Fitted.note``), told on every progress event.
        self.note = ""
        #: The earlier user messages whose images this request sends again (``images.follow_up``), told likewise.
        self.resent: list[str] = []
        self.run: StreamRun | None = None

    # -- events -------------------------------------------------------------------------

    def progress(self, phase: str, message: str = "", **kw: Any) -> None:
        self.launcher.publish(
            "generate.progress",
            GenerationProgress(
                stream_id=self.stream_id,
                project_id=self.project_id,
                phase=phase,
                message=message,
                agent=self.agent,
                context_used=round(self.context_used, 4),
                note=self.note,
                resent_image_turns=self.resent,
                **kw,
            ),
        )

    def _on_open(self, path: str, lang: str) -> None:
        self.progress("writing", f"writing {path}", file=path, lines=0, output_tokens=self._tokens())
        self._last_progress = time.monotonic()

    def _on_close(self, block: FileBlock) -> None:
        self.launcher.publish(
            "generate.file",
            GenerationFile(
                stream_id=self.stream_id,
                project_id=self.project_id,
                path=block.path,
                lines=block.lines,
                chars=len(block.content),
                language=block.lang,
            ),
        )
        self.progress(
            "writing",
            f"writing {block.path} (+{block.lines} lines)",
            file=block.path,
            lines=block.lines,
            output_tokens=self._tokens(),
        )

    def _tokens(self) -> int:
        return self.run.usage_value.output_tokens if self.run is not None else 0

    def on_text(self, text: str) -> None:
        """Per token (on the loop): feed the parser; a throttled progress line."""
        if not self._generating_told:
            self._generating_told = True
            self.progress("generating", "generating")
        self.parser.feed(text)
        now = time.monotonic()
        if now - self._last_progress >= _PROGRESS_EVERY_S:
            self._last_progress = now
            current = self.parser.current
            if current is not None:
                path, lines = current
                self.progress(
                    "writing", f"writing {path} (+{lines} lines)", file=path, lines=lines, output_tokens=self._tokens()
                )
            else:
                self.progress("generating", "generating", output_tokens=self._tokens())

    def on_thinking(self) -> None:
        if not self._thinking_told:
            self._thinking_told = True
            self.progress("thinking", "thinking")

    # -- the end ---------------------------------------------------------------------------

    def on_finish(self, run: StreamRun) -> None:
        """On the loop: hand the saving to a thread (storage calls block)."""
        threading.Thread(target=self._finish, args=(run,), name=f"generate-{self.stream_id}", daemon=True).start()

    def _finish(self, run: StreamRun) -> None:
        ok_end = run.state == "done" and run.stop_reason_value in ("end_turn", "stop_sequence")
        files = self.parser.finish(complete=ok_end)
        incomplete = [] if ok_end else [p for p in ([self.parser.current[0]] if self.parser.current else [])]
        usage = run.usage_value
        cost = costs.cost_usd(run.call.model, usage, run.call.provider)
        window = costs.context_window(run.call.model)
        if window and usage.input_tokens:
            self.context_used = min(
                1.0,
                (
                    usage.input_tokens
                    + usage.cache_read_input_tokens
                    + usage.cache_creation_input_tokens
                    + usage.output_tokens
                )
                / window,
            )
        base = dict(
            stream_id=self.stream_id,
            project_id=self.project_id,
            usage=usage,
            duration_ms=run.duration_ms,
            cost_usd=cost,
            agent=self.agent,
            stop_reason=run.stop_reason_value or run.state,
        )
        if run.state == "failed":
            self.progress("error", run.error_message)
        checkpoint_id = ""
        saved: list[str] = []
        message = ""
        if files:
            self.progress("saving", f"saving {len(files)} file{'s' if len(files) != 1 else ''}")
            try:
                self.launcher.durable.flush(10.0)  # the assistant message exists before the checkpoint names it
                reply = self.launcher.bus.request(
                    "storage",
                    ApplyFiles(
                        project_id=self.project_id,
                        message_id=run.message_id,
                        files=[FileWrite(path=f.path, content=f.content) for f in files],
                        label=f"Generation by {self.agent or 'the assistant'}: {self.req.prompt[:60]}",
                    ),
                    timeout=15.0,
                )
                checkpoint = getattr(reply, "checkpoint", None)
                checkpoint_id = str(checkpoint.id) if checkpoint is not None else ""
                saved = [f.path for f in files]
            except VibingError as exc:
                self.launcher.log.warning("generate.save_failed", stream_id=self.stream_id, error=exc.message)
                self.launcher.publish(
                    "generate.done",
                    GenerationDone(
                        ok=False,
                        message=f"The files could not be saved: {exc.message}",
                        error_code=type(exc).__name__,
                        **base,
                    ),
                )
                return
        prompt_in = usage.input_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens
        cached = f" ({usage.cache_read_input_tokens:,} from cache)" if usage.cache_read_input_tokens else ""
        tokens = f"{prompt_in:,} in{cached} / {usage.output_tokens:,} out tokens"
        took = f"{run.duration_ms / 1000:.1f} s"
        if saved:
            message = f"Saved {', '.join(saved)} ({tokens}, {took}, ${cost:.4f})."
        elif run.state == "done":
            message = f"The answer named no file to save ({tokens}, {took})."
        if self.parser.refused:
            message += " Refused unsafe paths: " + ", ".join(f"{p} ({why})" for p, why in self.parser.refused) + "."
        if incomplete:
            message += f" {incomplete[0]} was cut off and not saved; continue the answer to finish it."
        if run.state == "failed":
            self.launcher.publish(
                "generate.done",
                GenerationDone(
                    ok=False,
                    files=saved,
                    checkpoint_id=checkpoint_id,
                    error_code=run.error_code,
                    message=(run.error_message + (" " + message if message else "")).strip(),
                    **base,
                ),
            )
            return
        if run.state == "stopped":
            message = ("Stopped. " + message).strip()
        self.progress("done", message, output_tokens=usage.output_tokens)
        self.launcher.publish(
            "generate.done", GenerationDone(ok=True, files=saved, checkpoint_id=checkpoint_id, message=message, **base)
        )


def continuation_setup(launcher: Launcher, *, project_id: str, agent: str, prefix: str, stream_id: str, note: str = ""):
    """For continuing a generation: the file-block parser resumes from the partial text, and the files of
    the whole answer are saved (one checkpoint) when the continuation ends.  ``note``: what was left out to fit
    the model's context, told on the progress events as a generation's is."""
    gen = Generation(launcher, Generate(project_id=project_id, prompt="(continued)", agent=agent), stream_id)
    gen.agent = agent
    gen.note = note
    on_open, on_close = gen.parser.on_open, gen.parser.on_close
    gen.parser.on_open = gen.parser.on_close = None
    gen.parser.feed(prefix)  # the blocks already written (re-announced only when they close anew)
    gen.parser.on_open, gen.parser.on_close = on_open, on_close
    gen._generating_told = True

    def setup(run: StreamRun) -> None:
        gen.run = run
        run.on_text = gen.on_text
        run.on_finish.append(gen.on_finish)
        run.on_thinking = gen.on_thinking
        gen.progress("generating", "continuing")

    return setup


def _project_context(launcher: Launcher, req: Generate) -> tuple[Any, list[ChatTurn], dict[str, str], list[str]]:
    """(project info, history, files, agents of earlier turns): given in the request, else the stored project."""
    if req.history or req.files:
        project = launcher.bus.request("storage", GetProject(project_id=req.project_id), timeout=3.0).project
        return project, list(req.history), dict(req.files), []
    detail = launcher.bus.request("storage", LoadProject(project_id=req.project_id), timeout=5.0)
    agents = [m.agent for m in detail.messages if m.role == "assistant" and m.agent]
    return (
        detail.project,
        prompts.follow_up_turns(detail.messages),
        {f.path: f.content for f in detail.files},
        agents,
    )


def _with_earlier_images(launcher: Launcher, call: Call) -> tuple[Call, list[str]]:
    """``call`` with the bytes of the earlier images it sends again loaded from storage (only those the fitted
    conversation kept), and the ids of the messages they belong to."""

    earlier = call.messages[:-1]
    if any(not b.data for t in earlier for b in turns.images_of(t.content)):
        earlier = images.loaded(earlier, images.from_storage(launcher.bus))
    if any(turns.images_of(t.content) for t in earlier):
        call = msgspec.structs.replace(call, messages=images.within_request_cap([*earlier, call.messages[-1]]))
    resent = [t.message_id for t in call.messages[:-1] if t.role == "user" and turns.images_of(t.content)]
    return call, [r for r in resent if r]


def _pick_agent(
    launcher: Launcher, req: Generate, project_type: str, files: list[str], recent_agents: list[str]
) -> tuple[str, str, str, str, float]:
    """(name, reason, prompt, model hint, confidence); an unavailable agent service degrades to no agent.

    Auto-select is given the project's context (its files and the agents of its earlier turns), so that
    a follow-up ("make the buttons bigger") stays with the project's agent.
    """
    name, reason, confidence = req.agent, "chosen by you", 0.0
    try:
        if not name:
            selection = launcher.bus.request(
                "agent",
                SelectAgents(
                    prompt=req.prompt, project_type=project_type, files=files[:200], recent_agents=recent_agents[-20:]
                ),
                timeout=3.0,
            )
            name = selection.primary.name
            reason = selection.explanation or selection.primary.reason
            confidence = selection.confidence
        detail = launcher.bus.request("agent", GetAgent(name=name), timeout=3.0).agent
        return detail.name, reason, detail.prompt, detail.model, confidence
    except NotFound:
        if req.agent:
            raise
        return "", "", "", "", 0.0
    except BusError as exc:
        if req.agent:
            raise
        launcher.log.warning("generate.no_agent_service", error=exc.message)
        return "", "the agent service is unavailable; using the general web developer", "", "", 0.0


def start(launcher: Launcher, req: Generate) -> GenerationStarted:
    if not req.prompt.strip():
        raise InvalidRequest("Say what to build: the prompt is empty.")
    if not req.project_id:
        raise InvalidRequest("A generation needs a project (project_id).")
    stream_id = req.stream_id or new_stream_id()
    gen = Generation(launcher, req, stream_id)
    gen.progress("starting", "starting")
    try:
        return _start(launcher, req, gen)
    except VibingError as exc:  # refused before streaming: the progress display still gets an end
        gen.progress("error", exc.message)
        launcher.publish(
            "generate.done",
            GenerationDone(
                stream_id=stream_id,
                project_id=req.project_id,
                ok=False,
                message=exc.message,
                error_code=type(exc).__name__,
                agent=gen.agent,
            ),
        )
        raise


def _start(launcher: Launcher, req: Generate, gen: Generation) -> GenerationStarted:
    stream_id = gen.stream_id
    project, history, files, earlier_agents = _project_context(launcher, req)
    provider = req.provider or getattr(project, "provider", "") or ""
    gen.agent, gen.agent_reason, agent_prompt, agent_model, gen.agent_confidence = _pick_agent(
        launcher, req, project.project_type, sorted(files), earlier_agents
    )
    if gen.agent:
        # Auto-select's explanation names the agent already ("Picked game-developer: you asked for a game").
        named = gen.agent in gen.agent_reason
        gen.progress("selecting", gen.agent_reason if named else f"{gen.agent}: {gen.agent_reason}")
    model = req.model or getattr(project, "model", "") or ""
    if not model and agent_model and (provider or launcher.config.provider) == "anthropic":
        model = prompts.agent_model(agent_model)
    # images (issue 20): refused before anything is sent when the model takes none; checked by their bytes; of
    # the earlier turns, only the last two that carried images send them again
    resolved = launcher.provider(provider)
    takes_images = images.accepts(resolved, launcher.model(resolved, model), launcher.config)
    if req.images:
        images.require(resolved, launcher.model(resolved, model), launcher.config)
        req = msgspec.structs.replace(req, images=images.checked(req.images))
    history = images.follow_up(history)[0] if takes_images else images.without_any(history)
    from vibing.services.stream import elements  # picked elements: the model's turn gets them, storage a trace

    said: list[ContentBlock] = [TextBlock(text=req.prompt), *(ElementBlock(element=e) for e in req.elements)]
    turn = images.user_turn(said, req.images)
    req = elements.stored(req)
    call = launcher.make_call(
        provider=provider,
        base_url=req.base_url,
        model=model,
        messages=[*history, ChatTurn(role="user", content=turn)],  # checked here, fitted below
        system="",
        max_tokens=req.max_tokens,
        temperature=req.temperature,
        api_key=req.api_key,
    )
    call, fitted = fitting.fitted_call(
        launcher.config,
        call,
        agent_prompt,
        files,
        history,
        turn,
        project_id=req.project_id,
        snapshots=fitting.SNAPSHOTS,
    )
    call, gen.resent = _with_earlier_images(launcher, call)
    gen.context_used = min(1.0, fitted.estimate / fitted.limits.window)  # until the API reports the usage
    gen.note = fitted.note
    if fitted.note:
        launcher.log.info(
            "generate.fitted",
            stream_id=stream_id,
            dropped_turns=fitted.dropped_turns,
            omitted_files=len(fitted.omitted_files),
            window=fitted.limits.window,
        )

    def setup(run: StreamRun) -> None:
        gen.run = run
        run.on_text = gen.on_text
        run.on_finish.append(gen.on_finish)
        run.on_thinking = gen.on_thinking

    run = launcher.start(
        call,
        stream_id=stream_id,
        project_id=req.project_id,
        persist=True,
        user_message=req.prompt,
        user_images=req.images,
        tags={"agent": gen.agent, "generation": "1"},
        agent=gen.agent,
        setup=setup,
    )
    return GenerationStarted(
        stream_id=stream_id,
        project_id=req.project_id,
        agent=gen.agent,
        agent_reason=gen.agent_reason,
        agent_confidence=gen.agent_confidence,
        model=call.model,
        message_id=run.message_id,
        note=gen.note,
        resent_image_turns=gen.resent,
    )
