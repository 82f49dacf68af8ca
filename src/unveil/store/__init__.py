"""The persistent store (DuckDB file by default) and its schema."""

from unveil.store.store import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
