"""Search by phone, email, handle, name or text.

The query goes through the same extractors as the ads (``analyse_ad`` on a
one-field ad), so a phone number written in any form the extractors read
("0 7 7 0 0 9 0 0 1 2 3", "+44 7700 900123", and the obfuscated forms the
normaliser learns) finds the stored E.164 value.  A number without a country
code is read with each country of the corpus in turn.  Handles, names and
emails also match their stored value as typed, and words are searched in
titles and bodies (a LIKE scan: DuckDB's full-text extension is not
available offline, and a scan of 100k ads takes well under a second).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from unveil.per_ad import RuleEvaluator, analyse_ad
from unveil.store import Store
from unveil.web.queries import IDENTIFIER_KINDS

QUERY_MAX = 500
RESULTS_MAX = 200
_WORD = re.compile(r"\w{2,}", re.UNICODE)
# Kinds also matched on the typed text itself (lower-cased, leading '@' dropped for handles).
_AS_TYPED_KINDS = ("handle", "name", "email")


@dataclass
class SearchResult:
    query: str
    identifiers: list[tuple[str, str]] = field(default_factory=list)  # (kind, value) read from the query
    words: list[str] = field(default_factory=list)
    ads: list[dict[str, Any]] = field(default_factory=list)
    networks: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "identifiers": [{"kind": k, "value": v} for k, v in self.identifiers],
            "words": self.words,
            "ads": self.ads,
            "networks": self.networks,
            "truncated": self.truncated,
        }


def read_identifiers(query: str, countries: Sequence[str | None],
                     rules: RuleEvaluator | None = None) -> list[tuple[str, str]]:
    """Identifier values the extractors read in ``query``, trying each country for national numbers."""
    found: dict[tuple[str, str], None] = {}
    for country in (None, *countries):
        for e in analyse_ad({"body": query, "country": country}, rules).entities:
            if e.kind in IDENTIFIER_KINDS or e.kind in _AS_TYPED_KINDS:
                found.setdefault((e.kind, e.value), None)
    return list(found)


def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search(store: Store, query: str, countries: Sequence[str], *, limit: int = RESULTS_MAX) -> SearchResult:
    """Ads matching the query's identifiers or all its words, identifier matches first."""
    q = query.strip()[:QUERY_MAX]
    result = SearchResult(query=q)
    if not q:
        return result
    result.identifiers = read_identifiers(q, countries)
    typed = q.lower().lstrip("@")
    words = [w.lower() for w in _WORD.findall(q)]
    # Words are searched when the query has letters; a bare number is an identifier search.
    result.words = words if any(not w.isdigit() for w in words) else []

    hits: dict[str, dict[str, Any]] = {}
    conds: list[str] = []
    params: list[Any] = []
    for kind, value in result.identifiers:
        conds.append("(e.kind = ? AND e.value = ?)")
        params += [kind, value]
    for kind in _AS_TYPED_KINDS:
        conds.append("(e.kind = ? AND lower(e.value) IN (?, ?))")
        params += [kind, typed, "@" + typed]
    rows = store.rows(
        f"SELECT e.ad_key, list(DISTINCT e.kind || ':' || e.value) AS matched FROM entities e "
        f"WHERE {' OR '.join(conds)} GROUP BY e.ad_key ORDER BY e.ad_key LIMIT ?",
        [*params, limit + 1],
    )
    for r in rows:
        hits[r["ad_key"]] = {"ad_key": r["ad_key"], "matched": sorted(r["matched"]), "via": "identifier"}
    if result.words and len(hits) <= limit:
        where = " AND ".join(["(a.title ILIKE ? ESCAPE '\\' OR a.body ILIKE ? ESCAPE '\\')"] * len(result.words))
        wparams: list[Any] = []
        for w in result.words:
            pattern = f"%{_like_escape(w)}%"
            wparams += [pattern, pattern]
        for r in store.rows(f"SELECT a.ad_key FROM ads a WHERE {where} ORDER BY a.posted_at_utc DESC NULLS LAST, "
                            f"a.ad_key LIMIT ?", [*wparams, limit + 1]):
            hits.setdefault(r["ad_key"], {"ad_key": r["ad_key"], "matched": [], "via": "text"})
    keys = list(hits)[: limit + 1]
    result.truncated = len(keys) > limit
    keys = keys[:limit]
    if not keys:
        return result
    placeholders = ", ".join("?" for _ in keys)
    details = {r["ad_key"]: r for r in store.rows(
        "SELECT a.ad_key, a.title, a.city, a.country, a.posted_at_utc, m.network_id, n.size, n.risk "
        "FROM ads a LEFT JOIN network_members m ON m.ad_key = a.ad_key "
        f"LEFT JOIN networks n ON n.network_id = m.network_id WHERE a.ad_key IN ({placeholders})", keys)}
    nets: dict[str, dict[str, Any]] = {}
    for key in keys:
        d = details.get(key)
        if d is None:
            continue
        row = {**hits[key], "title": d["title"], "city": d["city"], "country": d["country"],
               "posted_at": d["posted_at_utc"].isoformat() if d["posted_at_utc"] else None,
               "network_id": d["network_id"]}
        result.ads.append(row)
        if d["network_id"]:
            net = nets.setdefault(d["network_id"], {"network_id": d["network_id"], "size": d["size"],
                                                    "risk": d["risk"], "matched_ads": 0})
            net["matched_ads"] += 1
    result.networks = sorted(nets.values(), key=lambda n: (-(n["matched_ads"]), -(n["risk"] or 0), n["network_id"]))
    return result
