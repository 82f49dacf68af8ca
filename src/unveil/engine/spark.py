"""Apache Spark behind the engine interface (``pip install 'unveil[spark]'``).

Tables are temporary views over DataFrames of one Spark session.  A table made by ``create_table_as`` or
changed by ``INSERT``/``DELETE`` is materialised at once (``localCheckpoint``, re-wrapped without the
plan's size estimate): the next statement reads computed rows, and plans do not grow with the number of
statements that touched a table.

Spark SQL has no ``DELETE`` or ``INSERT`` on temporary views, so :meth:`SparkEngine.execute` rewrites the
few statement shapes the cross-ad stages use into the equivalent SELECT:

* ``DELETE FROM t [WHERE cond]``  ->  ``t := SELECT * FROM t WHERE NOT COALESCE(cond, FALSE)``
* ``INSERT [OR IGNORE] INTO t [(cols)] SELECT ... | VALUES (...)``  ->  ``t := t UNION ALL (rows cast to t)``
* ``CREATE [OR REPLACE] TABLE t AS SELECT ...``, ``DROP TABLE [IF EXISTS] t``; ``BEGIN``/``COMMIT``/
  ``ROLLBACK``/``CHECKPOINT`` do nothing (Spark has no transactions: a failed Spark run leaves nothing in
  the store, see :mod:`unveil.engine.spark_pipeline.run`).

``UPDATE`` and ``CREATE TABLE t (columns)`` are refused: create empty tables with :meth:`create_empty`.
Identifiers may be double-quoted (``"end"``) as in DuckDB: the session sets
``spark.sql.ansi.doubleQuotedIdentifiers``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from unveil.engine.base import Engine

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

_DELETE = re.compile(r"^\s*DELETE\s+FROM\s+(\w+)(?:\s+WHERE\s+(.*))?\s*$", re.I | re.S)
_INSERT = re.compile(
    r"^\s*INSERT\s+(?:OR\s+IGNORE\s+)?INTO\s+(\w+)\s*(?:\(([\w\s,\"]+)\))?\s*(?=SELECT|VALUES|WITH|\()(.*)$",
    re.I | re.S,
)
_CTAS = re.compile(r"^\s*CREATE\s+(?:OR\s+REPLACE\s+)?TABLE\s+(\w+)\s+AS\s+(.*)$", re.I | re.S)
_DROP = re.compile(r"^\s*DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(\w+)\s*$", re.I)
_NOOP = re.compile(r"^\s*(BEGIN(\s+TRANSACTION)?|COMMIT|ROLLBACK|CHECKPOINT)\s*;?\s*$", re.I)
_REFUSED = re.compile(r"^\s*(UPDATE|CREATE\s+TABLE|ALTER|MERGE)\b", re.I)


class SparkEngine(Engine):
    """Spark SQL over temporary views of one session; every table is a materialised DataFrame."""

    name = "spark"

    def __init__(self, spark: SparkSession | None = None, *, master: str | None = None,
                 conf: dict[str, str] | None = None) -> None:
        if spark is None:
            from unveil.engine.spark_pipeline.session import get_session

            spark = get_session(master=master, conf=conf)
        self.spark = spark
        self._tables: dict[str, DataFrame] = {}

    # -- tables -----------------------------------------------------------------------------------------
    def df(self, name: str) -> DataFrame:
        """The DataFrame behind table ``name``."""
        if name in self._tables:
            return self._tables[name]
        return self.spark.table(name)

    def adopt(self, name: str, df: DataFrame, *, materialise: bool = True) -> None:
        """Make ``df`` table ``name`` (materialised unless told otherwise), replacing any table of that name."""
        if materialise:
            df = self._materialise(df)
        old = self._tables.get(name)
        df.createOrReplaceTempView(name)
        self._tables[name] = df
        if old is not None and old is not df:
            old.unpersist(blocking=False)

    def _materialise(self, df: DataFrame) -> DataFrame:
        """``df`` computed once (``localCheckpoint``) and re-wrapped without the plan's size estimate.

        A checkpoint keeps the size estimate of the plan that made it, and estimates of joins multiply:
        after a few rounds of label propagation the estimates have millions of digits and computing them
        takes minutes.  The checkpointed rows are wrapped in a fresh plan node with the default estimate.
        """
        from pyspark.sql import DataFrame as SparkDataFrame

        done = df.localCheckpoint(eager=True)
        jdf = done._jdf
        fresh = self.spark._jsparkSession.internalCreateDataFrame(jdf.queryExecution().toRdd(), jdf.schema(), False)
        return SparkDataFrame(fresh, self.spark)

    def create_empty(self, name: str, schema: pa.Schema) -> None:
        """An empty table with the columns and types of an Arrow schema."""
        from pyspark.sql.pandas.types import from_arrow_schema

        self.adopt(name, self.spark.createDataFrame([], schema=from_arrow_schema(_plain_schema(schema))),
                   materialise=False)

    def register(self, name: str, table: pa.Table) -> None:
        if table.num_rows == 0:
            self.create_empty(name, table.schema)
            return
        self.adopt(name, self.spark.createDataFrame(_plain_table(table)), materialise=False)

    def unregister(self, name: str) -> None:
        self.drop(name)

    def table_exists(self, name: str) -> bool:
        return name in self._tables or bool(self.spark.catalog.tableExists(name))

    def create_table_as(self, name: str, select_sql: str) -> None:
        self.adopt(name, self.spark.sql(select_sql))

    def drop(self, name: str) -> None:
        old = self._tables.pop(name, None)
        self.spark.catalog.dropTempView(name)
        if old is not None:
            old.unpersist(blocking=False)

    # -- SQL --------------------------------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
        table: pa.Table = self._sql(sql, params).toArrow()
        return table

    def _sql(self, sql: str, params: Sequence[Any] | None = None) -> DataFrame:
        return self.spark.sql(sql, args=list(params)) if params else self.spark.sql(sql)

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        if _NOOP.match(sql):
            return
        if m := _DELETE.match(sql):
            table, cond = m.group(1), m.group(2)
            if cond is None:
                self.adopt(table, self.df(table).limit(0), materialise=False)
                return
            self.adopt(table, self._sql(f"SELECT * FROM {table} WHERE NOT COALESCE(({cond}), FALSE)", params))
            return
        if m := _INSERT.match(sql):
            table, cols, body = m.group(1), m.group(2), m.group(3).strip()
            if body.upper().startswith("VALUES"):
                body = f"SELECT * FROM {body}"
            names = [c.strip().strip('"') for c in cols.split(",")] if cols else None
            self._insert(table, self._sql(body, params), names)
            return
        if m := _CTAS.match(sql):
            self.adopt(m.group(1), self._sql(m.group(2), params))
            return
        if m := _DROP.match(sql):
            self.drop(m.group(1))
            return
        if _REFUSED.match(sql):
            raise NotImplementedError(f"the spark engine does not run this statement: {sql.strip()[:80]}")
        self._sql(sql, params).collect()

    def _insert(self, table: str, rows: DataFrame, names: list[str] | None) -> None:
        from pyspark.sql import functions as F

        target = self.df(table)
        names = names or target.columns
        if len(rows.columns) != len(names):
            raise ValueError(f"INSERT INTO {table}: {len(rows.columns)} values for {len(names)} columns")
        rows = rows.toDF(*names)
        types = {f.name: f.dataType for f in target.schema.fields}
        rows = rows.select(*[
            (F.col(f"`{c}`") if c in names else F.lit(None)).cast(types[c]).alias(c) for c in target.columns
        ])
        self.adopt(table, target.unionByName(rows))

    # -- dialect ----------------------------------------------------------------------------------------
    def distinct_list(self, expr: str) -> str:
        return f"array_sort(collect_set({expr}))"

    def json_text(self, expr: str, key: str) -> str:
        return f"get_json_object({expr}, '$.{key}')"

    def sha256_hex(self, expr: str) -> str:
        return f"sha2({expr}, 256)"

    def close(self) -> None:
        for name in list(self._tables):
            self.drop(name)


def _plain_type(t: pa.DataType) -> pa.DataType:
    """Arrow types Spark reads: no extension types, plain strings and lists, naive timestamps kept."""
    if isinstance(t, pa.ExtensionType):
        return _plain_type(t.storage_type)
    if pa.types.is_large_string(t) or pa.types.is_string_view(t):
        return pa.string()
    if pa.types.is_large_binary(t):
        return pa.binary()
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return pa.list_(_plain_type(t.value_type))
    if pa.types.is_unsigned_integer(t):
        return pa.int64()
    return t


def _plain_schema(schema: pa.Schema) -> pa.Schema:
    return pa.schema([pa.field(f.name, _plain_type(f.type)) for f in schema])


def _plain_table(table: pa.Table) -> pa.Table:
    schema = _plain_schema(table.schema)
    return table if schema.equals(table.schema) else table.cast(schema)
