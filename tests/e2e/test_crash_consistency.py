"""A run killed with SIGKILL part-way leaves a consistent store; re-running completes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from unveil.store import Store

from conftest import simple_ads, snapshot, write_jsonl

pytestmark = pytest.mark.e2e


def _analyze(inputs: list[Path], db: Path, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "unveil", "analyze", *map(str, inputs), "--db", str(db), "--batch-size", "100", "-q"],
        capture_output=True, text=True, env=env, timeout=300,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("crash")
    ads = simple_ads(1200, networks=20)
    bad = ["{broken", {"id": 7, "body": "x"}]
    a = write_jsonl(root / "a.jsonl", ads[:700] + bad)
    b = write_jsonl(root / "b.jsonl", [*ads[700:], {**ads[0], "body": "changed"}])
    return [a, b]


@pytest.fixture(scope="module")
def reference(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    done = _analyze(corpus, db)
    assert done.returncode == 0, done.stderr
    return snapshot(db)


def test_kill_after_some_batches_then_rerun(corpus, reference, tmp_path):
    db = tmp_path / "t.duckdb"
    killed = _analyze(corpus, db, {"UNVEIL_FAULT_KILL_AFTER_BATCHES": "5"})
    assert killed.returncode == -signal.SIGKILL
    with Store(db, read_only=True) as store:
        stored = store.count("ads")
        assert 0 < stored < 1200
        # Whole batches only: every stored ad has its entities.
        orphans = store.rows("SELECT COUNT(*) AS n FROM ads a WHERE NOT EXISTS "
                             "(SELECT 1 FROM entities e WHERE e.ad_key = a.ad_key)")[0]["n"]
        assert orphans == 0
        [run] = store.rows("SELECT status FROM runs")
        assert run["status"] == "running"  # the killed run is visible as never finished
    rerun = _analyze(corpus, db)
    assert rerun.returncode == 0, rerun.stderr
    assert snapshot(db) == reference


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.8, 1.6])
def test_kill_at_an_arbitrary_moment_then_rerun(corpus, reference, tmp_path, delay):
    db = tmp_path / "t.duckdb"
    proc = subprocess.Popen(
        [sys.executable, "-m", "unveil", "analyze", *map(str, corpus), "--db", str(db), "--batch-size", "50", "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    rerun = _analyze(corpus, db)
    assert rerun.returncode == 0, rerun.stderr
    assert snapshot(db) == reference


def test_worker_processes_give_the_same_tables(corpus, reference, tmp_path):
    db = tmp_path / "w.duckdb"
    env = {**os.environ}
    done = subprocess.run(
        [sys.executable, "-m", "unveil", "analyze", *map(str, corpus), "--db", str(db), "--batch-size", "100",
         "--workers", "2", "-q"], capture_output=True, text=True, env=env, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert snapshot(db) == reference
