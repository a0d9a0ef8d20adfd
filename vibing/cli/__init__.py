"""The ``vibing`` command.

Each command family lives in its own module here and adds itself to the parser
through ``register(subparsers)``.  :data:`COMMANDS` lists every command in the
order ``vibing --help`` shows them, with its help line and the modules that
build it, so that a command is parsed after importing its own modules only:
``vibing run`` (the supervisor) does not pay for the eleven others.  With no
command, ``vibing`` launches the app.

Every error ends the command with one readable line on stderr and a non-zero exit:
a refusal (:class:`~vibing.errors.VibingError`) with its own message, a bad option
with argparse's reason, anything unexpected with its type and text.  The traceback
is for developers: ``vibing --debug COMMAND`` (or ``VIBING_DEBUG=1``) prints it too.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from vibing import __version__
from vibing.errors import VibingError

#: Every command in the order ``vibing --help`` lists them: (name, help line, the modules that build it).  The
#: help line is the one its module registers, repeated here so the top-level parser can name every command
#: without importing it; ``tests/test_cli_commands.py`` checks both against the modules.
COMMANDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("run", "launch the app (the default command)", ("app",)),
    ("stop", "stop the running app gracefully", ("app",)),
    ("status", "show the running app's processes", ("app",)),
    ("service", "run one service in the foreground, for debugging", ("app",)),
    ("key", "manage the Anthropic API key (kept in the OS keychain)", ("key",)),
    ("config", "show the settings in force and the folders in use", ("config",)),
    ("generate", "describe an app; an agent writes it into a project", ("generate",)),
    ("projects", "list, show, search, fork, export, import and delete projects", ("projects",)),
    ("usage", "what the models cost, per day, project and model, and the spending limits", ("usage",)),
    ("db", "back up or check the database", ("db", "importpg")),
    ("backup", "back up everything to one file, list, verify and restore backups", ("backup",)),
    ("web", "serve the UI to a browser on this computer (127.0.0.1)", ("web",)),
    ("agents", "list, search and check the agents; pick one for a prompt", ("agents",)),
    ("workflows", "multi-agent workflows: list them, show a plan, run one", ("workflows",)),
    ("bench", "measure speed and memory against the targets", ("bench",)),
    ("metrics", "print the Prometheus URL and the live figures", ("metrics",)),
    ("models", "local models (offline) and remote providers: list, add, choose", ("models",)),
    ("desktop", "add or remove Vibing's desktop entry and icons (pip installs)", ("desktop",)),
)
#: The command modules, imported by name in this order (``importpg`` extends ``db``, so it comes after it).
COMMAND_MODULES = list(dict.fromkeys(module for _name, _help, modules in COMMANDS for module in modules))


class Parser(argparse.ArgumentParser):
    """argparse's parser, whose refusals are one line: the reason and where to read the usage.

    argparse prints the whole usage block before the reason; a person needs the reason, and the
    usage is one ``--help`` away.  Subcommand parsers are of the same class (argparse makes them
    with ``type(parent)``), so ``vibing projects rm`` refuses the same way.
    """

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


class VersionAction(argparse.Action):
    """``vibing --version``: this version, and the newer one the last daily update check found (no network)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        print(version_text())
        parser.exit(0)


