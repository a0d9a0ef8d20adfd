"""``vibing generate "prompt"``: the main job, headless, against the running app.

A thin client of the stream service's ``Generate`` request, exactly like the
window: it subscribes to the generation's events first (so no token is missed),
starts the generation, shows the progress as it happens and, at the end, where
the files are.  Ctrl+C stops the generation; the partial answer is kept.

It never waits on a dead stream.  The window learns that its stream worker died
from ``service.down``, and after a restart asks the new worker about the stream
(unknown to it: the answer was cut, "press Continue").  This command does the
same: ``service.down`` for the stream service ends it at once, and after a few
seconds without a word from the stream it asks the stream service (briefly) and,
when that cannot answer, the stored message's status.  Either way it ends with one
line that says the answer so far is kept and how to finish it:
``vibing generate --continue``, which sends the window's Continue (``ContinueStream``
for the stored answer) and follows it like a generation.

A generation whose estimated cost would go over a spending limit is refused by the stream service
(``SpendingLimitReached``, see ``services/stream/spending.py``): on a terminal this command asks y/N and sends
it again with the person's agreement; without one it ends with that one line (``--over-limit-ok`` agrees in
advance).  A project it created for the refused prompt is deleted again.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time

import msgspec

from vibing.bus import Bus, Subscription
from vibing.cli import elements as picked
from vibing.cli import images as attached
from vibing.cli import running
from vibing.cli.consent import agree_over_limit
from vibing.errors import (
    ImageRefused,
    ImagesNotSupported,
    InvalidRequest,
    NotFound,
    RequestTimeout,
    ServiceUnavailable,
    SpendingLimitReached,
    VibingError,
)
from vibing.schema.base import new_id
from vibing.schema.common import ServiceDown
from vibing.schema.storage import (
    CreateProject,
    DeleteProject,
    FindProject,
    GetMessage,
    ListMessages,
    ListProjects,
    MessageInfo,
)
from vibing.schema.stream import (
    ContinueStream,
    Generate,
    GenerationDone,
    GenerationFile,
    GenerationProgress,
    ListStreams,
    SnapshotStream,
    StopStream,
    StreamDone,
    StreamFailed,
    SuggestTitle,
    TokenDelta,
)
from vibing.supervision import EXIT_REFUSED

PROJECT_TYPES = ("website", "mobile-app", "game", "api", "dashboard")
#: Seconds without a word from the stream before the stream service is asked whether it still runs it.  Long
#: enough for a slow model's first token (the service sends progress events meanwhile), short enough that a
#: dead worker is noticed within a few seconds even if its ``service.down`` was missed.
SILENCE_S = 3.0
#: How long that question may take: a live worker answers a snapshot in milliseconds.
PROBE_TIMEOUT_S = 2.0
#: Unanswered questions in a row after which the stream service is taken for gone.
PROBE_STRIKES = 2
#: Stream states in which the answer is still being written.
ACTIVE_STATES = frozenset({"queued", "connecting", "retrying", "streaming"})
#: Stored statuses of an answer that Continue can finish (the window offers Continue for the same ones).
CONTINUABLE = frozenset({"stopped", "interrupted", "error"})
#: How long ``--continue`` waits for a restarted stream service to mark a cut answer "interrupted".
RECOVERY_WAIT_S = 15.0
#: Exit status of a generation that did not finish (failed, or cut by the stream service stopping).
EXIT_NOT_DONE = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("generate", help="describe an app; an agent writes it into a project")
    cmd.add_argument(
        "prompt", nargs="?", default="", help='what to build, in plain words ("a pomodoro timer with a dark theme")'
    )
    cmd.add_argument(
        "--continue",
        dest="resume",
        action="store_true",
        help="finish the project's interrupted answer (as the window's Continue) instead of a new prompt",
    )
    cmd.add_argument(
        "--project",
        metavar="NAME",
        help="the project to build in (created if it does not exist; default: a new project named after the prompt); "
        "with --continue, the project whose answer to finish (default: the most recent interrupted one)",
    )
    cmd.add_argument(
        "--type", dest="project_type", choices=PROJECT_TYPES, default="website", help="project type of a new project"
    )
    cmd.add_argument("--agent", metavar="NAME", default="", help="the agent to use (default: auto-select)")
    cmd.add_argument("--model", metavar="MODEL", default="", help="the model (default: from settings)")
    cmd.add_argument("--provider", default="", help="anthropic, openai (an OpenAI-compatible server) or local")
    cmd.add_argument("--show-text", action="store_true", help="print the answer as it streams")
    cmd.add_argument(
        "--over-limit-ok",
        action="store_true",
        help="send it even if its estimated cost goes over a spending limit (otherwise a terminal asks y/N)",
    )
    cmd.add_argument(
        "--element",
        metavar="SELECTOR",
        action="append",
        default=[],
        help=f"an element of the --project's index.html to change (repeatable): {picked.SUPPORTED}",
    )
    cmd.add_argument(
        "--image",
        metavar="FILE",
        action="append",
        default=[],
        help="a PNG, JPEG, GIF or WebP image to show the model with the prompt (repeatable; at most 1568 px on "
        "the long edge and 5 MB; not for a local model)",
    )
    cmd.set_defaults(func=cmd_generate)


class Progress:
    """One status line that rewrites itself on a terminal, plain lines otherwise."""

    def __init__(self, stream=sys.stderr) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.last = ""

    def status(self, text: str) -> None:
        if text == self.last:
            return
        self.last = text
        if self.tty:
            self.stream.write("\r\x1b[2K" + text[: self._width()])
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def line(self, text: str) -> None:
        if self.tty:
            self.stream.write("\r\x1b[2K")
        self.stream.write(text + "\n")
        self.stream.flush()
        self.last = ""

    @staticmethod
    def _width() -> int:
        import shutil

        return max(20, shutil.get_terminal_size((100, 20)).columns - 1)


def _project(bus: Bus, args: argparse.Namespace) -> tuple[str, str, bool]:
    """(id, name, created) of the project to build in."""
    if args.project:
        try:
            found = bus.request("storage", FindProject(ref=args.project))
            return found.project.id, found.project.name, False
        except NotFound:
            name = args.project
    else:
        name = bus.request("stream", SuggestTitle(prompt=args.prompt, provider=args.provider), timeout=15).title
    created = bus.request("storage", CreateProject(name=name, project_type=args.project_type))
    return created.project.id, created.project.name, True


def cmd_generate(args: argparse.Namespace) -> int:
    if args.resume and args.prompt:
        raise InvalidRequest("Give either a prompt or --continue, not both.")
    if not args.resume and not args.prompt.strip():
        raise InvalidRequest('Say what to build: vibing generate "a pomodoro timer with a dark theme".')
    progress = Progress()
    with running.connect() as bus:
        if args.resume:
            return _continue(bus, args, progress)
        elements = picked.from_project(bus, args.project, args.element)  # before a project is made
        images = attached.read(args.image)
        project_id, project_name, created = _project(bus, args)
        progress.line(f"{'Created' if created else 'Building in'} project “{project_name}” ({project_id[:8]})")
        stream_id = new_id()
        events = _subscribe(bus, stream_id)
        request = Generate(
            project_id=project_id,
            prompt=args.prompt,
            agent=args.agent,
            model=args.model,
            provider=args.provider,
            stream_id=stream_id,
            over_limit_ok=args.over_limit_ok,
            elements=elements,
            images=images,
        )
        try:
            started = bus.request("stream", request, timeout=15)
        except (ImagesNotSupported, ImageRefused):
            if created:  # refused before anything was sent: the new project goes too
                bus.request("storage", DeleteProject(project_id=project_id))
            raise
        except SpendingLimitReached as exc:
            agreed = False
            try:
                agreed = agree_over_limit(exc, progress.line)
            finally:
                if not agreed and created:  # nothing was generated in it: the new project goes too
                    bus.request("storage", DeleteProject(project_id=project_id))
            if not agreed:
                return EXIT_REFUSED
            started = bus.request("stream", msgspec.structs.replace(request, over_limit_ok=True), timeout=15)
        if started.spending_warning:
            progress.line(f"Note: {started.spending_warning}")
        if images or started.resent_image_turns:
            progress.line(attached.summary(len(images), len(started.resent_image_turns)))
        if started.agent:
            progress.line(f"Agent: {started.agent}" + (f" ({started.agent_reason})" if started.agent_reason else ""))
        return Follow(bus, events, stream_id, started.message_id, project_name, progress, args.show_text).run()


def _subscribe(bus: Bus, stream_id: str) -> Subscription:
    """The events of one stream, its generation's, and the services going down; live before the stream starts."""
    events = bus.subscribe(f"token.{stream_id}", "generate.", "stream.error", "stream.done", "service.down")
    events.sync()
    return events


