"""Aggregate network features in SQL and write the scored ``networks`` table."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pyarrow as pa

from unveil.engine import Engine
from unveil.score.risk import GRADE_MULTIPLIER, NetworkFeatures, score_network

# Identifiers listed per network (most shared first).
MAX_IDENTIFIERS = 20


def score_networks(engine: Engine, run_id: str) -> None:
    """Rebuild ``networks`` from ``network_members`` and the evidence tables."""
    base = engine.query(
        f"""
        SELECT m.network_id, COUNT(*) AS size,
               COUNT(DISTINCT a.city) AS n_cities, COUNT(DISTINCT a.country) AS n_countries,
               {engine.distinct_list("a.city")} AS cities,
               {engine.distinct_list("a.country")} AS countries,
               MIN(a.posted_at_utc) AS first_seen, MAX(a.posted_at_utc) AS last_seen
        FROM network_members m JOIN ads a ON a.ad_key = m.ad_key
        GROUP BY m.network_id
        """
    ).to_pylist()
    ent_rows = engine.query(
        f"""
        SELECT m.network_id, e.kind, e.value, COUNT(DISTINCT e.ad_key) AS ads,
               MAX(CASE WHEN {engine.json_text("e.attrs", "foreign")} = 'true' THEN 1 ELSE 0 END) AS foreign_
        FROM network_members m JOIN entities e ON e.ad_key = m.ad_key
        WHERE e.kind IN ('phone', 'email', 'url', 'handle', 'payment', 'crypto', 'iban')
        GROUP BY m.network_id, e.kind, e.value
        """
    ).to_pylist()
    flag_rows = engine.query(
        """
        SELECT m.network_id, f.category, f.grade, COUNT(*) AS n, SUM(f.weight) AS weight
        FROM network_members m JOIN indicators f ON f.ad_key = m.ad_key
        GROUP BY m.network_id, f.category, f.grade
        """
    ).to_pylist()
    hubs = {(r["kind"], r["value"]) for r in engine.query("SELECT kind, value FROM hub_identifiers").to_pylist()}

    idents: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in ent_rows:
        idents[r["network_id"]].append(r)
    flags: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in flag_rows:
        flags[r["network_id"]].append(r)

    cols: dict[str, list[Any]] = defaultdict(list)
    for row in base:
        nid = row["network_id"]
        feats = NetworkFeatures(size=row["size"], n_cities=row["n_cities"], n_countries=row["n_countries"])
        ids = sorted(idents.get(nid, []), key=lambda r: (-r["ads"], r["kind"], r["value"]))
        feats.n_phones = sum(1 for r in ids if r["kind"] == "phone" and (r["kind"], r["value"]) not in hubs)
        feats.n_emails = sum(1 for r in ids if r["kind"] == "email")
        feats.n_foreign_phones = sum(1 for r in ids if r["kind"] == "phone" and r["foreign_"])
        if row["first_seen"] and row["last_seen"]:
            feats.days_active = (row["last_seen"] - row["first_seen"]).total_seconds() / 86400.0
        n_flags = 0
        for fr in flags.get(nid, []):
            n_flags += fr["n"]
            cat = fr["category"]
            feats.flag_counts[cat] = feats.flag_counts.get(cat, 0) + fr["n"]
            feats.flag_points[cat] = feats.flag_points.get(cat, 0.0) + (fr["weight"] or 0.0) * GRADE_MULTIPLIER.get(
                fr["grade"] or "", 0.3
            )
            if cat == "minor_risk":
                feats.n_minor_risk += fr["n"]
        risk, reasons = score_network(feats)
        cols["network_id"].append(nid)
        cols["size"].append(row["size"])
        cols["risk"].append(risk)
        cols["reasons"].append(json.dumps([r.to_dict() for r in reasons], ensure_ascii=False))
        cols["identifiers"].append(json.dumps(
            [{"kind": r["kind"], "value": r["value"], "ads": r["ads"],
              **({"hub": True} if (r["kind"], r["value"]) in hubs else {})}
             for r in ids[:MAX_IDENTIFIERS]],
            ensure_ascii=False,
        ))
        cols["cities"].append(row["cities"] or [])
        cols["countries"].append(row["countries"] or [])
        cols["first_seen"].append(row["first_seen"])
        cols["last_seen"].append(row["last_seen"])
        cols["n_phones"].append(feats.n_phones)
        cols["n_emails"].append(feats.n_emails)
        cols["n_flags"].append(n_flags)
        cols["n_minor_risk"].append(feats.n_minor_risk)
    schema = pa.schema([
        ("network_id", pa.string()), ("size", pa.int32()), ("risk", pa.float64()), ("reasons", pa.string()),
        ("identifiers", pa.string()), ("cities", pa.list_(pa.string())), ("countries", pa.list_(pa.string())),
        ("first_seen", pa.timestamp("us")), ("last_seen", pa.timestamp("us")), ("n_phones", pa.int32()),
        ("n_emails", pa.int32()), ("n_flags", pa.int32()), ("n_minor_risk", pa.int32()),
    ])
    table = pa.table({name: cols[name] for name in schema.names}, schema=schema)
    engine.register("_scored", table)
    with engine.transaction():
        engine.execute("DELETE FROM networks")
        engine.execute(
            "INSERT INTO networks (network_id, size, risk, reasons, identifiers, cities, countries, first_seen, "
            "last_seen, n_phones, n_emails, n_flags, n_minor_risk, run_id) "
            "SELECT network_id, size, risk, reasons, identifiers, cities, countries, "
            "first_seen, last_seen, n_phones, n_emails, n_flags, n_minor_risk, ? FROM _scored",
            [run_id],
        )
    engine.unregister("_scored")
