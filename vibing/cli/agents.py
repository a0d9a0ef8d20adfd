"""``vibing agents ls|show|search|pick|check|add-dir|problems|types``.

``ls``, ``show``, ``search``, ``pick``, ``problems`` and ``types`` ask the running app's agent
service through :func:`call`; when the app is not running they load the same folders in-process
and print the same thing (``vibing workflows ls|plan``, in :mod:`vibing.cli.workflows`, use
:func:`call` too).  ``check`` always works offline: it loads one folder exactly as the registry
would and exits 1 if any file was refused.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from typing import Any

import msgspec

from vibing import config as config_mod
from vibing.cli import running
from vibing.errors import ServiceUnavailable
from vibing.schema import agent as msg


def register(subparsers: argparse._SubParsersAction) -> None:
    agents = subparsers.add_parser("agents", help="list, search and check the agents; pick one for a prompt")
    actions = agents.add_subparsers(dest="action", metavar="ACTION", required=True)

    ls = actions.add_parser("ls", help="list the agents")
    ls.add_argument("--category", default="", help="only this category")
    add_common_options(ls)
    ls.set_defaults(func=cmd_ls)

    show = actions.add_parser("show", help="show one agent with its system prompt")
    show.add_argument("name")
    add_common_options(show)
    show.set_defaults(func=cmd_show)

    search = actions.add_parser("search", help="search the agents (name, tags, description, prompt)")
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--category", default="")
    add_common_options(search)
    search.set_defaults(func=cmd_search)

    pick = actions.add_parser("pick", help="auto-select the agents for a prompt, with the reasons")
    pick.add_argument("prompt", nargs="+")
    pick.add_argument(
        "--type",
        dest="project_type",
        default="",
        help="project type: website, mobile-app, game, api, dashboard (default: guessed)",
    )
    pick.add_argument("--helpers", type=int, default=2, help="most helper agents (default 2)")
    pick.add_argument(
        "--after",
        action="append",
        default=[],
        metavar="AGENT",
        help="an agent of the project's earlier turns (repeat, oldest first): the prompt is a follow-up",
    )
    pick.add_argument("--files", default="", help="the project's files, comma-separated (a follow-up's context)")
    add_common_options(pick)
    pick.set_defaults(func=cmd_pick)

    check = actions.add_parser("check", help="load a folder as the registry would; exit 1 if a file is refused")
    check.add_argument("dir")
    check.add_argument("--json", action="store_true", help="print JSON")
    check.set_defaults(func=cmd_check)

    add_dir = actions.add_parser("add-dir", help="load the agents of a folder too (saved in the config)")
    add_dir.add_argument("path")
    add_dir.set_defaults(func=cmd_add_dir)

    problems = actions.add_parser("problems", help="the folders read and every agent file refused")
    add_common_options(problems)
    problems.set_defaults(func=cmd_problems)

    types = actions.add_parser("types", help="project types and their base agents")
    types.add_argument("--json", action="store_true", help="print JSON")
    types.set_defaults(func=cmd_types)


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """``--json`` and ``--project DIR``, shared by the commands that ask the agent service."""
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--project", default="", metavar="DIR", help="a project folder: its .claude/agents are layered on top"
    )


# -- talking to the service, or standing in for it --------------------------------


def _offline_core():
    from vibing.services.agent.catalog import Catalog
    from vibing.services.agent.core import AgentCore

    catalog = Catalog.from_config(config_mod.load())
    catalog.load()
    return AgentCore(catalog)


def call(request: Any) -> Any:
    """Ask the running app's agent service; without a running app, answer in-process."""
    config, paths = running.setup()
    bus = running.connect_if_running(paths)
    if bus is None:
        return _offline_core().handle(request)
    with bus:
        try:
            return bus.request("agent", request, timeout=max(config.request_timeout_s, 5.0))
        except ServiceUnavailable:
            print("vibing: the agent service is not available; loading the agents here", file=sys.stderr)
            return _offline_core().handle(request)


def print_json(reply: Any) -> None:
    """A reply as indented JSON, for ``--json``."""
    print(json.dumps(msgspec.to_builtins(reply), indent=2, ensure_ascii=False))


