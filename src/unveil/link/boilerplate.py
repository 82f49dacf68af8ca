"""Boilerplate segments: text shared by too many unrelated posters to say anything about authorship.

A site's footer ("Report this ad: #"), a legal line, or an everyday phrase that hundreds of independent
posters write ("by appointment only, please text at least # hours ahead") would make unrelated ads look
alike.  Such a segment is recognised the way the identifier hub guard recognises a support number: the ads
containing it show more than ``boilerplate_max_co_phones`` distinct phone numbers.  An organised network
rotates a handful of phones, so its own template sentences stay; a crowd of posters shows a crowd of
phones.  Boilerplate segments are left out before MinHash and listed in ``hub_identifiers``
(kind ``boilerplate``) with the reason.

Incremental: a segment's statistics change only when a new ad contains it (stored ads never change), so
only the segments of new ads are recounted.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from unveil.engine import Engine
from unveil.link.text_fingerprints import iter_ad_batches
from unveil.link.text_signatures import ad_token_segments, segment_hashes, segment_text


def update(engine: Engine, max_co_phones: int, min_tokens: int, new_ads: str, full: bool) -> int:
    """Recount the segments of ``new_ads(ad_no)`` and update ``text_boilerplate``; returns the new total."""
    scope = "text_segments" if full else (
        f"(SELECT s.* FROM text_segments s WHERE s.seg IN (SELECT t.seg FROM text_segments t "
        f"JOIN {new_ads} n ON n.ad_no = t.ad_no))"
    )
    engine.create_table_as(
        "_bp_stats",
        f"""
        SELECT s.seg, COUNT(DISTINCT s.ad_no) AS ads, COUNT(DISTINCT e.value) AS co_phones
        FROM {scope} s JOIN link_ads l ON l.ad_no = s.ad_no
        LEFT JOIN entities e ON e.ad_key = l.ad_key AND e.kind = 'phone'
        GROUP BY s.seg
        """,
    )
    engine.execute("DELETE FROM text_boilerplate WHERE seg IN (SELECT seg FROM _bp_stats)")
    engine.execute(
        f"INSERT INTO text_boilerplate SELECT seg, ads, co_phones, NULL FROM _bp_stats WHERE co_phones > "
        f"{int(max_co_phones)}"
    )
    engine.drop("_bp_stats")
    _fill_texts(engine, min_tokens)
    return int(engine.scalar("SELECT COUNT(*) AS n FROM text_boilerplate") or 0)


def _fill_texts(engine: Engine, min_tokens: int) -> None:
    """Give new boilerplate rows their readable text, read back from one ad that contains each."""
    engine.create_table_as(
        "_bp_need",
        "SELECT b.seg, MIN(s.ad_no) AS ad_no FROM text_boilerplate b JOIN text_segments s ON s.seg = b.seg "
        "WHERE b.text IS NULL GROUP BY b.seg",
    )
    wanted = {r["seg"] for r in engine.query("SELECT seg FROM _bp_need").to_pylist()}
    texts: dict[int, str] = {}
    for ads, spans in iter_ad_batches(engine, "SELECT DISTINCT ad_no FROM _bp_need"):
        tokens, _row = ad_token_segments(ads, spans)
        hashes = segment_hashes(tokens)
        for i in np.flatnonzero(np.isin(hashes, np.fromiter(wanted, dtype=np.int64, count=len(wanted)))):
            toks = tokens[int(i)].as_py()
            if len(toks) >= min_tokens:
                texts.setdefault(int(hashes[i]), segment_text(toks))
    engine.drop("_bp_need")
    if texts:
        engine.register("_bp_text", pa.table({"seg": list(texts), "text": list(texts.values())},
                                             schema=pa.schema([("seg", pa.int64()), ("text", pa.string())])))
        # Rows rewritten rather than UPDATEd: the same SQL runs on engines without UPDATE (Spark).
        engine.create_table_as(
            "_bp_filled",
            "SELECT b.seg, b.ads, b.co_phones, t.text FROM text_boilerplate b LEFT JOIN _bp_text t ON t.seg = b.seg "
            "WHERE b.text IS NULL",
        )
        engine.execute("DELETE FROM text_boilerplate WHERE text IS NULL")
        engine.execute("INSERT INTO text_boilerplate SELECT seg, ads, co_phones, text FROM _bp_filled")
        engine.drop("_bp_filled")
        engine.unregister("_bp_text")


def stale_ads_sql() -> str:
    """Ads whose stored signature left out a different set of segments than the boilerplate set says."""
    return (
        "SELECT DISTINCT s.ad_no FROM text_segments s LEFT JOIN text_boilerplate b ON b.seg = s.seg "
        "WHERE s.masked <> (b.seg IS NOT NULL)"
    )