class Follow:
    """Shows one stream (a generation, or the continuation of a stored answer) until it ends, whatever ends it.

    It ends on the generation's ``generate.done`` (or, for an answer without an agent, on ``stream.done`` /
    ``stream.error``), and also when the stream can no longer end: the stream service went down (``service.down``),
    or after :data:`SILENCE_S` of silence it no longer knows the stream, cannot answer, or the stored answer is
    already marked interrupted.  Then one line says so, and how to finish the kept answer.
    """

    def __init__(
        self,
        bus: Bus,
        events: Subscription,
        stream_id: str,
        message_id: str,
        project_name: str,
        progress: Progress,
        show_text: bool,
        *,
        generation: bool = True,
    ) -> None:
        self.bus, self.events, self.stream_id, self.message_id = bus, events, stream_id, message_id
        self.project_name, self.progress, self.show_text, self.generation = (
            project_name,
            progress,
            show_text,
            generation,
        )
        self.answer: list[str] = []
        #: Questions in a row that the stream service left unanswered / answered "ended" with no report since.
        self.strikes = self.ended = 0

    def run(self) -> int:
        begin = last_word = time.monotonic()
        stopping = False
        while True:
            try:
                event = self.events.recv(timeout=1.0)
            except KeyboardInterrupt:
                if stopping:
                    raise
                stopping = True
                self.progress.line("Stopping… (the partial answer is kept)")
                self.bus.request("stream", StopStream(stream_id=self.stream_id))
                continue
            now = time.monotonic()
            if event is None:
                if now - last_word >= SILENCE_S:
                    lost = self._lost()
                    if lost:
                        return self._cut(lost)
                    last_word = now  # asked: the next question after another quiet spell
                self.progress.status(f"{self.progress.last.split(' · ')[0] or 'waiting'} · {now - begin:.0f}s")
                continue
            body = event.body
            if isinstance(body, ServiceDown):
                if body.service == "stream":
                    return self._cut("it is being restarted" if body.restarting else f"it was stopped: {body.reason}")
                continue  # the generation survives the other services' restarts
            if getattr(body, "stream_id", self.stream_id) != self.stream_id:
                continue
            last_word, self.strikes = now, 0
            ended = self._show(body, begin)
            if ended is not None:
                return ended

    def _show(self, body: object, begin: float) -> int | None:
        """Show one event of the stream; the exit status when it was the last one."""
        progress = self.progress
        if isinstance(body, TokenDelta):
            if not body.thinking:
                self.answer.append(body.text)
                if self.show_text:
                    sys.stdout.write(body.text)
                    sys.stdout.flush()
        elif isinstance(body, GenerationProgress):
            if body.phase == "selecting":
                return None  # the chosen agent is printed once, above
            text = body.message or body.phase
            if body.phase == "writing" and body.file:
                text = f"writing {body.file} (+{body.lines} lines)"
            progress.status(f"{text} · {time.monotonic() - begin:.0f}s")
        elif isinstance(body, GenerationFile):
            progress.line(f"  ✓ {body.path}  ({body.lines} lines)")
        elif isinstance(body, StreamFailed):
            progress.line(f"Error: {body.message}")
            if not self.generation:
                return EXIT_NOT_DONE
        elif isinstance(body, GenerationDone):
            if self.show_text:
                sys.stdout.write("\n")
            elif not body.files and self.answer:
                progress.line("".join(self.answer).strip())  # a chat answer with no files: show it
            return _finish(progress, body, self.project_name)
        elif isinstance(body, StreamDone) and not self.generation:
            if self.show_text:
                sys.stdout.write("\n")
            progress.line(f"Done ({body.stop_reason or 'complete'}): the answer is finished in “{self.project_name}”.")
            return 0
        return None

    def _lost(self) -> str:
        """Why the stream can no longer end ("" while it runs): asked of the stream service, then of storage."""
        try:
            snap = self.bus.request("stream", SnapshotStream(stream_id=self.stream_id), timeout=PROBE_TIMEOUT_S)
        except NotFound:
            return "it was restarted"  # a new worker, which never ran this stream: the window says "Interrupted"
        except ServiceUnavailable:
            return "it is being restarted"
        except RequestTimeout:
            self.strikes += 1
            if self._stored_status() == "interrupted":
                return "it was restarted"
            return "it stopped answering" if self.strikes >= PROBE_STRIKES else ""
        self.strikes = 0
        if snap.state in ACTIVE_STATES:
            self.ended = 0
            return ""
        if snap.state == "interrupted":
            return "it was stopping"
        # done, stopped or failed: its generate.done / stream.done is on its way, unless it was lost
        self.ended += 1
        return f"ended:{snap.state}" if self.ended >= PROBE_STRIKES else ""

    def _stored_status(self) -> str:
        if not self.message_id:
            return ""
        try:
            reply = self.bus.request("storage", GetMessage(message_id=self.message_id), timeout=PROBE_TIMEOUT_S)
        except VibingError:
            return ""
        return reply.message.status

    def _cut(self, why: str) -> int:
        """End with the one line that says the stream cannot end, and how to finish the kept answer."""
        name = shlex.quote(self.project_name)
        if why.startswith("ended:"):
            self.progress.line(
                f"The answer ended ({why[6:]}), but the report of its files never came: "
                f"`vibing projects show {name}` shows what was saved."
            )
            return EXIT_NOT_DONE
        self.progress.line(
            f"The stream service stopped during the generation ({why}). The answer so far is kept: run "
            f"`vibing generate --continue --project {name}` to finish it."
        )
        return EXIT_NOT_DONE


