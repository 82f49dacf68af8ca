"""Incremental analysis: new batches into an existing store give what one run over everything gives."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from unveil.demo.generator import generate_corpus
from unveil.link.state import get_state, set_state
from unveil.pipeline import AnalyzeOptions, analyze
from unveil.store import Store

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("inc")
    corpus = generate_corpus(root, n_ads=900, seed=5, images=True, bad_records=False)
    lines = corpus.ads_path.read_text(encoding="utf-8").splitlines()
    cuts = [0, 400, 650, 900]
    out = []
    for i in range(3):
        path = root / f"part{i}.jsonl"  # next to ads.jsonl, so image paths resolve the same way
        path.write_text("\n".join(lines[cuts[i] : cuts[i + 1]]) + "\n", encoding="utf-8")
        out.append(path)
    return out


def _state(db: Path) -> dict[str, Any]:
    """Results that must not depend on how the ads were batched (network ids may: they persist)."""
    with Store(db, read_only=True) as store:
        members = store.rows("SELECT network_id, list(ad_key ORDER BY ad_key) AS ads FROM network_members "
                             "GROUP BY network_id")
        by_id = {r["network_id"]: tuple(r["ads"]) for r in members}
        nets = store.rows("SELECT network_id, size, risk, reasons, identifiers, features FROM networks")
        return {
            "partition": sorted(by_id.values()),
            "networks": sorted((by_id[r["network_id"]], r["size"], r["risk"], r["reasons"], r["identifiers"],
                                r["features"]) for r in nets),
            "links": sorted(tuple(r.values()) for r in store.rows("SELECT * FROM links")),
            "hubs": sorted(tuple(r.values()) for r in store.rows("SELECT * FROM hub_identifiers")),
            "templates": sorted(tuple(r.values()) for r in store.rows(
                "SELECT template_id, ads, co_phones, hub, medoid, text FROM templates")),
        }


OPTS = AnalyzeOptions(progress=False)


@pytest.fixture(scope="module")
def full(parts: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("full") / "full.duckdb"
    analyze(parts, db, options=OPTS)
    return _state(db)


def test_batches_give_the_same_networks_links_hubs_and_scores(parts, full, tmp_path):
    db = tmp_path / "inc.duckdb"
    for i in range(len(parts)):
        analyze(parts[: i + 1], db, options=OPTS)
        with Store(db, read_only=True) as store:
            counts = json.loads(get_state(store.engine, "last_counts") or "{}")
        assert counts["link_rebuild"] is (i == 0)
    got = _state(db)
    for key in full:
        assert got[key] == full[key], key
    assert len(full["links"]) > 500 and {row[2] for row in full["links"]} >= {"phone", "text", "image"}


def test_ids_persist_and_merges_are_recorded(parts, tmp_path):
    db = tmp_path / "ids.duckdb"
    analyze(parts[:1], db, options=OPTS)
    with Store(db, read_only=True) as store:
        before = {r["network_id"]: set(r["ads"]) for r in store.rows(
            "SELECT network_id, list(ad_key) AS ads FROM network_members GROUP BY network_id")}
    analyze(parts[:2], db, options=OPTS)
    with Store(db, read_only=True) as store:
        after = {r["network_id"]: set(r["ads"]) for r in store.rows(
            "SELECT network_id, list(ad_key) AS ads FROM network_members GROUP BY network_id")}
        events = {r["event"] for r in store.rows("SELECT DISTINCT event FROM network_lineage")}
    grown = [nid for nid, ads in before.items() if len(ads) > 1 and any(ads < other for other in after.values())]
    assert grown and all(nid in after and before[nid] < after[nid] for nid in grown)
    assert "grew" in events


def _last_counts(db: Path) -> dict[str, Any]:
    with Store(db, read_only=True) as store:
        return dict(json.loads(get_state(store.engine, "last_counts") or "{}"))


def test_other_settings_rebuild_and_an_interrupted_link_stage_is_redone(parts, full, tmp_path):
    db = tmp_path / "redo.duckdb"
    analyze(parts, db, options=replace(OPTS, text=replace(OPTS.text, threshold=0.8)))
    analyze(parts, db, options=OPTS)  # other settings: every link table is rebuilt
    assert _last_counts(db)["link_rebuild"] is True
    assert _state(db)["links"] == full["links"]
    with Store(db) as store:
        set_state(store.engine, "status", "running")  # as if killed in the middle of the link stage
        store.engine.execute("DELETE FROM links WHERE kind = 'image'")
    analyze(parts, db, options=OPTS)
    assert _last_counts(db)["link_rebuild"] is True
    got = _state(db)
    assert got["links"] == full["links"] and got["partition"] == full["partition"]
