"""The confidence shown beside a pick, calibrated so that it means what it says.

A pick is described by a few numbers (:class:`Features`: what kind of pick it is, how far ahead of the
runner-up, how much of the agent's own subject the request named, and what the word model of
:mod:`services.agent.wordmodel` makes of it).  A logistic model turns them into
the probability that a person would accept the pick.  Its coefficients are fitted by
``tools/fit_routing.py`` on the tuning requests only, each judged by a word model that had not seen it (the word
model remembers its own requests, so asking it about them would teach the confidence to trust it too much), and
its calibration (expected calibration error over 5 bins) is reported on the held-out sets by ``vibing bench``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SOURCES = ("specialist", "generalist", "project", "weak", "fallback", "learned")


@dataclass(frozen=True, slots=True)
class Features:
    #: "specialist", "generalist", "project", "weak" (a specialist on description words only), or "fallback"
    #: (nothing to go on: the all-rounder).
    source: str
    #: (top - runner-up) / top, 0..1.
    margin: float
    #: Points from the primary's own name and tags that the request named.
    evidence: float
    #: How clearly the kind of thing was said, 0..1.
    kind_strength: float
    follow_up: bool
    #: The word model's probability that a person accepts this agent, 0..1.
    learned: float = 0.0
    #: Whether the word model's first choice is this agent.
    agrees: bool = False

    def vector(self) -> list[float]:
        return [
            1.0,
            *(1.0 if self.source == s else 0.0 for s in SOURCES),
            max(0.0, min(1.0, self.margin)),
            math.log1p(max(0.0, self.evidence)),
            self.kind_strength,
            1.0 if self.follow_up else 0.0,
            max(0.0, min(1.0, self.learned)),
            1.0 if self.agrees else 0.0,
        ]


#: Fitted by tools/fit_routing.py on the calibration sets (bias, sources..., margin, log evidence, kind, follow-up,
#: learned, agrees).
COEFFICIENTS = (0.434, 0.414, 0.165, -0.298, -0.0, 0.319, -0.6, 0.882, 0.526, 0.143, -0.228, 0.73, 0.737)


def confidence(features: Features, coefficients: tuple[float, ...] | None = None) -> float:
    """The probability, 0..1, that a person would accept this pick."""
    z = sum(c * x for c, x in zip(coefficients or COEFFICIENTS, features.vector(), strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
