"""The engine interface: the only way cross-ad stages touch data.

Cross-ad stages (candidate links, connected components, network aggregation)
are written as SQL over named tables and run through an ``Engine``.  The SQL
sticks to what DuckDB and Spark SQL both accept; where they differ, the engine
supplies the piece (``create_table_as``) or a whole step
(``connected_components``).  Only the ``unveil.engine`` package imports a
database driver.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import pyarrow as pa


class Engine(ABC):
    """Runs SQL over named tables; moves data in and out as Arrow."""

    name: str = "abstract"

    @abstractmethod
    def register(self, name: str, table: pa.Table) -> None:
        """Make an Arrow table readable in SQL as ``name`` until unregistered."""

    @abstractmethod
    def unregister(self, name: str) -> None: ...

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        """Run a statement that returns nothing of interest."""

    @abstractmethod
    def query(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
        """Run a query and return its rows as an Arrow table."""

    @abstractmethod
    def table_exists(self, name: str) -> bool: ...

    @abstractmethod
    def create_table_as(self, name: str, select_sql: str) -> None:
        """Create (or replace) table ``name`` from a SELECT statement."""

    def distinct_list(self, expr: str) -> str:
        """SQL for the sorted list of distinct non-null values of ``expr`` in a group."""
        raise NotImplementedError(f"{self.name} engine does not define distinct_list")

    def json_text(self, expr: str, key: str) -> str:
        """SQL for the text of top-level ``key`` in the JSON object ``expr``."""
        raise NotImplementedError(f"{self.name} engine does not define json_text")

    def sha256_hex(self, expr: str) -> str:
        """SQL for the lower-case hex SHA-256 of the text ``expr`` (this default is DuckDB's spelling)."""
        return f"sha256({expr})"

    def drop(self, name: str) -> None:
        self.execute(f"DROP TABLE IF EXISTS {name}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing block; engines without transactions just run it."""
        yield

    def scalar(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        rows = self.query(sql, params).to_pylist()
        if not rows:
            return None
        return next(iter(rows[0].values()))

    def connected_components(self, edges: str, nodes: str, out: str) -> int:
        """Label each node of ``nodes(node)`` with the smallest node of its component.

        ``edges(a, b)`` is undirected.  Writes ``out(node, component)`` and
        returns the number of rounds.  The default is min-label propagation
        with pointer jumping in plain SQL, which both DuckDB and Spark run; it
        converges in a number of rounds that grows with the log of the
        component diameter on most graphs.
        """
        from unveil.engine.components import label_propagation

        return label_propagation(self, edges, nodes, out)

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release resources."""
