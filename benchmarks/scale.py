"""Scale of `unveil analyze` (whole process) on generated text ads, with the link stage reported apart.

* For each size, ads from ``iter_ads(n, seed, with_images=False)`` are written to JSONL and analysed by a
  fresh ``unveil analyze`` process into a fresh store: wall time, ads/s and peak resident memory of the
  process, and from its JSON summary the ingest time (per-ad extraction and indicators, which other work
  extends) and the link-stage time (identifiers, text, images, networks, scores).
* ``--images N``: a demo corpus of N ads with images is analysed to measure image hashing (images/s).
* ``--incremental-check N``: ``iter_ads(N + 10000)`` is split into the first N ads and 10,000 new ones;
  the N are analysed, then the new batch is analysed into (a copy of) that store, and everything is
  re-analysed from scratch into a fresh store.  Reported: both wall times, the speed-up, and whether the
  two stores hold the same networks (same partition of the ads).  When N is also in ``--sizes`` the base
  run doubles as that size's measurement.

Targets (2-core machine): 1M ads within 10 minutes and 6 GiB, growth close to linear; the incremental run
at least 20x faster than re-analysing everything, with the same networks.

    python benchmarks/scale.py --sizes 10000 100000 1000000 --images 10000 --incremental-check 1000000
    python benchmarks/scale.py --sizes 10000 --incremental-check 100000 --record
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import record_section  # noqa: E402

NEW_ADS = 10_000
LINK_KEYS = ("link_prepare", "link_identifiers", "link_text", "image_hashes", "link_images", "link_hubs",
             "networks", "score")

WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "wall = time.perf_counter() - t\n"
    "sys.stderr.write(p.stderr[-4000:])\n"
    "print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)\n"
    "print(p.stdout)\n"
)


def write_ads(path: Path, n_ads: int, seed: int, skip: int = 0, total: int | None = None) -> None:
    """Ads ``skip .. skip + n_ads`` of ``iter_ads(total or n_ads, seed)`` as JSONL."""
    from unveil.demo.generator import iter_ads

    with path.open("w", encoding="utf-8") as fh:
        for i, ad in enumerate(iter_ads(total or n_ads, seed, with_images=False)):
            if i >= skip + n_ads:
                break
            if i >= skip:
                fh.write(json.dumps(ad, ensure_ascii=False) + "\n")


def analyze(paths: list[Path], db: Path, workers: int) -> tuple[float, int, dict[str, Any]]:
    """Wall seconds, peak RSS (KiB) and JSON summary of one ``unveil analyze`` process."""
    cmd = [sys.executable, "-c", WRAPPER, sys.executable, "-m", "unveil", "analyze", *map(str, paths), "--db",
           str(db), "-q", "--workers", str(workers), "--report", str(db) + ".html"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    first, rest = out.stdout.split("\n", 1)
    wall, rss, rc = first.split()
    if rc != "0":
        raise SystemExit(f"analyze failed ({rc}): {out.stderr[-3000:]}")
    return float(wall), int(rss), json.loads(rest)


def partition(db: Path) -> list[tuple[str, ...]]:
    from unveil.store import Store

    with Store(db, read_only=True) as store:
        rows = store.rows("SELECT list(ad_key ORDER BY ad_key) AS ads FROM network_members GROUP BY network_id")
    return sorted(tuple(r["ads"]) for r in rows)


def link_seconds(summary: dict[str, Any]) -> float:
    timings = summary.get("timings", {})
    return float(timings.get("link_total", sum(timings.get(k, 0.0) for k in LINK_KEYS)))


def size_row(n: int, wall: float, rss: int, summary: dict[str, Any]) -> str:
    t = summary.get("timings", {})
    link = link_seconds(summary)
    steps = ", ".join(f"{k.removeprefix('link_')} {t[k]:.1f}" for k in LINK_KEYS if k in t)
    return (f"| {n:,} | {wall:.1f} | {n / wall:,.0f} | {rss / 1024:,.0f} | {t.get('ingest', 0):.1f} | {link:.1f} | "
            f"{n / link if link else 0:,.0f} | {summary.get('networks_multi_ad', 0):,} | {steps} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--images", type=int, default=0, help="ads of a demo corpus with images to hash")
    parser.add_argument("--incremental-check", type=int, default=0, metavar="N",
                        help="base size for the incremental run of 10,000 new ads (0: skip)")
    parser.add_argument("--tmp", type=Path, default=None, help="working folder (default: a temporary one)")
    parser.add_argument("--record", action="store_true", help="write the tables to docs/benchmarks.md")
    parser.add_argument("--section", default="", help="record under 'Scale: ..., SECTION' instead of replacing the "
                        "main section (a partial re-run keeps the full one)")
    args = parser.parse_args()

    size_lines = ["| ads | wall (s) | ads/s | peak RSS (MiB) | ingest (s) | link stage (s) | link ads/s | "
                  "networks (2+ ads) | link steps (s) |", "|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    extra: list[str] = []
    with tempfile.TemporaryDirectory(prefix="unveil-scale-", dir=args.tmp) as tmp:
        work = Path(tmp)
        base_n = args.incremental_check
        base_result: tuple[float, int, dict[str, Any]] | None = None
        if base_n:
            total = base_n + NEW_ADS
            base, new = work / f"base-{base_n}.jsonl", work / "new.jsonl"
            t = time.perf_counter()
            write_ads(base, base_n, args.seed, total=total)
            write_ads(new, NEW_ADS, args.seed, skip=base_n, total=total)
            print(f"wrote {total:,} ads in {time.perf_counter() - t:.0f}s", file=sys.stderr)
            base_db = work / "base.duckdb"
            base_result = analyze([base], base_db, args.workers)
            print(f"base {base_n:,}: {base_result[0]:.0f}s", file=sys.stderr)
            inc_db = work / "inc.duckdb"
            shutil.copy(base_db, inc_db)
            inc = analyze([new], inc_db, args.workers)
            print(f"incremental: {inc[0]:.1f}s", file=sys.stderr)
            base_db.unlink()
            full_db = work / "full.duckdb"
            full = analyze([base, new], full_db, args.workers)
            print(f"full re-analysis: {full[0]:.0f}s", file=sys.stderr)
            same = partition(inc_db) == partition(full_db)
            extra.append("\n".join([
                "| base ads | new ads | re-analyse all (s) | incremental (s) | speed-up | link stage: all (s) | "
                "link stage: incremental (s) | link speed-up | peak RSS incremental (MiB) | same networks |",
                "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
                f"| {base_n:,} | {NEW_ADS:,} | {full[0]:.1f} | {inc[0]:.1f} | {full[0] / inc[0]:.1f}x | "
                f"{link_seconds(full[2]):.1f} | {link_seconds(inc[2]):.1f} | "
                f"{link_seconds(full[2]) / max(link_seconds(inc[2]), 1e-9):.1f}x | {inc[1] / 1024:,.0f} | "
                f"{'yes' if same else 'NO'} |",
            ]))
            for f in (inc_db, full_db, base, new):
                f.unlink(missing_ok=True)
        for n in args.sizes:
            if base_result is not None and n == base_n:
                size_lines.append(size_row(n, *base_result))
                continue
            corpus = work / f"ads-{n}.jsonl"
            write_ads(corpus, n, args.seed)
            db = work / f"s{n}.duckdb"
            wall, rss, summary = analyze([corpus], db, args.workers)
            print(f"{n:,} ads: {wall:.1f}s, {rss / 1024:.0f} MiB", file=sys.stderr)
            size_lines.append(size_row(n, wall, rss, summary))
            db.unlink()
            corpus.unlink()
        if args.images:
            from unveil.demo.generator import generate_corpus

            corpus_dir = work / "images"
            c = generate_corpus(corpus_dir, n_ads=args.images, seed=args.seed, images=True, bad_records=False)
            _wall, _rss, summary = analyze([c.ads_path], work / "img.duckdb", args.workers)
            secs = summary["timings"].get("image_hashes", 0.0)
            extra.append("\n".join([
                "| ads | image files | hashing (s) | images/s | workers |", "|---:|---:|---:|---:|---:|",
                f"| {args.images:,} | {c.n_images:,} | {secs:.1f} | {c.n_images / secs if secs else 0:,.0f} | "
                f"{args.workers} |",
            ]))
    table = "\n".join(size_lines)
    print(table)
    for block in extra:
        print("\n" + block)
    if args.record:
        how = (f"`python benchmarks/scale.py --sizes {' '.join(map(str, args.sizes))} --workers {args.workers}"
               f"{f' --images {args.images}' if args.images else ''}"
               f"{f' --incremental-check {args.incremental_check}' if args.incremental_check else ''}"
               f"{f' --section {args.section!r}' if args.section else ''}`: one "
               "`unveil analyze` process per run into a fresh store; ingest and link-stage seconds from its "
               "JSON summary; peak resident memory of the largest process.")
        title = "Scale: unveil analyze with linking" + (f", {args.section}" if args.section else "")
        record_section(title, how, "\n\n".join([table, *extra]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
