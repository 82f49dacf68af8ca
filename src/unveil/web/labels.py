"""Reviewer labels and notes on networks, kept across re-analysis.

A label records the network id *and* the member ad keys at labelling time.
Network ids are stable when a network keeps most of its ads, but a re-run can
merge or split networks; reading labels by shared ads as well as by id means
a label always shows on whichever network now holds the ads it was given to,
with how many of them are still there.  Labels are never edited: a new label
supersedes the older ones (history stays visible).
"""

from __future__ import annotations

import uuid
from typing import Any

import pyarrow as pa

from unveil.store import Store
from unveil.store.store import utcnow
from unveil.web import queries

LABELS = ("trafficking", "independent", "spam", "scam", "massage_parlour", "unknown")
NOTE_MAX = 5000


class LabelError(ValueError):
    """A label that cannot be stored (unknown class, likelihood out of range...)."""


def add_label(store: Store, network_id: str, label: str, likelihood: int, note: str | None,
              username: str) -> dict[str, Any]:
    """Store a label for the network as it is now (its id and its member ads)."""
    if label not in LABELS:
        raise LabelError(f"unknown label {label!r}; choose one of {', '.join(LABELS)}")
    if not 0 <= int(likelihood) <= 100:
        raise LabelError("likelihood must be between 0 and 100")
    if note is not None and len(note) > NOTE_MAX:
        raise LabelError(f"note longer than {NOTE_MAX} characters")
    keys = queries.network_ad_keys(store, network_id)
    if not keys:
        raise LookupError(network_id)
    label_id = "L-" + uuid.uuid4().hex[:16]
    now = utcnow()
    with store.engine.transaction():
        store.engine.execute(
            "INSERT INTO labels (label_id, network_id, label, likelihood, note, username, created_at, network_size) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [label_id, network_id, label, int(likelihood), note or None, username, now, len(keys)],
        )
        store.engine.register("_label_keys", pa.table({"ad_key": keys}))
        try:
            store.engine.execute("INSERT INTO label_members SELECT ?, ad_key FROM _label_keys", [label_id])
        finally:
            store.engine.unregister("_label_keys")
    return {"label_id": label_id, "network_id": network_id, "label": label, "likelihood": int(likelihood),
            "note": note or None, "username": username, "created_at": now.isoformat(), "network_size": len(keys),
            "shared_ads": len(keys), "current": True, "carried_over": False}


def labels_for_network(store: Store, network_id: str) -> list[dict[str, Any]]:
    """Labels given to this id or to any of its current ads, newest first.

    Each row says how many of the labelled ads are in the network now
    (``shared_ads``) and whether it was given under another id
    (``carried_over``); the newest is marked ``current``.
    """
    rows = store.rows(
        "WITH mem AS (SELECT ad_key FROM network_members WHERE network_id = ?), "
        "hits AS (SELECT lm.label_id, COUNT(*) AS shared FROM label_members lm JOIN mem ON mem.ad_key = lm.ad_key "
        "GROUP BY lm.label_id) "
        "SELECT l.label_id, l.network_id, l.label, l.likelihood, l.note, l.username, l.created_at, l.network_size, "
        "COALESCE(h.shared, 0) AS shared_ads FROM labels l LEFT JOIN hits h ON h.label_id = l.label_id "
        "WHERE l.network_id = ? OR h.shared > 0 ORDER BY l.created_at DESC, l.label_id DESC",
        [network_id, network_id],
    )
    for i, r in enumerate(rows):
        r["created_at"] = r["created_at"].isoformat()
        r["current"] = i == 0
        r["carried_over"] = r["network_id"] != network_id
    return rows


def latest_labels(store: Store, network_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The newest label per network, found by id or by shared ads (for list pages)."""
    if not network_ids:
        return {}
    store.engine.register("_nets", pa.table({"network_id": network_ids}))
    try:
        rows = store.rows(
            "WITH cand AS ("
            " SELECT n.network_id AS target, l.* FROM _nets n JOIN labels l ON l.network_id = n.network_id"
            " UNION"
            " SELECT DISTINCT m.network_id AS target, l.* FROM _nets n"
            " JOIN network_members m ON m.network_id = n.network_id"
            " JOIN label_members lm ON lm.ad_key = m.ad_key JOIN labels l ON l.label_id = lm.label_id) "
            "SELECT * FROM cand QUALIFY row_number() OVER (PARTITION BY target ORDER BY created_at DESC, "
            "label_id DESC) = 1"
        )
    finally:
        store.engine.unregister("_nets")
    return {r["target"]: {"label": r["label"], "likelihood": r["likelihood"], "username": r["username"],
                          "created_at": r["created_at"].isoformat(), "label_id": r["label_id"]} for r in rows}


def recent_labels(store: Store, limit: int = 10) -> list[dict[str, Any]]:
    """Newest labels with the network that now holds most of their ads."""
    return store.rows(
        "WITH l AS (SELECT * FROM labels ORDER BY created_at DESC LIMIT ?), "
        "counts AS (SELECT lm.label_id, m.network_id, COUNT(*) AS n FROM label_members lm "
        " JOIN l ON l.label_id = lm.label_id JOIN network_members m ON m.ad_key = lm.ad_key "
        " GROUP BY lm.label_id, m.network_id), "
        "now_in AS (SELECT * FROM counts QUALIFY row_number() OVER (PARTITION BY label_id ORDER BY n DESC, "
        " network_id) = 1) "
        "SELECT l.label_id, l.network_id, l.label, l.likelihood, l.username, l.created_at, "
        "now_in.network_id AS now_network_id FROM l LEFT JOIN now_in ON now_in.label_id = l.label_id "
        "ORDER BY l.created_at DESC",
        [int(limit)],
    )
