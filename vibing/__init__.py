"""Vibing: one import root for the whole app.

Every part of Vibing is imported as ``vibing.<part>``: the core modules in this
folder (bus, worker base, config, ...) and the top-level parts of the repository,
``vibing.schema``, ``vibing.services``, ``vibing.shell``, ``vibing.bench`` and
``vibing.supervisor``.  An installed Vibing so claims the single name ``vibing``
and never shadows a PyPI distribution called ``schema`` or ``supervisor``.

A wheel ships those parts inside this package (see ``setup.py``).  A source
checkout (an editable install, or ``PYTHONPATH`` set to the checkout) keeps them
at the top of the repository, so there this package also looks in the
checkout's root for its subpackages.
"""

from pathlib import Path as _Path

__version__ = "0.1.0"

#: The parts of the repository that live beside this folder in a checkout.
PARTS = ("schema", "services", "shell", "bench", "supervisor")


def _checkout_root() -> _Path | None:
    """The repository root when this package runs from a source checkout, else None."""
    root = _Path(__file__).resolve().parent.parent
    if (root / "pyproject.toml").is_file() and (root / "supervisor.py").is_file() and (root / "services").is_dir():
        return root
    return None


_root = _checkout_root()
if _root is not None and str(_root) not in __path__:
    __path__.append(str(_root))
