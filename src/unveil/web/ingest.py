"""Batch ingest through the API: the posted ads become an input file and go through ``analyze``.

Posted records are written to ``<db>.ingest/<batch>/api.jsonl`` (their
provenance: ``input_file``/``input_line`` point there, the source defaults
to ``api``) and the ordinary pipeline runs on it in this process, which
already owns the store.  Readers wait while it runs, so no page shows a half
rebuilt set of networks.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from unveil.per_ad import RuleEvaluator
from unveil.store.store import utcnow
from unveil.web.db import Database

MAX_BATCH = 5000


def ingest_records(db: Database, ingest_root: Path, records: Sequence[dict[str, Any]],
                   rules: RuleEvaluator | None, username: str) -> dict[str, Any]:
    """Write the records to a batch file, analyse it into the store; return the run summary and rejects."""
    from unveil.pipeline import AnalyzeOptions, analyze  # the whole pipeline, only when ingesting

    if len(records) > MAX_BATCH:
        raise ValueError(f"at most {MAX_BATCH} ads per batch")
    batch = f"{utcnow():%Y%m%dT%H%M%S}-{secrets.token_hex(4)}"
    folder = ingest_root / batch
    folder.mkdir(parents=True, exist_ok=False)
    path = folder / "api.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    (folder / "meta.json").write_text(json.dumps({"user": username, "records": len(records)}), encoding="utf-8")
    rejects_path = folder / "rejects.jsonl"
    with db.exclusive():
        summary = analyze([path], db.path, options=AnalyzeOptions(progress=False, rejects_path=rejects_path),
                          rules=rules)
    rejects = []
    if rejects_path.exists():
        # split on "\n" only: the JSON may hold U+2028 and other characters splitlines() breaks on
        for line in rejects_path.read_text(encoding="utf-8").split("\n"):
            if not line:
                continue
            r = json.loads(line)
            rejects.append({"index": int(r["line"]) - 1, "reason": r["reason"], "detail": r["detail"],
                            "record_id": r.get("record_id")})
    out = summary.to_dict()
    return {
        "batch": batch,
        "run_id": out["run_id"],
        "records": out["records"],
        "accepted": out["accepted"],
        "unchanged": out["unchanged"],
        "rejected": out["rejected"],
        "rejects": rejects,
        "ads_total": out["ads_total"],
        "networks": out["networks"],
    }
