"""The network risk score: a sum of capped, explained points.

Each feature adds points with a cap, so no single feature dominates, and each contribution becomes a
reason the reviewer reads.  ``minor_risk`` evidence is always reported first and on its own, whatever else
the network shows.  The score orders networks for human review; it is not a finding about anyone.  See
docs/scoring.md for the table of features, points, caps and sources.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from unveil.indicators.model import GRADES, minor_risk_evidence

# How much a flag of each evidence grade counts: the rulebook's grades (docs/indicators.md), so only
# outcome-validated indicators count in full and contradicted ones are shown but add nothing.  A flag
# without a known grade (a user rule written before grades) counts as a practitioner heuristic.
GRADE_MULTIPLIER: dict[str, float] = dict(GRADES)
DEFAULT_GRADE_MULTIPLIER = GRADES["practitioner_heuristic"]

# Thresholds below which a feature adds nothing (see docs/scoring.md).
MIN_SPREAD_KM = 100.0
MIN_OBFUSCATION_RATE = 0.25
MIN_ADS_PER_WEEK = 5.0


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
    """What the score reads about one network (all counts over its member ads)."""

    size: int
    n_phones: int = 0  # distinct phone numbers, hubs (support numbers) excluded
    n_emails: int = 0
    n_names: int = 0  # distinct persona names (entities of kind ``name``)
    n_cities: int = 0
    n_countries: int = 0
    spread_km: float | None = None  # largest distance between two of its geolocated cities
    n_foreign_phones: int = 0
    phone_mentions: int = 0  # phone numbers written in the ads, counting repeats
    obfuscated_mentions: int = 0  # of which written to evade search (spelt out, split, look-alikes)
    days_active: float = 0.0
    n_minor_risk: int = 0
    flag_points: dict[str, float] = field(default_factory=dict)  # category -> graded weight sum
    flag_counts: dict[str, int] = field(default_factory=dict)

    @property
    def obfuscation_rate(self) -> float:
        return self.obfuscated_mentions / self.phone_mentions if self.phone_mentions else 0.0

    @property
    def ads_per_week(self) -> float:
        return self.size / max(self.days_active / 7.0, 1.0)


def score_network(f: NetworkFeatures) -> tuple[float, list[Reason]]:
    """Risk in [0, 100] and the reasons, most important first (``minor_risk`` always first)."""
    reasons: list[Reason] = []
    if f.n_minor_risk:
        reasons.append(Reason("minor_risk", f.n_minor_risk, 25.0, minor_risk_evidence(f.n_minor_risk)))
    if f.size > 1:
        reasons.append(Reason("size", f.size, min(15.0, 4.0 * math.log2(f.size)), f"{f.size} linked ads"))
    if f.n_phones > 1:
        reasons.append(Reason("phones", f.n_phones, min(15.0, 5.0 * (f.n_phones - 1)),
                              f"{f.n_phones} phone numbers used across the ads"))
    if f.n_names > 1:
        reasons.append(Reason("personas", f.n_names, min(10.0, 3.0 * (f.n_names - 1)),
                              f"{f.n_names} persona names used across the ads"))
    if f.n_cities > 1:
        reasons.append(Reason("cities", f.n_cities, min(15.0, 5.0 * (f.n_cities - 1)),
                              f"posted in {f.n_cities} cities"))
    if f.spread_km is not None and f.spread_km >= MIN_SPREAD_KM:
        reasons.append(Reason("city_spread_km", round(f.spread_km), min(10.0, f.spread_km / 100.0),
                              f"cities up to {f.spread_km:,.0f} km apart"))
    if f.n_countries > 1:
        reasons.append(Reason("countries", f.n_countries, 10.0, f"posted in {f.n_countries} countries"))
    if f.n_foreign_phones:
        reasons.append(Reason("foreign_phones", f.n_foreign_phones, min(5.0, 2.5 * f.n_foreign_phones),
                              f"{f.n_foreign_phones} phone number(s) foreign to the ad's country"))
    rate = f.obfuscation_rate
    if rate >= MIN_OBFUSCATION_RATE:
        reasons.append(Reason("obfuscation_rate", round(rate, 2), 10.0 * rate,
                              f"{rate:.0%} of phone numbers written to evade search "
                              f"({f.obfuscated_mentions} of {f.phone_mentions})"))
    if f.size > 2 and f.days_active > 0:
        per_week = f.ads_per_week
        if per_week >= MIN_ADS_PER_WEEK:
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
