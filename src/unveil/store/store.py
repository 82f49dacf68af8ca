"""The unveil store: one DuckDB file holding ads, evidence, links and networks.

All reads and writes of the persistent tables go through this class, which
talks to the database only through the engine interface.  Each ingest batch is
written in one transaction, so a run killed at any point leaves whole batches
only, and re-running it completes the work.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa

from unveil import __version__
from unveil.engine import Engine, open_engine
from unveil.errors import StoreError
from unveil.store.schema import LATEST_VERSION, MIGRATIONS

DEFAULT_DB = "unveil.duckdb"


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """Open (creating or migrating as needed) the store at ``path``."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, engine: Engine | None = None,
                 read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database; run `unveil analyze` first")
        self.engine = engine or open_engine("duckdb", path=self.path, read_only=read_only)
        if not read_only:
            self.migrate()
        else:
            self._check_version()

    # -- schema -----------------------------------------------------------
    def schema_version(self) -> int:
        if not self.engine.table_exists("schema_migrations"):
            return 0
        return int(self.engine.scalar("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations") or 0)

    def _check_version(self) -> int:
        version = self.schema_version()
        if version > LATEST_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this unveil ({__version__}) "
                f"understands ({LATEST_VERSION}); upgrade unveil"
            )
        return version

    def migrate(self) -> int:
        """Apply missing migrations; returns the number applied."""
        version = self._check_version()
        if not self.engine.table_exists("schema_migrations"):
            self.engine.execute(
                "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description VARCHAR, "
                "applied_at TIMESTAMP)"
            )
        applied = 0
        for number, description, statements in MIGRATIONS:
            if number <= version:
                continue
            with self.engine.transaction():
                for sql in statements:
                    self.engine.execute(sql)
                self.engine.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)", [number, description, utcnow()]
                )
            applied += 1
        return applied

    def close(self) -> None:
        self.engine.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- runs ---------------------------------------------------------------
    def begin_run(self, command: str, parameters: dict[str, Any], inputs: list[dict[str, Any]],
                  engine: str = "duckdb") -> str:
        run_id = utcnow().strftime("run-%Y%m%dT%H%M%S-") + uuid.uuid4().hex[:6]
        self.engine.execute(
            "INSERT INTO runs (run_id, command, started_at, status, tool_version, engine, parameters, inputs) "
            "VALUES (?, ?, ?, 'running', ?, ?, ?, ?)",
            [run_id, command, utcnow(), __version__, engine, json.dumps(parameters), json.dumps(inputs)],
        )
        return run_id

    def finish_run(self, run_id: str, status: str, counts: dict[str, Any], timings: dict[str, float]) -> None:
        self.engine.execute(
            "UPDATE runs SET finished_at = ?, status = ?, counts = ?, timings = ? WHERE run_id = ?",
            [utcnow(), status, json.dumps(counts), json.dumps(timings), run_id],
        )

    # -- ingest -------------------------------------------------------------
    def existing_hashes(self, keys: Sequence[str]) -> dict[str, tuple[str, str | None, int | None]]:
        """For keys already stored: ``key -> (content_hash, input_file, input_line)``."""
        if not keys:
            return {}
        self.engine.register("_probe_keys", pa.table({"ad_key": list(keys)}))
        try:
            rows = self.engine.query(
                "SELECT a.ad_key, a.content_hash, a.input_file, a.input_line "
                "FROM ads a JOIN _probe_keys k ON a.ad_key = k.ad_key"
            ).to_pylist()
        finally:
            self.engine.unregister("_probe_keys")
        return {r["ad_key"]: (r["content_hash"], r["input_file"], r["input_line"]) for r in rows}

    def write_batch(self, ads: pa.Table, entities: pa.Table, flags: pa.Table, rejects: pa.Table,
                    run_id: str) -> None:
        """Insert one batch of accepted ads with their evidence, and its rejects, atomically.

        ``ads`` holds only ads not stored yet (the ingest checks keys against the store and the run): a key
        already stored fails the batch instead of being dropped in silence, and the insert skips the
        conflict check that ``OR IGNORE`` costs (half the time of writing the ads).
        """
        now = utcnow()
        with self.engine.transaction():
            if ads.num_rows:
                self.engine.register("_b_ads", ads)
                self.engine.execute(
                    "INSERT INTO ads SELECT ad_key, source, id, title, body, url, posted_at, "
                    "posted_at_utc, city, region, country, phone, email, age, lang, images, content_hash, "
                    "input_file, input_line, ?, ? FROM _b_ads",
                    [run_id, now],
                )
                self.engine.unregister("_b_ads")
            if entities.num_rows:
                self.engine.register("_b_ent", entities)
                self.engine.execute(
                    'INSERT INTO entities SELECT ad_key, kind, value, field, start, "end", text, attrs FROM _b_ent'
                )
                self.engine.unregister("_b_ent")
            if flags.num_rows:
                self.engine.register("_b_flags", flags)
                self.engine.execute(
                    'INSERT INTO indicators SELECT ad_key, rule, category, grade, field, start, "end", text, '
                    "weight FROM _b_flags"
                )
                self.engine.unregister("_b_flags")
            if rejects.num_rows:
                self.engine.register("_b_rej", rejects)
                self.engine.execute(
                    "INSERT OR IGNORE INTO rejects SELECT input_file, input_sha256, line, reason, detail, source, "
                    "record_id, raw, ? FROM _b_rej",
                    [run_id],
                )
                self.engine.unregister("_b_rej")

    # -- reads --------------------------------------------------------------
    def count(self, table: str) -> int:
        return int(self.engine.scalar(f"SELECT COUNT(*) AS n FROM {table}") or 0)

    def rows(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        return self.engine.query(sql, params).to_pylist()
