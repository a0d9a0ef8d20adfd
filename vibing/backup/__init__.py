"""Whole-app backups: one archive that carries a person's Vibing to another machine.

One concept per module: :mod:`.manifest` (what an archive says about itself, and the names it may hold),
:mod:`.create` (writing one), :mod:`.verify` (checking one without trusting it), :mod:`.restore` (putting
one back, paths rewritten for the new home) and :mod:`.schedule` (the daily automatic backups and their
pruning).  Standard library and apsw only, so the CLI and the storage service can both use it.
"""

from pathlib import Path


def restore_journal(data_dir: Path) -> Path:
    """Where a restore keeps its journal while it swaps folders: present at launch only when one was killed.

    Here, not in :mod:`.restore`, so that the supervisor checks for it at every launch without importing the
    restore machinery (zipfile, apsw, the verifier: about 50 ms before the window could start).
    """
    return data_dir.parent / f".{data_dir.name}.restore-journal.json"
