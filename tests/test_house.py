"""The house's rules hold: every module has a layer, and the layer contracts are checked.

`lint-imports` (import-linter) enforces the contracts in pyproject.toml; these tests make
sure no module escapes them by being left out of the layer list (a new core module that
no layer names would be unconstrained), and that the contracts pass on this tree.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import ROOT

CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]


def _layered_names() -> set[str]:
    (layers,) = [c for c in CONTRACTS if c["id"] == "layers"]
    names: set[str] = set()
    for layer in layers["layers"]:
        names.update(part.strip() for part in layer.replace("|", ":").split(":"))
    return names


def test_every_module_of_the_vibing_package_has_a_layer():
    package = ROOT / "vibing"
    modules = {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
    modules |= {p.name for p in package.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    missing = modules - _layered_names()
    assert not missing, f"modules with no layer in pyproject.toml [tool.importlinter]: {sorted(missing)}"


def test_every_service_is_declared_independent():
    (independent,) = [c for c in CONTRACTS if c["id"] == "services-independent"]
    services = {p.name for p in (ROOT / "services").iterdir() if (p / "__init__.py").exists()}
    assert {m.rsplit(".", 1)[1] for m in independent["modules"]} == services


def test_the_import_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert lint, "import-linter is part of the test extra"
    result = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:]
