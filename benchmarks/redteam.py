"""Red-team rounds: cases written against docs/extraction.md, outside the labelled evaluation.

Each round in ``benchmarks/redteam/roundNN.jsonl.gz`` was written by a tester who read only the extraction
contract, around one theme (ads with missing metadata, hidden contacts, personas, whole ads ...), with
synthetic, non-explicit data and phone numbers from the ranges reserved for fiction.  A case lists, per
kind, the exact values the contract asks for (an empty list: none of that kind), a note, and whether the
contract is silent on it (``ambiguous``).  Cases that fail are kept: they are the open questions and the
known misses, and the pass count of each round is a regression check, recorded in docs/benchmarks.md.

    python benchmarks/redteam.py              # pass counts per round
    python benchmarks/redteam.py --failures   # and every failing case, with what was expected and found
    python benchmarks/redteam.py --round 83   # one round
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

from unveil.extract import extract_batch

ROUNDS = Path(__file__).with_name("redteam")


def found_values(entities: list[Any], kind: str) -> set[str]:
    """The values of ``kind`` among one ad's entities; prices are rates unless the kind is ``price_fee``."""
    if kind == "price_fee":
        return {e.value for e in entities if e.kind == "price" and e.attrs.get("fee")}
    return {e.value for e in entities if e.kind == kind and not (kind == "price" and e.attrs.get("fee"))}


def run_round(path: Path) -> list[dict[str, Any]]:
    """Every case of a round with its differences from what the contract asks (empty when it passes)."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    ads = [{"id": c["id"], **c["ad"]} for c in cases]
    out = []
    for case, entities in zip(cases, extract_batch(ads), strict=True):
        diffs = {}
        for kind, want in case["expect"].items():
            got = found_values(entities, kind)
            if got != set(want):
                diffs[kind] = {"want": sorted(want), "got": sorted(got)}
        out.append({"id": case["id"], "ambiguous": bool(case.get("ambiguous")), "note": case.get("note", ""),
                    "diffs": diffs})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--failures", action="store_true", help="list every failing case")
    parser.add_argument("--round", type=int, help="run only this round")
    args = parser.parse_args(argv)
    paths = sorted(ROUNDS.glob("round*.jsonl.gz"), key=lambda p: int(p.name[5:].split(".")[0]))  # round100 last
    if args.round is not None:
        paths = [p for p in paths if p.name == f"round{args.round}.jsonl.gz"]
        if not paths:
            print(f"no round {args.round} in {ROUNDS}", file=sys.stderr)
            return 2
    print("| round | cases | pass | fail (contract clear) | fail (ambiguous) |")
    print("|---|---|---|---|---|")
    failures = []
    for path in paths:
        results = run_round(path)
        failed = [r for r in results if r["diffs"]]
        clear = sum(not r["ambiguous"] for r in failed)
        name = path.name.removesuffix(".jsonl.gz")
        print(f"| {name} | {len(results)} | {len(results) - len(failed)} | {clear} | {len(failed) - clear} |")
        failures += failed
    if args.failures:
        for r in failures:
            mark = "[ambiguous] " if r["ambiguous"] else ""
            print(f"{mark}{r['id']} {json.dumps(r['diffs'], ensure_ascii=False)} | {r['note']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
