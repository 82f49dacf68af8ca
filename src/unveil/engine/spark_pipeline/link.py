"""The link stage on Spark: the same steps and the same SQL as the DuckDB run, always a full rebuild.

Each step reuses the engine-neutral SQL of :mod:`unveil.link` and :mod:`unveil.score` through
:class:`unveil.engine.spark.SparkEngine`.  Where the DuckDB run fetches Arrow into this process (text
fingerprints, verification of candidate pairs, template explanations, image hashes and distances), the
Spark run does that work in Spark jobs instead, with the same pure functions:

===================== ================================================================================
step                  on Spark
===================== ================================================================================
identifiers           ``build_identifier_links`` unchanged (SQL: stars, hub guard)
text fingerprints     two ``mapInArrow`` passes over (ad, spans): segments, then (with the boilerplate
                      set from SQL) MinHash signatures and LSH bands
boilerplate           ``boilerplate.update`` unchanged (SQL)
LSH candidates        ``banding.update_pairs`` unchanged (SQL equi-join, capped buckets); pairs are
                      verified by ``mapInArrow`` on the joined signatures
text clusters         ``update_clusters`` unchanged: components by SQL label propagation
templates             the shared SQL (``templates.MEMBERS_SQL`` ...); explanations per cluster with
                      ``applyInArrow``; ids ``T-`` + SHA-256 in SQL
images                files hashed by ``mapInArrow`` (PDQ), bands by ``mapInArrow``, pairs as for text,
                      pictures and picture hubs by ``image_links.picture_tables`` (SQL), star distances
                      by ``mapInArrow``
hub report            ``refresh_hub_rows`` unchanged
networks              components by SQL label propagation; ids by the stable-id rule in SQL (a Spark run
                      always starts from an empty store, so every network is new: ``N-`` + 10 hex digits
                      of the SHA-256 of its smallest ad key, ``-2``, ``-3`` ... on a collision)
scores                ``score_networks`` unchanged: features in SQL, risk per network on the driver
===================== ================================================================================
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa

from unveil.link import boilerplate, state
from unveil.link.banding import update_pairs
from unveil.link.edges import replace_links
from unveil.link.graph import update_clusters
from unveil.link.hubs import hub_rule, refresh_hub_rows
from unveil.link.identifiers import build_identifier_links
from unveil.link.image_links import SPEC as IMAGE_SPEC
from unveil.link.image_links import STAR_SQL, USABLE, picture_tables, star_links, verify_batch
from unveil.link.images import HASHES_SCHEMA, ImageSettings, band_values, hash_files, pdq_bits, resolve
from unveil.link.stage import StepTimer
from unveil.link.templates import (
    CENTRAL_SQL,
    LINKS_SQL,
    MEMBERS_SQL,
    SAMPLE,
    STATS_SQL,
    explain,
    segments_of_batch,
)
from unveil.link.text_candidates import PAIRS_SCHEMA
from unveil.link.text_candidates import SPEC as TEXT_SPEC
from unveil.link.text_fingerprints import stored_boilerplate
from unveil.link.text_signatures import (
    MASK_KINDS,
    SEGMENTS_SCHEMA,
    TEXT_FIELDS,
    TextSettings,
    estimate_jaccard,
    fingerprint_batch,
    signatures_from_binary,
)
from unveil.score.networks import score_networks

if TYPE_CHECKING:
    from unveil.engine.spark import SparkEngine
    from unveil.link.stage import LinkPlan

SIGS = pa.schema([("ad_no", pa.int64()), ("shingles", pa.int32()), ("sig", pa.binary()),
                  ("bands", pa.list_(pa.int64()))])
AD_SEGMENTS = pa.schema([("ad_no", pa.int64()), ("segments", pa.list_(pa.list_(pa.string())))])
EXPLAINED = pa.schema([("cluster", pa.int64()), ("medoid", pa.string()), ("text", pa.string())])
FILES = pa.schema([("ad_key", pa.string()), ("image", pa.string()), ("file", pa.string())])
BANDS = pa.schema([("pdq", pa.string()), ("hash", pa.int64())])
LINKS = pa.schema([("ad_a", pa.string()), ("ad_b", pa.string()), ("kind", pa.string()), ("value", pa.string()),
                   ("strength", pa.float64()), ("evidence", pa.string())])


def _schema(schema: pa.Schema) -> Any:
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)


# --- text ---------------------------------------------------------------------------------------------------


def _ads_and_spans(batch: pa.RecordBatch) -> tuple[pa.Table, pa.Table]:
    """A batch of ``(ad_no, title, body, city, spans)`` as the ``(ads, spans)`` tables of the text functions."""
    ads = pa.table({c: batch.column(c) for c in ("ad_no", "title", "body", "city")})
    spans_col = batch.column("spans")
    lengths = pa.compute.list_value_length(spans_col).fill_null(0).to_numpy(zero_copy_only=False)
    flat = pa.compute.list_flatten(spans_col)
    spans = pa.table({
        "ad_no": pa.array(np.repeat(batch.column("ad_no").to_numpy(zero_copy_only=False), lengths), pa.int64()),
        "field": flat.field("field"), "start": flat.field("start"), "end": flat.field("end"),
    })
    return ads, spans


def _segments_fn(settings: TextSettings) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    from dataclasses import replace

    only_segments = replace(settings, min_shingles=1 << 30)

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            if batch.num_rows:
                ads, spans = _ads_and_spans(batch)
                yield from fingerprint_batch(ads, spans, frozenset(), only_segments).segments.to_batches()

    return run


def _signatures_fn(settings: TextSettings, bp: frozenset[int]) -> Callable[[Iterator[pa.RecordBatch]],
                                                                            Iterator[pa.RecordBatch]]:
    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            if not batch.num_rows:
                continue
            ads, spans = _ads_and_spans(batch)
            fp = fingerprint_batch(ads, spans, bp, settings)
            if not fp.signatures.num_rows:
                continue
            bands = fp.bands.column("hash").combine_chunks()
            n = fp.signatures.num_rows
            offsets = pa.array(np.arange(0, (n + 1) * settings.bands, settings.bands, dtype=np.int32))
            yield from pa.table({
                "ad_no": fp.signatures.column("ad_no"), "shingles": fp.signatures.column("shingles"),
                "sig": fp.signatures.column("sig"), "bands": pa.ListArray.from_arrays(offsets, bands),
            }, schema=SIGS).to_batches()

    return run


def _text_verifier(settings: TextSettings) -> Callable[[SparkEngine, str], str]:
    num_perm, threshold = settings.num_perm, settings.threshold

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            if not batch.num_rows:
                continue
            sim = estimate_jaccard(signatures_from_binary(batch.column("sig_a"), num_perm),
                                   signatures_from_binary(batch.column("sig_b"), num_perm))
            hit = sim >= threshold
            yield pa.RecordBatch.from_pydict({
                "a": batch.column("a").to_numpy(zero_copy_only=False)[hit],
                "b": batch.column("b").to_numpy(zero_copy_only=False)[hit],
                "similarity": np.round(sim[hit], 4),
            }, schema=PAIRS_SCHEMA)

    def verify(engine: SparkEngine, candidates: str) -> str:
        joined = engine.spark.sql(
            f"SELECT c.a, c.b, x.sig AS sig_a, y.sig AS sig_b FROM {candidates} c "
            "JOIN text_signatures x ON x.ad_no = c.a JOIN text_signatures y ON y.ad_no = c.b"
        )
        engine.adopt("_sp_verified", joined.mapInArrow(run, _schema(PAIRS_SCHEMA)))
        return "_sp_verified"

    return verify


def _explain_fn(boilerplate_set: frozenset[int]) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            if not batch.num_rows:
                continue
            ads, spans = _ads_and_spans(batch)
            segs = segments_of_batch(ads, spans, boilerplate_set)
            nos = batch.column("ad_no").to_pylist()
            yield pa.RecordBatch.from_pydict({"ad_no": nos, "segments": [segs.get(n, []) for n in nos]},
                                             schema=AD_SEGMENTS)

    return run


def _explain_group(table: pa.Table) -> pa.Table:
    """applyInArrow: one cluster's central members -> its medoid and explanation (as the DuckDB run)."""
    rows = sorted(table.to_pylist(), key=lambda r: (-float(r["score"]), str(r["ad_key"])))
    medoid = rows[0]
    text = explain(medoid["segments"] or [], [r["segments"] or [] for r in rows[1:]])
    return pa.table({"cluster": [medoid["cluster"]], "medoid": [medoid["ad_key"]], "text": [text]}, schema=EXPLAINED)


