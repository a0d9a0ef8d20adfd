"""Render Vibing's icon (shell/ui/icon.svg) to the hicolor PNG sizes a desktop needs.

    python tools/render_icons.py            # writes shell/desktop/icons/hicolor/<N>x<N>/apps/vibing.png

The SVG is the source; the PNGs are committed so that installing needs no renderer.  Chromium
(Debian's, already used by the browser tests) draws them, because ImageMagick's own SVG reader
renders gradients and round joins poorly at small sizes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "shell" / "ui" / "icon.svg"
OUT = ROOT / "shell" / "desktop" / "icons" / "hicolor"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(size: int, work: Path) -> Path:
    page = work / f"icon-{size}.html"
    svg = SOURCE.read_text().replace("<svg ", f"<svg width='{size}' height='{size}' style='display:block' ", 1)
    # Inline, so it is painted with the page: an <img> may not have loaded when the screenshot is taken.
    page.write_text(f"<!doctype html><html><body style='margin:0;background:transparent'>{svg}</body></html>")
    target = OUT / f"{size}x{size}" / "apps" / "vibing.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    shot = work / f"shot-{size}.png"
    subprocess.run(
        [
            shutil.which("chromium") or "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            "--default-background-color=00000000",
            f"--user-data-dir={work / 'profile'}",
            # Headless Chromium's viewport can be smaller than its window: draw on a roomy one, then crop.
            f"--window-size={size + 200},{size + 200}",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    # ImageMagick (a test dependency) crops the icon out and drops metadata, so reruns are byte-identical.
    subprocess.run(
        ["convert", str(shot), "-crop", f"{size}x{size}+0+0", "+repage", "-strip", f"PNG32:{target}"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return target


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            print(render(size, Path(tmp)).relative_to(ROOT))
    scalable = OUT / "scalable" / "apps" / "vibing.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    print(scalable.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
