"""Which network holds an identifier: an in-memory index for screening.

Screening must answer in milliseconds, but finding the ads that carry a
phone number means scanning the whole ``entities`` table (about 20 ms at 100k
ads, more as the corpus grows; DuckDB has no index on it).  The server owns the
store, so it knows when the networks change (its own batch ingest): it builds
this index on first use and drops it after every ingest.  Identifiers the
linking stage refused as hubs are kept apart, with the number of ads carrying
them, and never make a match.  Memory: one entry per distinct identifier in a
network (about 36k entries for 100k demo ads).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from unveil.store import Store

MATCH_KINDS = ("phone", "email", "handle", "payment", "crypto", "iban")
MAX_CANDIDATES = 5


@dataclass
class Snapshot:
    networks_of: dict[tuple[str, str], list[tuple[str, int]]] = field(default_factory=dict)  # -> [(network, ads)]
    hubs: dict[tuple[str, str], int] = field(default_factory=dict)
    networks: dict[str, dict[str, Any]] = field(default_factory=dict)


class IdentifierIndex:
    """Built lazily from the store; :meth:`invalidate` after the networks change."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._snap: Snapshot | None = None

    def invalidate(self) -> None:
        with self._lock:
            self._snap = None

    def current(self) -> Snapshot | None:
        """The index if it is built (no store needed), else ``None``."""
        return self._snap

    def snapshot(self, store: Store) -> Snapshot:
        """The index, built from ``store`` first if needed (about 0.3 s at 100k ads)."""
        with self._lock:
            if self._snap is None:
                self._snap = _build(store)
            return self._snap

    def lookup(self, store: Store,
               identifiers: list[tuple[str, str]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Networks holding ads with these identifiers (most shared identifiers, then riskiest, first),
        and the hub identifiers among them."""
        return lookup(self.snapshot(store), identifiers)


def lookup(snap: Snapshot,
           identifiers: list[tuple[str, str]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """:meth:`IdentifierIndex.lookup` on a built index: no store, no I/O."""
    shared: dict[str, list[dict[str, Any]]] = defaultdict(list)
    hubs: list[dict[str, Any]] = []
    for kind, value in dict.fromkeys(identifiers):
        if (kind, value) in snap.hubs:
            hubs.append({"kind": kind, "value": value, "ads": snap.hubs[(kind, value)]})
            continue
        for network_id, ads in snap.networks_of.get((kind, value), ()):
            shared[network_id].append({"kind": kind, "value": value, "ads": ads})
    out: list[dict[str, Any]] = []
    for nid, idents in shared.items():
        info = snap.networks.get(nid, {})
        out.append({"network_id": nid, "size": info.get("size"), "risk": info.get("risk"),
                    "minor_risk": info.get("minor_risk", 0), "cities": list(info.get("cities") or []),
                    "shared_identifiers": sorted(idents, key=lambda i: (i["kind"], i["value"]))})
    out.sort(key=lambda c: (-len(c["shared_identifiers"]), -(c["risk"] or 0), c["network_id"]))
    return out[:MAX_CANDIDATES], hubs


def _build(store: Store) -> Snapshot:
    kinds = ", ".join(f"'{k}'" for k in MATCH_KINDS)
    snap = Snapshot()
    for r in store.rows("SELECT kind, value, ads FROM hub_identifiers"):
        snap.hubs[(r["kind"], r["value"])] = int(r["ads"])
    rows = store.rows(
        "SELECT e.kind, e.value, m.network_id, COUNT(DISTINCT e.ad_key) AS ads "
        f"FROM entities e JOIN network_members m ON m.ad_key = e.ad_key WHERE e.kind IN ({kinds}) "
        "GROUP BY e.kind, e.value, m.network_id"
    )
    for r in rows:
        key = (r["kind"], r["value"])
        if key not in snap.hubs:
            snap.networks_of.setdefault(key, []).append((r["network_id"], int(r["ads"])))
    for r in store.rows("SELECT network_id, size, risk, n_minor_risk, cities FROM networks WHERE size > 0"):
        snap.networks[r["network_id"]] = {"size": r["size"], "risk": r["risk"], "minor_risk": r["n_minor_risk"] or 0,
                                          "cities": r["cities"]}
    return snap