def text_links(engine: SparkEngine, settings: TextSettings) -> dict[str, Any]:
    """Every text table and the ``text`` links, from all ads (``link_ads``)."""
    kinds = ", ".join(f"'{k}'" for k in MASK_KINDS)
    fields = ", ".join(f"'{f}'" for f in TEXT_FIELDS)
    engine.create_table_as(
        "_sp_text_in",
        f"""
        SELECT l.ad_no, a.title, a.body, a.city, s.spans FROM link_ads l JOIN ads a ON a.ad_key = l.ad_key
        LEFT JOIN (SELECT ad_key, collect_list(named_struct('field', field, 'start', start, 'end', "end")) AS spans
                   FROM entities WHERE kind IN ({kinds}) AND field IN ({fields}) GROUP BY ad_key) s
          ON s.ad_key = l.ad_key
        """,
    )
    text_in = engine.df("_sp_text_in")
    # 1. segments of every ad; 2. boilerplate from them (SQL); 3. signatures with the final boilerplate set.
    engine.adopt("text_segments", text_in.mapInArrow(_segments_fn(settings), _schema(SEGMENTS_SCHEMA)))
    n_boilerplate = boilerplate.update(engine, settings.boilerplate_max_co_phones, settings.min_segment_tokens,
                                       "_new_ads", True)
    final = stored_boilerplate(engine)
    engine.create_table_as(
        "text_segments",
        "SELECT s.ad_no, s.seg, b.seg IS NOT NULL AS masked FROM text_segments s "
        "LEFT JOIN text_boilerplate b ON b.seg = s.seg",
    )
    engine.adopt("_sp_sigs", text_in.mapInArrow(_signatures_fn(settings, final), _schema(SIGS)))
    engine.create_table_as("text_signatures", "SELECT ad_no, shingles, sig FROM _sp_sigs")
    engine.create_table_as("text_bands", "SELECT ad_no, explode(bands) AS hash FROM _sp_sigs")
    engine.drop("_sp_sigs")
    # 4. candidate pairs (SQL) verified in Spark; 5. clusters; 6. templates and links.
    engine.create_table_as("_sp_aff", "SELECT ad_no AS node FROM link_ads")
    engine.create_table_as("_sp_touch", "SELECT ad_no AS node FROM link_ads WHERE 1 = 0")
    pairs = update_pairs(engine, TEXT_SPEC, aff="_sp_aff", old_bands=None, cap=settings.bucket_cap,
                         verify=_text_verifier(settings), full=True, touched="_sp_touch")  # type: ignore[arg-type]
    update_clusters(engine, edges="text_pairs", labels="text_clusters", node="ad_no", touched="_sp_touch",
                    full=True)
    templates = _templates(engine, settings, final)
    for name in ("_sp_text_in", "_sp_aff", "_sp_touch", "_cl_old", "_cl_new"):
        engine.drop(name)
    return {"boilerplate_segments": n_boilerplate, "text_refingerprinted": 0,
            "text_candidates": pairs["candidates"], "text_pairs_added": pairs["pairs_added"],
            "text_pairs_removed": pairs["pairs_removed"], **templates}


