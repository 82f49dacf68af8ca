"""The ad score: flags combined by weight and evidence grade, with reasons.

``S`` is the sum over categories of ``min(cap, sum of weight x grade
multiplier)``; the score is ``100 x (1 - exp(-S / scale))``, so it grows fast
for the first strong evidence and saturates instead of adding up without
bound.  Contradicted rules (multiplier 0) are listed but add nothing.  An ad
with any ``minor_risk`` flag scores at least ``minor_risk_floor`` and its
minor-risk reason comes first, whatever else the ad shows: it is never
averaged away.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..types import Flag
from .loader import default_rulebook
from .model import GRADES, minor_risk_evidence
from .rulebook import Rulebook

__all__ = ["GRADE_MULTIPLIER", "AdScore", "score_ad"]

GRADE_MULTIPLIER: dict[str, float] = dict(GRADES)


@dataclass(frozen=True)
class AdScore:
    """An ad's score in [0, 100] with the reasons, most important first."""

    score: float
    minor_risk: bool
    by_category: dict[str, float]
    reasons: list[str]


def score_ad(flags: Sequence[Flag], rulebook: Rulebook | None = None) -> AdScore:
    """Combine one ad's flags into a score and its reasons."""
    book = rulebook or default_rulebook()
    raw: dict[str, float] = {}
    counts: dict[str, int] = {}
    contradicted: dict[str, int] = {}
    for flag in flags:
        multiplier = GRADE_MULTIPLIER.get(flag.grade, 0.3)
        raw[flag.category] = raw.get(flag.category, 0.0) + flag.weight * multiplier
        counts[flag.category] = counts.get(flag.category, 0) + 1
        if multiplier == 0.0:
            contradicted[flag.category] = contradicted.get(flag.category, 0) + 1
    by_category: dict[str, float] = {}
    for category, value in raw.items():
        cap = book.categories[category].cap if category in book.categories else 2.0
        by_category[category] = round(min(cap, value), 3)
    total = sum(by_category.values())
    score = 100.0 * (1.0 - math.exp(-total / book.score_scale)) if total > 0 else 0.0
    minor = counts.get("minor_risk", 0) > 0
    if minor:
        score = max(score, book.minor_risk_floor)
    reasons: list[str] = []
    if minor:
        reasons.append(f"minor_risk: {minor_risk_evidence(counts['minor_risk'])}")
    for category in sorted(by_category, key=lambda c: (-by_category[c], c)):
        if category == "minor_risk":
            continue
        n = counts[category]
        if by_category[category] > 0:
            reasons.append(f"{category}: {n} flag(s), {by_category[category]:.2f} points")
        else:
            reasons.append(f"{category}: {n} flag(s), shown but not scored (evidence contradicts this indicator)")
    return AdScore(round(score, 1), minor, by_category, reasons)
