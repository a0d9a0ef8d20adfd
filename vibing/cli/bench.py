"""``vibing bench``: run the benchmarks and print the table.

Floors (same-run baselines) and the ratios to them are marked, so a reader sees
which figure each target divides by; the machine's load average before and after
is printed too, because the machines the bench runs on are shared.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time

#: How each kind of row is marked in the table's first column.
KIND_MARKS = {"figure": " ", "floor": "F", "ratio": "R"}


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


def _machine(started: float, load_before: float) -> dict:
    return {
        "cpus": os.cpu_count(),
        "load_avg_1min_before": round(load_before, 2),
        "load_avg_1min_after": round(os.getloadavg()[0], 2),
        "seconds": round(time.monotonic() - started, 1),
    }


def cmd_bench(args: argparse.Namespace) -> int:
    from vibing import bench, log

    # Parts of the app run inside this process (the offline rows' shell): their logs go to stderr, if anywhere,
    # never to stdout, which carries the table or the JSON.
    log.setup("bench", None, console=None)

    started, load_before = time.monotonic(), os.getloadavg()[0]
    rows, seconds = [], {}
    with tempfile.TemporaryDirectory(prefix="vibing-bench-") as workdir:
        for module in bench.modules(args.only):
            print(f"running {module.__name__} ...", file=sys.stderr, flush=True)
            module_started = time.monotonic()
            for row in bench.run_module(module, workdir):
                if args.only and not row.id.startswith(args.only):
                    continue
                rows.append(row)
            seconds[module.__name__] = round(time.monotonic() - module_started, 1)
            print(f"  {module.__name__}: {seconds[module.__name__]:.0f} s", file=sys.stderr, flush=True)
    machine = {**_machine(started, load_before), "module_seconds": seconds}
    if args.json:
        print(json.dumps({"machine": machine, "rows": [row.to_json() for row in rows]}, indent=2))
        return 0
    header = (
        f"  {'figure':<40} {'ours':>12} {'unit':<6} {'target':>10} {'plan':>8} {'web app':>8} {'x target':>9}  note"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        target = f"{row.direction}{_fmt(row.target)}" if row.target is not None else "-"
        ratio = f"{row.ratio:.1f}x" if row.ratio is not None else "-"
        mark = "" if row.meets_target in (None, True) else " (misses target)"
        value, note = _fmt(row.value), row.note
        if row.skipped:
            value, note = "skipped", f"skipped (needs: {row.skipped})" + (f"; {row.note}" if row.note else "")
        print(
            f"{KIND_MARKS.get(row.kind, ' ')} {row.id:<40} {value:>12} {row.unit:<6} {target:>10} "
            f"{_fmt(row.plan):>8} {_fmt(row.webapp):>8} {ratio:>9}  {note}{mark}"
        )
    print(
        f"\nF: a floor measured in this run; R: a ratio to a floor (its note names both rows); "
        f"{sum(1 for row in rows if row.skipped)} rows skipped (not measurable in this install). "
        f"{machine['seconds']:.0f} s on {machine['cpus']} CPUs, load average {machine['load_avg_1min_before']:.2f} "
        f"-> {machine['load_avg_1min_after']:.2f}"
    )
    return 0
