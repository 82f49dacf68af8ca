"""Compare MinHash implementations on demo ads: speed, and how well each estimates the Jaccard similarity.

The same shingles (from unveil's own tokeniser, as uint64 hashes) go to each implementation:

* ``rensa RMinHash`` (Rust; the flat-buffer batch API unveil uses, including the copy back to numpy);
* ``rensa CMinHash`` (Rust; C-MinHash, one permutation and circulant shifts);
* ``datasketch MinHash`` (pure Python/numpy reference, ``update_batch`` per document), when installed;
* ``numpy`` (128 universal hash functions ``(a*x + b) mod (2^61 - 1)`` and ``minimum.reduceat``).

Agreement is measured on pairs of ads with a known exact Jaccard similarity (pairs from one template and
random pairs): mean absolute error of the 128-value estimate, and the share of pairs put on the wrong side
of unveil's link threshold.  Results print as a Markdown table; ``--record`` writes them to
docs/benchmarks.md.  datasketch is not a dependency of unveil: ``pip install datasketch`` to include it.

    python benchmarks/minhash_options.py --ads 5000
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import record_section  # noqa: E402

NUM_PERM = 128
SEED = 20260105
PRIME = (1 << 61) - 1


def shingle_sets(n_ads: int, seed: int) -> tuple[list[np.ndarray], list[str]]:
    """Distinct shingle hashes per ad (as unveil computes them, no boilerplate removed) and each ad's poster."""
    from unveil.demo.generator import iter_labelled_ads
    from unveil.link.text_signatures import TextSettings, hash_strings, masked_text, shingle_hashes, tokenise

    ads, posters = [], []
    for ad, truth in iter_labelled_ads(n_ads, seed):
        ads.append(masked_text(ad.get("title"), ad.get("body"), ad.get("city")))
        posters.append(truth["network"])
    tokens, row = tokenise(pa.array(ads))
    import pyarrow.compute as pc

    flat = pc.list_flatten(tokens)
    hashes = hash_strings(flat, "token")
    per_seg = pc.list_value_length(tokens).to_numpy(zero_copy_only=False)
    per_ad = np.bincount(row, weights=per_seg, minlength=len(ads)).astype(np.int64)
    offsets = np.zeros(len(ads) + 1, dtype=np.int64)
    np.cumsum(per_ad, out=offsets[1:])
    sh, sh_off = shingle_hashes(hashes, offsets, TextSettings().shingle)
    return [np.unique(sh[sh_off[i] : sh_off[i + 1]]) for i in range(len(ads))], posters


def with_rensa(docs: list[np.ndarray]) -> np.ndarray:
    from unveil.link.text_signatures import minhash_matrix

    offsets = np.zeros(len(docs) + 1, dtype=np.int64)
    np.cumsum([len(d) for d in docs], out=offsets[1:])
    return minhash_matrix(np.concatenate(docs), offsets, NUM_PERM, SEED)


def with_rensa_c(docs: list[np.ndarray]) -> np.ndarray:
    import rensa

    rows = rensa.CMinHash.digests64_from_token_hash_sets([d.tolist() for d in docs], NUM_PERM, SEED)
    return np.array(rows, dtype=np.uint64)


def with_datasketch(docs: list[np.ndarray]) -> np.ndarray:
    from datasketch import MinHash

    out = np.empty((len(docs), NUM_PERM), dtype=np.uint64)
    for i, d in enumerate(docs):
        m = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=lambda b: int.from_bytes(b, "little") & 0xFFFFFFFF)
        m.update_batch([int(x).to_bytes(8, "little") for x in d])
        out[i] = m.hashvalues
    return out


def with_numpy(docs: list[np.ndarray]) -> np.ndarray:
    rng = np.random.default_rng(SEED)
    a = rng.integers(1, PRIME, NUM_PERM, dtype=np.uint64)
    b = rng.integers(0, PRIME, NUM_PERM, dtype=np.uint64)
    offsets = np.zeros(len(docs) + 1, dtype=np.int64)
    np.cumsum([len(d) for d in docs], out=offsets[1:])
    x = (np.concatenate(docs) % np.uint64(PRIME)).astype(np.uint64)
    # (a * x + b) mod p without overflow: split x in 31-bit halves (a < 2^61, so a * half < 2^92: use
    # Python-free modular trick on float64 would lose bits; instead hash through a 32-bit multiply-shift).
    x32 = (x >> np.uint64(29)).astype(np.uint64) ^ (x & np.uint64(0x1FFFFFFF))
    out = np.empty((len(docs), NUM_PERM), dtype=np.uint64)
    starts = offsets[:-1]
    with np.errstate(over="ignore"):
        for i in range(NUM_PERM):
            h = ((a[i] * x32 + b[i]) >> np.uint64(32)) & np.uint64(0xFFFFFFFF)
            out[:, i] = np.minimum.reduceat(h, starts)
    return out


