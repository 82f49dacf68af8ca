"""``unveil demo``: generate the synthetic corpus, analyse it, write the report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from unveil.per_ad import RuleEvaluator
from unveil.pipeline import AnalyzeOptions, analyze
from unveil.report.html import network_records, summary_lines, write_report
from unveil.store import Store

TOP = 10


def run_demo(n_ads: int = 2000, out: Path = Path("unveil-demo"), seed: int = 7, *, images: bool = True,
             progress: bool = True, rules: RuleEvaluator | None = None) -> dict[str, Any]:
    """Write the corpus under ``out``, analyse it into ``out/unveil.duckdb``; return a summary.

    A store left by an earlier demo in the same folder is replaced, so the
    demo always shows one corpus.
    """
    from unveil.demo.generator import generate_corpus

    out.mkdir(parents=True, exist_ok=True)
    corpus = generate_corpus(out / "corpus", n_ads=n_ads, seed=seed, images=images)
    db = out / "unveil.duckdb"
    for stale in (db, Path(f"{db}.wal")):
        stale.unlink(missing_ok=True)
    inputs = [corpus.ads_path] + ([corpus.bad_path] if corpus.bad_path else [])
    summary = analyze(inputs, db, options=AnalyzeOptions(progress=progress, rejects_path=out / "rejects.jsonl"),
                      rules=rules)
    report = out / "report.html"
    with Store(db) as store:
        write_report(store, report, run={"run_id": summary.run_id})
        top = network_records(store, min_size=2, limit=TOP)
    print("\n".join(summary_lines(top)), file=sys.stderr)
    print(f"\nreport:   {report}\ndatabase: {db}\ntruth:    {corpus.truth_path}", file=sys.stderr)
    return {
        "report": str(report),
        "db": str(db),
        "corpus": str(corpus.ads_path),
        "ground_truth": str(corpus.truth_path),
        "ads": summary.ads_total,
        "accepted": summary.accepted,
        "rejected": summary.rejected,
        "networks": summary.networks_multi_ad,
        "top_networks": [
            {k: n[k] for k in ("network_id", "size", "risk", "cities")} | {"top_reason": (n["reasons"] or [{}])[0]
                                                                            .get("text")}
            for n in top
        ],
    }
