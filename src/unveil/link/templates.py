"""Text clusters as templates: their hub guard, their explanation, and the text links they yield.

A text cluster is a connected component of verified near-duplicate pairs: the ads written from one
template.  For each cluster that changed in this run:

* **hub guard**: the ads of a cluster that show more than ``template_max_co_phones`` distinct phone
  numbers are not one poster's (spam, a template sold or copied widely): the cluster is reported in
  ``hub_identifiers`` (kind ``text``) and its pairs are not used to merge networks;
* **explanation** (after InfoShield's template view, Lee, Vajiac et al., ICDE 2021): the cluster's medoid
  (the member with the largest summed similarity to the others) is compared token by token with up to
  :data:`SAMPLE` other members; a medoid token is *fixed* when at least 80% of them contain it in the same
  context (the same word before or after it), and runs of other tokens become a slot ``[…]``.  Masked
  identifiers and numbers show as ``#``, boilerplate segments are left out, ``·`` separates segments;
* **links**: every verified pair of a non-hub cluster becomes a ``text`` link whose strength is the
  estimated similarity and whose evidence names the template.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import numpy as np
import pyarrow as pa

from unveil.engine import Engine
from unveil.link.edges import replace_links
from unveil.link.hubs import is_hub
from unveil.link.state import touch_ad_nos
from unveil.link.text_fingerprints import iter_ad_batches
from unveil.link.text_signatures import MASK, TextSettings, ad_token_segments, segment_hashes

SAMPLE = 15  # members compared with the medoid
FIXED_SHARE = 0.8
MAX_TEMPLATE_CHARS = 600
SLOT = "[…]"

# The SQL of a template update, shared by every engine (the Spark run uses it too, unveil.engine.spark_pipeline.link).
# Members of the clusters in ``_cl_new``:
MEMBERS_SQL = """
    SELECT c.cluster, c.ad_no, l.ad_key FROM text_clusters c JOIN _cl_new n ON n.cluster = c.cluster
    JOIN link_ads l ON l.ad_no = c.ad_no
"""
# Per cluster: ads, distinct phones, smallest ad key (names the template):
STATS_SQL = """
    SELECT m.cluster, COUNT(DISTINCT m.ad_no) AS ads, COUNT(DISTINCT e.value) AS co_phones,
           MIN(m.ad_key) AS first_key
    FROM _tp_members m LEFT JOIN entities e ON e.ad_key = m.ad_key AND e.kind = 'phone'
    GROUP BY m.cluster
"""
# The most central members of each cluster (parameter: how many), the medoid first:
CENTRAL_SQL = """
    SELECT cluster, ad_no, ad_key, score FROM (
        SELECT m.cluster, m.ad_no, m.ad_key, SUM(CAST(ROUND(x.similarity * 1000) AS BIGINT)) AS score,
               ROW_NUMBER() OVER (PARTITION BY m.cluster
                                  ORDER BY SUM(CAST(ROUND(x.similarity * 1000) AS BIGINT)) DESC, m.ad_key)
               AS rank
        FROM _tp_members m
        JOIN (SELECT a AS ad_no, similarity FROM text_pairs UNION ALL SELECT b, similarity FROM text_pairs) x
          ON x.ad_no = m.ad_no
        GROUP BY m.cluster, m.ad_no, m.ad_key
    ) t WHERE rank <= ?
"""
# Text links of the non-hub templates of the clusters in ``_cl_new``:
LINKS_SQL = """
    SELECT LEAST(la.ad_key, lb.ad_key) AS ad_a, GREATEST(la.ad_key, lb.ad_key) AS ad_b, 'text' AS kind,
           t.template_id AS value, p.similarity AS strength,
           '{"similarity": ' || CAST(p.similarity AS STRING) || ', "template": "' || t.template_id
           || '", "template_ads": ' || CAST(t.ads AS STRING) || '}' AS evidence
    FROM text_pairs p
    JOIN text_clusters c ON c.ad_no = p.a
    JOIN _cl_new n ON n.cluster = c.cluster
    JOIN templates t ON t.cluster = c.cluster
    JOIN link_ads la ON la.ad_no = p.a
    JOIN link_ads lb ON lb.ad_no = p.b
    WHERE NOT t.hub
