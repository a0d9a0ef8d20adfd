import sys

from vibing.cli import main

sys.exit(main())