# -- --continue ---------------------------------------------------------------------------------------


def _continue(bus: Bus, args: argparse.Namespace, progress: Progress) -> int:
    """Finish the interrupted answer of ``--project`` (or the most recent one), as the window's Continue does."""
    project_id, project_name, message = _interrupted_answer(bus, args.project)
    stream_id = new_id()  # chosen here, so its tokens are subscribed to before it starts
    events = _subscribe(bus, stream_id)
    kept = len(message.content)
    progress.line(f"Continuing the answer in project “{project_name}” ({kept:,} characters kept)")
    request = ContinueStream(
        message_id=message.id,
        project_id=project_id,
        new_stream_id=stream_id,
        model=args.model,
        over_limit_ok=args.over_limit_ok,
    )
    try:
        bus.request("stream", request, timeout=20)
    except SpendingLimitReached as exc:
        if not agree_over_limit(exc, progress.line):
            return EXIT_REFUSED
        bus.request("stream", msgspec.structs.replace(request, over_limit_ok=True), timeout=20)
    follow = Follow(
        bus, events, stream_id, message.id, project_name, progress, args.show_text, generation=bool(message.agent)
    )
    return follow.run()


def _interrupted_answer(bus: Bus, project: str | None) -> tuple[str, str, MessageInfo]:
    """(project id, project name, the answer to continue): the project's last answer, if Continue can finish it."""
    if project:
        try:
            info = bus.request("storage", FindProject(ref=project)).project
        except NotFound:
            raise NotFound(f"There is no project “{project}”.", project=project) from None
        candidates = [info]
    else:
        candidates = bus.request("storage", ListProjects(sort="updated", limit=10), idempotent=True).items
    best: tuple[str, str, MessageInfo] | None = None
    for info in candidates:
        answer = _last_answer(bus, info.id)
        if answer is None:
            continue
        if answer.status == "streaming":
            answer = _settled(bus, answer)
        if answer.status in CONTINUABLE and answer.content and (best is None or answer.updated_at > best[2].updated_at):
            best = (info.id, info.name, answer)
    if best is None:
        where = f"in project “{candidates[0].name}”" if project else "in the recent projects"
        raise NotFound(f"There is no interrupted answer to continue {where}.")
    return best


