"""Settings > Restore in the desktop window: a backup picked in the native dialog, the person's native yes, then
the supervisor's ``RestoreBackup``.

Why the shell and not the page: a restore replaces every project, so the page may not ask for one
(``shell/bridge.py``'s FORBIDDEN list).  Here only two acts of the person can start it, neither of which page
script can perform or fake: choosing the archive in the window's own file dialog, and answering the window's own
confirmation box.  The supervisor then checks the whole archive, stops the services (the window stays open),
swaps the data with a dated safety copy, and starts them again.  ``vibing web`` has neither dialog, so there the
page keeps pointing to ``vibing backup restore FILE``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec

from vibing.errors import InvalidRequest
from vibing.schema.supervisor import RestoreBackup

#: A restore of a large database takes minutes; the supervisor answers when it is over.
RESTORE_TIMEOUT_S = 3600.0


def question(archive: Path) -> str:
    """What the confirmation box says: what a restore does, before the person agrees to it."""
    return (
        f"Restore {archive.name}?\n\n"
        "Every project here is replaced by the backup's (nothing is merged), with the settings and agents it "
        "holds. Your current data is kept as a dated copy beside the data folder until the restore has succeeded. "
        "Vibing's services stop for a moment; this window stays open. The API key is never in a backup: set it "
        "again afterwards."
    )


def install(shell: Any, pick: Callable[[], str]) -> None:
    """Add the ``restore_dialog`` native intent to a window's ``shell`` (``pick`` opens its file dialog)."""

    def restore_dialog(_data: dict[str, Any]) -> dict[str, Any]:
        if shell.confirm is None:
            raise InvalidRequest("Restoring from the window needs its confirmation dialog.")
        picked = pick()
        if not picked:
            return {"cancelled": True}
        archive = Path(picked)
        if not shell.confirm("Restore a backup", question(archive)):
            return {"cancelled": True}
        reply = shell.bus.request(
            "supervisor", RestoreBackup(path=str(archive), replace=True), timeout=RESTORE_TIMEOUT_S
        )
        return {"cancelled": False, **msgspec.to_builtins(reply)}

    shell.native["restore_dialog"] = restore_dialog
