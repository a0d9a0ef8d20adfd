"""``vibing db import-postgres``: move a vibing2 web app account into the desktop app.

- :mod:`vibing.importer.reader`: the web app's PostgreSQL database (its Prisma
  schema), streamed with psycopg 3 server-side cursors.
- :mod:`vibing.importer.mapping`: rows -> storage import requests, bad rows -> problems.
- :mod:`vibing.importer.run`: one run, writing through the storage service over the bus.
- :mod:`vibing.importer.report` / :mod:`vibing.importer.progress`: the report and the progress bar.

How the web app's users map into a single-user app: every imported project
belongs to the desktop app's one user (you); each web user becomes a user row
without a password (never imported), used as the owner label of the projects
they had (``import_sources.owner``).  ``--user EMAIL`` imports one user's part.
"""

from vibing.importer.run import import_postgres

__all__ = ["import_postgres"]
