"""Bookkeeping of the link stage: which ads are fingerprinted, with which settings, and what changed.

The link stage is incremental: per-ad fingerprints (text segments and signatures, image hashes) are
computed once per ad, and cross-ad tables (pairs, clusters, links, networks) are updated only where new
ads or changed hub decisions touch them.  Two rules keep that equal to a full re-analysis:

* the tables record the settings they were made with; other settings mean a rebuild from scratch;
* a ``running`` mark is set while the cross-ad tables change: a run killed in the middle leaves it, and the
  next run rebuilds from scratch instead of trusting half-updated tables.

``link_ads`` gives every fingerprinted ad a compact number (``ad_no``) used by the large internal tables
(bands, segments, pairs): integer joins are several times cheaper than joins on ad keys.
"""

from __future__ import annotations

import json
from typing import Any

from unveil.engine import Engine

# Tables of the link stage emptied by a rebuild.  ``image_hashes`` stays: a file's hash does not depend on
# any setting, and the rebuild reuses it instead of reading the file again.  Networks stay too: they are
# recomputed, and the old ones name the new ones (stable ids).
LINK_TABLES = (
    "link_ads", "text_segments", "text_signatures", "text_bands", "text_boilerplate", "text_pairs",
    "text_clusters", "templates", "image_bands", "image_pairs", "pictures", "picture_stats", "links",
    "hub_identifiers",
)  # fmt: skip

# Ads touched in this run (new ads, ends of links added or removed): networks are recomputed around them.
TOUCHED = "_link_touched"


def get_state(engine: Engine, key: str) -> str | None:
    value = engine.scalar("SELECT value FROM link_state WHERE key = ?", [key])
    return None if value is None else str(value)


def set_state(engine: Engine, key: str, value: str) -> None:
    engine.execute("DELETE FROM link_state WHERE key = ?", [key])
    engine.execute("INSERT INTO link_state VALUES (?, ?)", [key, value])


def begin(engine: Engine, settings: dict[str, Any]) -> bool:
    """Prepare the link tables for this run; returns True when they were rebuilt from scratch.

    A rebuild happens when the stored settings differ from ``settings``, when a previous link stage did
    not finish, or when ads exist that the link tables predate (a store from before incremental linking).
    """
    wanted = json.dumps(settings, sort_keys=True)
    stored = get_state(engine, "settings")
    running = get_state(engine, "status") == "running"
    rebuild = running or stored != wanted
    if rebuild:
        for table in LINK_TABLES:
            engine.execute(f"DELETE FROM {table}")
    set_state(engine, "settings", wanted)
    set_state(engine, "status", "running")
    engine.create_table_as(TOUCHED, "SELECT ad_key FROM link_ads WHERE 1 = 0")
    return rebuild


def finish(engine: Engine) -> None:
    set_state(engine, "status", "done")
    engine.drop(TOUCHED)
    engine.drop("_new_ads")


def number_new_ads(engine: Engine) -> int:
    """Give each ad not yet fingerprinted an ``ad_no``; returns how many.

    Leaves ``_new_ads(ad_key, ad_no)`` for the stages of this run and records them as touched.
    """
    start = int(engine.scalar("SELECT COALESCE(MAX(ad_no), 0) AS n FROM link_ads") or 0)
    engine.create_table_as(
        "_new_ads",
        f"""
        SELECT a.ad_key, {start} + ROW_NUMBER() OVER (ORDER BY a.ad_key) AS ad_no
        FROM ads a LEFT JOIN link_ads l ON l.ad_key = a.ad_key
        WHERE l.ad_key IS NULL
        """,
    )
    n = int(engine.scalar("SELECT COUNT(*) AS n FROM _new_ads") or 0)
    engine.execute("INSERT INTO link_ads SELECT ad_key, ad_no FROM _new_ads")
    engine.execute(f"INSERT INTO {TOUCHED} SELECT ad_key FROM _new_ads")
    return n


def touch_ad_nos(engine: Engine, select_ad_nos: str) -> None:
    """Record the ads whose ``ad_no`` the query selects (column ``ad_no``) as touched."""
    engine.execute(
        f"INSERT INTO {TOUCHED} SELECT l.ad_key FROM link_ads l JOIN ({select_ad_nos}) t ON t.ad_no = l.ad_no"
    )


def touch_ad_keys(engine: Engine, select_ad_keys: str) -> None:
    """Record the ads the query selects (column ``ad_key``) as touched."""
    engine.execute(f"INSERT INTO {TOUCHED} SELECT ad_key FROM ({select_ad_keys}) t")
