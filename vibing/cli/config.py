"""``vibing config``: the settings in force and where they come from, and changing a provider address.

``vibing config set-address anthropic|openai URL`` is how a person changes where an API key is sent when
there is no window to confirm it in (``vibing web``, a server, a script): the Settings page of a browser
cannot, because script in a page must never be able to redirect the key.  So the command names the new
address and asks on the terminal; ``--yes`` is for scripts, where the person wrote the command themselves.
"""

from __future__ import annotations

import argparse
import json
import sys

from vibing import config as config_mod
from vibing.cli import running
from vibing.errors import InvalidRequest
from vibing.supervision import EXIT_REFUSED


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("config", help="show the settings in force and the folders in use")
    cmd.add_argument("--json", action="store_true", help="print JSON")
    cmd.set_defaults(func=cmd_config)
    actions = cmd.add_subparsers(dest="action", metavar="ACTION")
    address = actions.add_parser(
        "set-address",
        help="change where a provider's API key is sent (asks you to confirm)",
        description="Change where the API key of a provider is sent (written to config.toml; used after a "
        "restart). Vibing asks you to confirm the new address unless --yes is given.",
    )
    address.add_argument("provider", choices=("anthropic", "openai"), help="whose address")
    address.add_argument("url", help="the new address, e.g. https://api.anthropic.com")
    address.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    address.set_defaults(func=cmd_set_address)


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


def cmd_set_address(args: argparse.Namespace) -> int:
    from vibing.shell.settings import ADDRESS_SETTINGS, KEY_NAMES, PROVIDER_NAMES, Settings, check_address

    config, paths = running.setup()
    settings = Settings(paths)
    setting, name = ADDRESS_SETTINGS[args.provider], PROVIDER_NAMES[args.provider]
    url = check_address(args.provider, args.url)
    now = settings.address_in_force(args.provider)
    if config_mod.same_endpoint(url, now):
        print(f"The {name} address is already {now}; nothing changed.")
        return 0
    if not args.yes:
        print(
            f"Vibing will send your {KEY_NAMES[args.provider]} to\n\n    {url}\n\n"
            f"with every request from now on (it was {now}). Only do this if you set up or trust that server."
        )
        try:
            answer = input("Type yes to confirm: ")
        except EOFError:
            raise InvalidRequest(
                "No confirmation was given (standard input is closed); nothing changed. Answer yes on the "
                "terminal, or add --yes when a script runs this command.",
                setting=setting,
            ) from None
        if answer.strip().lower() not in ("yes", "y"):
            print(f"Not changed: the {name} address stays {now}.")
            return EXIT_REFUSED
    settings.set_address(args.provider, url, confirm=True)
    print(f"The {name} address is now {url} (in {paths.config_file}). Restart Vibing to use it.")
    if config.origins.get(setting) in ("environment", ".env"):
        source = "the environment" if config.origins[setting] == "environment" else "a .env file"
        print(f"Note: {setting} is also set in {source}, which wins over the config file.", file=sys.stderr)
    return 0
