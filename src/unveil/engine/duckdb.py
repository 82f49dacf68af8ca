"""The embedded default engine: DuckDB, in this process, on one file."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from unveil.engine.base import Engine
from unveil.errors import StoreError


class DuckDBEngine(Engine):
    """DuckDB on a database file (or in memory with ``path=None``)."""

    name = "duckdb"

    def __init__(self, path: str | Path | None = None, *, threads: int | None = None,
                 memory_limit: str | None = None, read_only: bool = False) -> None:
        self.path = None if path is None else Path(path)
        target = ":memory:" if path is None else str(path)
        try:
            self.con = duckdb.connect(target, read_only=read_only)
        except duckdb.IOException as exc:
            raise StoreError(
                f"cannot open {target}: {exc}. Only one process can open a DuckDB file at a time; "
                "stop the other unveil command (or server) using it and retry."
            ) from exc
        if threads:
            self.execute(f"SET threads = {int(threads)}")
        if memory_limit:
            self.execute(f"SET memory_limit = '{memory_limit}'")
        self.execute("SET preserve_insertion_order = false")
        self._depth = 0

    def register(self, name: str, table: pa.Table) -> None:
        self.con.register(name, table)

    def unregister(self, name: str) -> None:
        self.con.unregister(name)

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        # DuckDB 2 refuses new work while a result is pending: finish it here.
        self.con.execute(sql, list(params) if params is not None else None).complete()

    def query(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
        table: pa.Table = self.con.sql(sql, params=list(params) if params is not None else None).to_arrow_table()
        return table

    def table_exists(self, name: str) -> bool:
        n = self.scalar("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = ?", [name])
        return bool(n)

    def create_table_as(self, name: str, select_sql: str) -> None:
        self.execute(f"CREATE OR REPLACE TABLE {name} AS {select_sql}")

    def distinct_list(self, expr: str) -> str:
        return f"list(DISTINCT {expr} ORDER BY {expr}) FILTER (WHERE {expr} IS NOT NULL)"

    def json_text(self, expr: str, key: str) -> str:
        return f"json_extract_string({expr}, '$.{key}')"

    @contextmanager
    def transaction(self) -> Iterator[None]:
        # Nested blocks join the outermost transaction.
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.execute("BEGIN TRANSACTION")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.execute("ROLLBACK")
            raise
        self._depth = 0
        self.execute("COMMIT")

    def checkpoint(self) -> None:
        self.execute("CHECKPOINT")

    def close(self) -> None:
        self.con.close()
