"""Which files and folders a page may name: the shell decides, never the page.

The page is the least trusted part of the shell: script that got into it (a bug in
our renderer, a hostile browser extension) must not read or overwrite the user's
files through a storage or agent request that carries a path.  So every request
field that names a place on disk is checked here, in the shell process, against
what the user chose where page script cannot reach:

- in the window, a path that the native dialog returned (a *grant*: exact, of one
  kind, good for a few minutes);
- in ``vibing web``, which has no native dialog, the folders given on its command
  line with ``--allow-folder`` (the page cannot change that list), and whatever
  lies inside them once symlinks are resolved.

The same holds for folders the page puts in the settings (agent folders, the data
folder): ``shell/runtime.py`` checks them here before they are stored.

``overwrite`` is never honoured from the page: replacing what is on disk is for the
command line (``vibing projects export --overwrite``).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import msgspec

from vibing.errors import InvalidRequest

#: Kinds of grant a native dialog gives: a folder picker, or a "save as" file picker.
FOLDER = "folder"
FILE = "file"
#: How long a path picked in a dialog stays usable by the page.
GRANT_TTL_S = 15 * 60.0
#: What each native dialog grants.
DIALOG_KINDS = {"folder_dialog": FOLDER, "save_dialog": FILE}

#: Requests with a field that names a place on disk: (service, type) -> (field, kind, what it is for).
#: A kind of None accepts a grant of either kind (an import reads a folder or a zip).
PATH_FIELDS: dict[tuple[str, str], tuple[str, str | None, str]] = {
    ("storage", "ExportProject"): ("path", FILE, "Exporting a project"),
    ("storage", "ImportProject"): ("path", None, "Importing a project"),
    ("agent", "AddAgentFolder"): ("path", FOLDER, "Adding an agent folder"),
    ("agent", "CheckAgentFolder"): ("path", FOLDER, "Checking an agent folder"),
}
#: Every agent request may name a project folder whose ``.claude/agents`` it reads.
PROJECT_DIR_FIELD = "project_dir"


class FolderAccess:
    """The paths the page may use: grants from native dialogs, and the folders the user allowed."""

    def __init__(
        self,
        allowed: Iterable[str | os.PathLike[str]] = (),
        *,
        dialogs: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.allowed = [Path(os.path.realpath(os.path.expanduser(str(folder)))) for folder in allowed]
        #: Whether native dialogs exist (the window), which changes what a refusal advises.
        self.dialogs = dialogs
        self._clock = clock
        self._grants: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()

    # -- grants ------------------------------------------------------------------------

    def grant(self, path: str, kind: str) -> None:
        """Record that the user picked ``path`` in a native dialog of ``kind``."""
        if not path or not os.path.isabs(path):
            return
        with self._lock:
            now = self._clock()
            self._grants = {key: until for key, until in self._grants.items() if until > now}
            self._grants[(os.path.realpath(path), kind)] = now + GRANT_TTL_S

    def _granted(self, resolved: str, kind: str | None) -> bool:
        now = self._clock()
        kinds = (FOLDER, FILE) if kind is None else (kind,)
        with self._lock:
            return any(self._grants.get((resolved, k), 0.0) > now for k in kinds)

    # -- checks ------------------------------------------------------------------------

    def check(self, path: object, kind: str | None, purpose: str, *, elsewhere: str = "") -> str:
        """``path`` resolved (symlinks followed) if the page may use it for ``purpose``; else InvalidRequest.

        ``elsewhere`` is what a refusal in ``vibing web`` suggests instead of the command line's project and agent
        commands (e.g. editing the config file)."""
        if not isinstance(path, str) or not path.strip():
            raise InvalidRequest(f"{purpose} needs a path.")
        if "\x00" in path or not os.path.isabs(path):
            raise InvalidRequest(f"{purpose} needs an absolute path; {path!r} is not one.", path=path)
        resolved = os.path.realpath(path)
        if self._granted(resolved, kind):
            return resolved
        target = Path(resolved)
        if any(target == folder or folder in target.parents for folder in self.allowed):
            return resolved
        raise InvalidRequest(self._refusal(purpose, path, elsewhere), path=path)

    def _refusal(self, purpose: str, path: str, elsewhere: str = "") -> str:
        elsewhere = elsewhere or "or use the command line (`vibing projects export|import`, `vibing agents`)"
        if self.dialogs:
            return (
                f"{purpose} from the window works only with a place picked in Vibing's own dialog "
                f"(the Choose… button); {path} was not picked there."
            )
        if self.allowed:
            folders = ", ".join(str(folder) for folder in self.allowed)
            return (
                f"{purpose} from the browser works only inside the folders allowed when `vibing web` started "
                f"({folders}); {path} is not inside one. Start it with `--allow-folder FOLDER`, {elsewhere}."
            )
        return f"{purpose} from the browser needs a folder you allowed: start `vibing web --allow-folder FOLDER`, {elsewhere}."

    def check_message(self, service: str, type_name: str, message: msgspec.Struct) -> msgspec.Struct:
        """The page's request with every path it names checked (and resolved); InvalidRequest if one is not allowed."""
        changes: dict[str, str] = {}
        if (service, type_name) == ("storage", "ExportProject") and getattr(message, "overwrite", False):
            raise InvalidRequest(
                "Replacing an existing file or folder is not possible from the window; choose a new name, "
                "or use `vibing projects export --overwrite` on the command line."
            )
        spec = PATH_FIELDS.get((service, type_name))
        if spec is not None:
            field, kind, purpose = spec
            if type_name == "ExportProject" and getattr(message, "format", "zip") == "folder":
                kind = FOLDER
            changes[field] = self.check(getattr(message, field), kind, purpose)
        if service == "agent" and getattr(message, PROJECT_DIR_FIELD, ""):
            changes[PROJECT_DIR_FIELD] = self.check(
                getattr(message, PROJECT_DIR_FIELD), FOLDER, "Reading a project's agent folder"
            )
        return msgspec.structs.replace(message, **changes) if changes else message

    def check_new_folders(self, folders: Iterable[object], purpose: str) -> None:
        """Every folder in ``folders`` allowed as a folder for ``purpose`` (InvalidRequest otherwise)."""
        for folder in folders:
            self.check(folder, FOLDER, purpose)