def _templates(engine: SparkEngine, settings: TextSettings, bp: frozenset[int]) -> dict[str, int]:
    engine.create_table_as("_tp_members", MEMBERS_SQL)
    engine.create_table_as("_sp_tp_stats", STATS_SQL)
    engine.create_table_as("_sp_tp_central", CENTRAL_SQL.replace("?", str(SAMPLE + 1)))
    segs = engine.spark.sql(
        "SELECT t.* FROM _sp_text_in t JOIN (SELECT DISTINCT ad_no FROM _sp_tp_central) c ON c.ad_no = t.ad_no"
    ).mapInArrow(_explain_fn(bp), _schema(AD_SEGMENTS))
    engine.adopt("_sp_tp_segs", segs)
    grouped = engine.spark.sql(
        "SELECT c.cluster, c.ad_no, c.ad_key, c.score, s.segments FROM _sp_tp_central c "
        "LEFT JOIN _sp_tp_segs s ON s.ad_no = c.ad_no"
    ).groupBy("cluster").applyInArrow(_explain_group, _schema(EXPLAINED))
    engine.adopt("_sp_tp_explained", grouped)
    tid = engine.sha256_hex("s.first_key")
    engine.create_table_as(
        "templates",
        f"""
        SELECT 'T-' || SUBSTR({tid}, 1, 10) AS template_id, s.cluster, CAST(s.ads AS INT) AS ads,
               CAST(s.co_phones AS INT) AS co_phones,
               {hub_rule("s.co_phones", "s.ads", settings.template_max_co_phones, settings.template_crowd_phones)}
               AS hub, e.medoid, e.text
        FROM _sp_tp_stats s LEFT JOIN _sp_tp_explained e ON e.cluster = s.cluster
        """,
    )
    engine.create_table_as("_tp_links", LINKS_SQL)
    _removed, added = replace_links(engine, "kind = 'text'", "_tp_links")
    counts = engine.query("SELECT COUNT(*) AS n, COUNT(CASE WHEN hub THEN 1 END) AS hubs FROM templates")
    row = counts.to_pylist()[0]
    for name in ("_tp_members", "_sp_tp_stats", "_sp_tp_central", "_sp_tp_segs", "_sp_tp_explained", "_tp_links"):
        engine.drop(name)
    return {"templates_updated": int(row["n"]), "template_hubs_updated": int(row["hubs"]),
            "text_links_added": added, "text_links_removed": 0}


