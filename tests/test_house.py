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


def _modules_of(package: Path, dotted: str) -> set[str]:
    found = set()
    for path in package.rglob("*.py"):
        parts = path.relative_to(package).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found.add(".".join((dotted, *parts)) if parts else dotted)
    return found


def test_the_architecture_guide_names_every_module_of_the_services_and_the_shell():
    guide = (ROOT / "docs" / "architecture.md").read_text()
    missing = []
    for part in ("services", "shell"):
        for module in _modules_of(ROOT / part, f"vibing.{part}"):
            package, _, name = module.rpartition(".")
            if module.count(".") < 3 and part == "services":
                continue  # vibing.services and vibing.services.<name> themselves
            if f"`{name}`" not in guide or f"`{package}`" not in guide and f"`{module}`" not in guide:
                missing.append(module)
    for core in (ROOT / "vibing").glob("*.py"):
        if core.stem not in ("__init__",) and not core.is_symlink() and f"`vibing.{core.stem}`" not in guide:
            missing.append(f"vibing.{core.stem}")
    assert not missing, f"docs/architecture.md does not name: {sorted(missing)}"


MYPY_TARGETS = ["-p", "vibing.schema"] + [
    arg
    for module in ("protocol", "paths", "log", "errors", "project_files", "config", "keys", "bus", "broker", "meter")
    for arg in ("-m", f"vibing.{module}")
]


def test_the_schema_and_the_core_type_check():
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", *MYPY_TARGETS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:]
