"""Network features, aggregated in SQL through the engine for a set of networks.

Each query joins the member ads of the networks in scope (``_sc_members``) with one evidence table and
groups by network, so a run scores only the networks that changed and the cost grows with their size.
Python only assembles the grouped rows per network and computes the geographic spread.
"""

from __future__ import annotations

import contextlib
import json
from collections import defaultdict
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from typing import Any

from unveil.engine import Engine
from unveil.score.geo import spread_km
from unveil.score.risk import DEFAULT_GRADE_MULTIPLIER, GRADE_MULTIPLIER, NetworkFeatures

IDENTIFIER_KINDS = ("phone", "email", "url", "handle", "payment", "crypto", "iban")
MAX_IDENTIFIERS = 20  # identifiers listed per network (most shared first)
MAX_NAMES = 10
MAX_TEMPLATES = 3


@dataclass(slots=True)
class NetworkRecord:
    """Everything written for one network: the score inputs plus what is only shown."""

    network_id: str
    features: NetworkFeatures
    cities: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    first_seen: Any = None
    last_seen: Any = None
    identifiers: list[dict[str, Any]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    n_flags: int = 0
    flags_by_grade: dict[str, dict[str, int]] = field(default_factory=dict)
    links: dict[str, int] = field(default_factory=dict)
    templates: list[dict[str, Any]] = field(default_factory=list)
    pictures: int = 0

    def features_json(self) -> str:
        f = self.features
        # Keys in a fixed order (insertion order), nested maps sorted: the same network always gives the
        # same text, whatever order the queries returned rows in.
        return json.dumps({
            "size": f.size, "phones": f.n_phones, "emails": f.n_emails, "names": self.names,
            "n_names": f.n_names, "cities": f.n_cities, "countries": f.n_countries,
            "spread_km": None if f.spread_km is None else round(f.spread_km, 1),
            "foreign_phones": f.n_foreign_phones, "phone_mentions": f.phone_mentions,
            "obfuscated_mentions": f.obfuscated_mentions, "obfuscation_rate": round(f.obfuscation_rate, 3),
            "days_active": round(f.days_active, 2), "ads_per_week": round(f.ads_per_week, 2),
            "minor_risk": f.n_minor_risk,
            "flags": {c: dict(sorted(g.items())) for c, g in sorted(self.flags_by_grade.items())},
            "links": dict(sorted(self.links.items())), "templates": self.templates, "pictures": self.pictures,
        }, ensure_ascii=False)


def ad_features(ad: dict[str, Any], entities: Iterable[Any], flags: Iterable[Any],
                hubs: Container[tuple[str, str]] = ()) -> NetworkFeatures:
    """The features of one ad scored as a network of one, exactly as :func:`collect` computes them.

    ``entities`` and ``flags`` are the per-ad stage's (``kind``/``value``/``attrs``, ``category``/``grade``/
    ``weight``); ``hubs`` holds the ``(kind, value)`` pairs the store refused as hubs.  The screening API
    uses this so that a screened ad and the same ad stored alone get the same score.
    """
    flags = list(flags)
    f = NetworkFeatures(size=1, n_cities=1 if ad.get("city") else 0, n_countries=1 if ad.get("country") else 0)
    phones: set[str] = set()
    foreign: set[str] = set()
    emails: set[str] = set()
    names: set[str] = set()
    points: set[tuple[float, float]] = set()
    for e in entities:
        if e.kind == "phone":
            f.phone_mentions += 1
            f.obfuscated_mentions += e.attrs.get("obfuscated") is True
            if (e.kind, e.value) not in hubs:
                phones.add(e.value)
            if e.attrs.get("foreign") is True:
                foreign.add(e.value)
        elif e.kind == "email":
            emails.add(e.value)
        elif e.kind == "name":
            names.add(e.value)
        elif e.kind == "city":
            with contextlib.suppress(KeyError, TypeError, ValueError):
                points.add((float(e.attrs["lat"]), float(e.attrs["lon"])))
    f.n_phones, f.n_emails, f.n_foreign_phones, f.n_names = len(phones), len(emails), len(foreign), len(names)
    if points:
        f.spread_km = spread_km(sorted(points))
    for flag in flags:
        f.flag_counts[flag.category] = f.flag_counts.get(flag.category, 0) + 1
        f.flag_points[flag.category] = f.flag_points.get(flag.category, 0.0) + (flag.weight or 0.0) * \
            GRADE_MULTIPLIER.get(flag.grade or "", DEFAULT_GRADE_MULTIPLIER)
    f.n_minor_risk = minor_risk_pieces(flags)
    return f


def minor_risk_pieces(flags: Iterable[Any]) -> int:
    """Pieces of minor-risk evidence in one ad: its ``minor_risk`` flags, overlapping spans of a field once.

    The Python twin of the SQL in :func:`_collect` (screening scores an ad as a stored network of one).
    """
    spans = sorted((f.field, f.start, f.end) for f in flags if f.category == "minor_risk")
    pieces = 0
    field, reach = None, -1
    for fld, start, end in spans:
        if fld != field or start >= reach:
            pieces += 1
            field, reach = fld, end
        else:
            reach = max(reach, end)
    return pieces


def collect(engine: Engine, scope: str) -> list[NetworkRecord]:
    """Features of the networks listed in ``scope(network_id)``."""
    engine.create_table_as(
        "_sc_members",
        f"SELECT m.network_id, m.ad_key FROM network_members m JOIN {scope} s ON s.network_id = m.network_id",
    )
    try:
        return _collect(engine)
    finally:
        engine.drop("_sc_members")


def _rows(engine: Engine, sql: str) -> list[dict[str, Any]]:
    return engine.query(sql).to_pylist()


def _collect(engine: Engine) -> list[NetworkRecord]:
    kinds = ", ".join(f"'{k}'" for k in IDENTIFIER_KINDS)
    foreign = engine.json_text("e.attrs", "foreign")
    obfuscated = engine.json_text("e.attrs", "obfuscated")
    records: dict[str, NetworkRecord] = {}
    for r in _rows(engine, f"""
        SELECT m.network_id, COUNT(*) AS size,
               COUNT(DISTINCT a.city) AS n_cities, COUNT(DISTINCT a.country) AS n_countries,
               {engine.distinct_list("a.city")} AS cities, {engine.distinct_list("a.country")} AS countries,
               MIN(a.posted_at_utc) AS first_seen, MAX(a.posted_at_utc) AS last_seen
        FROM _sc_members m JOIN ads a ON a.ad_key = m.ad_key
        GROUP BY m.network_id
    """):
        f = NetworkFeatures(size=r["size"], n_cities=r["n_cities"], n_countries=r["n_countries"])
        if r["first_seen"] and r["last_seen"]:
            f.days_active = (r["last_seen"] - r["first_seen"]).total_seconds() / 86400.0
        records[r["network_id"]] = NetworkRecord(r["network_id"], f, r["cities"] or [], r["countries"] or [],
                                                 r["first_seen"], r["last_seen"])
    for r in _rows(engine, f"""
        SELECT m.network_id,
               COUNT(DISTINCT CASE WHEN e.kind = 'phone' AND h.value IS NULL THEN e.value END) AS n_phones,
               COUNT(DISTINCT CASE WHEN e.kind = 'email' THEN e.value END) AS n_emails,
               COUNT(DISTINCT CASE WHEN e.kind = 'phone' AND {foreign} = 'true' THEN e.value END) AS n_foreign,
               SUM(CASE WHEN e.kind = 'phone' THEN 1 ELSE 0 END) AS phone_mentions,
               SUM(CASE WHEN e.kind = 'phone' AND {obfuscated} = 'true' THEN 1 ELSE 0 END) AS obfuscated
        FROM _sc_members m JOIN entities e ON e.ad_key = m.ad_key
        LEFT JOIN hub_identifiers h ON h.kind = e.kind AND h.value = e.value
        WHERE e.kind IN ('phone', 'email')
        GROUP BY m.network_id
    """):
        f = records[r["network_id"]].features
        f.n_phones, f.n_emails, f.n_foreign_phones = r["n_phones"], r["n_emails"], r["n_foreign"]
        f.phone_mentions, f.obfuscated_mentions = int(r["phone_mentions"] or 0), int(r["obfuscated"] or 0)
    for r in _rows(engine, f"""
        SELECT network_id, kind, value, ads, hub FROM (
            SELECT m.network_id, e.kind, e.value, COUNT(DISTINCT e.ad_key) AS ads, MAX(h.kind) IS NOT NULL AS hub,
                   ROW_NUMBER() OVER (PARTITION BY m.network_id
                                      ORDER BY COUNT(DISTINCT e.ad_key) DESC, e.kind, e.value) AS rank
            FROM _sc_members m JOIN entities e ON e.ad_key = m.ad_key
            LEFT JOIN hub_identifiers h ON h.kind = e.kind AND h.value = e.value
            WHERE e.kind IN ({kinds})
            GROUP BY m.network_id, e.kind, e.value
        ) t WHERE rank <= {MAX_IDENTIFIERS}
    """):
        item: dict[str, Any] = {"kind": r["kind"], "value": r["value"], "ads": r["ads"]}
        if r["hub"]:
            item["hub"] = True
        records[r["network_id"]].identifiers.append(item)
    for r in _rows(engine, """
        SELECT m.network_id, e.value, COUNT(DISTINCT e.ad_key) AS ads
        FROM _sc_members m JOIN entities e ON e.ad_key = m.ad_key WHERE e.kind = 'name'
        GROUP BY m.network_id, e.value
    """):
        rec = records[r["network_id"]]
        rec.features.n_names += 1
        rec.names.append(r["value"])
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r in _rows(engine, f"""
        SELECT DISTINCT m.network_id, {engine.json_text("e.attrs", "lat")} AS lat,
               {engine.json_text("e.attrs", "lon")} AS lon
        FROM _sc_members m JOIN entities e ON e.ad_key = m.ad_key WHERE e.kind = 'city'
    """):
        try:
            points[r["network_id"]].append((float(r["lat"]), float(r["lon"])))
        except (TypeError, ValueError):
            continue
    for nid, pts in points.items():
        records[nid].features.spread_km = spread_km(pts)
    for r in _rows(engine, """
        SELECT m.network_id, f.category, f.grade, COUNT(*) AS n, SUM(f.weight) AS weight
        FROM _sc_members m JOIN indicators f ON f.ad_key = m.ad_key
        GROUP BY m.network_id, f.category, f.grade
    """):
        rec = records[r["network_id"]]
        f = rec.features
        cat, grade = r["category"], r["grade"] or ""
        rec.n_flags += r["n"]
        f.flag_counts[cat] = f.flag_counts.get(cat, 0) + r["n"]
        f.flag_points[cat] = f.flag_points.get(cat, 0.0) + (r["weight"] or 0.0) * GRADE_MULTIPLIER.get(
            grade, DEFAULT_GRADE_MULTIPLIER
        )
        rec.flags_by_grade.setdefault(cat, {})[grade or "ungraded"] = r["n"]
    # Pieces of minor-risk evidence: overlapping minor_risk flags of one field count once ("Age 17" raises
    # an age phrase and a stated age on the same words).  A flag opens a new piece when it starts at or after
    # the furthest end of the flags before it in its field.
    for r in _rows(engine, """
        SELECT network_id, COUNT(*) AS n FROM (
            SELECT m.network_id, f.start,
                   MAX(f."end") OVER (PARTITION BY f.ad_key, f.field ORDER BY f.start, f."end"
                                      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
            FROM _sc_members m JOIN indicators f ON f.ad_key = m.ad_key WHERE f.category = 'minor_risk'
        ) t WHERE reach IS NULL OR start >= reach
        GROUP BY network_id
    """):
        records[r["network_id"]].features.n_minor_risk = int(r["n"])
    for r in _rows(engine, """
        SELECT m.network_id, l.kind, COUNT(*) AS n
        FROM _sc_members m JOIN links l ON l.ad_a = m.ad_key GROUP BY m.network_id, l.kind
    """):
        records[r["network_id"]].links[r["kind"]] = r["n"]
    for r in _rows(engine, f"""
        SELECT network_id, template_id, ads, members, text FROM (
            SELECT m.network_id, t.template_id, t.ads, COUNT(*) AS members, t.text,
                   ROW_NUMBER() OVER (PARTITION BY m.network_id ORDER BY COUNT(*) DESC, t.template_id) AS rank
            FROM _sc_members m JOIN link_ads l ON l.ad_key = m.ad_key
            JOIN text_clusters c ON c.ad_no = l.ad_no JOIN templates t ON t.cluster = c.cluster
            WHERE NOT t.hub
            GROUP BY m.network_id, t.template_id, t.ads, t.text
        ) x WHERE rank <= {MAX_TEMPLATES}
    """):
        records[r["network_id"]].templates.append(
            {"template_id": r["template_id"], "ads": r["members"], "text": r["text"]}
        )
    for r in _rows(engine, """
        SELECT m.network_id, COUNT(DISTINCT s.picture) AS n
        FROM _sc_members m JOIN image_hashes h ON h.ad_key = m.ad_key
        LEFT JOIN pictures p ON p.pdq = h.pdq
        JOIN picture_stats s ON s.picture = COALESCE(p.cluster, h.pdq)
        WHERE NOT s.hub GROUP BY m.network_id
    """):
        records[r["network_id"]].pictures = r["n"]
    for rec in records.values():
        rec.identifiers.sort(key=lambda i: (-i["ads"], i["kind"], i["value"]))
        rec.names = sorted(rec.names)[:MAX_NAMES]
        rec.templates.sort(key=lambda t: (-t["ads"], t["template_id"]))
    return [records[k] for k in sorted(records)]
