"""The self-contained HTML report written by ``analyze`` and ``demo``.

One file, inline CSS, no scripts or external assets, every value escaped by
Jinja's autoescape: it can be opened offline and passed around as is.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
from jinja2 import Environment, PackageLoader, select_autoescape

from unveil import __version__
from unveil.score.networks import UNCAPPED_POINTS_SQL
from unveil.store import Store

TOP_NETWORKS = 25
MEMBERS_SHOWN = 30
REJECTS_SHOWN = 50


def _env() -> Environment:
    return Environment(loader=PackageLoader("unveil.report", "templates"),
                       autoescape=select_autoescape(["html", "j2"]))


def network_records(store: Store, *, min_size: int = 1, limit: int | None = None) -> list[dict[str, Any]]:
    """Networks in the contract shape of ``unveil networks``, riskiest first."""
    sql = (
        "SELECT n.network_id, n.size, n.risk, n.reasons, n.identifiers, n.cities, n.countries, "
        f"n.first_seen, n.last_seen, n.n_minor_risk, {UNCAPPED_POINTS_SQL} AS points, "
        "list(m.ad_key ORDER BY m.ad_key) AS ad_ids "
        "FROM networks n JOIN network_members m ON m.network_id = n.network_id "
        "WHERE n.size >= ? GROUP BY ALL ORDER BY n.risk DESC, points DESC, n.size DESC, n.network_id"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    out = []
    for r in store.rows(sql, [min_size]):
        out.append({
            "network_id": r["network_id"],
            "ad_ids": r["ad_ids"],
            "size": r["size"],
            "risk": r["risk"],
            "reasons": json.loads(r["reasons"] or "[]"),
            "identifiers": json.loads(r["identifiers"] or "[]"),
            "cities": r["cities"] or [],
            "countries": r["countries"] or [],
            "first_seen": r["first_seen"].isoformat() if r["first_seen"] else None,
            "last_seen": r["last_seen"].isoformat() if r["last_seen"] else None,
            "minor_risk": r["n_minor_risk"] or 0,
        })
    return out


def write_report(store: Store, out: str | Path, *, run: dict[str, Any] | None = None) -> Path:
    """Render the report for the store's current content to ``out``."""
    networks = network_records(store, min_size=2, limit=TOP_NETWORKS)
    keys = [k for n in networks for k in n["ad_ids"][:MEMBERS_SHOWN]]
    members: dict[str, dict[str, Any]] = {}
    if keys:
        store.engine.register("_report_keys", pa.table({"ad_key": keys}))
        for r in store.rows(
            "SELECT a.ad_key, a.source, a.id, a.title, a.city, a.country, a.posted_at_utc, a.url "
            "FROM ads a JOIN _report_keys k ON a.ad_key = k.ad_key"
        ):
            members[r["ad_key"]] = r
        store.engine.unregister("_report_keys")
    for n in networks:
        n["members"] = [members[k] for k in n["ad_ids"][:MEMBERS_SHOWN] if k in members]
    counts = {
        "ads": store.count("ads"),
        "entities": store.count("entities"),
        "flags": store.count("indicators"),
        "rejects": store.count("rejects"),
        "links": store.count("links"),
        "networks": store.count("networks"),
        "networks_multi": int(store.engine.scalar("SELECT COUNT(*) AS n FROM networks WHERE size > 1") or 0),
    }
    context = {
        "version": __version__,
        "run": run or {},
        "counts": counts,
        "entity_kinds": store.rows("SELECT kind, COUNT(*) AS n FROM entities GROUP BY kind ORDER BY n DESC"),
        "reject_reasons": store.rows("SELECT reason, COUNT(*) AS n FROM rejects GROUP BY reason ORDER BY n DESC"),
        "rejects": store.rows(
            "SELECT input_file, line, reason, detail FROM rejects ORDER BY input_file, line LIMIT ?",
            [REJECTS_SHOWN],
        ),
        "hubs": store.rows("SELECT kind, value, ads, reason FROM hub_identifiers ORDER BY ads DESC LIMIT 20"),
        "span": store.rows("SELECT MIN(posted_at_utc) AS first, MAX(posted_at_utc) AS last FROM ads")[0],
        "networks": networks,
        "members_shown": MEMBERS_SHOWN,
    }
    html = _env().get_template("report.html.j2").render(**context)
    path = Path(out)
    path.write_text(html, encoding="utf-8")
    return path


def summary_lines(networks: Sequence[dict[str, Any]]) -> list[str]:
    """A short plain-text table of networks for the terminal."""
    lines = [f"{'network':<16} {'risk':>5} {'ads':>5}  cities / top reason"]
    for n in networks:
        reason = n["reasons"][0]["text"] if n["reasons"] else ""
        cities = ", ".join(n["cities"][:3]) + (" ..." if len(n["cities"]) > 3 else "")
        lines.append(f"{n['network_id']:<16} {n['risk']:>5.1f} {n['size']:>5}  {cities} / {reason}")
    return lines
