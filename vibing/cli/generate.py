"""``vibing generate "prompt"``: the main job, headless, against the running app.

A thin client of the stream service's ``Generate`` request, exactly like the
window: it subscribes to the generation's events first (so no token is missed),
starts the generation, shows the progress as it happens and, at the end, where
the files are.  Ctrl+C stops the generation; the partial answer is kept.
"""

from __future__ import annotations

import argparse
import sys
import time

from vibing.bus import Bus
from vibing.cli import running
from vibing.errors import NotFound
from vibing.schema.base import new_id
from vibing.schema.storage import CreateProject, FindProject
from vibing.schema.stream import (
    Generate,
    GenerationDone,
    GenerationFile,
    GenerationProgress,
    StopStream,
    StreamFailed,
    SuggestTitle,
    TokenDelta,
)

PROJECT_TYPES = ("website", "mobile-app", "game", "api", "dashboard")


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("generate", help="describe an app; an agent writes it into a project")
    cmd.add_argument("prompt", help='what to build, in plain words ("a pomodoro timer with a dark theme")')
    cmd.add_argument(
        "--project",
        metavar="NAME",
        help="the project to build in (created if it does not exist; default: a new project named after the prompt)",
    )
    cmd.add_argument(
        "--type", dest="project_type", choices=PROJECT_TYPES, default="website", help="project type of a new project"
    )
    cmd.add_argument("--agent", metavar="NAME", default="", help="the agent to use (default: auto-select)")
    cmd.add_argument("--model", metavar="MODEL", default="", help="the model (default: from settings)")
    cmd.add_argument("--provider", default="", help="anthropic, openai (an OpenAI-compatible server) or local")
    cmd.add_argument("--show-text", action="store_true", help="print the answer as it streams")
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
    progress = Progress()
    with running.connect() as bus:
        project_id, project_name, created = _project(bus, args)
        progress.line(f"{'Created' if created else 'Building in'} project “{project_name}” ({project_id[:8]})")
        stream_id = new_id()
        events = bus.subscribe(f"token.{stream_id}", "generate.", "stream.error")
        events.sync()
        started = bus.request(
            "stream",
            Generate(
                project_id=project_id,
                prompt=args.prompt,
                agent=args.agent,
                model=args.model,
                provider=args.provider,
                stream_id=stream_id,
            ),
            timeout=15,
        )
        if started.agent:
            progress.line(f"Agent: {started.agent}" + (f" ({started.agent_reason})" if started.agent_reason else ""))
        begin = time.monotonic()
        answer: list[str] = []
        stopping = False
        while True:
            try:
                event = events.recv(timeout=1.0)
            except KeyboardInterrupt:
                if stopping:
                    raise
                stopping = True
                progress.line("Stopping… (the partial answer is kept)")
                bus.request("stream", StopStream(stream_id=stream_id))
                continue
            if event is None:
                progress.status(f"{progress.last.split(' · ')[0] or 'waiting'} · {time.monotonic() - begin:.0f}s")
                continue
            body = event.body
            if getattr(body, "stream_id", stream_id) != stream_id:
                continue
            if isinstance(body, TokenDelta):
                if not body.thinking:
                    answer.append(body.text)
                    if args.show_text:
                        sys.stdout.write(body.text)
                        sys.stdout.flush()
            elif isinstance(body, GenerationProgress):
                if body.phase == "selecting":
                    continue  # the chosen agent is printed once, above
                text = body.message or body.phase
                if body.phase == "writing" and body.file:
                    text = f"writing {body.file} (+{body.lines} lines)"
                progress.status(f"{text} · {time.monotonic() - begin:.0f}s")
            elif isinstance(body, GenerationFile):
                progress.line(f"  ✓ {body.path}  ({body.lines} lines)")
            elif isinstance(body, StreamFailed):
                progress.line(f"Error: {body.message}")
            elif isinstance(body, GenerationDone):
                if args.show_text:
                    sys.stdout.write("\n")
                elif not body.files and answer:
                    progress.line("".join(answer).strip())  # a chat answer with no files: show it
                return _finish(progress, body, project_name)


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
