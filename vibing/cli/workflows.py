"""``vibing workflows ls|plan|run``: the multi-agent workflow templates, their plans, and running one.

``ls`` and ``plan`` ask the agent service, or load the templates in-process when
the app is not running (through :func:`vibing.cli.agents.call`, the one place
that knows how).  ``run`` needs the running app: the stream service runs the
tasks, and this command follows their progress events until the run is done.
"""

from __future__ import annotations

import argparse
import sys

import msgspec

from vibing.cli import running
from vibing.cli.agents import add_common_options, call, print_json, project_dir, shorten
from vibing.cli.consent import agree_over_limit
from vibing.errors import InvalidRequest, NotFound, SpendingLimitReached
from vibing.schema import agent as msg
from vibing.schema.base import new_id
from vibing.schema.storage import CreateProject, DeleteProject, FindProject
from vibing.schema.stream import RunWorkflow, StopWorkflow, WorkflowDone, WorkflowProgress
from vibing.supervision import EXIT_REFUSED

#: How a task's state is drawn in ``run``'s progress lines.
_MARKS = {"running": "…", "done": "✓", "failed": "✗", "stopped": "■", "skipped": "–"}


def register(subparsers: argparse._SubParsersAction) -> None:
    workflows = subparsers.add_parser("workflows", help="multi-agent workflows: list them, show a plan, run one")
    actions = workflows.add_subparsers(dest="action", metavar="ACTION", required=True)

    ls = actions.add_parser("ls", help="list the workflow templates")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(func=cmd_ls)

    plan = actions.add_parser("plan", help="the tasks of a workflow in parallel levels")
    plan.add_argument("workflow")
    plan.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="fill a parameter")
    add_common_options(plan)
    plan.set_defaults(func=cmd_plan)

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
    run.add_argument(
        "--over-limit-ok",
        action="store_true",
        help="run it even if its estimated cost goes over a spending limit (otherwise a terminal asks y/N)",
    )
    run.set_defaults(func=cmd_run)


def parse_params(items: list[str]) -> dict[str, str]:
    """``--param KEY=VALUE`` options as a dict; a malformed one is an InvalidRequest naming it."""
    params = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InvalidRequest(f"--param expects KEY=VALUE, got {item!r}")
        params[key.strip()] = value
    return params


def cmd_ls(args: argparse.Namespace) -> int:
    reply: msg.WorkflowList = call(msg.ListWorkflows())
    if args.json:
        print_json(reply)
        return 0
    for w in reply.workflows:
        print(f"{w.id:<15} {w.tasks} tasks in {w.levels} levels  {shorten(w.description, 80)}")
    for problem in reply.problems:
        print(f"REFUSED  {problem}", file=sys.stderr)
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    params = parse_params(args.param)
    reply: msg.WorkflowPlan = call(
        msg.PlanWorkflow(workflow=args.workflow, params=params, project_dir=project_dir(args))
    )
    if args.json:
        print_json(reply)
        return 0
    print(
        f"{reply.workflow.name}: {len(reply.tasks)} tasks, {len(reply.levels)} levels, "
        f"up to {reply.max_parallel} in parallel"
    )
    by_id = {t.id: t for t in reply.tasks}
    for number, level in enumerate(reply.levels, 1):
        print(f"\nlevel {number}" + (" (in parallel)" if len(level) > 1 else ""))
        for tid in level:
            t = by_id[tid]
            after = f"  after {', '.join(t.depends_on)}" if t.depends_on else ""
            print(f"  {t.id:<22} {t.agent:<24} {t.title}{after}")
    for warning in reply.warnings:
        print(f"note: {warning}", file=sys.stderr)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    params = parse_params(args.param)
    with running.connect() as bus:
        project_id, created = "", False
        if args.project:
            try:
                project_id = bus.request("storage", FindProject(ref=args.project)).project.id
            except NotFound:
                project_id, created = bus.request("storage", CreateProject(name=args.project)).project.id, True
        run_id = f"wf-{new_id()}"
        events = bus.subscribe("workflow.")
        events.sync()
        request = RunWorkflow(
            workflow=args.workflow,
            brief=args.brief,
            params=params,
            project_id=project_id,
            model=args.model,
            provider=args.provider,
            run_id=run_id,
            over_limit_ok=args.over_limit_ok,
        )
        try:
            started = bus.request("stream", request, timeout=15)
        except SpendingLimitReached as exc:
            agreed = False
            try:
                agreed = agree_over_limit(exc, lambda line: print(line, file=sys.stderr))
            finally:
                if not agreed and created:  # nothing ran in it: the new project goes too
                    bus.request("storage", DeleteProject(project_id=project_id))
            if not agreed:
                return EXIT_REFUSED
            started = bus.request("stream", msgspec.structs.replace(request, over_limit_ok=True), timeout=15)
        if started.spending_warning:
            print(f"note: {started.spending_warning}", file=sys.stderr)
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
