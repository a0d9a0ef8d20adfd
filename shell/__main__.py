"""Entry point of the window process, started by the supervisor (``python -m vibing.shell``)."""

import sys

from vibing.shell.app import main

sys.exit(main())
