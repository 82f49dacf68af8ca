"""Shared fixtures: small synthetic inputs written on the fly."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from unveil.extract import extract_ad, keep_recent_fields
from unveil.store import Store
from unveil.store.schema import RESULT_TABLES

# CI runs every property test on the same examples (a seed per test): a rare example found at random would
# otherwise fail one run and pass the next.  Local runs keep exploring new examples; set HYPOTHESIS_PROFILE=ci
# to replay CI's.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
_PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "")
if _PROFILE:
    settings.load_profile(_PROFILE)

# Columns that record *when* or *by which run* a row was written; they differ
# between two runs that produce the same results.
VOLATILE = {"run_id", "ingested_at"}


@pytest.fixture(autouse=True)
def _forget_recent_fields() -> Iterable[None]:
    """A single-process analyze in a test turns on the cross-batch field cache for the whole pytest process;
    a later test that patches an extractor must not be served results read before the patch."""
    yield
    keep_recent_fields(0)


def write_jsonl(path: Path, records: Iterable[Any]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write((rec if isinstance(rec, str) else json.dumps(rec, ensure_ascii=False)) + "\n")
    return path


@pytest.fixture
def jsonl(tmp_path: Path) -> Callable[..., Path]:
    def make(records: Iterable[Any], name: str = "ads.jsonl") -> Path:
        return write_jsonl(tmp_path / name, records)

    return make


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every result table as sorted rows, without run-specific columns."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with Store(db, read_only=True) as store:
        for table in RESULT_TABLES:
            rows = store.rows(f"SELECT * FROM {table}")
            out[table] = sorted(
                tuple((k, json.dumps(v, sort_keys=True, default=str)) for k, v in sorted(r.items())
                       if k not in VOLATILE) for r in rows
            )
    return out


def simple_ads(n: int, *, networks: int = 5, seed: int = 0) -> list[dict[str, Any]]:
    """Plain synthetic ads: ``networks`` groups sharing a phone, the rest alone.

    Phone numbers are in the UK drama range 020 7946 0xxx (reserved for fiction).
    """
    ads = []
    for i in range(n):
        group = i % (networks * 2)
        if group < networks:
            phone = f"020 7946 0{group:03d}"
        else:
            phone = f"020 7946 0{(100 + i) % 1000:03d}"
        ads.append({
            "id": f"ad{i}",
            "source": "site-a",
            "title": f"Ad number {i}",
            "body": f"Hello, I am available for appointments. Call {phone}. Ref {i}",
            "country": "GB",
            "city": ["Leeds", "York", "Hull"][i % 3],
            "posted_at": f"2026-01-{1 + i % 28:02d}T10:00:00Z",
        })
    return ads


def extract_entities(body: str, country: str | None, kind: str, lang: str | None = None) -> list[Any]:
    """The entities of one kind that ``extract_ad`` reads in an ad of ``body`` (prices without fees)."""
    ad = {"body": body}
    if country:
        ad["country"] = country
    if lang:
        ad["lang"] = lang
    return [e for e in extract_ad(ad) if e.kind == kind and not (kind == "price" and e.attrs.get("fee"))]


def extract_values(body: str, country: str | None, kind: str, lang: str | None = None) -> list[str]:
    """The sorted values of :func:`extract_entities`."""
    return sorted(e.value for e in extract_entities(body, country, kind, lang))
