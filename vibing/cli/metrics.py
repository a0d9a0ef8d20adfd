"""``vibing metrics``: where the Prometheus endpoint is, and the live figures."""

from __future__ import annotations

import argparse

from vibing.cli import running
from vibing.schema.metrics import Exposition, GetExposition, GetSnapshot, Snapshot


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("metrics", help="print the Prometheus URL and the live figures")
    cmd.add_argument("--raw", action="store_true", help="print the whole Prometheus text exposition")
    cmd.set_defaults(func=cmd_metrics)


def cmd_metrics(args: argparse.Namespace) -> int:
    with running.connect() as bus:
        if args.raw:
            exposition: Exposition = bus.request("metrics", GetExposition())
            print(exposition.text, end="")
            return 0
        snapshot: Snapshot = bus.request("metrics", GetSnapshot())
    print(snapshot.url)
    print(f"{'service':<12} {'pid':>7} {'requests':>9} {'failures':>9} {'p50 ms':>8} {'p99 ms':>8} {'restarts':>9}")
    for s in snapshot.services:
        print(
            f"{s.service:<12} {s.pid:>7} {s.requests:>9.0f} {s.failures:>9.0f} {s.p50_ms:>8.2f} {s.p99_ms:>8.2f} "
            f"{s.restarts:>9.0f}"
        )
    return 0
