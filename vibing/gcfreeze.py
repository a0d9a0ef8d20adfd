"""Imported last by the fork server: move everything imported so far out of the collector's reach.

Workers are forks of the fork server.  Without this, the first garbage
collection in each worker walks (and so writes to) every preloaded object,
turning the shared pages into private copies.  ``gc.freeze()`` keeps them shared.
"""

import gc

gc.collect()
gc.freeze()
