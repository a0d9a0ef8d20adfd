"""``vibing desktop install|uninstall``: the desktop entry and icons for a pip or pipx install.

The ``.deb`` puts them in the system folders; an install by pip or pipx has no place of its own
there, so this command copies them into the user's XDG data folder
(``$XDG_DATA_HOME``, by default ``~/.local/share``): ``applications/vibing.desktop``, whose
``Exec`` names this very installation's ``vibing``, and ``icons/hicolor/<size>/apps/vibing.png``.
``uninstall`` removes only what ``install`` wrote: an entry it did not write is left alone.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

from vibing.errors import InvalidRequest

#: Marks an entry this command wrote, so ``uninstall`` never removes someone else's.
MARKER = "X-Vibing-Installed-By=vibing desktop install"
ENTRY = "vibing.desktop"


def register(subparsers: argparse._SubParsersAction) -> None:
    desktop = subparsers.add_parser("desktop", help="add or remove Vibing's desktop entry and icons (pip installs)")
    actions = desktop.add_subparsers(dest="action", metavar="ACTION", required=True)
    install = actions.add_parser("install", help="add the desktop entry and icons for this user")
    install.set_defaults(func=cmd_install)
    uninstall = actions.add_parser("uninstall", help="remove the desktop entry and icons this command added")
    uninstall.set_defaults(func=cmd_uninstall)


def data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher() -> str:
    """The ``vibing`` of this installation: beside this Python, else the one on the PATH."""
    beside = Path(sys.executable).with_name("vibing")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("vibing")
    if found is None:
        raise InvalidRequest("Cannot find the `vibing` command of this installation, so no entry can launch it.")
    return found


def _exec_value(path: str) -> str:
    """``path`` quoted as the desktop entry specification wants it in ``Exec``."""
    if not any(c in path for c in " \t\n\"'\\><~|&;$*?#()`"):
        return path
    return '"' + path.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$") + '"'


def _source() -> resources.abc.Traversable:
    return resources.files("vibing.shell") / "desktop"


def _icons() -> list[tuple[resources.abc.Traversable, str]]:
    """(packaged icon, its path under ``icons/``) for every size we ship."""
    found = []
    hicolor = _source() / "icons" / "hicolor"
    for size in sorted(hicolor.iterdir(), key=lambda p: p.name):
        for icon in (size / "apps").iterdir():
            found.append((icon, f"hicolor/{size.name}/apps/{icon.name}"))
    return found


def _refresh_caches(data: Path) -> None:
    """Tell the desktop about the change, where the tools exist (they are optional)."""
    for command in (
        ["update-desktop-database", str(data / "applications")],
        ["gtk-update-icon-cache", "--force", "--ignore-theme-index", str(data / "icons" / "hicolor")],
    ):
        if shutil.which(command[0]):
            subprocess.run(command, capture_output=True, timeout=30, check=False)


def cmd_install(args: argparse.Namespace) -> int:
    data = data_home()
    template = (_source() / ENTRY).read_text(encoding="utf-8")
    command = _exec_value(launcher())
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={command}"
        elif line.startswith("TryExec="):
            line = f"TryExec={launcher()}"
        lines.append(line)
    lines.append(MARKER)
    entry = data / "applications" / ENTRY
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for icon, relative in _icons():
        target = data / "icons" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(icon.read_bytes())
    _refresh_caches(data)
    print(f"Added Vibing to the applications menu: {entry} (it runs {launcher()}).")
    return 0


def cmd_uninstall(args: argparse.Namespace) -> int:
    data = data_home()
    entry = data / "applications" / ENTRY
    removed = 0
    if entry.is_file():
        if MARKER not in entry.read_text(encoding="utf-8", errors="replace").splitlines():
            raise InvalidRequest(f"{entry} was not added by `vibing desktop install`, so it is left as it is.")
        entry.unlink()
        removed += 1
    for _icon, relative in _icons():
        target = data / "icons" / relative
        if target.is_file():
            target.unlink()
            removed += 1
    _refresh_caches(data)
    print("Removed Vibing's desktop entry and icons." if removed else "Vibing had no desktop entry for this user.")
    return 0
