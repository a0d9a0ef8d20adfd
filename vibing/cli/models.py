"""``vibing models ls|add PATH|use NAME|rm NAME|stop``: local models beside the remote providers.

The list of local models is a file in the data folder, so ``ls``, ``add``,
``use`` and ``rm`` work whether the app runs or not (when it runs, ``ls`` also
shows which engines are loaded, and ``stop`` unloads them).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import msgspec

from vibing import config as config_mod
from vibing import install
from vibing import paths as paths_mod
from vibing.cli import running
from vibing.errors import BusError, VibingError
from vibing.schema.model import ListLocalModels, LocalModel, LocalModelList, StopModel


def register(subparsers: argparse._SubParsersAction) -> None:
    models = subparsers.add_parser("models", help="local models (offline) and remote providers: list, add, choose")
    actions = models.add_subparsers(dest="action", metavar="ACTION", required=True)

    ls = actions.add_parser("ls", help="list local models and remote providers")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(func=cmd_ls)

    add = actions.add_parser("add", help="add a GGUF model file you have (checked before it is listed)")
    add.add_argument("path")
    add.add_argument("--name", default="", help="the name to use it by (default: from the file name)")
    add.add_argument("--use", action="store_true", help="also make it the default local model")
    add.set_defaults(func=cmd_add)

    use = actions.add_parser("use", help="make a local model the default one")
    use.add_argument("name")
    use.set_defaults(func=cmd_use)

    rm = actions.add_parser("rm", help="forget an added model (the file is not deleted)")
    rm.add_argument("name")
    rm.set_defaults(func=cmd_rm)

    stop = actions.add_parser("stop", help="unload the running local engine now (gives its memory back)")
    stop.add_argument("name", nargs="?", default="")
    stop.set_defaults(func=cmd_stop)


def _registry(paths: paths_mod.Paths):
    from vibing.services.model.registry import Registry

    return Registry(paths.data)


def _ask_running(paths: paths_mod.Paths, request: Any, timeout: float = 5.0) -> Any | None:
    """The running model service's answer, or None when the app (or the service) is not running."""
    try:
        with running.connect(paths) as bus:
            return bus.request("model", request, timeout=timeout)
    except BusError:  # AppNotRunning is one
        return None


def _size(n: int) -> str:
    if n >= 1024**3:
        return f"{n / 1024**3:.1f} GB"
    return f"{n / 1024**2:.0f} MB"


def _remote(config: config_mod.Config) -> list[dict[str, Any]]:
    from vibing import keys

    try:
        _key, source = keys.get_key()
        key_state = f"API key from the {source}"
    except VibingError:
        key_state = "no API key yet (`vibing key set`)"
    return [
        {
            "provider": "anthropic",
            "model": config.default_model,
            "where": config.anthropic_base_url,
            "state": key_state,
            "in_use": config.provider == "anthropic",
        },
        {
            "provider": "openai-compatible",
            "model": config.openai_model,
            "where": config.openai_base_url,
            "state": "Ollama, LM Studio, a llama.cpp server...",
            "in_use": config.provider == "openai",
        },
    ]


def cmd_ls(args: argparse.Namespace) -> int:
    from vibing.services.model.registry import engine_installed

    config, paths = running.setup()
    live: LocalModelList | None = _ask_running(paths, ListLocalModels())
    if live is not None:
        models, installed = live.models, live.engine_installed
    else:
        models, installed = _registry(paths).models(), engine_installed()
    remote = _remote(config)
    if args.json:
        print(
            json.dumps(
                {
                    "local": msgspec.to_builtins(models),
                    "engine_installed": installed,
                    "app_running": live is not None,
                    "remote": remote,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    in_use = " (the provider in use)" if config.provider == "local" else ""
    print(f"Local models{in_use} (run on this computer, work offline; * = the default local model)")
    if not models:
        print(
            f"  none: for a small demo model, {install.demo_model_hint()}; "
            "`vibing models add FILE.gguf` adds one you have"
        )
    width = max([len(m.name) for m in models] + [12])
    for m in models:
        engine = f"  [engine {m.engine}{' at ' + m.base_url if m.base_url else ''}]" if m.engine else ""
        print(f"{'*' if m.default else ' '} {m.name:<{width}}  {_size(m.size_bytes):>8}  {m.label}{engine}")
        if not m.bundled:
            print(f"  {'':<{width}}            {m.path}")
    if models and not installed:
        print("  (the local engine is not installed: `pip install 'vibing[local]'`)")
    print()
    print("Remote providers (need the network; > = the provider in use)")
    for r in remote:
        print(f"{'>' if r['in_use'] else ' '} {r['provider']:<18} {r['model']:<22} {r['where']}  ({r['state']})")
    return 0


def _print_model(prefix: str, m: LocalModel) -> None:
    print(
        f"{prefix} {m.name}: {m.label}, {_size(m.size_bytes)}"
        + (f", context {m.context_length} tokens" if m.context_length else "")
        + f"\n  {m.path}"
    )


def cmd_add(args: argparse.Namespace) -> int:
    _config, paths = running.setup()
    registry = _registry(paths)
    model = registry.add(args.path, args.name)
    _print_model("Added", model)
    if args.use:
        registry.use(model.name)
        print(f"{model.name} is now the default local model.")
    return 0


def cmd_use(args: argparse.Namespace) -> int:
    config, paths = running.setup()
    model = _registry(paths).use(args.name)
    _print_model("Default local model:", model)
    if model.bundled:
        print("  (a small demo model: fine to try Vibing offline, too small to write real apps well)")
    if config.provider != "local":
        print(
            f"Generations use {config.provider} now; to use local models, choose the local provider in Settings "
            f'(or provider = "local" in {paths.config_file}, or VIBING_PROVIDER=local).'
        )
    return 0


def cmd_rm(args: argparse.Namespace) -> int:
    _config, paths = running.setup()
    _registry(paths).remove(args.name)
    try:
        _ask_running(paths, StopModel(model=args.name))
    except VibingError:
        pass  # it was not running
    print(f"Removed {args.name} from the list (the file is untouched).")
    return 0


def cmd_stop(args: argparse.Namespace) -> int:
    _config, paths = running.setup()
    if _ask_running(paths, StopModel(model=args.name), timeout=10.0) is None:
        print("vibing: the app is not running, so no engine is loaded.", file=sys.stderr)
        return 1
    print("Stopped." if not args.name else f"Stopped the engine of {args.name}.")
    return 0
