"""The bundle's entry point: one binary that is the ``vibing`` command and the interpreter of the app's own processes.

Why.  The app starts three kinds of processes with ``sys.executable``: a replacement zygote
(``python -m vibing.zygote FD PID``), the window (``python -m vibing.shell``) and the local engine
(``python .../llama_server.py ARGS``, run by path so it imports no Vibing package).  In the bundle
(PyInstaller, ``packaging/build``) ``sys.executable`` is the bundle's own ``vibing`` binary, and no Python
is installed beside it.  So the binary answers those two interpreter forms itself, from the code it carries,
and every process of the app comes from the bundle; anything else is the ``vibing`` command.

Only the modules and the script the app really starts are accepted: the binary is not a general Python
(``vibing -m anything`` is refused in one line), so a typo cannot run an arbitrary module.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

#: The modules the app runs as ``sys.executable -m MODULE``: the replacement zygote and the window.
MODULES = ("vibing.zygote", "vibing.shell")
#: The script the model service runs by path (``services/model/engine.py``'s ``LAUNCHER``).
SCRIPTS = ("llama_server.py",)
#: Exit code of a refused interpreter form (EX_USAGE).
EXIT_USAGE = 64


def dispatch(argv: list[str]) -> int:
    """Run ``argv`` (the arguments after the binary's name) as the app's process it names; return its exit code."""
    if argv[:1] == ["-m"]:
        module = argv[1] if len(argv) > 1 else ""
        if module not in MODULES:
            print(
                f"vibing: -m runs only the app's own processes ({', '.join(MODULES)}), not {module!r}", file=sys.stderr
            )
            return EXIT_USAGE
        sys.argv = [module, *argv[2:]]
        return _run(lambda: runpy.run_module(module, run_name="__main__", alter_sys=True))
    if argv and argv[0].endswith(".py"):
        script = Path(argv[0])
        if script.name not in SCRIPTS or not _inside_bundle(script):
            print(f"vibing: this binary runs only its own {', '.join(SCRIPTS)}, not {argv[0]!r}", file=sys.stderr)
            return EXIT_USAGE
        sys.argv = [str(script), *argv[1:]]
        return _run(lambda: runpy.run_path(str(script), run_name="__main__"))
    from vibing.cli import main

    return main(argv)


def _inside_bundle(script: Path) -> bool:
    """Whether ``script`` is a file of this installation (the bundle's data folder, or this package's tree)."""
    home = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1])).resolve()
    try:
        return script.resolve().is_relative_to(home) and script.is_file()
    except OSError:
        return False


def _run(run) -> int:  # noqa: ANN001 - a thunk around runpy
    """The exit code of a module or script run as ``__main__``: 0 when it returns, else its ``SystemExit``'s."""
    try:
        run()
    except SystemExit as exc:
        code = exc.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        print(code, file=sys.stderr)
        return 1
    return 0


def main() -> None:
    sys.exit(dispatch(sys.argv[1:]))
