"""The explained risk score and the network features behind it."""

from __future__ import annotations

import json

import pytest

from unveil.pipeline import AnalyzeOptions, analyze
from unveil.score.geo import haversine_km, spread_km
from unveil.score.risk import NetworkFeatures, score_network
from unveil.store import Store

from conftest import write_jsonl


def test_haversine_and_spread():
    london, paris, leeds = (51.5074, -0.1278), (48.8566, 2.3522), (53.8008, -1.5491)
    assert haversine_km(*london, *paris) == pytest.approx(344, abs=3)
    assert spread_km([london, paris, leeds, london]) == pytest.approx(haversine_km(*paris, *leeds))
    assert spread_km([london]) is None


def test_every_point_has_a_reason_and_minor_risk_comes_first():
    f = NetworkFeatures(size=12, n_phones=3, n_names=4, n_cities=3, n_countries=2, spread_km=650.0,
                        n_foreign_phones=1, phone_mentions=10, obfuscated_mentions=6, days_active=6.0,
                        n_minor_risk=1)
    risk, reasons = score_network(f)
    assert reasons[0].feature == "minor_risk"
    assert {r.feature for r in reasons} >= {"size", "phones", "personas", "cities", "city_spread_km",
                                            "countries", "foreign_phones", "obfuscation_rate", "posting_rate"}
    assert risk == pytest.approx(min(100.0, sum(r.points for r in reasons)), abs=0.1)
    obf = next(r for r in reasons if r.feature == "obfuscation_rate")
    assert obf.value == 0.6 and "6 of 10" in obf.text


@pytest.mark.parametrize(("features", "absent"), [
    (NetworkFeatures(size=1, phone_mentions=10, obfuscated_mentions=2), "obfuscation_rate"),  # 20% < 25%
    (NetworkFeatures(size=3, n_cities=2, spread_km=40.0), "city_spread_km"),  # neighbouring towns
    (NetworkFeatures(size=3, n_names=1), "personas"),
])
def test_features_below_their_threshold_add_nothing(features, absent):
    _risk, reasons = score_network(features)
    assert absent not in {r.feature for r in reasons}


def test_network_rows_carry_features_and_explained_reasons(tmp_path):
    ads = [
        {"id": str(i), "source": "s", "country": "GB", "city": city, "posted_at": f"2026-01-0{1 + i}T10:00:00Z",
         "body": f"Call {phone}"}
        for i, (city, phone) in enumerate([
            ("Leeds", "020 7946 0001"), ("York", "020 7946 0001 / 020 7946 0002"), ("Hull", "020 7946 0002"),
        ])
    ]
    db = tmp_path / "f.duckdb"
    analyze([write_jsonl(tmp_path / "ads.jsonl", ads)], db, options=AnalyzeOptions(progress=False))
    with Store(db, read_only=True) as store:
        [net] = store.rows("SELECT * FROM networks WHERE size = 3")
    features = json.loads(net["features"])
    assert features["size"] == 3 and features["phones"] == 2 and features["cities"] == 3
    assert features["links"]["phone"] == 2 and features["phone_mentions"] == 4
    reasons = json.loads(net["reasons"])
    assert abs(sum(r["points"] for r in reasons) - net["risk"]) < 0.5
    assert all(r["text"] for r in reasons)


def _flag(field: str, start: int, end: int, category: str = "minor_risk"):
    from unveil.types import Flag

    return Flag(rule=f"{category}.x", category=category, field=field, start=start, end=end, text="t", weight=1.0)


@pytest.mark.parametrize(("spans", "pieces"), [
    ([], 0),
    ([("body", 5, 11), ("body", 9, 11)], 1),  # "Age 17": age phrase and stated age on the same words
    ([("body", 9, 21), ("body", 9, 21)], 1),
    ([("body", 0, 4), ("body", 4, 8)], 2),  # touching, not overlapping
    ([("body", 0, 10), ("body", 2, 3), ("body", 5, 12), ("body", 20, 25)], 2),
    ([("title", 0, 6), ("body", 0, 6)], 2),  # one per field
])
def test_overlapping_minor_risk_flags_are_one_piece_of_evidence(spans, pieces):
    from unveil.score.features import minor_risk_pieces

    flags = [_flag(*s) for s in spans] + [_flag("body", 0, 30, category="movement")]
    assert minor_risk_pieces(flags) == pieces


def test_stored_minor_risk_count_merges_overlapping_flags_like_screening(tmp_path):
    from unveil.indicators import default_rulebook
    from unveil.per_ad import analyse_ad
    from unveil.score.features import minor_risk_pieces

    ads = [
        {"id": "1", "source": "s", "country": "GB", "lang": "en", "body": "Mia. Age 17. Call 020 7946 0123"},
        {"id": "2", "source": "s", "country": "GB", "lang": "en",
         "body": "Hi, I am 17 years old. Call 020 7946 0123. Age 17."},
    ]
    db = tmp_path / "m.duckdb"
    rules = default_rulebook()
    analyze([write_jsonl(tmp_path / "ads.jsonl", ads)], db, options=AnalyzeOptions(progress=False), rules=rules)
    with Store(db, read_only=True) as store:
        [net] = store.rows("SELECT n_minor_risk, reasons FROM networks WHERE size = 2")
        raw = store.engine.scalar("SELECT COUNT(*) AS n FROM indicators WHERE category = 'minor_risk'")
    per_ad = [minor_risk_pieces(analyse_ad(ad, rules).flags) for ad in ads]
    assert per_ad == [1, 2]
    assert net["n_minor_risk"] == 3 < raw
    assert json.loads(net["reasons"])[0]["value"] == 3


@pytest.mark.parametrize(("n", "words"), [(1, "1 piece of evidence"), (2, "2 pieces of evidence")])
def test_minor_risk_reason_is_worded_for_its_count(n, words):
    _, reasons = score_network(NetworkFeatures(size=1, n_minor_risk=n))
    assert reasons[0].text.startswith(words)
