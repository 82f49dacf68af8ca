"""Store schema versioning and migrations."""

from __future__ import annotations

import pytest

from unveil.engine.duckdb import DuckDBEngine
from unveil.errors import StoreError
from unveil.store import Store
from unveil.store import schema as store_schema


def test_new_store_is_at_the_latest_version(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        assert store.schema_version() == store_schema.LATEST_VERSION
        for table in ("ads", "entities", "indicators", "links", "networks", "network_members", "rejects", "runs"):
            assert store.engine.table_exists(table)


def test_old_store_is_migrated_in_place(tmp_path, monkeypatch):
    db = tmp_path / "old.duckdb"
    monkeypatch.setattr(store_schema, "MIGRATIONS", store_schema.MIGRATIONS[:1])
    monkeypatch.setattr("unveil.store.store.MIGRATIONS", store_schema.MIGRATIONS[:1])
    monkeypatch.setattr("unveil.store.store.LATEST_VERSION", 1)
    with Store(db) as store:
        assert store.schema_version() == 1
        store.engine.execute("INSERT INTO links VALUES ('a', 'b', 'phone', '+442079460001', 1.0)")
    monkeypatch.undo()
    with Store(db) as store:
        assert store.schema_version() == store_schema.LATEST_VERSION
        [row] = store.rows("SELECT * FROM links")
        assert row["ad_a"] == "a" and row["evidence"] is None  # data kept, new column added


def test_store_from_a_newer_unveil_is_refused(tmp_path):
    db = tmp_path / "new.duckdb"
    Store(db).close()
    engine = DuckDBEngine(db)
    engine.execute("INSERT INTO schema_migrations VALUES (999, 'future', NULL)")
    engine.close()
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_second_process_gets_a_clear_error(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "locked.duckdb"
    holder = Store(db)
    try:
        done = subprocess.run([sys.executable, "-m", "unveil", "networks", "--db", str(db)],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 1 and "one process" in done.stderr
    finally:
        holder.close()
