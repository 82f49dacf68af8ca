"""``analyze``: ingest -> per-ad stages -> link -> networks -> score, into the store.

Ingest goes batch by batch; each batch (accepted ads with their entities and
flags, plus the batch's rejects) is committed in one transaction, so a run
killed at any moment leaves whole batches and a re-run completes the rest:
ads already stored with the same content hash are skipped, rejects already
recorded for the same file line are not added twice.  Cross-ad stages then
recompute links and networks from the stored evidence.
"""

from __future__ import annotations

import gc
import json
import logging
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
from tqdm import tqdm

from unveil import arrow_schemas
from unveil.extract import Extractor
from unveil.extract.user_patterns import load_user_extractors
from unveil.ingest.readers import RawRecord, expand_paths, file_sha256, read_records
from unveil.ingest.validate import Rejection, ad_key, validate_record
from unveil.link.identifiers import LinkSettings
from unveil.link.images import ImageSettings
from unveil.link.stage import LinkPlan, finish_link_stage, run_link_stage
from unveil.link.state import set_state
from unveil.link.text_signatures import TextSettings
from unveil.per_ad import RuleEvaluator, prepare_process, process_batch, rare_full_collections
from unveil.score.networks import score_networks
from unveil.store import Store

log = logging.getLogger("unveil")

REJECT_COLUMNS = ("input_file", "input_sha256", "line", "reason", "detail", "source", "record_id", "raw")


@dataclass
class RunSummary:
    run_id: str
    db: str
    files: int = 0
    records: int = 0
    accepted: int = 0
    unchanged: int = 0
    rejected: int = 0
    rejects_by_reason: dict[str, int] = field(default_factory=dict)
    ads_total: int = 0
    entities_total: int = 0
    flags_total: int = 0
    links_total: int = 0
    hubs: int = 0
    networks: int = 0
    networks_multi_ad: int = 0
    rejects_file: str | None = None
    report: str | None = None
    timings: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class AnalyzeOptions:
    """Options of ``analyze``; ``link``, ``text`` and ``images`` shape the links (docs/linking.md)."""

    batch_size: int = 2000
    link: LinkSettings = field(default_factory=LinkSettings)
    progress: bool = True
    workers: int = 1  # processes for the per-ad stages (and the link stage's fingerprints); 1: this process
    rejects_path: Path | None = None  # default: <db>.rejects.jsonl
    text: TextSettings = field(default_factory=TextSettings)
    images: ImageSettings = field(default_factory=ImageSettings)
    patterns: tuple[Path, ...] = ()  # user pattern files or folders for the extractors (docs/extraction.md)


def _default_source(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".jsonl", ".ndjson", ".csv", ".tsv", ".parquet", ".pq"):
        name = name.removesuffix(suffix)
    return name


def _chunks(records: Iterator[RawRecord], size: int) -> Iterator[list[RawRecord]]:
    chunk: list[RawRecord] = []
    for rec in records:
        chunk.append(rec)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Ingest:
    """State of one ingest pass over many files."""

    def __init__(self, store: Store, run_id: str, rules: RuleEvaluator | None, summary: RunSummary,
                 rejects_out: Any) -> None:
        self.store = store
        self.run_id = run_id
        self.rules = rules
        self.summary = summary
        self.rejects_out = rejects_out
        self.seen: dict[str, tuple[str, str, int]] = {}  # key -> (hash, file, line) first seen this run
        # Ads stored before this run: on a new database none, and ``seen`` knows every ad this run stores,
        # so the per-batch lookup in the store (a scan of the growing ads table) is skipped.
        self.stored_before = store.count("ads") > 0
        self.batches = 0

    def _reject(self, rows: list[dict[str, Any]], rec: RawRecord, sha: str, why: Rejection,
                source: str | None = None, record_id: str | None = None) -> None:
        row = {
            "input_file": str(rec.path), "input_sha256": sha, "line": rec.line, "reason": why.reason,
            "detail": why.detail, "source": source, "record_id": record_id, "raw": rec.raw,
        }
        rows.append(row)
        self.summary.rejected += 1
        self.summary.rejects_by_reason[why.reason] = self.summary.rejects_by_reason.get(why.reason, 0) + 1
        self.rejects_out.write(json.dumps(row, ensure_ascii=False) + "\n")

    def prepare(self, records: list[RawRecord], sha: str, default_source: str) -> _Prepared:
        """Validate a chunk and set aside rejects; returns the new ads to analyse."""
        rejects: list[dict[str, Any]] = []
        accepted: list[tuple[RawRecord, dict[str, Any]]] = []
        for rec in records:
            self.summary.records += 1
            if rec.error:
                self._reject(rejects, rec, sha, Rejection(rec.error, rec.detail))
                continue
            result = validate_record(rec.data, default_source)
            if isinstance(result, Rejection):
                rid = rec.data.get("id") if isinstance(rec.data, dict) else None
                self._reject(rejects, rec, sha, result, record_id=rid if isinstance(rid, str) else None)
                continue
            key = ad_key(result["source"], result["id"])
            first = self.seen.get(key)
            if first is not None:
                if first[0] == result["content_hash"]:
                    self.summary.unchanged += 1
                else:
                    self._reject(rejects, rec, sha, Rejection(
                        "duplicate_id",
                        f"id {result['id']!r} of source {result['source']!r} already read with different "
                        f"content from {first[1]} line {first[2]}",
                    ), result["source"], result["id"])
                continue
            self.seen[key] = (result["content_hash"], str(rec.path), rec.line)
            result["ad_key"] = key
            accepted.append((rec, result))
        stored = self.store.existing_hashes([ad["ad_key"] for _, ad in accepted]) if self.stored_before else {}
        new_ads = []
        for rec, ad in accepted:
            known = stored.get(ad["ad_key"])
            if known is None:
                ad["input_file"] = str(rec.path)
                ad["input_line"] = rec.line
                new_ads.append(ad)
            elif known[0] == ad["content_hash"]:
                self.summary.unchanged += 1
            else:
                self._reject(rejects, rec, sha, Rejection(
                    "duplicate_id",
                    f"id {ad['id']!r} of source {ad['source']!r} is already stored with different content "
                    f"(from {known[1]} line {known[2]})",
                ), ad["source"], ad["id"])
        return _Prepared(
            ads=pa.Table.from_pylist(new_ads, schema=arrow_schemas.ADS),
            rejects=pa.table({c: [r[c] for r in rejects] for c in REJECT_COLUMNS}, schema=_REJECTS_SCHEMA),
        )

    def write(self, prepared: _Prepared, entities: pa.Table, flags: pa.Table) -> None:
        self.store.write_batch(prepared.ads, entities, flags, prepared.rejects, self.run_id)
        self.summary.accepted += prepared.ads.num_rows
        self.batches += 1
        _fault_injection(self.batches)


