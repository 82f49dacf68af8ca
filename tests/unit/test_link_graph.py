"""Components (scipy path vs SQL rounds), local cluster updates and incremental band pairs vs full runs."""

from __future__ import annotations

import random

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.engine.components import label_propagation
from unveil.engine.duckdb import DuckDBEngine
from unveil.link.banding import Banded, update_pairs
from unveil.link.graph import components, update_clusters

EDGE_SCHEMA = pa.schema([("a", pa.string()), ("b", pa.string())])


def _labels(engine: DuckDBEngine, table: str) -> dict[str, str]:
    return {r["node"]: r["component"] for r in engine.query(f"SELECT node, component FROM {table}").to_pylist()}


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 30), st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29)), max_size=60))
def test_scipy_components_equal_sql_rounds(n, pairs):
    engine = DuckDBEngine()
    nodes = [f"n{i:02d}" for i in range(n)]
    edges = [(f"n{a:02d}", f"n{b:02d}") for a, b in pairs if a < n and b < n]
    engine.register("e", pa.table({"a": [a for a, _ in edges], "b": [b for _, b in edges]}, schema=EDGE_SCHEMA))
    engine.register("v", pa.table({"node": nodes}))
    components(engine, "e", "v", "fast")
    label_propagation(engine, "e", "v", "slow")
    assert _labels(engine, "fast") == _labels(engine, "slow")


def _cluster_map(engine: DuckDBEngine) -> dict[int, int]:
    return {r["node"]: r["cluster"] for r in engine.query("SELECT node, cluster FROM labels").to_pylist()}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 25), st.integers(0, 25)), max_size=8), min_size=1, max_size=5),
       st.randoms(use_true_random=False))
def test_local_cluster_updates_equal_a_full_recomputation(batches, rnd):
    """Add (and sometimes remove) edges batch by batch; local updates must match recomputing everything."""
    engine = DuckDBEngine()
    engine.execute("CREATE TABLE edges (a BIGINT, b BIGINT)")
    engine.execute("CREATE TABLE labels (node BIGINT, cluster BIGINT)")
    for batch in batches:
        touched = set()
        for a, b in batch:
            if a != b:
                engine.execute("INSERT INTO edges VALUES (?, ?)", [min(a, b), max(a, b)])
                touched |= {a, b}
        existing = engine.query("SELECT a, b FROM edges").to_pylist()
        if existing and rnd.random() < 0.5:
            gone = rnd.choice(existing)
            engine.execute("DELETE FROM edges WHERE a = ? AND b = ?", [gone["a"], gone["b"]])
            touched |= {gone["a"], gone["b"]}
        engine.register("t", pa.table({"node": pa.array(sorted(touched), pa.int64())}))
        update_clusters(engine, edges="edges", labels="labels", node="node", touched="t", full=False)
        engine.unregister("t")
        local = _cluster_map(engine)
        engine.execute("CREATE OR REPLACE TABLE labels_full AS SELECT * FROM labels WHERE 1 = 0")
        update_clusters(engine, edges="edges", labels="labels_full", node="node", touched="t", full=True)
        full = {r["node"]: r["cluster"] for r in engine.query("SELECT * FROM labels_full").to_pylist()}
        assert local == full


def _accept_all(engine: DuckDBEngine, candidates: str) -> pa.Table:
    cand = engine.query(f"SELECT a, b FROM {candidates}")
    return pa.table({"a": cand.column("a"), "b": cand.column("b"), "value": pa.array([1.0] * cand.num_rows)})


SPEC = Banded(bands="bands", node="node", pairs="pairs", value="value")


def _pairs(engine: DuckDBEngine, table: str = "pairs") -> set[tuple[int, int]]:
    return {(r["a"], r["b"]) for r in engine.query(f"SELECT a, b FROM {table}").to_pylist()}


def test_incremental_band_pairs_equal_a_full_run_across_cap_crossings():
    """Nodes arrive and some are re-banded; small buckets cross a cap of 3 in both directions."""
    rng = random.Random(5)
    engine = DuckDBEngine()
    engine.execute("CREATE TABLE bands (node BIGINT, hash BIGINT)")
    engine.execute("CREATE TABLE pairs (a BIGINT, b BIGINT, value DOUBLE)")
    engine.execute("CREATE TABLE t (node BIGINT)")
    next_node = 0
    for _round in range(12):
        new = list(range(next_node, next_node + rng.randint(1, 4)))
        next_node += len(new)
        old_nodes = list(range(new[0]))
        redo = rng.sample(old_nodes, min(len(old_nodes), rng.randint(0, 2)))
        engine.execute("CREATE OR REPLACE TABLE old_bands AS SELECT node, hash FROM bands WHERE 1 = 0")
        for node in redo:
            engine.execute("INSERT INTO old_bands SELECT node, hash FROM bands WHERE node = ?", [node])
            engine.execute("DELETE FROM bands WHERE node = ?", [node])
        for node in new + redo:
            for band in range(3):
                engine.execute("INSERT INTO bands VALUES (?, ?)", [node, band * 100 + rng.randint(0, 3)])
        engine.register("aff", pa.table({"node": pa.array(new + redo, pa.int64())}))
        update_pairs(engine, SPEC, aff="aff", old_bands="old_bands", cap=3, verify=_accept_all, full=False,
                     touched="t")
        engine.unregister("aff")
        engine.execute("CREATE OR REPLACE TABLE pairs_full (a BIGINT, b BIGINT, value DOUBLE)")
        update_pairs(engine, Banded("bands", "node", "pairs_full", "value"), aff="bands", old_bands=None, cap=3,
                     verify=_accept_all, full=True, touched="t")
        assert _pairs(engine) == _pairs(engine, "pairs_full")
