"""Time `unveil analyze` on generated corpora: wall time, ads/s and peak memory.

Each size is analysed by a fresh `unveil analyze` process into a fresh store,
`--repeat` times; the median wall time is reported, with the peak resident
memory of the analysing process. Results are printed as a Markdown table and,
with --record, appended to docs/benchmarks.md with the machine, date and commit.

    python benchmarks/analyze.py                 # 10k and 100k ads, 3 runs each
    python benchmarks/analyze.py --sizes 10000 --repeat 1
    python benchmarks/analyze.py --record
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import record_section  # noqa: E402


def write_corpus(path: Path, n_ads: int, seed: int) -> None:
    from unveil.demo.generator import iter_ads

    with path.open("w", encoding="utf-8") as fh:
        for ad in iter_ads(n_ads, seed, with_images=False):
            fh.write(json.dumps(ad, ensure_ascii=False) + "\n")


def run_once(corpus: Path, workdir: Path, extra: list[str]) -> tuple[float, int, dict]:
    """Wall seconds, peak RSS in KiB, and the run summary of one analyze process."""
    db = workdir / "bench.duckdb"
    for stale in workdir.glob("bench.duckdb*"):
        stale.unlink()
    # A wrapper process so RUSAGE_CHILDREN sees only this one analyze run.
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "wall = time.perf_counter() - t\n"
        "sys.stderr.write(p.stderr)\n"
        "print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)\n"
        "print(p.stdout)\n"
    )
    cmd = [sys.executable, "-c", wrapper, sys.executable, "-m", "unveil", "analyze", str(corpus),
           "--db", str(db), "-q", *extra]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    first, rest = out.stdout.split("\n", 1)
    wall, rss, rc = first.split()
    if rc != "0":
        raise SystemExit(f"analyze failed ({rc}): {out.stderr[-2000:]}")
    return float(wall), int(rss), json.loads(rest)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--record", action="store_true", help="append the results to docs/benchmarks.md")
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory(prefix="unveil-bench-") as tmp:
        work = Path(tmp)
        for n in args.sizes:
            corpus = work / f"ads-{n}.jsonl"
            t = time.perf_counter()
            write_corpus(corpus, n, args.seed)
            print(f"generated {n} ads in {time.perf_counter() - t:.1f}s", file=sys.stderr)
            walls, rsss, summary = [], [], {}
            for i in range(args.repeat):
                wall, rss, summary = run_once(corpus, work, ["--workers", str(args.workers)])
                walls.append(wall)
                rsss.append(rss)
                print(f"  {n} ads run {i + 1}: {wall:.2f}s, peak {rss / 1024:.0f} MiB", file=sys.stderr)
            med = statistics.median(walls)
            stages = {k: round(v, 2) for k, v in summary.get("timings", {}).items()}
            rows.append((n, med, min(walls), max(walls), n / med, max(rsss) / 1024, summary, stages))

    lines = [
        "| ads | workers | median wall (s) | min-max (s) | ads/s | peak RSS (MiB) | networks (2+ ads) "
        "| stage seconds (last run) |",
        "|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for n, med, lo, hi, rate, rss, summary, stages in rows:
        stage_text = ", ".join(f"{k} {v}" for k, v in stages.items() if k != "total")
        lines.append(
            f"| {n:,} | {args.workers} | {med:.2f} | {lo:.2f}-{hi:.2f} | {rate:,.0f} | {rss:,.0f} | "
            f"{summary.get('networks_multi_ad', 0):,} | {stage_text} |"
        )
    table = "\n".join(lines)
    print(table)
    if args.record:
        record_section(
            "unveil analyze, whole process",
            f"`python benchmarks/analyze.py --sizes {' '.join(map(str, args.sizes))} --repeat {args.repeat} "
            f"--workers {args.workers}`: generated demo-style corpora (no images), a fresh store per run, "
            f"median of {args.repeat} runs of the whole `unveil analyze` process, peak resident memory of "
            "that process.",
            table,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
