"""Networks as connected components of the accepted links, with stable ids."""

from __future__ import annotations

import pyarrow as pa

from unveil.engine import Engine
from unveil.link.network_ids import assign_ids


def build_networks(engine: Engine, run_id: str) -> dict[str, int]:
    """Recompute components over ``links`` and write ``network_members``.

    Every ad belongs to exactly one network (an ad with no link is a network
    of one).  Returns counts for the run summary.
    """
    engine.create_table_as("_nodes", "SELECT ad_key AS node FROM ads")
    engine.create_table_as("_edges", "SELECT ad_a AS a, ad_b AS b FROM links")
    rounds = engine.connected_components("_edges", "_nodes", "_cc")
    components = {
        r["component"]: r["size"]
        for r in engine.query("SELECT component, COUNT(*) AS size FROM _cc GROUP BY component").to_pylist()
    }
    overlaps = [
        (r["component"], r["network_id"], r["shared"])
        for r in engine.query(
            "SELECT c.component, m.network_id, COUNT(*) AS shared FROM _cc c "
            "JOIN network_members m ON c.node = m.ad_key GROUP BY c.component, m.network_id"
        ).to_pylist()
    ]
    old_sizes = {
        r["network_id"]: r["size"]
        for r in engine.query("SELECT network_id, COUNT(*) AS size FROM network_members GROUP BY network_id")
        .to_pylist()
    }
    used = {r["network_id"] for r in engine.query("SELECT network_id FROM network_ids_used").to_pylist()}
    assignment = assign_ids(components, overlaps, old_sizes, used)
    comps = sorted(assignment.ids)
    engine.register(
        "_assign", pa.table({"component": comps, "network_id": [assignment.ids[c] for c in comps]})
    )
    lineage = assignment.lineage
    engine.register(
        "_lineage",
        pa.table(
            {
                "network_id": [e[0] for e in lineage],
                "event": [e[1] for e in lineage],
                "other_id": [e[2] for e in lineage],
                "ads": [e[3] for e in lineage],
            },
            schema=pa.schema([("network_id", pa.string()), ("event", pa.string()), ("other_id", pa.string()),
                              ("ads", pa.int32())]),
        ),
    )
    with engine.transaction():
        engine.execute("DELETE FROM network_members")
        engine.execute(
            "INSERT INTO network_members SELECT a.network_id, c.node FROM _cc c JOIN _assign a "
            "ON c.component = a.component"
        )
        engine.execute("INSERT INTO network_lineage SELECT ?, network_id, event, other_id, ads FROM _lineage",
                       [run_id])
        engine.execute("INSERT OR IGNORE INTO network_ids_used SELECT network_id FROM _assign")
    engine.unregister("_assign")
    engine.unregister("_lineage")
    for name in ("_nodes", "_edges", "_cc"):
        engine.drop(name)
    multi = sum(1 for size in components.values() if size > 1)
    return {"networks": len(components), "networks_multi_ad": multi, "cc_rounds": rounds}