def _last_answer(bus: Bus, project_id: str) -> MessageInfo | None:
    messages = bus.request("storage", ListMessages(project_id=project_id), idempotent=True).messages
    return next((m for m in reversed(messages) if m.role == "assistant"), None)


def _settled(bus: Bus, answer: MessageInfo) -> MessageInfo:
    """An answer stored as "streaming": still being written (refused), or cut by a stream worker that died.

    A restarted stream worker marks the answers it finds "streaming" as interrupted as it starts; wait
    for that (a few seconds at most) rather than refuse an answer the window would offer to continue.
    """
    active = bus.request("stream", ListStreams(active_only=True), timeout=RECOVERY_WAIT_S).streams
    if any(s.message_id == answer.id for s in active):
        raise InvalidRequest(
            "That answer is still being written; wait for it to end (or stop it) before continuing it.",
            message_id=answer.id,
        )
    changes = bus.subscribe("project.changed")
    try:
        changes.sync()
        deadline = time.monotonic() + RECOVERY_WAIT_S
        while answer.status == "streaming" and time.monotonic() < deadline:
            answer = bus.request("storage", GetMessage(message_id=answer.id), idempotent=True).message
            if answer.status == "streaming":
                changes.recv(timeout=0.5)  # the mark publishes project.changed; re-read on it (or every half second)
    finally:
        changes.close()
    return answer


def _finish(progress: Progress, done: GenerationDone, project_name: str) -> int:
    usage = done.usage
    figures = (
        f"{usage.input_tokens:,} in / {usage.output_tokens:,} out tokens, {done.duration_ms / 1000:.1f} s, "
        f"~${done.cost_usd:.4f}"
    )
    if not done.ok:
        progress.line(f"Not done: {done.message or done.error_code} ({figures})")
        return 1
    files = ", ".join(done.files) if done.files else "no files changed"
    progress.line(f"Done ({done.stop_reason or 'complete'}): {files}. {figures}")
    progress.line(
        f'The files are in project “{project_name}”: `vibing projects export "{project_name}" DIR` '
        "writes them out; `vibing` shows them with a live preview."
    )
    return 0
