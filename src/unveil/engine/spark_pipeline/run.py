"""``unveil analyze --engine spark``: the whole pipeline on Spark, results into DuckDB and/or Parquet.

A Spark run always builds every table from its inputs (no incremental runs: a store that already holds ads
is refused).  The result tables are written at the end:

* ``db``: into a DuckDB store, the same tables a DuckDB run leaves (``unveil networks``, ``unveil serve``
  and later incremental ``--engine duckdb`` runs work on it unchanged).  In local mode the tables go through
  Parquet files in a temporary folder beside the store; with a cluster master they are fetched as Arrow.
* ``out``: as Parquet, one folder per table (``OUT/networks/``, ``OUT/network_members/`` ...), on a local
  path or any Hadoop file system URL (``hdfs://``, ``s3a://`` ...); ``unveil networks --parquet OUT`` reads
  it.

Nothing is written to the store until the run has finished: a failed Spark run leaves the store as it was,
with the run recorded as ``failed``.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from unveil import __version__
from unveil.engine.spark_pipeline.session import local_cores, require_pyspark
from unveil.errors import StoreError, UnveilError
from unveil.ingest.readers import expand_paths, file_sha256
from unveil.link.stage import LinkPlan
from unveil.pipeline import AnalyzeOptions, RunSummary
from unveil.store import Store
from unveil.store.store import utcnow

if TYPE_CHECKING:
    from unveil.engine.spark import SparkEngine
    from unveil.per_ad import RuleEvaluator

# Tables an analysis writes (everything but accounts, sessions, audit log, labels and runs).
RESULT_TABLES = (
    "ads", "entities", "indicators", "rejects", "links", "hub_identifiers", "networks", "network_members",
    "network_lineage", "network_ids_used", "link_ads", "link_state", "text_segments", "text_signatures",
    "text_bands", "text_boilerplate", "text_pairs", "text_clusters", "templates", "image_hashes", "image_bands",
    "image_pairs", "pictures", "picture_stats",
)  # fmt: skip


def store_schemas() -> dict[str, pa.Schema]:
    """Arrow schemas of the store's tables, read from a migrated in-memory DuckDB store."""
    from unveil.engine.duckdb import DuckDBEngine

    with Store(":memory:", engine=DuckDBEngine(None)) as mem:
        return {t: mem.engine.query(f"SELECT * FROM {t} LIMIT 0").schema for t in (*RESULT_TABLES, "runs")}


