"""`unveil analyze --engine spark` through the command line: Parquet out, `networks --parquet` back in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from unveil.cli import main
from unveil.demo.generator import generate_corpus

pytestmark = pytest.mark.e2e


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 0
    return capsys.readouterr().out


def test_analyze_spark_out_and_networks_parquet(tmp_path: Path, spark_session: Any, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = generate_corpus(tmp_path / "c", n_ads=300, seed=4, images=False, bad_records=False)
    out = tmp_path / "out"
    summary = json.loads(_run(["analyze", str(corpus.ads_path), "--engine", "spark", "--master", "local[2]",
                               "--out", str(out), "-q"], capsys))
    assert summary["engine"] == "spark" and summary["out"] == str(out) and summary["ads_total"] == 300
    assert summary["report"] is None and not Path("unveil.duckdb").exists()
    for table in ("ads", "networks", "network_members", "links", "runs"):
        assert (out / table).is_dir(), table
    assert pq.read_table(out / "network_members").num_rows == 300
    from_parquet = _run(["networks", "--parquet", str(out), "--min-size", "1"], capsys)
    # The same corpus through the default engine lists the same networks.
    db = tmp_path / "d.duckdb"
    _run(["analyze", str(corpus.ads_path), "--db", str(db), "-q"], capsys)
    from_store = _run(["networks", "--db", str(db), "--min-size", "1"], capsys)
    assert from_parquet == from_store
    assert len(from_parquet.splitlines()) > 10


def test_analyze_spark_db_then_networks(tmp_path: Path, spark_session: Any,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    corpus = generate_corpus(tmp_path / "c", n_ads=120, seed=5, images=False, bad_records=False)
    db = tmp_path / "s.duckdb"
    summary = json.loads(_run(["analyze", str(corpus.ads_path), "--engine", "spark", "--db", str(db), "-q"], capsys))
    assert summary["db"] == str(db) and Path(summary["report"]).exists()
    listed = _run(["networks", "--db", str(db), "--format", "csv"], capsys)
    assert listed.startswith("network_id,ad_ids,size")
    # A Spark run builds a store from scratch: a store that holds ads is refused, untouched.
    assert main(["analyze", str(corpus.ads_path), "--engine", "spark", "--db", str(db), "-q"]) == 1
    assert "already holds ads" in capsys.readouterr().err


def test_spark_options_need_spark_engine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("", encoding="utf-8")
    assert main(["analyze", str(path), "--db", str(tmp_path / "x.duckdb"), "--out", str(tmp_path / "o")]) == 1
    assert "--engine spark" in capsys.readouterr().err


def test_missing_pyspark_message(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from unveil.engine.spark_pipeline.session import require_pyspark
    from unveil.errors import UnveilError

    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pyspark" or name.startswith("pyspark."):
            raise ImportError("No module named 'pyspark'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(UnveilError, match=r"pip install 'unveil\[spark\]'"):
        require_pyspark()
    from unveil.engine import open_engine

    with pytest.raises(UnveilError, match="Java 17"):
        open_engine("spark")
