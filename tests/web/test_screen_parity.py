"""Screening an ad scores it exactly as the store scores the same ad when it is a network of one."""

from __future__ import annotations

import json
from typing import Any

from unveil.store import Store
from unveil.web.rules import load_rules
from unveil.web.screen import screen
from unveil.web.screen_index import _build

from .conftest import Corpus


def _records(corpus: Corpus) -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted(p for p in corpus.corpus_dir.glob("*.jsonl") if p.name != "ground_truth.jsonl"):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(rec, dict) and "id" in rec:
                out[f"{rec.get('source') or path.stem}/{rec['id']}"] = rec
    return out


def test_screen_score_equals_the_stored_score_of_a_network_of_one(demo_corpus: Corpus, tmp_path: Any) -> None:
    db = tmp_path / "copy.duckdb"
    db.write_bytes(demo_corpus.db.read_bytes())
    with Store(db) as store:
        singles = store.rows(
            "SELECT m.ad_key, n.risk, n.reasons FROM networks n JOIN network_members m USING (network_id) "
            "WHERE n.size = 1 ORDER BY m.ad_key"
        )
        snap = _build(store)
    records = _records(demo_corpus)
    rules = load_rules()
    compared, with_features = 0, set()
    for row in singles:
        record = records.get(row["ad_key"])
        if record is None:
            continue
        out = screen(record, rules, snap)
        assert out["ad_key"] == row["ad_key"]
        stored = json.loads(row["reasons"]) if isinstance(row["reasons"], str) else row["reasons"]
        assert out["score"] == row["risk"], row["ad_key"]
        assert out["reasons"] == stored, row["ad_key"]
        with_features.update(r["feature"] for r in out["reasons"])
        compared += 1
    assert compared >= 20
    # the comparison covers the features a single ad can carry, not only empty scores
    assert {"obfuscation_rate", "personas"} & with_features, with_features
