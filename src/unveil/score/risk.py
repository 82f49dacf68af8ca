"""The network risk score: a sum of capped, explained points.

Each feature adds points with a cap, so no single feature dominates, and each
contribution becomes a reason the reviewer reads.  ``minor_risk`` evidence is
always reported first and on its own, whatever else the network shows.  The
score orders networks for human review; it is not a finding about anyone.
See docs/scoring.md for the table of features, points and caps.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

# How much a flag of each evidence grade counts (see docs/indicators.md):
# only outcome-validated indicators count in full; contradicted ones are shown
# to the reviewer but add nothing.
GRADE_MULTIPLIER: dict[str, float] = {
    "outcome_validated": 1.0,
    "expert_consensus": 0.6,
    "practitioner_heuristic": 0.3,
    "contradicted_by_evidence": 0.0,
}


@dataclass(frozen=True, slots=True)
class Reason:
    feature: str
    value: Any
    points: float
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"feature": self.feature, "value": self.value, "points": round(self.points, 1), "text": self.text}


@dataclass(slots=True)
class NetworkFeatures:
    size: int
    n_phones: int = 0
    n_emails: int = 0
    n_cities: int = 0
    n_countries: int = 0
    n_foreign_phones: int = 0
    days_active: float = 0.0
    n_minor_risk: int = 0
    flag_points: dict[str, float] = field(default_factory=dict)  # category -> graded weight sum
    flag_counts: dict[str, int] = field(default_factory=dict)


def score_network(f: NetworkFeatures) -> tuple[float, list[Reason]]:
    """Risk in [0, 100] and the reasons, most important first."""
    reasons: list[Reason] = []
    if f.n_minor_risk:
        reasons.append(Reason("minor_risk", f.n_minor_risk, 25.0,
                              f"{f.n_minor_risk} piece(s) of evidence of a possible minor (review first)"))
    if f.size > 1:
        reasons.append(Reason("size", f.size, min(15.0, 4.0 * math.log2(f.size)), f"{f.size} linked ads"))
    if f.n_phones > 1:
        reasons.append(Reason("phones", f.n_phones, min(15.0, 5.0 * (f.n_phones - 1)),
                              f"{f.n_phones} phone numbers used across the ads"))
    if f.n_cities > 1:
        reasons.append(Reason("cities", f.n_cities, min(15.0, 5.0 * (f.n_cities - 1)),
                              f"posted in {f.n_cities} cities"))
    if f.n_countries > 1:
        reasons.append(Reason("countries", f.n_countries, 10.0, f"posted in {f.n_countries} countries"))
    if f.n_foreign_phones:
        reasons.append(Reason("foreign_phones", f.n_foreign_phones, min(5.0, 2.5 * f.n_foreign_phones),
                              f"{f.n_foreign_phones} phone number(s) foreign to the ad's country"))
    if f.size > 2 and f.days_active > 0:
        per_week = f.size / max(f.days_active / 7.0, 1.0)
        if per_week >= 5:
            reasons.append(Reason("posting_rate", round(per_week, 1), min(10.0, per_week / 2),
                                  f"{per_week:.1f} ads per week"))
    for category in sorted(f.flag_points, key=lambda c: (-f.flag_points[c], c)):
        if category == "minor_risk":
            continue
        points = min(10.0, 5.0 * f.flag_points[category])
        count = f.flag_counts.get(category, 0)
        reasons.append(Reason(f"flags:{category}", count, points,
                              f"{count} {category.replace('_', ' ')} indicator flag(s)"))
    total = min(100.0, sum(r.points for r in reasons))
    head = [r for r in reasons if r.feature == "minor_risk"]
    rest = sorted((r for r in reasons if r.feature != "minor_risk"), key=lambda r: (-r.points, r.feature))
    return round(total, 1), head + rest
