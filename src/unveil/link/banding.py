"""Candidate pairs from band hashes, kept up to date incrementally, in SQL through the engine.

Both near-duplicate detectors (text MinHash, image PDQ) store one row per (node, band hash) and call two
nodes *candidates* when they share a band value whose bucket holds at most ``cap`` nodes.  A bucket larger
than that is a crowd of near-identical items (spam, boilerplate, a stock picture): pairing inside it would
be quadratic and is evidence of nothing.  Candidates are verified by an actual similarity (a callback) and
the verified pairs are stored.

:func:`update_pairs` keeps the stored pairs equal to what a full recomputation over all nodes would give,
while touching only what changed: the nodes whose bands were added or replaced (``aff``) and the buckets
they were or are in.  Pairs of other nodes can only change when a bucket they share crosses the cap: a
bucket that grows past it loses its pairs unless another bucket still supports them; one that shrinks
under it gains all its pairs.  No Python loop runs over pairs: candidates come from an equi-join on the
band hash, and the verification callback works on Arrow batches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyarrow as pa

from unveil.engine import Engine

# verify(engine, candidates_table) -> verified rows (a, b, value) as Arrow, or the name of a table of them
# that the verifier made in the engine (an engine whose tables live elsewhere, e.g. Spark, verifies there);
# candidates_table has (a, b).
Verifier = Callable[[Engine, str], "pa.Table | str"]


@dataclass(frozen=True, slots=True)
class Banded:
    """Names of one detector's tables and columns."""

    bands: str  # (node, hash)
    node: str  # node column of the bands table
    pairs: str  # (a, b, value) with a < b
    value: str  # the verified similarity or distance column of the pairs table


def update_pairs(engine: Engine, spec: Banded, *, aff: str, old_bands: str | None, cap: int,
                 verify: Verifier, full: bool, touched: str) -> dict[str, int]:
    """Bring ``spec.pairs`` up to date after the bands of the nodes in ``aff(node)`` changed.

    Args:
        engine: the engine.
        spec: the detector's tables.
        aff: table ``(node)`` of nodes whose bands were inserted or replaced in this run.
        old_bands: table ``(node, hash)`` of the replaced bands (``None``: only new nodes).
        cap: largest bucket that yields candidates.
        verify: the verification callback.
        full: every node is in ``aff`` and ``spec.pairs`` is empty (a cheaper plan for the same result).
        touched: an existing table ``(node)`` to which the ends of added and removed pairs are appended.

    Returns:
        Counts: candidates, pairs added, pairs removed.
    """
    b, n, p = spec.bands, spec.node, spec.pairs
    if full:
        engine.create_table_as(
            "_bd_live", f"SELECT hash FROM {b} GROUP BY hash HAVING COUNT(*) BETWEEN 2 AND {int(cap)}"
        )
        engine.create_table_as(
            "_bd_cand",
            f"""
            SELECT DISTINCT x.{n} AS a, y.{n} AS b
            FROM {b} x JOIN _bd_live l ON l.hash = x.hash JOIN {b} y ON y.hash = x.hash AND x.{n} < y.{n}
            """,
        )
        removed = 0
    else:
        old = old_bands or f"(SELECT hash FROM {b} WHERE 1 = 0)"
        engine.create_table_as(
            "_bd_touch",
            f"SELECT hash FROM {old} o UNION SELECT x.hash FROM {b} x JOIN {aff} f ON f.node = x.{n}",
        )
        engine.create_table_as(
            "_bd_size",
            f"""
            SELECT t.hash,
                   COALESCE(now.n, 0) AS n_new,
                   COALESCE(now.n, 0) - COALESCE(added.n, 0) + COALESCE(gone.n, 0) AS n_old
            FROM _bd_touch t
            LEFT JOIN (SELECT x.hash, COUNT(*) AS n FROM {b} x JOIN _bd_touch t2 ON t2.hash = x.hash
                       GROUP BY x.hash) now ON now.hash = t.hash
            LEFT JOIN (SELECT x.hash, COUNT(*) AS n FROM {b} x JOIN {aff} f ON f.node = x.{n}
                       GROUP BY x.hash) added ON added.hash = t.hash
            LEFT JOIN (SELECT o.hash, COUNT(*) AS n FROM {old} o GROUP BY o.hash) gone ON gone.hash = t.hash
            """,
        )
        # Pairs of replaced or new nodes are recomputed from scratch.
        engine.create_table_as(
            "_bd_gone",
            f"SELECT q.a, q.b FROM {p} q JOIN {aff} f ON f.node = q.a "
            f"UNION SELECT q.a, q.b FROM {p} q JOIN {aff} f ON f.node = q.b",
        )
        engine.execute(f"INSERT INTO {touched} SELECT a FROM _bd_gone UNION ALL SELECT b FROM _bd_gone")
        removed = int(engine.scalar("SELECT COUNT(*) AS n FROM _bd_gone") or 0)
        engine.execute(f"DELETE FROM {p} WHERE a IN (SELECT node FROM {aff})")
        engine.execute(f"DELETE FROM {p} WHERE b IN (SELECT node FROM {aff})")
        removed += _drop_unsupported(engine, spec, cap, touched)
        engine.create_table_as(
            "_bd_live", f"SELECT hash FROM _bd_size WHERE n_new BETWEEN 2 AND {int(cap)}"
        )
        engine.create_table_as(
            "_bd_under", f"SELECT hash FROM _bd_size WHERE n_old > {int(cap)} AND n_new BETWEEN 2 AND {int(cap)}"
        )
        engine.create_table_as(
            "_bd_cand",
            f"""
            SELECT DISTINCT c.a, c.b FROM (
                SELECT LEAST(x.{n}, y.{n}) AS a, GREATEST(x.{n}, y.{n}) AS b
                FROM {b} x JOIN {aff} f ON f.node = x.{n} JOIN _bd_live l ON l.hash = x.hash
                JOIN {b} y ON y.hash = x.hash AND y.{n} <> x.{n}
                UNION ALL
                SELECT x.{n} AS a, y.{n} AS b
                FROM {b} x JOIN _bd_under u ON u.hash = x.hash JOIN {b} y ON y.hash = x.hash AND x.{n} < y.{n}
            ) c LEFT JOIN {p} q ON q.a = c.a AND q.b = c.b
            WHERE q.a IS NULL
            """,
        )
    candidates = int(engine.scalar("SELECT COUNT(*) AS n FROM _bd_cand") or 0)
    added = 0
    if candidates:
        verified = verify(engine, "_bd_cand")
        if isinstance(verified, str):
            ok = verified
            added = int(engine.scalar(f"SELECT COUNT(*) AS n FROM {ok}") or 0)
        else:
            ok = "_bd_ok"
            added = verified.num_rows
            if added:
                engine.register(ok, verified)
        if added:
            engine.execute(f"INSERT INTO {p} SELECT a, b, {spec.value} FROM {ok}")
            if not full:
                engine.execute(f"INSERT INTO {touched} SELECT a FROM {ok} UNION ALL SELECT b FROM {ok}")
        if isinstance(verified, str):
            engine.drop(ok)
        elif added:
            engine.unregister(ok)
    for name in ("_bd_touch", "_bd_size", "_bd_live", "_bd_under", "_bd_cand", "_bd_ovp", "_bd_sup", "_bd_gone"):
        engine.drop(name)
    return {"candidates": candidates, "pairs_added": added, "pairs_removed": removed}