def project_dir(args: argparse.Namespace) -> str:
    """``--project`` as an absolute path (the agent service may run in another folder), or ""."""
    return os.path.abspath(args.project) if getattr(args, "project", "") else ""


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis, so a table row stays on one line."""
    return text if len(text) <= width else text[: width - 1] + "…"


# -- commands --------------------------------------------------------------------


def cmd_ls(args: argparse.Namespace) -> int:
    reply: msg.AgentList = call(msg.ListAgents(category=args.category, project_dir=project_dir(args)))
    if args.json:
        print_json(reply)
        return 0
    width = max((len(a.name) for a in reply.agents), default=10)
    for a in reply.agents:
        mark = "" if a.origin in ("bundled", "") else f"  [{a.origin}]"
        print(f"{a.name:<{width}}  {a.category:<12} {a.model:<8} {shorten(a.description, 80)}{mark}")
    cats = ", ".join(f"{c.name} {c.count}" for c in reply.categories)
    print(f"\n{len(reply.agents)} agents" + ("" if args.category else f" ({cats})"))
    if reply.problems:
        print(f"{reply.problems} agent file(s) refused: see `vibing agents problems`", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    reply: msg.AgentReply = call(msg.GetAgent(name=args.name, project_dir=project_dir(args)))
    if args.json:
        print_json(reply)
        return 0
    a = reply.agent
    print(f"{a.name}  ({a.category}, model {a.model})")
    print(f"file: {a.file}  [{a.origin}]" + ("  (file broken: last good version shown)" if a.stale else ""))
    for replaced in a.overrides:
        print(f"overrides: {replaced}")
    print(textwrap.fill(a.description, 100))
    if a.tools:
        print(f"tools: {', '.join(a.tools)}")
    if a.tags:
        print(f"tags: {', '.join(a.tags)}")
    for cap in a.capabilities:
        print(f"  - {cap}")
    if a.version or a.author:
        print(f"version {a.version or '-'}  by {a.author or '-'}")
    print("\n" + a.prompt)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    reply: msg.AgentSearchResults = call(
        msg.SearchAgents(
            query=" ".join(args.query), limit=args.limit, category=args.category, project_dir=project_dir(args)
        )
    )
    if args.json:
        print_json(reply)
        return 0
    if not reply.hits:
        print(f"No agent matches {reply.query!r}.")
        return 1
    width = max(len(h.agent.name) for h in reply.hits)
    for h in reply.hits:
        why = ", ".join(f"{m.word} ({'/'.join(m.fields)})" for m in h.matched[:4])
        print(f"{h.agent.name:<{width}}  {h.score:7.1f}  {why}")
    return 0


def cmd_pick(args: argparse.Namespace) -> int:
    reply: msg.AgentSelection = call(
        msg.SelectAgents(
            prompt=" ".join(args.prompt),
            project_type=args.project_type,
            max_helpers=args.helpers,
            project_dir=project_dir(args),
            files=[f.strip() for f in args.files.split(",") if f.strip()],
            recent_agents=list(args.after),
        )
    )
    if args.json:
        print_json(reply)
        return 0
    print(reply.explanation)
    if not reply.fallback:
        print(f"  confidence: {reply.confidence:.0%}" + ("  (no clear specialist)" if reply.uncertain else ""))
    if reply.runners_up:
        print("  runners-up: " + "; ".join(f"{p.name} ({p.reason})" for p in reply.runners_up))
    for h in reply.helpers:
        print(f"  helper:     {h.name} ({h.reason})")
    if reply.project_type:
        print(
            f"  project type: {reply.project_type}"
            + (" (guessed from the prompt)" if reply.project_type_guessed else "")
        )
    print(f"  words read: {', '.join(reply.words) or '(none)'}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from vibing.services.agent.core import check_report
    from vibing.services.agent.registry import load_folder

    if not os.path.isdir(args.dir):
        print(f"vibing: {args.dir} is not a folder", file=sys.stderr)
        return 2
    report = check_report(load_folder(args.dir))
    if args.json:
        print(
            json.dumps(
                {
                    "agents": [
                        {"name": a.name, "file": a.file, "category": a.category, "model": a.model}
                        for a in report.agents
                    ],
                    "errors": [{"file": e.file, "line": e.line, "reason": e.reason} for e in report.errors],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for a in report.agents:
            print(f"ok       {a.name:<32} {a.category:<12} {a.model:<8} {a.file}")
        for e in report.errors:
            where = f"{e.file}:{e.line}" if e.line else e.file
            print(f"REFUSED  {where}: {e.reason}")
        for path in report.ignored:
            print(f"ignored  {path} (documentation, not an agent)")
        print(f"\n{len(report.agents)} agents loaded, {len(report.errors)} file(s) refused")
    return 0 if not report.errors else 1


def cmd_add_dir(args: argparse.Namespace) -> int:
    from vibing.services.agent.registry import load_folder
    from vibing.services.agent.settings import add_agent_dir

    path = os.path.abspath(os.path.expanduser(args.path))
    if not os.path.isdir(path):
        print(f"vibing: {args.path} is not a folder", file=sys.stderr)
        return 2
    file, added = add_agent_dir(path)
    source = load_folder(path)
    print(
        f"{'Added' if added else 'Already in'} {file}: {path} ({len(source.agents)} agents, "
        f"{len(source.errors)} refused)"
    )
    bus = running.connect_if_running()
    if bus is None:
        return 0 if not source.errors else 1
    try:
        with bus:
            bus.request("agent", msg.AddAgentFolder(path=path), timeout=5)
        print("The running app now loads it too.")
    except ServiceUnavailable:
        print("The agent service is not available; it will load the folder when it starts.", file=sys.stderr)
    return 0 if not source.errors else 1


def cmd_problems(args: argparse.Namespace) -> int:
    reply: msg.AgentLoadReport = call(msg.AgentProblems(project_dir=project_dir(args)))
    if args.json:
        print_json(reply)
        return 0
    for f in reply.folders:
        state = f"{f.agents} agents, {f.errors} refused" if f.exists else "missing"
        print(f"{f.origin:<8} {f.path}  ({state})")
    for e in reply.errors:
        where = f"{e.file}:{e.line}" if e.line else e.file
        print(f"REFUSED  {where}: {e.reason}")
    print(f"\n{reply.agents} agents in force, {len(reply.errors)} file(s) refused")
    return 0 if not reply.errors else 1


def cmd_types(args: argparse.Namespace) -> int:
    reply: msg.ProjectTypeList = call(msg.ListProjectTypes())
    if args.json:
        print_json(reply)
        return 0
    for t in reply.types:
        print(f"{t.id:<11} {t.name:<20} base agents: {', '.join(t.base_agents)}")
    return 0