def analyze_spark(paths: Sequence[str | Path], *, db: str | Path | None = None, out: str | None = None,
                  master: str | None = None, options: AnalyzeOptions | None = None,
                  rules: RuleEvaluator | None = None, conf: dict[str, str] | None = None) -> RunSummary:
    """Run every stage on Spark over ``paths``; write the results to ``db`` and/or ``out``.

    Raises:
        InputError: a path does not exist or has an unknown format.
        StoreError: ``db`` cannot be opened or already holds ads.
        UnveilError: pyspark is missing, or neither ``db`` nor ``out`` was given.
    """
    require_pyspark()
    if db is None and out is None:
        raise UnveilError("a Spark run needs --db FILE and/or --out DIR to write its results")
    from unveil.engine.spark import SparkEngine
    from unveil.engine.spark_pipeline import ingest as spark_ingest
    from unveil.engine.spark_pipeline import link as spark_link

    opts = options or AnalyzeOptions()
    t0 = time.perf_counter()
    files = expand_paths(paths)
    inputs: list[dict[str, Any]] = [
        {"path": str(p), "sha256": file_sha256(p), "bytes": p.stat().st_size} for p in files
    ]
    patterns = tuple(getattr(opts, "patterns", ()) or ())
    if patterns:  # refuse bad pattern files before starting Spark
        from unveil.extract.user_patterns import load_user_extractors

        load_user_extractors(patterns)
    params = {"batch_size": opts.batch_size, "workers": opts.workers, "link": asdict(opts.link),
              "text": asdict(opts.text), "images": asdict(opts.images), "rulebook": getattr(rules, "version", None),
              "patterns": [str(p) for p in patterns],
              "master": master, "out": out}
    store = Store(db) if db is not None else None
    try:
        if store is not None and store.count("ads"):
            raise StoreError(
                f"{db} already holds ads: a Spark run builds a store from scratch. Use a new --db file, or "
                "--engine duckdb to add ads to this store incrementally"
            )
        run_id = (store.begin_run("analyze", params, inputs, engine="spark") if store is not None
                  else utcnow().strftime("run-%Y%m%dT%H%M%S-") + uuid.uuid4().hex[:6])
    except BaseException:
        if store is not None:
            store.close()
        raise
    started = utcnow()
    summary = RunSummary(run_id=run_id, db=str(db) if db is not None else "", files=len(files))
    status = "failed"
    engine: SparkEngine | None = None
    try:
        summary.timings["hash_inputs"] = round(time.perf_counter() - t0, 3)
        t = time.perf_counter()
        engine = SparkEngine(master=master, conf=conf)
        sc = engine.spark.sparkContext
        partitions = max(2, 2 * sc.defaultParallelism)
        summary.timings["spark_start"] = round(time.perf_counter() - t, 3)
        schemas = store_schemas()
        for table in RESULT_TABLES:
            engine.create_empty(table, schemas[table])
        t = time.perf_counter()
        counts = spark_ingest.ingest(engine, files, [i["sha256"] for i in inputs], run_id, started, rules,
                                     partitions, patterns)
        summary.records, summary.accepted, summary.unchanged = counts.records, counts.accepted, counts.unchanged
        summary.rejected, summary.rejects_by_reason = counts.rejected, counts.rejects_by_reason or {}
        summary.timings["ingest"] = round(time.perf_counter() - t, 3)
        t = time.perf_counter()
        plan = LinkPlan(identifiers=opts.link, text=opts.text, images=opts.images)
        spark_link.run_link_stage(engine, run_id, plan, partitions=partitions, progress=opts.progress,
                                  timings=summary.timings)
        summary.timings["link_total"] = round(time.perf_counter() - t, 3)
        totals = engine.query(
            "SELECT (SELECT COUNT(*) FROM ads) AS ads, (SELECT COUNT(*) FROM entities) AS entities, "
            "(SELECT COUNT(*) FROM indicators) AS flags, (SELECT COUNT(*) FROM links) AS links, "
            "(SELECT COUNT(*) FROM hub_identifiers) AS hubs, (SELECT COUNT(*) FROM networks) AS networks, "
            "(SELECT COUNT(*) FROM networks WHERE size > 1) AS multi"
        ).to_pylist()[0]
        summary.ads_total, summary.entities_total, summary.flags_total = (
            int(totals["ads"]), int(totals["entities"]), int(totals["flags"]))
        summary.links_total, summary.hubs = int(totals["links"]), int(totals["hubs"])
        summary.networks, summary.networks_multi_ad = int(totals["networks"]), int(totals["multi"])
        if opts.rejects_path is not None or db is not None:
            rejects_path = opts.rejects_path or Path(f"{db}.rejects.jsonl")
            spark_ingest.write_rejects_file(engine, rejects_path)
            summary.rejects_file = str(rejects_path)
        if out is not None:
            t = time.perf_counter()
            write_parquet(engine, out, schemas)
            summary.timings["write_parquet"] = round(time.perf_counter() - t, 3)
        if store is not None:
            t = time.perf_counter()
            copy_to_store(engine, store, schemas, master=str(engine.spark.sparkContext.master))
            summary.timings["write_store"] = round(time.perf_counter() - t, 3)
        status = "completed"
        return summary
    finally:
        summary.timings["total"] = round(time.perf_counter() - t0, 3)
        run_counts = {k: v for k, v in summary.to_dict().items() if isinstance(v, int | dict) and k != "timings"}
        if store is not None:
            store.finish_run(run_id, status, run_counts, summary.timings)
            store.close()
        if out is not None and engine is not None and status == "completed":
            _write_run(engine, out, {
                "run_id": run_id, "command": "analyze", "started_at": started, "finished_at": utcnow(),
                "status": status, "tool_version": __version__, "engine": "spark", "parameters": json.dumps(params),
                "inputs": json.dumps(inputs), "counts": json.dumps(run_counts), "timings": json.dumps(summary.timings),
            }, schemas["runs"])
        if engine is not None:
            engine.close()


def _for_files(engine: SparkEngine, table: str) -> Any:
    """The table with timestamps as plain (time-zone-less) values, as DuckDB and pyarrow read them."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import TimestampType

    df = engine.df(table)
    return df.select(*[
        F.col(f"`{f.name}`").cast("timestamp_ntz").alias(f.name) if isinstance(f.dataType, TimestampType)
        else F.col(f"`{f.name}`") for f in df.schema.fields
    ])


def write_parquet(engine: SparkEngine, out: str, schemas: dict[str, pa.Schema]) -> None:
    """Every result table as Parquet under ``out/<table>/`` (replacing what was there)."""
    for table in RESULT_TABLES:
        _for_files(engine, table).write.mode("overwrite").parquet(f"{out.rstrip('/')}/{table}")


def _write_run(engine: SparkEngine, out: str, row: dict[str, Any], schema: pa.Schema) -> None:
    table = pa.Table.from_pylist([row], schema=schema)
    engine.register("_run_row", table)
    _for_files(engine, "_run_row").coalesce(1).write.mode("overwrite").parquet(f"{out.rstrip('/')}/runs")
    engine.drop("_run_row")


def copy_to_store(engine: SparkEngine, store: Store, schemas: dict[str, pa.Schema], *, master: str) -> None:
    """Insert every result table into the (empty) DuckDB store, in one transaction."""
    staging: Path | None = None
    local = local_cores(master) is not None
    if local:
        staging = Path(tempfile.mkdtemp(prefix=".unveil-spark-", dir=store.path.parent))
    try:
        with store.engine.transaction():
            for table in RESULT_TABLES:
                cols = ", ".join(f'"{c}"' for c in schemas[table].names)
                store.engine.execute(f"DELETE FROM {table}")
                if staging is not None:
                    path = staging / table
                    _for_files(engine, table).write.mode("overwrite").parquet(str(path))
                    if not any(path.glob("*.parquet")):
                        continue
                    store.engine.execute(
                        f"INSERT INTO {table} ({cols}) SELECT {cols} FROM read_parquet('{path}/*.parquet')"
                    )
                else:
                    data = _for_files(engine, table).toArrow()
                    if data.num_rows:
                        store.engine.register("_spark_rows", data)
                        store.engine.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _spark_rows")
                        store.engine.unregister("_spark_rows")
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
