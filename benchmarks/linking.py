"""Linking quality against the demo corpus's ground truth: phone-only baseline versus full linking.

For each corpus size a demo corpus (with images) is generated and analysed once; the link stage is then
re-run with each configuration (other settings rebuild the link tables from the stored ads):

* ``phone only``: shared phone numbers (the baseline);
* ``identifiers``: shared phones, emails, handles, payment ids;
* ``+ text``: identifiers and near-duplicate text;
* ``+ images``: identifiers and reused pictures;
* ``full``: identifiers, text and images (the default).

Metrics, over pairs of ads (a pair is positive when both ads come from one poster, a network or an
independent): pairwise precision, recall and F1, and the adjusted Rand index of the partition.  A second
table counts, for the full configuration, the links that join ads of different true posters, by kind: where
precision is lost.  Phone numbers repeat beyond ~10k ads in the demo corpus, so quality is measured at
10k ads and below.

    python benchmarks/linking.py                    # 2k and 10k ads
    python benchmarks/linking.py --sizes 2000 --record
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import replace
from math import comb
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import record_section  # noqa: E402


def truth(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("type") == "ad":
            out[f"{rec['source']}/{rec['id']}"] = rec["network"]
    return out


def pair_scores(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float, float]:
    """Pairwise precision, recall, F1 and the adjusted Rand index of ``pred`` against ``gold``."""
    from collections import Counter

    keys = list(gold)
    both = Counter((pred[k], gold[k]) for k in keys)
    tp = sum(comb(v, 2) for v in both.values())
    pp = sum(comb(v, 2) for v in Counter(pred[k] for k in keys).values())
    gp = sum(comb(v, 2) for v in Counter(gold[k] for k in keys).values())
    precision = tp / pp if pp else 1.0
    recall = tp / gp if gp else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    expected = pp * gp / comb(len(keys), 2)
    top = (pp + gp) / 2
    ari = (tp - expected) / (top - expected) if top != expected else 1.0
    return precision, recall, f1, ari


def configurations() -> dict[str, Any]:
    from unveil.link.identifiers import LinkSettings
    from unveil.pipeline import AnalyzeOptions

    base = AnalyzeOptions(progress=False)
    no_text = replace(base.text, enabled=False)
    no_images = replace(base.images, enabled=False)
    return {
        "phone only (baseline)": replace(base, link=LinkSettings(kinds=("phone",)), text=no_text, images=no_images),
        "identifiers": replace(base, text=no_text, images=no_images),
        "identifiers + text": replace(base, images=no_images),
        "identifiers + images": replace(base, text=no_text),
        "full (identifiers + text + images)": base,
    }


def relink(db: Path, opts: Any) -> tuple[dict[str, str], float, dict[str, Any]]:
    from unveil.pipeline import RunSummary, link_stages
    from unveil.store import Store

    with Store(db) as store:
        summary = RunSummary(run_id="bench-linking", db=str(db))
        t = time.perf_counter()
        link_stages(store, "bench-linking", opts, summary)
        secs = time.perf_counter() - t
        pred = {r["ad_key"]: r["network_id"] for r in store.rows("SELECT ad_key, network_id FROM network_members")}
    return pred, secs, summary.timings


def false_links(db: Path, gold: dict[str, str]) -> dict[str, tuple[int, int]]:
    from unveil.store import Store

    out: dict[str, list[int]] = {}
    with Store(db, read_only=True) as store:
        for r in store.rows("SELECT ad_a, ad_b, kind FROM links"):
            counts = out.setdefault(r["kind"], [0, 0])
            counts[1] += 1
            counts[0] += gold[r["ad_a"]] != gold[r["ad_b"]]
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--record", action="store_true", help="write the tables to docs/benchmarks.md")
    args = parser.parse_args()
    from unveil.demo.generator import generate_corpus
    from unveil.pipeline import analyze

    rows, diag, images = [], [], []
    with tempfile.TemporaryDirectory(prefix="unveil-linking-") as tmp:
        for n in args.sizes:
            corpus = generate_corpus(Path(tmp) / f"c{n}", n_ads=n, seed=args.seed, images=True, bad_records=False)
            gold = truth(corpus.truth_path)
            db = Path(tmp) / f"c{n}.duckdb"
            configs = configurations()
            full_opts = replace(configs["full (identifiers + text + images)"], workers=args.workers)
            t = time.perf_counter()
            summary = analyze([corpus.ads_path], db, options=full_opts)
            print(f"{n} ads analysed in {time.perf_counter() - t:.1f}s: {summary.timings}", file=sys.stderr)
            n_images = sum(1 for _ in corpus.out_dir.joinpath("images").iterdir())
            hash_secs = summary.timings.get("image_hashes", 0.0)
            images.append((n, n_images, hash_secs, args.workers))
            true_networks = sum(1 for c in _sizes(gold).values() if c > 1)
            for name, opts in configs.items():
                pred, secs, _timings = relink(db, replace(opts, workers=args.workers))
                p, r, f1, ari = pair_scores(pred, gold)
                found = sum(1 for c in _sizes(pred).values() if c > 1)
                rows.append((n, name, p, r, f1, ari, found, true_networks, secs))
                print(f"  {name}: P={p:.3f} R={r:.3f} F1={f1:.3f} ARI={ari:.3f} ({secs:.1f}s)", file=sys.stderr)
            diag.append((n, false_links(db, gold)))
    lines = [
        "| ads | linking | pair precision | pair recall | pair F1 | ARI | networks found (2+ ads) | true | "
        "link stage (s) |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, name, p, r, f1, ari, found, true_n, secs in rows:
        lines.append(f"| {n:,} | {name} | {p:.3f} | {r:.3f} | {f1:.3f} | {ari:.3f} | {found:,} | {true_n:,} | "
                     f"{secs:.1f} |")
    table = "\n".join(lines)
    diag_lines = ["| ads | links joining different true posters, by kind (wrong / all) |", "|---:|---|"]
    for n, counts in diag:
        diag_lines.append(f"| {n:,} | " + ", ".join(f"{k} {w:,}/{a:,}" for k, (w, a) in counts.items()) + " |")
    img_lines = ["| ads | image files | hashing (s) | images/s | workers |", "|---:|---:|---:|---:|---:|"]
    for n, n_img, secs, workers in images:
        img_lines.append(f"| {n:,} | {n_img:,} | {secs:.1f} | {n_img / secs if secs else 0:,.0f} | {workers} |")
    print(table + "\n\n" + "\n".join(diag_lines) + "\n\n" + "\n".join(img_lines))
    if args.record:
        how = (f"`python benchmarks/linking.py --sizes {' '.join(map(str, args.sizes))} --seed {args.seed}`: demo "
               "corpora with images and ground truth, analysed once, link stage re-run per configuration; pairwise "
               "scores over all pairs of ads, positive when both come from one true poster.")
        record_section("Linking quality", how, table + "\n\n" + "\n".join(diag_lines))
        record_section("Image hashing", "Decoding and PDQ-hashing the demo corpora's images during the runs above "
                       "(small 96x128 pictures; real photos cost more per image).", "\n".join(img_lines))
    return 0


def _sizes(labels: dict[str, str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in labels.values():
        out[v] = out.get(v, 0) + 1
    return out


if __name__ == "__main__":
    raise SystemExit(main())
