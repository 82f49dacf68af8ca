"""The near-duplicate text step of a run: fingerprints, boilerplate, pairs, clusters, templates, links.

See :mod:`unveil.link.text_fingerprints` for why fingerprints are computed first with the boilerplate set
known so far and corrected afterwards, and :mod:`unveil.link.banding` for how pairs stay equal to a full
recomputation.
"""

from __future__ import annotations

from typing import Any

from unveil.engine import Engine
from unveil.link import boilerplate
from unveil.link.graph import update_clusters
from unveil.link.pool import BatchPool
from unveil.link.templates import update_templates
from unveil.link.text_candidates import update_text_pairs
from unveil.link.text_fingerprints import SAMPLE, estimate_boilerplate, fingerprint, stored_boilerplate
from unveil.link.text_signatures import TextSettings


def update_text_links(engine: Engine, pool: BatchPool, settings: TextSettings, *, full: bool,
                      n_new: int) -> dict[str, Any]:
    """Bring every text table and the ``text`` links up to date with the ads in ``_new_ads``."""
    assumed = stored_boilerplate(engine)
    if not assumed and n_new > 2 * SAMPLE:
        assumed = estimate_boilerplate(engine, pool, settings, "SELECT ad_no FROM _new_ads",
                                       settings.boilerplate_max_co_phones)
    fingerprint(engine, pool, settings, "SELECT ad_no FROM _new_ads", assumed, "text fingerprints")
    n_boilerplate = boilerplate.update(engine, settings.boilerplate_max_co_phones, settings.min_segment_tokens,
                                       "_new_ads", full)
    engine.create_table_as("_tx_stale", boilerplate.stale_ads_sql())
    engine.create_table_as(
        "_tx_old_bands",
        "SELECT b.ad_no, b.hash FROM text_bands b JOIN _tx_stale s ON s.ad_no = b.ad_no "
        "WHERE b.ad_no NOT IN (SELECT ad_no FROM _new_ads)",
    )
    final = stored_boilerplate(engine)
    resigned = fingerprint(engine, pool, settings, "SELECT ad_no FROM _tx_stale", final, "text fix-up")
    engine.create_table_as("_tx_aff", "SELECT ad_no AS node FROM _new_ads UNION SELECT ad_no FROM _tx_stale")
    engine.create_table_as("_tx_touch", "SELECT node FROM _tx_aff")
    pairs = update_text_pairs(engine, settings, aff="_tx_aff", old_bands="_tx_old_bands", full=full,
                              touched="_tx_touch")
    update_clusters(engine, edges="text_pairs", labels="text_clusters", node="ad_no", touched="_tx_touch",
                    full=full)
    templates = update_templates(engine, settings)
    for name in ("_tx_stale", "_tx_old_bands", "_tx_aff", "_tx_touch", "_cl_old", "_cl_new"):
        engine.drop(name)
    return {"boilerplate_segments": n_boilerplate, "text_refingerprinted": resigned,
            "text_candidates": pairs["candidates"], "text_pairs_added": pairs["pairs_added"],
            "text_pairs_removed": pairs["pairs_removed"], **templates}
