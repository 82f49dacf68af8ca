"""Engines run the cross-ad stages; this package alone imports database drivers."""

from __future__ import annotations

from typing import Any

from unveil.engine.base import Engine

__all__ = ["DuckDBEngine", "Engine", "open_engine"]


def __getattr__(name: str) -> Any:
    # Import drivers only when asked, so `import unveil` stays light.
    if name == "DuckDBEngine":
        from unveil.engine.duckdb import DuckDBEngine

        return DuckDBEngine
    raise AttributeError(name)


def open_engine(kind: str = "duckdb", **options: Any) -> Engine:
    """Build an engine by name (``duckdb``; ``spark`` arrives with the Spark extra)."""
    if kind == "duckdb":
        from unveil.engine.duckdb import DuckDBEngine

        return DuckDBEngine(**options)
    raise ValueError(f"unknown engine {kind!r}; available: duckdb")
