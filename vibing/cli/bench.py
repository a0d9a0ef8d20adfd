"""``vibing bench``: run the benchmarks and print the table."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("bench", help="measure speed and memory against the targets")
    cmd.add_argument("--json", action="store_true", help="print JSON")
    cmd.add_argument("--only", metavar="PREFIX", help="run only rows whose id starts with PREFIX")
    cmd.set_defaults(func=cmd_bench)


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 1000:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


def cmd_bench(args: argparse.Namespace) -> int:
    from vibing import bench

    rows = []
    with tempfile.TemporaryDirectory(prefix="vibing-bench-") as workdir:
        for module in bench.modules(args.only):
            if not args.json:
                print(f"running {module.__name__} ...", file=sys.stderr, flush=True)
            for row in module.run(workdir):
                if args.only and not row.id.startswith(args.only):
                    continue
                rows.append(row)
    if args.json:
        print(json.dumps({"rows": [row.to_json() for row in rows]}, indent=2))
        return 0
    header = (
        f"{'figure':<30} {'ours':>12} {'unit':<8} {'target':>10} {'plan':>10} {'web app':>10} {'x target':>9}  note"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        target = f"{row.direction}{_fmt(row.target)}" if row.target is not None else "-"
        ratio = f"{row.ratio:.1f}x" if row.ratio is not None else "-"
        mark = "" if row.meets_target in (None, True) else " (misses target)"
        print(
            f"{row.id:<30} {_fmt(row.value):>12} {row.unit:<8} {target:>10} {_fmt(row.plan):>10} "
            f"{_fmt(row.webapp):>10} {ratio:>9}  {row.note}{mark}"
        )
    return 0