def version_text() -> str:
    text = f"vibing {__version__}"
    try:
        from vibing import config as config_mod
        from vibing import paths as paths_mod
        from vibing import updates

        config = config_mod.load()
        release = updates.newer_release(paths_mod.resolve(config.data_dir or None).data, __version__)
    except VibingError:
        return text
    if release is not None:
        notes = f": {release.notes_url}" if release.notes_url else ""
        text += f"\nVibing {release.version} is available{f' ({release.date})' if release.date else ''}{notes}"
    return text


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: the chosen command from its own modules, every other one as a name and help line.

    Without ``argv``, or when it names no known command (``--help``, ``--version``, a typo), every module is
    imported, so anything argparse prints comes from the modules themselves.
    """
    parser = Parser(
        prog="vibing",
        description="Vibing: describe a web app in plain words; a specialist AI agent writes it.",
    )
    parser.add_argument("--version", action=VersionAction, nargs=0, help="print the version (and a newer one, if out)")
    parser.add_argument(
        "--debug", action="store_true", help="print the traceback of an error too (or set VIBING_DEBUG=1)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    needed = _modules_for(argv)
    registered: set[str] = set()
    for name, help_line, modules in COMMANDS:  # in the table's order, which is the order --help lists them
        if needed.issuperset(modules):
            for module in modules:
                if module not in registered:
                    registered.add(module)
                    importlib.import_module(f"vibing.cli.{module}").register(subparsers)
        if name not in subparsers.choices:
            subparsers.add_parser(name, help=help_line)
    return parser


def _modules_for(argv: list[str] | None) -> set[str]:
    """The command modules ``argv`` needs: its command's, or all of them when it names none."""
    command = next((arg for arg in argv or () if not arg.startswith("-")), None)
    for name, _help, modules in COMMANDS:
        if name == command:
            return set(modules)
    return set(COMMAND_MODULES)


def debug_wanted(argv: list[str]) -> bool:
    """Whether tracebacks are wanted: ``--debug`` before the command, or ``VIBING_DEBUG`` set to a true value.

    Read before parsing, so that an error while the parser is built (a command module that fails to
    import) is explained the same way.
    """
    if os.environ.get("VIBING_DEBUG", "").strip().lower() in ("1", "true", "yes", "on"):
        return True
    for arg in argv:
        if arg == "--debug":
            return True
        if not arg.startswith("-"):
            return False  # the command: a later --debug belongs to it (or is a prompt's text)
    return False


def with_command(argv: list[str]) -> list[str]:
    """``argv`` naming its command: with none (``vibing``, ``vibing --headless``) the command is ``run``."""
    if _command_name(argv) is not None or any(arg in ("-h", "--help", "--version") for arg in argv):
        return argv
    top = [arg for arg in argv if arg == "--debug"]
    return [*top, "run", *(arg for arg in argv if arg != "--debug")]


def main(argv: list[str] | None = None) -> int:
    argv = with_command(sys.argv[1:] if argv is None else argv)
    launching = _command_name(argv) == "run"
    if not launching:
        return _command(argv)
    # Fork the zygote now, before any thread or zmq context, so it preloads on the other core
    # while we import the rest and start the bus.
    from vibing import zygote

    zygote.start()
    try:
        return _command(argv)
    finally:
        # The supervisor stops it after its workers; this covers the ways out that never reach
        # it (a second instance refused, a bad setting, a bad option): it must not outlive us.
        zygote.stop()


def _command_name(argv: list[str]) -> str | None:
    return next((arg for arg in argv if not arg.startswith("-")), None)


def _command(argv: list[str]) -> int:
    """Parse ``argv`` and run its command; every error is printed as one line (and its traceback with --debug)."""
    from vibing.supervision import EXIT_CRASHED, EXIT_INTERRUPTED, EXIT_OK, EXIT_REFUSED

    debug = debug_wanted(argv)
    try:
        parser = build_parser(argv)
        args = parser.parse_args(argv)
        return int(args.func(args) or EXIT_OK)
    except VibingError as exc:
        _explain(f"vibing: {exc.message}", debug)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `vibing ... | head`: the reader left; that is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a bug is reported in one line, not a traceback
        text = " ".join(str(exc).split()) or "(no message)"
        hint = "" if debug else " (run with --debug for details)"
        _explain(f"vibing: Unexpected error: {type(exc).__name__}: {text}{hint}", debug)
        return EXIT_CRASHED


def _explain(line: str, debug: bool) -> None:
    """Print the error's one line on stderr, after its traceback when debugging (so the line stays last)."""
    if debug:
        import traceback

        traceback.print_exc(file=sys.stderr)
    print(line, file=sys.stderr, flush=True)