# --- images -------------------------------------------------------------------------------------------------


def _resolve_fn(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        keys, inputs, images = (batch.column(c).to_pylist() for c in ("ad_key", "input_file", "image"))
        files = [resolve(inp, img) for inp, img in zip(inputs, images, strict=True)]
        yield pa.RecordBatch.from_pydict({"ad_key": keys, "image": images, "file": files}, schema=FILES)


def _hash_fn(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        files = batch.column("file").to_pylist()
        for i in range(0, len(files), 64):
            yield from hash_files(files[i : i + 64]).to_batches()


def _bands_fn(bands: int) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            hexes = batch.column("node").to_pylist()
            if not hexes:
                continue
            vals = band_values(pdq_bits(hexes), bands)
            yield pa.RecordBatch.from_pydict(
                {"pdq": np.repeat(np.array(hexes, dtype=object), bands), "hash": vals.reshape(-1)}, schema=BANDS)

    return run


def _image_verifier(settings: ImageSettings) -> Callable[[SparkEngine, str], str]:
    max_distance = settings.max_distance

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            if batch.num_rows:
                yield from verify_batch(batch, max_distance).to_batches()

    def verify(engine: SparkEngine, candidates: str) -> str:
        out = pa.schema([("a", pa.string()), ("b", pa.string()), ("distance", pa.int32())])
        engine.adopt("_sp_verified", engine.df(candidates).select("a", "b").mapInArrow(run, _schema(out)))
        return "_sp_verified"

    return verify


def _star_fn(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        if batch.num_rows:
            yield from star_links(batch).to_batches()


def image_links(engine: SparkEngine, settings: ImageSettings, partitions: int) -> dict[str, int]:
    """``image_hashes`` (PDQ, read by the executors), pictures, picture hubs and ``image`` links."""
    engine.create_table_as(
        "_sp_img",
        "SELECT ad_key, input_file, image FROM (SELECT ad_key, input_file, explode(images) AS image FROM ads) t",
    )
    n_images = int(engine.scalar("SELECT COUNT(*) AS n FROM _sp_img") or 0)
    counts: dict[str, int] = {"images": n_images, "files_read": 0}
    if n_images:
        engine.adopt("_sp_img_files", engine.df("_sp_img").mapInArrow(_resolve_fn, _schema(FILES)))
        files = engine.spark.sql("SELECT DISTINCT file FROM _sp_img_files").repartition(partitions)
        engine.adopt("_sp_img_hashed", files.mapInArrow(_hash_fn, _schema(HASHES_SCHEMA)))
        engine.create_table_as(
            "image_hashes",
            "SELECT f.ad_key, f.image, h.status, h.detail, h.pdq, h.quality, f.file FROM _sp_img_files f "
            "JOIN _sp_img_hashed h ON h.file = f.file",
        )
        counts["files_read"] = int(engine.scalar("SELECT COUNT(*) AS n FROM _sp_img_hashed") or 0)
        for r in engine.query("SELECT status, COUNT(*) AS n FROM image_hashes GROUP BY status").to_pylist():
            counts[f"images_{r['status']}"] = int(r["n"])
        for name in ("_sp_img_files", "_sp_img_hashed"):
            engine.drop(name)
    engine.drop("_sp_img")
    usable = USABLE.format(q=int(settings.min_quality))
    engine.create_table_as(
        "_im_new", f"SELECT DISTINCT h.pdq AS node FROM image_hashes h WHERE h.{usable.replace(' AND ', ' AND h.')}"
    )
    engine.adopt("image_bands", engine.df("_im_new").mapInArrow(_bands_fn(settings.bands), _schema(BANDS)))
    engine.create_table_as("_im_touch", "SELECT node FROM _im_new WHERE 1 = 0")
    pairs = update_pairs(engine, IMAGE_SPEC, aff="_im_new", old_bands=None, cap=settings.bucket_cap,
                         verify=_image_verifier(settings), full=True, touched="_im_touch")  # type: ignore[arg-type]
    update_clusters(engine, edges="image_pairs", labels="pictures", node="pdq", touched="_im_touch", full=True)
    picture_tables(engine, settings, full=True)
    engine.adopt("_im_links", engine.spark.sql(STAR_SQL).mapInArrow(_star_fn, _schema(LINKS)))
    _removed, added = replace_links(engine, "kind = 'image'", "_im_links")
    for name in ("_im_links", "_im_new", "_im_touch", "_im_pics", "_im_shown", "_im_stats", "_im_member", "_cl_old",
                 "_cl_new"):
        engine.drop(name)
    counts.update({"image_candidates": pairs["candidates"], "image_pairs_added": pairs["pairs_added"],
                   "image_links_added": added, "image_links_removed": 0})
    return counts


# --- networks -----------------------------------------------------------------------------------------------


def networks(engine: SparkEngine, run_id: str) -> dict[str, int]:
    """Components of all links over all ads, named by the stable-id rule (every network is new)."""
    engine.create_table_as("_nw_nodes", "SELECT ad_key AS node FROM ads")
    engine.create_table_as("_nw_edges", "SELECT ad_a AS a, ad_b AS b FROM links")
    rounds = engine.connected_components("_nw_edges", "_nw_nodes", "_cc")
    base = f"'N-' || SUBSTR({engine.sha256_hex('component')}, 1, 10)"
    engine.create_table_as(
        "_nw_assign",
        f"""
        SELECT component, size,
               CASE WHEN k = 1 THEN base ELSE base || '-' || CAST(k AS STRING) END AS network_id
        FROM (SELECT component, size, base, ROW_NUMBER() OVER (PARTITION BY base ORDER BY component) AS k
              FROM (SELECT component, COUNT(*) AS size, {base} AS base FROM _cc GROUP BY component) c) t
        """,
    )
    engine.create_table_as(
        "network_members",
        "SELECT a.network_id, c.node AS ad_key FROM _cc c JOIN _nw_assign a ON a.component = c.component",
    )
    engine.create_table_as(
        "network_lineage",
        f"SELECT '{run_id}' AS run_id, network_id, 'created' AS event, CAST(NULL AS STRING) AS other_id, "
        "CAST(size AS INT) AS ads FROM _nw_assign WHERE size > 1",
    )
    engine.create_table_as("network_ids_used", "SELECT network_id FROM _nw_assign")
    engine.create_table_as("_nw_now", "SELECT network_id FROM _nw_assign")
    engine.create_table_as("_nw_gone", "SELECT network_id FROM _nw_assign WHERE 1 = 0")
    row = engine.query(
        "SELECT COUNT(*) AS n, COUNT(CASE WHEN size > 1 THEN 1 END) AS multi FROM _nw_assign"
    ).to_pylist()[0]
    for name in ("_nw_nodes", "_nw_edges", "_cc", "_nw_assign"):
        engine.drop(name)
    return {"networks": int(row["n"]), "networks_multi_ad": int(row["multi"]), "networks_recomputed": int(row["n"]),
            "cc_rounds": rounds}


# --- the stage ----------------------------------------------------------------------------------------------


def run_link_stage(engine: SparkEngine, run_id: str, plan: LinkPlan, *, partitions: int, progress: bool = False,
                   timings: dict[str, float] | None = None) -> dict[str, Any]:
    """Links, hubs, networks and scores from the ads in the engine; returns the counts of a run summary."""
    timings = timings if timings is not None else {}
    counts: dict[str, Any] = {}
    n_steps = 4 + int(plan.text.enabled) + int(plan.images.enabled)
    timed = StepTimer(n_steps, progress, timings, counts)

    t0 = time.perf_counter()
    state.begin(engine, plan.describe())
    counts["link_rebuild"] = True
    counts["ads_linked_new"] = state.number_new_ads(engine)
    timings["link_prepare"] = round(time.perf_counter() - t0, 3)
    timed("link_identifiers", lambda: build_identifier_links(engine, plan.identifiers, full=True))
    if plan.text.enabled:
        timed("link_text", lambda: text_links(engine, plan.text))
    if plan.images.enabled:
        timed("link_images", lambda: image_links(engine, plan.images, partitions))
    timed("link_hubs", lambda: {"derived_hubs": refresh_hub_rows(engine)})
    timed("networks", lambda: networks(engine, run_id))
    timed("score", lambda: score_networks(engine, run_id, full=False))
    state.set_state(engine, "last_counts", json.dumps(counts, sort_keys=True, default=str))
    state.finish(engine)
    timed.close()
    return counts
