"""Read models: the SQL behind the pages and the API, in one place.

Everything goes through :class:`unveil.store.Store` (never a database driver).
JSON columns are decoded here, and optional columns added by later
migrations (``links.evidence``, ``networks.features``) are read when present,
so richer linking data shows up without changes to the pages.
"""

from __future__ import annotations

import json
from typing import Any

from unveil.score.networks import UNCAPPED_POINTS_SQL
from unveil.store import Store

# Entity kinds that identify a poster (shown in graphs, searched, pseudonymised in exports).
IDENTIFIER_KINDS = ("phone", "email", "handle", "payment", "crypto", "iban")
MEMBERS_MAX = 1000

_NETWORK_COLUMNS = (
    "n.network_id, n.size, n.risk, n.reasons, n.identifiers, n.cities, n.countries, n.first_seen, n.last_seen, "
    "n.n_phones, n.n_emails, n.n_flags, n.n_minor_risk, n.features, n.run_id"
)


def _json(text: Any, default: Any) -> Any:
    if text is None or text == "":
        return default
    if not isinstance(text, str):
        return text
    try:
        return json.loads(text)
    except ValueError:
        return default


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else value


def network_row(r: dict[str, Any]) -> dict[str, Any]:
    """A ``networks`` row in the contract shape of ``unveil networks`` (plus counts and features)."""
    return {
        "network_id": r["network_id"],
        "size": r["size"],
        "risk": r["risk"],
        "minor_risk": r.get("n_minor_risk") or 0,
        "reasons": _json(r.get("reasons"), []),
        "identifiers": _json(r.get("identifiers"), []),
        "cities": list(r.get("cities") or []),
        "countries": list(r.get("countries") or []),
        "first_seen": _iso(r.get("first_seen")),
        "last_seen": _iso(r.get("last_seen")),
        "n_phones": r.get("n_phones") or 0,
        "n_emails": r.get("n_emails") or 0,
        "n_flags": r.get("n_flags") or 0,
        "features": _json(r.get("features"), None),
    }


def corpus_counts(store: Store) -> dict[str, Any]:
    """Sizes of the corpus and its results, for the dashboard."""
    one = store.rows(
        "SELECT (SELECT COUNT(*) FROM ads) AS ads, (SELECT COUNT(*) FROM entities) AS entities, "
        "(SELECT COUNT(*) FROM indicators) AS flags, (SELECT COUNT(*) FROM rejects) AS rejects, "
        "(SELECT COUNT(*) FROM links) AS links, (SELECT COUNT(*) FROM networks) AS networks, "
        "(SELECT COUNT(*) FROM networks WHERE size > 1) AS networks_multi, "
        "(SELECT COUNT(*) FROM networks WHERE n_minor_risk > 0) AS networks_minor, "
        "(SELECT COUNT(*) FROM hub_identifiers) AS hubs, "
        "(SELECT COUNT(DISTINCT network_id) FROM labels) AS labelled, "
        "(SELECT MIN(posted_at_utc) FROM ads) AS first_post, (SELECT MAX(posted_at_utc) FROM ads) AS last_post"
    )[0]
    one["first_post"], one["last_post"] = _iso(one["first_post"]), _iso(one["last_post"])
    return one


def dashboard(store: Store, top: int = 15) -> dict[str, Any]:
    """Counts, rejects by reason, entity kinds, the last runs, minor-risk networks and the top networks."""
    _, minor = list_networks(store, min_size=1, minor_risk=True, limit=top)
    _, riskiest = list_networks(store, min_size=2, minor_risk=False, limit=top)  # minor-risk ones are listed above
    return {
        "counts": corpus_counts(store),
        "reject_reasons": store.rows("SELECT reason, COUNT(*) AS n FROM rejects GROUP BY reason ORDER BY n DESC"),
        "entity_kinds": store.rows("SELECT kind, COUNT(*) AS n FROM entities GROUP BY kind ORDER BY n DESC"),
        "flag_categories": store.rows(
            "SELECT category, COUNT(*) AS n FROM indicators GROUP BY category ORDER BY n DESC"),
        "runs": store.rows(
            "SELECT run_id, command, started_at, finished_at, status, tool_version FROM runs "
            "ORDER BY started_at DESC LIMIT 5"),
        "minor_networks": minor,
        "top_networks": riskiest,
    }


