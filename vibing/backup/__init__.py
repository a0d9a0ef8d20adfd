"""Whole-app backups: one archive that carries a person's Vibing to another machine.

One concept per module: :mod:`.manifest` (what an archive says about itself, and the names it may hold),
:mod:`.create` (writing one), :mod:`.verify` (checking one without trusting it), :mod:`.restore` (putting
one back, paths rewritten for the new home) and :mod:`.schedule` (the daily automatic backups and their
pruning).  Standard library and apsw only, so the CLI and the storage service can both use it.
"""
