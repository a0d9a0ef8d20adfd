"""Start the worker fork server as early as possible.

The fork server imports every service's modules once, and each worker is then
a fork of it: start-up in milliseconds and shared memory pages.  Starting it
first thing in ``vibing run`` lets those imports run on the other core while
the supervisor is still importing its own modules.  This module imports
nothing heavy on purpose (``schema`` is msgspec and a few Structs).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver

from vibing.schema import SERVICES

#: The modules the fork server imports once (the services and the worker base).
PRELOAD = ["vibing.worker"] + [f"vibing.services.{name}" for name in SERVICES] + ["vibing.gcfreeze"]


def context() -> multiprocessing.context.BaseContext:
    """The fork-server context, started (once per process) with the preload list."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    multiprocessing.forkserver.ensure_running()
    return ctx