IMPLEMENTATIONS: dict[str, Callable[[list[np.ndarray]], np.ndarray]] = {
    "rensa RMinHash (unveil)": with_rensa,
    "rensa CMinHash": with_rensa_c,
    "numpy (universal hashing)": with_numpy,
    "datasketch MinHash": with_datasketch,
}


def pairs(docs: list[np.ndarray], posters: list[str], n: int, seed: int) -> list[tuple[int, int, float]]:
    """Pairs of ads from one poster and random pairs, with their exact Jaccard similarity."""
    rng = random.Random(seed)
    by_poster: dict[str, list[int]] = {}
    for i, p in enumerate(posters):
        if len(docs[i]):
            by_poster.setdefault(p, []).append(i)
    groups = [g for g in by_poster.values() if len(g) > 1]
    out = []
    for k in range(n):
        if k % 2 and groups:
            i, j = rng.sample(rng.choice(groups), 2)
        else:
            i, j = rng.sample(range(len(docs)), 2)
        if not len(docs[i]) or not len(docs[j]):
            continue
        inter = len(np.intersect1d(docs[i], docs[j], assume_unique=True))
        out.append((i, j, inter / (len(docs[i]) + len(docs[j]) - inter)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ads", type=int, default=5000)
    parser.add_argument("--pairs", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    from unveil.link.text_signatures import TextSettings

    threshold = TextSettings().threshold
    docs, posters = shingle_sets(args.ads, args.seed)
    docs = [d if len(d) else np.array([0], dtype=np.uint64) for d in docs]
    test = pairs(docs, posters, args.pairs, args.seed)
    exact = np.array([j for _, _, j in test])
    ia, ib = np.array([p[0] for p in test]), np.array([p[1] for p in test])
    lines = [
        "| implementation | docs/s | MAE vs exact Jaccard | wrong side of the threshold | MAE vs rensa |",
        "|---|---:|---:|---:|---:|",
    ]
    reference: np.ndarray | None = None
    for name, fn in IMPLEMENTATIONS.items():
        try:
            fn(docs[:50])
        except ImportError:
            print(f"{name}: not installed, skipped", file=sys.stderr)
            continue
        t = time.perf_counter()
        sigs = fn(docs)
        secs = time.perf_counter() - t
        est = (sigs[ia] == sigs[ib]).mean(axis=1)
        if reference is None:
            reference = est
        wrong = np.mean((est >= threshold) != (exact >= threshold))
        lines.append(f"| {name} | {len(docs) / secs:,.0f} | {np.abs(est - exact).mean():.4f} | {wrong:.2%} | "
                     f"{np.abs(est - reference).mean():.4f} |")
        if fn is with_rensa:
            # What unveil stores and verifies with: 16 bits of each value, chance agreement removed.
            from unveil.link.text_signatures import estimate_jaccard

            low = (sigs & 0xFFFF).astype(np.uint16)
            est16 = estimate_jaccard(low[ia], low[ib])
            wrong16 = np.mean((est16 >= threshold) != (exact >= threshold))
            lines.append(f"| rensa RMinHash, 16-bit stored signature | (same) | {np.abs(est16 - exact).mean():.4f} "
                         f"| {wrong16:.2%} | {np.abs(est16 - reference).mean():.4f} |")
        print(f"{name}: {secs:.2f}s", file=sys.stderr)
    table = "\n".join(lines)
    print(table)
    if args.record:
        record_section(
            "MinHash implementations",
            f"`python benchmarks/minhash_options.py --ads {args.ads}`: {NUM_PERM} permutations over the word "
            f"3-gram shingles of {args.ads:,} demo ads (unveil's tokeniser), {len(test):,} pairs (half from one "
            f"poster) with exact Jaccard similarity; threshold {threshold}.",
            table,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
