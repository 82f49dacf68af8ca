"""The Spark engine in local mode versus DuckDB: wall time of `unveil analyze` on generated text ads.

For each size, ``iter_ads(n, seed, with_images=False)`` is written to JSONL once and analysed by fresh
processes into fresh stores:

* ``unveil analyze --engine duckdb --workers W`` (the default engine, W worker processes);
* ``unveil analyze --engine spark --master local[C]`` for each C in ``--spark-cores`` (1 and 2 by default):
  C executor cores, the whole pipeline in Spark, results copied into a DuckDB store at the end.

Reported per run: wall time of the process (JVM start included), ads/s, and from the JSON summary the
Spark start, ingest (read, validate, per-ad stages), link stage (links, networks, scores) and store-writing
seconds; then whether each Spark store holds exactly the DuckDB store's networks (members and ids).
``--repeats R`` runs each configuration R times and reports medians.

    python benchmarks/spark.py --sizes 100000 1000000 --record
    python benchmarks/spark.py --sizes 100000 --record          # what fits in a short session
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import record_section  # noqa: E402

TITLE = "Spark engine (local mode) versus DuckDB"


def write_ads(path: Path, n_ads: int, seed: int) -> None:
    from unveil.demo.generator import iter_ads

    with path.open("w", encoding="utf-8") as fh:
        for ad in iter_ads(n_ads, seed, with_images=False):
            fh.write(json.dumps(ad, ensure_ascii=False) + "\n")


def run(cmd: list[str]) -> tuple[float, dict[str, Any]]:
    t = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if out.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({out.returncode}): {out.stderr[-3000:]}")
    return wall, json.loads(out.stdout.strip().splitlines()[-1])


def networks(db: Path) -> dict[str, tuple[str, ...]]:
    from unveil.store import Store

    with Store(db, read_only=True) as store:
        rows = store.rows("SELECT network_id, list(ad_key ORDER BY ad_key) AS ads FROM network_members "
                          "GROUP BY network_id")
    return {r["network_id"]: tuple(r["ads"]) for r in rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--workers", type=int, default=2, help="DuckDB run: worker processes")
    parser.add_argument("--spark-cores", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--tmp", type=Path, default=None, help="working folder (default: a temporary one)")
    parser.add_argument("--record", action="store_true", help="write the table to docs/benchmarks.md")
    args = parser.parse_args()

    lines = ["| ads | engine | cores | wall (s) | ads/s | Spark start (s) | ingest (s) | link stage (s) | "
             "write store (s) | same networks as DuckDB |", "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    steps: list[str] = []
    unveil = [sys.executable, "-m", "unveil", "analyze", "-q"]
    title = f"{TITLE}, {', '.join(f'{n:,}' for n in args.sizes)} ads"

    def report(final: bool) -> None:
        """Print (at the end) and record the rows so far: a long run that is stopped keeps what it measured."""
        table = "\n".join(lines)
        step_table = "\n".join([
            "Seconds per link step (the same runs):",
            "",
            "| ads | engine | cores | identifiers | text | image hashes | images | hubs | networks | score |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
            *steps,
        ])
        if final:
            print(table + "\n\n" + step_table)
        if args.record:
            how = (f"`python benchmarks/spark.py --sizes {' '.join(map(str, args.sizes))}"
                   f"{f' --repeats {args.repeats}' if args.repeats > 1 else ''} --record`: one `unveil analyze` "
                   f"process per run into a fresh store (medians of {args.repeats} run(s)); DuckDB with "
                   f"`--workers {args.workers}`, Spark in local mode with "
                   f"{' and '.join(map(str, args.spark_cores))} executor core(s) (`--master local[N]`, results "
                   "copied into a DuckDB store). Text ads from `iter_ads`, no images."
                   + ("" if final else " Partial: the run was still going when this was written."))
            record_section(title, how, table + "\n\n" + step_table)

    with tempfile.TemporaryDirectory(prefix="unveil-spark-bench-", dir=args.tmp) as tmp:
        work = Path(tmp)
        for n in args.sizes:
            data = work / f"ads-{n}.jsonl"
            write_ads(data, n, args.seed)
            configs: list[tuple[str, int, list[str]]] = [("duckdb", args.workers, ["--workers", str(args.workers)])]
            configs += [("spark", c, ["--engine", "spark", "--master", f"local[{c}]"]) for c in args.spark_cores]
            reference: dict[str, tuple[str, ...]] | None = None
            for engine, cores, extra in configs:
                walls: list[float] = []
                summary: dict[str, Any] = {}
                same = "reference"
                for i in range(args.repeats):
                    db = work / f"{engine}-{cores}-{n}-{i}.duckdb"
                    wall, summary = run([*unveil, str(data), "--db", str(db), "--report", str(db) + ".html",
                                         *extra])
                    walls.append(wall)
                    print(f"{n:,} {engine} x{cores}: {wall:.1f}s", file=sys.stderr)
                    nets = networks(db)
                    if reference is None:
                        reference = nets
                    elif engine == "spark":
                        same = "yes" if nets == reference else "NO"
                    for f in db.parent.glob(db.name + "*"):
                        f.unlink()
                t = summary.get("timings", {})
                wall = statistics.median(walls)
                lines.append(
                    f"| {n:,} | {engine} | {cores} | {wall:.1f} | {n / wall:,.0f} | "
                    f"{t.get('spark_start', 0):.1f} | {t.get('ingest', 0):.1f} | {t.get('link_total', 0):.1f} | "
                    f"{t.get('write_store', 0):.1f} | {same} |"
                )
                keys = ("link_identifiers", "link_text", "image_hashes", "link_images", "link_hubs", "networks",
                        "score")
                steps.append(f"| {n:,} | {engine} | {cores} | "
                             + " | ".join(f"{t.get(k, 0):.1f}" for k in keys) + " |")
                report(final=False)
    report(final=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