def _drop_unsupported(engine: Engine, spec: Banded, cap: int, touched: str) -> int:
    """Remove stored pairs whose only shared buckets grew past the cap in this run."""
    b, n, p = spec.bands, spec.node, spec.pairs
    if not engine.scalar(f"SELECT COUNT(*) AS n FROM _bd_size WHERE n_old BETWEEN 2 AND {int(cap)} "
                         f"AND n_new > {int(cap)}"):
        return 0
    engine.create_table_as(
        "_bd_ovp",
        f"""
        SELECT DISTINCT q.a, q.b FROM {p} q
        JOIN {b} x ON x.{n} = q.a JOIN {b} y ON y.{n} = q.b AND y.hash = x.hash
        JOIN _bd_size s ON s.hash = x.hash
        WHERE s.n_old BETWEEN 2 AND {int(cap)} AND s.n_new > {int(cap)}
        """,
    )
    engine.create_table_as(
        "_bd_sup",
        f"""
        SELECT DISTINCT q.a, q.b FROM _bd_ovp q
        JOIN {b} x ON x.{n} = q.a JOIN {b} y ON y.{n} = q.b AND y.hash = x.hash
        JOIN (SELECT z.hash, COUNT(*) AS n FROM {b} z
              WHERE z.hash IN (SELECT x2.hash FROM {b} x2 JOIN _bd_ovp o ON o.a = x2.{n})
              GROUP BY z.hash) s ON s.hash = x.hash
        WHERE s.n <= {int(cap)}
        """,
    )
    engine.create_table_as(
        "_bd_unsup",
        "SELECT o.a, o.b FROM _bd_ovp o LEFT JOIN _bd_sup s ON s.a = o.a AND s.b = o.b WHERE s.a IS NULL",
    )
    gone = int(engine.scalar("SELECT COUNT(*) AS n FROM _bd_unsup") or 0)
    if gone:
        engine.execute(f"INSERT INTO {touched} SELECT a FROM _bd_unsup UNION ALL SELECT b FROM _bd_unsup")
        engine.execute(f"DELETE FROM {p} WHERE EXISTS (SELECT 1 FROM _bd_unsup g WHERE g.a = {p}.a AND g.b = {p}.b)")
    engine.drop("_bd_unsup")
    return gone
