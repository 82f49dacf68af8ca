"""``extract_ad`` output must not drift: a golden file of every entity (value, offsets, text, attrs).

The golden file holds the inputs as well as the outputs, so it does not depend on the demo generator
staying byte-identical: 2,000 demo ads (``iter_ads(2000, seed=11)``) plus every text of the labelled
evaluation sets in ``tests/data`` and the benchmark's 600 generated obfuscated phones (each read as an ad
body with the case's country and language).

If extraction is changed on purpose, regenerate it and say why in the change:

    python tests/unit/test_extract_golden.py
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from unveil.extract import extract_ad

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
GOLDEN = DATA / "extract_golden.jsonl.gz"
AD_KEYS = ("title", "body", "url", "phone", "email", "country", "lang")
EVAL_FILES = (
    "extraction_eval_phones.jsonl",
    "extraction_eval_handles.jsonl",
    "extraction_eval_attributes.jsonl",
    "indicators_eval.jsonl",
)


def _inputs() -> list[dict[str, Any]]:
    from unveil.demo.generator import iter_ads

    ads = [{k: ad[k] for k in AD_KEYS if k in ad} for ad in iter_ads(2000, seed=11)]
    for name in EVAL_FILES:
        path = DATA / name
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            text = case.get("text")
            if not isinstance(text, str):
                continue
            ad = {"body": text, "country": case.get("country"), "lang": case.get("lang")}
            ads.append(ad | {k: case[k] for k in ("title", "city", "region", "url") if case.get(k) is not None})
    # the benchmark's generated obfuscated phones (inputs are stored, so the test does not import it)
    import importlib.util

    spec = importlib.util.spec_from_file_location("_bench_extraction", ROOT / "benchmarks" / "extraction.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    for case in bench.generated_phone_cases():
        ads.append({"body": case["text"], "country": case["country"], "lang": case["lang"]})
    return ads


def _dump(ad: dict[str, Any]) -> list[dict[str, Any]]:
    return [e.to_dict() for e in extract_ad(ad)]


def _canon(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, sort_keys=True, default=str)


def regenerate() -> int:
    records = [{"ad": ad, "entities": _dump(ad)} for ad in _inputs()]
    with gzip.open(GOLDEN, "wt", encoding="utf-8", compresslevel=9) as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True, default=str) + "\n")
    print(f"wrote {len(records)} records to {GOLDEN}")
    return 0


def _golden() -> list[dict[str, Any]]:
    with gzip.open(GOLDEN, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.mark.skipif(not GOLDEN.exists(), reason="golden file not generated")
def test_extract_ad_matches_golden() -> None:
    records = _golden()
    assert len(records) > 2000
    diffs = []
    for i, rec in enumerate(records):
        got = _canon(_dump(rec["ad"]))
        want = _canon(rec["entities"])
        if got != want:
            diffs.append(f"#{i} {rec['ad']}\n  want {want}\n  got  {got}")
    assert not diffs, f"{len(diffs)} ads differ from the golden output:\n" + "\n".join(diffs[:5])


if __name__ == "__main__":
    sys.exit(regenerate())
