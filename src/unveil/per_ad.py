"""The per-ad stages as one pure function over an Arrow batch of ads.

normalise -> extract -> indicators happen ad by ad with no shared state, so
any engine can run ``process_batch`` on its own partitions (DuckDB in this
process, Spark through ``mapInArrow``) and get the same rows.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

import pyarrow as pa

from unveil import arrow_schemas
from unveil.extract import Extractor, extract_ad, extract_batch, keep_recent_fields
from unveil.types import Entity, Flag


class RuleEvaluator(Protocol):
    """Anything that turns an ad and its entities into indicator flags."""

    def evaluate(self, ad: Mapping[str, Any], entities: Sequence[Entity]) -> list[Flag]: ...


@dataclass(frozen=True, slots=True)
class AdResult:
    entities: list[Entity]
    flags: list[Flag]


def analyse_ad(ad: Mapping[str, Any], rules: RuleEvaluator | None = None,
               extractors: Iterable[Extractor] | None = None) -> AdResult:
    """Extract entities and flags from one ad dict (contract fields).

    ``extractors``: the built-in ones by default; a run with ``--patterns`` passes its own
    (:func:`unveil.extract.user_patterns.load_user_extractors`).
    """
    entities = extract_ad(ad, extractors)
    flags = rules.evaluate(ad, entities) if rules is not None else []
    return AdResult(entities, flags)


# An ad that reaches the lazily built tables of every stage (gazetteer, language model, number words,
# platform and email word lists), so that a worker builds them before it starts timing real work.
_WARM_UP_AD: dict[str, Any] = {
    "ad_key": "warm-up", "title": "Anna, Paris", "country": "FR", "lang": "fr",
    "body": "Bonjour, je suis Anna, 25 ans, à Paris. 100 € / heure. Appelle 01 99 00 12 34 ou "
            "zéro un 99 00 12 35, anna at example dot com, snap: anna_x, paypal.me/anna.",
}


def warm_up(rules: RuleEvaluator | None = None, extractors: Sequence[Extractor] | None = None) -> None:
    """Build the lazily loaded tables now (about a second) instead of in the first real ad."""
    analyse_ad(_WARM_UP_AD, rules, extractors)


def prepare_process(rules: RuleEvaluator | None = None, extractors: Sequence[Extractor] | None = None) -> None:
    """:func:`warm_up`, then move everything alive out of the garbage collector's sight.

    The gazetteer, the language model and the rule tries are a few hundred thousand long-lived objects;
    left in the tracked generations, every full collection walks them again while a batch allocates
    millions of short-lived entities, which costs about 5% of the per-ad time.  ``gc.freeze`` keeps them
    out of all later collections; objects made afterwards are collected as usual.  Worker processes and
    single-process runs call this before their first batch.  The freeze happens once per process: a
    long-lived process that analyses many times (a notebook, the test suite) keeps collecting what it
    makes later.  It also turns on :func:`~unveil.extract.keep_recent_fields` (titles recur across
    batches); the web server, which screens ads for other parties, does not call this.

    Full collections are also made rare (one per :data:`FULL_COLLECTION_AFTER` middle-generation
    collections instead of about every ten): each walks every container the caches hold (about 0.1 s),
    they cost 5% of a worker's time, and the per-ad stages leave no reference cycles to collect (a full
    collection after thousands of demo ads frees nothing).  Younger collections run as before, and full
    ones still run now and then, so a cycle made by other code in the process is still freed.
    """
    keep_recent_fields(RECENT_FIELDS)
    warm_up(rules, extractors)
    if not _FROZEN:
        gc.collect()
        gc.freeze()
        _make_full_collections_rare()
        _FROZEN.append(True)


def _make_full_collections_rare() -> tuple[int, int, int]:
    """Raise the third garbage-collector threshold to :data:`FULL_COLLECTION_AFTER`; return the old ones."""
    old = gc.get_threshold()
    gc.set_threshold(old[0], old[1], max(old[2], FULL_COLLECTION_AFTER))
    return old


@contextmanager
def rare_full_collections() -> Iterator[None]:
    """Full collections rare (see :func:`prepare_process`) for the length of the block.

    The ingesting process keeps one small record per ad read (to spot a repeated id), a million at 1M ads;
    each full collection walks them all, which cost 8% of that process's time at 100k ads (and 4% of the
    link stage's).
    """
    old = _make_full_collections_rare()
    try:
        yield
    finally:
        gc.set_threshold(*old)


_FROZEN: list[bool] = []  # prepare_process froze this process's objects
FULL_COLLECTION_AFTER = 1000  # middle-generation collections between two full ones in a batch process
RECENT_FIELDS = 32768  # short fields whose entities a batch process keeps across batches (~30 MiB)


# Entities repeat a handful of attribute sets ({"obfuscated": false, ...}): their JSON is kept, keyed on
# (name, type, value) so that True, 1 and 1.0 (equal in Python, not in JSON) stay apart.
_ATTRS_JSON: dict[tuple[Any, ...], str] = {}
_ATTRS_JSON_MAX = 4096


def attrs_json(attrs: Mapping[str, Any]) -> str:
    """``attrs`` as canonical JSON (sorted keys, UTF-8 kept): what the ``attrs`` columns store."""
    try:
        key = tuple((k, type(v), v) for k, v in attrs.items())
        out = _ATTRS_JSON.get(key)
    except TypeError:  # an unhashable value (a list): not kept
        return json.dumps(attrs, sort_keys=True, ensure_ascii=False)
    if out is None:
        if len(_ATTRS_JSON) >= _ATTRS_JSON_MAX:
            _ATTRS_JSON.clear()
        out = _ATTRS_JSON[key] = json.dumps(attrs, sort_keys=True, ensure_ascii=False)
    return out


def process_batch(batch: pa.RecordBatch | pa.Table, rules: RuleEvaluator | None = None,
                  extractors: Sequence[Extractor] | None = None) -> tuple[pa.Table, pa.Table]:
    """Entities and flags for every ad of an ``ADS`` batch, as Arrow tables."""
    ent_cols: dict[str, list[Any]] = {name: [] for name in arrow_schemas.ENTITIES.names}
    flag_cols: dict[str, list[Any]] = {name: [] for name in arrow_schemas.FLAGS.names}
    ads = batch.to_pylist()
    # Extraction runs extractor by extractor over the whole batch (faster, same entities as per ad).
    for ad, entities in zip(ads, extract_batch(ads, extractors), strict=True):
        result = AdResult(entities, rules.evaluate(ad, entities) if rules is not None else [])
        key = ad["ad_key"]
        for e in result.entities:
            ent_cols["ad_key"].append(key)
            ent_cols["kind"].append(e.kind)
            ent_cols["value"].append(e.value)
            ent_cols["field"].append(e.field)
            ent_cols["start"].append(e.start)
            ent_cols["end"].append(e.end)
            ent_cols["text"].append(e.text)
            ent_cols["attrs"].append(attrs_json(e.attrs))
        for f in result.flags:
            flag_cols["ad_key"].append(key)
            flag_cols["rule"].append(f.rule)
            flag_cols["category"].append(f.category)
            flag_cols["grade"].append(f.grade)
            flag_cols["field"].append(f.field)
            flag_cols["start"].append(f.start)
            flag_cols["end"].append(f.end)
            flag_cols["text"].append(f.text)
            flag_cols["weight"].append(f.weight)
    return (
        pa.table(ent_cols, schema=arrow_schemas.ENTITIES),
        pa.table(flag_cols, schema=arrow_schemas.FLAGS),
    )
