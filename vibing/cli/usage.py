"""``vibing usage``: what the models cost, per day, per project and per model, and the spending limits in force.

The figures are storage's (``UsageReport``): the tokens and the cost recorded for every call when it finished,
priced then at the table of ``services/stream/costs.py`` (local models and OpenAI-compatible servers cost
nothing).  Days are local days; ``--days N`` is today and the N-1 days before it.  Settings shows the same.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

import msgspec

from vibing.cli import running
from vibing.errors import InvalidRequest
from vibing.schema.storage import UsageReport, UsageReportReply, UsageTotals

DEFAULT_DAYS = 7


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser(
        "usage",
        help="what the models cost, per day, project and model, and the spending limits",
        description="Tokens and cost per day, per project and per model (as recorded when each answer finished), "
        "and the spending limits in force (set them in Settings or in the config file).",
    )
    cmd.add_argument(
        "--days",
        type=int,
        default=DEFAULT_DAYS,
        metavar="N",
        help=f"today and the N-1 days before (default {DEFAULT_DAYS})",
    )
    cmd.add_argument("--json", action="store_true", help="print JSON")
    cmd.set_defaults(func=cmd_usage)


def since_days(days: int, now: float | None = None) -> float:
    """Local midnight ``days - 1`` days before today's."""
    t = time.localtime(time.time() if now is None else now)
    return time.mktime((t.tm_year, t.tm_mon, t.tm_mday - (days - 1), 0, 0, 0, 0, 0, -1))


def _money(usd: float) -> str:
    return f"${usd:,.4f}" if usd < 1 else f"${usd:,.2f}"


def _limits(config: Any) -> dict[str, float]:
    return {
        "day_usd": config.spending_limit_day_usd,
        "project_usd": config.spending_limit_project_usd,
        "warn_day_usd": config.spending_warn_day_usd,
    }


def limits_line(limits: dict[str, float]) -> str:
    parts = [
        f"a limit of {_money(limits['day_usd'])} a day" if limits["day_usd"] else "no daily limit",
        f"{_money(limits['project_usd'])} per project" if limits["project_usd"] else "no project limit",
        f"a warning at {_money(limits['warn_day_usd'])} a day" if limits["warn_day_usd"] else "no warning",
    ]
    return "Limits: " + ", ".join(parts) + " (Settings, or spending_* in the config file)."


def _table(title: str, rows: list[UsageTotals], label: Any) -> list[str]:
    lines = [title]
    if not rows:
        return [*lines, "  (nothing)"]
    width = max(12, *(len(label(r)) for r in rows))
    for r in rows:
        cached = f"  cache {r.cache_creation_input_tokens:>9,} written {r.cache_read_input_tokens:>9,} read"
        lines.append(
            f"  {label(r):<{width}}  {r.requests:>5} req  {r.input_tokens:>11,} in  {r.output_tokens:>10,} out"
            f"{cached}  {_money(r.cost_usd):>10}"
        )
    return lines


def cmd_usage(args: argparse.Namespace) -> int:
    if args.days < 1:
        raise InvalidRequest(f"--days is a number of days, 1 or more (not {args.days}).")
    config, _paths = running.setup()
    with running.connect() as bus:
        report: UsageReportReply = bus.request("storage", UsageReport(since=since_days(args.days)))
    limits = _limits(config)
    if args.json:
        data = msgspec.to_builtins(report)
        data.update(days=args.days, limits=limits)
        print(json.dumps(data, indent=2))
        return 0
    first = time.strftime("%Y-%m-%d", time.localtime(report.since))
    total = report.total
    lines = [
        f"Spending since {first} ({args.days} day{'s' if args.days != 1 else ''}): {_money(total.cost_usd)}, "
        f"{total.requests} request{'s' if total.requests != 1 else ''}, {total.input_tokens:,} tokens in, "
        f"{total.output_tokens:,} out.",
        "",
        *_table("Per day", report.by_day, lambda r: r.key),
        "",
        *_table("Per project", report.by_project, lambda r: r.name or r.key or "(deleted projects)"),
        "",
        *_table("Per model", report.by_model, lambda r: r.key or "(unknown)"),
        "",
        limits_line(limits),
    ]
    print("\n".join(lines))
    return 0