@dataclass(frozen=True, slots=True)
class _Prepared:
    ads: pa.Table
    rejects: pa.Table


# Worker processes keep the rulebook and the extractors (built from the pattern files) they were started with.
_WORKER_RULES: RuleEvaluator | None = None
_WORKER_EXTRACTORS: tuple[Extractor, ...] | None = None


_WORKER_BATCHES = 0  # batches this worker has analysed
# A worker runs only the per-ad stages, which make no reference cycles (tests/unit/test_per_ad.py): its
# garbage collector, which walks each batch's live ads and entities again and again, is off, and a full
# collection every few batches frees whatever a cycle made by other code would hold (bounded memory).
BATCHES_BETWEEN_COLLECTIONS = 8


def _init_worker(rules: RuleEvaluator | None, patterns: tuple[Path, ...] = ()) -> None:
    global _WORKER_RULES, _WORKER_EXTRACTORS
    _WORKER_RULES = rules
    _WORKER_EXTRACTORS = load_user_extractors(patterns) if patterns else None
    prepare_process(rules, _WORKER_EXTRACTORS)
    gc.disable()


def _process_in_worker(ads: pa.Table) -> tuple[pa.Table, pa.Table]:
    global _WORKER_BATCHES
    result = process_batch(ads, _WORKER_RULES, _WORKER_EXTRACTORS)
    _WORKER_BATCHES += 1
    if _WORKER_BATCHES % BATCHES_BETWEEN_COLLECTIONS == 0:
        gc.collect()
    return result


def _run_ingest(ingest: _Ingest, batches: Iterator[_Prepared], workers: int,
                rules: RuleEvaluator | None, patterns: tuple[Path, ...] = (),
                extractors: tuple[Extractor, ...] | None = None) -> None:
    """Analyse prepared batches, in worker processes when ``workers > 1``, writing them in order.

    ``extractors`` (built from ``patterns`` by the caller) serve this process; workers rebuild them from
    ``patterns``.
    """
    if workers <= 1:
        prepare_process(rules, extractors)
        for prepared in batches:
            ingest.write(prepared, *process_batch(prepared.ads, rules, extractors))
        return
    ctx = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "forkserver")
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(rules, tuple(patterns))) as pool:
        pending: deque[tuple[_Prepared, Future[tuple[pa.Table, pa.Table]]]] = deque()
        for prepared in batches:
            pending.append((prepared, pool.submit(_process_in_worker, prepared.ads)))
            # Bound the work in flight so memory stays flat on any input size.
            while len(pending) > workers * 2:
                done, fut = pending.popleft()
                ingest.write(done, *fut.result())
        while pending:
            done, fut = pending.popleft()
            ingest.write(done, *fut.result())


def _fault_injection(batches_done: int) -> None:
    """Crash-consistency tests set this to SIGKILL the process after N committed batches."""
    limit = os.environ.get("UNVEIL_FAULT_KILL_AFTER_BATCHES")
    if limit and batches_done >= int(limit):
        os.kill(os.getpid(), signal.SIGKILL)


