"""Engines run the cross-ad stages; this package alone imports database drivers."""

from __future__ import annotations

from typing import Any

from unveil.engine.base import Engine

__all__ = ["DuckDBEngine", "Engine", "SparkEngine", "open_engine"]


def __getattr__(name: str) -> Any:
    # Import drivers only when asked, so `import unveil` stays light.
    if name == "DuckDBEngine":
        from unveil.engine.duckdb import DuckDBEngine

        return DuckDBEngine
    if name == "SparkEngine":
        from unveil.engine.spark_pipeline.session import require_pyspark

        require_pyspark()
        from unveil.engine.spark import SparkEngine

        return SparkEngine
    raise AttributeError(name)


def open_engine(kind: str = "duckdb", **options: Any) -> Engine:
    """Build an engine by name: ``duckdb``, or ``spark`` (needs the ``spark`` extra and Java 17+).

    Raises:
        UnveilError: ``spark`` was asked for and pyspark is not installed (the message says how to install it).
    """
    if kind == "duckdb":
        from unveil.engine.duckdb import DuckDBEngine

        return DuckDBEngine(**options)
    if kind == "spark":
        from unveil.engine.spark_pipeline.session import require_pyspark

        require_pyspark()
        from unveil.engine.spark import SparkEngine

        return SparkEngine(**options)
    raise ValueError(f"unknown engine {kind!r}; available: duckdb, spark")
