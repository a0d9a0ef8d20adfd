"""``vibing bench``: every speed and memory figure, measured in one run.

Each module listed in :data:`ROW_MODULES` has ``PREFIX`` or ``PREFIXES`` (the
row ids it produces start with one of them) and ``run(ctx) -> list[Row]``.  Rows carry the web
app's figure and the plan's target from MISSION.md beside ours, so the table
reads as a comparison.

Shared machines differ 2-5x in raw speed, so most targets are ratios: a *floor*
row (the least work that could do the job, measured in the same run by
:mod:`vibing.bench.floors`) and a *ratio* row (our figure divided by the floor,
with the target), made by :func:`versus_floor`.
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
    #: "figure" (ours), "floor" (a same-run baseline a target is a ratio to) or "ratio" (figure / floor).
    kind: str = "figure"
    #: For a ratio row: the ids of the row it divides and of the floor row it divides by.
    divides: tuple[str, str] | None = None

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


def modules(only: str | None = None) -> list[Any]:
    """The row modules that produce a row id starting with ``only`` (all when None)."""
    found = []
    for name in ROW_MODULES:
        module = importlib.import_module(name)
        prefixes = getattr(module, "PREFIXES", None) or (module.PREFIX,)
        if only is None or any(p.startswith(only) or only.startswith(p) for p in prefixes):
            found.append(module)
    return found
