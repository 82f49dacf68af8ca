"""Read the Parquet output of a Spark run (``unveil analyze --engine spark --out DIR``) as a store.

The tables needed are loaded into an in-memory DuckDB store, so every reader of a store (``unveil
networks``, the report) works on it unchanged.  ``DIR`` may be a local path or any URL pyarrow's file
systems open (``hdfs://``, ``s3://`` ...).  pyspark is not needed.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow.dataset as ds

from unveil.engine.duckdb import DuckDBEngine
from unveil.errors import StoreError
from unveil.store import Store

NETWORK_TABLES = ("networks", "network_members")


def parquet_store(root: str, tables: Sequence[str] = NETWORK_TABLES) -> Store:
    """An in-memory store holding ``tables`` read from ``root/<table>/``."""
    store = Store(":memory:", engine=DuckDBEngine(None))
    try:
        for table in tables:
            location = f"{root.rstrip('/')}/{table}"
            try:
                data = ds.dataset(location, format="parquet").to_table()
            except (FileNotFoundError, OSError, ValueError) as exc:
                raise StoreError(f"{location}: cannot read Parquet output of a Spark run ({exc})") from exc
            if not data.num_rows:
                continue
            cols = ", ".join(f'"{c}"' for c in data.column_names)
            store.engine.register("_pq_rows", data)
            store.engine.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _pq_rows")
            store.engine.unregister("_pq_rows")
    except BaseException:
        store.close()
        raise
    return store
