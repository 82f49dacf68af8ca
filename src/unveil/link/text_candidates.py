"""Near-duplicate text pairs: LSH candidates from band hashes, verified by estimated Jaccard similarity.

Candidates come from :mod:`unveil.link.banding` (an equi-join on the band hash, buckets capped).  Each
candidate pair is then verified on the stored 16-bit b-bit MinHash signatures: the share of agreeing
values, corrected for chance agreement, estimates the Jaccard similarity of the two ads' shingle sets
(standard error about 0.044 at s = 0.5 with 128 values).  Pairs at or above ``threshold`` are kept in
``text_pairs`` with their similarity.  Verification is a vectorised function over an Arrow batch of
candidate pairs (no Python loop over pairs), so another engine can run it per partition.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from unveil.engine import Engine
from unveil.link.banding import Banded, Verifier, update_pairs
from unveil.link.text_signatures import TextSettings, estimate_jaccard, signatures_from_binary

SPEC = Banded(bands="text_bands", node="ad_no", pairs="text_pairs", value="similarity")
CHUNK = 200_000  # candidate pairs verified at a time (memory: 2 x 256 bytes each)

PAIRS_SCHEMA = pa.schema([("a", pa.int64()), ("b", pa.int64()), ("similarity", pa.float64())])


def verify_pairs(a: np.ndarray, b: np.ndarray, sigs: np.ndarray, row_of: np.ndarray,
                 threshold: float) -> pa.Table:
    """The pairs of ``(a, b)`` whose estimated similarity reaches ``threshold``.

    Args:
        a, b: ad numbers of the candidate pairs.
        sigs: ``(n, num_perm)`` uint16 signatures.
        row_of: for each ad number, its row in ``sigs`` (-1: none).
        threshold: minimum estimated Jaccard similarity.
    """
    keep_a: list[np.ndarray] = []
    keep_b: list[np.ndarray] = []
    keep_s: list[np.ndarray] = []
    for start in range(0, len(a), CHUNK):
        ca, cb = a[start : start + CHUNK], b[start : start + CHUNK]
        ra, rb = row_of[ca], row_of[cb]
        ok = (ra >= 0) & (rb >= 0)
        ca, cb, ra, rb = ca[ok], cb[ok], ra[ok], rb[ok]
        sim = estimate_jaccard(sigs[ra], sigs[rb])
        hit = sim >= threshold
        keep_a.append(ca[hit])
        keep_b.append(cb[hit])
        keep_s.append(np.round(sim[hit], 4))
    if not keep_a:
        return PAIRS_SCHEMA.empty_table()
    return pa.table({"a": np.concatenate(keep_a), "b": np.concatenate(keep_b),
                     "similarity": np.concatenate(keep_s)}, schema=PAIRS_SCHEMA)


def _verifier(settings: TextSettings) -> Verifier:
    def verify(engine: Engine, candidates: str) -> pa.Table:
        cand = engine.query(f"SELECT a, b FROM {candidates}")
        a = cand.column("a").to_numpy()
        b = cand.column("b").to_numpy()
        stored = engine.query(
            f"SELECT s.ad_no, s.sig FROM text_signatures s WHERE s.ad_no IN (SELECT a FROM {candidates}) "
            f"OR s.ad_no IN (SELECT b FROM {candidates})"
        )
        nos = stored.column("ad_no").to_numpy()
        sigs = signatures_from_binary(stored.column("sig"), settings.num_perm)
        size = int(max(a.max(initial=0), b.max(initial=0), nos.max(initial=0))) + 1
        row_of = np.full(size, -1, dtype=np.int64)
        row_of[nos] = np.arange(len(nos))
        return verify_pairs(a, b, sigs, row_of, settings.threshold)

    return verify


def update_text_pairs(engine: Engine, settings: TextSettings, *, aff: str, old_bands: str | None, full: bool,
                      touched: str) -> dict[str, int]:
    """Update ``text_pairs`` after the ads in ``aff(node)`` got new signatures (see banding.update_pairs)."""
    return update_pairs(engine, SPEC, aff=aff, old_bands=old_bands, cap=settings.bucket_cap,
                        verify=_verifier(settings), full=full, touched=touched)