_REJECTS_SCHEMA = pa.schema([
    ("input_file", pa.string()), ("input_sha256", pa.string()), ("line", pa.int64()), ("reason", pa.string()),
    ("detail", pa.string()), ("source", pa.string()), ("record_id", pa.string()), ("raw", pa.string()),
])


@rare_full_collections()  # the run holds one record per ad read, then per network: full collections walk them all
def analyze(paths: Sequence[str | Path], db: str | Path, *, options: AnalyzeOptions | None = None,
            rules: RuleEvaluator | None = None) -> RunSummary:
    """Ingest ``paths`` into the store at ``db`` and run every stage.

    Raises:
        InputError: a path does not exist or has an unknown format.
        StoreError: the database cannot be opened.
        PatternError: a file of ``options.patterns`` is invalid (the message names file, line and key).
    """
    opts = options or AnalyzeOptions()
    files = expand_paths(paths)
    # Pattern files are checked before the store is touched: a bad file is a usage error (PatternError).
    extractors = load_user_extractors(opts.patterns) if opts.patterns else None
    t0 = time.perf_counter()
    inputs: list[dict[str, Any]] = [
        {"path": str(p), "sha256": file_sha256(p), "bytes": p.stat().st_size} for p in files
    ]
    store = Store(db)
    params = {"batch_size": opts.batch_size, "workers": opts.workers, "link": asdict(opts.link),
              "text": asdict(opts.text), "images": asdict(opts.images), "rulebook": getattr(rules, "version", None),
              "patterns": [str(p) for p in opts.patterns]}
    run_id = store.begin_run("analyze", params, inputs)
    summary = RunSummary(run_id=run_id, db=str(db), files=len(files))
    rejects_path = opts.rejects_path or Path(f"{db}.rejects.jsonl")
    summary.rejects_file = str(rejects_path)
    status = "failed"
    try:
        summary.timings["hash_inputs"] = time.perf_counter() - t0
        t = time.perf_counter()
        with rejects_path.open("w", encoding="utf-8") as rejects_out:
            ingest = _Ingest(store, run_id, rules, summary, rejects_out)
            total_bytes = sum(i["bytes"] for i in inputs)
            with tqdm(total=total_bytes, unit="B", unit_scale=True, desc="ingest", disable=not opts.progress,
                      leave=False) as bar:

                def prepared() -> Iterator[_Prepared]:
                    for path, info in zip(files, inputs, strict=True):
                        source = _default_source(path)
                        for chunk in _chunks(read_records(path), opts.batch_size):
                            yield ingest.prepare(chunk, info["sha256"], source)
                            bar.set_postfix(ads=summary.accepted, rejected=summary.rejected, refresh=False)
                        bar.update(info["bytes"])

                _run_ingest(ingest, prepared(), opts.workers, rules, opts.patterns, extractors)
        summary.timings["ingest"] = time.perf_counter() - t
        link_stages(store, run_id, opts, summary)
        summary.ads_total = store.count("ads")
        summary.entities_total = store.count("entities")
        summary.flags_total = store.count("indicators")
        status = "completed"
        return summary
    finally:
        summary.timings["total"] = time.perf_counter() - t0
        counts = {k: v for k, v in summary.to_dict().items() if isinstance(v, int | dict) and k != "timings"}
        store.finish_run(run_id, status, counts, summary.timings)
        store.close()


def link_stages(store: Store, run_id: str, opts: AnalyzeOptions, summary: RunSummary) -> None:
    """The cross-ad stages, through the store's engine: links, hubs and networks, then their scores.

    Incremental: only ads not linked before are fingerprinted, and only the networks they touch are
    recomputed and scored (docs/linking.md).  Timings land in ``summary.timings`` per step (``link_*``,
    ``image_hashes``, ``networks``, ``score``) with ``link_total`` for the whole cross-ad part; the step
    counts are kept in ``link_state`` under ``last_counts``.
    """
    engine = store.engine
    t0 = time.perf_counter()
    plan = LinkPlan(identifiers=opts.link, text=opts.text, images=opts.images)
    counts = run_link_stage(engine, run_id, plan, workers=opts.workers, progress=opts.progress,
                            timings=summary.timings)
    t = time.perf_counter()
    counts.update(score_networks(engine, run_id, full=bool(counts.get("link_rebuild"))))
    summary.timings["score"] = round(time.perf_counter() - t, 3)
    set_state(engine, "last_counts", json.dumps(counts, sort_keys=True, default=str))
    finish_link_stage(engine)
    summary.timings["link_total"] = round(time.perf_counter() - t0, 3)
    summary.networks = store.count("networks")
    summary.networks_multi_ad = int(engine.scalar("SELECT COUNT(*) AS n FROM networks WHERE size > 1") or 0)
    summary.links_total = store.count("links")
    summary.hubs = store.count("hub_identifiers")
