"""Reused pictures: near-duplicate PDQ hashes grouped into pictures, a hub guard, and image links.

Nodes are the distinct PDQ hashes (a file shown by many ads is one node).  Candidate pairs come from
:mod:`unveil.link.banding` over 16-bit bands of the hash (pigeonhole: hashes within 15 bits always share a
band, within 31 bits almost always) and are verified by their Hamming distance (``<= max_distance``).  A
*picture* is a connected component of verified pairs, named by its smallest hash.

Hub guard: a picture whose ads show more than ``picture_max_co_phones`` distinct phone numbers, or more
than ``picture_crowd_phones`` and at least one per ad (see :func:`unveil.link.hubs.hub_rule`), is a stock
photo or a site banner used by unrelated posters: it is reported in ``hub_identifiers`` (kind ``image``)
and not used to link.  Every other picture shown by two or more ads links them as a star on the ad with the
smallest key, with kind ``image``, the picture as value and the hash distance in the evidence.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from unveil.engine import Engine
from unveil.link.banding import Banded, Verifier, update_pairs
from unveil.link.edges import replace_links
from unveil.link.graph import update_clusters
from unveil.link.hubs import hub_rule
from unveil.link.images import ImageSettings, band_values, hamming, pdq_bits

SPEC = Banded(bands="image_bands", node="pdq", pairs="image_pairs", value="distance")
USABLE = "status = 'ok' AND pdq IS NOT NULL AND quality >= {q}"


def verify_batch(cand: pa.Table | pa.RecordBatch, max_distance: int) -> pa.Table:
    """The candidate pairs ``(a, b)`` of hashes within ``max_distance``, with their ``distance`` (pure)."""
    a = cand.column("a").to_pylist()
    b = cand.column("b").to_pylist()
    dist = hamming(pdq_bits(a), pdq_bits(b)) if a else np.zeros(0, dtype=np.int64)
    ok = dist <= max_distance
    return pa.table({"a": pa.array(np.array(a, dtype=object)[ok], pa.string()),
                     "b": pa.array(np.array(b, dtype=object)[ok], pa.string()),
                     "distance": pa.array(dist[ok], pa.int32())})


def _verifier(settings: ImageSettings) -> Verifier:
    def verify(engine: Engine, candidates: str) -> pa.Table:
        return verify_batch(engine.query(f"SELECT a, b FROM {candidates}"), settings.max_distance)

    return verify


def star_links(rows: pa.Table | pa.RecordBatch) -> pa.Table:
    """Image links from rows of :data:`STAR_SQL`: distance of each member's hash to the anchor's (pure)."""
    dist = hamming(pdq_bits(rows.column("pdq").to_pylist()), pdq_bits(rows.column("anchor_pdq").to_pylist())) \
        if rows.num_rows else np.zeros(0, dtype=np.int64)
    pics = rows.column("picture").to_pylist()
    ads = rows.column("ads").to_pylist()
    evidence = [f'{{"picture": "{p}", "distance": {int(d)}, "picture_ads": {int(n)}}}'
                for p, d, n in zip(pics, dist, ads, strict=True)]
    return pa.table({
        "ad_a": pa.array(rows.column("anchor").to_pylist(), pa.string()),
        "ad_b": pa.array(rows.column("ad_key").to_pylist(), pa.string()),
        "kind": pa.array(["image"] * rows.num_rows, pa.string()),
        "value": pa.array(pics, pa.string()), "strength": pa.array(np.round(1.0 - dist / 256.0, 4), pa.float64()),
        "evidence": pa.array(evidence, pa.string()),
    })


# Star per picture: each member ad with its closest hash and the anchor's (smallest ad key) hash.
STAR_SQL = """
    SELECT m.picture, t.anchor, m.ad_key, m.pdq, a.pdq AS anchor_pdq, t.ads
    FROM _im_member m JOIN _im_stats t ON t.picture = m.picture
    JOIN _im_member a ON a.picture = m.picture AND a.ad_key = t.anchor
    WHERE m.ad_key <> t.anchor
