"""Score networks and write their rows: features (SQL), explained risk, the ``networks`` table.

Only the networks that changed in a run are scored again (``_nw_gone``: rows to remove, ``_nw_now``: rows
to write, both left by the link stage); with ``full`` every network is.  Work goes in chunks of networks so
memory stays flat on a million of them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pyarrow as pa

from unveil.engine import Engine
from unveil.score.features import collect
from unveil.score.risk import score_network

CHUNK = 100_000  # networks scored per round

#: SQL (over ``networks`` aliased ``n``) for the sum of a network's points before the cap of 100: the
#: tie-break among networks at the cap, so that more evidence still ranks higher there.
UNCAPPED_POINTS_SQL = "COALESCE(list_sum(CAST(json_extract(n.reasons, '$[*].points') AS DOUBLE[])), 0)"

SCHEMA = pa.schema([
    ("network_id", pa.string()), ("size", pa.int32()), ("risk", pa.float64()), ("reasons", pa.string()),
    ("identifiers", pa.string()), ("cities", pa.list_(pa.string())), ("countries", pa.list_(pa.string())),
    ("first_seen", pa.timestamp("us")), ("last_seen", pa.timestamp("us")), ("n_phones", pa.int32()),
    ("n_emails", pa.int32()), ("n_flags", pa.int32()), ("n_minor_risk", pa.int32()), ("features", pa.string()),
])


def score_networks(engine: Engine, run_id: str, *, full: bool = True) -> dict[str, int]:
    """Rewrite the ``networks`` rows of the changed networks (all of them with ``full``)."""
    if full or not engine.table_exists("_nw_now"):
        engine.create_table_as("_nw_now", "SELECT DISTINCT network_id FROM network_members")
        engine.create_table_as("_nw_gone", "SELECT network_id FROM networks")
    engine.create_table_as(
        "_sc_chunks",
        "SELECT network_id, "
        f"CAST(FLOOR((ROW_NUMBER() OVER (ORDER BY network_id) - 1) / {CHUNK}) AS BIGINT) AS chunk FROM _nw_now",
    )
    n_chunks = int(engine.scalar("SELECT COALESCE(MAX(chunk) + 1, 0) AS n FROM _sc_chunks") or 0)
    if full:
        engine.execute("DELETE FROM networks")
    else:
        engine.execute("DELETE FROM networks WHERE network_id IN (SELECT network_id FROM _nw_gone)")
        engine.execute("DELETE FROM networks WHERE network_id IN (SELECT network_id FROM _nw_now)")
    scored = 0
    for chunk in range(n_chunks):
        engine.create_table_as("_sc_scope", f"SELECT network_id FROM _sc_chunks WHERE chunk = {chunk}")
        table = _score_table(collect(engine, "_sc_scope"))
        engine.register("_scored", table)
        engine.execute(
            f"INSERT INTO networks ({', '.join(SCHEMA.names)}, run_id) SELECT {', '.join(SCHEMA.names)}, ? "
            "FROM _scored",
            [run_id],
        )
        engine.unregister("_scored")
        scored += table.num_rows
    for name in ("_sc_chunks", "_sc_scope", "_nw_now", "_nw_gone"):
        engine.drop(name)
    return {"networks_scored": scored}


def _score_table(records: list[Any]) -> pa.Table:
    cols: dict[str, list[Any]] = defaultdict(list)
    for rec in records:
        f = rec.features
        risk, reasons = score_network(f)
        cols["network_id"].append(rec.network_id)
        cols["size"].append(f.size)
        cols["risk"].append(risk)
        cols["reasons"].append(json.dumps([r.to_dict() for r in reasons], ensure_ascii=False))
        cols["identifiers"].append(json.dumps(rec.identifiers, ensure_ascii=False))
        cols["cities"].append(rec.cities)
        cols["countries"].append(rec.countries)
        cols["first_seen"].append(rec.first_seen)
        cols["last_seen"].append(rec.last_seen)
        cols["n_phones"].append(f.n_phones)
        cols["n_emails"].append(f.n_emails)
        cols["n_flags"].append(rec.n_flags)
        cols["n_minor_risk"].append(f.n_minor_risk)
        cols["features"].append(rec.features_json())
    return pa.table({name: cols[name] for name in SCHEMA.names}, schema=SCHEMA)
