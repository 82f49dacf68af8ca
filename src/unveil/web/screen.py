"""Screening one ad for a platform: its evidence, a score, and the known network it would join.

Nothing is stored unless asked: the ad goes through the same validation and
per-ad stages as an ingest (``validate_record``, ``analyse_ad``), its score is
the network score of a network of one ad (so the two scales agree), and the
store is asked (through :mod:`unveil.web.screen_index`) which networks already
carry its phone numbers, emails or handles.  Identifiers the linking stage refused as hubs (a site's support
number, say) are reported but do not make a match.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from unveil.ingest.validate import Rejection, validate_record
from unveil.per_ad import AdResult, RuleEvaluator, analyse_ad
from unveil.score.features import ad_features
from unveil.score.risk import score_network
from unveil.web.screen_index import MATCH_KINDS, Snapshot, lookup


class ScreenRejected(ValueError):
    """The ad fails the input contract (same reasons as an ingest reject)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def validate(record: dict[str, Any], default_source: str = "screen") -> dict[str, Any]:
    result = validate_record(record, default_source)
    if isinstance(result, Rejection):
        raise ScreenRejected(result.reason, result.detail)
    return result


def ad_score(ad: dict[str, Any], result: AdResult,
             hubs: Container[tuple[str, str]] = ()) -> tuple[float, list[dict[str, Any]]]:
    """The ad as a network of one: the same features, points and reasons as ``score_networks``."""
    risk, reasons = score_network(ad_features(ad, result.entities, result.flags, hubs))
    return risk, [r.to_dict() for r in reasons]


def screen(record: dict[str, Any], rules: RuleEvaluator | None, index: Snapshot) -> dict[str, Any]:
    """Entities, flags, score and the known network for one ad record (not stored).

    Pure computation over a built identifier index: no store access, so the API runs it without a trip to
    a worker thread.
    """
    ad = validate(record)
    result = analyse_ad(ad, rules)
    score, reasons = ad_score(ad, result, index.hubs)
    idents = list(dict.fromkeys((e.kind, e.value) for e in result.entities if e.kind in MATCH_KINDS))
    candidates, hubs = lookup(index, idents)
    return {
        "ad_key": f"{ad['source']}/{ad['id']}",
        "entities": [e.to_dict() for e in result.entities],
        "flags": [f.to_dict() for f in result.flags],
        "score": score,
        "reasons": reasons,
        "network": candidates[0] if candidates else None,
        "candidates": candidates,
        "hub_identifiers": hubs,
        "stored": False,
    }
