"""The engine contract, run on DuckDB and on Spark: the cross-ad stages rely on exactly this."""

from __future__ import annotations

import hashlib
import random

import pyarrow as pa
import pytest

from unveil.engine import Engine
from unveil.link.graph import components, scipy_components


def rows(engine: Engine, sql: str) -> list[dict]:
    return sorted(engine.query(sql).to_pylist(), key=lambda r: tuple(str(v) for v in r.values()))


def test_register_query_round_trip(engine: Engine) -> None:
    table = pa.table({"k": pa.array([3, 1, 2], pa.int64()), "s": ["c", None, "b"],
                      "l": pa.array([["x", "y"], [], None], pa.list_(pa.string()))})
    engine.register("t_in", table)
    assert rows(engine, "SELECT k, s, l FROM t_in") == [
        {"k": 1, "s": None, "l": []}, {"k": 2, "s": "b", "l": None}, {"k": 3, "s": "c", "l": ["x", "y"]},
    ]
    assert engine.scalar("SELECT COUNT(*) AS n FROM t_in WHERE k > ?", [1]) == 2
    engine.unregister("t_in")
    assert not engine.table_exists("t_in")


def test_tables_and_statements(engine: Engine) -> None:
    engine.register("src", pa.table({"a": [1, 2, 3, 4], "b": ["w", "x", "y", None]}))
    engine.create_table_as("t", "SELECT a, b FROM src WHERE a <= 3")
    assert engine.table_exists("t")
    engine.execute("DELETE FROM t WHERE a = ?", [2])
    engine.execute("DELETE FROM t WHERE b IN (SELECT b FROM src WHERE a = 3)")
    engine.execute("INSERT INTO t SELECT a, b FROM src WHERE a = 4")
    engine.execute("INSERT INTO t (b, a) SELECT 'z', 10")
    engine.execute("INSERT INTO t VALUES (?, ?)", [11, "q"])
    # A DELETE whose condition is NULL for a row keeps the row (as in SQL).
    engine.execute("DELETE FROM t WHERE b = 'nothing' OR b IS NULL AND a > 100")
    assert rows(engine, "SELECT a, b FROM t") == [
        {"a": 1, "b": "w"}, {"a": 10, "b": "z"}, {"a": 11, "b": "q"}, {"a": 4, "b": None},
    ]
    engine.execute("DELETE FROM t")
    assert engine.scalar("SELECT COUNT(*) AS n FROM t") == 0
    engine.create_table_as("t", "SELECT 1 AS one")  # replace
    assert engine.scalar("SELECT one FROM t") == 1
    engine.drop("t")
    assert not engine.table_exists("t")
    engine.drop("t")  # dropping a missing table is fine
    with engine.transaction():
        engine.create_table_as("t2", "SELECT 'x' || CAST(42 AS STRING) AS s")
    assert engine.scalar("SELECT s FROM t2") == "x42"


def test_dialect_pieces(engine: Engine) -> None:
    engine.register("g", pa.table({"k": [1, 1, 1, 2, 3], "v": ["b", "a", "b", None, "c"],
                                   "j": ['{"foreign": true, "lat": 48.8566, "name": "x y"}', "{}", None,
                                         '{"foreign": false}', '{"lat": -3.5}']}))
    got = {r["k"]: r["l"] for r in engine.query(
        f"SELECT k, {engine.distinct_list('v')} AS l FROM g GROUP BY k").to_pylist()}
    assert got[1] == ["a", "b"] and got[3] == ["c"]
    assert got[2] in (None, [])  # no values: DuckDB says NULL, Spark an empty list; readers take both
    got = engine.query(
        f"SELECT k, {engine.json_text('j', 'foreign')} AS f, {engine.json_text('j', 'lat')} AS lat, "
        f"{engine.json_text('j', 'name')} AS name FROM g ORDER BY k, v"
    ).to_pylist()
    assert [(r["f"], r["lat"], r["name"]) for r in got] == [
        (None, None, None), ("true", "48.8566", "x y"), (None, None, None), ("false", None, None),
        (None, "-3.5", None),
    ]
    engine.register("h", pa.table({"s": ["a/1", "ünï/ø"]}))
    got = {r["s"]: r["h"] for r in engine.query(f"SELECT s, {engine.sha256_hex('s')} AS h FROM h").to_pylist()}
    assert got == {s: hashlib.sha256(s.encode()).hexdigest() for s in ("a/1", "ünï/ø")}


def _graph(name: str) -> tuple[list[str], list[tuple[str, str]]]:
    rng = random.Random(7)
    if name == "chain":  # a long path in shuffled order: many rounds for naive propagation
        nodes = [f"n{i:04d}" for i in range(300)]
        order = nodes[:]
        rng.shuffle(order)
        return nodes, [(order[i], order[i + 1]) for i in range(len(order) - 1)]
    if name == "star_and_cycles":
        nodes = [f"s{i:03d}" for i in range(60)]
        edges = [("s000", f"s{i:03d}") for i in range(1, 20)]  # star
        edges += [(f"s{i:03d}", f"s{i + 1:03d}") for i in range(20, 39)] + [("s039", "s020")]  # cycle
        edges += [("s045", "s045"), ("s046", "s047"), ("s047", "s046"), ("s046", "s047")]  # loop, duplicates
        return nodes, edges
    if name == "random":
        nodes = [f"r{i:04d}" for i in range(500)]
        return nodes, [(rng.choice(nodes), rng.choice(nodes)) for _ in range(400)]
    if name == "isolated_nodes":  # no edges at all: every node is its own component
        return ["b", "a", "c"], []
    raise ValueError(name)


@pytest.mark.parametrize("graph", ["chain", "star_and_cycles", "random", "isolated_nodes"])
def test_connected_components(engine: Engine, graph: str) -> None:
    nodes, edges = _graph(graph)
    engine.register("cc_nodes", pa.table({"node": nodes}))
    engine.register("cc_edges", pa.table({"a": [e[0] for e in edges], "b": [e[1] for e in edges]},
                                         schema=pa.schema([("a", pa.string()), ("b", pa.string())])))
    engine.connected_components("cc_edges", "cc_nodes", "cc_out")
    got = {r["node"]: r["component"] for r in engine.query("SELECT node, component FROM cc_out").to_pylist()}
    want = scipy_components(pa.array(nodes, pa.string()), pa.array([e[0] for e in edges], pa.string()),
                            pa.array([e[1] for e in edges], pa.string()))
    assert got == dict(zip(want.column("node").to_pylist(), want.column("component").to_pylist(), strict=True))
    # The link stage's entry point (scipy on DuckDB, SQL rounds elsewhere) gives the same labels.
    components(engine, "cc_edges", "cc_nodes", "cc_out2")
    assert {r["node"]: r["component"] for r in engine.query("SELECT node, component FROM cc_out2").to_pylist()} == got
