"""Vibing: one import root for the whole app.

Every part of Vibing is imported as ``vibing.<part>``: the core modules in this
folder (bus, worker base, config, ...) and the top-level parts of the repository,
which this folder links to: ``vibing.schema``, ``vibing.services``, ``vibing.shell``,
``vibing.bench`` and ``vibing.supervisor``.  The repository keeps its layout, and an
installed Vibing claims the single name ``vibing``: it never shadows, nor is shadowed
by, a PyPI distribution called ``schema`` or ``supervisor``.
"""

__version__ = "0.1.0"
#: Where the app asks, at most once a day, whether a newer version is out (see vibing.updates).  Set when
#: the app is built (packaging), changeable in the config (``update_feed_url``); empty: no check is made.
UPDATE_FEED_URL = ""