def list_networks(store: Store, *, min_size: int = 2, min_risk: float = 0.0, minor_risk: bool | None = None,
                  limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Networks with ``minor_risk`` evidence first, then riskiest first; returns ``(total, page)``."""
    where = ["n.size >= ?", "n.risk >= ?"]
    params: list[Any] = [int(min_size), float(min_risk)]
    if minor_risk is True:
        where.append("n.n_minor_risk > 0")
    elif minor_risk is False:
        where.append("COALESCE(n.n_minor_risk, 0) = 0")
    cond = " AND ".join(where)
    total = int(store.engine.scalar(f"SELECT COUNT(*) AS n FROM networks n WHERE {cond}", params) or 0)
    rows = store.rows(
        f"SELECT {_NETWORK_COLUMNS} FROM networks n WHERE {cond} "
        f"ORDER BY (COALESCE(n.n_minor_risk, 0) > 0) DESC, n.risk DESC, {UNCAPPED_POINTS_SQL} DESC, n.size DESC, "
        "n.network_id "
        "LIMIT ? OFFSET ?",
        [*params, int(limit), int(offset)],
    )
    return total, [network_row(r) for r in rows]


def get_network(store: Store, network_id: str) -> dict[str, Any] | None:
    rows = store.rows(f"SELECT {_NETWORK_COLUMNS} FROM networks n WHERE n.network_id = ?", [network_id])
    return network_row(rows[0]) if rows else None


def network_members(store: Store, network_id: str, limit: int = MEMBERS_MAX) -> list[dict[str, Any]]:
    """Member ads in posting order, with their flag count and phones."""
    return store.rows(
        "SELECT a.ad_key, a.source, a.id, a.title, a.city, a.region, a.country, a.posted_at, a.posted_at_utc, "
        "a.url, a.content_hash, a.input_file, a.input_line, a.ingested_at, a.run_id, "
        "(SELECT COUNT(*) FROM indicators f WHERE f.ad_key = a.ad_key) AS n_flags, "
        "(SELECT list(DISTINCT e.value ORDER BY e.value) FROM entities e WHERE e.ad_key = a.ad_key "
        " AND e.kind = 'phone') AS phones "
        "FROM network_members m JOIN ads a ON a.ad_key = m.ad_key WHERE m.network_id = ? "
        "ORDER BY a.posted_at_utc NULLS LAST, a.ad_key LIMIT ?",
        [network_id, int(limit)],
    )


def network_ad_keys(store: Store, network_id: str) -> list[str]:
    rows = store.rows("SELECT ad_key FROM network_members WHERE network_id = ? ORDER BY ad_key", [network_id])
    return [r["ad_key"] for r in rows]


def network_identifiers(store: Store, network_id: str) -> list[dict[str, Any]]:
    """Identifier entities of the member ads: one row per (ad, kind, value), hubs marked."""
    kinds = ", ".join(f"'{k}'" for k in IDENTIFIER_KINDS)
    return store.rows(
        "SELECT DISTINCT e.ad_key, e.kind, e.value, "
        "EXISTS (SELECT 1 FROM hub_identifiers h WHERE h.kind = e.kind AND h.value = e.value) AS hub "
        f"FROM network_members m JOIN entities e ON e.ad_key = m.ad_key WHERE m.network_id = ? AND e.kind IN ({kinds}) "
        "ORDER BY e.kind, e.value, e.ad_key",
        [network_id],
    )


def network_links(store: Store, network_id: str) -> list[dict[str, Any]]:
    """Accepted edges between member ads, with their evidence decoded."""
    rows = store.rows(
        "SELECT l.ad_a, l.ad_b, l.kind, l.value, l.strength, l.evidence FROM links l "
        "JOIN network_members m ON m.ad_key = l.ad_a WHERE m.network_id = ? ORDER BY l.kind, l.value, l.ad_a, l.ad_b",
        [network_id],
    )
    for r in rows:
        r["evidence"] = _json(r.get("evidence"), None)
    return rows


def network_indicators(store: Store, network_id: str) -> list[dict[str, Any]]:
    """Flags of the member ads by category, grade and rule."""
    return store.rows(
        "SELECT f.category, f.grade, f.rule, COUNT(*) AS flags, COUNT(DISTINCT f.ad_key) AS ads, "
        "SUM(f.weight) AS weight, list(DISTINCT f.text ORDER BY f.text)[1:5] AS examples "
        "FROM network_members m JOIN indicators f ON f.ad_key = m.ad_key WHERE m.network_id = ? "
        "GROUP BY f.category, f.grade, f.rule ORDER BY (f.category = 'minor_risk') DESC, f.category, f.grade, f.rule",
        [network_id],
    )


def network_lineage(store: Store, network_id: str) -> list[dict[str, Any]]:
    return store.rows(
        "SELECT l.run_id, l.event, l.other_id, l.ads, r.started_at FROM network_lineage l "
        "LEFT JOIN runs r ON r.run_id = l.run_id WHERE l.network_id = ? OR l.other_id = ? "
        "ORDER BY r.started_at, l.event",
        [network_id, network_id],
    )


def get_ad(store: Store, ad_key: str) -> dict[str, Any] | None:
    """The ad with its entities, flags and network."""
    rows = store.rows(
        "SELECT a.*, m.network_id FROM ads a LEFT JOIN network_members m ON m.ad_key = a.ad_key WHERE a.ad_key = ?",
        [ad_key],
    )
    if not rows:
        return None
    ad = rows[0]
    ad["images"] = list(ad.get("images") or [])
    ad["entities"] = store.rows(
        'SELECT kind, value, field, start, "end", text, attrs FROM entities WHERE ad_key = ? '
        'ORDER BY field, start, "end", kind', [ad_key])
    for e in ad["entities"]:
        e["attrs"] = _json(e.get("attrs"), {})
    ad["flags"] = store.rows(
        'SELECT rule, category, grade, field, start, "end", text, weight FROM indicators WHERE ad_key = ? '
        'ORDER BY field, start, rule', [ad_key])
    return ad


def ad_network_id(store: Store, ad_key: str) -> str | None:
    rows = store.rows("SELECT network_id FROM network_members WHERE ad_key = ?", [ad_key])
    return rows[0]["network_id"] if rows else None


def corpus_countries(store: Store) -> list[str]:
    """Countries present in the corpus, most ads first (the regions tried for national phone numbers)."""
    rows = store.rows("SELECT country, COUNT(*) AS n FROM ads WHERE country IS NOT NULL GROUP BY country "
                      "ORDER BY n DESC, country LIMIT 40")
    return [r["country"] for r in rows]
