"""Fit auto-select's confidence and its word counts to the tuning requests, and report how it does.

Why: the percentage shown beside a pick must mean something (of the picks shown at 80 %, about 80 % are
right).  A logistic model over a few features of each pick (:mod:`services.agent.calibration`) is fitted
here, by plain gradient descent with a little L2, on the calibration sets (below); the *test* rows of
``tests/data/routing.tsv`` are never used to fit or count, only reported.

    python tools/fit_routing.py            # print accuracy, calibration and the misses of both halves
    python tools/fit_routing.py --fit      # also fit, and print the COEFFICIENTS line to paste
    python tools/fit_routing.py --search   # also search the selector's weights (coordinate search, tune half)
    python tools/fit_routing.py --sets     # also the figures of each tuning file on its own
    python tools/fit_routing.py --counts   # write services/agent/word_counts.json from the tuning requests

The held-out sets (``evaluation.HELD_OUT``) are never read here: each is measured once.

The confidence is fitted on requests that neither part of the selector had learned: the blind sets the rules
were never tuned on (``evaluation.CALIBRATION_SETS``), each judged by a word model counted from the other tuning
requests only.  On requests the rules were tuned on, the rules are nearly always right and the word model (which
remembers the requests it was counted from) always is: a confidence fitted there would trust both more than a
new request deserves.  ``--cross`` also reports the tuning requests judged that way, cut in :data:`FOLDS` parts.

Because the pick itself depends on the confidence (an unsure specialist gives way to the generalist),
fitting runs a few rounds: evaluate, fit, evaluate again with the new coefficients.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vibing.services.agent import calibration, intent, select, subjects, wordmodel  # noqa: E402
from vibing.services.agent.catalog import bundled_dir  # noqa: E402
from vibing.services.agent.evaluation import (  # noqa: E402
    CALIBRATION_SETS,
    MORE_TUNING,
    ROUTING_SET,
    Report,
    evaluate,
    load,
    load_all,
    tuning_cases,
)
from vibing.services.agent.registry import Library, load_folder  # noqa: E402

#: The parts the tuning requests are cut into for fitting the confidence (each judged by a model of the others).
FOLDS = 5


def _labelled(cases) -> list[tuple[str, tuple[str, ...], str, tuple[str, ...]]]:
    return [(c.request, c.accept, c.project_type, c.recent_agents) for c in cases]


def counts_json(library: Library) -> str:
    """The word counts of every tuning request, as committed in services/agent/word_counts.json."""
    return wordmodel.Counts.of(_labelled(tuning_cases(known=set(library.entries)))).to_json()


def unseen_report(library: Library, cases) -> Report:
    """Every case judged by a word model counted from the other folds only (see the module's docstring)."""
    report = Report()
    for k in range(FOLDS):
        inside = [c for i, c in enumerate(cases) if i % FOLDS == k]
        counts = wordmodel.Counts.of(_labelled(c for i, c in enumerate(cases) if i % FOLDS != k))
        report.outcomes += evaluate(library, inside, wordmodel.WordModel(library.index.agents, counts)).outcomes
    return report


def calibration_report(library: Library) -> Report:
    """The calibration sets' requests, each judged by a word model counted from every other tuning request."""
    known = set(library.entries)
    inside = [c for path in CALIBRATION_SETS for c in load(path, known)]
    lines = {(c.request, c.accept) for c in inside}
    others = [c for c in tuning_cases(known) if (c.request, c.accept) not in lines]
    model = wordmodel.WordModel(library.index.agents, wordmodel.Counts.of(_labelled(others)))
    return evaluate(library, inside, model)


def fit(report: Report, rounds: int = 4000, rate: float = 0.3, l2: float = 0.01) -> tuple[float, ...]:
    rows = [
        (o.selection.features.vector(), 1.0 if o.right else 0.0)
        for o in report.outcomes
        if o.selection.features is not None
    ]
    weights = list(calibration.COEFFICIENTS)
    for _ in range(rounds):
        gradient = [0.0] * len(weights)
        for x, y in rows:
            z = sum(w * v for w, v in zip(weights, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for i, v in enumerate(x):
                gradient[i] += (p - y) * v
        for i in range(len(weights)):
            penalty = l2 * weights[i] if i else 0.0
            weights[i] -= rate * (gradient[i] / len(rows) + penalty)
    return tuple(round(w, 3) for w in weights)


#: The selector's weights the search may move: (module, attribute, key in a dict attribute or None).
KNOBS = (
    (intent, "MODIFIER_WEIGHT", None),
    (intent, "NAMED_WEIGHT", None),
    (intent, "HINT_WEIGHT", None),
    (intent, "PATTERN_WEIGHT", None),
    (select, "GENERALIST_POINTS", None),
    (select, "PROJECT_POINTS", None),
    (select, "DEBUGGER_POINTS", None),
    (select, "TIE_BREAK", None),
    (select, "MIN_EVIDENCE", None),
    (subjects, "FIELD_WEIGHTS", subjects.TAG),
    (subjects, "FIELD_WEIGHTS", subjects.CAPABILITY),
    (subjects, "FIELD_WEIGHTS", subjects.DESCRIPTION),
    (subjects, "TAG_PART", None),
    (subjects, "WHEN_FACTOR", None),
    (subjects, "ROLE_FACTOR", None),
    (subjects, "SHARED_NAME_COST", None),
    (select, "FULL_STACK_POINTS", None),
    (subjects, "ALSO", None),
)
STEPS = (0.7, 0.85, 1.15, 1.3)


def _get(module, name, key):
    value = getattr(module, name)
    return value[key] if key is not None else value


def _set(module, name, key, value) -> None:
    if key is not None:
        getattr(module, name)[key] = value
    else:
        setattr(module, name, value)
    subjects._CACHE.clear()  # subjects (and their typo mender) are built with the field weights


def objective(library: Library, cases) -> float:
    report = evaluate(library, cases)
    return report.top1 + 0.25 * report.top3


def search(library: Library, cases, passes: int = 3) -> None:
    """Coordinate search: move one weight at a time while the tune half gets strictly better."""
    best = objective(library, cases)
    for _ in range(passes):
        moved = False
        for module, name, key in KNOBS:
            start = _get(module, name, key)
            for step in STEPS:
                _set(module, name, key, round(start * step, 3))
                score = objective(library, cases)
                if score > best + 1e-9:
                    best, start, moved = score, round(start * step, 3), True
            _set(module, name, key, start)
        if not moved:
            break
    for module, name, key in KNOBS:
        label = f"{module.__name__.rsplit('.', 1)[-1]}.{name}" + (f"[{key!r}]" if key is not None else "")
        print(f"{label} = {_get(module, name, key)}")


def describe(name: str, report: Report, quiet: bool = False) -> None:
    times = report.times()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))] if times else 0.0
    print(
        f"{name}: {report.size} requests, top-1 {report.top1:.1%}, top-3 {report.top3:.1%}, "
        f"ECE {report.calibration_error():.3f}, p99 {p99:.2f} ms"
    )
    for o in [] if quiet else [o for o in report.outcomes if not o.right]:
        print(
            f"  line {o.case.line}: {o.case.request[:70]!r} -> {o.picked} ({o.selection.confidence:.0%}), "
            f"accepted {' '.join(o.case.accept)}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="fit the coefficients on the tune half")
    parser.add_argument("--search", action="store_true", help="search the selector's weights on the tune half")
    parser.add_argument("--quiet", action="store_true", help="figures only, not every miss")
    parser.add_argument("--sets", action="store_true", help="also the figures of each tuning file on its own")
    parser.add_argument("--cross", action="store_true", help="also the tuning requests, judged across folds")
    parser.add_argument("--counts", action="store_true", help="write the word model's counts from the tuning requests")
    args = parser.parse_args()
    library = Library([load_folder(bundled_dir(), "bundled")])
    library.rebuild()
    cases = load_all(known=set(library.entries))
    tune = [c for c in cases if c.split == "tune"]
    test = [c for c in cases if c.split == "test"]
    if args.counts:
        wordmodel.COUNTS.write_text(counts_json(library), encoding="utf-8")
        print(f"wrote {wordmodel.COUNTS}")
    if args.search:
        search(library, tune)
    if args.fit:
        for _ in range(3):
            calibration.COEFFICIENTS = fit(calibration_report(library))
        print(f"COEFFICIENTS = {calibration.COEFFICIENTS}")
    describe("calibration sets, judged by a word model that had not seen them", calibration_report(library), True)
    if args.cross:
        describe("tune, each judged by a word model that had not seen it", unseen_report(library, tune), True)
    describe("tune", evaluate(library, tune), args.quiet)
    describe("test", evaluate(library, test), True)
    if args.sets:
        known = set(library.entries)
        for path in (ROUTING_SET, *MORE_TUNING):
            if path.is_file():
                cases = [c for c in load(path, known) if c.split == "tune"]
                describe(f"  {path.name} (tune)", evaluate(library, cases), True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