"""


def template_id(first_key: str) -> str:
    return "T-" + hashlib.sha256(first_key.encode("utf-8")).hexdigest()[:10]


def explain(medoid: Sequence[Sequence[str]], members: Sequence[Sequence[Sequence[str]]],
            share: float = FIXED_SHARE) -> str:
    """The medoid's text with the tokens not shared by ``share`` of the members replaced by slots.

    Args:
        medoid: the medoid's segments (token lists).
        members: the other members' segments.
        share: fraction of members that must contain a token in the same context for it to be fixed.
    """
    contexts: list[set[tuple[str, str, int]]] = []
    for segs in members:
        ctx: set[tuple[str, str, int]] = set()
        for seg in segs:
            for i, tok in enumerate(seg):
                ctx.add((tok, seg[i - 1] if i else "", 0))
                ctx.add((tok, seg[i + 1] if i + 1 < len(seg) else "", 1))
        contexts.append(ctx)
    need = max(1, int(np.ceil(share * len(contexts)))) if contexts else 0
    out: list[str] = []
    for seg in medoid:
        words: list[str] = []
        for i, tok in enumerate(seg):
            before = (tok, seg[i - 1] if i else "", 0)
            after = (tok, seg[i + 1] if i + 1 < len(seg) else "", 1)
            hits = sum(1 for ctx in contexts if before in ctx or after in ctx)
            if hits >= need:
                words.append(tok.replace(MASK, "#"))
            elif not words or words[-1] != SLOT:
                words.append(SLOT)
        if words:
            out.append(" ".join(words))
    text = " · ".join(out)
    return text if len(text) <= MAX_TEMPLATE_CHARS else text[: MAX_TEMPLATE_CHARS - 1] + "…"


def segments_of_batch(ads: pa.Table, spans: pa.Table | None, boilerplate: set[int] | frozenset[int],
                      out: dict[int, list[list[str]]] | None = None) -> dict[int, list[list[str]]]:
    """``ad_no -> [segment tokens]`` of a batch of ads, boilerplate segments left out (a pure function)."""
    out = {} if out is None else out
    tokens, row = ad_token_segments(ads, spans)
    hashes = segment_hashes(tokens)
    nos = ads.column("ad_no").to_numpy()
    lists = tokens.to_pylist()
    for i, toks in enumerate(lists):
        if len(toks) and int(hashes[i]) not in boilerplate:
            out.setdefault(int(nos[row[i]]), []).append(toks)
    return out


def _segments_by_ad(engine: Engine, select_ad_nos: str, boilerplate: set[int]) -> dict[int, list[list[str]]]:
    out: dict[int, list[list[str]]] = {}
    for ads, spans in iter_ad_batches(engine, select_ad_nos):
        segments_of_batch(ads, spans, boilerplate, out)
    return out


def update_templates(engine: Engine, settings: TextSettings) -> dict[str, int]:
    """Rewrite templates, text hubs and text links of the clusters in ``_cl_old``/``_cl_new``."""
    engine.create_table_as("_tp_members", MEMBERS_SQL)
    stats = engine.query(STATS_SQL).to_pylist()
    central = engine.query(CENTRAL_SQL, [SAMPLE + 1]).to_pylist()
    # Each similarity is rounded to an integer number of thousandths before summing: an integer sum does not
    # depend on the order of the rows, so another run or another engine picks the same medoid (a rounded
    # float sum did not: sums near a rounding boundary differed between DuckDB and Spark).
    by_cluster: dict[int, list[dict[str, Any]]] = {}
    for r in central:
        by_cluster.setdefault(r["cluster"], []).append(r)
    for rows in by_cluster.values():
        rows.sort(key=lambda r: (-int(r["score"]), str(r["ad_key"])))
    wanted = sorted({int(r["ad_no"]) for r in central})
    boilerplate = {int(r["seg"]) for r in engine.query("SELECT seg FROM text_boilerplate").to_pylist()}
    segments: dict[int, list[list[str]]] = {}
    if wanted:
        engine.register("_tp_wanted", pa.table({"ad_no": pa.array(wanted, pa.int64())}))
        segments = _segments_by_ad(engine, "SELECT ad_no FROM _tp_wanted", boilerplate)
        engine.unregister("_tp_wanted")
    cols: dict[str, list[object]] = {k: [] for k in ("template_id", "cluster", "ads", "co_phones", "hub", "medoid",
                                                     "text")}
    for s in stats:
        rows = by_cluster.get(s["cluster"], [])
        medoid = rows[0] if rows else None
        text = None
        if medoid is not None:
            others = [segments.get(int(r["ad_no"]), []) for r in rows[1:]]
            text = explain(segments.get(int(medoid["ad_no"]), []), others)
        cols["template_id"].append(template_id(s["first_key"]))
        cols["cluster"].append(s["cluster"])
        cols["ads"].append(s["ads"])
        cols["co_phones"].append(s["co_phones"])
        cols["hub"].append(is_hub(s["co_phones"], s["ads"], settings.template_max_co_phones,
                                  settings.template_crowd_phones))
        cols["medoid"].append(None if medoid is None else medoid["ad_key"])
        cols["text"].append(text)
    table = pa.table(cols, schema=pa.schema([
        ("template_id", pa.string()), ("cluster", pa.int64()), ("ads", pa.int32()), ("co_phones", pa.int32()),
        ("hub", pa.bool_()), ("medoid", pa.string()), ("text", pa.string()),
    ]))
    engine.create_table_as(
        "_tp_old_ids", "SELECT t.template_id FROM templates t JOIN _cl_old o ON o.cluster = t.cluster"
    )
    engine.execute("DELETE FROM templates WHERE cluster IN (SELECT cluster FROM _cl_old)")
    engine.register("_tp_rows", table)
    engine.execute("INSERT INTO templates SELECT * FROM _tp_rows")
    engine.unregister("_tp_rows")
    engine.create_table_as("_tp_links", LINKS_SQL)
    removed, added = replace_links(
        engine, "kind = 'text' AND value IN (SELECT template_id FROM _tp_old_ids)", "_tp_links"
    )
    # A template's text shows in its networks' features: they are scored again even when no link changed
    # (a segment that became boilerplate changes the explanation, not the pairs).
    touch_ad_nos(engine, "SELECT ad_no FROM _tp_members")
    hubs = sum(1 for h in cols["hub"] if h)
    for name in ("_tp_members", "_tp_old_ids", "_tp_links"):
        engine.drop(name)
    return {"templates_updated": len(stats), "template_hubs_updated": hubs, "text_links_added": added,
            "text_links_removed": removed}
