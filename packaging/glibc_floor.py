"""Print the oldest glibc a built bundle runs on: the newest GLIBC_x.y symbol version any of its ELF files asks for.

packaging/build writes it into the .deb's ``Depends: libc6 (>= x.y)``, so apt refuses the package on a system
too old for it instead of the app failing at start with a loader error.  Usage: glibc_floor.py FOLDER
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
VERSION = re.compile(rb"GLIBC_(\d+)\.(\d+)(?:\.(\d+))?")


def floor(folder: Path) -> tuple[int, ...]:
    newest: tuple[int, ...] = (2, 17)
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != ELF_MAGIC:
                continue
        out = subprocess.run(["readelf", "-V", "-W", str(path)], capture_output=True, check=False).stdout
        for match in VERSION.finditer(out):
            found = tuple(int(part) for part in match.groups() if part is not None)
            newest = max(newest, found)
    return newest


if __name__ == "__main__":
    print(".".join(str(part) for part in floor(Path(sys.argv[1]))))
