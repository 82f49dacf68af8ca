"""DuckDB and Spark runs of the same input give the same store: same networks (members and ids), links,
hubs, templates and scores.  The Spark session is the test session's one (tests/spark/conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from unveil.demo.generator import generate_corpus
from unveil.engine.spark_pipeline.run import analyze_spark
from unveil.indicators import load_rulebook
from unveil.pipeline import AnalyzeOptions, analyze
from unveil.store import Store

from conftest import snapshot

pytestmark = pytest.mark.e2e

# Link-stage tables compared besides the result tables (internal numbering included).
LINK_TABLES = ("link_ads", "text_segments", "text_signatures", "text_bands", "text_boilerplate", "text_pairs",
               "text_clusters", "templates", "image_hashes", "image_bands", "image_pairs", "pictures",
               "picture_stats", "network_ids_used")


def _networks(db: Path) -> dict[str, tuple[str, ...]]:
    with Store(db, read_only=True) as store:
        rows = store.rows("SELECT network_id, list(ad_key ORDER BY ad_key) AS ads FROM network_members "
                          "GROUP BY network_id")
    return {r["network_id"]: tuple(r["ads"]) for r in rows}


def _tables(db: Path, tables: tuple[str, ...]) -> dict[str, list[str]]:
    with Store(db, read_only=True) as store:
        return {t: sorted(json.dumps(r, sort_keys=True, default=str) for r in store.rows(f"SELECT * FROM {t}"))
                for t in tables}


def _both(tmp: Path, corpus: Path, spark_session: Any) -> tuple[Path, Path]:
    rules = load_rulebook()
    duck, spark = tmp / "duckdb.duckdb", tmp / "spark.duckdb"
    analyze([corpus], duck, options=AnalyzeOptions(progress=False, workers=2), rules=rules)
    summary = analyze_spark([corpus], db=spark, options=AnalyzeOptions(progress=False), rules=rules)
    assert summary.ads_total > 0
    return duck, spark


def _assert_same(duck: Path, spark: Path, min_multi: int) -> None:
    nets_d, nets_s = _networks(duck), _networks(spark)
    assert sum(1 for ads in nets_d.values() if len(ads) > 1) >= min_multi
    assert nets_s == nets_d  # same members under the same ids
    snap_d, snap_s = snapshot(duck), snapshot(spark)
    for table in snap_d:
        assert snap_s[table] == snap_d[table], f"{table} differs between DuckDB and Spark"
    assert _tables(spark, LINK_TABLES) == _tables(duck, LINK_TABLES)
    with Store(spark, read_only=True) as store:
        run = store.rows("SELECT engine, status FROM runs")
    assert run == [{"engine": "spark", "status": "completed"}]


def test_parity_with_images_and_rejects(tmp_path: Path, spark_session: Any) -> None:
    """Every kind of evidence (identifiers, text, pictures), hubs and rejected records, on a small corpus."""
    corpus = generate_corpus(tmp_path / "c", n_ads=400, seed=11, images=True, bad_records=True)
    duck, spark = _both(tmp_path, corpus.ads_path.parent, spark_session)
    _assert_same(duck, spark, min_multi=20)
    with Store(spark, read_only=True) as store:
        kinds = {r["kind"] for r in store.rows("SELECT DISTINCT kind FROM links")}
        assert {"phone", "text", "image"} <= kinds
        assert store.count("rejects") > 0


@pytest.mark.slow
def test_parity_20k_ads(tmp_path: Path, spark_session: Any) -> None:
    """20,000 generated ads: identical networks (members and ids) and every result table on both engines."""
    corpus = generate_corpus(tmp_path / "c", n_ads=20_000, seed=23, images=False, bad_records=True)
    duck, spark = _both(tmp_path, corpus.ads_path.parent, spark_session)
    _assert_same(duck, spark, min_multi=500)
