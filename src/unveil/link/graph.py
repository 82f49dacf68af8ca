"""Connected components: the engine-specific fast path, local updates, and networks with stable ids.

``components`` labels each node with the smallest node of its component.  Other engines run the SQL
default (``Engine.connected_components``: label propagation with pointer jumping); for DuckDB, whose
tables live in this process, the edges are fetched as Arrow and handed to ``scipy.sparse.csgraph``, which
labels a million edges in well under a second where the SQL rounds take tens of seconds.  Both give the
same labels (tested against each other).

Networks are connected components of ``links`` (accepted edges of every kind).  An incremental run
recomputes components only around the ads touched in this run (new ads, and both ends of every link added
or removed): the members of their current networks plus the touched ads form a closed subgraph (every link
joins two ads of one network), so its components are exactly what a recomputation over all ads gives.
Ids follow the stable-id rule in :mod:`unveil.link.network_ids`.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from unveil.engine import Engine
from unveil.link.network_ids import assign_ids, new_network_id
from unveil.link.state import TOUCHED


def components(engine: Engine, edges: str, nodes: str, out: str) -> int:
    """Write ``out(node, component)`` for ``nodes(node)`` and undirected ``edges(a, b)``; returns rounds.

    The component label is the smallest node of the component.  DuckDB: scipy on Arrow arrays (one
    "round"); any other engine: its ``connected_components`` (SQL rounds).
    """
    if engine.name != "duckdb":
        return engine.connected_components(edges, nodes, out)
    node_tbl = engine.query(f"SELECT DISTINCT node FROM {nodes}")
    edge_tbl = engine.query(f"SELECT a, b FROM {edges}")
    labels = scipy_components(node_tbl.column("node"), edge_tbl.column("a"), edge_tbl.column("b"))
    engine.register("_cc_out", labels)
    engine.create_table_as(out, "SELECT node, component FROM _cc_out")
    engine.unregister("_cc_out")
    return 1


def scipy_components(nodes: pa.ChunkedArray | pa.Array, a: pa.ChunkedArray | pa.Array,
                     b: pa.ChunkedArray | pa.Array) -> pa.Table:
    """``(node, component)`` with the component's smallest node as its label (edges outside nodes ignored)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    nodes = pc.unique(nodes.combine_chunks() if isinstance(nodes, pa.ChunkedArray) else nodes)
    nodes = nodes.take(pc.sort_indices(nodes))  # position order == value order, so min position == min node
    n = len(nodes)
    if n == 0:
        return pa.table({"node": nodes, "component": nodes})
    ia = pc.index_in(a, value_set=nodes).to_numpy(zero_copy_only=False)
    ib = pc.index_in(b, value_set=nodes).to_numpy(zero_copy_only=False)
    ok = ~(np.isnan(ia) | np.isnan(ib)) if ia.dtype.kind == "f" else np.ones(len(ia), dtype=bool)
    ia, ib = ia[ok].astype(np.int64), ib[ok].astype(np.int64)
    graph = coo_matrix((np.ones(len(ia), dtype=np.int8), (ia, ib)), shape=(n, n))
    _count, comp = connected_components(graph, directed=False)
    first = np.full(comp.max() + 1, n, dtype=np.int64)
    np.minimum.at(first, comp, np.arange(n))
    return pa.table({"node": nodes, "component": nodes.take(pa.array(first[comp]))})


def update_clusters(engine: Engine, *, edges: str, labels: str, node: str, touched: str, full: bool) -> None:
    """Recompute the clusters (components of two or more nodes) around ``touched(node)``.

    ``labels`` holds one row ``(<node>, cluster)`` per node in a cluster, the cluster labelled by its
    smallest node; edges are ``edges(a, b)``.  Leaves ``_cl_old(cluster)`` (labels before) and
    ``_cl_new(cluster)`` (labels after) of the clusters that may have changed.
    """
    if full:
        engine.create_table_as("_cl_old", f"SELECT DISTINCT cluster FROM {labels}")
        engine.create_table_as("_cl_nodes", f"SELECT a AS node FROM {edges} UNION SELECT b FROM {edges}")
        engine.create_table_as("_cl_edges", f"SELECT a, b FROM {edges}")
    else:
        engine.create_table_as(
            "_cl_old", f"SELECT DISTINCT l.cluster FROM {labels} l JOIN {touched} t ON t.node = l.{node}"
        )
        engine.create_table_as(
            "_cl_nodes",
            f"SELECT l.{node} AS node FROM {labels} l JOIN _cl_old o ON o.cluster = l.cluster "
            f"UNION SELECT node FROM {touched}",
        )
        # An edge joins two nodes of one cluster (or two touched nodes): its first end decides.
        engine.create_table_as("_cl_edges", f"SELECT e.a, e.b FROM {edges} e JOIN _cl_nodes n ON n.node = e.a")
    components(engine, "_cl_edges", "_cl_nodes", "_cl_cc")
    engine.create_table_as(
        "_cl_keep",
        "SELECT c.node, c.component AS cluster FROM _cl_cc c JOIN (SELECT component FROM _cl_cc GROUP BY component "
        "HAVING COUNT(*) > 1) k ON k.component = c.component",
    )
    engine.execute(f"DELETE FROM {labels} WHERE {node} IN (SELECT node FROM _cl_nodes)")
    engine.execute(f"INSERT INTO {labels} ({node}, cluster) SELECT node, cluster FROM _cl_keep")
    engine.create_table_as("_cl_new", "SELECT DISTINCT cluster FROM _cl_keep")
    for name in ("_cl_nodes", "_cl_edges", "_cl_cc", "_cl_keep"):
        engine.drop(name)


