"""Connected components as repeated SQL rounds, engine-neutral.

Each round gives every node the smallest label among itself and its
neighbours, then jumps each label to its own label's label (pointer jumping),
which halves path lengths so long chains converge in few rounds.  Rounds are
set-based SQL: no Python loop over nodes or pairs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from unveil.engine.base import Engine

MAX_ROUNDS = 200


def label_propagation(engine: Engine, edges: str, nodes: str, out: str) -> int:
    tmp = f"{out}__cc"
    engine.create_table_as(
        f"{tmp}_e",
        f"SELECT a, b FROM {edges} WHERE a <> b UNION SELECT b AS a, a AS b FROM {edges} WHERE a <> b",
    )
    engine.create_table_as(f"{tmp}_l0", f"SELECT DISTINCT node, node AS label FROM {nodes}")
    current = f"{tmp}_l0"
    rounds = 0
    for rounds in range(1, MAX_ROUNDS + 1):
        spread, jumped = f"{tmp}_s{rounds}", f"{tmp}_l{rounds}"
        engine.create_table_as(
            spread,
            f"""
            SELECT node, MIN(label) AS label FROM (
                SELECT node, label FROM {current}
                UNION ALL
                SELECT e.a AS node, l.label FROM {tmp}_e e JOIN {current} l ON e.b = l.node
            ) t GROUP BY node
            """,
        )
        engine.create_table_as(
            jumped,
            f"""
            SELECT s.node, LEAST(s.label, COALESCE(p.label, s.label)) AS label
            FROM {spread} s LEFT JOIN {spread} p ON s.label = p.node
            """,
        )
        changed = engine.scalar(
            f"SELECT COUNT(*) AS n FROM {jumped} j JOIN {current} c ON j.node = c.node WHERE j.label <> c.label"
        )
        engine.drop(spread)
        engine.drop(current)
        current = jumped
        if not changed:
            break
    engine.create_table_as(out, f"SELECT node, label AS component FROM {current}")
    engine.drop(current)
    engine.drop(f"{tmp}_e")
    return rounds
