"""The offline library: pinned copies of the browser libraries generated apps load from CDNs.

``manifest.json`` says what is cached (the only thing read at run time to know it), ``cache/`` holds the files
(both built by ``tools/rebuild_libraries.py``).  :mod:`.catalog` answers "which cached file is this CDN URL?",
:mod:`.rewrite` puts those answers into the HTML, JS and CSS the preview serves, and the preview's ``/lib/`` route
serves the files on the preview's own origin, so an app that loads Chart.js from jsDelivr renders with the
network off.
"""
