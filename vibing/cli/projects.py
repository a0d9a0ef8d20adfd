"""``vibing projects``: list, show, search, fork, export, import and delete projects (over the bus)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import msgspec

from vibing.bus import Bus
from vibing.cli import running
from vibing.schema.storage import (
    DeleteProject,
    DuplicateProject,
    ExportProject,
    FindProject,
    ImportProject,
    ListCheckpoints,
    ListProjects,
    LoadProject,
    SearchProjects,
    UsageSummary,
)

BOLD, RESET = "\033[1m", "\033[0m"


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("projects", help="list, show, search, fork, export, import and delete projects")
    sub = cmd.add_subparsers(dest="projects_command", metavar="ACTION", required=True)

    ls = sub.add_parser("ls", help="list projects")
    ls.add_argument("--sort", choices=("updated", "created", "name"), default="updated")
    ls.add_argument("--reverse", action="store_true", help="reverse the order")
    ls.add_argument("--limit", type=int, default=50)
    ls.add_argument("--offset", type=int, default=0)
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(func=cmd_ls)

    show = sub.add_parser("show", help="show a project: files, messages, history, usage")
    show.add_argument("project", help="id, start of the id, or name")
    show.add_argument("--json", action="store_true", help="print JSON (with file contents and messages)")
    show.set_defaults(func=cmd_show)

    search = sub.add_parser("search", help="full-text search over projects, messages and files")
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(func=cmd_search)

    fork = sub.add_parser("fork", help="fork a project: a new project with its files and messages")
    fork.add_argument("project", help="id, start of the id, or name")
    fork.add_argument("--name", default="", help='the new project\'s name (default: "NAME (copy)")')
    fork.add_argument("--json", action="store_true", help="print JSON")
    fork.set_defaults(func=cmd_fork)

    export = sub.add_parser("export", help="export a project to a zip file or a folder")
    export.add_argument("project", help="id, start of the id, or name")
    export.add_argument("path", help="a .zip file, or a folder")
    export.add_argument("--format", choices=("zip", "folder"), help="default: zip when PATH ends in .zip")
    export.add_argument("--overwrite", action="store_true", help="replace an existing file or non-empty folder")
    export.set_defaults(func=cmd_export)

    imp = sub.add_parser("import", help="import a zip file or a folder as a new project")
    imp.add_argument("path")
    imp.add_argument("--name", default="")
    imp.add_argument("--type", dest="project_type", choices=("website", "mobile-app", "game", "api", "dashboard"))
    imp.add_argument("--json", action="store_true", help="print JSON")
    imp.set_defaults(func=cmd_import)

    rm = sub.add_parser("rm", help="delete a project (with its files, messages and history)")
    rm.add_argument("project", help="id, start of the id, or name")
    rm.add_argument("--yes", "-y", action="store_true", help="do not ask")
    rm.set_defaults(func=cmd_rm)


def _bus() -> Bus:
    return running.connect()


def _when(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


def _size(n: int) -> str:
    from vibing.project_files import human_bytes

    return human_bytes(n)


def _dump(obj: object) -> None:
    print(json.dumps(msgspec.to_builtins(obj), indent=2, ensure_ascii=False))


def cmd_ls(args: argparse.Namespace) -> int:
    with _bus() as bus:
        reply = bus.request(
            "storage",
            ListProjects(
                sort=args.sort,
                limit=args.limit,
                offset=args.offset,
                descending=(args.sort == "name") if args.reverse else None,
            ),
        )
    if args.json:
        _dump(reply)
        return 0
    if not reply.items:
        print("No projects yet." if reply.total == 0 else f"No projects on this page ({reply.total} in all).")
        return 0
    width = min(40, max(len(p.name) for p in reply.items))
    print(f"{'ID':<10} {'NAME':<{width}}  {'TYPE':<10} {'FILES':>5} {'MSGS':>5}  UPDATED")
    for p in reply.items:
        name = p.name if len(p.name) <= width else p.name[: width - 1] + "…"
        print(
            f"{p.id[:8]:<10} {name:<{width}}  {p.project_type:<10} {p.file_count:>5} {p.message_count:>5}  "
            f"{_when(p.updated_at)}"
        )
    shown = reply.offset + len(reply.items)
    if shown < reply.total or reply.offset:
        print(f"({reply.offset + 1}-{shown} of {reply.total})")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _bus() as bus:
        project = bus.request("storage", FindProject(ref=args.project)).project
        detail = bus.request("storage", LoadProject(project_id=project.id))
        points = bus.request("storage", ListCheckpoints(project_id=project.id, limit=10))
        usage = bus.request("storage", UsageSummary(project_id=project.id))
    if args.json:
        print(
            json.dumps(
                {
                    "project": msgspec.to_builtins(detail.project),
                    "files": msgspec.to_builtins(detail.files),
                    "messages": msgspec.to_builtins(detail.messages),
                    "checkpoints": msgspec.to_builtins(points.items),
                    "usage": msgspec.to_builtins(usage),
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    p = detail.project
    print(f"{p.name}  ({p.id})")
    if p.description:
        print(f"  {p.description}")
    print(
        f"  type {p.project_type}   created {_when(p.created_at)}   updated {_when(p.updated_at)}"
        + (f"   forked from {p.forked_from[:8]}" if p.forked_from else "")
    )
    if p.provider or p.model:
        print(f"  model {p.provider + '/' if p.provider else ''}{p.model}")
    print(f"\nFiles ({p.file_count}, {_size(p.total_bytes)})")
    for f in detail.files:
        print(f"  {f.path:<40} {f.language:<12} {_size(f.size):>10}")
    print(f"\nMessages ({len(detail.messages)})")
    for m in detail.messages[-10:]:
        text = " ".join(m.content.split())
        text = text[:70] + "…" if len(text) > 70 else text
        status = "" if m.status == "complete" else f" [{m.status}]"
        print(f"  {_when(m.created_at)}  {m.role:<9}{status} {text}")
    if len(detail.messages) > 10:
        print(f"  ... and {len(detail.messages) - 10} earlier")
    print(f"\nHistory ({points.total} checkpoints)")
    for c in points.items:
        changes = f"+{c.added} ~{c.modified} -{c.removed}"
        by = f", by {c.author}" if c.author else ""
        print(f"  #{c.id:<5} {_when(c.created_at)}  {c.kind:<10} {c.label}  ({c.file_count} files: {changes}{by})")
    print(
        f"\nTokens: {usage.input_tokens:,} in, {usage.output_tokens:,} out, "
        f"${usage.cost_usd:.4f} over {usage.requests} requests"
    )
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with _bus() as bus:
        reply = bus.request(
            "storage", SearchProjects(query=query, limit=args.limit, mark_open="\x02", mark_close="\x03")
        )
    if args.json:
        for hit in reply.hits:
            hit.snippet = hit.snippet.replace("\x02", "«").replace("\x03", "»")
        _dump(reply)
        return 0
    if not reply.hits:
        print(f"Nothing matches {query!r}.")
        return 1
    import sys

    bold, reset = (BOLD, RESET) if sys.stdout.isatty() else ("[", "]")
    for hit in reply.hits:
        where = {"project": "name/description", "message": "a message", "file": f"file {hit.ref}"}[hit.source]
        print(f"{hit.project_id[:8]}  {hit.name}  (in {where})")
        snippet = " ".join(hit.snippet.split()).replace("\x02", bold).replace("\x03", reset)
        print(f"    {snippet}")
    print(f"({len(reply.hits)} of {reply.total} projects)")
    return 0


def cmd_fork(args: argparse.Namespace) -> int:
    """The dashboard's Fork from a terminal: DuplicateProject on the project the reference names."""
    with _bus() as bus:
        source = bus.request("storage", FindProject(ref=args.project)).project
        fork = bus.request("storage", DuplicateProject(project_id=source.id, name=args.name)).project
    if args.json:
        _dump(fork)
        return 0
    print(f"Forked {source.name!r} ({source.id[:8]}) as {fork.name!r} ({fork.id}): {fork.file_count} files")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    target = Path(args.path).expanduser().resolve()
    fmt = args.format or ("zip" if target.suffix.lower() == ".zip" else "folder")
    with _bus() as bus:
        project = bus.request("storage", FindProject(ref=args.project)).project
        reply = bus.request(
            "storage",
            ExportProject(project_id=project.id, path=str(target), format=fmt, overwrite=args.overwrite),
            timeout=60,
        )
    print(
        f"Exported {project.name!r} ({reply.files} files, {_size(reply.bytes)}) to {reply.path}"
        + (" (zip)" if fmt == "zip" else " (folder)")
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    source = Path(args.path).expanduser().resolve()
    with _bus() as bus:
        reply = bus.request(
            "storage", ImportProject(path=str(source), name=args.name, project_type=args.project_type), timeout=60
        )
    if args.json:
        _dump(reply.project)
        return 0
    p = reply.project
    print(f"Imported {source} as {p.name!r} ({p.id}): {p.file_count} files, {_size(p.total_bytes)}")
    return 0


def cmd_rm(args: argparse.Namespace) -> int:
    with _bus() as bus:
        project = bus.request("storage", FindProject(ref=args.project)).project
        if not args.yes:
            answer = input(
                f"Delete {project.name!r} ({project.id[:8]}) with its {project.file_count} files, "
                f"{project.message_count} messages and history? [y/N] "
            )
            if answer.strip().lower() not in ("y", "yes"):
                print("Nothing deleted.")
                return 1
        bus.request("storage", DeleteProject(project_id=project.id))
    print(f"Deleted {project.name!r} ({project.id}).")
    return 0
