"""``vibing bench``: every speed and memory figure, measured in one run.

Each module listed in :data:`ROW_MODULES` has ``PREFIX`` or ``PREFIXES`` (the
row ids it produces start with one of them) and ``run(ctx) -> list[Row]``.  Rows carry the web
app's figure and the plan's target from MISSION.md beside ours, so the table
reads as a comparison.
"""

from __future__ import annotations

import importlib
from dataclasses import asdict, dataclass, field
from typing import Any

ROW_MODULES = [
    "vibing.bench.runtime",
    "vibing.bench.agents",
    "vibing.bench.storage",
    "vibing.bench.stream",
    "vibing.bench.shell",
    "vibing.bench.local",
    "vibing.bench.importer",
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

    @property
    def meets_target(self) -> bool | None:
        if self.target is None:
            return None
        return self.value < self.target if self.direction == "<" else self.value > self.target

    @property
    def ratio(self) -> float | None:
        """How many times better than the target (>1 means better)."""
        if self.target is None or not self.value:
            return None
        return self.target / self.value if self.direction == "<" else self.value / self.target

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["meets_target"] = self.meets_target
        data["ratio_to_target"] = None if self.ratio is None else round(self.ratio, 2)
        return data


def modules(only: str | None = None) -> list[Any]:
    """The row modules that produce a row id starting with ``only`` (all when None)."""
    found = []
    for name in ROW_MODULES:
        module = importlib.import_module(name)
        prefixes = getattr(module, "PREFIXES", None) or (module.PREFIX,)
        if only is None or any(p.startswith(only) or only.startswith(p) for p in prefixes):
            found.append(module)
    return found
