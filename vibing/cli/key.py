"""``vibing key set|check|rm``: the Anthropic API key in the OS keychain."""

from __future__ import annotations

import argparse
import getpass
import sys

from vibing import keys


def register(subparsers: argparse._SubParsersAction) -> None:
    key = subparsers.add_parser("key", help="manage the Anthropic API key (kept in the OS keychain)")
    actions = key.add_subparsers(dest="action", metavar="ACTION", required=True)
    set_ = actions.add_parser("set", help="store the key in the keychain (prompts without echo)")
    set_.add_argument("--stdin", action="store_true", help="read the key from standard input")
    set_.set_defaults(func=cmd_set)
    check = actions.add_parser("check", help="say whether a key is set and where it comes from")
    check.set_defaults(func=cmd_check)
    rm = actions.add_parser("rm", help="remove the key from the keychain")
    rm.set_defaults(func=cmd_rm)


def cmd_set(args: argparse.Namespace) -> int:
    if args.stdin or not sys.stdin.isatty():
        key = sys.stdin.readline().strip()
    else:
        key = getpass.getpass("Anthropic API key (input hidden): ")
    backend = keys.set_key(key)
    print(f"Saved {keys.describe(key.strip())} to the keychain ({backend}).")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    key, source = keys.get_key()
    print(f"API key {keys.describe(key)} from the {source}.")
    return _check_with_api()


def _check_with_api() -> int:
    """When the app runs, validate the key with the API's cheapest request (listing models: no tokens)."""
    from vibing.cli import running
    from vibing.errors import VibingError
    from vibing.schema.stream import CheckKey

    bus = running.connect_if_running()
    if bus is None:
        print("Vibing is not running, so the key was not tried against the API (start it to check).")
        return 0
    with bus:
        try:
            result = bus.request("stream", CheckKey(), timeout=20)
        except VibingError as exc:
            print(f"Could not check the key against the API: {exc.message}")
            return 1
    print(result.message + (f" (request id {result.request_id})" if result.request_id and not result.ok else ""))
    return 0 if result.ok else 1


def cmd_rm(args: argparse.Namespace) -> int:
    if keys.delete_key():
        print("Removed the API key from the keychain.")
    else:
        print("No API key was stored in the keychain.")
    return 0
