"""``vibing workflows run NAME "brief"``: run a multi-agent workflow on the running app, with its progress."""

from __future__ import annotations

import argparse
import sys

from vibing import config as config_mod
from vibing import paths as paths_mod
from vibing.bus import Bus
from vibing.errors import NotFound
from vibing.schema.base import new_id
from vibing.schema.storage import CreateProject, FindProject
from vibing.schema.stream import RunWorkflow, StopWorkflow, WorkflowDone, WorkflowProgress

_MARKS = {"running": "…", "done": "✓", "failed": "✗", "skipped": "–"}


def register(actions: argparse._SubParsersAction) -> None:
    run = actions.add_parser(
        "run", help="run a workflow: independent tasks in parallel, each seeing its dependencies' answers"
    )
    run.add_argument("workflow", help="a workflow id (vibing workflows ls)")
    run.add_argument("brief", help="what it is for, in plain words")
    run.add_argument(
        "--project",
        metavar="NAME",
        default="",
        help="keep every task's answer in this project's chat (created if missing)",
    )
    run.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="fill a template parameter")
    run.add_argument("--model", default="", help="the model (default: each task's, else from settings)")
    run.add_argument("--provider", default="", help="anthropic, openai or local")
    run.set_defaults(func=cmd_workflows_run)


def cmd_workflows_run(args: argparse.Namespace) -> int:
    from vibing.cli.agents import parse_params

    params = parse_params(args.param)
    config = config_mod.load()
    with Bus.connect_running(paths_mod.resolve(config.data_dir or None).bus_file, "cli") as bus:
        project_id = ""
        if args.project:
            try:
                project_id = bus.request("storage", FindProject(ref=args.project)).project.id
            except NotFound:
                project_id = bus.request("storage", CreateProject(name=args.project)).project.id
        run_id = f"wf-{new_id()}"
        events = bus.subscribe("workflow.")
        events.sync()
        started = bus.request(
            "stream",
            RunWorkflow(
                workflow=args.workflow,
                brief=args.brief,
                params=params,
                project_id=project_id,
                model=args.model,
                provider=args.provider,
                run_id=run_id,
            ),
            timeout=15,
        )
        print(
            f"{started.workflow}: {sum(len(level) for level in started.levels)} tasks in {len(started.levels)} levels",
            file=sys.stderr,
        )
        try:
            while True:
                event = events.recv(timeout=None)
                body = event.body if event is not None else None
                if getattr(body, "run_id", None) != run_id:
                    continue
                if isinstance(body, WorkflowProgress) and body.state in _MARKS:
                    detail = (
                        f" ({body.chars:,} chars)"
                        if body.state == "done"
                        else (f": {body.message}" if body.message else "")
                    )
                    print(
                        f"  {_MARKS[body.state]} {body.task_id:<20} {body.agent:<24} {body.state}{detail}",
                        file=sys.stderr,
                    )
                elif isinstance(body, WorkflowDone):
                    print(
                        f"{body.message} ({body.duration_ms / 1000:.1f} s)"
                        + ("; the answers are in the project's chat." if project_id else ""),
                        file=sys.stderr,
                    )
                    return 0 if body.ok else 1
        except KeyboardInterrupt:
            bus.request("stream", StopWorkflow(run_id=run_id))
            print("Stopped; the answers so far are kept.", file=sys.stderr)
            return 130
