"""An installed Vibing claims only the import name ``vibing``.

The proof the house issue asks for: a fresh virtualenv holds the built wheel next to
the PyPI distributions ``schema`` (a validation library) and ``supervisor`` (the
process manager).  Vibing starts, serves and stops there, and both of those
distributions still work.  A second, cheap test imports every module of the
checkout and shows that none loads under two names.
"""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

import vibing
from tests.conftest import ROOT, vibing_env, wait_for_line

pytestmark = pytest.mark.slow


def _run(*cmd: str | Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, check=True, timeout=600, **kwargs)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtualenv with the wheel built from this checkout, plus PyPI's ``schema`` and ``supervisor``."""
    where = tmp_path_factory.mktemp("install")
    # Build from a copy, so that setuptools' build/ folder never lands in the checkout.
    source = where / "source"
    shutil.copytree(
        ROOT,
        source,
        symlinks=True,
        ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "__pycache__"),
    )
    _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", source, "-w", where / "dist")
    (wheel,) = (where / "dist").glob("vibing-*.whl")
    venv.create(where / "venv", with_pip=True)
    python = where / "venv" / "bin" / "python"
    _run(python, "-m", "pip", "install", "-q", wheel, "schema", "supervisor")
    return where / "venv" / "bin"


def test_the_wheel_installs_only_the_vibing_package(installed: Path):
    site = Path(
        _run(
            installed / "python", "-c", "import vibing, pathlib; print(pathlib.Path(vibing.__file__).parent)", cwd="/"
        ).stdout.strip()
    )
    assert site.parent.name == "site-packages"
    ours = {
        line.split(",")[0].split("/")[0]
        for line in next(site.parent.glob("vibing-*.dist-info")).joinpath("RECORD").read_text().splitlines()
    }
    assert {name for name in ours if not name.endswith(".dist-info") and name != ".."} == {"vibing"}
    assert all((site / part).is_dir() for part in ("schema", "services", "shell", "bench"))
    assert (site / "supervisor.py").is_file()


def test_the_installed_app_runs_beside_pypi_schema_and_supervisor(installed: Path, tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    env = vibing_env(home)
    env.pop("PYTHONPATH", None)
    app = subprocess.Popen(
        [installed / "vibing", "run", "--headless"],
        env=env,
        cwd=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_line(app, "vibing: ready", 60)
        status = _run(installed / "vibing", "status", env=env, cwd=home).stdout
        for service in ("storage", "agent", "stream", "metrics"):
            assert service in status
        projects = _run(installed / "vibing", "projects", "ls", env=env, cwd=home)
        assert projects.returncode == 0
    finally:
        _run(installed / "vibing", "stop", env=env, cwd=home)
        app.wait(timeout=30)
    assert app.returncode == 0

    # PyPI's schema is still the one `import schema` finds, and supervisord still runs.
    check = _run(
        installed / "python", "-c", "import schema; print(schema.__file__); schema.Schema(int).validate(3)", cwd=home
    )
    assert "vibing" not in check.stdout
    version = _run(installed / "supervisord", "--version", cwd=home).stdout.strip()
    assert version[0].isdigit()


PARTS = ("schema", "services", "shell", "bench", "supervisor")


def test_no_module_of_the_checkout_loads_under_two_names():
    """Import every module of the checkout: each file is loaded once, and only under ``vibing.``."""
    script = (
        "import importlib, os, pkgutil, sys, vibing\n"
        "skip = ('vibing.shell.window', 'vibing.bench.')\n"
        "for info in pkgutil.walk_packages(vibing.__path__, 'vibing.'):\n"
        "    if not info.name.startswith(skip) and not info.name.endswith('__main__'):\n"
        "        importlib.import_module(info.name)\n"
        "files = {}\n"
        "for name, module in list(sys.modules.items()):\n"
        "    path = getattr(module, '__file__', None)\n"
        "    real = path and os.path.realpath(path)\n"
        "    if real and real.startswith(sys.argv[1] + os.sep) and '/.venv/' not in real:\n"
        "        assert real not in files, f'{real} loaded as {files[real]} and {name}'\n"
        "        files[real] = name\n"
        "assert all(name.startswith('vibing') for name in files.values()), sorted(files.values())\n"
        "print(len(files))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", script, str(ROOT)], capture_output=True, text=True, cwd="/", env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 100
    assert {info.name for info in pkgutil.iter_modules(vibing.__path__)} >= set(PARTS)
