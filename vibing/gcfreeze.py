"""Imported last by the zygote: move everything imported so far out of the collector's reach.

Workers are forks of the zygote (:mod:`vibing.zygote`).  Without this, the first garbage
collection in each worker walks (and so writes to) every preloaded object,
turning the shared pages into private copies.  ``gc.freeze()`` keeps them shared.
"""

import gc

gc.collect()
gc.freeze()