def update_networks(engine: Engine, run_id: str, *, full: bool) -> dict[str, int]:
    """Recompute the networks around the ads touched in this run and name them by the stable-id rule.

    Leaves ``_nw_gone(network_id)`` (ids whose rows must be rewritten or removed) and
    ``_nw_now(network_id)`` (ids to score) for the scoring step.
    """
    if full:
        engine.create_table_as("_nw_gone", "SELECT DISTINCT network_id FROM network_members")
        engine.create_table_as("_nw_nodes", "SELECT ad_key AS node FROM ads")
        engine.create_table_as("_nw_edges", "SELECT ad_a AS a, ad_b AS b FROM links")
    else:
        engine.create_table_as(
            "_nw_gone",
            f"SELECT DISTINCT m.network_id FROM network_members m JOIN {TOUCHED} t ON t.ad_key = m.ad_key",
        )
        engine.create_table_as(
            "_nw_nodes",
            f"SELECT m.ad_key AS node FROM network_members m JOIN _nw_gone g ON g.network_id = m.network_id "
            f"UNION SELECT ad_key FROM {TOUCHED}",
        )
        # A link joins two ads of one network (or two touched ads): its first end decides.
        engine.create_table_as(
            "_nw_edges", "SELECT l.ad_a AS a, l.ad_b AS b FROM links l JOIN _nw_nodes n ON n.node = l.ad_a"
        )
    rounds = components(engine, "_nw_edges", "_nw_nodes", "_cc")
    comp_tbl = engine.query("SELECT component, COUNT(*) AS size FROM _cc GROUP BY component")
    components_ = dict(zip(comp_tbl.column("component").to_pylist(), comp_tbl.column("size").to_pylist(),
                           strict=True))
    overlaps = [
        (r["component"], r["network_id"], r["shared"])
        for r in engine.query(
            "SELECT c.component, m.network_id, COUNT(*) AS shared FROM _cc c "
            "JOIN network_members m ON c.node = m.ad_key GROUP BY c.component, m.network_id"
        ).to_pylist()
    ]
    old_sizes = {
        r["network_id"]: r["size"]
        for r in engine.query(
            "SELECT m.network_id, COUNT(*) AS size FROM network_members m JOIN _nw_gone g "
            "ON g.network_id = m.network_id GROUP BY m.network_id"
        ).to_pylist()
    }
    assignment = assign_ids(components_, overlaps, old_sizes, _used_ids(engine, list(components_)))
    comps = sorted(assignment.ids)
    engine.register("_assign", pa.table({"component": comps, "network_id": [assignment.ids[c] for c in comps]}))
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
    # Only members whose network id changes are rewritten: a large network that gains a few ads keeps its
    # id, and rewriting all its members (an indexed table) would cost more than everything else.
    engine.create_table_as(
        "_nm_changed",
        """
        SELECT c.node AS ad_key, a.network_id FROM _cc c JOIN _assign a ON c.component = a.component
        LEFT JOIN network_members m ON m.ad_key = c.node
        WHERE m.ad_key IS NULL OR m.network_id <> a.network_id
        """,
    )
    with engine.transaction():
        engine.execute("DELETE FROM network_members WHERE ad_key IN (SELECT ad_key FROM _nm_changed)")
        engine.execute("INSERT INTO network_members SELECT network_id, ad_key FROM _nm_changed")
        engine.execute("INSERT INTO network_lineage SELECT ?, network_id, event, other_id, ads FROM _lineage",
                       [run_id])
        engine.execute(
            "INSERT INTO network_ids_used SELECT a.network_id FROM _assign a "
            "WHERE a.network_id NOT IN (SELECT network_id FROM network_ids_used)"
        )
    engine.create_table_as("_nw_now", "SELECT DISTINCT network_id FROM _assign")
    engine.unregister("_assign")
    engine.unregister("_lineage")
    for name in ("_nw_nodes", "_nw_edges", "_cc", "_nm_changed"):
        engine.drop(name)
    total = int(engine.scalar("SELECT COUNT(DISTINCT network_id) AS n FROM network_members") or 0)
    multi = int(engine.scalar(
        "SELECT COUNT(*) AS n FROM (SELECT network_id FROM network_members GROUP BY network_id HAVING COUNT(*) > 1) t"
    ) or 0)
    return {"networks": total, "networks_multi_ad": multi, "networks_recomputed": len(components_),
            "cc_rounds": rounds}


def _used_ids(engine: Engine, labels: list[str]) -> set[str]:
    """Ids ever given out that a new id for one of these components could collide with."""
    if not labels:
        return set()
    bases = sorted({new_network_id(label) for label in labels})
    engine.register("_id_bases", pa.table({"base": bases}))
    rows = engine.query(
        "SELECT u.network_id FROM network_ids_used u JOIN _id_bases b ON b.base = SUBSTR(u.network_id, 1, 12)"
    ).to_pylist()
    engine.unregister("_id_bases")
    return {r["network_id"] for r in rows}
