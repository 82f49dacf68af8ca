"""The indicator evaluation sets are well-formed: unique ids, known languages and categories, enough of each."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
TARGETS = ("minor_risk", "third_party_control", "multiple_persons", "movement")
LANGS = {"en", "fr", "es", "de", "it", "nl"}


@pytest.mark.parametrize("name", ["indicators_eval.jsonl", "indicators_heldout_dev.jsonl",
                                  "indicators_heldout_test.jsonl"])
def test_eval_set_is_well_formed(name: str) -> None:
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = Counter(r["id"] for r in rows)
    assert not [i for i, n in ids.items() if n > 1]
    assert {r["lang"] for r in rows} == LANGS
    positives = Counter(c for r in rows for c in r["categories"])
    for cat in TARGETS:
        assert positives[cat] >= 30, (name, cat)
    negatives = sum(1 for r in rows if not r["categories"])
    assert negatives >= len(rows) // 5, "hard negatives keep precision honest"
    assert all(isinstance(r["text"], str) and r["text"].strip() for r in rows)


def test_heldout_sets_do_not_share_phrasing() -> None:
    """The test set is only measured, never tuned on: no 5-word run of it may appear in the dev set."""
    def grams(name: str) -> set[tuple[str, ...]]:
        out: set[tuple[str, ...]] = set()
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                words = json.loads(line)["text"].lower().split()
                out.update(tuple(words[i:i + 5]) for i in range(len(words) - 4))
        return out

    assert not grams("indicators_heldout_dev.jsonl") & grams("indicators_heldout_test.jsonl")
