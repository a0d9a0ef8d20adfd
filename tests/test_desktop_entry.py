"""The desktop entry and icons: valid, installed for a pip install by `vibing desktop install`, removed cleanly."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = ROOT / "shell" / "desktop"
VIBING = str(Path(sys.executable).with_name("vibing"))
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


def run_vibing(*args: str, data_home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return subprocess.run([VIBING, *args], env=env, capture_output=True, text=True, timeout=60)


def test_the_shipped_entry_passes_desktop_file_validate():
    validate = shutil.which("desktop-file-validate")
    assert validate, "desktop-file-validate is missing: .ci/install installs desktop-file-utils"
    result = subprocess.run([validate, str(DESKTOP / "vibing.desktop")], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_every_hicolor_size_is_a_png_of_that_size_plus_the_scalable_svg():
    for size in SIZES:
        assert png_size(DESKTOP / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "vibing.png") == (size, size)
    svg = DESKTOP / "icons" / "hicolor" / "scalable" / "apps" / "vibing.svg"
    assert svg.read_bytes() == (ROOT / "shell" / "ui" / "icon.svg").read_bytes()


def test_install_writes_an_entry_that_launches_this_installation_and_uninstall_removes_it(tmp_path):
    data = tmp_path / "share"
    result = run_vibing("desktop", "install", data_home=data)
    assert result.returncode == 0, result.stderr
    entry = data / "applications" / "vibing.desktop"
    lines = entry.read_text().splitlines()
    assert f"Exec={VIBING}" in lines and f"TryExec={VIBING}" in lines
    assert subprocess.run(["desktop-file-validate", str(entry)], capture_output=True).returncode == 0
    for size in SIZES:
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "vibing.png").is_file()
    neighbour = data / "applications" / "other.desktop"
    neighbour.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")

    result = run_vibing("desktop", "uninstall", data_home=data)
    assert result.returncode == 0, result.stderr
    assert not entry.exists()
    assert not list((data / "icons").rglob("vibing.png"))
    assert neighbour.exists(), "uninstall removes only what install wrote"


def test_uninstall_leaves_an_entry_it_did_not_write_and_says_so(tmp_path):
    data = tmp_path / "share"
    entry = data / "applications" / "vibing.desktop"
    entry.parent.mkdir(parents=True)
    entry.write_text("[Desktop Entry]\nType=Application\nName=Vibing (my own)\nExec=/opt/mine/vibing\n")
    result = run_vibing("desktop", "uninstall", data_home=data)
    assert result.returncode != 0
    assert "not added by `vibing desktop install`" in result.stderr
    assert "Traceback" not in result.stderr
    assert entry.exists()


@pytest.mark.parametrize("path", ["/opt/my apps/vibing", '/home/o"brien/vibing'])
def test_an_exec_path_with_spaces_or_quotes_is_quoted_as_the_specification_says(path):
    from vibing.cli.desktop import _exec_value

    value = _exec_value(path)
    assert value.startswith('"') and value.endswith('"')
    assert value[1:-1].replace('\\"', '"') == path
