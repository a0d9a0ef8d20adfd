"""How well auto-select picks: accuracy and calibration over a labelled set of requests.

The set is ``tests/data/routing.tsv`` (one request per line: split, request, the 1-3 agents a reasonable
person would accept, best first, and for a follow-up the project's context).  The *tune* half is what
the selector and its calibration were adjusted on; the *test* half is what the figures are reported on.
Shared by the test that guards routing, ``vibing bench`` and ``tools/fit_routing.py``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from vibing.services.agent.registry import Library
from vibing.services.agent.select import Selection, select
from vibing.services.agent.wordmodel import WordModel

#: The evaluation set in a source checkout (it is not installed with the app): tune and test halves...
ROUTING_SET = Path(__file__).resolve().parents[2] / "tests" / "data" / "routing.tsv"
#: ...more requests for tuning only, written later by people who had not seen the test half (the second, third
#: fourth and fifth were held-out sets, each measured once, then read: tuning data from then on)...
MORE_TUNING = (
    ROUTING_SET.with_name("routing-more.tsv"),
    ROUTING_SET.with_name("routing-heldout.tsv"),
    ROUTING_SET.with_name("heldout-2.tsv"),
    ROUTING_SET.with_name("heldout-3.tsv"),
    ROUTING_SET.with_name("heldout-4.tsv"),
    ROUTING_SET.with_name("heldout-5.tsv"),
    ROUTING_SET.with_name("heldout-6.tsv"),
    ROUTING_SET.with_name("heldout-7.tsv"),
    ROUTING_SET.with_name("heldout-8.tsv"),
    ROUTING_SET.with_name("heldout-9.tsv"),
)
#: Of those, the blind sets the rules were never tuned on (measured once, then only counted by the word model): the
#: confidence is fitted on them, because on requests the rules were tuned on they are nearly always right, and a
#: confidence fitted there learns to trust them more than a new request deserves.
CALIBRATION_SETS = tuple(ROUTING_SET.with_name(f"heldout-{n}.tsv") for n in (6, 7, 8, 9))
#: ...and the held-out sets the figures are reported on: each written by an author who saw neither the selector nor
#: the other sets, and committed before the selector they measure; never tuned on.
HELD_OUT = (ROUTING_SET.with_name("heldout-10.tsv"),)
BINS = 5


class EvaluationSetError(ValueError):
    """A line of the evaluation set is malformed (the message names the line)."""


@dataclass(frozen=True, slots=True)
class Case:
    line: int
    split: str
    request: str
    accept: tuple[str, ...]
    project_type: str = ""
    recent_agents: tuple[str, ...] = ()
    files: tuple[str, ...] = ()


@dataclass(slots=True)
class Outcome:
    case: Case
    selection: Selection
    took_ms: float

    @property
    def picked(self) -> str:
        return self.selection.primary.agent.name

    @property
    def right(self) -> bool:
        return self.picked in self.case.accept

    @property
    def top3(self) -> list[str]:
        return [self.picked] + [p.agent.name for p in self.selection.runners_up[:2]]


@dataclass(slots=True)
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.outcomes)

    @property
    def top1(self) -> float:
        return sum(o.right for o in self.outcomes) / max(1, self.size)

    @property
    def top3(self) -> float:
        return sum(any(n in o.case.accept for n in o.top3) for o in self.outcomes) / max(1, self.size)

    def calibration_error(self, bins: int = BINS) -> float:
        """Expected calibration error: the gap between confidence and accuracy, averaged over ``bins`` bins."""
        total = 0.0
        for b in range(bins):
            low, high = b / bins, (b + 1) / bins
            inside = [
                o
                for o in self.outcomes
                if low <= o.selection.confidence < high or (b == bins - 1 and o.selection.confidence == 1.0)
            ]
            if inside:
                accuracy = sum(o.right for o in inside) / len(inside)
                mean = sum(o.selection.confidence for o in inside) / len(inside)
                total += abs(accuracy - mean) * len(inside)
        return total / max(1, self.size)

    def worst(self, n: int = 5) -> list[Outcome]:
        """The most confident wrong picks."""
        wrong = [o for o in self.outcomes if not o.right]
        return sorted(wrong, key=lambda o: -o.selection.confidence)[:n]

    def times(self) -> list[float]:
        return sorted(o.took_ms for o in self.outcomes)


def load(path: Path = ROUTING_SET, known: set[str] | None = None) -> list[Case]:
    """The cases of an evaluation file; ``known`` (agent names) also checks every label exists."""
    cases: list[Case] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("split\t"):
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            raise EvaluationSetError(f"{path.name}:{number}: expected split, request, accept[, context]")
        split, request, accept = fields[0].strip(), fields[1], tuple(fields[2].split())
        context = fields[3].strip() if len(fields) > 3 else ""
        if split not in ("tune", "test"):
            raise EvaluationSetError(f"{path.name}:{number}: the split is {split!r}, not tune or test")
        if not 1 <= len(accept) <= 3:
            raise EvaluationSetError(f"{path.name}:{number}: accept lists {len(accept)} agents, not 1 to 3")
        if known is not None and (unknown := [a for a in accept if a not in known]):
            raise EvaluationSetError(f"{path.name}:{number}: unknown agents {', '.join(unknown)}")
        ptype, agents, files = "", (), ()
        for part in filter(None, (p.strip() for p in context.split(";"))):
            key, _, value = part.partition("=")
            values = tuple(v.strip() for v in value.split(",") if v.strip())
            if key.strip() == "type":
                ptype = value.strip()
            elif key.strip() == "agents":
                agents = values
            elif key.strip() == "files":
                files = values
            else:
                raise EvaluationSetError(f"{path.name}:{number}: unknown context key {key.strip()!r}")
        cases.append(Case(number, split, request, accept, ptype, agents, files))
    return cases


def load_all(known: set[str] | None = None) -> list[Case]:
    """Every case: the evaluation set and, when present, the extra tuning requests."""
    cases = load(ROUTING_SET, known)
    for path in MORE_TUNING:
        if not path.is_file():
            continue
        extra = load(path, known)
        if any(c.split != "tune" for c in extra):
            raise EvaluationSetError(f"{path.name} holds tuning requests only")
        cases += extra
    return cases


def tuning_cases(known: set[str] | None = None) -> list[Case]:
    """The requests the selector may learn from: the routing set's tune half and every extra tuning file."""
    return [c for c in load_all(known) if c.split == "tune"]


def evaluate(library: Library, cases: list[Case], word_model: WordModel | None = None) -> Report:
    report = Report()
    for case in cases:
        started = time.perf_counter()
        selection = select(
            library,
            case.request,
            case.project_type,
            files=list(case.files),
            recent_agents=list(case.recent_agents),
            word_model=word_model,
        )
        took = (time.perf_counter() - started) * 1000
        if selection is None:
            raise EvaluationSetError("the library is empty: nothing to evaluate")
        report.outcomes.append(Outcome(case, selection, took))
    return report
