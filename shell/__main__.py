"""Entry point of the window process, started by the supervisor (``python -m shell``)."""

import sys

from shell.app import main

sys.exit(main())
