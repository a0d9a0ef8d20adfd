"""``vibing config``: the settings in force and where they come from."""

from __future__ import annotations

import argparse
import json

from vibing import config as config_mod
from vibing.cli import running


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("config", help="show the settings in force and the folders in use")
    cmd.add_argument("--json", action="store_true", help="print JSON")
    cmd.set_defaults(func=cmd_config)


def cmd_config(args: argparse.Namespace) -> int:
    config, paths = running.setup()
    data = {
        "settings": config_mod.to_dict(config),
        "paths": {
            "config_file": str(paths.config_file),
            "data": str(paths.data),
            "logs": str(paths.logs),
            "runtime": str(paths.runtime),
        },
    }
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    for name, value in data["settings"].items():
        print(f"{name:<24} {value}")
    print()
    for name, value in data["paths"].items():
        print(f"{name:<24} {value}")
    return 0
