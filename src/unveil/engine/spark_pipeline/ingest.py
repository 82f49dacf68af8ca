"""Ingest on Spark: read and validate input files, drop duplicates, run the per-ad stages with mapInArrow.

The same functions as the DuckDB pipeline do the work (``read_records``, ``validate_record``,
``process_batch``); Spark only decides where they run:

1. **read + validate** (one task per input file): each record becomes a row with the ad's contract fields,
   or a reject reason;
2. **duplicates** (SQL, a shuffle on the ad key): the first record of a key in input order (file, then line)
   is kept; a later one with the same content is counted as unchanged, with other content it is rejected
   as ``duplicate_id`` naming the first one, exactly as the DuckDB pipeline decides;
3. **per-ad stages** (``mapInArrow`` over batches of accepted ads, spread over all cores): normalise,
   extract, indicators.  Entities and flags come out of one pass as rows of one wide schema and are split
   afterwards.

Input files must be readable at the same path by every executor (a local run, or a shared file system on
a cluster): see docs/spark.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from unveil import arrow_schemas

if TYPE_CHECKING:

    from unveil.engine.spark import SparkEngine
    from unveil.per_ad import RuleEvaluator

RECORD_EXTRA = [
    ("file_no", pa.int32()), ("line", pa.int64()), ("reason", pa.string()), ("detail", pa.string()),
    ("record_id", pa.string()), ("raw", pa.string()),
]
RECORDS = pa.schema([*arrow_schemas.ADS, *RECORD_EXTRA])

# Entities and flags of one pass: ``t`` 0 is an entity row, 1 a flag row.
PER_AD = pa.schema([
    ("t", pa.int8()), ("ad_key", pa.string()), ("kind", pa.string()), ("value", pa.string()),
    ("field", pa.string()), ("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()),
    ("attrs", pa.string()), ("rule", pa.string()), ("category", pa.string()), ("grade", pa.string()),
    ("weight", pa.float64()),
])
ROWS_PER_BATCH = 2000


@dataclass
class IngestCounts:
    records: int = 0
    accepted: int = 0
    unchanged: int = 0
    rejected: int = 0
    rejects_by_reason: dict[str, int] | None = None


def _default_source(path: str) -> str:
    from unveil.pipeline import _default_source as source

    return source(Path(path))


def read_file_batches(files: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """mapInArrow: ``(file_no, path)`` rows -> one ``RECORDS`` row per record of each file."""
    from unveil.ingest.readers import read_records
    from unveil.ingest.validate import Rejection, ad_key, validate_record

    for batch in files:
        for file_no, path in zip(batch.column("file_no").to_pylist(), batch.column("path").to_pylist(),
                                 strict=True):
            source = _default_source(path)
            rows: list[dict[str, Any]] = []
            for rec in read_records(Path(path)):
                row: dict[str, Any] = {"file_no": file_no, "line": rec.line, "raw": rec.raw}
                if rec.error:
                    row.update(reason=rec.error, detail=rec.detail)
                else:
                    result = validate_record(rec.data, source)
                    if isinstance(result, Rejection):
                        rid = rec.data.get("id") if isinstance(rec.data, dict) else None
                        row.update(reason=result.reason, detail=result.detail,
                                   record_id=rid if isinstance(rid, str) else None)
                    else:
                        result["ad_key"] = ad_key(result["source"], result["id"])
                        result["input_file"] = str(rec.path)
                        result["input_line"] = rec.line
                        row.update({k: result.get(k) for k in arrow_schemas.ADS.names})
                rows.append(row)
                if len(rows) >= ROWS_PER_BATCH:
                    yield pa.RecordBatch.from_pylist(rows, schema=RECORDS)
                    rows = []
            if rows:
                yield pa.RecordBatch.from_pylist(rows, schema=RECORDS)


def _duplicate_details(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """mapInArrow: the reject detail of each duplicate, worded as the DuckDB pipeline words it."""
    for batch in batches:
        rows = batch.to_pylist()
        details = [
            f"id {r['id']!r} of source {r['source']!r} already read with different content from "
            f"{r['first_file']} line {r['first_line']}"
            for r in rows
        ]
        yield pa.RecordBatch.from_arrays([batch.column("file_no"), batch.column("line"), pa.array(details)],
                                         names=["file_no", "line", "detail"])


_EXTRACTORS: dict[tuple[str, ...], Any] = {}  # per Python worker: extractors built from pattern files


def per_ad_batches(rules: RuleEvaluator | None, patterns: tuple[str, ...] = ()) -> Any:
    """mapInArrow function running the per-ad stages (normalise, extract, indicators) on ADS batches.

    ``patterns``: user pattern files (``--patterns``), loaded once per Python worker.
    """

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from unveil.per_ad import prepare_process, process_batch

        extractors = None
        if patterns:
            if patterns not in _EXTRACTORS:
                from unveil.extract.user_patterns import load_user_extractors

                _EXTRACTORS[patterns] = load_user_extractors([Path(p) for p in patterns])
            extractors = _EXTRACTORS[patterns]
        prepare_process(rules, extractors)  # Spark reuses a worker across tasks: only the first builds and freezes
        for batch in batches:
            if batch.num_rows == 0:
                continue
            ads = pa.Table.from_batches([batch]).cast(arrow_schemas.ADS)
            entities, flags = process_batch(ads, rules, extractors)
            yield from _wide(entities, flags)

    return run


def _wide(entities: pa.Table, flags: pa.Table) -> Iterator[pa.RecordBatch]:
    for t, table in ((0, entities), (1, flags)):
        if table.num_rows == 0:
            continue
        cols = {name: (table.column(name) if name in table.column_names else pa.nulls(table.num_rows, f.type))
                for name, f in zip(PER_AD.names, PER_AD, strict=True) if name != "t"}
        cols["t"] = pa.array([t] * table.num_rows, pa.int8())
        yield from pa.table({n: cols[n] for n in PER_AD.names}, schema=PER_AD).to_batches()


def spark_schema(schema: pa.Schema) -> Any:
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)


def ingest(engine: SparkEngine, files: Sequence[Path], shas: Sequence[str], run_id: str, now: datetime,
           rules: RuleEvaluator | None, partitions: int, patterns: Sequence[Path] = ()) -> IngestCounts:
    """Build tables ``ads``, ``entities``, ``indicators`` and ``rejects`` from the input files."""
    from pyspark.sql import functions as F

    spark = engine.spark
    file_rows = pa.table({"file_no": pa.array(range(len(files)), pa.int32()),
                          "path": pa.array([str(f) for f in files], pa.string()),
                          "input_sha256": pa.array(list(shas), pa.string())})
    engine.register("_in_files", file_rows)
    files_df = engine.df("_in_files").repartition(max(1, len(files)), "file_no")
    records = files_df.select("file_no", "path").mapInArrow(read_file_batches, spark_schema(RECORDS))
    engine.adopt("_in_records", records)
    engine.create_table_as(
        "_in_ranked",
        """
        SELECT r.*, ROW_NUMBER() OVER (PARTITION BY ad_key ORDER BY file_no, line) AS k,
               FIRST_VALUE(content_hash) OVER (PARTITION BY ad_key ORDER BY file_no, line) AS first_hash,
               FIRST_VALUE(input_file) OVER (PARTITION BY ad_key ORDER BY file_no, line) AS first_file,
               FIRST_VALUE(input_line) OVER (PARTITION BY ad_key ORDER BY file_no, line) AS first_line
        FROM _in_records r WHERE reason IS NULL
        """,
    )
    dup_schema = spark_schema(pa.schema([("file_no", pa.int32()), ("line", pa.int64()), ("detail", pa.string())]))
    dups = spark.sql(
        "SELECT file_no, line, id, source, first_file, first_line FROM _in_ranked WHERE k > 1 "
        "AND content_hash <> first_hash"
    ).mapInArrow(_duplicate_details, dup_schema)
    engine.adopt("_in_dup_detail", dups)
    engine.create_table_as(
        "_in_rejects",
        """
        SELECT r.file_no, r.line, r.reason, r.detail, CAST(NULL AS STRING) AS source, r.record_id, r.raw
        FROM _in_records r WHERE r.reason IS NOT NULL
        UNION ALL
        SELECT k.file_no, k.line, 'duplicate_id', d.detail, k.source, k.id, k.raw
        FROM _in_ranked k JOIN _in_dup_detail d ON d.file_no = k.file_no AND d.line = k.line
        WHERE k.k > 1 AND k.content_hash <> k.first_hash
        """,
    )
    # Rejects are keyed by (input file hash, line): the same file given twice is recorded once.
    engine.create_table_as(
        "rejects",
        """
        SELECT input_file, input_sha256, line, reason, detail, source, record_id, raw, ? AS run_id FROM (
            SELECT f.path AS input_file, f.input_sha256, r.line, r.reason, r.detail, r.source, r.record_id, r.raw,
                   ROW_NUMBER() OVER (PARTITION BY f.input_sha256, r.line ORDER BY r.file_no) AS k
            FROM _in_rejects r JOIN _in_files f ON f.file_no = r.file_no
        ) t WHERE k = 1
        """.replace("?", f"'{run_id}'"),
    )
    ad_cols = ", ".join(f'"{c}"' for c in arrow_schemas.ADS.names)
    accepted = spark.sql(f"SELECT {ad_cols} FROM _in_ranked WHERE k = 1").repartition(partitions)
    accepted = accepted.withColumn("posted_at_utc", F.col("posted_at_utc").cast("timestamp"))
    engine.adopt("_in_accepted", accepted)
    per_ad = engine.df("_in_accepted").mapInArrow(
        per_ad_batches(rules, tuple(str(p) for p in patterns)), spark_schema(PER_AD))
    engine.adopt("_in_per_ad", per_ad)
    engine.create_table_as(
        "ads",
        f"SELECT {ad_cols}, '{run_id}' AS run_id, CAST('{now.isoformat(sep=' ')}' AS TIMESTAMP) AS ingested_at "
        "FROM _in_accepted",
    )
    engine.create_table_as(
        "entities",
        'SELECT ad_key, kind, value, field, start, "end", text, attrs FROM _in_per_ad WHERE t = 0',
    )
    engine.create_table_as(
        "indicators",
        'SELECT ad_key, rule, category, grade, field, start, "end", text, weight FROM _in_per_ad WHERE t = 1',
    )
    stats = engine.query(
        "SELECT COUNT(*) AS records, COUNT(CASE WHEN reason IS NULL THEN 1 END) AS valid FROM _in_records"
    ).to_pylist()[0]
    by_reason = {r["reason"]: int(r["n"]) for r in engine.query(
        "SELECT reason, COUNT(*) AS n FROM _in_rejects GROUP BY reason").to_pylist()}
    accepted_n = int(engine.scalar("SELECT COUNT(*) AS n FROM ads") or 0)
    rejected = sum(by_reason.values())
    counts = IngestCounts(records=int(stats["records"]), accepted=accepted_n,
                          unchanged=int(stats["valid"]) - accepted_n - by_reason.get("duplicate_id", 0),
                          rejected=rejected, rejects_by_reason=dict(sorted(by_reason.items())))
    for name in ("_in_files", "_in_records", "_in_ranked", "_in_dup_detail", "_in_rejects", "_in_accepted",
                 "_in_per_ad"):
        engine.drop(name)
    return counts


def rejects_rows(engine: SparkEngine) -> Iterator[dict[str, Any]]:
    """The rejects (input file, then line), with the columns of the rejects file."""
    yield from engine.query(
        "SELECT input_file, input_sha256, line, reason, detail, source, record_id, raw FROM rejects "
        "ORDER BY input_file, line"
    ).to_pylist()


def write_rejects_file(engine: SparkEngine, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rejects_rows(engine):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