"""


def picture_tables(engine: Engine, settings: ImageSettings, *, full: bool) -> None:
    """``_im_pics`` (pictures to recount), ``_im_shown``, ``_im_stats`` and ``_im_member``; updates
    ``picture_stats``.  Engine-neutral SQL, run after the clusters of hashes were updated."""
    usable = USABLE.format(q=int(settings.min_quality))
    # Pictures whose ads may have changed: changed clusters, and the pictures of the new ads' images.
    if full:
        engine.create_table_as(
            "_im_pics",
            f"SELECT DISTINCT COALESCE(p.cluster, h.pdq) AS picture FROM image_hashes h LEFT JOIN pictures p "
            f"ON p.pdq = h.pdq WHERE h.{usable.replace(' AND ', ' AND h.')}",
        )
    else:
        engine.create_table_as(
            "_im_pics",
            f"""
            SELECT cluster AS picture FROM _cl_old UNION SELECT cluster FROM _cl_new UNION SELECT node FROM _im_touch
            UNION SELECT COALESCE(p.cluster, h.pdq) FROM image_hashes h JOIN _new_ads n ON n.ad_key = h.ad_key
            LEFT JOIN pictures p ON p.pdq = h.pdq WHERE h.{usable.replace(' AND ', ' AND h.')}
            """,
        )
    engine.create_table_as(
        "_im_shown",
        f"""
        SELECT x.picture, h.ad_key, h.image, h.pdq FROM image_hashes h LEFT JOIN pictures p ON p.pdq = h.pdq
        JOIN (SELECT picture FROM _im_pics) x ON x.picture = COALESCE(p.cluster, h.pdq)
        WHERE h.{usable.replace(' AND ', ' AND h.')}
        """,
    )
    engine.create_table_as(
        "_im_stats",
        f"""
        SELECT s.picture, COUNT(DISTINCT s.ad_key) AS ads, COUNT(DISTINCT e.value) AS co_phones,
               {hub_rule("COUNT(DISTINCT e.value)", "COUNT(DISTINCT s.ad_key)", settings.picture_max_co_phones,
                         settings.picture_crowd_phones)} AS hub, MIN(s.image) AS example,
               MIN(s.ad_key) AS anchor
        FROM _im_shown s LEFT JOIN entities e ON e.ad_key = s.ad_key AND e.kind = 'phone'
        GROUP BY s.picture HAVING COUNT(DISTINCT s.ad_key) > 1
        """,
    )
    engine.execute("DELETE FROM picture_stats WHERE picture IN (SELECT picture FROM _im_pics)")
    engine.execute("INSERT INTO picture_stats SELECT picture, ads, co_phones, hub, example FROM _im_stats")
    # Star per picture; the member's closest hash to the anchor's gives the evidence distance.
    engine.create_table_as(
        "_im_member",
        """
        SELECT s.picture, s.ad_key, MIN(s.pdq) AS pdq FROM _im_shown s JOIN _im_stats t ON t.picture = s.picture
        WHERE NOT t.hub GROUP BY s.picture, s.ad_key
        """,
    )


def update_image_links(engine: Engine, settings: ImageSettings, *, full: bool) -> dict[str, int]:
    """Bands for new hashes, pairs, pictures, picture hubs and image links, for the ads in ``_new_ads``."""
    usable = USABLE.format(q=int(settings.min_quality))
    engine.create_table_as(
        "_im_new",
        f"SELECT DISTINCT h.pdq AS node FROM image_hashes h JOIN _new_ads n ON n.ad_key = h.ad_key "
        f"WHERE h.{usable.replace(' AND ', ' AND h.')} AND h.pdq NOT IN (SELECT pdq FROM image_bands)",
    )
    new_hashes = engine.query("SELECT node FROM _im_new").column("node").to_pylist()
    if new_hashes:
        vals = band_values(pdq_bits(new_hashes), settings.bands)
        engine.register("_im_bands", pa.table({"pdq": np.repeat(np.array(new_hashes, dtype=object), settings.bands),
                                               "hash": vals.reshape(-1)},
                                              schema=pa.schema([("pdq", pa.string()), ("hash", pa.int64())])))
        engine.execute("INSERT INTO image_bands SELECT pdq, hash FROM _im_bands")
        engine.unregister("_im_bands")
    engine.create_table_as("_im_touch", "SELECT node FROM _im_new WHERE 1 = 0")
    counts = update_pairs(engine, SPEC, aff="_im_new", old_bands=None, cap=settings.bucket_cap,
                          verify=_verifier(settings), full=full, touched="_im_touch")
    engine.execute("INSERT INTO _im_touch SELECT node FROM _im_new")
    update_clusters(engine, edges="image_pairs", labels="pictures", node="pdq", touched="_im_touch", full=full)
    picture_tables(engine, settings, full=full)
    engine.register("_im_links", star_links(engine.query(STAR_SQL)))
    removed, added = replace_links(engine, "kind = 'image' AND value IN (SELECT picture FROM _im_pics)", "_im_links")
    engine.unregister("_im_links")
    for name in ("_im_new", "_im_touch", "_im_pics", "_im_shown", "_im_stats", "_im_member", "_cl_old", "_cl_new"):
        engine.drop(name)
    return {"image_candidates": counts["candidates"], "image_pairs_added": counts["pairs_added"],
            "image_links_added": added, "image_links_removed": removed}
