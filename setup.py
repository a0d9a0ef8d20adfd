"""Packaging: every part of the repository installs under the single import root ``vibing``.

The repository keeps its layout (``schema/``, ``services/``, ``shell/``, ``bench/`` and
``supervisor.py`` at the top, beside the core package ``vibing/``); the wheel maps each
part into the ``vibing`` package, so that an installed Vibing claims no other top-level
name.  The package list is computed here because setuptools' declarative
``packages.find`` cannot re-root folders, and ``supervisor.py`` is copied by ``build_py``
because a single module cannot be mapped with ``package-dir``.  Everything else lives
in ``pyproject.toml``.
"""

from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

#: Top-level folders of the repository that become ``vibing.<name>``.
PARTS = ("schema", "services", "shell", "bench")


def packages() -> list[str]:
    found = find_packages(include=["vibing", "vibing.*"])
    for part in PARTS:
        found += [f"vibing.{part}"] + [f"vibing.{part}.{sub}" for sub in find_packages(where=part)]
    return found


class BuildPyWithSupervisor(build_py):
    """``build_py`` that also places the top-level ``supervisor.py`` at ``vibing/supervisor.py``."""

    def run(self) -> None:
        super().run()
        if not self.editable_mode:  # an editable install imports it from the checkout (see vibing/__init__.py)
            self.copy_file("supervisor.py", str(Path(self.build_lib) / "vibing" / "supervisor.py"), preserve_mode=False)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if not self.editable_mode:
            outputs.append(str(Path(self.build_lib) / "vibing" / "supervisor.py"))
        return outputs


setup(
    packages=packages(),
    package_dir={"vibing": "vibing", **{f"vibing.{part}": part for part in PARTS}},
    cmdclass={"build_py": BuildPyWithSupervisor},
)
