"""Fingerprint ads' text in batches (in worker processes) and keep the boilerplate set up to date.

Order of work in a run (see docs/linking.md):

1. new ads are fingerprinted with the boilerplate set known so far (stored from earlier runs, or, on a
   first run over many ads, estimated from a sample), one tokenisation per ad;
2. the boilerplate set is updated in SQL from the segments of the new ads (:mod:`unveil.link.boilerplate`);
3. ads whose stored fingerprint left out a different set of segments than the updated boilerplate set
   says (``text_segments.masked`` disagrees) are fingerprinted again.

So every ad's signature ends up computed with the final boilerplate set, exactly as a run over all ads at
once would compute it, and an incremental run re-reads only the new ads plus the few old ads that contain a
segment which has just become boilerplate.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pyarrow as pa

from unveil.engine import Engine
from unveil.link.pool import BatchPool
from unveil.link.text_signatures import MASK_KINDS, TEXT_FIELDS, Fingerprints, TextSettings, fingerprint_batch

BATCH = 4000
SAMPLE = 20_000  # fewest ads worth estimating the boilerplate set from (a large first run)
SAMPLE_SHARE = 0.1  # share of the new ads in the sample


def _fingerprint_task(ads: pa.Table, spans: pa.Table, boilerplate: frozenset[int],
                      settings: TextSettings) -> Fingerprints:
    return fingerprint_batch(ads, spans, boilerplate, settings)


def _segments_task(ads: pa.Table, spans: pa.Table, settings: TextSettings) -> pa.Table:
    return fingerprint_batch(ads, spans, frozenset(), _segments_only(settings)).segments


def _segments_only(settings: TextSettings) -> TextSettings:
    # An impossible minimum of shingles skips MinHash: only segments are wanted.
    return replace(settings, min_shingles=1 << 30)


def iter_ad_batches(engine: Engine, select_ad_nos: str, batch: int = BATCH) -> Iterator[tuple[pa.Table, pa.Table]]:
    """``(ads, spans)`` Arrow batches for the ads whose ``ad_no`` the query selects.

    The inputs are copied once into tables ordered by batch number, so each batch is a cheap range read.
    """
    kinds = ", ".join(f"'{k}'" for k in MASK_KINDS)
    fields = ", ".join(f"'{f}'" for f in TEXT_FIELDS)
    engine.create_table_as(
        "_fp_sel",
        f"SELECT ad_no, CAST(FLOOR((ROW_NUMBER() OVER (ORDER BY ad_no) - 1) / {int(batch)}) AS BIGINT) AS batch "
        f"FROM ({select_ad_nos}) s",
    )
    engine.create_table_as(
        "_fp_in",
        "SELECT s.batch, s.ad_no, a.title, a.body, a.city FROM _fp_sel s JOIN link_ads l ON l.ad_no = s.ad_no "
        "JOIN ads a ON a.ad_key = l.ad_key ORDER BY s.batch, s.ad_no",
    )
    engine.create_table_as(
        "_fp_spans",
        f'SELECT s.batch, s.ad_no, e.field, e.start, e."end" FROM _fp_sel s JOIN link_ads l ON l.ad_no = s.ad_no '
        f"JOIN entities e ON e.ad_key = l.ad_key WHERE e.kind IN ({kinds}) AND e.field IN ({fields}) "
        "ORDER BY s.batch, s.ad_no",
    )
    n_batches = int(engine.scalar("SELECT COALESCE(MAX(batch) + 1, 0) AS n FROM _fp_sel") or 0)
    try:
        for i in range(n_batches):
            ads = engine.query("SELECT ad_no, title, body, city FROM _fp_in WHERE batch = ?", [i])
            spans = engine.query('SELECT ad_no, field, start, "end" FROM _fp_spans WHERE batch = ?', [i])
            yield ads, spans
    finally:
        for name in ("_fp_sel", "_fp_in", "_fp_spans"):
            engine.drop(name)


def count(engine: Engine, select_ad_nos: str) -> int:
    return int(engine.scalar(f"SELECT COUNT(*) AS n FROM ({select_ad_nos}) s") or 0)


def stored_boilerplate(engine: Engine) -> frozenset[int]:
    return frozenset(r["seg"] for r in engine.query("SELECT seg FROM text_boilerplate").to_pylist())


def fingerprint(engine: Engine, pool: BatchPool, settings: TextSettings, select_ad_nos: str,
                boilerplate: frozenset[int], desc: str) -> int:
    """Fingerprint the selected ads with ``boilerplate`` left out, replacing what they had stored."""
    n = count(engine, select_ad_nos)
    if not n:
        return 0
    engine.create_table_as("_fp_ads", f"SELECT DISTINCT ad_no FROM ({select_ad_nos}) s")
    for table in ("text_segments", "text_signatures", "text_bands"):
        engine.execute(f"DELETE FROM {table} WHERE ad_no IN (SELECT ad_no FROM _fp_ads)")
    tasks = ((ads, spans, boilerplate, settings) for ads, spans in iter_ad_batches(engine, "SELECT ad_no FROM _fp_ads"))
    for fp in pool.map(_fingerprint_task, tasks, desc=desc, total=n, unit="ad", weight=lambda t: t[0].num_rows):
        _insert(engine, fp)
    engine.drop("_fp_ads")
    return n


def estimate_boilerplate(engine: Engine, pool: BatchPool, settings: TextSettings, select_ad_nos: str,
                         max_co_phones: int) -> frozenset[int]:
    """Boilerplate segments guessed from a sample of the selected ads (a first guess for a large first run).

    The sample holds every k-th ad (ad numbers follow ad keys, which group ads by site, so a prefix would
    be biased), about :data:`SAMPLE_SHARE` of them; a segment is guessed to be boilerplate when the sample
    shows more than ``max_co_phones x share`` phone numbers with it.  Only a guess to save work: whatever
    it gets wrong is corrected by fingerprinting the affected ads again.
    """
    n = count(engine, select_ad_nos)
    step = max(1, round(1 / SAMPLE_SHARE)) if n * SAMPLE_SHARE >= SAMPLE else max(1, n // SAMPLE)
    engine.create_table_as("_bp_sample", f"SELECT ad_no FROM ({select_ad_nos}) s WHERE ad_no % {step} = 0")
    engine.create_table_as("_bp_segs", "SELECT ad_no, seg FROM text_segments WHERE 1 = 0")
    tasks = ((ads, spans, settings) for ads, spans in iter_ad_batches(engine, "SELECT ad_no FROM _bp_sample"))
    for segs in pool.map(_segments_task, tasks, desc="text sample", unit="batch"):
        engine.register("_bp_batch", segs)
        engine.execute("INSERT INTO _bp_segs SELECT ad_no, seg FROM _bp_batch")
        engine.unregister("_bp_batch")
    rows = engine.query(
        f"""
        SELECT s.seg FROM _bp_segs s JOIN link_ads l ON l.ad_no = s.ad_no
        JOIN entities e ON e.ad_key = l.ad_key AND e.kind = 'phone'
        GROUP BY s.seg HAVING COUNT(DISTINCT e.value) > {max_co_phones / step:.3f}
        """
    ).to_pylist()
    engine.drop("_bp_sample")
    engine.drop("_bp_segs")
    return frozenset(r["seg"] for r in rows)


def _insert(engine: Engine, fp: Fingerprints) -> None:
    for name, table in (("text_segments", fp.segments), ("text_signatures", fp.signatures),
                        ("text_bands", fp.bands)):
        if table.num_rows:
            engine.register("_fp_batch", table)
            engine.execute(f"INSERT INTO {name} SELECT * FROM _fp_batch")
            engine.unregister("_fp_batch")
