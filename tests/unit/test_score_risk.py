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
